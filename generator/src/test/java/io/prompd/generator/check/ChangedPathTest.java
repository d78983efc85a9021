package io.prompd.generator.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangedPathTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "packages/@a/b/1.0.0/prompd.json, VERSION_FILE",
            "packages/b/1.0.0-beta.1+build/prompts/x.prmd, VERSION_FILE",
            "packages/@a/b/meta.json, META",
            "packages/b/meta.json, META",
            "registry.json, SETTINGS",
            "scopes.json, SETTINGS",
            "README.md, REPOSITORY_FILE",
            "CONTRIBUTING.md, REPOSITORY_FILE",
            "LICENSE, REPOSITORY_FILE",
            ".github/workflows/check.yml, REPOSITORY_FILE",
            "docs/README.md, OTHER",
            "packages/README.md, OTHER",
            "packages/@a/b/notes.txt, OTHER",
            "packages/@a/B/1.0.0/prompd.json, OTHER",
            "packages/@a/b/1.0/prompd.json, OTHER",
            "packages/@a/meta.json, OTHER"})
    void classifiesPaths(String path, ChangedPath.Kind kind) {
        ChangedPath classified = ChangedPath.of(path);

        assertEquals(kind, classified.kind());
        assertEquals(kind == ChangedPath.Kind.OTHER, !classified.reason().isEmpty());
    }

    @Test
    void versionFileKnowsItsVersion() {
        ChangedPath file = ChangedPath.of("packages/@a/b/1.0.0+x/prompts/y.prmd");

        assertEquals("@a/b@1.0.0+x", file.packageVersion().orElseThrow().toString());
    }

    @Test
    void otherPathSaysWhyItDoesNotFit() {
        assertTrue(ChangedPath.of("packages/@a/b/v2/prompd.json").reason().contains("'v2' of @a/b is not a version"));
    }
}
