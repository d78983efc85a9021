package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockAuditTest {

    private static final PackageName UTIL = PackageName.parse("@acme/util");
    private static final Version VERSION = Version.parse("1.1.0");
    private static final Integrity EDITED = Integrity.of("another tarball".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path work;

    private static LockFile pinning(Integrity integrity) {
        TreeMap<PackageName, LockedPackage> packages = new TreeMap<>();
        packages.put(UTIL, new LockedPackage(VERSION, URI.create("https://r.example/util-1.1.0.tgz"), integrity,
                new TreeMap<>()));
        return new LockFile(packages);
    }

    @Test
    void aResolvedLockIsComparedWithTheStoreOnlyWhereItPinsOtherwiseThanTheAuditedLock() throws IOException {
        Path tarball = new TestRegistry(work.resolve("registry")).publish(UTIL.toString(), VERSION.toString())
                .tarball(UTIL.toString(), VERSION.toString());
        Integrity recorded = Integrity.of(Files.readAllBytes(tarball));
        PackageStore store = Homes.store(work.resolve("home"));
        store.install(UTIL, VERSION, tarball, recorded, Map.of(), PackageStore.Pin.LOCK);
        LockFile edited = pinning(EDITED);

        try (RegistryIndex index = new RegistryIndex(Homes.registry(work.resolve("home"),
                work.resolve("registry").toUri(), true))) {
            PrompdException unaudited = assertThrows(PrompdException.class, () -> LockAudit.requireFromResolvedBytes(
                    edited, LockFile.empty(), edited, store, index, Optional.of("install")));
            PrompdException auditedOtherwise = assertThrows(PrompdException.class,
                    () -> LockAudit.requireFromResolvedBytes(edited, pinning(recorded), edited, store, index,
                            Optional.of("install")));

            assertEquals(ExitCode.INTEGRITY, unaudited.exitCode());
            assertEquals(ExitCode.INTEGRITY, auditedOtherwise.exitCode());
            assertDoesNotThrow(() -> LockAudit.requireFromResolvedBytes(edited, edited, edited, store, index,
                            Optional.of("install")),
                    "an entry the audit compared, which would have failed it, is not read again");
        }
    }

    @Test
    void anIntegrityTheProjectsLockDoesNotPinIsSaidToBeTheRegistrysWithTheWayOffThatApplies() throws IOException {
        Path tarball = new TestRegistry(work.resolve("registry")).publish(UTIL.toString(), VERSION.toString())
                .tarball(UTIL.toString(), VERSION.toString());
        PackageStore store = Homes.store(work.resolve("home"));
        store.install(UTIL, VERSION, tarball, Integrity.of(Files.readAllBytes(tarball)), Map.of(),
                PackageStore.Pin.LOCK);

        try (RegistryIndex index = new RegistryIndex(Homes.registry(work.resolve("home"),
                work.resolve("registry").toUri(), true))) {
            PrompdException noLock = assertThrows(PrompdException.class, () -> LockAudit.requireFromResolvedBytes(
                    pinning(EDITED), LockFile.empty(), LockFile.empty(), store, index, Optional.of("install")));
            PrompdException global = assertThrows(PrompdException.class, () -> LockAudit.requireFromResolvedBytes(
                    pinning(EDITED), LockFile.empty(), LockFile.empty(), store, index, Optional.empty()));

            assertTrue(noLock.getMessage().endsWith(" than the index.json of " + index.describe(UTIL) + " lists ("
                    + EDITED + ")"), noLock.getMessage());
            assertEquals("the store holds one copy of each version, put there from another registry publishing other"
                    + " bytes under the same version, or from this one before it changed a published version (then"
                    + " tell its maintainers); only once you trust the bytes it lists now: 'prompd uninstall --global"
                    + " @acme/util@1.1.0', then 'prompd install' again", noLock.hint());
            assertTrue(global.hint().endsWith(": 'prompd uninstall --global @acme/util@1.1.0', then 'prompd install"
                    + " --global @acme/util@1.1.0' again"), global.hint());
        }
    }
}
