package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.core.source.MemorySource;
import io.prompd.core.testing.ProblemLocation;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A file of a dependency that a prompt's template loads is checked as a file of the prompt's own package is, in the
 * version the prompt gets, each problem told at the prompt's line that loads it.
 */
class DependencyTemplatesTest {

    private static final PackageName FRAGS = PackageName.parse("@acme/frags");
    private static final String CHOSEN_BY = "the version the test picks";
    private static final String FIX = "include another file or another version of @acme/frags, or ask its owners to"
            + " fix it in a new version";

    /** @acme/frags 1.0.0 with these files, a prompt of its own among them; every other package unknown. */
    private static DependencyFiles.Versions frags(Map<String, String> files) {
        Map<String, String> texts = new TreeMap<>(files);
        texts.put("prompd.json", "{}");
        texts.put("prompts/hello.prmd", "---\nid: hello\n---\nHello.\n");
        DependencyFiles.VersionFiles version = new DependencyFiles.VersionFiles(Version.parse("1.0.0"),
                MemorySource.ofText("frags", texts));
        return name -> name.equals(FRAGS) ? Optional.of(version) : Optional.empty();
    }

    /** The problems of a prompt declaring {@code tone}, whose template, from line 8, is given. */
    private static List<Problem> check(String template, DependencyFiles.Versions versions) throws IOException {
        PromptParseResult parsed = PromptParser.parse("prompts/x.prmd", """
                ---
                id: x
                parameters:
                  - name: tone
                    type: string
                ---
                Hi.
                """ + template);
        assertEquals(List.of(), parsed.problems());
        SortedMap<String, PromptFile> prompts = new TreeMap<>(Map.of("prompts/x.prmd", parsed.prompt().orElseThrow()));
        return DependencyFiles.check(prompts, versions, CHOSEN_BY).problems();
    }

    private static List<String> located(List<Problem> problems) {
        return problems.stream().map(problem -> ProblemLocation.of(problem) + " " + problem.severity() + " "
                + problem.message()).toList();
    }

    @Test
    void anIncludedFileThatDoesNotRenderIsAnErrorAtTheIncludeNamingItsVersionAndLine() throws IOException {
        List<Problem> problems = check("{% include \"@acme/frags@^1.0.0/parts/broken.md\" %}\n",
                frags(Map.of("parts/broken.md", "Tone: {{ tone }}\n{% if tone %}URGENT: {{ tone | uper }}\n")));

        assertEquals(List.of("prompts/x.prmd:8 ERROR @acme/frags 1.0.0's parts/broken.md, which this includes, at its"
                        + " line 2: the template does not render: no filter named 'uper' in Jinja, Nunjucks or Prompd",
                "prompts/x.prmd:8 ERROR @acme/frags 1.0.0's parts/broken.md, which this includes, at its line 2: the"
                        + " template does not render: {% if %} is never closed"), located(problems));
        assertEquals(FIX + " (did you mean 'upper'?)", problems.get(0).hint());
        assertEquals(FIX + " (add {% endif %} where the block ends)", problems.get(1).hint());
    }

    @Test
    void aNameImportedFromAFileOfADependencyMustBeOneItDefines() throws IOException {
        List<Problem> problems = check("{% from \"@acme/frags@^1.0.0/parts/macros.md\" import numbred %}\n",
                frags(Map.of("parts/macros.md", "{% macro numbered(items) %}{{ items }}{% endmacro %}\n")));

        assertEquals(List.of("prompts/x.prmd:8 ERROR the template does not render: 'numbred' is imported from"
                + " '@acme/frags@^1.0.0/parts/macros.md', which does not define it in @acme/frags 1.0.0 (it defines"
                + " 'numbered')"), located(problems));
        assertEquals("did you mean 'numbered'? import a name it defines, or take 'numbred' from another file or"
                + " another version of @acme/frags", problems.get(0).hint());
    }

