package io.prompd.generator.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

class ChangeTest {

    private static final ObjectId BLOB = ObjectId.fromString("0123456789012345678901234567890123456789");

    @Test
    void typeMustFitTheModes() {
        assertThrows(IllegalArgumentException.class, () -> new Change(ChangeType.ADDED, "a", BLOB, BLOB,
                FileMode.REGULAR_FILE, FileMode.REGULAR_FILE));
        assertThrows(IllegalArgumentException.class, () -> new Change(ChangeType.MODIFIED, "a", BLOB, ObjectId.zeroId(),
                FileMode.REGULAR_FILE, FileMode.MISSING));
    }

    @Test
    void onlyTheExecutableBitDiffersBetweenTwoRegularFilesOfOneBlob() {
        ObjectId other = ObjectId.fromString("9876543210987654321098765432109876543210");
        assertTrue(modified(BLOB, FileMode.REGULAR_FILE, FileMode.EXECUTABLE_FILE).onlyExecutableBit());
        assertTrue(modified(BLOB, FileMode.EXECUTABLE_FILE, FileMode.REGULAR_FILE).onlyExecutableBit());
        assertFalse(modified(BLOB, FileMode.REGULAR_FILE, FileMode.SYMLINK).onlyExecutableBit());
        assertFalse(modified(BLOB, FileMode.SYMLINK, FileMode.EXECUTABLE_FILE).onlyExecutableBit());
        assertFalse(modified(BLOB, FileMode.REGULAR_FILE, FileMode.GITLINK).onlyExecutableBit());
        assertFalse(new Change(ChangeType.MODIFIED, "a", BLOB, other, FileMode.REGULAR_FILE, FileMode.EXECUTABLE_FILE)
                .onlyExecutableBit());
        assertFalse(new Change(ChangeType.ADDED, "a", ObjectId.zeroId(), BLOB, FileMode.MISSING, FileMode.REGULAR_FILE)
                .onlyExecutableBit());
    }

    private static Change modified(ObjectId blob, FileMode from, FileMode to) {
        return new Change(ChangeType.MODIFIED, "a", blob, blob, from, to);
    }
}
