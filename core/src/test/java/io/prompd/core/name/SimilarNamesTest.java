package io.prompd.core.name;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarNamesTest {

    private static List<PackageName> names(String... texts) {
        return Arrays.stream(texts).map(PackageName::parse).toList();
    }

    @Test
    void theClosestFirstAndOnlyClose() {
        assertEquals(names("@acme/greet", "@acme/greeter", "@acme/greeters"), SimilarNames.among(
                names("@acme/greeter", "@acme/greet", "@acme/other-thing", "@acme/greeters"),
                PackageName.parse("@acme/greetr")));
    }

    @Test
    void aLookalikeThenTheSameNameInAnotherScopeComeBeforeTypos() {
        List<PackageName> known = names("@prompd/code-reviewer", "@acme/code-reviewer", "code-review", "codereviewer1");
        assertEquals(names("@acme/code-reviewer", "@prompd/code-reviewer", "code-review"),
                SimilarNames.among(known, PackageName.parse("code-reviewer")));
        assertEquals(names("codereviewer1"), SimilarNames.among(known, PackageName.parse("code-reviewer-l")));
    }

    @Test
    void aScopedNamesNamesakeInAnotherScopeIsNotOffered() {
        List<PackageName> known = names("@data/csv-toolkit", "csv-toolkit", "@comapny/csv-toolkit");
        assertEquals(names("@comapny/csv-toolkit"),
                SimilarNames.among(known, PackageName.parse("@company/csv-toolkit")));
    }

    @Test
    void theNameAskedIsNeverItsOwnSuggestion() {
        assertEquals(List.of(), SimilarNames.among(names("@a/x"), PackageName.parse("@a/x")));
    }

    @Test
    void suggestionsReadAsOneQuestion() {
        assertEquals("did you mean @a/x?", SimilarNames.didYouMean(names("@a/x")));
        assertEquals("did you mean @a/x, @a/y or @b/x?", SimilarNames.didYouMean(names("@a/x", "@a/y", "@b/x")));
    }
}
