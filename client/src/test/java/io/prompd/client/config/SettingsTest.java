package io.prompd.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.PrompdException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SettingsTest {

    /** The configuration's lock and the store's, alike: the home is what a user moves, whichever lock refused. */
    @Test
    void aLockOfTheHomeRefusedOnADiskMountedReadOnlyPointsAtPrompdHomeAndHome() {
        FileSystemException refused = new FileSystemException("/ro/home/config.lock", null, "Read-only file system");

        PrompdException readOnly = assertThrows(PrompdException.class,
                () -> Settings.requireWritableHome(refused, Path.of("/ro/home")));

        assertEquals("the home /ro/home is on a disk mounted read-only, where prompd cannot take its lock, which"
                + " every run that may change it takes, even one finding nothing to change: /ro/home/config.lock",
                readOnly.getMessage());
        assertEquals("point PROMPD_HOME or --home at a folder on a writable disk", readOnly.hint());
    }
}
