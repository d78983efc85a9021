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
    })
    void matches(String glob, String path, boolean expected) {
        assertEquals(expected, Glob.compile(glob).matches(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "dir/", "a//b"})
    void rejectsEmptyAbsoluteOrHollowGlobs(String glob) {
        assertThrows(IllegalArgumentException.class, () -> Glob.compile(glob));
    }

    @org.junit.jupiter.api.Test
    void matchesAFolderPrefixOfAPath() {
        String[] segments = Glob.segmentsOf("docs/guide/intro.md");
        Glob docs = Glob.compile("docs/guide");
        assertEquals(true, docs.matches(segments, 2));
        assertEquals(false, docs.matches(segments, 3));
    }
}
