package io.prompd.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.prompd.core.archive.Integrity;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.manifest.Person;
import io.prompd.core.manifest.Repository;
import io.prompd.core.name.PackageName;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.prompt.PromptParser;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VersionDocumentTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final Instant TIME = Instant.parse("2026-03-01T12:00:00Z");
    private static final Dist DIST = new Dist("-/b-1.0.0.tgz", Integrity.of(new byte[] {1, 2, 3}), 120, 4, 2000);
    private static final Manifest MANIFEST = Manifest.of(PackageName.parse("@a/b"), Version.parse("1.0.0"))
            .toBuilder().description("A package").keywords(List.of("k")).category("testing")
            .author(Person.parse("Ann <ann@example.org> (https://example.org/ann)")).license("MIT")
            .repository(Repository.git("https://example.org/b.git"))
            .dependencies(Map.of(PackageName.parse("@a/c"), VersionRange.parse("^1.0.0")))
            .engines(Map.of("prompd", ">=0.1.0")).main("prompts/main.prmd")
            .prompts(Map.of("main", "prompts/main.prmd")).build();
    private static final PromptFile PROMPT = PromptParser.parse("prompts/main.prmd",
            "---\nid: main\ndescription: Says hello\n---\nHello.\n").prompt().orElseThrow();

    @Test
    void aManifestsFieldsGoEachToItsOwnBesideWhatTheBuildAdds() {
        VersionDocument document = VersionDocument.of(MANIFEST, DIST, TIME, COMMIT,
                new TreeMap<>(Map.of("prompts/main.prmd", PROMPT)), Optional.of("# B\n"));

        assertEquals(MANIFEST.name(), document.name());
        assertEquals(MANIFEST.version(), document.version());
        assertEquals("A package", document.description());
        assertEquals(List.of("k"), document.keywords());
        assertEquals("testing", document.category());
        assertEquals("Ann <ann@example.org> (https://example.org/ann)", document.author());
        assertEquals("MIT", document.license());
        assertEquals(Repository.git("https://example.org/b.git"), document.repository());
        assertEquals(MANIFEST.dependencies(), document.dependencies());
        assertEquals(MANIFEST.engines(), document.engines());
        assertEquals("prompts/main.prmd", document.main());
        assertEquals(MANIFEST.prompts(), document.prompts());
        assertEquals(DIST, document.dist());
        assertEquals(TIME, document.publishedAt());
        assertEquals(COMMIT, document.commit());
        assertEquals(Map.of("prompts/main.prmd", PromptSummary.of(PROMPT)), document.promptFiles());
        assertEquals("# B\n", document.readme());
    }

    @Test
    void aManifestWithoutItsOptionalFieldsLeavesThemNull() {
        VersionDocument document = VersionDocument.of(Manifest.of(MANIFEST.name(), MANIFEST.version()), DIST, TIME,
                COMMIT, new TreeMap<>(), Optional.empty());

        assertNull(document.description());
        assertNull(document.category());
        assertNull(document.author());
        assertNull(document.license());
        assertNull(document.repository());
        assertNull(document.main());
        assertNull(document.readme());
    }

    @Test
    void aSummaryAsADocumentKeepsAllItSaysAndLeavesTheRestEmpty() {
        VersionDocument full = VersionDocument.of(MANIFEST, DIST, TIME, COMMIT,
                new TreeMap<>(Map.of("prompts/main.prmd", PROMPT)), Optional.of("# B\n"));
        VersionSummary summary = full.summary("broken", "use 2.0.0");

        VersionDocument document = summary.asDocument(MANIFEST.name());

        assertEquals(MANIFEST.name(), document.name());
        assertEquals(summary, document.summary("broken", "use 2.0.0"));
        assertEquals(List.of(), document.keywords());
        assertNull(document.category());
        assertNull(document.author());
        assertNull(document.repository());
        assertEquals(Map.of(), document.promptFiles());
        assertNull(document.readme());
    }
}
