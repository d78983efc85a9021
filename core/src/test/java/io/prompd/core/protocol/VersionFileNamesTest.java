package io.prompd.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionFileNamesTest {

    private static final PackageName UTIL = PackageName.parse("@common/util");

    /**
     * The longest name is the temporary of a client's integrity record, {@code
     * ..util@<version>.integrity.<pid>-<start>.
     * <random>.part}: 12 bytes around the name and version, and up to 65 for the temporary.
     */
    @Test
    void aVersionFitsWhileTheLongestNameItMakesHasAtMost255Bytes() {
        assertEquals(Optional.empty(), VersionFileNames.tooLong(UTIL, Version.parse("1.0.0-" + "r".repeat(168))));
        assertEquals(Optional.empty(), VersionFileNames.tooLong(UTIL, Version.parse("1.0.0")));
    }

    @Test
    void aVersionOneByteLongerIsRefusedNamingThePackageTheNameItsLengthAndTheLongestVersionThatFits() {
        String version = "1.0.0-" + "r".repeat(169);

        String refusal = VersionFileNames.tooLong(UTIL, Version.parse(version)).orElseThrow();

        assertTrue(refusal.startsWith("version " + version + " of @common/util makes names longer than the 255 bytes"
                + " Linux and macOS allow a file name: its integrity record in a client's store '.util@" + version
                + ".integrity' has 191 bytes in UTF-8, and the temporary it is written as up to 256, so no client can"
                + " install the version; publish a version of at most 174 bytes (this one has 175)"), refusal);
    }

    @Test
    void theStoresNamesAreTheNameAndVersionWithoutTheScope() {
        assertEquals("util@1.2.0", VersionFileNames.storeFolder(UTIL, Version.parse("1.2.0")));
        assertEquals(".util@1.2.0.integrity", VersionFileNames.storeRecord(UTIL, Version.parse("1.2.0")));
    }
}
