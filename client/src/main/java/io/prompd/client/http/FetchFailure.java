package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;

/**
 * A request that failed on the way to the registry or at its server, rather than for what it asked: given up on after
 * its tries, or sent to a server that does not speak the URL's protocol. A type of its own so that the caller, which
 * knows which registry it asked and how the configuration chose it, can name it: with several registries, that tells
 * which entry of the configuration to look at.
 */
public final class FetchFailure extends PrompdException {

    private final boolean urlSuspect;

    /**
     * @param urlSuspect whether the registry's URL is the likely cause, to be corrected where the configuration sets it
     */
    FetchFailure(String message, String hint, boolean urlSuspect, Throwable cause) {
        super(ExitCode.NETWORK, message, hint, cause);
        this.urlSuspect = urlSuspect;
    }

    public boolean urlSuspect() {
        return urlSuspect;
    }
}
