package io.prompd.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
            "README.md, README.md, true",
            "README.md, readme.md, false",
            "*.md, README.md, true",
            "*.md, docs/README.md, false",
            "docs/*.md, docs/a.md, true",
            "docs/*.md, docs/sub/a.md, false",
            "docs/**, docs/sub/a.md, true",
            "docs/**, docs, true",
            "**/*.md, a.md, true",
            "**/*.md, x/y/z/a.md, true",
            "**/b/**, a/b/c, true",
            "**/b/**, a/bb/c, false",
            "a/**/z, a/z, true",
            "a/**/z, a/b/c/z, true",
            "a/**/z, a/b/c/y, false",
            "?.txt, a.txt, true",
            "?.txt, ab.txt, false",
            "a*b*c, abbbbc, true",
            "a*b*c, abcb, false",
            "*, .env, true",
            "*.prmd, .prmd, true",
            "***, anything, true",
            "[a-z]bc.txt, abc.txt, true",
            "[a-z]bc.txt, Abc.txt, false",
            "[abc]*, b.md, true",
            "[abc]*, d.md, false",
            "[!x]y, ay, true",
            "[!x]y, xy, false",
            "[!x]y, !y, true",
            "[a-c]x, -x, false",
            "[\\!a]x, !x, true",
            "[\\!a]x, \\x, false",
            "[^]]b, xb, true",
            "x[, x[, true",
            "x[!, x[!, true",
            "[^x]y, xy, false",
            "[^x]y, zy, true",
            "[]a]b, ]b, true",
            "[]a]b, ab, true",
            "[a-]b, -b, true",
            "[-a]b, -b, true",
            "[-a]b, bb, false",
            "\\[:ab:], [:ab:], true",
            "[!]]b, ]b, false",
            "[!]]b, xb, true",
            "x[a, x[a, true",
            "[], [], true",
            "\\[a\\]bc.txt, [a]bc.txt, true",
            "\\[a\\]bc.txt, abc.txt, false",
            "[[]a]bc.txt, [a]bc.txt, true",
            "\\*.md, *.md, true",
            "\\*.md, a.md, false",
            "a\\?, a?, true",
            "a\\?, ab, false",
            "[a\\]]x, ]x, true",
            "\\!keep, !keep, true",
            "caf[éè].md, café.md, true",
            "caf[éè].md, cafe.md, false",
            "[ド]*.txt, ドキュメント.txt, true",
            "[ぁ-ん].md, の.md, true",
            "[ぁ-ん].md, ノ.md, false",
            "?.md, 😀.md, true",
            "[😀-😂].md, 😁.md, true",
            "[!😀].md, 😀.md, false",
            "*😀*, a😀b, true",
            "docs/[a-c]*/**, docs/b1/x/y.md, true",
            "docs/[a-c]*/**, docs/d1/x/y.md, false",
    })
    void matches(String glob, String path, boolean expected) {
        assertEquals(expected, Glob.compile(glob).matches(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "dir/", "a//b"})
    void rejectsEmptyAbsoluteOrHollowGlobsSayingHowToWriteThem(String glob) {
        InvalidPatternException refused = assertThrows(InvalidPatternException.class, () -> Glob.compile(glob));

        assertEquals("the pattern '" + glob + "' is not a relative path of names between single '/'",
                refused.getMessage());
        assertEquals("write the path from the package root, with one '/' between folders and none first or last",
                refused.hint());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "docs\\guide.md|the pattern 'docs\\guide.md' has a backslash that escapes no wildcard|write"
                    + " 'docs/guide.md': use '/' between folders, and '\\' only before one of *?[]!\\ to match it as"
                    + " itself",
            "a\\b\\*.md|the pattern 'a\\b\\*.md' has a backslash that escapes no wildcard|write 'a/b/*.md': use '/'"
                    + " between folders, and '\\' only before one of *?[]!\\ to match it as itself",
            "a.md\\|the pattern 'a.md\\' has a backslash that escapes no wildcard|use '/' between folders, and '\\'"
                    + " only before one of *?[]!\\ to match it as itself",
            "[z-a].md|the pattern '[z-a].md' has the range z-a, which runs backwards|write it as a-z",
            "[[:alpha:]]*|the pattern '[[:alpha:]]*' has the named class [:alpha:], which prompd does not read|list"
                    + " the characters or write a range, as [a-zA-Z]",
    })
    void refusesWhatWouldSilentlyMatchNothingSayingHowToWriteIt(String glob, String message, String hint) {
        InvalidPatternException refused = assertThrows(InvalidPatternException.class, () -> Glob.compile(glob));

        assertEquals(message, refused.getMessage());
        assertEquals(hint, refused.hint());
    }

    @org.junit.jupiter.api.Test
    void matchesAFolderPrefixOfAPath() {
        String[] segments = Glob.segmentsOf("docs/guide/intro.md");
        Glob docs = Glob.compile("docs/guide");
        assertEquals(true, docs.matches(segments, 2));
        assertEquals(false, docs.matches(segments, 3));
    }
}
