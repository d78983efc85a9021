package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.protocol.Urls;
import java.net.URI;

/**
 * A registry answered 401 or 403. A type of its own so that the caller, which knows which
 * registry it asked and what credentials it has for it, can say what to do about it.
 */
public final class AccessRefused extends PrompdException {

    private final int status;
    private final URI url;
    private final URI answeredBy;
    private final boolean authorized;

    AccessRefused(int status, URI url, URI answeredBy, boolean authorized) {
        super(ExitCode.NETWORK, "the registry refused access (HTTP " + status + "): "
                + Urls.displayAnswered(url, answeredBy),
                "log in with 'prompd login --registry REGISTRY', naming the registry as configured");
        this.status = status;
        this.url = url;
        this.answeredBy = answeredBy;
        this.authorized = authorized;
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

    /**
     * Whether the refused request carried the credential: a credential goes only to URLs under its
     * registry's, and not again once a redirect has left them, so a refusal without it is no verdict on it.
     */
    public boolean authorized() {
        return authorized;
    }
}
