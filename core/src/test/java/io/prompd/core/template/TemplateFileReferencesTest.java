package io.prompd.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateFileReferencesTest {

    private final String body = "line 1\n{% include ... %}";
    private final TemplateFileReferences files = new TemplateFileReferences(new BodyLines(body, 1));

    @Test
    void eachBranchOfAConditionIsAFileOfItsOwnAndTheFilesOfAListAreAlternativesAtTheTagsLine() {
        files.read("{% include ... %}", " 'a.md' if x else ['b.md', \"c.md\"] ignore missing", 7, 1);

        assertEquals(List.of(new TemplateScan.FileUse("a.md", 2, true, List.of()),
                new TemplateScan.FileUse("b.md", 2, true, List.of("c.md")),
                new TemplateScan.FileUse("c.md", 2, true, List.of("b.md"))), files.found());
    }

    @Test
    void aLiteralThatIsOnlyPartOfANameIsNoFileButOneBesideANameComputedMayBeMissing() {
        files.read("{% include 'parts/' ~ name %}", " 'parts/' ~ name", 0, 1);
        files.read("{% include [name, 'default.md'] with context %}", " [name, 'default.md'] with context", 0, 1);
        files.read("{% import \"m.md\" as lib %}", " \"m.md\" as lib", 0, 1);

        assertEquals(List.of(new TemplateScan.FileUse("default.md", 1, true, List.of()),
                new TemplateScan.FileUse("m.md", 1, false, List.of())), files.found());
        assertEquals(List.of(new TemplateScan.ComputedFile("{% include 'parts/' ~ name %}", 1),
                new TemplateScan.ComputedFile("{% include [name, 'default.md'] with context %}", 1)), files.computed());
    }

    @Test
    void aTagWhoseBranchesAreAllComputedIsOneComputedFile() {
        files.read("{% include a if x else b %}", " a if x else b", 0, 1);

        assertEquals(List.of(new TemplateScan.ComputedFile("{% include a if x else b %}", 1)), files.computed());
    }
}
