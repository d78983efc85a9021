package io.prompd.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
