package io.prompd.core.resolve;

import static io.prompd.core.resolve.TestIndex.ranges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ResolutionTest {

    /** Each argument is {@code name} followed by the names it depends on, separated by spaces. */
    private static Resolution resolution(String... packages) {
        SortedMap<PackageName, Version> versions = new TreeMap<>();
        SortedMap<PackageName, SortedMap<PackageName, VersionRange>> dependencies = new TreeMap<>();
        for (String entry : packages) {
            String[] parts = entry.split(" ");
            PackageName name = PackageName.parse(parts[0]);
            versions.put(name, Version.parse("1.0.0"));
            SortedMap<PackageName, VersionRange> targets = new TreeMap<>();
            for (int i = 1; i < parts.length; i++) {
                targets.putAll(ranges(parts[i], "^1.0.0"));
            }
            dependencies.put(name, targets);
        }
        return new Resolution(versions, dependencies);
    }

    @Test
    void rejectsEdgesToPackagesWithoutAVersion() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> resolution("app missing", "other gone"));
        assertEquals("app depends on missing, which has no chosen version; other depends on gone, which has no"
                + " chosen version",
                invalid.getMessage());
    }
}
