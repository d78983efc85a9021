package io.prompd.generator.build;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.Integrity;
import io.prompd.core.archive.Packer;
import io.prompd.core.files.Folders;
import io.prompd.core.files.RunLock;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.PackageReport;
import io.prompd.core.packaging.PackageValidator;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ValidationException;
import io.prompd.core.protocol.PackageList;
import io.prompd.core.protocol.PackageSummary;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.RegistryDocument;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.PublicationHistory;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.testing.OtherGroup;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryBuilderTest {

    @TempDir
    Path temp;

    /** Publishes {@code @common/a} 1.0.0 and 1.1.0 in one commit and builds it, as a first build. */
    private static void buildTwoVersionsOfA(TestRegistryRepo repo, Path out) throws IOException {
        repo.publish("@common/a", "1.0.0");
        repo.publish("@common/a", "1.1.0");
        repo.commit("publish a");
        build(repo, out);
    }

    /**
     * Builds two versions of a into {@code out}, then commits a force-push that drops 1.1.0, which only a forced build
     * builds: the commit built.
     */
    private static String servedThenDropping110(TestRegistryRepo repo, Path out) throws IOException {
        buildTwoVersionsOfA(repo, out);
        String served = repo.head().name();
        repo.delete("packages/@common/a/1.1.0");
        repo.commit("a force-push that drops 1.1.0");
        return served;
    }

    private static BuildResult build(TestRegistryRepo repo, Path out) throws IOException {
        return build(repo, out, Optional.empty());
    }

    private static BuildResult build(TestRegistryRepo repo, Path out, Optional<URI> baseUrl) throws IOException {
        return new RegistryBuilder().build(new BuildOptions(repo.root(), "HEAD", out, baseUrl, false, false,
                repo.root()), BuildProgress.NONE);
    }

    private static BuildResult forcedBuild(TestRegistryRepo repo, Path out) throws IOException {
        return new RegistryBuilder().build(new BuildOptions(repo.root(), "HEAD", out, Optional.empty(), true, false,
                repo.root()), BuildProgress.NONE);
    }

    private static <T> T read(Path file, Class<T> type) throws IOException {
        return Json.read(Files.readAllBytes(file), type);
    }

    @Test
    void aBuildTakesItsTimeFromTheBuildersTicker() throws IOException {
        Path out = temp.resolve("out");
        AtomicLong nanos = new AtomicLong(7);
        RegistryBuilder builder = new RegistryBuilder(List.of(new RootDocumentWriter()), 2,
                () -> nanos.getAndAdd(2_500_000_000L));
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.commit("publish a");
            BuildOptions options = new BuildOptions(repo.root(), "HEAD", out, Optional.empty(), false, false,
                    repo.root());
            assertEquals(Duration.ofMillis(2500), builder.build(options, BuildProgress.NONE).elapsed());
            BuildResult unchanged = builder.build(options, BuildProgress.NONE);
            assertTrue(unchanged.unchanged());
            assertEquals(2.5, unchanged.seconds());
        }
    }

    @Test
    void buildsEveryVersionOfTheExampleRegistryAsPromptdPackWouldPackIt() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = IndexTemplate.commit(temp.resolve("repo"))) {
            BuildResult result = build(repo, out);
            assertEquals(new BuildResult(repo.head().name(), 8, 15, 15, 0, false, result.elapsed(), List.of()), result);
        }
        Path packages = IndexTemplate.folder().resolve("packages");
        PackageList list = read(out.resolve(RegistryLayout.PACKAGE_LIST), PackageList.class);
        assertEquals(8, list.packages().size());
        int versions = 0;
        for (PackageSummary summary : list.packages()) {
            Path packumentFile = out.resolve(RegistryLayout.packument(summary.name()));
            Packument packument = read(packumentFile, Packument.class);
            for (VersionSummary version : packument.versions().values()) {
                versions++;
                Path tarball = Path.of(packumentFile.toUri().resolve(version.dist().tarball()));
                byte[] bytes = Files.readAllBytes(tarball);
                assertTrue(version.dist().integrity().matches(bytes),
                        tarball + " has the integrity index.json records");
                assertEquals(version.dist().size(), bytes.length);
                assertArrayEquals(packedFromDisk(packages.resolve(summary.name() + "/" + version.version())), bytes,
                        "the registry's tarball of " + summary.name() + "@" + version.version() + " is prompd pack's");
                VersionDocument document = read(out.resolve(
                        RegistryLayout.versionDocument(summary.name(), version.version())), VersionDocument.class);
                assertEquals(version, document.summary(version.yanked(), version.deprecated()));
            }
        }
        assertEquals(15, versions);
        RegistryDocument registry = read(out.resolve(RegistryLayout.REGISTRY_DOCUMENT), RegistryDocument.class);
        assertEquals(new RegistryDocument.Counts(8, 15), registry.counts());
        assertEquals("Example Prompd Registry", registry.name());
        assertEquals(RegistryLayout.urlTemplates(), registry.urls());
        assertArrayEquals(RootDocumentWriter.manifestSchema(),
                Files.readAllBytes(out.resolve(RegistryLayout.MANIFEST_SCHEMA)));
    }

    private static byte[] packedFromDisk(Path folder) throws IOException {
        DirectorySource source = new DirectorySource(folder);
        PackageReport report = new PackageValidator(ArchiveLimits.DEFAULT, PLAIN).validate(source);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Packer.pack(source, report.selection(), bytes);
        return bytes.toByteArray();
    }

    @Test
    void versionDocumentsHoldPromptParametersAndTheReadme() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = IndexTemplate.commit(temp.resolve("repo"))) {
            build(repo, out);
        }
        PackageName name = PackageName.parse("@prompd/code-reviewer");
        VersionDocument document = read(out.resolve(RegistryLayout.versionDocument(name, Version.parse("1.2.0"))),
                VersionDocument.class);
        String readme = Files.readString(IndexTemplate.folder()
                .resolve("packages/@prompd/code-reviewer/1.2.0/README.md"));
        assertEquals(readme, document.readme());
        assertEquals(Set.of("prompts/review.prmd", "prompts/security-review.prmd", "prompts/testability-review.prmd"),
                document.promptFiles().keySet());
        assertFalse(document.promptFiles().get("prompts/review.prmd").parameters().isEmpty(),
                "the review prompt declares parameters");
        assertEquals("-/code-reviewer-1.2.0.tgz", document.dist().tarball());
    }

    /** Publishes {@code @common/a} 1.0.0 with README.md and, before it in name order, README.fr.md. */
    private static void publishWithATranslatedReadme(TestRegistryRepo repo) {
        String folder = repo.publish("@common/a", "1.0.0");
        repo.write(folder + "/README.md", "English readme.\n");
        repo.write(folder + "/README.fr.md", "Lisez-moi.\n");
        repo.commit("publish a");
    }

    @Test
    void aVersionDocumentServesReadmeMdThoughATranslationComesFirstInNameOrder() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            publishWithATranslatedReadme(repo);
            build(repo, out);
        }
        assertEquals("English readme.\n", read(out.resolve(RegistryLayout.versionDocument(
                PackageName.parse("@common/a"), Version.parse("1.0.0"))), VersionDocument.class).readme());
    }

    /**
     * A generator of format 6 served README.fr.md as the version's readme: the first build after the update writes
     * the version's document again with README.md, as a build afresh does, and keeps the tarball as it was (bytes,
     * inode and mtime), where an output of the same format keeps every version document as it is.
     */
    @Test
    void theFirstBuildOnAnOutputThatServedATranslatedReadmeServesReadmeMdAndKeepsTheTarball() throws IOException {
        Path out = temp.resolve("out");
        String document = RegistryLayout.versionDocument(PackageName.parse("@common/a"), Version.parse("1.0.0"));
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            publishWithATranslatedReadme(repo);
            build(repo, out);
            Path served = out.resolve(document);
            Files.writeString(served, Files.readString(served).replace("English readme.", "Lisez-moi."));
            Path state = out.resolve(BuildState.FILE);
            Files.writeString(state, Files.readString(state).replace("\"format\": " + BuildState.FORMAT,
                    "\"format\": 6"));
            OutputTree before = OutputTree.of(out);

            BuildResult result = build(repo, out);

            assertEquals(Optional.of(6), result.otherStateFormat());
            assertEquals("English readme.\n", read(served, VersionDocument.class).readme());
            assertEquals(Set.of(BuildState.FILE, document), before.rewrittenIn(OutputTree.of(out)).keySet(),
                    "the tarball and every other file are left as they were");
            assertTrue(build(repo, out).unchanged());
        }
    }

    @Test
    void versionDocumentsPublishTheDefaultPromptAndTheLimitsOfEachParameter() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            String folder = repo.publish("@common/a", "1.0.0");
            repo.write(folder + "/prompts/x.prmd", """
                    ---
                    id: x
                    name: X
                    version: 1.0.0
                    parameters:
                      - name: word_count
                        type: integer
                        min: 500
                        max: 2000
                      - name: ratio
                        type: number
                        min: 0.5
                      - name: slug
                        type: string
                        pattern: "^[a-z-]+$"
                        minLength: 3
                        maxLength: 40
                      - name: topic
                    ---
                    # User

                    Write {{ word_count }} words on {{ topic }} as {{ slug }} at {{ ratio }}.
                    """);
            repo.commit("publish a");
            build(repo, out);
        }
        PackageName name = PackageName.parse("@common/a");
        JsonNode document = Json.reader().readTree(Files.readAllBytes(out.resolve(RegistryLayout.versionDocument(name,
                Version.parse("1.0.0")))));
        assertEquals("""
                [{"enum":[],"max":2000,"min":500,"name":"word_count","required":false,"type":"integer"},\
                {"enum":[],"min":0.5,"name":"ratio","required":false,"type":"number"},\
                {"enum":[],"maxLength":40,"minLength":3,"name":"slug","pattern":"^[a-z-]+$","required":false,\
                "type":"string"},\
                {"enum":[],"name":"topic","required":false,"type":"string"}]""",
                document.at("/promptFiles/prompts~1x.prmd/parameters").toString(), "each limit, only where it is set");
        assertEquals("prompts/x.prmd", document.at("/main").asText());
        assertEquals("prompts/x.prmd",
                Json.reader().readTree(Files.readAllBytes(out.resolve(RegistryLayout.packument(name))))
                .at("/versions/1.0.0/main").asText(), "the default prompt is known without the version document");
    }

    /** @common/b 1.0.0's dependency on @common/a, unmet by the versions of @common/a served. */
    private static BuildWarning bOnA(String range, String... served) {
        return new BuildWarning.UnmetDependency(new PackageVersion(PackageName.parse("@common/b"),
                Version.parse("1.0.0")), PackageName.parse("@common/a"), VersionRange.parse(range), Optional.of(
                Stream.of(served).map(Version::parse).collect(Collectors.toCollection(TreeSet::new))));
    }

    /**
     * A package carried over still has its dependencies judged against what the build serves now: yanking the one
     * version that met a range warns of the package depending on it, read from its document, and the state records
     * the dependency unmet.
     */
    @Test
    void aPackageCarriedOverIsWarnedOfWhenTheVersionItDependsOnIsYanked() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.publish("@common/b", "1.0.0", "@common/a@^1.0.0");
            repo.commit("publish a and b");
            assertEquals(List.of(), build(repo, out).warnings());
            repo.meta("@common/a", "{\"yanked\": {\"1.0.0\": \"broken\"}}");
            repo.commit("yank a 1.0.0");

            BuildResult result = build(repo, out);

            assertEquals(List.of(bOnA("^1.0.0")), result.warnings());
            assertEquals(0, result.tarballsWritten());
            BuildState state = BuildState.readFile(out).orElseThrow().state().orElseThrow();
            assertEquals("{@common/b={1.0.0={@common/a=^1.0.0}}}", state.unmet().toString());
        }
    }

    /**
     * A build that only adds versions judges again, of the packages it carries over, only the dependencies the last
     * build found unmet: one still unmet is warned of again, and one a new version meets is not.
     */
    @Test
    void aDependencyUnmetBeforeIsJudgedAgainWhenOnlyVersionsAreAdded() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.publish("@common/b", "1.0.0", "@common/a@^2.0.0");
            repo.commit("publish a and b");
            BuildWarning unmet = bOnA("^2.0.0", "1.0.0");
            assertEquals(List.of(unmet), build(repo, out).warnings());
            repo.publish("@common/c", "1.0.0");
            repo.commit("publish c");

            assertEquals(List.of(unmet), build(repo, out).warnings(), "b carried over, still unmet");

            repo.publish("@common/a", "2.0.0");
            repo.commit("publish a 2.0.0");
            BuildResult met = build(repo, out);

            assertEquals(List.of(), met.warnings());
            assertEquals(1, met.tarballsWritten(), "b carried over");
            assertEquals("{}", BuildState.readFile(out).orElseThrow().state().orElseThrow().unmet().toString());
        }
    }

    /**
     * Format 1: version documents without the default prompt and the parameters' limits; 2: tarballs
     * that kept an executable file's mode 0755, and no index.json of a package with no version left; 3: a
     * package's updatedAt its latest publication, which a yank, deprecation, dist-tag move or takedown left; 4: a
     * version merged from another branch published by the commit that brought it onto the first-parent line; 5: no
     * takenDownIntegrity of a version taken down; 6: a version document's readme the first root README in name order,
     * README.fr.md before README.md; 7: a version deleted and added back with the same files published by the commit
     * that added it back, and its removal forgotten; 8: no repository.directory in the documents; 9: no dependencies
     * of the versions in the state; 10: a79bbfea's, reverted, whose state recorded each version's first tree.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void anOutputOfAnEarlierFormatIsRebuiltInFull(int format) throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            Path state = out.resolve(BuildState.FILE);
            Files.writeString(state, Files.readString(state).replace("\"format\": " + BuildState.FORMAT,
                    "\"format\": " + format));

            BuildResult result = build(repo, out);

            assertFalse(result.unchanged());
            assertEquals(2, result.tarballsWritten(), "what that format wrote is not kept");
            assertEquals(0, result.tarballsReused());
        }
    }

    /**
     * Writes the output's state as the generator of format 3 wrote it (before aa2f1902; the shape a real file of
     * {@code prompd-registry} of that time has): for each package its meta.json, owners and versions, no
     * {@code updatedAt} or {@code takenDown} of a package and no {@code removed}, and the numbers kept for versions a
     * forced build left out, which this one takes from the output's current state.
     */
    private static void writeStateOfFormatThree(Path out) throws IOException {
        BuildState state = BuildState.readFile(out).orElseThrow().state().orElseThrow();
        StringBuilder packages = new StringBuilder();
        state.packages().forEach((name, ofPackage) -> {
            StringBuilder versions = new StringBuilder();
            ofPackage.versions().forEach((version, made) -> versions.append(versions.isEmpty() ? "" : ",").append("""

                        "%s": {
                          "commit": "%s",
                          "publishedAt": "%s",
                          "tree": "%s"
                        }""".formatted(version, made.commit(), made.publishedAt(), made.tree())));
            packages.append(packages.isEmpty() ? "" : ",").append("""

                    "%s": {
                      "meta": %s,
                      "owners": %s,
                      "versions": {%s
                      }
                    }""".formatted(name, new String(Json.write(ofPackage.meta()), StandardCharsets.UTF_8),
                    new String(Json.write(ofPackage.owners()), StandardCharsets.UTF_8), versions));
        });
        StringBuilder vanished = new StringBuilder();
        state.vanished().forEach((name, versions) -> vanished.append(vanished.isEmpty() ? "" : ",")
                .append("\n    \"").append(name).append("\": ").append(new String(Json.write(versions),
                        StandardCharsets.UTF_8)));
        Files.writeString(out.resolve(BuildState.FILE), """
                {
                  "commit": "%s",
                  "format": 3,
                  "packages": {%s
                  },
                  "vanished": {%s
                  }
                }
                """.formatted(state.commit(), packages, vanished));
    }

    @Test
    void theFirstBuildOnAnOutputOfAnOlderFormatTellsWhyItPacksEveryVersionAndKeepsTheFilesThatComeOutTheSame()
            throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            writeStateOfFormatThree(out);
            OutputTree before = OutputTree.of(out);

            BuildResult result = build(repo, out);

            assertEquals(Optional.of(3), result.otherStateFormat());
            assertEquals(2, result.tarballsWritten(), "packed again");
            assertEquals(Set.of(BuildState.FILE), before.rewrittenIn(OutputTree.of(out)).keySet(),
                    "every other file has the bytes it had, and is left as it was, inode and mtime");
            assertEquals(Optional.empty(), build(repo, out).otherStateFormat());
        }
    }

    @Test
    void theFirstBuildOnAnOutputOfAnOlderFormatRefusesToLeaveOutAVersionItServesUnlessForced() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            Path out = temp.resolve("out");
            buildTwoVersionsOfA(repo, out);
            String served = repo.head().name();
            writeStateOfFormatThree(out);
            Path tarball = out.resolve(RegistryLayout.tarball(PackageName.parse("@common/a"), Version.parse("1.1.0")));
            byte[] published = Files.readAllBytes(tarball);
            repo.delete("packages/@common/a/1.1.0");
            String leaving = repo.commit("a force-push that drops 1.1.0").name().substring(0, 7);

            PrompdException refused = assertThrows(PrompdException.class, () -> build(repo, out));

            assertEquals(ExitCode.CONFLICT, refused.exitCode());
            assertTrue(refused.getMessage().startsWith("commit " + leaving + " leaves out 1 version that the build in "
                    + out + " (of commit " + served.substring(0, 7) + ") serves, with no takedown record"
                    + " (@common/a@1.1.0)"), refused.getMessage());
            assertTrue(Files.isRegularFile(tarball), "the output stays as it was");

            assertEquals(List.of(new BuildWarning.ServedVersionsLeftOut(served, List.of(new PackageVersion(
                    PackageName.parse("@common/a"), Version.parse("1.1.0"))))), forcedBuild(repo, out).warnings());
            assertEquals(Map.of(PackageName.parse("@common/a"), Map.of(Version.parse("1.1.0"),
                    Integrity.of(published))), BuildState.readFile(out).orElseThrow().state().orElseThrow().vanished());
        }
    }

    @Test
    void theFirstBuildOnAnOutputOfAnOlderFormatKeepsTheNumbersItsStateKeptForTarballsServedOnce() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            Path out = temp.resolve("out");
            buildTwoVersionsOfA(repo, out);
            byte[] published = Files.readAllBytes(out.resolve(RegistryLayout.tarball(PackageName.parse("@common/a"),
                    Version.parse("1.1.0"))));
            repo.delete("packages/@common/a/1.1.0");
            repo.commit("a force-push that drops 1.1.0");
            forcedBuild(repo, out);
            writeStateOfFormatThree(out);
            assertTrue(Files.readString(out.resolve(BuildState.FILE)).contains("\"1.1.0\": \""
                    + Integrity.of(published)));

            build(repo, out);

            Map<PackageName, Map<Version, Integrity>> kept = Map.of(PackageName.parse("@common/a"),
                    Map.of(Version.parse("1.1.0"), Integrity.of(published)));
            assertEquals(kept, BuildState.readFile(out).orElseThrow().state().orElseThrow().vanished(),
                    "carried over the upgrade");
            writeStateOfFormatThree(out);
            assertOtherFilesUnderTheKeptNumberAreRefused(repo, out, published);
        }
    }

    /** Each problem of the failure as {@code file: message}. */
    private static List<String> located(ValidationException failure) {
        return failure.problems().stream().map(problem -> problem.file() + ": " + problem.message()).toList();
    }

    /**
     * Publishes {@code @common/a} 1.1.0 again with other files than {@code published}, which the build refuses, in a
     * history rewritten from its first commit, as a purge does: the history holds the number no more, the output does.
     */
    private static void assertOtherFilesUnderTheKeptNumberAreRefused(TestRegistryRepo repo, Path out,
                                                                     byte[] published) {
        repo.checkout(repo.firstCommit().name());
        repo.publish("@common/a", "1.0.0");
        repo.commit("publish a, rewritten");
        repo.publish("@common/a", "1.1.0");
        repo.write("packages/@common/a/1.1.0/contexts/new.md", "other bytes under the old number\n");
        repo.commit("another 1.1.0");
        ValidationException reused = assertThrows(ValidationException.class, () -> build(repo, out));
        assertEquals(List.of("packages/@common/a/1.1.0: the version's files differ from those the output served"
                + " under this number (" + Integrity.of(published) + ") until a build left it out with no takedown"
                + " record: the branch's history was rewritten, or a push bypassed the check, and lock files pin"
                + " the tarball the published files made"), located(reused));
    }

    @Test
    void theFirstBuildOnAnOutputOfAnOlderFormatRefusesOtherFilesUnderANumberItServes() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            Path out = temp.resolve("out");
            buildTwoVersionsOfA(repo, out);
            writeStateOfFormatThree(out);
            Path tarball = out.resolve(RegistryLayout.tarball(PackageName.parse("@common/a"), Version.parse("1.1.0")));
            byte[] published = Files.readAllBytes(tarball);
            repo.write("packages/@common/a/1.1.0/contexts/new.md", "other bytes under the old number\n");
            repo.commit("a push past the check that changes 1.1.0");

            ValidationException changed = assertThrows(ValidationException.class, () -> build(repo, out));

            assertEquals(List.of("packages/@common/a/1.1.0: the version's files differ from those the output serves ("
                    + Integrity.of(published) + "): the branch's history was rewritten, or a push bypassed the check,"
                    + " and lock files pin the tarball the published files made"), located(changed));
            assertTrue(changed.problems().get(0).hint().startsWith("put the published files back (the served tarball, "
                    + tarball + ", holds them)"), changed.problems().get(0).hint());
            assertArrayEquals(published, Files.readAllBytes(tarball));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "packages/@common/a/index.json | {\"name\": \"@common/a\", \"versions\": {\"1.0.0\": {}}}"
                    + " | version 1.0.0 has no integrity",
            "packages/@common/a/index.json | garbage | at line 1, column 1: ",
            ".prompd-build.json | {\"commit\": \"%s\", \"format\": 3, \"vanished\": []}"
                    + " | its vanished numbers do not read: "})
    void anOutputOfAnotherFormatWhoseServedVersionsDoNotReadIsRefusedAsDamaged(String file, String text, String why)
            throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            writeStateOfFormatThree(out);
            Files.writeString(out.resolve(file), text.formatted(repo.head().name()));
            repo.delete("packages/@common/a/1.1.0");
            repo.commit("a force-push that drops 1.1.0");

            PrompdException refused = assertThrows(PrompdException.class, () -> forcedBuild(repo, out));

            assertEquals(ExitCode.CONFLICT, refused.exitCode());
            assertTrue(refused.getMessage().startsWith(out.resolve(file) + " is damaged (" + why),
                    refused.getMessage());
            assertTrue(Files.isRegularFile(out.resolve("packages/@common/a/1.1.0.json")), "the output stays as it was");
        }
    }

    /**
     * A build writes both fields, {} when empty, so a state of this format without one was cut or edited: taken for
     * none, it would drop the numbers and trees the next builds guard and resume with.
     */
    @ParameterizedTest
    @ValueSource(strings = {"vanished", "removed"})
    void aStateOfThisFormatWithoutItsVanishedOrRemovedVersionsIsRefusedAsDamaged(String field) throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            Path state = out.resolve(BuildState.FILE);
            ObjectNode fields = (ObjectNode) Json.reader().readTree(Files.readAllBytes(state));
            fields.remove(field);
            Files.write(state, Json.write(fields));
            repo.delete("packages/@common/a/1.1.0");
            repo.commit("a force-push that drops 1.1.0");

            PrompdException refused = assertThrows(PrompdException.class, () -> forcedBuild(repo, out));

            assertEquals(ExitCode.CONFLICT, refused.exitCode());
            assertTrue(refused.getMessage().startsWith(state + " is damaged (at line "), refused.getMessage());
            assertTrue(refused.getMessage().contains(": a required field is missing)"), refused.getMessage());
            assertTrue(Files.isRegularFile(out.resolve("packages/@common/a/1.1.0.json")), "the output stays as it was");
        }
    }

    @ParameterizedTest
    @CsvSource({"missing, .prompd-build.json", "no file, .prompd-build.json", "missing, packages.json"})
    void anOutputOfAnotherFormatWhereAListedPackageHasNoIndexJsonIsRefusedAsDamaged(String how, String lister)
            throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            writeStateOfFormatThree(out);
            if (lister.equals("packages.json")) {
                Files.writeString(out.resolve(BuildState.FILE), """
                        {"commit": "%s", "format": 3, "vanished": {}}
                        """.formatted(repo.head().name()));
            }
            Path packument = out.resolve("packages/@common/a/index.json");
            Files.delete(packument);
            if (how.equals("no file")) {
                Files.createDirectory(packument);
            }
            String damaged = packument + " is damaged (it is " + how + ", though " + lister + " lists @common/a as"
                    + " served): ";

            repo.write("packages/@common/a/1.1.0/contexts/new.md", "other bytes under the old number\n");
            repo.commit("a push past the check that changes 1.1.0");
            PrompdException changed = assertThrows(PrompdException.class, () -> build(repo, out));
            assertEquals(ExitCode.CONFLICT, changed.exitCode());
            assertTrue(changed.getMessage().startsWith(damaged), changed.getMessage());
            assertTrue(changed.hint().startsWith("rebuild the output with a new --out"), changed.hint());

            repo.delete("packages/@common/a/1.1.0");
            repo.commit("a force-push that drops 1.1.0");
            PrompdException leaving = assertThrows(PrompdException.class, () -> build(repo, out));
            assertEquals(ExitCode.CONFLICT, leaving.exitCode());
            assertTrue(leaving.getMessage().startsWith(damaged), leaving.getMessage());
            assertTrue(Files.isRegularFile(out.resolve("packages/@common/a/1.1.0.json")), "the output stays as it was");
        }
    }

    @Test
    void distTagsYankedAndDeprecatedComeFromMetaJson() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = IndexTemplate.commit(temp.resolve("repo"))) {
            build(repo, out);
        }
        Packument reviewer = read(out.resolve(RegistryLayout.packument(PackageName.parse("@prompd/code-reviewer"))),
                Packument.class);
        assertEquals(Version.parse("1.2.0"), reviewer.distTags().get("latest"));
        assertEquals(Version.parse("2.0.0-beta.1"), reviewer.distTags().get("next"));
        assertTrue(reviewer.versions().get(Version.parse("1.0.0")).yanked().startsWith("The review prompt told"));
        assertNull(reviewer.versions().get(Version.parse("1.1.0")).yanked());
        Packument base = read(out.resolve(RegistryLayout.packument(PackageName.parse("@common/base-prompts"))),
                Packument.class);
        assertTrue(base.versions().get(Version.parse("1.0.0")).deprecated().startsWith("1.x is no longer maintained"));
        assertNull(base.versions().get(Version.parse("2.1.0")).deprecated());
        assertEquals(Version.parse("2.1.0"), base.distTags().get("latest"), "latest defaults to the highest version");
        Packument unscoped = read(out.resolve(RegistryLayout.packument(PackageName.parse("sql-explainer"))),
                Packument.class);
        assertEquals(Set.of("ivan"), unscoped.owners().users(), "an unscoped package's owners come from its meta.json");
        assertEquals(Set.of("core", "devtools"), reviewer.owners().teams(),
                "a scoped package's owners are its scope's");
    }

    /** Committed from WSL's /mnt/c, a meta.json is executable by accident; the check reads it as any other. */
    @Test
    void distTagsComeFromAnExecutableMetaJsonToo() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.meta("@common/a", "{\"distTags\": {\"latest\": \"1.0.0\"}}")
                    .executable("packages/@common/a/meta.json");
            buildTwoVersionsOfA(repo, out);
        }
        Packument a = read(out.resolve(RegistryLayout.packument(PackageName.parse("@common/a"))), Packument.class);
        assertEquals(Version.parse("1.0.0"), a.distTags().get("latest"));
    }

    @Test
    void theVersionsTakenDownAreInTheIndexWithTheirReasonsOnlyWhenThereAreAny() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            assertFalse(Files.readString(out.resolve("packages/@common/a/index.json")).contains("takenDown"));

            repo.delete("packages/@common/a/1.0.0").meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
            repo.commit("take 1.0.0 down");
            build(repo, out);
        }
        Packument packument = read(out.resolve("packages/@common/a/index.json"), Packument.class);
        assertEquals(Map.of(Version.parse("1.0.0"), "leaked a key"), packument.takenDown());
        assertEquals(Set.of(Version.parse("1.1.0")), packument.versions().keySet());
    }

    /**
     * A client takes a takedown recorded by a registry the lock did not have the version from for the locked
     * version's only when it names the locked tarball: the index gives the integrity of the tarball served, which a
     * fresh build finds in the history as the incremental ones do.
     */
    @Test
    void aVersionTakenDownHasTheIntegrityOfTheTarballItWasServedWithInTheIndexAsAFreshBuildGivesIt()
            throws IOException {
        Path out = temp.resolve("out");
        Path fresh = temp.resolve("fresh");
        Integrity served;
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            served = read(out.resolve("packages/@common/a/index.json"), Packument.class).versions()
                    .get(Version.parse("1.0.0")).dist().integrity();
            repo.delete("packages/@common/a/1.0.0").meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
            repo.commit("take 1.0.0 down");
            build(repo, out);
            assertEquals(Map.of(Version.parse("1.0.0"), served),
                    read(out.resolve("packages/@common/a/index.json"), Packument.class).takenDownIntegrity());
            repo.meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"},"
                    + " \"deprecated\": {\"1.1.0\": \"use 2\"}}");
            repo.commit("deprecate 1.1.0");
            build(repo, out);
            build(repo, fresh);
        }
        Packument packument = read(out.resolve("packages/@common/a/index.json"), Packument.class);
        assertEquals(Map.of(Version.parse("1.0.0"), served), packument.takenDownIntegrity(),
                "a later build of the package keeps it");
        assertEquals("use 2", packument.versions().get(Version.parse("1.1.0")).deprecated());
        assertEquals(OutputTree.of(fresh).hashes(), OutputTree.of(out).hashes());
    }

    /**
     * A history rewritten to purge a version taken down, as the registry's README says to purge a leaked secret: every
     * commit from the first it changes gets a new id, so each version published since has another publishing commit.
     * Their documents, served as never changing, give it, as a fresh build's do; the build says so, and keeps their
     * tarballs, which the same files make.
     */
    @Test
    void aHistoryRewrittenPastATakedownIsWarnedOfAndTheTarballsOfItsSameFilesAreKept() throws IOException {
        Path out = temp.resolve("out");
        Path fresh = temp.resolve("fresh");
        String takedown = "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}";
        String served;
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/b", "1.0.0");
            repo.commit("publish b");
            repo.publish("@common/a", "1.0.0");
            repo.commit("publish a 1.0.0");
            repo.publish("@common/a", "1.1.0");
            repo.commit("publish a 1.1.0");
            repo.delete("packages/@common/a/1.0.0").meta("@common/a", takedown);
            served = repo.commit("take a 1.0.0 down").name();
            build(repo, out);
        }
        BuildResult result;
        try (TestRegistryRepo purged = TestRegistryRepo.initRegistry(temp.resolve("purged"))) {
            purged.publish("@common/b", "1.0.0");
            purged.commit("publish b");
            purged.commit("publish a 1.0.0");
            purged.publish("@common/a", "1.1.0");
            purged.commit("publish a 1.1.0");
            purged.meta("@common/a", takedown);
            purged.commit("take a 1.0.0 down");
            result = build(purged, out);
            build(purged, fresh);
        }
        assertEquals(List.of(new BuildWarning.HistoryRewritten(served, List.of(new PackageVersion(
                PackageName.parse("@common/a"), Version.parse("1.1.0"))), true)), result.warnings(),
                "b's commit is the same in both histories, and filter-branch keeps commit times");
        assertEquals(0, result.tarballsWritten());
        assertEquals(2, result.tarballsReused());
        assertEquals(OutputTree.of(fresh).hashes(), OutputTree.of(out).hashes());
    }

    /**
     * A history whose last commits were rebased with {@code git rebase --ignore-date}: their versions get other
     * publishing commits and times, so their packages' updatedAt moves, which the warning must not say stayed.
     */
    @Test
    void aHistoryRewrittenWithItsCommitTimesIsWarnedOfAsMovingUpdatedAt() throws IOException {
        Path out = temp.resolve("out");
        String served;
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.commit("publish a");
            repo.publish("@common/b", "1.0.0");
            served = repo.commit("publish b").name();
            build(repo, out);
        }
        BuildResult result;
        try (TestRegistryRepo rebased = TestRegistryRepo.initRegistry(temp.resolve("rebased"))) {
            rebased.publish("@common/a", "1.0.0");
            rebased.commit("publish a");
            rebased.publish("@common/b", "1.0.0");
            rebased.commit("publish b", TestRegistryRepo.DEFAULT_AUTHOR, Instant.parse("2026-06-01T00:00:00Z"));
            result = build(rebased, out);
        }
        assertEquals(List.of(new BuildWarning.HistoryRewritten(served, List.of(new PackageVersion(
                PackageName.parse("@common/b"), Version.parse("1.0.0"))), false)), result.warnings(),
                "a's commit is the same in both histories");
        assertEquals(Instant.parse("2026-06-01T00:00:00Z"),
                read(out.resolve("packages/@common/b/index.json"), Packument.class).updatedAt());
    }

    /** A history rewritten past a version's files (a leaked secret purged) leaves its takedown naming no tarball. */
    @Test
    void aTakedownWhoseFilesTheHistoryNeverHeldGivesNoIntegrity() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.1.0");
            repo.meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
            repo.commit("publish a, its 1.0.0 purged from the history");
            build(repo, out);
        }
        Packument packument = read(out.resolve("packages/@common/a/index.json"), Packument.class);
        assertEquals(Map.of(Version.parse("1.0.0"), "leaked a key"), packument.takenDown());
        assertEquals(Map.of(), packument.takenDownIntegrity());
        assertFalse(Files.readString(out.resolve("packages/@common/a/index.json")).contains("takenDownIntegrity"));
    }

    @Test
    void aBuildThatLeavesAServedVersionOutDeletesTheRetiredOutputHoldingItsTarballAtOnce() throws IOException {
        Path out = temp.resolve("out");
        Path retired = temp.resolve(".out.old");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            repo.publish("@common/b", "1.0.0");
            repo.commit("publish b");
            build(repo, out);
            assertTrue(Files.isRegularFile(retired.resolve("packages/@common/a/-/a-1.0.0.tgz")),
                    "a build that takes nothing down leaves the retired output to the next build");

            repo.delete("packages/@common/a/1.0.0").meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
            repo.commit("take 1.0.0 down");
            build(repo, out);
        }
        assertFalse(Files.exists(retired), "the retired output held the tarball taken down");
        assertFalse(Files.exists(out.resolve("packages/@common/a/-/a-1.0.0.tgz")));
    }

    /** Takes down sql-explainer's one version of the example registry, recording it as the README says. */
    private static void takeDownTheOneVersionOfSqlExplainer(TestRegistryRepo repo) {
        repo.delete("packages/sql-explainer/1.0.0").meta("sql-explainer",
                "{\"owners\": [\"ivan\"], \"takenDown\": {\"1.0.0\": \"Held a customer's API key.\"}}");
    }

    /** The example registry with a second commit, sql-explainer's takedown. */
    private TestRegistryRepo exampleWithSqlExplainerTakenDown() {
        TestRegistryRepo repo = IndexTemplate.commit(temp.resolve("repo"));
        takeDownTheOneVersionOfSqlExplainer(repo);
        repo.commit("take sql-explainer 1.0.0 down", TestRegistryRepo.MAINTAINER);
        return repo;
    }

    @Test
    void aPackageWithNoVersionLeftKeepsAnIndexOfItsTakedownsAndOwnersThatPackagesJsonLeavesOut() throws IOException {
        Path out = temp.resolve("out");
        BuildResult result;
        try (TestRegistryRepo repo = exampleWithSqlExplainerTakenDown()) {
            result = build(repo, out);
        }
        assertEquals("""
                {
                  "distTags": {},
                  "keywords": [],
                  "name": "sql-explainer",
                  "owners": {
                    "teams": [],
                    "users": [
                      "ivan"
                    ]
                  },
                  "takenDown": {
                    "1.0.0": "Held a customer's API key."
                  },
                  "takenDownIntegrity": {
                    "1.0.0": "sha512-+eBN/Vc5xA9207lLhf2kB2AWjkNgnRlnP6sao7WhFiPwewICfGqTiV+Gz//8fQQXeRo7w+X67Ik2rhqGaKbaxw=="
                  },
                  "updatedAt": "2026-01-01T01:00:00Z",
                  "versions": {}
                }
                """, Files.readString(out.resolve("packages/sql-explainer/index.json")), "updatedAt is the takedown's;"
                + " the integrity, that of the tarball served before");
        try (Stream<Path> files = Files.list(out.resolve("packages/sql-explainer"))) {
            assertEquals(List.of("index.json"), files.map(file -> file.getFileName().toString()).toList());
        }
        List<PackageName> listed = read(out.resolve(RegistryLayout.PACKAGE_LIST), PackageList.class).packages().stream()
                .map(PackageSummary::name).toList();
        assertFalse(listed.contains(PackageName.parse("sql-explainer")), listed.toString());
        assertEquals(7, listed.size());
        assertEquals(new RegistryDocument.Counts(7, 14),
                read(out.resolve(RegistryLayout.REGISTRY_DOCUMENT), RegistryDocument.class).counts(),
                "what packages.json lists");
        assertEquals(7, result.packages());
    }

    @Test
    void aPackageWithNoVersionLeftIsLeftAsItWasByABuildThatChangesAnotherPackage() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = exampleWithSqlExplainerTakenDown()) {
            build(repo, out);
            OutputTree before = OutputTree.of(out);
            assertTrue(before.files().containsKey("packages/sql-explainer/index.json"));
            repo.meta("@prompd/test-writer", "{\"deprecated\": {\"1.0.0\": \"use 2\"}}");
            repo.commit("deprecate test-writer 1.0.0");
            build(repo, out);

            assertEquals(Set.of("packages/@prompd/test-writer/index.json", RegistryLayout.PACKAGE_LIST, "registry.json",
                            BuildState.FILE),
                    before.rewrittenIn(OutputTree.of(out)).keySet());
        }
    }

    @Test
    void anOutputOfTheFormatBeforeIndexesOfPackagesWithNoVersionLeftIsBuiltAgainWithThem() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = exampleWithSqlExplainerTakenDown()) {
            build(repo, out);
            // what the generator of format 2 left of this very commit
            withoutTheIndexOfSqlExplainerAsFormat(out, 2);

            BuildResult result = build(repo, out);

            assertFalse(result.unchanged());
            assertTrue(Files.isRegularFile(out.resolve("packages/sql-explainer/index.json")));
        }
    }

    /** The output with no index.json of sql-explainer, whose every version is taken down, and a state of the format. */
    private static void withoutTheIndexOfSqlExplainerAsFormat(Path out, int format) throws IOException {
        Files.delete(out.resolve("packages/sql-explainer/index.json"));
        Files.delete(out.resolve("packages/sql-explainer"));
        Path state = out.resolve(BuildState.FILE);
        Files.writeString(state,
                Files.readString(state).replace("\"format\": " + BuildState.FORMAT, "\"format\": " + format));
    }

    /** Format 3 on wrote the index of a package with no version left: one gone holds the takedowns it served. */
    @Test
    void anOutputOfFormatThreeLackingTheIndexOfAPackageWithNoVersionLeftIsRefusedAsDamaged() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = exampleWithSqlExplainerTakenDown()) {
            build(repo, out);
            withoutTheIndexOfSqlExplainerAsFormat(out, 3);

            PrompdException refused = assertThrows(PrompdException.class, () -> build(repo, out));

            assertEquals(ExitCode.CONFLICT, refused.exitCode());
            assertTrue(refused.getMessage().startsWith(out.resolve("packages/sql-explainer/index.json") + " is damaged"
                    + " (it is missing, though .prompd-build.json lists sql-explainer as served)"),
                    refused.getMessage());
        }
    }

    @Test
    void latestDefaultsToTheHighestVersionThatIsNeitherPreReleaseNorYanked() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.publish("@common/a", "1.1.0");
            repo.publish("@common/a", "2.0.0-rc.1");
            repo.meta("@common/a", "{\"yanked\": {\"1.1.0\": \"broken\"}}");
            repo.commit("publish");
            build(repo, out);
        }
        Packument packument = read(out.resolve(RegistryLayout.packument(PackageName.parse("@common/a"))),
                Packument.class);
        assertEquals(Version.parse("1.0.0"), packument.distTags().get("latest"));
        PackageList list = read(out.resolve(RegistryLayout.PACKAGE_LIST), PackageList.class);
        assertEquals(Version.parse("1.0.0"), list.packages().get(0).latest());
    }

    /**
     * A package whose versions are all pre-releases, or all yanked, has no latest, as its index.json's distTags have
     * none: packages.json lists it without the key, and registry.json counts it and its versions.
     */
    @Test
    void packagesJsonListsAPackageWithoutAVersionNeitherPreReleaseNorYankedWithoutLatest() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.publish("@common/pre", "1.0.0-rc.1");
            repo.publish("@common/pre", "2.0.0-beta.1");
            repo.publish("@common/yanked", "1.0.0");
            repo.publish("@common/yanked", "1.1.0");
            repo.meta("@common/yanked", "{\"yanked\": {\"1.0.0\": \"broken\", \"1.1.0\": \"broken too\"}}");
            repo.commit("publish");
            build(repo, out);
        }
        JsonNode rows = Json.reader().readTree(Files.readAllBytes(out.resolve(RegistryLayout.PACKAGE_LIST)))
                .get("packages");
        assertEquals(List.of("@common/a", "@common/pre", "@common/yanked"),
                rows.findValuesAsText("name"), "sorted by name, each listed");
        assertEquals(List.of("description", "keywords", "latest", "name", "updatedAt"), fieldNames(rows.get(0)));
        assertEquals("1.0.0", rows.get(0).get("latest").asText());
        for (JsonNode row : List.of(rows.get(1), rows.get(2))) {
            assertEquals(List.of("description", "keywords", "name", "updatedAt"), fieldNames(row), row.toString());
            assertFalse(Json.reader().readTree(Files.readAllBytes(out.resolve(RegistryLayout.packument(
                    PackageName.parse(row.get("name").asText()))))).get("distTags").has("latest"));
        }
        assertEquals(new RegistryDocument.Counts(3, 5), read(out.resolve(RegistryLayout.REGISTRY_DOCUMENT),
                RegistryDocument.class).counts());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aBaseUrlGivesAbsoluteUrls() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.commit("publish");
            build(repo, out, Optional.of(URI.create("https://cdn.example.org/registry/")));
        }
        PackageName name = PackageName.parse("@common/a");
        Packument packument = read(out.resolve(RegistryLayout.packument(name)), Packument.class);
        assertEquals("https://cdn.example.org/registry/packages/@common/a/-/a-1.0.0.tgz",
                packument.versions().get(Version.parse("1.0.0")).dist().tarball());
        RegistryDocument registry = read(out.resolve(RegistryLayout.REGISTRY_DOCUMENT), RegistryDocument.class);
        assertEquals("https://cdn.example.org/registry/packages/{name}/index.json", registry.urls().get("package"));
    }

    /**
     * Every version document gives its tarball's URL, so another base URL changes each one served, as never changing:
     * the build says so, only then, and keeps the tarballs, which hold no URL, as they are, for a sync by mtime.
     */
    @Test
    void anotherBaseUrlIsWarnedOfAsChangingEveryVersionDocumentAndKeepsTheTarballs() throws IOException {
        Path out = temp.resolve("out");
        Optional<String> cdn = Optional.of("https://cdn.example.org/registry/");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            String relative = repo.head().name();
            OutputTree before = OutputTree.of(out);

            BuildResult result = build(repo, out, cdn.map(URI::create));

            assertEquals(List.of(new BuildWarning.BaseUrlChanged(relative, Optional.empty(), cdn, 2)),
                    result.warnings());
            assertEquals(Set.of(), before.rewrittenIn(OutputTree.of(out)).keySet().stream()
                    .filter(file -> file.endsWith(".tgz")).collect(Collectors.toSet()), "same bytes, inode and mtime");
            repo.publish("@common/b", "1.0.0");
            String absolute = repo.commit("publish b").name();
            assertEquals(List.of(), build(repo, out, cdn.map(URI::create)).warnings(), "the same base URL");
            assertEquals(List.of(new BuildWarning.BaseUrlChanged(absolute, cdn, Optional.empty(), 3)),
                    build(repo, out).warnings(), "dropped");
        }
    }

    @Test
    void twoBuildsOfOneCommitAreIdenticalFileForFile() throws IOException {
        try (TestRegistryRepo repo = IndexTemplate.commit(temp.resolve("repo"))) {
            build(repo, temp.resolve("first"));
            build(repo, temp.resolve("second"));
        }
        assertEquals(OutputTree.of(temp.resolve("first")).hashes(), OutputTree.of(temp.resolve("second")).hashes());
    }

    @Test
    void anIncrementalBuildGivesTheFilesAFullBuildOfTheSameCommitGives() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = IndexTemplate.commit(temp.resolve("repo"))) {
            build(repo, out);
            List<Runnable> changes = List.of(
                    () -> repo.publish("@common/base-prompts", "2.2.0"),
                    () -> repo.meta("@common/base-prompts", "{\"distTags\": {\"latest\": \"2.1.0\"},"
                            + " \"yanked\": {\"2.2.0\": \"broken\"}}"),
                    () -> repo.publish("@fresh/pkg", "1.0.0-beta.1"),
                    () -> repo.delete("packages/@common/base-prompts/2.2.0").meta("@common/base-prompts",
                            "{\"takenDown\": {\"2.2.0\": \"broken\"}}"),
                    () -> takeDownTheOneVersionOfSqlExplainer(repo),
                    () -> repo.publish("@common/base-prompts", "2.3.0"),
                    // no tarball holds a mode, so the version's new tree packs the bytes it packed
                    () -> repo.executable("packages/@common/base-prompts/2.3.0/LICENSE"),
                    // a dist-tag move and a deprecation alone, which move the package's updatedAt and nothing else
                    () -> repo.meta("@common/base-prompts", "{\"distTags\": {\"latest\": \"2.1.0\"},"
                            + " \"deprecated\": {\"2.3.0\": \"use 2.1.0\"}, \"takenDown\": {\"2.2.0\": \"broken\"}}"),
                    () -> repo.publish("sql-explainer", "1.1.0"),
                    () -> repo.delete("packages/sql-explainer/1.1.0").meta("sql-explainer", "{\"owners\": [\"ivan\"],"
                            + " \"takenDown\": {\"1.0.0\": \"Held a key.\", \"1.1.0\": \"Held a key too.\"}}"));
            for (int step = 0; step < changes.size(); step++) {
                changes.get(step).run();
                repo.commit("change " + step, TestRegistryRepo.MAINTAINER);
                build(repo, out);
                Path full = temp.resolve("full-" + step);
                build(repo, full);

                assertEquals(OutputTree.of(full).hashes(), OutputTree.of(out).hashes(), "after change " + step);
            }
        }
    }

    /**
     * Git keeps a commit's time as text, any number of seconds: one past 2038-01-19 (a contributor's clock set wrong, a
     * date chosen) overflowed the 32 bits JGit's commit time gives, and was published as a date in 1903 or 1962, which
     * moved updatedAt backwards for mirrors syncing by it.
     */
    @Test
    void aCommitTimePast2038IsPublishedAsItIs() throws IOException {
        Path out = temp.resolve("out");
        Instant farOff = Instant.parse("2099-01-01T00:00:00Z");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.commit("publish a", TestRegistryRepo.DEFAULT_AUTHOR, farOff);

            build(repo, out);

            VersionDocument document = read(out.resolve(RegistryLayout.versionDocument(PackageName.parse("@common/a"),
                    Version.parse("1.0.0"))), VersionDocument.class);
            assertEquals(farOff, document.publishedAt());
            assertEquals(farOff, read(out.resolve(RegistryLayout.REGISTRY_DOCUMENT), RegistryDocument.class)
                    .generatedAt());
        }
    }

    /**
     * A maintainer's {@code git pull} merging main into a branch that lacks its latest version, then a push
     * fast-forwarding main: the version document and tarball, cached forever, stay as they were.
     */
    @Test
    void aFastForwardOntoABranchThatMergedMainInRewritesNoVersionDocumentOrTarball() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.commit("publish a");
            repo.branch("feat");
            repo.publish("@common/a", "1.1.0");
            ObjectId published = repo.commit("publish a 1.1.0");
            build(repo, out);
            OutputTree before = OutputTree.of(out);
            repo.checkout("feat");
            repo.write("CONTRIBUTING.md", "How to publish.\n");
            repo.commit("docs");
            repo.merge("main", "merge main into feat", TestRegistryRepo.MAINTAINER);
            ObjectId head = repo.checkout("main").fastForward("feat");

            BuildResult result = build(repo, out);
            build(repo, temp.resolve("full"));

            assertEquals(0, result.tarballsWritten());
            assertEquals(Set.of("packages/@common/a/index.json", "packages.json", "registry.json", BuildState.FILE),
                    before.rewrittenIn(OutputTree.of(out)).keySet(), "updatedAt moves, as the merge changed the"
                            + " folder on the first-parent line; nothing of the version does");
            VersionDocument document = read(out.resolve(RegistryLayout.versionDocument(PackageName.parse("@common/a"),
                    Version.parse("1.1.0"))), VersionDocument.class);
            assertEquals(published.name(), document.commit());
            assertEquals(TestRegistryRepo.START.plus(Duration.ofHours(2)), document.publishedAt());
            assertEquals(head.name(), read(out.resolve(RegistryLayout.REGISTRY_DOCUMENT), RegistryDocument.class)
                    .commit());
            assertEquals(OutputTree.of(temp.resolve("full")).hashes(), OutputTree.of(out).hashes());
        }
    }

    @Test
    void aBuildWaitsWhileAnotherBuildsIntoTheSameFolder() throws Exception {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = IndexTemplate.commit(temp.resolve("repo"))) {
            CountDownLatch waiting = new CountDownLatch(1);
            List<OptionalLong> holders = new CopyOnWriteArrayList<>();
            BuildProgress noticing = new BuildProgress() {
                @Override
                public void packageBuilt(int done, int total) {
                }

                @Override
                public void waitingForAnotherBuild(Path lockFile, OptionalLong holder) {
                    holders.add(holder);
                    waiting.countDown();
                }
            };
            ExecutorService second = Executors.newSingleThreadExecutor();
            try {
                Future<BuildResult> result;
                try (RunLock another = RunLock.acquire(OutputFolder.lockFile(out), Duration.ofSeconds(1), () -> { })) {
                    result = second.submit(() -> new RegistryBuilder().build(
                            new BuildOptions(repo.root(), "HEAD", out, Optional.empty(), false, false, repo.root()),
                            noticing));
                    assertTrue(waiting.await(30, TimeUnit.SECONDS), "the build says that it waits");
                    assertEquals(List.of(OptionalLong.of(ProcessHandle.current().pid())), holders,
                            "and for whom: the other build's process, here this one");
                    assertFalse(result.isDone());
                    assertFalse(Files.exists(out));
                }
                assertEquals(8, result.get(60, TimeUnit.SECONDS).packages());
            } finally {
                second.shutdownNow();
            }
        }
    }

    @Test
    void aBuildWithNothingChangedWritesNothing() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = IndexTemplate.commit(temp.resolve("repo"))) {
            build(repo, out);
            OutputTree before = OutputTree.of(out);
            BuildResult again = build(repo, out);
            assertTrue(again.unchanged());
            assertEquals(0, again.tarballsWritten());
            assertEquals(before, OutputTree.of(out), "same files, inodes and mtimes");
        }
        try (Stream<Path> siblings = Files.list(temp)) {
            assertEquals(List.of(".out.lock", "out", "repo"),
                    siblings.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aNewVersionRewritesOnlyItsPackageFilesAndTheRootDocuments() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.publish("@common/b", "1.0.0");
            repo.commit("publish a and b");
            build(repo, out);
            OutputTree before = OutputTree.of(out);
            repo.publish("@common/a", "1.1.0");
            repo.commit("publish a 1.1.0");
            BuildResult result = build(repo, out);
            assertEquals(1, result.tarballsWritten());
            assertEquals(2, result.tarballsReused());
            assertEquals(Set.of("packages/@common/a/-/a-1.1.0.tgz", "packages/@common/a/1.1.0.json",
                            "packages/@common/a/index.json", "packages.json", "registry.json", BuildState.FILE),
                    before.rewrittenIn(OutputTree.of(out)).keySet());
        }
    }

    @Test
    void removedVersionsAndPackagesLeaveTheOutput() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.publish("@common/a", "1.1.0");
            repo.publish("@common/b", "1.0.0");
            repo.commit("publish a and b");
            build(repo, out);
            repo.delete("packages/@common/a/1.1.0");
            repo.delete("packages/@common/b");
            repo.commit("take down a 1.1.0 and b");
            // with no takedown record, as a push past the check does
            forcedBuild(repo, out);
        }
        PackageName name = PackageName.parse("@common/a");
        assertEquals(Set.of(Version.parse("1.0.0")),
                read(out.resolve(RegistryLayout.packument(name)), Packument.class).versions().keySet());
        assertFalse(Files.exists(out.resolve(RegistryLayout.tarball(name, Version.parse("1.1.0")))));
        assertFalse(Files.exists(out.resolve("packages/@common/b")));
        assertEquals(List.of(name),
                read(out.resolve(RegistryLayout.PACKAGE_LIST), PackageList.class).packages().stream()
                .map(PackageSummary::name).toList());
    }

    @Test
    void aCarriedOverFileWithOtherPermissionsIsCopiedWithAFilesPermissionsLeavingTheServedFileAsItWas()
            throws IOException {
        Path out = temp.resolve("out");
        // one in a package carried over whole, one in a package that gets a new version
        List<String> carriedOver = List.of("packages/@common/b/index.json", "packages/@common/a/-/a-1.0.0.tgz");
        Map<String, FileTime> mtimes = new TreeMap<>();
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.publish("@common/b", "1.0.0");
            repo.commit("publish a and b");
            build(repo, out);
            for (String file : carriedOver) {
                // as a build under umask 077 wrote them, before the permissions were fixed
                Files.setPosixFilePermissions(out.resolve(file), PosixFilePermissions.fromString("rw-------"));
                mtimes.put(file, Files.getLastModifiedTime(out.resolve(file)));
            }
            repo.publish("@common/a", "1.1.0");
            repo.commit("publish a 1.1.0");
            build(repo, out);
        }

        assertEquals(Map.of("files", Set.of("rw-r--r--"), "folders", Set.of("rwxr-xr-x")), permissionsBelow(out));
        for (String file : carriedOver) {
            assertEquals(mtimes.get(file), Files.getLastModifiedTime(out.resolve(file)), file + " keeps its mtime");
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(temp.resolve(".out.old").resolve(file))),
                    "the output served until the new one replaced it stayed as it was: " + file);
        }
    }

    @Test
    void afterTheOutputFolderIsGivenToAnotherGroupAnIncrementalBuildGivesEveryFileThatGroup()
            throws IOException {
        Path out = temp.resolve("out");
        int group;
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.publish("@common/b", "1.0.0");
            repo.commit("publish a and b");
            build(repo, out);
            // chgrp www-data out && chmod g+s out, for a web server reading the output as a member of its group
            group = OtherGroup.give(out);
            Files.setAttribute(out, "unix:mode", 02755);
            repo.publish("@common/a", "1.1.0");
            repo.commit("publish a 1.1.0");
            build(repo, out);
        }

        try (Stream<Path> paths = Files.walk(out)) {
            assertEquals(Set.of(group), paths.map(path -> {
                try {
                    return Files.getAttribute(path, "unix:gid");
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            }).collect(Collectors.toSet()), "b carried over whole, a's 1.0.0, and the files written");
        }
    }

    /** The permissions of the files and of the folders below {@code root}, {@code root} left out. */
    private static Map<String, Set<String>> permissionsBelow(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> !path.equals(root)).collect(Collectors.groupingBy(
                    path -> Files.isDirectory(path) ? "folders" : "files", TreeMap::new, Collectors.mapping(path -> {
                        try {
                            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                        } catch (IOException failed) {
                            throw new UncheckedIOException(failed);
                        }
                    }, Collectors.toSet())));
        }
    }

    @Test
    void aChangedMetaJsonRewritesOnlyThatPackagesIndexAndItsLineInPackagesJson() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            OutputTree before = OutputTree.of(out);
            repo.meta("@common/a", "{\"deprecated\": {\"1.0.0\": \"use 1.1.0\"}}");
            repo.commit("deprecate a 1.0.0");
            build(repo, out);
            assertEquals(Set.of("packages/@common/a/index.json", RegistryLayout.PACKAGE_LIST, "registry.json",
                    BuildState.FILE), before.rewrittenIn(OutputTree.of(out)).keySet(),
                    "version documents and tarballs never change");
        }
    }

    /**
     * What a mirror syncing by updatedAt must see: any change of the package's index.json, not only a new
     * version, moves it, in index.json and in packages.json alike; a change of another package does not.
     */
    @Test
    void updatedAtIsTheTimeOfTheLastCommitThatChangedThePackagesFolder() throws IOException {
        Path out = temp.resolve("out");
        PackageName name = PackageName.parse("@common/a");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            Instant published = read(out.resolve(RegistryLayout.packument(name)), Packument.class).updatedAt();
            Map<String, Runnable> changes = new LinkedHashMap<>();
            changes.put("yank", () -> repo.meta("@common/a", "{\"yanked\": {\"1.1.0\": \"broken\"}}"));
            changes.put("deprecation", () -> repo.meta("@common/a", "{\"yanked\": {\"1.1.0\": \"broken\"},"
                    + " \"deprecated\": {\"1.0.0\": \"use 2\"}}"));
            changes.put("dist-tag move", () -> repo.meta("@common/a", "{\"yanked\": {\"1.1.0\": \"broken\"},"
                    + " \"deprecated\": {\"1.0.0\": \"use 2\"}, \"distTags\": {\"latest\": \"1.1.0\"}}"));
            changes.put("takedown", () -> repo.delete("packages/@common/a/1.0.0").meta("@common/a",
                    "{\"yanked\": {\"1.1.0\": \"broken\"}, \"distTags\": {\"latest\": \"1.1.0\"},"
                            + " \"takenDown\": {\"1.0.0\": \"leaked a key\"}}"));
            Instant time = published;
            for (Map.Entry<String, Runnable> change : changes.entrySet()) {
                time = time.plus(Duration.ofDays(1));
                change.getValue().run();
                repo.commit(change.getKey(), TestRegistryRepo.MAINTAINER, time);
                build(repo, out);

                assertEquals(time, read(out.resolve(RegistryLayout.packument(name)), Packument.class).updatedAt(),
                        change.getKey());
                assertEquals(time, read(out.resolve(RegistryLayout.PACKAGE_LIST), PackageList.class).packages().get(0)
                        .updatedAt(), change.getKey());
            }
            repo.publish("@common/b", "1.0.0");
            repo.commit("publish b", TestRegistryRepo.MAINTAINER, time.plus(Duration.ofDays(1)));
            build(repo, out);

            assertEquals(time, read(out.resolve(RegistryLayout.packument(name)), Packument.class).updatedAt(),
                    "another package's change");
        }
    }

    @Test
    void aFailedBuildReportsEveryProblemAndLeavesThePreviousOutputAsItWas() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.commit("publish a");
            build(repo, out);
            OutputTree before = OutputTree.of(out);
            repo.publish("@common/b", "1.0.0");
            repo.write("packages/@common/b/1.0.0/prompd.json",
                    "{\"name\": \"@common/b\", \"version\": \"1.0.0\", \"main\": 3}");
            repo.publish("@common/c", "1.0.0");
            repo.write("packages/@common/c/1.0.0/prompd.json", "{\"name\": \"@common/zzz\", \"version\": \"1.0.0\"}");
            repo.meta("@common/a", "{\n  \"distTags\": {\n    \"beta\": \"9.0.0\"\n  }\n}");
            repo.commit("three broken packages");
            ValidationException failure = assertThrows(ValidationException.class, () -> build(repo, out));
            Set<String> files = Set.copyOf(failure.problems().stream().map(Problem::file).toList());
            assertTrue(files.containsAll(Set.of("packages/@common/b/1.0.0/prompd.json",
                    "packages/@common/c/1.0.0/prompd.json", "packages/@common/a/meta.json")), files::toString);
            assertEquals(3, failure.problems().stream().filter(problem -> problem.file().endsWith("meta.json"))
                    .findFirst().orElseThrow().line(), "the line of the dist-tag, as the check gives it");
            assertEquals(before, OutputTree.of(out));
        }
        try (Stream<Path> siblings = Files.list(temp)) {
            assertEquals(List.of(".out.lock", "out", "repo"),
                    siblings.map(path -> path.getFileName().toString()).sorted().toList(),
                    "no staging folder is left behind");
        }
    }

    @Test
    void aBuildWithNothingChangedStillRemovesWhatAKilledBuildStaged() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            Files.createDirectories(temp.resolve(".out.staging/packages"));

            assertTrue(build(repo, out).unchanged());
        }
        assertFalse(Files.exists(temp.resolve(".out.staging")), "the staged half-build is gone");
    }

    @Test
    void aBuildKilledBetweenItsTwoRenamesLeavesThePreviousBuildToContinueFrom() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            repo.publish("@common/b", "1.0.0");
            repo.commit("publish b");
            // what a kill after the first rename of publish leaves: the output retired, the whole new build still
            // staged
            build(repo, temp.resolve("next"));
            Files.move(out, temp.resolve(".out.old"));
            Files.move(temp.resolve("next"), temp.resolve(".out.staging"));

            BuildResult result = build(repo, out);

            assertEquals(1, result.tarballsWritten());
            assertEquals(2, result.tarballsReused(), "the previous build was put back and built on");
            assertTrue(Files.isRegularFile(out.resolve("packages/@common/b/index.json")));
        }
    }

    @Test
    void anOutputMissingBesideARetiredBuildIsRefusedLeavingTheRetiredBuildWhichMayBeTheOnlyGoodCopy()
            throws IOException {
        Path out = temp.resolve("out");
        Path retired = temp.resolve(".out.old");
        Path tarball = out.resolve(RegistryLayout.tarball(PackageName.parse("@common/a"), Version.parse("1.0.0")));
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            buildTwoVersionsOfA(repo, out);
            repo.publish("@common/b", "1.0.0");
            repo.commit("publish b");
            build(repo, out);
            byte[] packed = Files.readAllBytes(tarball);
            // deleted by hand to rebuild it, or lost to a publish that could put neither build in place: only the
            // user can tell
            Folders.deleteRecursively(out);

            PrompdException refused = assertThrows(PrompdException.class, () -> build(repo, out));

            assertEquals(ExitCode.CONFLICT, refused.exitCode());
            assertEquals(out + " is missing, and " + retired + " holds the output that an earlier build replaced,"
                    + " which may be the only good copy of the registry left: the build does not delete it",
                    refused.getMessage());
            assertEquals("to serve it again and build on it, rename it back (mv " + retired + " " + out + "); if you"
                    + " deleted " + out + " to build afresh, delete " + retired + " too, since its files are hard"
                    + " links to the deleted output's; then build again", refused.hint());
            assertTrue(Files.isRegularFile(retired.resolve(BuildState.FILE)), "the retired build is kept");
            Path state = retired.resolve(BuildState.FILE);
            Files.writeString(state, Files.readString(state).substring(0, 100));
            assertEquals(refused.getMessage(), assertThrows(PrompdException.class, () -> build(repo, out)).getMessage(),
                    "a damaged state still marks a build");
            assertTrue(Files.isRegularFile(state), "the retired build is kept");

            Folders.deleteRecursively(retired);
            BuildResult result = build(repo, out);

            assertEquals(3, result.tarballsWritten(), "built afresh");
            assertArrayEquals(packed, Files.readAllBytes(tarball));
        }
    }

    @Test
    void aMetaFileThatDoesNotParseFailsTheBuild() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.meta("@common/a", "{\"yanked\": ");
            repo.meta("@common/never-published", "{");
            repo.commit("two broken meta files");
            ValidationException failure = assertThrows(ValidationException.class, () -> build(repo, out));
            assertEquals(Set.of("packages/@common/a/meta.json", "packages/@common/never-published/meta.json"),
                    Set.copyOf(failure.problems().stream().map(Problem::file).toList()));
            assertFalse(Files.exists(out));
        }
    }

    /** Merged past an older check, a meta.json that Jackson reads as UTF-16 would be published for jq to fail on. */
    @Test
    void aMetaFileSavedAsUtf16FailsTheBuildAsOtherTextThatIsNotUtf8() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.writeBytes("packages/@common/a/meta.json", "\uFEFF{\"yanked\": {\"1.0.0\": \"broken\"}}\r\n"
                    .getBytes(StandardCharsets.UTF_16LE));
            repo.commit("Notepad's Unicode");

            ValidationException failure = assertThrows(ValidationException.class, () -> build(repo, out));

            assertEquals(List.of("packages/@common/a/meta.json@1: the file is UTF-16LE, not UTF-8: it starts with the"
                    + " byte order mark of UTF-16LE (save it as UTF-8 (most editors offer an encoding when saving))"),
                    failure.problems().stream().map(problem -> problem.file() + "@" + problem.line() + ": "
                            + problem.message() + " (" + problem.hint() + ")").toList());
            assertFalse(Files.exists(out));
        }
    }

    /**
     * Merged past an older check, a README that is not UTF-8, chosen without prompd.json naming it and taken by a
     * prompt as a context file, was served garbled (U+FFFD for each foreign byte): the build refuses it with the error
     * prompd validate and the check give it.
     */
    @Test
    void aReadmeChosenByDefaultThatIsNotUtf8FailsTheBuildAsValidateAndTheCheckRefuseIt() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            String folder = repo.publish("@common/a", "1.0.0");
            repo.writeBytes(folder + "/README.md", "# A\n\nCaf\u00E9.\n".getBytes(StandardCharsets.ISO_8859_1));
            repo.write(folder + "/prompts/x.prmd", "---\nid: x\ncontext: ../README.md\n---\nSay hello.\n");
            repo.commit("Latin-1");

            ValidationException failure = assertThrows(ValidationException.class, () -> build(repo, out));

            assertEquals(List.of(folder + "/README.md@3: the file is not UTF-8: this line holds the byte 0xE9, which"
                    + " UTF-8 does not allow there, and the registry serves the package's README as text (save it as"
                    + " UTF-8 (most editors offer an encoding when saving), or name in prompd.json's \"readme\" a"
                    + " Markdown or text file saved so)"), failure.problems().stream().map(problem -> problem.file()
                    + "@" + problem.line() + ": " + problem.message() + " (" + problem.hint() + ")").toList());
            assertFalse(Files.exists(out));
        }
    }

    @Test
    void refusesToReplaceAFolderThatIsNotABuildOutput() throws IOException {
        Path out = temp.resolve("documents");
        Files.createDirectories(out);
        Files.writeString(out.resolve("thesis.txt"), "precious");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.commit("publish a");
            assertThrows(PrompdException.class, () -> build(repo, out));
        }
        assertEquals("precious", Files.readString(out.resolve("thesis.txt")));
    }

    @Test
    void integrityInTheDocumentsIsTheTarballs() throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("a-tool", "1.0.0");
            repo.meta("a-tool", "{\"owners\": [\"alice\"]}");
            repo.commit("publish");
            build(repo, out);
        }
        PackageName name = PackageName.parse("a-tool");
        VersionDocument document = read(out.resolve(RegistryLayout.versionDocument(name, Version.parse("1.0.0"))),
                VersionDocument.class);
        byte[] tarball = Files.readAllBytes(out.resolve(RegistryLayout.tarball(name, Version.parse("1.0.0"))));
        assertEquals(Integrity.of(tarball), document.dist().integrity());
    }

    @Test
    void aLayoutErrorDoesNotHideTheOtherProblemsOfTheCommit() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.meta("@common/a", "{\"yanked\": {\"9.0.0\": \"never existed\"}}").publish("@common/a", "1.0.0");
            repo.publish("@common/b", "1.0.0");
            repo.write("packages/@common/b/1.0.0/prompd.json", "{\"name\": \"@common/b\", \"version\": ")
                    .write("packages/junk/file.txt", "stray\n")
                    .commit("a yank of nothing, a broken manifest, a stray file");

            ValidationException failure = assertThrows(ValidationException.class,
                    () -> build(repo, temp.resolve("out")));

            assertEquals(Set.of("packages/junk/file.txt", "packages/@common/b/1.0.0/prompd.json",
                    "packages/@common/a/meta.json"),
                    Set.copyOf(failure.problems().stream().map(Problem::file).toList()));
        }
    }

    /** Merged past an older check, a version the files of which no system could name fails as the check refuses it. */
    @Test
    void aVersionWhoseTarballNameExceeds255BytesFailsTheBuildNamingItsFolder() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            String version = "1.0.0-" + "r".repeat(194);
            repo.publish("@writing/" + "p".repeat(60), version);
            repo.commit("a version of 200 bytes");

            ValidationException failure = assertThrows(ValidationException.class,
                    () -> build(repo, temp.resolve("out")));

            Problem refused = failure.problems().get(0);
            assertEquals("packages/@writing/" + "p".repeat(60) + "/" + version, refused.file());
            assertTrue(refused.message().startsWith("version " + version + " of @writing/" + "p".repeat(60)),
                    refused.message());
            assertFalse(Files.exists(temp.resolve("out")));
        }
    }

    /** Pushed past the check, a key in a file's name would be served in the tarball and the version's document. */
    @Test
    void aVersionWithALikelyCredentialInAFileNameFailsTheBuildAsTheCheckRefusesIt() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            String folder = repo.publish("@writing/leak", "1.0.0");
            String prompt = folder + "/prompts/sk-proj-iK2ZWeqhFWCEPyYngFb51yBMWXaSCrUZoL8g5ubbbPIa84yR.prmd";
            repo.move(folder + "/prompts/x.prmd", prompt);
            repo.write(folder + "/prompd.json", "{\"name\": \"@writing/leak\", \"version\": \"1.0.0\","
                    + " \"description\": \"d\", \"license\": \"MIT\"}\n");
            repo.commit("pushed to main directly");

            ValidationException failure = assertThrows(ValidationException.class,
                    () -> build(repo, temp.resolve("out")));

            assertEquals(List.of(prompt + ": the file's name holds what looks like an OpenAI-style API key (sk-...)"),
                    located(failure));
            assertFalse(Files.exists(temp.resolve("out")));
        }
    }

    @Test
    void twoFoldersOfOneVersionDifferingInBuildMetadataFailTheBuild() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            List.of("2.0.0", "2.0.0+dup", "2.0.0+again").forEach(version -> repo.publish("@common/a", version));
            repo.commit("one version three times, merged from two pull requests");

            ValidationException failure = assertThrows(ValidationException.class,
                    () -> build(repo, temp.resolve("out")));

            assertEquals(Set.of(
                    "packages/@common/a/2.0.0: version 2.0.0 is also published as 2.0.0+again",
                    "packages/@common/a/2.0.0: version 2.0.0 is also published as 2.0.0+dup",
                    "packages/@common/a/2.0.0+again: version 2.0.0+again is also published as 2.0.0",
                    "packages/@common/a/2.0.0+again: version 2.0.0+again is also published as 2.0.0+dup",
                    "packages/@common/a/2.0.0+dup: version 2.0.0+dup is also published as 2.0.0",
                    "packages/@common/a/2.0.0+dup: version 2.0.0+dup is also published as 2.0.0+again"),
                    Set.copyOf(failure.problems().stream().map(problem -> problem.file() + ": "
                            + problem.message().substring(0, problem.message().indexOf(','))).toList()));
        }
    }

    @Test
    void versionsDifferingOnlyInLetterCaseFailTheBuildAsTheCheckRefusesThem() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            List.of("2.0.0-RC.1", "2.0.0-rc.1").forEach(version -> repo.publish("@common/a", version));
            repo.commit("one folder on macOS and Windows, merged from two pull requests");

            ValidationException failure = assertThrows(ValidationException.class,
                    () -> build(repo, temp.resolve("out")));

            assertEquals(List.of("packages/@common/a/2.0.0-RC.1", "packages/@common/a/2.0.0-rc.1"),
                    failure.problems().stream().map(Problem::file).sorted().toList());
            failure.problems().forEach(problem -> {
                assertTrue(problem.message().contains("differ only in letter case"), problem.message());
                assertTrue(problem.hint().contains("a maintainer deletes the one published later"), problem.hint());
            });
        }
    }

    @Test
    void aFolderWhoseManifestDeclaresAnotherVersionFailsTheBuildAtThatField() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.write("packages/@common/a/1.0.0/prompd.json", """
                    {"name": "@common/a", "description": "x", "license": "MIT",
                     "version": "1.0.1"}
                    """);
            repo.commit("a folder renamed after the fact");

            ValidationException failure = assertThrows(ValidationException.class,
                    () -> build(repo, temp.resolve("out")));

            Problem problem = failure.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
            assertEquals("packages/@common/a/1.0.0/prompd.json", problem.file());
            assertEquals("/version", problem.pointer());
            assertEquals(2, problem.line());
            assertEquals("the manifest declares version 1.0.1, but the folder is that of version 1.0.0",
                    problem.message());
        }
    }

    @Test
    void aFileOverTheSizeLimitFailsTheBuildByItsSizeWithoutReadingIt() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.commit("publish");
            repo.hugeBlob("packages/@common/a/1.0.0/prompts/big.prmd", 3L << 30);
            repo.commitStaged("a 3 GiB prompt pushed past the check");

            ValidationException failure = assertThrows(ValidationException.class,
                    () -> build(repo, temp.resolve("out")));

            assertEquals(List.of("packages/@common/a/1.0.0: the package's files add up to 3.0 GiB, more than the limit"
                    + " of 50.0 MiB", "packages/@common/a/1.0.0/prompts/big.prmd: the file has 3.0 GiB, more than the"
                    + " limit of 5.0 MiB per file"), failure.problems().stream().filter(Problem::isError)
                    .map(problem -> problem.file() + ": " + problem.message()).toList());
        }
    }

    @Test
    void aVersionTheOutputServesWhoseFilesChangedFailsTheBuildAndTheOutputKeepsTheOldTarball() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            Path out = temp.resolve("out");
            buildTwoVersionsOfA(repo, out);
            Path tarball = out.resolve(RegistryLayout.tarball(PackageName.parse("@common/a"), Version.parse("1.0.0")));
            byte[] served = Files.readAllBytes(tarball);
            String published = repo.head().name().substring(0, 7);
            repo.write("packages/@common/a/1.0.0/contexts/new.md", "other bytes under the old number\n");
            repo.commit("a push past the check, as a rewritten history brings");

            ValidationException failure = assertThrows(ValidationException.class, () -> build(repo, out));

            assertEquals(List.of("packages/@common/a/1.0.0: the version's files differ from those the output serves,"
                    + " published in commit " + published + ": the branch's history was rewritten, or a push"
                    + " bypassed the check, and lock files pin the tarball the published files made"),
                    failure.problems().stream()
                    .filter(problem -> problem.message().contains("the output serves"))
                    .map(problem -> problem.file() + ": " + problem.message()).toList());
            assertTrue(failure.problems().stream().anyMatch(problem -> problem.hint()
                    .startsWith("put the published files back (the served tarball, " + tarball + ", holds them)")));
            assertArrayEquals(served, Files.readAllBytes(tarball));
            build(repo, temp.resolve("fresh"));
        }
    }

    /**
     * A number published, deleted and added back with other files past the check fails a build into an empty folder,
     * as the template's workflow builds, not only one into the output that served it: lock files pin its first
     * tarball. So does a folder under other build metadata, which clients take for the same version: the build served
     * 1.0.0+x as a new version. The first files put back as the hint says, the number is served as it was, with its
     * first publication.
     */
    @ParameterizedTest
    @CsvSource({"1.0.0, ''", "1.0.0+x, ' 1.0.0+x, the same version since build metadata does not make another,'"})
    void aNumberAddedBackWithOtherFilesFailsAFreshBuildTooAndItsFirstFilesKeepTheirPublication(String back, String as)
            throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            String folder = repo.publish("@common/a", "1.0.0");
            ObjectId published = repo.commit("publish", "alice", Instant.parse("2026-03-01T10:00:00Z"));
            repo.delete(folder);
            ObjectId reverted = repo.commit("revert");
            String again = repo.publish("@common/a", back);
            repo.write(again + "/contexts/new.md", "other bytes under the old number\n");
            repo.commit("publish " + back + ", with other files");

            ValidationException failure = assertThrows(ValidationException.class,
                    () -> build(repo, temp.resolve("fresh")));

            String deleted = reverted.name().substring(0, 7);
            assertEquals(List.of(again + ": version 1.0.0 was published in commit " + published.name().substring(0, 7)
                    + " (2026-03-01) and deleted in commit " + deleted + ", and the folder" + as + " holds other"
                    + " files: a number once published is never reused, since lock files pin the tarball its files"
                    + " made"), located(failure));
            assertTrue(failure.problems().get(0).hint().startsWith("put back exactly the files published (git rm -r"
                    + " -q " + again + " && git checkout " + deleted + "~1 -- " + folder + "), or have a maintainer"
                    + " take the version down"), failure.problems().get(0).hint());

            repo.delete(again).checkoutPath(deleted + "~1", folder);
            repo.commit("the first files back");
            Path out = temp.resolve("out");
            build(repo, out);
            VersionDocument document = read(out.resolve(RegistryLayout.versionDocument(PackageName.parse("@common/a"),
                    Version.parse("1.0.0"))), VersionDocument.class);
            assertEquals(published.name(), document.commit());
            assertEquals(Instant.parse("2026-03-01T10:00:00Z"), document.publishedAt());
        }
    }

    /**
     * A number reused before the check and the build refused it, which an output built then serves with its later
     * files: lock files made since pin those, so the build keeps serving them and warns, rather than fail every build,
     * forced or not, with fixes that each break some lock files. An output of this format tells the files served by
     * their tree, one of an older format (the upgrade) by its tarball's integrity. Other files, or a build into an
     * empty folder, are still refused.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aReusedNumberTheOutputServesWithTheSameFilesIsWarnedOfRatherThanRefused(boolean olderFormat)
            throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.branch("served");
            String folder = repo.publish("@common/a", "1.0.0");
            ObjectId published = repo.commit("publish");
            repo.delete(folder);
            ObjectId reverted = repo.commit("revert");
            repo.publish("@common/a", "1.0.0");
            repo.write(folder + "/contexts/new.md", "other bytes under the old number\n");
            repo.commit("publish 1.0.0 again, with other files, past the check of the time");
            repo.checkout("served");
            repo.publish("@common/a", "1.0.0");
            repo.write(folder + "/contexts/new.md", "other bytes under the old number\n");
            String servedCommit = repo.commit("what an output built before the rule served").name();
            Path out = temp.resolve("out");
            build(repo, out);
            Path tarball = out.resolve(RegistryLayout.tarball(PackageName.parse("@common/a"), Version.parse("1.0.0")));
            byte[] served = Files.readAllBytes(tarball);
            if (olderFormat) {
                writeStateOfFormatThree(out);
            }
            repo.checkout("main");

            BuildResult result = build(repo, out);

            PackageVersion version = new PackageVersion(PackageName.parse("@common/a"), Version.parse("1.0.0"));
            try (RegistryRepository registry = repo.open()) {
                assertEquals(List.of(new BuildWarning.ReusedNumbersServed(servedCommit, new TreeMap<>(Map.of(version,
                        PublicationHistory.compute(registry, repo.head()).removed().get(version))))),
                        result.warnings().stream().filter(BuildWarning.ReusedNumbersServed.class::isInstance)
                                .toList());
            }
            assertArrayEquals(served, Files.readAllBytes(tarball));
            String refused = folder + ": version 1.0.0 was published in commit " + published.name().substring(0, 7);
            ValidationException fresh = assertThrows(ValidationException.class, () -> build(repo, temp.resolve("new")));
            assertTrue(located(fresh).get(0).startsWith(refused), located(fresh).toString());

            repo.write(folder + "/contexts/new.md", "yet other bytes\n");
            repo.commit("another push past the check");
            ValidationException changed = assertThrows(ValidationException.class, () -> build(repo, out));
            assertEquals(1, located(changed).size(), located(changed).toString());
            assertTrue(located(changed).get(0).startsWith(refused), located(changed).toString());
            assertTrue(located(changed).get(0).contains("deleted in commit " + reverted.name().substring(0, 7)));
            assertArrayEquals(served, Files.readAllBytes(tarball));
        }
    }

    @Test
    void aServedVersionLeftOutWithNoTakedownRecordIsRefusedUnlessForcedAndItsNumberKeptForTheTarballServed()
            throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            Path out = temp.resolve("out");
            buildTwoVersionsOfA(repo, out);
            String servedCommit = repo.head().name();
            String served = servedCommit.substring(0, 7);
            Path tarball = out.resolve(RegistryLayout.tarball(PackageName.parse("@common/a"), Version.parse("1.1.0")));
            byte[] published = Files.readAllBytes(tarball);
            repo.delete("packages/@common/a/1.1.0");
            String leaving = repo.commit("a force-push that drops 1.1.0").name().substring(0, 7);

            PrompdException refused = assertThrows(PrompdException.class, () -> build(repo, out));

            assertEquals(ExitCode.CONFLICT, refused.exitCode());
            assertEquals("commit " + leaving + " leaves out 1 version that the build in " + out + " (of commit "
                    + served + ") serves, with no takedown record (@common/a@1.1.0): the branch's history was"
                    + " rewritten, a push bypassed the check, or the commit is older than the output's, and lock files"
                    + " pin them", refused.getMessage());
            assertTrue(Files.isRegularFile(tarball), "the output stays as it was");

            BuildResult forced = forcedBuild(repo, out);
            assertEquals(List.of(new BuildWarning.ServedVersionsLeftOut(servedCommit, List.of(new PackageVersion(
                    PackageName.parse("@common/a"), Version.parse("1.1.0"))))), forced.warnings());
            assertFalse(Files.exists(tarball));

            assertOtherFilesUnderTheKeptNumberAreRefused(repo, out, published);

            repo.delete("packages/@common/a/1.1.0/contexts/new.md");
            repo.commit("the published 1.1.0 back");
            build(repo, out);
            assertArrayEquals(published, Files.readAllBytes(tarball));
            assertEquals(Map.of(), BuildState.readFile(out).orElseThrow().state().orElseThrow().vanished(),
                    "served again, as it was");
        }
    }

    /**
     * The served document of a version a forced build leaves out gives the integrity kept for its number: one damaged
     * left nothing kept, and a later build served other files under the number unrefused.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "missing | it is missing)",
            "no file | it is no file)",
            "no JSON | at line 1, column 1: ",
            "no integrity | at line ",
            "another version's | it describes @common/a@1.0.0)"})
    void aForcedBuildLeavingOutAVersionWhoseServedDocumentIsDamagedIsRefused(String damage, String why)
            throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            Path out = temp.resolve("out");
            String servedCommit = servedThenDropping110(repo, out);
            Path document = out.resolve("packages/@common/a/1.1.0.json");
            switch (damage) {
                case "missing" -> Files.delete(document);
                case "no file" -> {
                    Files.delete(document);
                    Files.createDirectory(document);
                }
                case "no JSON" -> Files.writeString(document, "garbage");
                case "no integrity" -> Files.writeString(document, Files.readString(document)
                        .replaceFirst("\"integrity\":( ?)\"sha512-[^\"]*\"", "\"integrity\":$1\"sha512-short\""));
                default -> Files.copy(out.resolve("packages/@common/a/1.0.0.json"), document,
                        StandardCopyOption.REPLACE_EXISTING);
            }

            PrompdException refused = assertThrows(PrompdException.class, () -> forcedBuild(repo, out));

            assertEquals(ExitCode.CONFLICT, refused.exitCode());
            assertTrue(refused.getMessage().startsWith(document + " is damaged (" + why), refused.getMessage());
            assertTrue(refused.getMessage().endsWith(": the build leaves out @common/a@1.1.0 with no takedown record"
                    + " and keeps the integrity of the tarball served under its number from it, so that no later"
                    + " build serves other files under that number"), refused.getMessage());
            assertTrue(refused.hint().startsWith("rebuild the output with a new --out"), refused.hint());
            assertTrue(Files.isRegularFile(out.resolve(RegistryLayout.tarball(PackageName.parse("@common/a"),
                    Version.parse("1.1.0")))), "the output stays as it was");
            assertEquals(servedCommit, BuildState.readFile(out).orElseThrow().header().commit());
        }
    }

    /**
     * The served document of a version a forced build leaves out gives the integrity kept for its number: a
     * well-formed one edited by hand, or beside a tarball replaced or deleted, was kept though the tarball served
     * hashed otherwise, so a later build putting the published files back was refused as changed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"integrity edited", "tarball replaced", "tarball missing"})
    void aForcedBuildLeavingOutAVersionWhoseServedDocumentDisagreesWithItsTarballIsRefused(String damage)
            throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            Path out = temp.resolve("out");
            String servedCommit = servedThenDropping110(repo, out);
            Path document = out.resolve("packages/@common/a/1.1.0.json");
            Path tarball = out.resolve(RegistryLayout.tarball(PackageName.parse("@common/a"), Version.parse("1.1.0")));
            Integrity served = Integrity.of(Files.readAllBytes(tarball));
            Integrity other = Integrity.of("other bytes".getBytes(StandardCharsets.UTF_8));
            switch (damage) {
                case "integrity edited" -> Files.writeString(document, Files.readString(document)
                        .replace(served.toString(), other.toString()));
                case "tarball replaced" -> Files.writeString(tarball, "other bytes");
                default -> Files.delete(tarball);
            }

            PrompdException refused = assertThrows(PrompdException.class, () -> forcedBuild(repo, out));

            assertEquals(ExitCode.CONFLICT, refused.exitCode());
            String why = switch (damage) {
                case "integrity edited" -> "its dist.integrity is " + other + ", but the tarball served beside it, "
                        + tarball + ", hashes to " + served;
                case "tarball replaced" -> "its dist.integrity is " + served + ", but the tarball served beside it, "
                        + tarball + ", hashes to " + other;
                default -> "the tarball served beside it, " + tarball + ", is missing";
            };
            assertEquals(document + " is damaged (" + why + "): the build leaves out @common/a@1.1.0 with no"
                    + " takedown record and keeps the integrity of the tarball served under its number from it, so"
                    + " that no later build serves other files under that number", refused.getMessage());
            assertTrue(refused.hint().startsWith(damage.equals("tarball missing")
                    ? "put the tarball served back" : "if the document was edited by hand, set its dist.integrity"
                    + " back to the tarball's, "), refused.hint());
            assertTrue(refused.hint().endsWith("; or rebuild the output with a new --out, or delete " + out + " and "
                    + out.resolveSibling(".out.old") + " first, as for any damaged output: that build has no record"
                    + " of what " + out + " served, so check that it serves every version " + out + " does"),
                    refused.hint());
            assertEquals(servedCommit, BuildState.readFile(out).orElseThrow().header().commit());
        }
    }

    @Test
    void aForcedBuildServingAgainAVersionTakenDownGivesItWithItsReasonAmongTheWarnings() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            Path out = temp.resolve("out");
            buildTwoVersionsOfA(repo, out);
            String older = repo.head().name();
            repo.delete("packages/@common/a/1.0.0");
            repo.meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
            String taken = repo.commit("take down a 1.0.0").name();
            build(repo, out);
            // HEAD moved back, as a branch reset and force-pushed: --rev would take HEAD's takedowns
            repo.checkout(older);

            BuildResult back = forcedBuild(repo, out);

            assertEquals(List.of(new BuildWarning.TakenDownServedAgain(taken, new TreeMap<>(Map.of(new PackageVersion(
                    PackageName.parse("@common/a"), Version.parse("1.0.0")), "leaked a key")))), back.warnings());
            repo.checkout("main");
            assertEquals(List.of(), build(repo, out).warnings(), "none when nothing is served again or left out");
        }
    }

    /** Publishes @common/a 1.0.0 and 1.1.0, then takes 1.1.0 down at HEAD with {@code meta}: the commit before. */
    private static String publishedThenTakenDownAtHead(TestRegistryRepo repo, String meta) {
        repo.publish("@common/a", "1.0.0");
        repo.publish("@common/a", "1.1.0");
        String older = repo.commit("publish a").name();
        repo.delete("packages/@common/a/1.1.0").meta("@common/a", meta);
        repo.commit("take a 1.1.0 down");
        return older;
    }

    private static BuildResult buildRevision(Path repository, String revision, Path out) throws IOException {
        return new RegistryBuilder().build(new BuildOptions(repository, revision, out, Optional.empty(), false, false,
                repository), BuildProgress.NONE);
    }

    /**
     * Going back to an earlier state with --rev, as the README advises for a bad commit, keeps down what HEAD takes
     * down, as a rule content that must go: the build of an older commit leaves the version out as the takedown does,
     * its index.json listing it under takenDown with the reason and the integrity of the tarball it had, and says so.
     * Into the output HEAD's build serves, that is no longer a version served again, which --force alone built; into
     * one that holds the build of that very commit from before the takedown, the version leaves too.
     */
    @Test
    void aBuildOfAnOlderCommitLeavesOutTheVersionsHeadTakesDownAsTheTakedownDoes() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.publish("@common/a", "1.1.0");
            repo.meta("@common/a", "{\"distTags\": {\"latest\": \"1.1.0\"}, \"deprecated\": {\"1.1.0\": \"old\"}}");
            String older = repo.commit("publish a").name();
            Path served = temp.resolve("served");
            build(repo, served);
            Path earlier = temp.resolve("earlier");
            build(repo, earlier);
            repo.delete("packages/@common/a/1.1.0").meta("@common/a", "{\"takenDown\": {\"1.1.0\": \"held customer"
                    + " data\"}}");
            String head = repo.commit("take a 1.1.0 down").name();
            build(repo, served);
            Path out = temp.resolve("out");

            BuildResult back = buildRevision(repo.root(), older.substring(0, 7), out);

            PackageVersion taken = new PackageVersion(PackageName.parse("@common/a"), Version.parse("1.1.0"));
            assertEquals(Optional.of(new HeadTakedowns(new HeadCommit(head, Optional.of("main")),
                    new TreeMap<>(Map.of(taken, "held customer data")))), back.takenDownAtHead());
            assertEquals(1, back.versions());
            assertFalse(Files.exists(out.resolve(RegistryLayout.tarball(taken.name(), taken.version()))));
            assertFalse(Files.exists(out.resolve(RegistryLayout.versionDocument(taken.name(), taken.version()))));
            Packument index = read(out.resolve(RegistryLayout.packument(taken.name())), Packument.class);
            Packument atHead = read(served.resolve(RegistryLayout.packument(taken.name())), Packument.class);
            assertEquals(Set.of(Version.parse("1.0.0")), index.versions().keySet());
            assertEquals(Map.of("latest", Version.parse("1.0.0")), index.distTags());
            assertEquals(atHead.takenDown(), index.takenDown());
            assertEquals(atHead.takenDownIntegrity(), index.takenDownIntegrity());

            BuildResult backInPlace = buildRevision(repo.root(), older, served);
            assertEquals(List.of(), backInPlace.warnings());
            assertEquals(back.takenDownAtHead(), backInPlace.takenDownAtHead());
            assertEquals(back.takenDownAtHead(), buildRevision(repo.root(), older, earlier).takenDownAtHead());
            assertFalse(Files.exists(earlier.resolve(RegistryLayout.tarball(taken.name(), taken.version()))));
            assertEquals(Optional.empty(), build(repo, served).takenDownAtHead(), "HEAD's own build leaves out none");
        }
    }

    /**
     * A mirror rolled back with --rev to before a takedown, then forward to HEAD, serves what a fresh build does: the
     * state the rolled-back build wrote holds no publication of the version it left out, so the next build walks the
     * whole history again instead of resuming from it, which would know of no removal and lose the takedown's record
     * of the tarball it took down, letting a lock that pins it install.
     */
    @Test
    void aBuildOfHeadAfterABuildOfAnOlderCommitKeepsTheTakedownsRecordOfTheTarball() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            String older = publishedThenTakenDownAtHead(repo, "{\"takenDown\": {\"1.1.0\": \"leaked\"}}");
            Path out = temp.resolve("out");
            buildRevision(repo.root(), older, out);

            build(repo, out);

            Path fresh = temp.resolve("fresh");
            build(repo, fresh);
            String index = RegistryLayout.packument(PackageName.parse("@common/a"));
            Packument rolledForward = read(out.resolve(index), Packument.class);
            assertEquals(Set.of(Version.parse("1.1.0")), rolledForward.takenDownIntegrity().keySet());
            assertEquals(Files.readString(fresh.resolve(index)), Files.readString(out.resolve(index)));
            assertEquals(Files.readString(fresh.resolve(BuildState.FILE)), Files.readString(out.resolve(
                    BuildState.FILE)));
        }
    }

    /**
     * HEAD is the branch checked out: on a clone with a work branch that takes a version down, a build of main leaves
     * it out too, and names that branch, so the reader sees whose takedown it applied; a detached HEAD names none.
     */
    @Test
    void theTakedownsAtHeadNameTheBranchCheckedOut() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.publish("@common/a", "1.1.0");
            String main = repo.commit("publish a").name();
            repo.branch("takedown-wip").checkout("takedown-wip");
            repo.delete("packages/@common/a/1.1.0").meta("@common/a", "{\"takenDown\": {\"1.1.0\": \"wip\"}}");
            String wip = repo.commit("take a 1.1.0 down").name();

            Optional<HeadTakedowns> onTheBranch = buildRevision(repo.root(), "main", temp.resolve("out"))
                    .takenDownAtHead();
            repo.checkout(wip);
            Optional<HeadTakedowns> detached = buildRevision(repo.root(), main, temp.resolve("detached"))
                    .takenDownAtHead();

            assertEquals(Optional.of(new HeadCommit(wip, Optional.of("takedown-wip"))),
                    onTheBranch.map(HeadTakedowns::head));
            assertEquals(Optional.of(new HeadCommit(wip, Optional.empty())), detached.map(HeadTakedowns::head));
            assertEquals(onTheBranch.map(HeadTakedowns::reasons), detached.map(HeadTakedowns::reasons));
        }
    }

    /**
     * HEAD's takedown written with build metadata, 1.1.0+b, is one of the folder 1.1.0, as HEAD's own build refuses
     * that folder under either: a build of an older commit leaves it out too.
     */
    @Test
    void aTakedownAtHeadWrittenWithBuildMetadataLeavesOutTheVersionOfItsPrecedence() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            String older = publishedThenTakenDownAtHead(repo, "{\"takenDown\": {\"1.1.0+b\": \"leaked\"}}");

            BuildResult back = buildRevision(repo.root(), older, temp.resolve("out"));

            assertEquals(Set.of(new PackageVersion(PackageName.parse("@common/a"), Version.parse("1.1.0"))),
                    back.takenDownAtHead().map(head -> head.reasons().keySet()).orElse(Set.of()));
            assertEquals(1, back.versions());
        }
    }

    /**
     * A meta.json HEAD holds as a link is no file whose takedowns the build can read: it refuses to build, as it may
     * serve a version HEAD takes down, even forced, but with --allow-unread-head-meta, which it warns of: --force
     * lets a takedown of the output's be served again, which has nothing to do with HEAD's files.
     */
    @Test
    void aMetaJsonHeadHoldsAsALinkRefusesTheBuildButAllowed() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.meta("@common/a", "{\"distTags\": {\"latest\": \"1.0.0\"}}");
            String older = repo.commit("publish a").name();
            repo.delete("packages/@common/a/meta.json").symlink("packages/@common/a/meta.json", "../../README.md");
            String head = repo.commit("a link in the meta.json's place").name();

            PrompdException refused = assertThrows(PrompdException.class,
                    () -> buildRevision(repo.root(), older, temp.resolve("out")));
            PrompdException forced = assertThrows(PrompdException.class, () -> new RegistryBuilder().build(
                    new BuildOptions(repo.root(), older, temp.resolve("out"), Optional.empty(), true, false,
                            repo.root()), BuildProgress.NONE));
            boolean written = Files.exists(temp.resolve("out"));
            BuildResult allowed = new RegistryBuilder().build(new BuildOptions(repo.root(), older,
                    temp.resolve("out"), Optional.empty(), false, true, repo.root()), BuildProgress.NONE);

            assertEquals(ExitCode.CONFLICT, refused.exitCode());
            assertTrue(refused.getMessage().contains("has a meta.json that does not read in full for @common/a"),
                    refused.getMessage());
            assertTrue(refused.hint().endsWith(", add --allow-unread-head-meta"), refused.hint());
            assertEquals(refused.getMessage(), forced.getMessage());
            assertFalse(written, "nothing is written");
            assertEquals(List.of(new BuildWarning.HeadMetaUnread(new HeadCommit(head, Optional.of("main")), older,
                    new TreeSet<>(Set.of(PackageName.parse("@common/a"))))), allowed.warnings());
        }
    }

    /**
     * Only a problem of HEAD's meta.json that may hide a takedown refuses the build of another commit: one elsewhere
     * in the file, such as a dist-tag clients cannot ask for, leaves its takedowns read, and the build applies them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"distTags\": {\"Beta\": \"1.0.0\"}, ", "{\"yanked\": {\"1.0.0\": 3}, ",
            "{\"owners\": [\"@ivan\"], \"deprecated\": {\"one\": \"x\"}, "})
    void aBuildOfAnOlderCommitAppliesHeadsTakedownsThoughAnotherPartOfItsMetaJsonDoesNotRead(String otherwiseBad)
            throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            String older = publishedThenTakenDownAtHead(repo, otherwiseBad + "\"takenDown\": {\"1.1.0\": \"leaked\"}}");

            BuildResult back = buildRevision(repo.root(), older, temp.resolve("out"));

            assertEquals(Set.of(new PackageVersion(PackageName.parse("@common/a"), Version.parse("1.1.0"))),
                    back.takenDownAtHead().map(head -> head.reasons().keySet()).orElse(Set.of()));
            assertEquals(List.of(), back.warnings());
            assertEquals(1, back.versions());
        }
    }

    /**
     * A meta.json of HEAD's that may hide a takedown refuses the build of another commit: one that is no JSON, or no
     * object, or whose takenDown, or an entry of it, does not read.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"takenDown\": {\"1.1.0\": \"leaked\"}", "[\"takenDown\"]",
            "{\"takenDown\": [\"1.1.0\"]}", "{\"takenDown\": {\"1.1.0\": 3}}",
            "{\"takenDown\": {\"v1.1.0\": \"leaked\"}}"})
    void aBuildOfAnOlderCommitIsRefusedWhenHeadsTakedownsDoNotRead(String meta) throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            String older = publishedThenTakenDownAtHead(repo, meta);

            PrompdException refused = assertThrows(PrompdException.class,
                    () -> buildRevision(repo.root(), older, temp.resolve("out")));

            assertEquals(ExitCode.CONFLICT, refused.exitCode());
            assertTrue(refused.getMessage().contains("has a meta.json that does not read in full for @common/a"),
                    refused.getMessage());
        }
    }

    /**
     * --allow-unread-head-meta passes a meta.json of HEAD's that does not read, and that alone: a version the output's
     * build took down, which that very file may have recorded, is still served again with --force alone.
     */
    @Test
    void allowingAnUnreadMetaJsonAtHeadServesNoVersionTheOutputTookDownAgain() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            String older = publishedThenTakenDownAtHead(repo, "{\"takenDown\": {\"1.1.0\": \"leaked\"}}");
            Path served = temp.resolve("served");
            build(repo, served);
            repo.meta("@common/a", "{\"takenDown\": {\"1.1.0\": \"leaked\"}");
            repo.commit("a meta.json that does not parse");

            PrompdException refused = assertThrows(PrompdException.class, () -> new RegistryBuilder().build(
                    new BuildOptions(repo.root(), older, served, Optional.empty(), false, true, repo.root()),
                    BuildProgress.NONE));

            assertEquals(ExitCode.CONFLICT, refused.exitCode());
            assertTrue(refused.getMessage().contains(" would serve again 1 version that the build in " + served),
                    refused.getMessage());
        }
    }

    /** A repository whose HEAD names no commit has no takedowns of its own: a build of a commit is as it was. */
    @Test
    void aBuildOfACommitWhileHeadNamesNoneLeavesNothingOut() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            String older = repo.commit("publish a").name();
            repo.delete("packages/@common/a/1.0.0").meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"leaked\"}}");
            repo.commit("take a 1.0.0 down");
            Path bare = repo.bareClone(temp.resolve("bare.git"));
            Files.writeString(bare.resolve("HEAD"), "ref: refs/heads/trunk\n");

            BuildResult back = buildRevision(bare, older, temp.resolve("out"));

            assertEquals(Optional.empty(), back.takenDownAtHead());
            assertEquals(1, back.versions());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "1.0.0, 1.0.0+rebuild, build metadata does not make another version",
            "2.0.0-rc.1, 2.0.0-RC.1, versions that differ only in letter case would be one folder on"
                    + " macOS and Windows"})
    void aVersionTakenDownBackUnderItsNumberWithBuildMetadataOrInAnotherCaseFailsTheBuildAsTheCheckRefusesIt(
            String gone, String back, String why) throws IOException {
        Path out = temp.resolve("out");
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", gone);
            repo.publish("@common/a", "3.0.0");
            repo.commit("publish a");
            build(repo, out);
            repo.delete("packages/@common/a/" + gone).meta("@common/a", "{\"takenDown\": {\"" + gone
                    + "\": \"leaked a key\"}}");
            repo.commit("take " + gone + " down");
            build(repo, out);
            byte[] served = Files.readAllBytes(out.resolve("packages/@common/a/index.json"));
            repo.publish("@common/a", back);
            repo.commit("the leaked files back, pushed past the check");

            for (Path into : List.of(out, temp.resolve("fresh"))) {
                ValidationException failure = assertThrows(ValidationException.class, () -> build(repo, into));

                assertEquals(List.of("packages/@common/a/" + back + ": version " + back + " is taken: " + gone
                        + " was taken down (\"leaked a key\", packages/@common/a/meta.json), and " + why),
                        located(failure));
                assertTrue(failure.problems().get(0).hint().startsWith("a maintainer takes " + back + " down as well"),
                        failure.problems().get(0).hint());
            }
            assertArrayEquals(served, Files.readAllBytes(out.resolve("packages/@common/a/index.json")));
            assertFalse(Files.exists(temp.resolve("fresh")));
        }
    }

    /**
     * Forced past serving again what the output took down, the folder is still the number 1.0.0 reused with other
     * files, its record gone: refused as the check refuses it.
     */
    @Test
    void aVersionTakenDownBackUnderItsNumberWithBuildMetadataAndItsRecordGoneIsRefusedAsServedAgain()
            throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            Path out = temp.resolve("out");
            buildTwoVersionsOfA(repo, out);
            String published = repo.head().name();
            repo.delete("packages/@common/a/1.0.0").meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
            String taken = repo.commit("take down a 1.0.0").name();
            build(repo, out);
            repo.delete("packages/@common/a/meta.json").publish("@common/a", "1.0.0+rebuild");
            repo.commit("a rewritten history without the takedown, and the leaked files back");

            PrompdException refused = assertThrows(PrompdException.class, () -> build(repo, out));

            assertEquals(ExitCode.CONFLICT, refused.exitCode());
            assertTrue(refused.getMessage().contains("would serve again 1 version that the build in " + out + " (of"
                    + " commit " + taken.substring(0, 7) + ") took down (@common/a@1.0.0: leaked a key)"),
                    refused.getMessage());
            ValidationException forced = assertThrows(ValidationException.class, () -> forcedBuild(repo, out));
            assertEquals(List.of("packages/@common/a/1.0.0+rebuild: version 1.0.0 was published in commit "
                    + published.substring(0, 7) + " (2026-01-01) and deleted in commit " + taken.substring(0, 7)
                    + ", and the folder 1.0.0+rebuild, the same version since build metadata does not make another,"
                    + " holds other files: a number once published is never reused, since lock files pin the tarball"
                    + " its files made"), located(forced));
        }
    }

    @Test
    void aVersionTakenDownBackWhileTheCommitStillRecordsItsTakedownIsAProblemOfTheCommitNoForceBuilds()
            throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            Path out = temp.resolve("out");
            buildTwoVersionsOfA(repo, out);
            repo.delete("packages/@common/a/1.0.0").meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"leaked a key\"}}");
            repo.commit("take down a 1.0.0");
            build(repo, out);
            repo.publish("@common/a", "1.0.0");
            repo.commit("the leaked files back, pushed past the check");

            ValidationException failure = assertThrows(ValidationException.class, () -> build(repo, out));

            assertEquals(List.of("packages/@common/a/meta.json: 1.0.0 is taken down, but its folder is still"
                    + " published"), located(failure));
        }
    }

    @Test
    void aServedFileTurnedIntoASymbolicLinkToItsOwnTextFailsTheBuildAsAChangeOfTheVersion() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            Path out = temp.resolve("out");
            buildTwoVersionsOfA(repo, out);
            repo.restage("packages/@common/a/1.0.0/LICENSE", FileMode.SYMLINK);
            repo.commitStaged("a link whose target is the file's text, pushed past the check");

            ValidationException failure = assertThrows(ValidationException.class, () -> build(repo, out));

            assertTrue(failure.problems().stream().anyMatch(problem -> problem.file().equals("packages/@common/a/1.0.0")
                    && problem.message().startsWith("the version's files differ from those the output serves")),
                    failure.problems()::toString);
        }
    }

    @Test
    void aPolicyLoweredAfterAVersionWasPublishedLeavesThatVersionServed() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.write("packages/@common/a/1.0.0/contexts/long.md", "x".repeat(3000));
            repo.commit("publish a with a 3,000-byte file");
            repo.write("registry.json", Files.readString(repo.root().resolve("registry.json"))
                    .replace("\"maintainers\"",
                            "\"policy\": {\"maxFileBytes\": 2048, \"maxFiles\": 2},\n  \"maintainers\""));
            repo.commit("lower the limits for new versions", TestRegistryRepo.MAINTAINER);

            build(repo, temp.resolve("out"));

            assertTrue(Files.isRegularFile(temp.resolve("out/packages/@common/a/1.0.0.json")));
            assertTrue(Files.isRegularFile(temp.resolve("out").resolve(RegistryLayout.tarball(
                    PackageName.parse("@common/a"), Version.parse("1.0.0")))));
        }
    }

    @Test
    void aSubmoduleInAVersionFolderFailsTheBuildAsTheEmbeddedRepositoryTheCheckCallsIt() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.commit("publish");
            repo.gitlink("packages/@common/a/1.0.0/sub", repo.head());
            repo.commitStaged("a submodule pushed past the check");

            ValidationException failure = assertThrows(ValidationException.class,
                    () -> build(repo, temp.resolve("out")));

            assertEquals(List.of(RepositoryLayout.embeddedRepository("packages/@common/a/1.0.0/sub")),
                    failure.problems());
        }
    }

    @Test
    void aNameATreeOfAVersionFolderHoldsTwiceFailsTheBuildAsTheCheckCallsIt() throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.commit("publish");
            repo.commitNamedTwice("packages/@common/a/1.0.0/prompts/x.prmd", "other\n", "pushed past the check");

            ValidationException failure = assertThrows(ValidationException.class,
                    () -> build(repo, temp.resolve("out")));

            assertEquals(1, failure.problems().size(), failure.problems().toString());
            Problem problem = failure.problems().get(0);
            assertEquals("packages/@common/a/1.0.0/prompts/x.prmd", problem.file());
            assertTrue(problem.message().startsWith("the Git tree of packages/@common/a/1.0.0/prompts holds x.prmd"
                    + " twice"), problem.message());
        }
    }

    /** Above the version folders as inside one, a name a tree holds twice fails the build as the check calls it. */
    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {
            "packages/@common/a/1.0.0, packages/@common/a/1.1.0, packages/@common/a",
            "packages/@common/a, packages/@common/a, packages/@common",
            "packages/@common, packages/@common, packages",
            "packages, packages, the repository's root",
            "packages/@common/a/meta.json, packages/@common/a/meta.json, packages/@common/a",
            "scopes.json, scopes.json, the repository's root"})
    void aNameATreeAboveTheVersionFoldersHoldsTwiceFailsTheBuildAsTheCheckCallsIt(String path, String like, String tree)
            throws IOException {
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish("@common/a", "1.0.0");
            repo.publish("@common/a", "1.1.0");
            repo.meta("@common/a", "{\"distTags\": {\"latest\": \"1.1.0\"}}\n");
            repo.commit("publish");
            repo.commitNamedTwiceLike(path, like, "pushed past the check");

            ValidationException failure = assertThrows(ValidationException.class,
                    () -> build(repo, temp.resolve("out")));

            assertEquals(1, failure.problems().size(), failure.problems().toString());
            Problem problem = failure.problems().get(0);
            assertEquals(path, problem.file());
            assertTrue(problem.message().startsWith("the Git tree of " + tree + " holds "
                    + path.substring(path.lastIndexOf('/') + 1) + " twice (what git fsck calls duplicateEntries)"),
                    problem.message());
        }
    }
}
