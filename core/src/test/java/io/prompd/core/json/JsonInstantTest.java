package io.prompd.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonInstantTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
            "0001-12-31T12:30:05Z",
        "2026-03-01T12:00:00.250Z", "2026-03-01T12:00:00+02:00", "2016-12-31T23:59:60Z", "2026-01-01T24:00:00Z"})
    void readsEveryInstantAsInstantParseDoes(String text) {
        assertEquals(Instant.parse(text), Json.instant(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01 00:00:00Z",
        "2026-01-01T00:00:00", "2026-1-01T00:00:00Z", "", "yesterday"})
    void refusesWhatIsNoInstantAsAnIllegalArgument(String text) {
        assertThrows(IllegalArgumentException.class, () -> Json.instant(text));
    }
}
