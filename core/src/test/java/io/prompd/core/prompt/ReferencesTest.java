package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.name.PackageName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferencesTest {

    @ParameterizedTest
    @CsvSource({
        "prompts/a.prmd, ./base-prompt.prmd, prompts/base-prompt.prmd",
        "prompts/a.prmd, ../contexts/x.md, contexts/x.md",
        "a.prmd, contexts/a.xlsx, contexts/a.xlsx",
        "a/b/c.prmd, ./../x/./y.md, a/x/y.md",
        "a/b/c.prmd, ../../y.md, y.md"})
    void resolvesLocalReferencesAgainstTheReferringFolder(String from, String written, String resolved) {
        assertEquals(Optional.of(resolved), new LocalReference(written).resolveFrom(from));
    }

    @ParameterizedTest
    @CsvSource({
        "prompts/a.prmd, ../contexts/style.md, contexts/Style.md, ../contexts/Style.md",
        "prompts/a.prmd, ./x.md, prompts/X.md, ./X.md", "prompts/a.prmd, x.md, prompts/sub/X.md, sub/X.md",
        "a.prmd, x.md, X.md, X.md", "a/b/c.prmd, ../../x.md, a/x/y.md, ../x/y.md", "a/b/c.prmd, ./y.md, y.md, ../../y.md"})
    void writesAPackagePathAsTheReferenceFromItsFolder(String from, String written, String target, String path) {
        assertEquals(path, new LocalReference(written).writtenFor(from, target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.md", "/etc/passwd", "C:/x.md", "./a/../../x.md", ".", "~/x.md", "~me/x.md",
        "https://example.com/x.md", "file:///etc/passwd"})
    void aLocalReferenceLeavingThePackageResolvesToNothing(String written) {
        assertEquals(Optional.empty(), new LocalReference(written).resolveFrom("a.prmd"));
    }

    @ParameterizedTest
    @CsvSource({
        "@prompd/core@0.0.1/prompts/base.prmd, @prompd/core, 0.0.1, prompts/base.prmd",
        "@prompd/core/prompts/base.prmd, @prompd/core, '', prompts/base.prmd",
        "@prompd/core@^1.2, @prompd/core, ^1.2, ''",
        "@prompd/core, @prompd/core, '', ''",
        "tools@1.0.0/x.prmd, tools, 1.0.0, x.prmd"})
    void parsesPackageReferences(String written, String name, String selector, String path) {
        PackageReference reference = assertInstanceOf(PackageReference.class, References.parse(written, List.of()));
        assertEquals(PackageName.parse(name), reference.packageName());
        assertEquals(selector, reference.selector());
        assertEquals(path, reference.path());
        assertEquals(Optional.empty(), reference.alias());
    }

    @Test
    void anUnscopedPathWithoutVersionIsLocal() {
        assertInstanceOf(LocalReference.class, References.parse("prompts/base.prmd", List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@prompd", "@Prompd/core/x.md", "@prompd/core@/x.md", "@prompd/Core@1.0.0"})
    void rejectsMalformedPackageReferences(String written) {
        assertThrows(IllegalArgumentException.class, () -> References.parse(written, List.of()));
    }

    @Test
    void expandsAnAliasPrefixOnlyAtAPathBoundary() {
        Alias core = new Alias("@prompd/core@0.0.1", References.parsePackage("@prompd/core@0.0.1"), "@core",
                "/using/0");
        PackageReference expanded = assertInstanceOf(PackageReference.class,
                References.parse("@core/prompts/base.prmd", List.of(core)));
        assertEquals(PackageName.parse("@prompd/core"), expanded.packageName());
        assertEquals("0.0.1", expanded.selector());
        assertEquals("prompts/base.prmd", expanded.path());
        assertEquals("@core/prompts/base.prmd", expanded.written());
        PackageReference other = assertInstanceOf(PackageReference.class,
                References.parse("@corex/tools/a.prmd", List.of(core)));
        assertEquals(PackageName.parse("@corex/tools"), other.packageName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "./a.md | true", "../a b.md | true", "contexts/a.xlsx | true", "notes.txt | true",
        "/etc/hosts.md | true", "~/secret.md | true", "file:///etc/passwd | true", "https://example.com/x.md | true",
        "Be concise. | false", "You are an expert. | false", "Answer in JSON | false", "a.md\\nmore | false",
        "/imagine a cat | false", "Note: | false", "See https://example.com | false",
        "@common/base-prompts@^2.0.0/contexts/style.md | true", "util@~1.2/contexts/a.md | true",
        "@common/base-prompts@>=2 <3/contexts/style.md | true", "@here is a note. | false",
        "@common/base-prompts@2.0.0 - 3.0.0/prompts/nothere | true", "util@>=1.0.0 <2.0.0/notes | true",
        "@alice/bob please review this | false", "@alice/bob@ 2 or 3/4 of it | false",
        "@alice/bob@1 - 2/3 of the plan | false", "@alice/Bob@>=1 <2/x.md | false", "@alice/bob@>=1 <2/ | false",
        "@common/base-prompts@^2.0.0/prompts/nothere | true", "@zzz/notadep@^1.0.0/x | true",
        "util@~1.2/LICENSE | true",
        "@common/base-prompts@^2.0.0/../../../../etc/passwd | true", "@common/base-prompts/contexts/style | true",
        "@everyone/please | false", "@team: review this | false", "..\\contexts\\style.md | true",
        ".\\style.md | true", "contexts\\style.md | true", "..\\contexts\\style | true", "a\\b | false",
        "Use \\ between folders.md | false", "contexts//style.md | true", "..//contexts/style | true"})
    void classifiesMessageEntriesAsFilesOrText(String text, boolean file) {
        PromptPart part = References.part(text.replace("\\n", "\n"), "/system", List.of());
        assertEquals(file, part instanceof PromptPart.FilePart, part.toString());
    }

    /**
     * A path is told from text by the same rule whatever script its letters and digits are of, decomposed ones (as
     * macOS writes names) and a Persian name's zero-width non-joiner included: each entry reads as its ASCII twin does.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "data/olcum.bin | data/ölçüm.bin | true", "notes.md | nötes.md | true", "contexts/ja.md | contexts/日本.md | true",
        "contexts/o.md | contexts/ö.md | true", "system.md | sÿstem.md | true", "user.md | usér.md | true",
        "data/olcum.bin | data/o\u0308lc\u0327u\u0308m.bin | true", "contexts/3.md | contexts/٣.md | true",
        "contexts/mikhaham.md | contexts/می\u200cخواهم.md | true", "notes.txt | заметки.txt | true",
        "notes/a1.md | заметки/а١.md | true", "Be concise. | Sé conciso. | false",
        "Answer in Japanese | 日本語で答えてください。 | false", "@a/b@^1.0.0/x.md | @a/b@^1.0.0/日本.md | true"})
    void anEntryReadsAsItsAsciiTwinDoesWhateverScriptItsLettersAre(String ascii, String other, boolean file) {
        for (String text : List.of(ascii, other)) {
            PromptPart part = References.part(text, "/context", List.of());
            assertEquals(file, part instanceof PromptPart.FilePart, part.toString());
        }
    }

    /** Text without spaces in a script that writes none between words, with a full stop inside, is text. */
    @ParameterizedTest
    @ValueSource(strings = {"数据以...编码存储", "请阅读.然后回答", "notes.тхт"})
    void anEntryWhoseExtensionIsNotAsciiIsText(String text) {
        assertInstanceOf(PromptPart.TextPart.class, References.part(text, "/context", List.of()), text);
    }

    /** Words are parted by spaces of any script, the ideographic and the no-break ones too, as by the ASCII one. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "~/x read it | ~/x\u3000を読む", "/imagine a cat | /imagine\u00a0a\u00a0cat",
        "@alice/bob please review/this | @alice/bob\u00a0please\u00a0review/this",
        "@alice/bob@1 - 2/3 of the plan | @alice/bob@1\u3000-\u30002/3\u3000of\u3000the\u3000plan"})
    void anEntryWhoseWordsArePartedBySpacesOfAnyScriptIsTextAsWithAsciiSpaces(String ascii, String other) {
        for (String text : List.of(ascii, other)) {
            assertInstanceOf(PromptPart.TextPart.class, References.part(text, "/system", List.of()), text);
        }
    }

    @Test
    void aMessageEntryThroughAnAliasIsAFileWithOrWithoutAnExtension() {
        Alias util = new Alias("@common/util@^1.0.0", References.parsePackage("@common/util@^1.0.0"), "@util",
                "/using/0");

        PromptPart part = References.part("@util/notes", "/context", List.of(util));

        PackageReference reference = assertInstanceOf(PackageReference.class,
                assertInstanceOf(PromptPart.FilePart.class, part).reference());
        assertEquals("notes", reference.path());
        assertInstanceOf(PromptPart.TextPart.class, References.part("@util/notes", "/context", List.of()));
    }

    @ParameterizedTest
    @CsvSource({"prompts/../README.md, ..", "./x.md, .", "a/./b/../c, ..", "..\\x, ..", "prompts/a..b.md, ''",
        "prompts/.hidden, ''"})
    void aPackagePathsDotSegmentIsFound(String path, String segment) {
        PackageReference reference = References.parsePackage("@common/util@^1.0.0/" + path);

        assertEquals(segment.isEmpty() ? Optional.empty() : Optional.of(segment), reference.dotSegment());
    }
}
