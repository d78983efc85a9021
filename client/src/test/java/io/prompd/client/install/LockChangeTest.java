package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        LockFile before = lock(Map.of("@a/kept", locked("1.0.0", "k.tgz"), "@a/moved", locked("1.0.0", "m1.tgz"),
                "@a/removed", locked("2.0.0", "r.tgz"), "@a/rebuilt", locked("1.0.0", "old.tgz")));
        LockFile after = lock(Map.of("@a/kept", locked("1.0.0", "k.tgz"), "@a/moved", locked("1.1.0", "m2.tgz"),
                "@a/added", locked("3.0.0", "a.tgz"), "@a/rebuilt", locked("1.0.0", "new.tgz")));

        assertEquals(List.of("add @a/added@3.0.0", "change @a/moved 1.0.0 -> 1.1.0",
                        "change @a/rebuilt@1.0.0 (tarball URL, integrity or dependencies)", "remove @a/removed@2.0.0"),
                LockChange.between(before, after).stream().map(LockChange::phrase).toList());
        assertEquals(List.of(), LockChange.between(after, after));
    }

    @Test
    void aChangeHasAVersionOnAtLeastOneSide() {
        assertThrows(IllegalArgumentException.class,
                () -> new LockChange(PackageName.parse("@a/x"), Optional.empty(), Optional.empty()));
    }
}
