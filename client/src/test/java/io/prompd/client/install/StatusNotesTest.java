package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Dist;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.version.Version;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StatusNotesTest {

    private static VersionSummary summary(String yanked, String deprecated) {
        return new VersionSummary(Version.parse("1.0.0"), null, null, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new Dist("-/x-1.0.0.tgz", Integrity.of(new byte[] {1}), 1, 1, 1), Instant.EPOCH,
                "0123456789abcdef0123456789abcdef01234567", yanked, deprecated);
    }

    @Test
    void aNoteGivesTheRegistrysReasonAndWhatToDo() {
        assertEquals(List.of("@a/x@1.0.0 is yanked: leaks a key (kept; 'prompd update @a/x' moves off it)",
                        "@a/x@1.0.0 is deprecated: use 2.x"),
                StatusNotes.of(PackageName.parse("@a/x"), summary(" leaks a key\n", "use 2.x"), "kept; "));
    }

    @Test
    void anEmptyReasonLeavesTheBareState() {
        assertEquals(List.of("@a/x@1.0.0 is yanked ('prompd update @a/x' moves off it)", "@a/x@1.0.0 is deprecated"),
                StatusNotes.of(PackageName.parse("@a/x"), summary("", " "), ""));
        assertEquals("yanked", StatusNotes.labelled("yanked", "  "));
    }
}
