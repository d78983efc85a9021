package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.util.Optional;

/**
 * A request that failed on the way to the registry or at its server, rather than for what it asked: given up on after
 * its tries, or sent to a server that does not speak the URL's protocol. A type of its own so that the caller, which
 * knows which registry it asked and how the configuration chose it, can name it: with several registries, that tells
 * which entry of the configuration to look at.
 */
public final class FetchFailure extends PrompdException {

    private final boolean urlSuspect;
    private final transient Optional<String> unreachable;

    /**
     * @param urlSuspect whether the registry's URL is the likely cause, to be corrected where the configuration sets it
     */
    FetchFailure(String message, String hint, boolean urlSuspect, Throwable cause) {
        this(message, hint, urlSuspect, cause, Optional.empty());
    }

    /**
     * @param unreachable the last failure of a host given up on, unreachable on every try ({@link #unreachable})
     */
    FetchFailure(String message, String hint, boolean urlSuspect, Throwable cause, Optional<String> unreachable) {
        super(ExitCode.NETWORK, message, hint, cause);
        this.urlSuspect = urlSuspect;
        this.unreachable = unreachable;
    }

    /**
     * The failure of a request for a document the cache holds, which an {@code --offline} run reads instead: only
     * then does the hint offer it, as one for a document not cached would fail as "offline and not cached".
     */
    FetchFailure cached() {
        return new FetchFailure(getMessage(), hint() + RegistryFetcher.OFFLINE_OFFER, urlSuspect, getCause(),
                unreachable);
    }

    public boolean urlSuspect() {
        return urlSuspect;
    }

    /**
     * When the URL's host could not be reached on any attempt, the last attempt's failure ({@code cannot reach
     * https://r.example (connection refused)}): the same for every request of the run to that host, the one that gave
     * up and those not tried after it, so that a caller asking for many URLs can tell the outage once rather than by
     * each URL's message, which differ.
     */
    public Optional<String> unreachable() {
        return unreachable;
    }
}
