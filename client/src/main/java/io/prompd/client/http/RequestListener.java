package io.prompd.client.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Hears how the requests of a run go. Each request about to be tried again, before the wait in between: a registry
 * may ask for a wait of up to {@link RetryPolicy#maxWait()}, and a try may take a timeout's 30 s before it fails, so a
 * user who sees nothing happen takes the run for hung. And each try that ended, for a user who asks what a slow or
 * odd run fetched ({@code --verbose}), which only that user hears: a run tells nothing else of it. Calls come from the
 * requesting threads, several at once in an install.
 */
@FunctionalInterface
public interface RequestListener {

    /** Hears nothing. */
    RequestListener NONE = retry -> { };

    void retrying(Retry retry);

    /** A try of a request ended, as {@code ended} tells: nothing is done with it unless a listener asks. */
    default void ended(Ended ended) {
    }

    /**
     * A request about to be tried again.
     *
     * @param url         what is asked for again once the wait is over
     * @param failure     why the last try failed, such as {@code HTTP 429} or {@code timed out}
     * @param asked       the wait the registry asked for ({@code Retry-After}); empty for the short pause of prompd's
     *                    own
     * @param nextAttempt the try about to come, counted from 1 for the first
     * @param maxAttempts the tries there are in all
     */
    record Retry(URI url, String failure, Optional<Duration> asked, int nextAttempt, int maxAttempts) {
        public Retry {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(asked, "asked");
        }
    }

    /** How a try of a request ended. */
    enum Outcome {
        /** A registry folder's file was read. */
        READ,
        /** The cached copy of a document was taken without asking the registry, as an {@code --offline} run does. */
        CACHED,
        /** The registry answered 304: the cached copy, whose validators were sent, is still the document. */
        REVALIDATED,
        /** The registry answered 200 and sent the body. */
        FETCHED,
        /** The try failed; a {@link Retry} told first says another follows. */
        FAILED
    }

    /**
     * A try of a request that ended.
     *
     * @param url        the URL asked for, which may hold a user part or a query: shown only as {@code Urls.display}
     *                   shows it, hiding those
     * @param answeredBy the URL that answered, after any redirects; the one asked for when none led elsewhere or no
     *                   answer came
     * @param failure    why the try failed, such as {@code HTTP 503} or {@code timed out}: present when it is
     *                   {@link Outcome#FAILED} alone
     * @param bytes      how many bytes of the body came (a document's decoded), 0 when none did
     * @param took       how long the try took, from its start to its body's end; zero for a cached copy
     */
    record Ended(URI url, URI answeredBy, Outcome outcome, Optional<String> failure, long bytes, Duration took) {
        public Ended {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(answeredBy, "answeredBy");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(took, "took");
            if (failure.isPresent() != (outcome == Outcome.FAILED)) {
                throw new IllegalArgumentException("a failure goes with a failed try, and only with one: " + outcome);
            }
            if (bytes < 0 || took.isNegative()) {
                throw new IllegalArgumentException("negative bytes or time: " + bytes + ", " + took);
            }
        }
    }
}
