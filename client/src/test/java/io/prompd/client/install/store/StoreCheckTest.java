package io.prompd.client.install.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreCheckTest {

    private static StoreCheck.Copy copy(String name, String version) {
        return new StoreCheck.Copy(PackageName.parse(name), Version.parse(version), Path.of(name + "@" + version),
                "its tarball is not cached");
    }

    /** Its lists are by name, then version, as its readers promise, in whatever order the copies were found. */
    @Test
    void listsAreByNameThenVersion() {
        List<StoreCheck.Copy> found = List.of(copy("@acme/util", "1.1.0"), copy("@acme/base", "2.0.0"),
                copy("@acme/base", "1.10.0"), copy("@acme/base", "1.9.0"));
        List<StoreCheck.Copy> ordered = List.of(copy("@acme/base", "1.9.0"), copy("@acme/base", "1.10.0"),
                copy("@acme/base", "2.0.0"), copy("@acme/util", "1.1.0"));

        StoreCheck check = new StoreCheck(0, found, found, found, found);

        assertEquals(ordered, check.damaged());
        assertEquals(ordered, check.unverifiable());
        assertEquals(ordered, check.unchecked());
        assertEquals(ordered, check.unrecorded());
    }
}
