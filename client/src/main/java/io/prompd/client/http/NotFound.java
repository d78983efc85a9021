package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.protocol.Urls;
import java.net.URI;

/**
 * A registry has no such file: it answered 404 or 410, or its folder lacks it. A type of its own so
 * that a caller naming the file in its own words can say where the request ended, when redirects led
 * away from the URL asked for.
 */
public final class NotFound extends PrompdException {

    private final URI answeredBy;

    NotFound(URI url, URI answeredBy, String hint) {
        super(ExitCode.NOT_FOUND, "not found in the registry: " + Urls.displayAnswered(url, answeredBy), hint);
        this.answeredBy = answeredBy;
    }

    /** The URL that answered, after any redirects; a file's is the one asked for. */
    public URI answeredBy() {
        return answeredBy;
    }
}
