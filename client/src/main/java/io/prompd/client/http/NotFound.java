package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A registry has no such file: it answered 404 or 410, or its folder lacks it. A type of its own so
 * that a caller naming the file in its own words can say where the request ended, when redirects led
 * away from the URL asked for.
 */
public final class NotFound extends PrompdException {

    private final URI url;
    private final URI answeredBy;
    private final OptionalInt status;

    /**
     * @param status the answer's, 404 or 410; empty for a registry's folder
     */
    NotFound(URI url, URI answeredBy, OptionalInt status, String hint) {
        super(ExitCode.NOT_FOUND, "not found in the registry: " + Urls.displayAnswered(url, answeredBy), hint);
        this.url = url;
        this.answeredBy = answeredBy;
        this.status = status;
    }

    /**
     * What a script is given of the request, as {@link RequestFields} shapes it, for a failure telling this one in
     * its own words.
     */
    public Map<String, Object> requestFields() {
        return RequestFields.of(status, Optional.empty(), url);
    }

    /** The URL that answered, after any redirects; a file's is the one asked for. */
    public URI answeredBy() {
        return answeredBy;
    }
}
