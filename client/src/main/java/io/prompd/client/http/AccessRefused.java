package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.net.URI;

/**
 * A registry answered 401 or 403. A type of its own so that the caller, which knows which
 * registry it asked and whether it sent credentials, can say what to do about it.
 */
public final class AccessRefused extends PrompdException {

    private final int status;
    private final URI url;
    private final URI answeredBy;

    AccessRefused(int status, URI url, URI answeredBy) {
        super(ExitCode.NETWORK, "the registry refused access (HTTP " + status + "): " + Urls.displayAnswered(url, answeredBy),
                "log in with 'prompd login --registry REGISTRY', naming the registry as configured");
        this.status = status;
        this.url = url;
        this.answeredBy = answeredBy;
    }

    public int status() {
        return status;
    }

    /** The URL asked for. */
    public URI url() {
        return url;
    }

    /** The URL that refused, after any redirects. */
    public URI answeredBy() {
        return answeredBy;
    }
}
