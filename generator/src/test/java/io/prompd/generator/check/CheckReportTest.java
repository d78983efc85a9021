package io.prompd.generator.check;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CheckReportTest {

    @Test
    void aPathIsNotBothNewAndDeleted() {
        TreeSet<String> both = new TreeSet<>(Set.of("docs/a.md"));

        assertThrows(IllegalArgumentException.class, () -> new CheckReport("base", "head", Optional.empty(), List.of(),
                new TreeSet<>(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of("docs/a.md"), both,
                both, new TreeSet<>(), List.of(), List.of(), List.of(), List.of()));
    }
}