    @Test
    void theVariablesOfAnIncludedFileAreCheckedAgainstTheIncludingPromptsParameters() throws IOException {
        List<Problem> problems = check("{% include \"@acme/frags@^1.0.0/parts/tone.md\" %}\n",
                frags(Map.of("parts/tone.md", "{% if tone == \"formal\" %}Formally, {{ style }}.{% endif %}\n")));

        assertEquals(List.of("prompts/x.prmd:8 WARNING @acme/frags 1.0.0's parts/tone.md, at its line 1: the variable"
                + " 'style' is used but not declared as a parameter of prompts/x.prmd, which includes this file"),
                located(problems));
        assertEquals(Severity.WARNING, problems.get(0).severity());
        assertEquals("declare it under \"parameters\" of prompts/x.prmd, or fix its spelling, or include another file"
                + " or another version of @acme/frags", problems.get(0).hint());
    }

    /** A file included many times has its problems told once, at the first include, not once an include. */
    @Test
    void theProblemsOfAFileIncludedManyTimesAreToldOnce() throws IOException {
        List<Problem> problems = check("{% include \"@acme/frags@^1.0.0/parts/tone.md\" %}\n".repeat(3),
                frags(Map.of("parts/tone.md", "{{ style }} {{ mood }}\n{% if x %}\n")));

        assertEquals(List.of("prompts/x.prmd:8 ERROR @acme/frags 1.0.0's parts/tone.md, which this includes, at its"
                        + " line 2: the template does not render: {% if %} is never closed",
                "prompts/x.prmd:8 WARNING @acme/frags 1.0.0's parts/tone.md, at its line 1: the variable 'mood' is"
                        + " used but not declared as a parameter of prompts/x.prmd, which includes this file",
                "prompts/x.prmd:8 WARNING @acme/frags 1.0.0's parts/tone.md, at its line 1: the variable 'style' is"
                        + " used but not declared as a parameter of prompts/x.prmd, which includes this file",
                "prompts/x.prmd:8 WARNING @acme/frags 1.0.0's parts/tone.md, at its line 2: the variable 'x' is"
                        + " used but not declared as a parameter of prompts/x.prmd, which includes this file"),
                located(problems));
    }

    /** 40 loads of a file of the dependency that loads its own part 40 times render 1,640 files. */
    @Test
    void theFilesADependencysFileLoadsInItsPackageCountTowardsTheLimit() throws IOException {
        List<Problem> problems = check("{% include \"@acme/frags@^1.0.0/parts/outer.md\" %}".repeat(40) + "\n",
                frags(Map.of("parts/outer.md", "{% include \"./inner.md\" %}".repeat(40), "parts/inner.md", "x")));

        assertEquals(List.of("prompts/x.prmd:8 ERROR the prompt's includes expand to more than 1,000 files loaded in"
                + " all, through prompts/x.prmd → @acme/frags@^1.0.0/parts/outer.md ×40: each file loading the next"
                + " more than once multiplies the copies"), located(problems));
    }

    /** A name the including template binds where it includes the file is one the file sees, as for a local file. */
    @Test
    void aNameTheIncludingTemplateBindsIsSeenByTheIncludedFile() throws IOException {
        List<Problem> problems = check("{% for style in [\"a\"] %}{% include \"@acme/frags@^1.0.0/parts/tone.md\" %}"
                + "{% endfor %}\n", frags(Map.of("parts/tone.md", "{{ tone }} {{ style }}\n")));

        assertEquals(List.of(), problems);
    }

    @Test
    void theFilesAnIncludedFileLoadsAreFollowedWithinItsPackageAndToldWithTheWayThere() throws IOException {
        List<Problem> problems = check("{% include \"@acme/frags@^1.0.0/parts/outer.md\" %}\n", frags(Map.of(
                "parts/outer.md", "{% include \"./inner.md\" %}\n{% include \"../parts/gone.md\" %}\n",
                "parts/inner.md", "{% for x in tone %}{{ x }}\n",
                "parts/a.md", "{% include \"./b.md\" %}\n",
                "parts/b.md", "{% include \"./a.md\" %}\n")));

        assertEquals(List.of("prompts/x.prmd:8 ERROR @acme/frags 1.0.0's parts/inner.md, which this includes through"
                        + " parts/outer.md, at its line 1: the template does not render: {% for %} is never closed",
                "prompts/x.prmd:8 ERROR @acme/frags 1.0.0's parts/outer.md, which this includes, at its line 2:"
                        + " '../parts/gone.md' resolves to 'parts/gone.md', which is not in the package"),
                located(problems));
    }

