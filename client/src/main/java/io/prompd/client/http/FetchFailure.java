package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A request that failed on the way to the registry or at its server, rather than for what it asked: given up on after
 * its tries, or sent to a server that does not speak the URL's protocol. A type of its own so that the caller, which
 * knows which registry it asked and how the configuration chose it, can name it: with several registries, that tells
 * which entry of the configuration to look at.
 */
public final class FetchFailure extends PrompdException {

    /** The {@code kind} of a request given up on that no connection was made for: refused, timed out, no such host. */
    public static final String UNREACHABLE = "unreachable";
    /** The {@code kind} of a request given up on whose last answer was 429, too many requests. */
    public static final String RATE_LIMITED = "rateLimited";
    /** The {@code kind} of a request given up on whose last answer was a 5xx. */
    public static final String SERVER_ERROR = "serverError";

    private final boolean urlSuspect;
    private final transient Optional<String> unreachable;

    /**
     * @param urlSuspect whether the registry's URL is the likely cause, to be corrected where the configuration sets it
     */
    FetchFailure(String message, String hint, boolean urlSuspect, Throwable cause) {
        this(message, hint, urlSuspect, cause, Optional.empty(), null, Map.of());
    }

    /**
     * @param kind null for the network's own
     */
    private FetchFailure(String message, String hint, boolean urlSuspect, Throwable cause, Optional<String> unreachable,
                         String kind, Map<String, Object> fields) {
        super(ExitCode.NETWORK, message, hint, cause, kind, fields);
        this.urlSuspect = urlSuspect;
        this.unreachable = unreachable;
    }

    /**
     * A request to {@code url} given up on, whose last failure tells a script what to do: wait as long as the registry
     * asks, retry a server failing for now, look into the network for a host not reached.
     *
     * @param unreachable the last failure of a host given up on, unreachable on every try ({@link #unreachable})
     */
    static FetchFailure gaveUp(String message, String hint, URI url, TransientFailure last,
                               Optional<String> unreachable) {
        return new FetchFailure(message, hint, false, last, unreachable, kindOf(last).orElse(null),
                RequestFields.of(last.status(), last.retryAfter(), url));
    }

    private static Optional<String> kindOf(TransientFailure last) {
        if (last.unconnected()) {
            return Optional.of(UNREACHABLE);
        }
        int status = last.status().orElse(0);
        if (status == 429) {
            return Optional.of(RATE_LIMITED);
        }
        return status >= 500 ? Optional.of(SERVER_ERROR) : Optional.empty();
    }

    /**
     * The failure of a request for a document the cache holds, which an {@code --offline} run reads instead: only
     * then does the hint offer it, as one for a document not cached would fail as "offline and not cached".
     */
    FetchFailure cached() {
        return new FetchFailure(getMessage(), hint() + RegistryFetcher.OFFLINE_OFFER, urlSuspect, getCause(),
                unreachable, kind().orElse(null), fields());
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
