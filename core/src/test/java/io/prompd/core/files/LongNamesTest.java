package io.prompd.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.testing.DeepPaths;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LongNamesTest {

    private static final Path SRV = Path.of("/srv");

    @Test
    void aPathWhoseNamesFitButWhichIsLongerThanTheSystemTakesIsTooLongAsAWhole() {
        assertFalse(LongNames.wholePathTooLong(DeepPaths.ofLength(SRV, LongNames.maxPathBytes())));
        assertTrue(LongNames.wholePathTooLong(DeepPaths.ofLength(SRV, LongNames.maxPathBytes() + 1)));
    }

    @Test
    void aPathWithANameLongerThanAnyFileSystemTakesIsNotToldAsAWholePathTooLong() {
        Path tooDeep = DeepPaths.ofLength(SRV, LongNames.maxPathBytes() + 1);

        assertFalse(LongNames.wholePathTooLong(tooDeep.resolve("n".repeat(LongNames.MAX_NAME_BYTES + 1))));
        assertFalse(LongNames.wholePathTooLong(SRV.resolve("n".repeat(LongNames.MAX_NAME_BYTES + 1))));
    }

    /** Where a file system takes fewer bytes a name than 255 (eCryptfs 143), it is a name that is too long. */
    @Test
    void aShortPathWhoseNamesFitIsNotTooLongAsAWhole() {
        assertFalse(LongNames.wholePathTooLong(SRV.resolve("n".repeat(LongNames.MAX_NAME_BYTES))));
    }

    @Test
    void lengthsAreCountedInUtf8Bytes() {
        assertEquals(2, LongNames.bytes("\u00e9"));
        assertEquals(LongNames.maxPathBytes(), LongNames.bytes(DeepPaths.ofLength(SRV, LongNames.maxPathBytes())
                .toString()));
    }
}
