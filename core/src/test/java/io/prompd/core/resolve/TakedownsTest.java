package io.prompd.core.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TakedownsTest {

    private static final Takedowns TAKEN_DOWN = new Takedowns(new TreeMap<>(Map.of(
            Version.parse("1.0.0"), "leaked an API key.", Version.parse("1.1.0"), " . ",
            Version.parse("1.2.0"), "")), true);

    /** A reason that says nothing once a sentence quotes it would leave a label with nothing after its colon. */
    @Test
    void aVersionWhoseReasonIsBlankOrALoneFullStopIsNamedBare() {
        assertEquals("every version of @a/x is taken down (1.0.0: leaked an API key; 1.1.0; 1.2.0)",
                TAKEN_DOWN.everyVersion(PackageName.parse("@a/x")));
    }

    @Test
    void versionsOfTheSameReasonAreGroupedAndThoseWithNoneSayNoMore() {
        assertEquals(Optional.of("1.0.0 is taken down: leaked an API key; 1.1.0 and 1.2.0 are taken down"),
                TAKEN_DOWN.matching(VersionRange.parse("^1.0.0")));
        assertEquals(Optional.empty(), TAKEN_DOWN.matching(VersionRange.parse("^2.0.0")));
    }
}
