package io.prompd.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.files.AtomicFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpCacheTest {

    private static final URI URL = URI.create("https://registry.example/packages.json");

    @TempDir
    Path folder;

    private final CachedDocument document = new CachedDocument("{}\n".getBytes(StandardCharsets.UTF_8),
            Optional.of("\"v1\""), Optional.of("Wed, 21 Oct 2026 07:28:00 GMT"));

    @Test
    void keepsBodyAndValidatorsTogether() {
        HttpCache cache = new HttpCache(folder);

        cache.write(URL, document);

        assertEquals(Optional.of(document), cache.read(URL));
        assertEquals(Map.of("If-None-Match", "\"v1\"", "If-Modified-Since", "Wed, 21 Oct 2026 07:28:00 GMT"),
                cache.read(URL).orElseThrow().conditionalHeaders());
    }

    @Test
    void namesEachEntryByTheHashOfItsUrlAndLeavesNoTemporaryFile() throws IOException {
        HttpCache cache = new HttpCache(folder);

        cache.write(URL, document);

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(cache.fileOf(URL)), files.toList());
        }
        assertTrue(cache.fileOf(URL).getFileName().toString().matches("[0-9a-f]{64}"));
    }

    @Test
    void documentsWithoutValidatorsAreKeptForOfflineUse() {
        HttpCache cache = new HttpCache(folder);
        CachedDocument plain = new CachedDocument(new byte[] {1, 2}, Optional.empty(), Optional.empty());

        cache.write(URL, plain);

        assertEquals(Optional.of(plain), cache.read(URL));
        assertEquals(Map.of(), plain.conditionalHeaders());
    }

    @Test
    void aDamagedEntryCountsAsAbsent() throws IOException {
        HttpCache cache = new HttpCache(folder);
        cache.write(URL, document);
        byte[] stored = Files.readAllBytes(cache.fileOf(URL));

        Files.write(cache.fileOf(URL), Arrays.copyOf(stored, stored.length - 1));

        assertEquals(Optional.empty(), cache.read(URL));
    }

    @Test
    void anEntryForAnotherUrlCountsAsAbsent() throws IOException {
        HttpCache cache = new HttpCache(folder);
        URI other = URI.create("https://registry.example/registry.json");
        cache.write(other, document);

        Files.copy(cache.fileOf(other), cache.fileOf(URL));

        assertEquals(Optional.empty(), cache.read(URL));
    }

    @Test
    void verifyDeletesWhatReadRefusesAndLeavesWholeDocumentsAndTemporaries() throws IOException {
        HttpCache cache = new HttpCache(folder);
        URI cut = URI.create("https://registry.example/packages/@acme/util/index.json");
        URI misfiled = URI.create("https://registry.example/registry.json");
        cache.write(URL, document);
        cache.write(cut, document);
        cache.write(misfiled, document);
        byte[] stored = Files.readAllBytes(cache.fileOf(cut));
        Files.write(cache.fileOf(cut), Arrays.copyOf(stored, 40));
        Path misfiledAs = folder.resolve("0".repeat(64));
        Files.move(cache.fileOf(misfiled), misfiledAs);
        Path writing = AtomicFiles.temporaryFile(cache.fileOf(misfiled));

        DocumentCheck check = cache.verify();

        assertEquals(new DocumentCheck(3, List.of(misfiledAs, cache.fileOf(cut)).stream().sorted().toList(),
                List.of()), check);
        assertEquals(Optional.of(document), cache.read(URL));
        assertFalse(Files.exists(cache.fileOf(cut)));
        assertFalse(Files.exists(misfiledAs));
        assertTrue(Files.exists(writing), "another run may be writing it");
    }

    @Test
    void verifyDeletesWhatIsNamedAsNoDocumentApartFromTheDamaged() throws IOException {
        HttpCache cache = new HttpCache(folder);
        cache.write(URL, document);
        // a file manager's, a tool's, a name a document could never have: no run reads them
        Path dsStore = Files.writeString(folder.resolve(".DS_Store"), "x");
        Path part = Files.writeString(folder.resolve("stray.part"), "x");
        Path upperCase = Files.writeString(folder.resolve("A".repeat(64)), "x");
        Path tmpdir = Files.createDirectories(folder.resolve("tmpdir").resolve("inside"));
        // no document is a folder, whatever its name: no run wrote it, so none was lost
        Path namedAsDocument = Files.createDirectories(folder.resolve("f".repeat(64)).resolve("inside"));

        DocumentCheck check = cache.verify();

        assertEquals(new DocumentCheck(1, List.of(), List.of(dsStore, part, upperCase, tmpdir.getParent(),
                namedAsDocument.getParent()).stream().sorted().toList()), check);
        assertEquals(Optional.of(document), cache.read(URL));
        for (Path stray : check.strays()) {
            assertFalse(Files.exists(stray), stray.toString());
        }
    }

    @Test
    void verifyOfACacheNeverWrittenChecksNothing() throws IOException {
        assertEquals(new DocumentCheck(0, List.of(), List.of()), new HttpCache(folder.resolve("http")).verify());
    }
}
