package io.prompd.core;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * A kind of failure among the causes of another: futures, streams, JGit and Jackson wrap the failure a message is
 * made from in their own, sometimes several deep.
 */
public final class Causes {

    private Causes() {
    }

    /** The failure itself or the first of its causes that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return find(failure, type, found -> true);
    }

    /** The failure itself or the first of its causes that is a {@code type} and {@code fits}. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type, Predicate<? super T> fits) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause) && fits.test(type.cast(cause))) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
