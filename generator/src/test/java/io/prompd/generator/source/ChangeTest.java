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
}
