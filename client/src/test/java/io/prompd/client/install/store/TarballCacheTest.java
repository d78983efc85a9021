package io.prompd.client.install.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.archive.Integrity;
import io.prompd.core.files.AtomicFiles;
import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarballCacheTest {

    @TempDir
    Path cacheFolder;

    private Path put(TarballCache cache, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Path path = cache.pathOf(Integrity.of(bytes));
        Files.createDirectories(path.getParent());
        return Files.write(path, bytes);
    }

    @Test
    void entriesAreNamedByTheirDigest() {
        Integrity integrity = Integrity.of(new byte[] {1, 2, 3});
        Path path = new TarballCache(cacheFolder).pathOf(integrity);
        assertEquals(cacheFolder.resolve("tarballs/sha512/" + integrity.hex().substring(0, 2) + "/" + integrity.hex()
                + ".tgz"),
                path);
    }

    @Test
    void verifyKeepsGoodEntriesAndDeletesCorruptOnes() throws IOException {
        TarballCache cache = new TarballCache(cacheFolder);
        Path good = put(cache, "good");
        Path bad = put(cache, "bad");
        Files.writeString(bad, "changed on disk");

        TarballCache.CacheCheck check = cache.verify();

        assertEquals(2, check.checked());
        assertEquals(List.of(bad), check.removed());
        assertTrue(Files.exists(good));
        assertFalse(Files.exists(bad));
    }

    @Test
    void aFolderWhereAnEntryGoesIsAStrayRemovedByVerifyAsNoTarballWasLost() throws IOException {
        TarballCache cache = new TarballCache(cacheFolder);
        Path good = put(cache, "good");
        Path folder = cache.pathOf(Integrity.of("lost".getBytes(StandardCharsets.UTF_8)));
        Files.createDirectories(folder.resolve("inside"));

        TarballCache.CacheCheck check = cache.verify();

        assertEquals(new TarballCache.CacheCheck(1, List.of(), List.of(folder)), check);
        assertFalse(Files.exists(folder));
        assertTrue(Files.exists(good));
    }

    @Test
    void aFolderWhereAnEntryGoesMakesWayForItsDownload() throws IOException {
        TarballCache cache = new TarballCache(cacheFolder);
        Integrity integrity = Integrity.of("lost".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(cache.pathOf(integrity).resolve("inside"));

        Path entry = cache.entryToWrite(integrity);

        assertEquals(cache.pathOf(integrity), entry);
        assertFalse(Files.exists(entry), "a download can be renamed into its place");
        assertTrue(cache.find(Integrity.of("lost".getBytes(StandardCharsets.UTF_8))).isEmpty());
    }

    @Test
    void leftoversOfInterruptedDownloadsAreRemoved() throws IOException {
        TarballCache cache = new TarballCache(cacheFolder);
        Path good = put(cache, "good");
        Path partial = Files.writeString(good.resolveSibling("." + good.getFileName() + ".123.part"), "half");

        assertEquals(List.of(partial), cache.removeLeftovers());
        assertTrue(Files.exists(good));
        assertTrue(cache.find(Integrity.of("good".getBytes(StandardCharsets.UTF_8))).isPresent());
    }

    @Test
    void entriesAreTheIntegritiesTheirNamesSayInPathOrderAndNoOtherFile() throws IOException {
        TarballCache cache = new TarballCache(cacheFolder);
        Path one = put(cache, "one");
        Path two = put(cache, "two");
        Files.writeString(cache.root().resolve(".DS_Store"), "x");
        Files.writeString(one.resolveSibling("." + one.getFileName() + ".123.part"), "half");
        Path otherAlgorithm = cacheFolder.resolve("tarballs/md5/ab").resolve(two.getFileName());
        Files.createDirectories(otherAlgorithm.getParent());
        Files.writeString(otherAlgorithm, "two");
        Files.createDirectories(cache.root().resolve("sha512/ab/" + "a".repeat(128) + ".tgz"));

        List<Integrity> entries = cache.entries();

        assertEquals(Stream.of("one", "two").map(content -> Integrity.of(content.getBytes(StandardCharsets.UTF_8)))
                .sorted(Comparator.comparing(cache::pathOf)).toList(), entries);
        assertEquals(List.of(), new TarballCache(cacheFolder.resolve("never-written")).entries());
    }

    @Test
    void theFolderOfAnUnpackAKilledRunLeftIsALeftoverAndOneRunningIsNot() throws Exception {
        TarballCache cache = new TarballCache(cacheFolder);
        Path good = put(cache, "good");
        Path left = Files.createDirectories(cache.root().resolve(".unpacked.%d.1.part/package"
                .formatted(Processes.endedPid()))).getParent();
        Files.writeString(left.resolve("package/prompd.json"), "{}");
        Path running = AtomicFiles.temporaryFolder(cache.unpackFolder());

        assertEquals(List.of(left), cache.removeLeftovers());
        assertFalse(Files.exists(left));
        assertTrue(Files.isDirectory(running));
        assertTrue(Files.exists(good));
    }

    @Test
    void anEmptyCacheHasNothingToVerify() throws IOException {
        assertEquals(0, new TarballCache(cacheFolder.resolve("never-written")).verify().checked());
    }
}
