package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.util.Map;

/**
 * An {@code --offline} run needed what the cache does not hold: a registry document, a tarball, or a version only a
 * download would bring. Every such miss ends with the network's exit code, whichever layer finds it, as npm's
 * {@code ENOTCACHED} and cargo's {@code --offline} failures say that the network is what it needs; its {@code kind}
 * tells it apart from a registry that could not be reached.
 */
public final class NotCached extends PrompdException {

    /** The {@code kind} of its {@code --json} error. */
    public static final String KIND = "notCached";

    /**
     * @param message what the run needed that is not cached
     * @param hint    the run without {@code --offline} that would get it into the cache
     * @param cause   the failure that found the miss, as a resolution's, whose explanation the message tells
     */
    public NotCached(String message, String hint, Throwable cause) {
        super(ExitCode.NETWORK, message, hint, cause, KIND, Map.of());
    }

    public NotCached(String message, String hint) {
        this(message, hint, null);
    }
}
