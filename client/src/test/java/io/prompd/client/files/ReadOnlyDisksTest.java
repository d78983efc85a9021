package io.prompd.client.files;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class ReadOnlyDisksTest {

    /** A read-only mount needs root to make, so the system's refusal is made here as the JDK makes it. */
    @Test
    void aLockRefusedOnADiskMountedReadOnlyNamesTheFolderChosenAndWhyALockIsTaken() {
        FileSystemException refused = new FileSystemException("/ci/app/.prompd/install.lock", null,
                "Read-only file system");

        PrompdException readOnly = assertThrows(PrompdException.class,
                () -> ReadOnlyDisks.requireWritable(refused, "the project /ci/app", "run it elsewhere"));

        assertEquals(ExitCode.FAILURE, readOnly.exitCode());
        assertEquals("the project /ci/app is on a disk mounted read-only, where prompd cannot take its lock, which"
                + " every run that may change it takes, even one finding nothing to change:"
                + " /ci/app/.prompd/install.lock", readOnly.getMessage());
        assertEquals("run it elsewhere", readOnly.hint());
    }

    @Test
    void anyOtherRefusalIsLeftAsTheSystemGaveIt() {
        FileSystemException full = new FileSystemException("/ci/app/.prompd/install.lock", null,
                "No space left on device");

        assertDoesNotThrow(() -> ReadOnlyDisks.requireWritable(full, "the project /ci/app", "run it elsewhere"));
    }
}
