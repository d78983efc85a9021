package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.client.config.RegistryUrl;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LockChangeTest {

    private static LockedPackage locked(String version, String tarball) {
        return new LockedPackage(Version.parse(version), URI.create("https://r.example/" + tarball),
                Integrity.of(tarball.getBytes(StandardCharsets.UTF_8)), new TreeMap<>());
    }

    private static LockFile lock(Map<String, LockedPackage> packages) {
        TreeMap<PackageName, LockedPackage> named = new TreeMap<>();
        packages.forEach((name, locked) -> named.put(PackageName.parse(name), locked));
        return new LockFile(named);
    }

    @Test
    void everyDifferingPackageIsOneChangeInNameOrder() {
        LockedPackage kept = locked("1.0.0", "k.tgz");
        LockedPackage mirrored = new LockedPackage(kept.version(), URI.create("https://mirror.example/k.tgz"),
                kept.integrity(), kept.dependencies());
        LockFile before = lock(Map.of("@a/kept", kept, "@a/moved", locked("1.0.0", "m1.tgz"),
                "@a/removed", locked("2.0.0", "r.tgz"), "@a/rebuilt", locked("1.0.0", "old.tgz"),
                "@a/mirrored", kept));
        LockFile after = lock(Map.of("@a/kept", kept, "@a/moved", locked("1.1.0", "m2.tgz"),
                "@a/added", locked("3.0.0", "a.tgz"), "@a/rebuilt", locked("1.0.0", "new.tgz"),
                "@a/mirrored", mirrored));

        assertEquals(List.of("add @a/added@3.0.0", "change @a/mirrored@1.0.0 (tarball URL)",
                        "change @a/moved 1.0.0 -> 1.1.0", "change @a/rebuilt@1.0.0 (tarball URL, integrity)",
                        "remove @a/removed@2.0.0"),
                LockChange.between(before, after).stream().map(LockChange::phrase).toList());
        assertEquals(List.of(), LockChange.between(after, after));
        assertEquals(List.of(List.of(), List.of("tarball URL"), List.of(), List.of("tarball URL", "integrity"),
                List.of()), LockChange.between(before, after).stream().map(LockChange::differing).toList(),
                "only an entry kept at its version differs otherwise: a move's tarball differs as a matter of course");
    }

    /** A registry recorded, or no longer, is what a later run judges the entry by: the change says which. */
    @Test
    void anEntryRecordingAnotherRegistrySaysWhich() {
        LockedPackage onACdn = new LockedPackage(Version.parse("1.0.0"), URI.create("https://cdn.example/x.tgz"),
                Integrity.of(new byte[] {1}), new TreeMap<>());
        LockedPackage recorded = onACdn.givenBy(RegistryUrl.parse("https://r.example/"));
        LockFile before = lock(Map.of("@a/x", onACdn));
        LockFile after = lock(Map.of("@a/x", recorded));

        assertEquals(List.of("change @a/x@1.0.0 (registry recorded: https://r.example/)"),
                LockChange.between(before, after).stream().map(LockChange::phrase).toList());
        assertEquals(List.of("change @a/x@1.0.0 (registry no longer recorded)"),
                LockChange.between(after, before).stream().map(LockChange::phrase).toList());
        assertEquals(List.of(List.of("registry")),
                LockChange.between(before, after).stream().map(LockChange::differing).toList());
    }

    @Test
    void anEntryMovedToAnotherVersionHasNoOtherDifferences() {
        assertThrows(IllegalArgumentException.class, () -> new LockChange(PackageName.parse("@a/x"),
                Optional.of(Version.parse("1.0.0")), Optional.of(Version.parse("1.1.0")), List.of("integrity"),
                Optional.empty()));
    }

    @Test
    void aChangeHasAVersionOnAtLeastOneSide() {
        assertThrows(IllegalArgumentException.class,
                () -> new LockChange(PackageName.parse("@a/x"), Optional.empty(), Optional.empty()));
    }
}