    /**
     * A prompt of the dependency that the template includes went unchecked, where a file of another extension is
     * checked: what its template loads in turn, out of its package or missing, and a tag that does not render.
     */
    @Test
    void anIncludedPromptOfTheDependencyIsCheckedAsAnIncludedFileIs() throws IOException {
        List<Problem> problems = check("{% include \"@acme/frags@^1.0.0/prompts/a.prmd\" %}\n", frags(Map.of(
                "prompts/a.prmd", "---\nid: a\ncontext: \"../../../.ssh/id_rsa\"\n---\n{{ tone }}\n"
                        + "{% include \"../../../../config.json\" %}\n{% include \"./gone.md\" %}\n{% if tone %}\n")));

        assertEquals(List.of("prompts/x.prmd:8 ERROR @acme/frags 1.0.0's prompts/a.prmd, which this includes, at its"
                        + " line 6: '../../../../config.json' points outside the package",
                "prompts/x.prmd:8 ERROR @acme/frags 1.0.0's prompts/a.prmd, which this includes, at its line 7:"
                        + " './gone.md' resolves to 'prompts/gone.md', which is not in the package",
                "prompts/x.prmd:8 ERROR @acme/frags 1.0.0's prompts/a.prmd, which this includes, at its line 8: the"
                        + " template does not render: {% if %} is never closed"), located(problems));
    }

    @Test
    void aCycleOfIncludesWithinTheDependencyEndsAndIsAnError() throws IOException {
        List<Problem> problems = check("{% include \"@acme/frags@^1.0.0/parts/a.md\" %}\n", frags(Map.of(
                "parts/a.md", "{{ tone }}{% include \"./b.md\" %}\n",
                "parts/b.md", "{% include \"./a.md\" %}\n")));

        assertEquals(List.of("prompts/x.prmd:8 ERROR @acme/frags 1.0.0's parts/a.md, which this includes, at its line"
                + " 1: circular include: parts/a.md → parts/b.md → parts/a.md"), located(problems));
    }

    /** A prompt file of the dependency renders with the including prompt's variables, not with its own. */
    @Test
    void aPromptOfTheDependencyIncludedIsCheckedAgainstTheIncludingPromptsParameters() throws IOException {
        List<Problem> problems = check("{% include \"@acme/frags@^1.0.0/parts/outer.md\" %}\n", frags(Map.of(
                "parts/outer.md", "{% include \"../prompts/greet.prmd\" %}\n",
                "prompts/greet.prmd", "---\nid: greet\nparameters:\n  - name: who\n---\nHello, {{ who }}.\n")));

        assertEquals(List.of("prompts/x.prmd:8 WARNING @acme/frags 1.0.0's prompts/greet.prmd, at its line 6: the"
                + " variable 'who' is used but not declared as a parameter of prompts/x.prmd, which includes this file"
                + " through parts/outer.md"), located(problems));
    }

    @Test
    void aFileThatIsNotTextCannotBeIncluded() throws IOException {
        DependencyFiles.VersionFiles version = new DependencyFiles.VersionFiles(Version.parse("1.0.0"),
                new MemorySource("frags", Map.of("prompd.json", new byte[] {'{', '}'},
                        "parts/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})));

        List<Problem> problems = check("{% include \"@acme/frags@^1.0.0/parts/logo.png\" %}\n",
                name -> Optional.of(version));

        assertEquals(List.of("prompts/x.prmd:8 ERROR '@acme/frags@^1.0.0/parts/logo.png' resolves to 'parts/logo.png',"
                + " which is not UTF-8 text (it is binary, or saved in another encoding), so the template cannot"
                + " include, import or extend it: Jinja renders such a file as a template, which is text"),
                located(problems));
        assertEquals("include another file or another version of @acme/frags; a binary file can only be a prompt's"
                + " context: name it in 'context' instead", problems.get(0).hint());
    }

    /** A file that renders, whose variables the prompt declares, passes; so does one of a version not told. */
    @Test
    void aFileThatRendersWithThePromptsParametersPasses() throws IOException {
        String template = "{% include \"@acme/frags@^1.0.0/parts/tone.md\" %}\n";

        assertEquals(List.of(), check(template, frags(Map.of("parts/tone.md", "{% if tone %}{{ tone }}{% endif %}"))));
        assertEquals(List.of(), check(template, name -> Optional.empty()));
    }
}
