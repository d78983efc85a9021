package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestedPackageTest {

    /** A range prompd chose came from the latest version (a name alone) or from a dist-tag: the hints tell one. */
    @Test
    void aRangeChosenFromBothTheLatestVersionAndADistTagIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RequestedPackage(PackageName.parse("@acme/util"),
                VersionRange.parse("^1.1.0"), Optional.empty(), false, Optional.of(Version.parse("1.1.0")),
                Optional.of("latest")));
    }
}
