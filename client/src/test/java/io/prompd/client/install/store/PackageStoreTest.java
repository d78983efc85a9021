package io.prompd.client.install.store;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.Integrity;
import io.prompd.core.archive.PackResult;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.archive.PackageLocation;
import io.prompd.core.archive.Packer;
import io.prompd.core.files.AtomicFiles;
import io.prompd.core.files.TemporaryFiles;
import io.prompd.core.name.PackageName;
import io.prompd.core.source.MemorySource;
import io.prompd.core.testing.Processes;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PackageStoreTest {

    private static final PackageName NAME = PackageName.parse("@acme/greeter");
    private static final Version VERSION = Version.parse("1.2.0");

    @TempDir
    Path work;

    private PackResult pack(Path tarball) throws IOException {
        return pack(tarball, VERSION);
    }

    private PackResult pack(Path tarball, Version version) throws IOException {
        MemorySource source = MemorySource.ofText("greeter", Map.of(
                "prompd.json", "{\"name\": \"@acme/greeter\", \"version\": \"" + version + "\"}\n",
                "README.md", "# Greeter\n"));
        return Packer.packToFile(source,
                PackSelector.select(source, List.of(), List.of(), ArchiveLimits.DEFAULT,
                        PackageLocation.WORKING_FOLDER), tarball);
    }

    private PackageStore storeWithGreeter() throws IOException {
        Path tarball = work.resolve("greeter.tgz");
        PackResult packed = pack(tarball);
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);
        store.install(NAME, VERSION, tarball, packed.integrity(), Map.of(), PackageStore.Pin.LOCK);
        return store;
    }

    @Test
    void installsAVersionIntoItsOwnFolder() throws IOException {
        Path tarball = work.resolve("greeter.tgz");
        PackResult packed = pack(tarball);
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);

        Path folder = store.install(NAME, VERSION, tarball, packed.integrity(), Map.of(), PackageStore.Pin.LOCK);

        assertEquals(work.resolve("packages/@acme/greeter@1.2.0"), folder);
        assertTrue(Files.isRegularFile(folder.resolve("prompd.json")));
        assertEquals(Map.of(NAME, java.util.Set.of(VERSION)), Map.copyOf(store.installedOrDamaged()));
    }

    @Test
    void aRemovedVersionIsGoneWholeAndLeavesNothingBeside() throws IOException {
        PackageStore store = storeWithGreeter();

        store.remove(NAME, VERSION);

        assertFalse(store.contains(NAME, VERSION));
        assertEquals(Map.of(), store.installedOrDamaged());
        try (Stream<Path> left = Files.list(work.resolve("packages/@acme"))) {
            assertEquals(List.of(), left.toList(), "no temporary folder either");
        }
    }

    @Test
    void theIntegrityAVersionWasUnpackedFromIsRecordedBesideItsFolderAndGoesWithIt() throws IOException {
        Path tarball = work.resolve("greeter.tgz");
        PackResult packed = pack(tarball);
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);
        String empty = store.changeStamp();

        store.install(NAME, VERSION, tarball, packed.integrity(), Map.of(), PackageStore.Pin.LOCK);
        String installed = store.changeStamp();

        assertEquals(packed.integrity().toString(),
                Files.readString(work.resolve("packages/@acme/.greeter@1.2.0.integrity")), "beside, not inside");
        assertEquals(Optional.of(packed.integrity().toString()), store.recordedIntegrity(NAME, VERSION));
        assertEquals(Map.of(NAME, Set.of(VERSION)), Map.copyOf(store.installedOrDamaged()), "the record is no version");
        assertFalse(installed.equals(empty), "a version added changes the stamp");
        assertTrue(store.removeLeftovers().isEmpty(), "the record is no leftover");

        store.remove(NAME, VERSION);

        assertEquals(Optional.empty(), store.recordedIntegrity(NAME, VERSION));
        assertFalse(Files.exists(work.resolve("packages/@acme/.greeter@1.2.0.integrity")));
        assertFalse(store.changeStamp().equals(installed), "a version removed changes the stamp");
    }

    @Test
    void aVersionInstalledBeforeTheRecordsHasNoneAndIsPutBackByTheNextInstallWithOne() throws IOException {
        PackageStore store = storeWithGreeter();
        Files.delete(work.resolve("packages/@acme/.greeter@1.2.0.integrity"));

        assertTrue(store.contains(NAME, VERSION));
        assertTrue(store.isUnrecorded(NAME, VERSION));
        assertFalse(store.containsRecorded(NAME, VERSION));
        assertEquals(Optional.empty(), store.recordedIntegrity(NAME, VERSION));

        Path tarball = work.resolve("greeter.tgz");
        store.install(NAME, VERSION, tarball, pack(tarball).integrity(), Map.of(), PackageStore.Pin.LOCK);

        assertTrue(store.containsRecorded(NAME, VERSION));
        assertEquals(Optional.of(Integrity.of(Files.readAllBytes(tarball)).toString()),
                store.recordedIntegrity(NAME, VERSION));
    }

    /** A crash or a full disk may leave the record an empty file, which names no bytes, as one missing. */
    @Test
    void aVersionWhoseRecordIsEmptyIsUnrecordedSaidSoAndPutBackByTheNextInstallWithOne() throws IOException {
        PackageStore store = storeWithGreeter();
        Path record = work.resolve("packages/@acme/.greeter@1.2.0.integrity");
        Files.write(record, new byte[0]);

        assertTrue(store.isUnrecorded(NAME, VERSION));
        assertFalse(store.containsRecorded(NAME, VERSION));
        assertEquals(Optional.empty(), store.recordedIntegrity(NAME, VERSION));
        assertEquals("an empty record", store.lackedRecord(NAME, VERSION));
        Files.delete(record);
        assertEquals("no record", store.lackedRecord(NAME, VERSION));
        Files.write(record, new byte[0]);

        Path tarball = work.resolve("greeter.tgz");
        store.install(NAME, VERSION, tarball, pack(tarball).integrity(), Map.of(), PackageStore.Pin.LOCK);

        assertTrue(store.containsRecorded(NAME, VERSION));
        assertEquals(Integrity.of(Files.readAllBytes(tarball)).toString(), Files.readString(record));
    }

    @Test
    void aRecordThatIsAFolderIsNamedWithTheWayOffWhichRemovesIt() throws IOException {
        PackageStore store = storeWithGreeter();
        Path record = work.resolve("packages/@acme/.greeter@1.2.0.integrity");
        Files.delete(record);
        Files.createDirectories(record.resolve("inside"));

        PrompdException named = assertThrows(PrompdException.class, () -> store.recordedIntegrity(NAME, VERSION));

        assertEquals(ExitCode.CONFLICT, named.exitCode());
        assertEquals("a folder stands where the store's integrity record of @acme/greeter@1.2.0 goes: " + record,
                named.getMessage());
        assertEquals("'prompd uninstall --global @acme/greeter@1.2.0' removes the version and the folder, then install"
                + " it again", named.hint());
        store.remove(NAME, VERSION);
        assertFalse(Files.exists(record));
    }

    @Test
    void aTarballNotMatchingItsIntegrityLeavesNothingBehind() throws IOException {
        Path tarball = work.resolve("greeter.tgz");
        pack(tarball);
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);

        PrompdException refused = assertThrows(PrompdException.class,
                () -> store.install(NAME, VERSION, tarball, Integrity.of(new byte[] {0}), Map.of(),
                        PackageStore.Pin.LOCK));

        assertEquals(ExitCode.INTEGRITY, refused.exitCode());
        assertFalse(store.contains(NAME, VERSION));
        try (Stream<Path> left = Files.walk(work.resolve("packages"))) {
            assertTrue(left.noneMatch(TemporaryFiles::isTemporary));
        }
    }

    /**
     * SemVer bounds no version's length, so a registry that skipped its check may list one whose folder in the store
     * no file system takes: the failure says so in words, not the system's bare "File name too long".
     */
    @Test
    void aVersionTooLongForTheStoresNamesIsSaidToBeOneWithAHint() throws IOException {
        Version tooLong = Version.parse("1.0.0-" + "a".repeat(250));
        Path tarball = work.resolve("greeter.tgz");
        PackResult packed = pack(tarball, tooLong);
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);

        PrompdException refused = assertThrows(PrompdException.class,
                () -> store.install(NAME, tooLong, tarball, packed.integrity(), Map.of(),
                        PackageStore.Pin.REGISTRY_INDEX));

        assertEquals(ExitCode.FAILURE, refused.exitCode());
        assertTrue(refused.getMessage().startsWith("cannot install @acme/greeter@" + tooLong + ": version " + tooLong
                + " of @acme/greeter makes names longer than the 255 bytes Linux and macOS allow a file name: its"),
                refused.getMessage());
        assertEquals("no client can install it, and a registry's check refuses to publish it: tell the registry's"
                + " maintainers, and depend on another version of @acme/greeter meanwhile", refused.hint());
        try (Stream<Path> left = Files.walk(work.resolve("packages"))) {
            assertTrue(left.noneMatch(TemporaryFiles::isTemporary));
        }
    }

    @Test
    void aTarballDeclaringOtherDependenciesThanTheLockRecordsBlamesTheEntryFirstAndIsNotInstalled() throws IOException {
        Path tarball = work.resolve("greeter.tgz");
        PackResult packed = pack(tarball);
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);

        TarballOfAnother refused = assertThrows(TarballOfAnother.class, () -> store.install(NAME, VERSION, tarball,
                packed.integrity(), Map.of(PackageName.parse("@acme/util"), VersionRange.parse("^1.0.0")),
                PackageStore.Pin.LOCK));

        assertEquals(ExitCode.INTEGRITY, refused.exitCode());
        assertEquals("the tarball of @acme/greeter@1.2.0 does not match its record: its own prompd.json declares no"
                + " dependencies, and prompd.lock records @acme/util ^1.0.0; nothing of it was installed",
                refused.getMessage());
        assertEquals("delete the entry of @acme/greeter from prompd.lock and run 'prompd install' again; if it comes"
                + " back, the registry's index.json of @acme/greeter lists other dependencies for 1.2.0 than the"
                + " version declares: tell the registry's maintainers", refused.hint());
        assertFalse(Files.exists(store.folderOf(NAME, VERSION)));
    }

    @Test
    void theRangesAnInstalledVersionDeclaresAreReadParsedAndNoneForAVersionNotInstalledOrNotDeclaringRanges()
            throws IOException {
        Path tarball = work.resolve("greeter.tgz");
        MemorySource source = MemorySource.ofText("greeter", Map.of("prompd.json", "{\"name\": \"@acme/greeter\","
                + " \"version\": \"1.2.0\", \"dependencies\": {\"@acme/util\": \"1.x\"}}\n"));
        PackResult packed = Packer.packToFile(source, PackSelector.select(source, List.of(), List.of(),
                ArchiveLimits.DEFAULT, PackageLocation.WORKING_FOLDER), tarball);
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);
        PackageName util = PackageName.parse("@acme/util");
        assertEquals(Optional.empty(), store.declaredRanges(NAME, VERSION));
        store.install(NAME, VERSION, tarball, packed.integrity(), Map.of(util, VersionRange.parse("^1.0.0")),
                PackageStore.Pin.LOCK);

        assertEquals(Optional.of(Map.of(util, VersionRange.parse("1.x"))),
                store.declaredRanges(NAME, VERSION).map(Map::copyOf));

        // only a hand edit of the store's copy gets such a declaration past the unpack's check
        Files.writeString(store.folderOf(NAME, VERSION).resolve("prompd.json"), "{\"name\": \"@acme/greeter\","
                + " \"version\": \"1.2.0\", \"dependencies\": {\"@acme/util\": 1}}\n");
        assertEquals(Optional.empty(), store.declaredRanges(NAME, VERSION));
    }

    @Test
    void aTarballWhoseManifestCannotBeReadIsRefusedAsHoldingNoneNotWithTheParsersWords() throws IOException {
        Path tarball = work.resolve("cut.tgz");
        MemorySource source = MemorySource.ofText("greeter", Map.of("prompd.json", "{\"name\": \"@acme/gre"));
        PackResult packed = Packer.packToFile(source, PackSelector.select(source, List.of(), List.of(),
                ArchiveLimits.DEFAULT, PackageLocation.WORKING_FOLDER), tarball);
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);

        PrompdException refused = assertThrows(PrompdException.class,
                () -> store.install(NAME, VERSION, tarball, packed.integrity(), Map.of(),
                        PackageStore.Pin.REGISTRY_INDEX));

        assertEquals(ExitCode.INTEGRITY, refused.exitCode());
        assertEquals("the tarball meant to be @acme/greeter@1.2.0 holds no readable prompd.json instead; nothing of it"
                + " was installed", refused.getMessage());
        assertFalse(Files.exists(store.folderOf(NAME, VERSION)));
    }

    @Test
    void anInstalledVersionIsNeverReplaced() throws IOException {
        Path tarball = work.resolve("greeter.tgz");
        PackResult packed = pack(tarball);
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);
        Path folder = store.install(NAME, VERSION, tarball, packed.integrity(), Map.of(), PackageStore.Pin.LOCK);
        Files.writeString(folder.resolve("marker"), "first");

        store.install(NAME, VERSION, tarball, packed.integrity(), Map.of(), PackageStore.Pin.LOCK);

        assertEquals("first", Files.readString(folder.resolve("marker")));
    }

    @Test
    void foldersOfKilledUnpacksAreNotInstalledVersionsAndAreRemoved() throws Exception {
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);
        long killed = Processes.endedPid();
        Path left =
                Files.createDirectories(work.resolve("packages/@acme/.greeter@1.2.0.%d.1.part/sub".formatted(killed)))
                .getParent();
        Path running = AtomicFiles.temporaryFolder(work.resolve("packages/@acme/greeter@1.3.0"));

        assertTrue(store.installedOrDamaged().isEmpty());
        assertEquals(List.of(left), store.removeLeftovers());
        assertFalse(Files.exists(left));
        assertTrue(Files.isDirectory(running));
        assertTrue(store.installedOrDamaged().isEmpty());
    }

    @Test
    void aVersionFolderWithoutItsManifestIsNotInstalledAndIsReplacedByTheNextInstall() throws IOException {
        Path tarball = work.resolve("greeter.tgz");
        PackResult packed = pack(tarball);
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);
        Path emptied = Files.createDirectories(work.resolve("packages/@acme/greeter@1.2.0"));

        assertFalse(store.contains(NAME, VERSION));
        assertTrue(store.isDamaged(NAME, VERSION));
        assertEquals(Map.of(NAME, Set.of(VERSION)), Map.copyOf(store.installedOrDamaged()), "damaged, yet there");
        store.install(NAME, VERSION, tarball, packed.integrity(), Map.of(), PackageStore.Pin.LOCK);

        assertTrue(Files.isRegularFile(emptied.resolve("prompd.json")));
    }

    @Test
    void recordsBesideNoWholeVersionAreLeftoversWhileAWholeVersionKeepsItsRecord() throws IOException {
        PackageStore store = storeWithGreeter();
        Path kept = work.resolve("packages/@acme/.greeter@1.2.0.integrity");
        // as a run killed while removing a version leaves it: the folder gone, not yet its record
        Path orphan = Files.writeString(work.resolve("packages/@acme/.greeter@1.3.0.integrity"), "sha512-x");
        Path unscoped = Files.writeString(work.resolve("packages/.plain@1.0.0.integrity"), "sha512-x");
        Path damaged = Files.createDirectories(work.resolve("packages/@acme/greeter@2.0.0"));
        Path damagedRecord = Files.writeString(work.resolve("packages/@acme/.greeter@2.0.0.integrity"), "sha512-x");
        Path usersOwn = Files.writeString(work.resolve("packages/@acme/.notes.integrity"), "mine");

        assertEquals(List.of(unscoped, orphan, damagedRecord, damaged), store.removeLeftovers());

        assertTrue(Files.exists(kept));
        assertTrue(Files.exists(usersOwn), "named as no version's record");
        assertEquals(Optional.of(Files.readString(kept)), store.recordedIntegrity(NAME, VERSION));
        for (Path gone : List.of(unscoped, orphan, damagedRecord, damaged)) {
            assertFalse(Files.exists(gone), gone.toString());
        }
    }

    @Test
    void leftoversIncludeEntriesNamedAsAVersionThatAreNotWholeAndNothingElse() throws IOException {
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);
        Path file = Files.createDirectories(work.resolve("packages/@acme")).resolve("greeter@1.2.0");
        Files.writeString(file, "not a package");
        Path usersOwn = Files.writeString(work.resolve("packages/notes.txt"), "mine");

        assertEquals(List.of(file), store.removeLeftovers());
        assertFalse(Files.exists(file));
        assertTrue(Files.exists(usersOwn));
    }

    /** A cache holding the greeter's tarball, as the install that put it in the store left it. */
    private TarballCache cacheWithGreeter() throws IOException {
        Path tarball = work.resolve("greeter.tgz");
        Integrity integrity = pack(tarball).integrity();
        TarballCache cache = new TarballCache(work.resolve("cache"));
        Path entry = cache.entryToWrite(integrity);
        Files.createDirectories(entry.getParent());
        Files.copy(tarball, entry);
        return cache;
    }

    /** A change a partly restored CI cache, a disk tool or a hand makes to an installed copy. */
    @FunctionalInterface
    private interface Damage {
        void apply(Path folder) throws IOException;
    }

    static Stream<Arguments> damagedCopies() {
        return Stream.of(
                Arguments.of((Damage) folder -> Files.delete(folder.resolve("README.md")), "README.md is missing"),
                Arguments.of((Damage) folder -> Files.writeString(folder.resolve("README.md"), "more\n",
                        StandardOpenOption.APPEND), "README.md differs from its tarball's"),
                Arguments.of((Damage) folder -> Files.writeString(folder.resolve("README.md"), "# Greetor\n"),
                        "README.md differs from its tarball's"),
                Arguments.of((Damage) folder -> Files.writeString(folder.resolve("notes.md"), "mine"),
                        "notes.md is not in its tarball"),
                Arguments.of((Damage) folder -> Files.writeString(Files.createDirectories(folder.resolve("extra/sub"))
                        .resolve("a.md"), "mine"), "extra/ is not in its tarball"),
                Arguments.of((Damage) folder -> {
                    Files.delete(folder.resolve("README.md"));
                    Files.createDirectories(folder.resolve("README.md"));
                    for (String name : List.of("a", "b", "c")) {
                        Files.writeString(folder.resolve(name + ".md"), name);
                    }
                }, "README.md is missing; README.md/ is not in its tarball; a.md is not in its tarball; and 2 other"
                        + " differences"));
    }

    @ParameterizedTest
    @MethodSource("damagedCopies")
    void verifyRemovesACopyWhoseFilesDifferFromItsTarballsForTheNextInstallToPutItBack(Damage damage, String finding)
            throws IOException {
        PackageStore store = storeWithGreeter();
        TarballCache cache = cacheWithGreeter();
        Path folder = store.folderOf(NAME, VERSION);
        assertEquals(new StoreCheck(1, List.of(), List.of(), List.of(), List.of()), store.verify(cache, List.of()),
                "a whole copy passes");
        damage.apply(folder);
        String stamp = store.changeStamp();

        StoreCheck check = store.verify(cache, List.of());

        assertEquals(new StoreCheck(1, List.of(new StoreCheck.Copy(NAME, VERSION, folder, finding)), List.of(),
                List.of(), List.of()), check);
        assertFalse(Files.exists(folder, LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(work.resolve("packages/@acme/.greeter@1.2.0.integrity")), "its record goes with it");
        assertFalse(store.changeStamp().equals(stamp), "projects compare their locks with the store again");
        try (Stream<Path> left = Files.list(work.resolve("packages/@acme"))) {
            assertEquals(List.of(), left.toList(), "the tarball unpacked to compare with is gone too");
        }
    }

    @Test
    void verifyLeavesAVersionWhoseTarballIsNotCachedOrThatHasNoRecordAsItIsUnverifiable() throws IOException {
        PackageStore store = storeWithGreeter();
        Path folder = store.folderOf(NAME, VERSION);
        Files.delete(folder.resolve("README.md"));

        StoreCheck notCached = store.verify(new TarballCache(work.resolve("cache")), List.of());

        assertEquals(new StoreCheck(0, List.of(), List.of(new StoreCheck.Copy(NAME, VERSION, folder,
                "its tarball is not cached")), List.of(), List.of()), notCached);
        assertTrue(store.contains(NAME, VERSION));
        Files.delete(work.resolve("packages/@acme/.greeter@1.2.0.integrity"));

        StoreCheck unrecorded = store.verify(cacheWithGreeter(), List.of());

        StoreCheck.Copy copy = new StoreCheck.Copy(NAME, VERSION, folder, "no record of the tarball it was unpacked"
                + " from");
        assertEquals(new StoreCheck(0, List.of(), List.of(copy), List.of(), List.of(copy)), unrecorded);
        assertTrue(store.contains(NAME, VERSION));
    }

    @Test
    void verifyRemovesACopyThatIsNotWholeOrWhoseRecordIsDamaged() throws IOException {
        PackageStore store = storeWithGreeter();
        TarballCache cache = cacheWithGreeter();
        Path folder = store.folderOf(NAME, VERSION);
        Files.writeString(work.resolve("packages/@acme/.greeter@1.2.0.integrity"), "garbage");

        assertEquals(new StoreCheck(1, List.of(new StoreCheck.Copy(NAME, VERSION, folder,
                "its integrity record is damaged")), List.of(), List.of(), List.of()), store.verify(cache, List.of()));
        assertFalse(Files.exists(folder));

        Files.createDirectories(folder);

        assertEquals(new StoreCheck(1, List.of(new StoreCheck.Copy(NAME, VERSION, folder,
                "it has no prompd.json that reads as a JSON object")), List.of(), List.of(), List.of()),
                store.verify(cache, List.of()));
        assertFalse(Files.exists(folder));
    }

    /** A tarball of a package whose manifest is {@code manifest}, put in the cache as a download puts it. */
    private Path cached(TarballCache cache, String manifest) throws IOException {
        MemorySource source = MemorySource.ofText("greeter", Map.of("prompd.json", manifest, "README.md", "# Hi\n"));
        Path tarball = Files.createTempFile(work, "tarball", ".tgz");
        Integrity integrity = Packer.packToFile(source, PackSelector.select(source, List.of(), List.of(),
                ArchiveLimits.DEFAULT, PackageLocation.WORKING_FOLDER), tarball).integrity();
        return cache.keep(tarball, integrity);
    }

    private Path cachedGreeter(TarballCache cache, String version) throws IOException {
        return cached(cache, "{\"name\": \"@acme/greeter\", \"version\": \"" + version + "\"}\n");
    }

    /** What the cache's folder holds but the tarballs: no unpack is left there. */
    private static List<Path> besideTheTarballs(TarballCache cache) throws IOException {
        try (Stream<Path> top = Files.list(cache.root())) {
            return top.filter(path -> !path.getFileName().toString().equals("sha512")).toList();
        }
    }

    @Test
    void onlyInCacheGivesEachTarballOfAVersionTheStoreHoldsNoWholeCopyOfByTheVersionItsManifestNames()
            throws IOException {
        PackageStore store = storeWithGreeter();
        TarballCache cache = cacheWithGreeter();
        Path one = cachedGreeter(cache, "1.0.0");
        Path other = cachedGreeter(cache, "1.1.0");

        List<PackageStore.CachedOnly> found = store.onlyInCache(cache);

        assertEquals(Stream.of(new PackageStore.CachedOnly(NAME, Version.parse("1.0.0"), one),
                new PackageStore.CachedOnly(NAME, Version.parse("1.1.0"), other))
                .sorted(Comparator.comparing(PackageStore.CachedOnly::tarball)).toList(), found,
                "the installed 1.2.0's tarball is not its only copy");
        assertEquals(List.of(), besideTheTarballs(cache));
    }

    /** An install puts a copy without its record back from the tarball its lock pins, the only copy it uses. */
    @Test
    void onlyInCacheTakesAVersionInstalledWithNoIntegrityRecordAsNoCopy() throws IOException {
        PackageStore store = storeWithGreeter();
        TarballCache cache = cacheWithGreeter();
        Integrity recorded = Integrity.parse(Files.readString(work.resolve("packages/@acme/.greeter@1.2.0.integrity"))
                .strip());
        Files.delete(work.resolve("packages/@acme/.greeter@1.2.0.integrity"));

        assertEquals(List.of(new PackageStore.CachedOnly(NAME, VERSION, cache.pathOf(recorded))),
                store.onlyInCache(cache));
    }

    @Test
    void onlyInCacheTakesADamagedStoreCopyAsNoCopy() throws IOException {
        PackageStore store = storeWithGreeter();
        TarballCache cache = cacheWithGreeter();
        Integrity recorded = Integrity.parse(Files.readString(work.resolve("packages/@acme/.greeter@1.2.0.integrity"))
                .strip());
        Files.delete(store.folderOf(NAME, VERSION).resolve("prompd.json"));

        assertEquals(List.of(new PackageStore.CachedOnly(NAME, VERSION, cache.pathOf(recorded))),
                store.onlyInCache(cache));
    }

    @Test
    void onlyInCacheTakesATarballWhoseManifestNamesNoVersionAsNoCopy() throws IOException {
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, PLAIN);
        TarballCache cache = new TarballCache(work.resolve("cache"));
        cached(cache, "{\"name\": \"@acme/greeter\"}\n");
        cached(cache, "{\"name\": \"@acme/greeter\", \"version\": \"one\"}\n");
        cached(cache, "[]\n");

        assertEquals(List.of(), store.onlyInCache(cache));
        assertEquals(List.of(), besideTheTarballs(cache));
    }

    @Test
    void onlyInCacheNeitherMakesNorNeedsTheStoreWhichWhenMissingHoldsNoCopy() throws IOException {
        Path packages = work.resolve("packages");
        PackageStore store = new PackageStore(packages, ArchiveLimits.DEFAULT, PLAIN);
        TarballCache cache = new TarballCache(work.resolve("cache"));
        Path tarball = cachedGreeter(cache, "1.0.0");
        List<PackageStore.CachedOnly> only = List.of(new PackageStore.CachedOnly(NAME, Version.parse("1.0.0"),
                tarball));

        assertEquals(only, store.onlyInCache(cache));
        assertFalse(Files.exists(packages, LinkOption.NOFOLLOW_LINKS), "no store made");

        Files.writeString(packages, "not a store");

        assertEquals(only, store.onlyInCache(cache), "a file in the store's place holds no copy");
        assertEquals(List.of(), besideTheTarballs(cache));
    }
}
