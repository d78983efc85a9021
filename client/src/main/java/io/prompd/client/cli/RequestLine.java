package io.prompd.client.cli;

import io.prompd.client.http.RequestListener;
import io.prompd.core.Sizes;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.util.Optional;

/**
 * A try of a request as {@code --verbose} lists it on stderr, one line each, as {@code npm install --verbose} lists
 * its fetches: {@code verbose: GET https://r.example/@acme/x/index.json 200 3.1 KiB 12 ms}. A URL is shown as every
 * message shows it ({@link Urls#display}), so that no user part, token or signed query gets into a log, and a
 * registry folder's file by its path.
 */
final class RequestLine {

    static final String PREFIX = "verbose: ";

    private RequestLine() {
    }

    static String of(RequestListener.Ended ended) {
        boolean file = RegistryLayout.isFileUrl(ended.url());
        String shown = file ? path(ended.url()) : Urls.displayAnswered(ended.url(), ended.answeredBy());
        // a cached copy taken offline was never asked for: its line names no GET
        String asked = ended.outcome() == RequestListener.Outcome.CACHED ? "cached" : file ? "read" : "GET";
        String took = ended.took().toMillis() + " ms";
        String outcome = switch (ended.outcome()) {
            case READ -> Sizes.readable(ended.bytes()) + " " + took;
            case FETCHED -> "200 " + Sizes.readable(ended.bytes()) + " " + took;
            case REVALIDATED -> "304 " + took + " (cache revalidated: the cached copy is used)";
            case CACHED -> "(offline: not asked)";
            case FAILED -> "failed (" + ended.failure().orElseThrow() + ") " + took;
        };
        return PREFIX + asked + " " + shown + " " + outcome;
    }

    /** A file URL's path, as the user gave the folder; one that has none (not hierarchical) as the URL. */
    private static String path(URI url) {
        return Optional.ofNullable(url.getPath()).filter(path -> !path.isEmpty()).orElseGet(() -> Urls.display(url));
    }
}
