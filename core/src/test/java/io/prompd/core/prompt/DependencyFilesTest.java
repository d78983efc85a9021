package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.core.source.MemorySource;
import io.prompd.core.testing.ProblemLocation;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DependencyFilesTest {

    private static final PackageName UTIL = PackageName.parse("@common/util");
    private static final String CHOSEN_BY = "the version the test picks";

    /** @common/util 1.2.0 with these files; every other package unknown. */
    private static DependencyFiles.Versions util(String... files) {
        Map<String, String> texts = new TreeMap<>();
        for (String file : files) {
            texts.put(file, "text");
        }
        DependencyFiles.VersionFiles version = new DependencyFiles.VersionFiles(Version.parse("1.2.0"),
                MemorySource.ofText("util", texts));
        return name -> name.equals(UTIL) ? Optional.of(version) : Optional.empty();
    }

    private static DependencyFiles.Result check(String prompt, DependencyFiles.Versions versions) throws IOException {
        PromptParseResult parsed = PromptParser.parse("prompts/a.prmd", prompt);
        assertEquals(List.of(), parsed.problems());
        SortedMap<String, PromptFile> prompts = new TreeMap<>(Map.of("prompts/a.prmd", parsed.prompt().orElseThrow()));
        return DependencyFiles.check(DependencyFiles.uses(prompts.values()), versions, CHOSEN_BY);
    }

    private static String inheriting(String reference) {
        return """
                ---
                id: a
                inherits: "%s"
                ---
                # User

                Hello.
                """.formatted(reference);
    }

    /** A prompt including the file through the alias {@code @util} of @common/util, at line 9. */
    private static String including(String file) {
        return withUtil("{% include \"" + file + "\" %}\n");
    }

    /** A prompt whose template, from line 9, may name files of @common/util through the alias {@code @util}. */
    private static String withUtil(String template) {
        return """
                ---
                id: a
                using:
                  - name: "@common/util@^1.0.0"
                    prefix: "@util"
                ---
                # User

                """ + template;
    }

    @Test
    void aFileTheVersionHasPasses() throws IOException {
        DependencyFiles.Result result = check(inheriting("@common/util@^1.0.0/prompts/base.prmd"),
                util("prompd.json", "prompts/base.prmd"));

        assertEquals(List.of(), result.problems());
        assertEquals(Set.of(), result.unchecked());
    }

    @Test
    void aMissingFileIsAnErrorAtItsFieldNamingTheVersionAndTheFilesOfItsKind() throws IOException {
        Problem problem = single(check(inheriting("@common/util@^1.0.0/prompts/other.prmd"),
                util("README.md", "prompts/base.prmd", "prompts/extra.prmd")));

        assertEquals(Severity.ERROR, problem.severity());
        assertEquals("prompts/a.prmd", problem.file());
        assertEquals("/inherits", problem.pointer());
        assertEquals(3, problem.line());
        assertEquals("'@common/util@^1.0.0/prompts/other.prmd' points to prompts/other.prmd, which @common/util 1.2.0"
                + " (" + CHOSEN_BY + ") does not have", problem.message());
        assertEquals("@common/util 1.2.0 has prompts/base.prmd, prompts/extra.prmd; correct the path, or require a"
                + " version of @common/util that has the file", problem.hint());
    }

    @Test
    void aPathWrittenDecomposedSaysSoRatherThanOfferTheNameItLooksLike() throws IOException {
        Problem problem = single(check(inheriting("@common/util@^1.0.0/prompts/cafe\u0301.prmd"),
                util("prompts/caf\u00e9.prmd")));

        assertEquals("'@common/util@^1.0.0/prompts/cafe\u0301.prmd' is written decomposed (not in Unicode NFC, as macOS"
                + " gives names out), and @common/util 1.2.0 (" + CHOSEN_BY + ") has prompts/cafe\u0301.prmd only under"
                + " its NFC name, which Linux takes for another", problem.message());
        assertEquals("write the path in Unicode NFC, as package file names are: type it again rather than paste it, or"
                + " normalize the prompt's text to NFC", problem.hint());
    }

    @Test
    void aFileTheTemplateMayRenderWithoutMayBeMissing() throws IOException {
        DependencyFiles.Result result = check(including("@util/prompts/maybe.md\" ignore missing %}{% include [\""
                + "@util/prompts/gone.md\", \"@util/prompts/base.prmd"), util("prompts/base.prmd"));

        assertEquals(List.of(), result.problems());
    }

    /** Jinja fails on a list of which no file is there, so each is reported; one that is there renders. */
    @Test
    void aListOfFilesNoneOfWhichTheVersionHasIsAnError() throws IOException {
        DependencyFiles.Result result = check(withUtil("""
                {% include ["@util/prompts/gone.md", "@util/prompts/lost.md"] %}
                {% include ["@util/prompts/gone.md", "@other/p@^1/x.md"] %}{% include ["@util/x.md", "./local.md"] %}
                """), util("prompts/base.prmd"));

        assertEquals(List.of("prompts/a.prmd:9 '@util/prompts/gone.md' points to prompts/gone.md, which"
                + " @common/util 1.2.0"
                        + " (" + CHOSEN_BY + ") does not have",
                        "prompts/a.prmd:9 '@util/prompts/lost.md' points to prompts/lost.md, which @common/util 1.2.0"
                        + " (" + CHOSEN_BY + ") does not have"),
                result.problems().stream().map(problem -> ProblemLocation.of(problem) + " " + problem.message()).toList());
    }

    @Test
    void aMisspeltFileGetsTheOneItMeant() throws IOException {
        Problem problem = single(check(inheriting("@common/util@^1.0.0/prompts/bsae.prmd"),
                util("prompts/base.prmd", "prompts/extra.prmd")));

        assertEquals("did you mean 'prompts/base.prmd'? correct the path, or require a version of @common/util that"
                + " has the file", problem.hint());
    }

    @Test
    void anInheritedPromptWithoutItsExtensionRestatesTheValidatorsErrorNamingIt() throws IOException {
        Problem problem = single(check(inheriting("@common/util@^1.0.0/prompts/base"),
                util("LICENSE", "README.md", "prompts/base.prmd")));

        assertTrue(PromptFile.notAPromptFile("prompts/a.prmd", "/inherits", "@common/util@^1.0.0/prompts/base", "")
                .atLine(3).restatedBy(problem), problem.toString());
        assertEquals("did you mean '@common/util@^1.0.0/prompts/base.prmd'?", problem.hint());
    }

    @Test
    void anInheritedPathThatIsNoPromptFileIsLeftToTheValidator() throws IOException {
        DependencyFiles.Result result = check(inheriting("@common/util@^1.0.0/prompts/other"),
                util("LICENSE", "prompts/base.prmd"));

        assertEquals(List.of(), result.problems(), "the validator's error says it is no prompt file");
    }

    @Test
    void anIncludedPathWithoutItsExtensionGetsThePromptFileItNames() throws IOException {
        Problem problem = single(check(including("@util/prompts/base"), util("LICENSE", "prompts/base.prmd")));

        assertEquals("did you mean 'prompts/base.prmd'? correct the path, or require a version of @common/util that"
                + " has the file", problem.hint());
    }

    @Test
    void aPathWithoutAnExtensionListsNoFilesWithoutOne() throws IOException {
        Problem problem = single(check(including("@util/parts/zzzzzzzz"), util("LICENSE", "NOTICE", "parts/a.md")));

        assertEquals("correct the path, or require a version of @common/util that has the file", problem.hint());
    }

    @Test
    void manyFilesOfTheKindAreCounted() throws IOException {
        Problem problem = single(check(inheriting("@common/util/prompts/zzzzzz.prmd"),
                util("a.prmd", "b.prmd", "c.prmd", "d.prmd", "e.prmd", "f.prmd", "g.prmd")));

        assertEquals("@common/util 1.2.0 has a.prmd, b.prmd, c.prmd, d.prmd, e.prmd and 2 more; correct the path, or"
                + " require a version of @common/util that has the file", problem.hint());
    }

    @Test
    void aFileTheBodyIncludesThroughAnAliasIsCheckedAtItsLine() throws IOException {
        Problem problem = single(check(including("@util/parts/missing.md"), util("parts/intro.md")));

        assertEquals("", problem.pointer());
        assertEquals(9, problem.line());
        assertEquals("'@util/parts/missing.md' points to parts/missing.md, which @common/util 1.2.0 (" + CHOSEN_BY
                + ") does not have", problem.message());
    }

    @Test
    void aContextWithoutAnExtensionIsLookedFor() throws IOException {
        Problem problem = single(check("""
                ---
                id: a
                contexts:
                  - "@common/util@^1.0.0/parts/intro"
                  - "@common/util@^1.0.0/parts/nothere"
                ---
                Hello.
                """, util("parts/intro")));

        assertEquals("/contexts/1", problem.pointer());
        assertEquals(5, problem.line());
        assertEquals("'@common/util@^1.0.0/parts/nothere' points to parts/nothere, which @common/util 1.2.0 ("
                + CHOSEN_BY + ") does not have", problem.message());
    }

    @Test
    void aPathWithDotSegmentsIsLeftToTheValidator() throws IOException {
        DependencyFiles.Result result = check(including("@util/prompts/../README.md"), util("README.md"));

        assertEquals(List.of(), result.problems(), "the validator's error says '..' is not allowed");
    }

    /**
     * The validator's error says to write '/', and the path so meant is checked as well: a missing file is a second
     * error, quoting the path as meant, so that writing it as told is not met by a new one.
     */
    @Test
    void aPathWithBackslashesIsCheckedAsMeant() throws IOException {
        DependencyFiles.Versions util = util("contexts/style.md");

        assertEquals(List.of(), check(including("@util/contexts\\style.md"), util).problems());
        Problem missing = single(check(including("@util/contexts\\nothere.md"), util));
        assertEquals("'@util/contexts/nothere.md' points to contexts/nothere.md, which @common/util 1.2.0 ("
                + CHOSEN_BY + ") does not have", missing.message());
        Problem miscased = single(check(including("@util/contexts\\Style.md"), util));
        assertEquals("did you mean 'contexts/style.md'? correct the path, or require a version of @common/util that"
                + " has the file", miscased.hint());
    }

    @Test
    void eachPackageIsAskedForItsVersionOnce() throws IOException {
        DependencyFiles.Versions util = util("parts/intro.md");
        List<PackageName> asked = new ArrayList<>();
        check("""
                ---
                id: a
                using:
                  - name: "@common/util@^1.0.0"
                    prefix: "@util"
                context: "@util/parts/intro.md"
                ---
                # User

                {% include "@util/parts/intro.md" %}
                {% include "@util/parts/outro.md" %}
                """, name -> {
                    asked.add(name);
                    return util.of(name);
                });

        assertEquals(List.of(UTIL), asked);
    }

    @Test
    void aPackageWithoutAKnownVersionIsLeftUncheckedAndNamed() throws IOException {
        DependencyFiles.Result result = check(inheriting("@other/pkg@^1.0.0/prompts/base.prmd"), util());

        assertEquals(List.of(), result.problems());
        assertEquals(Set.of(PackageName.parse("@other/pkg")), result.unchecked());
    }

    @Test
    void aBarePackageNamesNoFile() throws IOException {
        DependencyFiles.Result result = check("""
                ---
                id: a
                using:
                  - name: "@other/pkg@^1.0.0"
                    prefix: "@p"
                ---
                Hello.
                """, util());

        assertEquals(List.of(), result.problems());
        assertEquals(Set.of(), result.unchecked(), "nothing to check, so nothing left unchecked");
    }

    private static Problem single(DependencyFiles.Result result) {
        assertEquals(1, result.problems().size(), result.problems().toString());
        return result.problems().get(0);
    }
}
