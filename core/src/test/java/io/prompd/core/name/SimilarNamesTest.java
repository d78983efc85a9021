package io.prompd.core.name;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
    void aShortNameIsHeldToTheFewEditsOfAShortWord() {
        assertEquals(List.of(), SimilarNames.among(names("xyz", "cd"), PackageName.parse("ab")),
                "two edits change all of 'ab', three more than all");
        assertEquals(names("ac"), SimilarNames.among(names("xyz", "cd", "ac"), PackageName.parse("ab")));
        assertEquals(names("@a/x"), SimilarNames.among(names("@a/x", "@b/yz"), PackageName.parse("@a/y")));
    }

    @Test
    void aScopedNamesNamesakeInAnotherScopeIsNotOffered() {
        List<PackageName> known = names("@data/csv-toolkit", "csv-toolkit", "@comapny/csv-toolkit");
        assertEquals(names("@comapny/csv-toolkit"),
                SimilarNames.among(known, PackageName.parse("@company/csv-toolkit")));
        assertEquals(List.of(), SimilarNames.among(names("sql-explainer", "@y/sql-explainer"),
                PackageName.parse("@x/sql-explainer")), "three edits, but the scope's whole name: another owner's");
    }

    @Test
    void aScopedNameGetsItsNamesakesAndNearNamesakesInTheRegistrysOtherScopesWhenItsScopeIsThereToo() {
        List<PackageName> known = names("@common/base-prompts", "@prompd/code-reviewer", "@writing/summarizer",
                "@data/csv-toolkit", "csv-toolkit", "@data/x", "@data/csv-toolkits");
        assertEquals(names("@common/base-prompts"),
                SimilarNames.among(known, PackageName.parse("@prompd/base-prompts")));
        assertEquals(names("@prompd/code-reviewer"),
                SimilarNames.among(known, PackageName.parse("@common/code-reviewer")));
        assertEquals(names("@writing/summarizer"), SimilarNames.among(known, PackageName.parse("@data/summarizer")));
        assertEquals(names("@writing/summarizer"), SimilarNames.among(known, PackageName.parse("@data/summariser")),
                "a scope and a letter off");
        assertEquals(List.of(), SimilarNames.among(known, PackageName.parse("@data/sumariser")),
                "a scope and two letters off are too far");
        assertEquals(names("@data/csv-toolkit", "csv-toolkit", "@data/csv-toolkits"),
                SimilarNames.among(known, PackageName.parse("@prompd/csv-toolkit")),
                "the namesakes, an unscoped one too, before one a letter off");
        assertEquals(List.of(), SimilarNames.among(known, PackageName.parse("@prompd/y")), "one letter is no name");
    }

    @Test
    void amongTheUsersOwnNamesAScopedNamesNamesakesAreOfferedWhateverItsScope() {
        List<PackageName> own = names("@data/csv-toolkit", "@y/sql-explainer", "@writing/summarizer");
        assertEquals(names("@data/csv-toolkit"), SimilarNames.amongOwn(own, PackageName.parse("@company/csv-toolkit")));
        assertEquals(names("@y/sql-explainer"), SimilarNames.amongOwn(own, PackageName.parse("@x/sql-explainer")));
        assertEquals(names("@writing/summarizer"), SimilarNames.amongOwn(own, PackageName.parse("@data/summariser")),
                "a scope and a letter off, as among a registry's");
        assertEquals(List.of(), SimilarNames.amongOwn(own, PackageName.parse("@x/sumariser")),
                "a scope and two letters off are too far");
        assertEquals(List.of(), SimilarNames.among(own, PackageName.parse("@company/csv-toolkit")),
                "a registry's names keep their guard");
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

    @Test
    void severalNamesAskedGetEachTheirOwnInOneQuestion() {
        List<PackageName> known = names("@a/greeter", "@a/greet", "@b/writer");
        assertEquals(Optional.of("did you mean @a/greet or @a/greeter?"),
                SimilarNames.didYouMeanAmongOwn(names("@a/greete"), known));
        assertEquals(Optional.of("did you mean @a/greet or @a/greeter for @a/greete, and @b/writer for @b/writr?"),
                SimilarNames.didYouMeanAmongOwn(names("@a/greete", "@c/other-thing", "@b/writr"), known));
        assertEquals(Optional.of("did you mean @b/writer for @b/writr?"),
                SimilarNames.didYouMeanAmongOwn(names("@c/other-thing", "@b/writr"), known));
        assertEquals(Optional.empty(), SimilarNames.didYouMeanAmongOwn(names("@c/other-thing"), known));
    }
}
