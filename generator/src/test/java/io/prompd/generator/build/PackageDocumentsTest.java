package io.prompd.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.archive.Integrity;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.protocol.Dist;
import io.prompd.core.protocol.Owners;
import io.prompd.core.protocol.PackageSummary;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.testing.TestVersions;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageMeta;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PackageDocumentsTest {

    private static final PackageName NAME = PackageName.parse("@a/b");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** When the package's folder last changed, after every version {@link #published} publishes. */
    private static final Instant UPDATED = Instant.parse("2026-02-01T00:00:00Z");

    /** Versions published one day apart, in the order given, each described by its own version. */
    private static SortedMap<Version, VersionDocument> published(String... versions) {
        SortedMap<Version, VersionDocument> documents = new TreeMap<>();
        for (int i = 0; i < versions.length; i++) {
            Version version = Version.parse(versions[i]);
            documents.put(version, TestVersions.document(Manifest.of(NAME, version).toBuilder()
                    .description("description of " + version).license("MIT").build(),
                    new Dist("-/b-" + version + ".tgz", Integrity.of(new byte[] {(byte) i}), 1, 1, 1),
                    START.plusSeconds(86_400L * i)));
        }
        return documents;
    }

    private static PackageMeta meta(Map<String, Version> distTags, Map<Version, String> yanked,
                                    Map<Version, String> deprecated) {
        return new PackageMeta(new TreeMap<>(distTags), new TreeMap<>(yanked), new TreeMap<>(deprecated),
                new TreeMap<>(),
                new TreeSet<>());
    }

    private static PackageMeta takenDown(Map<Version, String> takenDown) {
        return new PackageMeta(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(takenDown),
                new TreeSet<>());
    }

    @Test
    void latestIsTheHighestStableVersionThatIsNotYanked() {
        Packument packument = PackageDocuments.packument(NAME, published("1.0.0", "1.1.0", "2.0.0-beta.1"),
                meta(Map.of(), Map.of(Version.parse("1.1.0"), "broken"), Map.of()), Owners.NONE, UPDATED, new TreeMap<>());
        assertEquals(Map.of("latest", Version.parse("1.0.0")), packument.distTags());
        assertEquals("description of 1.0.0", packument.description(), "described by the version latest points at");
    }

    @Test
    void metaJsonsLatestWins() {
        Packument packument = PackageDocuments.packument(NAME, published("1.0.0", "1.1.0"),
                meta(Map.of("latest", Version.parse("1.0.0"), "next", Version.parse("1.1.0")), Map.of(), Map.of()),
                Owners.NONE, UPDATED, new TreeMap<>());
        assertEquals(Version.parse("1.0.0"), packument.distTags().get("latest"));
        assertEquals(Version.parse("1.1.0"), packument.distTags().get("next"));
    }

    @Test
    void withoutAStableVersionThereIsNoLatestAndTheHighestDescribesThePackage() {
        Packument packument = PackageDocuments.packument(NAME, published("1.0.0-alpha.1", "1.0.0-alpha.2"),
                meta(Map.of(), Map.of(), Map.of()), Owners.NONE, UPDATED, new TreeMap<>());
        assertFalse(packument.distTags().containsKey("latest"));
        assertEquals("description of 1.0.0-alpha.2", packument.description());
        PackageSummary summary = PackageDocuments.summary(packument).orElseThrow();
        assertEquals(null, summary.latest());
    }

    @Test
    void updatedAtIsWhenThePackagesFolderLastChangedNotItsLatestPublication() {
        Instant yanked = START.plusSeconds(86_400L * 30);
        Packument packument = PackageDocuments.packument(NAME, published("1.0.0", "1.0.1"),
                meta(Map.of(), Map.of(Version.parse("1.0.1"), "broken"), Map.of()), Owners.NONE, yanked, new TreeMap<>());
        assertEquals(yanked, packument.updatedAt());
        assertEquals(yanked, PackageDocuments.summary(packument).orElseThrow().updatedAt());
    }

    @Test
    void yankedAndDeprecatedGoToTheirVersions() {
        Packument packument = PackageDocuments.packument(NAME, published("1.0.0", "1.1.0"),
                meta(Map.of(), Map.of(Version.parse("1.0.0"), "leaks keys"), Map.of(Version.parse("1.1.0"), "use 2")),
                Owners.NONE, UPDATED, new TreeMap<>());
        assertEquals("leaks keys", packument.versions().get(Version.parse("1.0.0")).yanked());
        assertEquals("use 2", packument.versions().get(Version.parse("1.1.0")).deprecated());
        assertEquals(null, packument.versions().get(Version.parse("1.1.0")).yanked());
    }

    @Test
    void aDistTagToAnUnpublishedVersionIsAnError() {
        List<Problem> problems = PackageDocuments.checkMeta(NAME,
                meta(Map.of("beta", Version.parse("3.0.0")), Map.of(), Map.of()), published("1.0.0"));
        assertEquals(1, problems.size());
        assertEquals("packages/@a/b/meta.json", problems.get(0).file());
        assertEquals("/distTags/beta", problems.get(0).pointer());
        assertTrue(problems.get(0).isError());
    }

    @Test
    void yankingOrDeprecatingAnUnpublishedVersionIsAnError() {
        List<Problem> problems = PackageDocuments.checkMeta(NAME, meta(Map.of(),
                Map.of(Version.parse("9.0.0"), "x"), Map.of(Version.parse("8.0.0"), "y")), published("1.0.0"));
        assertEquals(List.of("/deprecated/8.0.0", "/yanked/9.0.0"),
                problems.stream().map(Problem::pointer).sorted().toList());
    }

    /** A push past the check is told what the check tells: the folder meant, a version there is, or none left. */
    @Test
    void anEntryNamingNoFolderIsToldTheFoldersExactNameOrAVersionThereIs() {
        List<Problem> problems = PackageDocuments.checkMeta(NAME, meta(Map.of("next", Version.parse("1.1.0")),
                Map.of(Version.parse("9.0.0"), "x"), Map.of()), published("1.0.0", "1.1.0+b.1"));

        assertEquals(List.of("write 1.1.0+b.1, the folder's exact name: meta.json names versions exactly, build"
                        + " metadata and letter case included, or remove the entry",
                "name the exact version of a folder of the package, such as 1.1.0+b.1, or remove the entry"),
                problems.stream().map(Problem::hint).toList());
        assertEquals(List.of("remove the entry: @a/b has no version folder"), PackageDocuments.checkMeta(NAME,
                meta(Map.of(), Map.of(Version.parse("9.0.0"), "x"), Map.of()), published()).stream()
                .map(Problem::hint).toList());
    }

    @Test
    void theVersionsTakenDownAreInTheIndexWithTheirReasons() {
        Integrity tarball = Integrity.of(new byte[] {1});
        Packument packument = PackageDocuments.packument(NAME, published("1.0.0"),
                takenDown(Map.of(Version.parse("0.9.0"), "leaked an API key")), Owners.NONE, UPDATED,
                new TreeMap<>(Map.of(Version.parse("0.9.0"), tarball)));
        assertEquals(Map.of(Version.parse("0.9.0"), "leaked an API key"), packument.takenDown());
        assertEquals(Map.of(Version.parse("0.9.0"), tarball), packument.takenDownIntegrity());
    }

    @Test
    void withNoVersionLeftTheIndexHoldsTheTakedownsAndOwnersAloneAndPackagesJsonNoLine() {
        Owners owners = new Owners(new TreeSet<>(List.of("ann")), new TreeSet<>());
        SortedMap<Version, String> takedowns = new TreeMap<>(Map.of(Version.parse("1.0.0"), "leaked a key"));

        SortedMap<Version, Integrity> integrities = new TreeMap<>(Map.of(Version.parse("1.0.0"),
                Integrity.of(new byte[] {1})));

        Packument packument = PackageDocuments.packument(NAME, published(), takenDown(takedowns), owners,
                UPDATED, integrities);

        assertEquals(Packument.everyVersionTakenDown(NAME, owners, takedowns, integrities, UPDATED), packument);
        assertEquals(Optional.empty(), PackageDocuments.summary(packument));
        assertEquals(List.of("/distTags/latest"), PackageDocuments.checkMeta(NAME, new PackageMeta(new TreeMap<>(
                Map.of("latest", Version.parse("1.0.0"))), new TreeMap<>(), new TreeMap<>(), takedowns,
                new TreeSet<>()),
                published()).stream().map(Problem::pointer).toList(), "a dist-tag left at the version taken down");
    }

    @Test
    void takingDownAVersionStillPublishedIsAnError() {
        List<Problem> problems = PackageDocuments.checkMeta(NAME,
                takenDown(Map.of(Version.parse("1.0.0"), "leaked a key", Version.parse("0.9.0"), "leaked a key")),
                published("1.0.0"));
        assertEquals(List.of("/takenDown/1.0.0"), problems.stream().map(Problem::pointer).toList());
        assertTrue(problems.get(0).hint().contains("deletes packages/@a/b/1.0.0/"), problems.get(0).hint());
    }
}
