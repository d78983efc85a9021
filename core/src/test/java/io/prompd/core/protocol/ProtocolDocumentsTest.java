package io.prompd.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import io.prompd.core.manifest.Repository;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ProtocolDocumentsTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final Instant TIME = Instant.parse("2026-03-01T12:00:00Z");
    private static final PackageName NAME = PackageName.parse("@a/b");
    private static final Dist DIST = new Dist("-/b-1.0.0.tgz", Integrity.of(new byte[] {1, 2, 3}), 120, 4, 2000);

    private static VersionDocument document(String version) {
        return new VersionDocument(NAME, Version.parse(version), "A package", List.of("k"), "testing",
                "Ann <ann@example.org>",
                "MIT", new Repository("git", "https://example.org/prompts.git", "packages/b"),
                new TreeMap<>(Map.of(PackageName.parse("@a/c"), VersionRange.parse("^1.0.0"))),
                new TreeMap<>(Map.of("prompd", ">=0.1.0")), "prompts/main.prmd",
                new TreeMap<>(Map.of("main", "prompts/main.prmd")), DIST,
                TIME, COMMIT, new TreeMap<>(Map.of("prompts/main.prmd", new PromptSummary("main", "Main", null,
                List.of(new ParameterSummary("topic", "string", true, "What to write about", new TextNode("cats"),
                        List.of(new TextNode("cats"), new TextNode("dogs")), "[a-z]+", null, null, 2, 40),
                        new ParameterSummary("count", "integer", false, null, IntNode.valueOf(3), List.of(), null,
                                new BigDecimal("1"), new BigDecimal("2.5"), null, null))))),
                "# B\n");
    }

    private static <T> T roundTrip(T value, Class<T> type) throws IOException {
        return Json.read(Json.write(value), type);
    }

    @Test
    void aVersionDocumentReadsBackAsWritten() throws IOException {
        VersionDocument document = document("1.0.0");
        assertEquals(document, roundTrip(document, VersionDocument.class));
    }

    @Test
    void aPackumentIsWrittenAndReadBackWithItsVersionsInVersionOrder() throws IOException {
        TreeMap<Version, VersionSummary> versions = new TreeMap<>();
        for (String version : List.of("1.10.0", "1.2.0", "1.9.0")) {
            versions.put(Version.parse(version),
                    document(version).summary(version.equals("1.2.0") ? "broken" : null, null));
        }
        Packument packument = new Packument(NAME, "A package", List.of(), null, null, "MIT", null,
                new Owners(new TreeSet<>(Set.of("ann")), new TreeSet<>()),
                new TreeMap<>(Map.of("latest", Version.parse("1.10.0"))), versions, TIME);
        Packument read = roundTrip(packument, Packument.class);
        assertEquals(packument, read);
        String json = new String(Json.write(packument), StandardCharsets.UTF_8);
        assertEquals(List.of(Version.parse("1.2.0"), Version.parse("1.9.0"), Version.parse("1.10.0")),
                List.copyOf(read.versions().keySet()), "read back in version order, whatever the order of the text");
        assertTrue(json.indexOf("\"1.2.0\": {") < json.indexOf("\"1.9.0\": {")
                && json.indexOf("\"1.9.0\": {") < json.indexOf("\"1.10.0\": {"),
                "written in version order, not as text: "
                + json);
        assertTrue(json.contains("\"yanked\": \"broken\""), json);
    }

    @Test
    void versionsTakenDownAreWrittenOnlyWhenThereAreAny() throws IOException {
        TreeMap<Version, VersionSummary> versions = new TreeMap<>(Map.of(Version.parse("1.0.0"),
                document("1.0.0").summary(null, null)));
        Packument without = new Packument(NAME, null, List.of(), null, null, null, null, Owners.NONE, new TreeMap<>(),
                versions, TIME);
        Integrity tarball = Integrity.of("the tarball of 0.9.0".getBytes(StandardCharsets.UTF_8));
        Packument with = new Packument(NAME, null, List.of(), null, null, null, null, Owners.NONE, new TreeMap<>(),
                versions, TIME, new TreeMap<>(Map.of(Version.parse("0.9.0"), "leaked a key")),
                new TreeMap<>(Map.of(Version.parse("0.9.0"), tarball)));

        assertFalse(new String(Json.write(without), StandardCharsets.UTF_8).contains("takenDown"));
        assertEquals(without, roundTrip(without, Packument.class));
        assertTrue(new String(Json.write(with), StandardCharsets.UTF_8)
                .contains("\"takenDown\": {\n    \"0.9.0\": \"leaked a key\"\n  },\n  \"takenDownIntegrity\": {\n"
                        + "    \"0.9.0\": \"" + tarball + "\"\n  }"));
        assertEquals(with, roundTrip(with, Packument.class));
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> new Packument(NAME, null,
                List.of(), null, null, null, null, Owners.NONE, new TreeMap<>(), versions, TIME,
                new TreeMap<>(Map.of(Version.parse("1.0.0"), "leaked a key")), new TreeMap<>()));
        assertTrue(failure.getMessage().contains("1.0.0 is taken down"), failure.getMessage());
        IllegalArgumentException unrecorded = assertThrows(IllegalArgumentException.class, () -> new Packument(NAME,
                null, List.of(), null, null, null, null, Owners.NONE, new TreeMap<>(), versions, TIME,
                new TreeMap<>(), new TreeMap<>(Map.of(Version.parse("0.9.0"), tarball))));
        assertEquals("takenDownIntegrity gives the tarball of @a/b 0.9.0, which takenDown does not record",
                unrecorded.getMessage());
    }

    /** An index a generator before takedown integrities wrote gives none, which says nothing of any tarball. */
    @Test
    void aTakedownWithoutItsIntegrityNamesNoTarball() throws IOException {
        Packument read = Json.read("""
                {
                  "distTags": {},
                  "keywords": [],
                  "name": "@a/b",
                  "owners": {"teams": [], "users": []},
                  "takenDown": {"1.0.0": "leaked a key"},
                  "updatedAt": "2026-03-01T12:00:00Z",
                  "versions": {}
                }
                """.getBytes(StandardCharsets.UTF_8), Packument.class);

        assertEquals(Map.of(), read.takenDownIntegrity());
    }

    @Test
    void aPackageEveryVersionOfWhichWasTakenDownHasTheTakedownsAndNothingElseOfAVersion() throws IOException {
        Owners owners = new Owners(new TreeSet<>(Set.of("ann")), new TreeSet<>());
        Packument packument = Packument.everyVersionTakenDown(NAME, owners,
                new TreeMap<>(Map.of(Version.parse("1.0.0"), "leaked a key")), new TreeMap<>(), TIME);

        assertEquals("""
                {
                  "distTags": {},
                  "keywords": [],
                  "name": "@a/b",
                  "owners": {
                    "teams": [],
                    "users": [
                      "ann"
                    ]
                  },
                  "takenDown": {
                    "1.0.0": "leaked a key"
                  },
                  "updatedAt": "2026-03-01T12:00:00Z",
                  "versions": {}
                }
                """, new String(Json.write(packument), StandardCharsets.UTF_8));
        assertEquals(packument, roundTrip(packument, Packument.class));
        Packument olderGenerators = Json.read(new String(Json.write(packument), StandardCharsets.UTF_8)
                .replace("  \"updatedAt\": \"2026-03-01T12:00:00Z\",\n", "").getBytes(StandardCharsets.UTF_8),
                Packument.class);
        assertEquals(null, olderGenerators.updatedAt(), "an index an older generator wrote without it still reads");
        assertTrue(packument.hasNoVersionLeft());
        IllegalArgumentException nothing = assertThrows(IllegalArgumentException.class, () -> new Packument(NAME, null,
                List.of(), null, null, null, null, Owners.NONE, new TreeMap<>(), new TreeMap<>(), null));
        assertEquals("a package needs at least one version, or the takedown of every one it had: @a/b",
                nothing.getMessage());
        assertThrows(NullPointerException.class, () -> new Packument(NAME, null, List.of(), null, null, null, null,
                Owners.NONE, new TreeMap<>(),
                new TreeMap<>(Map.of(Version.parse("1.0.0"), document("1.0.0").summary(null,
                        null))), null), "a package with a version was updated when it was published");
    }

    @Test
    void registryDocumentWritesPrivateAndReadsBack() throws IOException {
        RegistryDocument registry = new RegistryDocument(RegistryLayout.PROTOCOL_VERSION, "Test",
                "https://example.org/r.git",
                true, COMMIT, TIME, RegistryLayout.urlTemplates(), new RegistryDocument.Counts(1, 3));
        assertTrue(new String(Json.write(registry), StandardCharsets.UTF_8).contains("\"private\": true"));
        assertEquals(registry, roundTrip(registry, RegistryDocument.class));
    }

    @Test
    void aPackageListIsSortedByName() throws IOException {
        PackageSummary b = new PackageSummary(PackageName.parse("b"), null, null, List.of(), null, null, TIME);
        PackageSummary a = new PackageSummary(PackageName.parse("@z/a"), Version.parse("1.0.0"), "x", List.of(), null,
                null, TIME);
        PackageList list = new PackageList(List.of(b, a));
        assertEquals(List.of(a, b), list.packages());
        assertEquals(list, roundTrip(list, PackageList.class));
    }

    @Test
    void aDistTagMustPointAtAPublishedVersion() {
        TreeMap<Version, VersionSummary> versions = new TreeMap<>(Map.of(Version.parse("1.0.0"),
                document("1.0.0").summary(null, null)));
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> new Packument(NAME, null,
                List.of(), null, null, null, null, Owners.NONE, new TreeMap<>(Map.of("latest", Version.parse("2.0.0"))),
                versions, TIME));
        assertTrue(failure.getMessage().contains("2.0.0"), failure.getMessage());
    }

    private static Dist distOf(String tarball) {
        return new Dist(tarball, DIST.integrity(), DIST.size(), DIST.fileCount(), DIST.unpackedSize());
    }

    /**
     * Read later, one that is no URL failed as an internal error, and one of another scheme as the user's registry URL.
     */
    @Test
    void aTarballUrlThatIsNoUrlOrOfASchemeNoRegistryIsReadOverIsRefusedWithItsDocument() {
        assertEquals("the tarball URL '-/b 1.0.0.tgz' is not a valid URL: illegal character in path at position 4",
                assertThrows(IllegalArgumentException.class, () -> distOf("-/b 1.0.0.tgz")).getMessage());
        assertEquals("the tarball URL '-/b.tgz?\nhint: x' is not a valid URL: illegal character in query at position 9",
                assertThrows(IllegalArgumentException.class, () -> distOf("-/b.tgz?\nhint: x")).getMessage());
        assertEquals("the tarball URL '-/b%zz.tgz' is not a valid URL: malformed escape pair at position 4",
                assertThrows(IllegalArgumentException.class, () -> distOf("-/b%zz.tgz")).getMessage());
        assertEquals("the tarball URL 'https://cdn|x.example/b.tgz' is not a valid URL: illegal character in authority"
                + " at position 12",
                assertThrows(IllegalArgumentException.class, () -> distOf("https://cdn|x.example/b.tgz")).getMessage());
        assertEquals("the tarball URL 'https://***@cdn x.example/b.tgz' is not a valid URL: illegal character in"
                + " authority at position 16", assertThrows(IllegalArgumentException.class,
                        () -> distOf("https://mirror:s3cr3t@cdn x.example/b.tgz")).getMessage());
        for (String scheme : List.of("ftp://mirror.example/b.tgz", "data:application/gzip;base64,H4sI",
                "jar:file:/tmp/b.jar!/b.tgz", "FTP://mirror.example/b.tgz")) {
            assertEquals("the tarball URL's scheme, " + scheme.substring(0, scheme.indexOf(':')) + ":, is none prompd"
                    + " downloads over: a tarball is read over https://, http:// or file://, or relative to"
                    + " its index.json",
                    assertThrows(IllegalArgumentException.class, () -> distOf(scheme)).getMessage());
        }
        for (String downloadable : List.of("-/b-1.0.0+build.1.tgz", "../b/-/b-1.0.0.tgz", "https://cdn.example/b.tgz",
                "HTTP://cdn.example/b.tgz", "file:///srv/registry/b.tgz", "-/%40a-b.tgz")) {
            assertEquals(downloadable, distOf(downloadable).tarball());
        }
    }

    @Test
    void aCommitMustBeAFullId() {
        assertThrows(IllegalArgumentException.class, () -> new RegistryDocument(1, "Test", "g", false, "abc1234", TIME,
                new TreeMap<>(), new RegistryDocument.Counts(0, 0)));
    }
}
