package io.prompd.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(1000),
            Duration.ofSeconds(10));

    @ParameterizedTest
    @CsvSource({"1, 50, 100", "2, 100, 200", "3, 200, 400", "4, 400, 800", "5, 500, 1000", "40, 500, 1000"})
    void waitsDoubleWithJitterUpToTheMaximum(int failedAttempt, long least, long most) {
        SplittableRandom random = new SplittableRandom(failedAttempt);
        for (int draw = 0; draw < 200; draw++) {
            long wait = policy.delayAfter(failedAttempt, random).toMillis();
            assertTrue(wait >= least && wait <= most, failedAttempt + ": " + wait);
        }
    }

    @Test
    void jitterSpreadsTheWaits() {
        SplittableRandom random = new SplittableRandom(1);
        long distinct = IntStream.range(0, 50)
                .mapToObj(draw -> policy.delayAfter(3, random)).distinct().count();

        assertTrue(distinct > 10, "distinct waits: " + distinct);
    }

    @Test
    void theDefaultsTryFourTimesPausingFromASecondToEightSecondsAndWaitAMinuteAtMost() {
        RetryPolicy defaults = RetryPolicy.defaults();
        SplittableRandom random = new SplittableRandom(7);

        for (int draw = 0; draw < 200; draw++) {
            long first = defaults.delayAfter(1, random).toMillis();
            long all = first + defaults.delayAfter(2, random).toMillis() + defaults.delayAfter(3, random).toMillis();
            assertTrue(first >= 1_000 && first <= 2_000, "first pause: " + first);
            assertTrue(all >= 7_000 && all <= 14_000, "pauses in all: " + all);
        }
        assertEquals(4, defaults.maxAttempts());
        assertEquals(Duration.ofSeconds(60), defaults.maxWait());
    }

    @Test
    void retriesChosenAreTriesAfterTheFirstPausedAsBefore() {
        RetryPolicy none = RetryPolicy.defaults().withRetries(0);
        RetryPolicy one = RetryPolicy.defaults().withRetries(1);

        assertEquals(1, none.maxAttempts());
        assertEquals(2, one.maxAttempts());
        assertEquals(RetryPolicy.defaults(), RetryPolicy.defaults().withRetries(3));
        assertEquals(Duration.ofSeconds(60), one.maxWait(), "a registry asking for longer is given up on as before");
    }

    /** Ten tries again may pause 2 + 4 + 8 × 8 s: every one is made, where a minute in all would end them at nine. */
    @Test
    void theWaitInAllGrowsWhereTheLongestPausesOfTheTriesChosenWouldPassIt() {
        RetryPolicy ten = RetryPolicy.defaults().withRetries(10);

        assertEquals(11, ten.maxAttempts());
        assertEquals(Duration.ofSeconds(70), ten.maxWait());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> policy.delayAfter(0, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> policy.withRetries(-1));
    }
}
