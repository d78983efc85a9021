package io.prompd.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternTest {

    @ParameterizedTest(name = "ignore {0} ~ {1} -> {2}")
    @CsvSource({
            "*.log, debug.log, true",
            "*.log, logs/deep/debug.log, true",
            "*.log, debug.log.txt, false",
            "dist/**, dist/a.js, true",
            "dist/**, src/dist/a.js, false",
            "dist/, dist/a.js, true",
            "dist/, src/dist/a.js, true",
            "dist/, dist, false",
            "/dist, dist/a.js, true",
            "/dist, src/dist/a.js, false",
            "dist, src/dist, true",
            ".env*, .env, true",
            ".env*, config/.env.local, true",
            ".git/**, .git/HEAD, true",
            ".vscode/**, .vscode/settings.json, true",
            "docs/*.md, docs/a.md, true",
            "docs/*.md, x/docs/a.md, false",
            "!keep.log, keep.log, true",
            "./*.md, notes.md, true",
            "./*.md, docs/notes.md, false",
            "./drafts/, drafts/a.md, true",
            "contexts/[a-z]bc.txt, contexts/abc.txt, true",
            "[!a]*.log, logs/b.log, true",
            "[!a]*.log, a.log, false",
            "\\!keep.log, !keep.log, true",
            "cafe\u0301.txt, caf\u00e9.txt, true",
            "caf\u00e9.txt, cafe\u0301.txt, true",
            "caf[e\u0301].txt, caf\u00e9.txt, true",
    })
    void ignoreRules(String rule, String path, boolean expected) {
        assertEquals(expected, PathPattern.ignoreRule(rule).matches(path));
    }

    @Test
    void leadingBangNegates() {
        assertTrue(PathPattern.ignoreRule("!keep.log").negated());
        assertFalse(PathPattern.ignoreRule("\\!keep.log").negated(), "an escaped '!' names a file starting with one");
    }

    @ParameterizedTest(name = "files {0} ~ {1} -> {2}")
    @CsvSource({
            "prompts/a.prmd, prompts/a.prmd, true",
            "prompts/a.prmd, prompts/a.prmd.bak, false",
            "prompts, prompts/a.prmd, true",
            "prompts/, prompts/deep/a.prmd, true",
            "./prompts, prompts/a.prmd, true",
            "/prompts, prompts/a.prmd, true",
            "prompts/*.prmd, prompts/a.prmd, true",
            "**/*.md, docs/x.md, true",
            "a.md, docs/a.md, false",
            "contexts/[a]bc.txt, contexts/abc.txt, true",
            "contexts/\\[a\\]bc.txt, contexts/[a]bc.txt, true",
            "contexts/cafe\u0301.txt, contexts/caf\u00e9.txt, true",
    })
    void filesEntries(String entry, String path, boolean expected) {
        assertEquals(expected, PathPattern.filesEntry(entry).matches(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "!", "./", "../outside", "a/./b", "a\\b"})
    void refusesIgnoreRulesThatNameNothingOrLeaveTheRoot(String rule) {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.ignoreRule(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "./", "../outside", "a/./b", "a\\b"})
    void refusesFilesEntriesThatNameNothingOrLeaveTheRoot(String entry) {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.filesEntry(entry));
    }

    @Test
    void aRefusalSaysWhichRuleTheEntryBreaks() {
        assertRefused("/", "the pattern '/' names no file", "name a file, a folder or a glob, or remove the entry");
        assertRefused("../outside", "the pattern '../outside' leads outside the package",
                "patterns are relative to the package root: write the path from there, without '..'");
        assertRefused("a/./b", "the pattern 'a/./b' has an empty or '.' segment",
                "patterns are relative to the package root: write one '/' between folders, and no '.' for a folder");
    }

    private static void assertRefused(String entry, String message, String hint) {
        InvalidPatternException refused = assertThrows(InvalidPatternException.class,
                () -> PathPattern.filesEntry(entry));

        assertEquals(message, refused.getMessage());
        assertEquals(hint, refused.hint());
    }
}
