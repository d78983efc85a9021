package io.prompd.client.config;

import io.prompd.core.TerminalText;
import io.prompd.core.config.ConfigFields;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * How long a request to a registry waits and how often one that fails is tried again, where the user chose it: the
 * configuration's {@code http.timeout} and {@code http.retries}, or the variables that win over them for a run, as
 * cargo's {@code http.timeout} and {@code net.retry} ({@code CARGO_HTTP_TIMEOUT}, {@code CARGO_NET_RETRY}) and npm's
 * {@code fetch-timeout} and {@code fetch-retries}. A limit not chosen is empty, and the fetcher's default holds.
 *
 * @param timeoutSeconds how long each wait on the registry may last, in seconds: for the connection, for the answer's
 *                       headers, for the next bytes of a body, and the window of the low-speed limit, as cargo's
 *                       {@code http.timeout} bounds both curl's connect time and its low-speed time
 * @param retries        how many times a request that failed for a reason that may pass is tried again
 */
public record HttpLimits(OptionalInt timeoutSeconds, OptionalInt retries) {

    public static final HttpLimits NONE = new HttpLimits(OptionalInt.empty(), OptionalInt.empty());

    public HttpLimits {
        Objects.requireNonNull(timeoutSeconds, "timeoutSeconds");
        Objects.requireNonNull(retries, "retries");
        timeoutSeconds.ifPresent(Limit.TIMEOUT::require);
        retries.ifPresent(Limit.RETRIES::require);
    }

    /** These limits, each one not chosen taken from {@code fallback}: a variable's over the configuration's. */
    public HttpLimits or(HttpLimits fallback) {
        return new HttpLimits(timeoutSeconds.isPresent() ? timeoutSeconds : fallback.timeoutSeconds,
                retries.isPresent() ? retries : fallback.retries);
    }

    /** One of the limits, by the field of {@code config.json}'s {@code http} that holds it. */
    public enum Limit {
        /**
         * Up to an hour: a wait longer than that is no slow network's, and a mistyped unit (milliseconds for seconds)
         * would hold a run for days.
         */
        TIMEOUT(ConfigFields.TIMEOUT, 1, 3600, "a whole number of seconds", 60),
        /**
         * Up to ten: a request failing for good is then given up on within minutes rather than hours, and a registry
         * still failing after ten tries again is down, which a CI job is better told than held by.
         */
        RETRIES(ConfigFields.RETRIES, 0, 10, "a whole number", 5);

        /** Digits alone, no more than a limit's value takes: a longer number is out of range all the same. */
        private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

        private final String field;
        private final int least;
        private final int most;
        private final String kind;
        private final int example;

        Limit(String field, int least, int most, String kind, int example) {
            this.field = field;
            this.least = least;
            this.most = most;
            this.kind = kind;
            this.example = example;
        }

        /** The field under {@code http} in {@code config.json}, the last part of its configuration key. */
        public String field() {
            return field;
        }

        /** Its key, as {@code prompd config} names it: {@code http.timeout}. */
        public String key() {
            return ConfigFields.HTTP + "." + field;
        }

        /** A value it takes, for a hint to show how one is written. */
        public int example() {
            return example;
        }

        /** What it takes, as messages say it: {@code a whole number of seconds from 1 to 3600}. */
        public String takes() {
            return kind + " from " + least + " to " + most;
        }

        /**
         * The value a user typed, digits alone, white space around them aside.
         *
         * @throws IllegalArgumentException saying what it takes, of any other text or a number out of its range
         */
        public int parse(String text) {
            String digits = text.strip();
            if (!DIGITS.matcher(digits).matches() || !allows(Integer.parseInt(digits))) {
                throw new IllegalArgumentException(TerminalText.quoted(text) + " is not " + takes());
            }
            return Integer.parseInt(digits);
        }

        /** Whether the value is in its range. */
        public boolean allows(int value) {
            return value >= least && value <= most;
        }

        private void require(int value) {
            if (!allows(value)) {
                throw new IllegalArgumentException(key() + " must be " + takes() + ", not " + value);
            }
        }

        // exhaustive switches, no default: a limit added is a compile error here until it has a field of its own

        /** Its value among the limits, empty when not chosen. */
        public OptionalInt of(HttpLimits limits) {
            return switch (this) {
                case TIMEOUT -> limits.timeoutSeconds();
                case RETRIES -> limits.retries();
            };
        }

        /** The limits with its value set to {@code value}, or not chosen when that is empty. */
        public HttpLimits in(HttpLimits limits, OptionalInt value) {
            return switch (this) {
                case TIMEOUT -> new HttpLimits(value, limits.retries());
                case RETRIES -> new HttpLimits(limits.timeoutSeconds(), value);
            };
        }
    }
}
