package io.prompd.generator.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
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
        assertEquals(kind == ChangedPath.Kind.OTHER, classified.misfit().isPresent());
    }

    @Test
    void versionFileKnowsItsVersion() {
        ChangedPath file = ChangedPath.of("packages/@a/b/1.0.0+x/prompts/y.prmd");

        assertEquals("@a/b@1.0.0+x", file.packageVersion().orElseThrow().toString());
    }

    @ParameterizedTest(name = "{0} lies at {1}")
    @CsvSource({
            "packages/@a/b/1.0.0/prompd.json, packages/@a/b/1.0.0/prompd.json",
            "packages/@a/b/meta.json, packages/@a/b/meta.json",
            "packages/@a/b/notes.txt, packages/@a/b/notes.txt",
            "packages/@a/B/1.0.0/prompts/x.prmd, packages/@a/B",
            "packages/@A/b/1.0.0/prompts/x.prmd, packages/@A",
            "packages/@a/b/1.0/prompts/x.prmd, packages/@a/b/1.0",
            "docs/guide/README.md, docs",
            "NOTES.txt, NOTES.txt"})
    void aFileBelowAFolderThatDoesNotFitLiesAtThatFolder(String path, String place) {
        assertEquals(place, ChangedPath.of(path).place());
    }

    /** Only a folder whose name is no package name waits for the names in use to be offered the one it means. */
    @ParameterizedTest(name = "{0} is the misnamed package folder ''{1}''")
    @CsvSource({
            "packages/@a/B/1.0.0/prompts/x.prmd, @a/B",
            "packages/_b/1.0.0/prompd.json, _b",
            "packages/@a/B, ''",
            "packages/@A/b/1.0.0/prompd.json, ''",
            "packages/@a/b/v2/prompd.json, ''",
            "packages/@a/b/1.0.0/prompd.json, ''"})
    void knowsAMisnamedPackageFolder(String path, String misnamed) {
        assertEquals(Optional.of(misnamed).filter(name -> !name.isEmpty()), ChangedPath.of(path).misnamedPackage());
    }

    @Test
    void otherPathSaysWhyItDoesNotFit() {
        assertTrue(ChangedPath.of("packages/@a/b/v2/prompd.json").misfit().orElseThrow().message()
                .contains("'v2' of @a/b is not a version"));
    }
}
