package io.prompd.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HttpLimitTest {

    /**
     * Each limit reads and writes its own value and leaves every other as it was: config get, set and unset and
     * config.json go through these two alone.
     */
    @ParameterizedTest
    @EnumSource(HttpLimits.Limit.class)
    void eachLimitReadsAndWritesItsOwnValueAlone(HttpLimits.Limit limit) {
        HttpLimits others = HttpLimits.NONE;
        for (HttpLimits.Limit other : HttpLimits.Limit.values()) {
            others = other.in(others, OptionalInt.of(other.example()));
        }
        int value = limit.example() == 1 ? 2 : 1;

        HttpLimits set = limit.in(others, OptionalInt.of(value));
        HttpLimits unset = limit.in(others, OptionalInt.empty());

        assertEquals(OptionalInt.of(value), limit.of(set));
        assertEquals(OptionalInt.empty(), limit.of(unset));
        for (HttpLimits.Limit other : HttpLimits.Limit.values()) {
            if (other != limit) {
                assertEquals(OptionalInt.of(other.example()), other.of(set), other + " after setting " + limit);
                assertEquals(OptionalInt.of(other.example()), other.of(unset), other + " after unsetting " + limit);
            }
        }
    }
}
