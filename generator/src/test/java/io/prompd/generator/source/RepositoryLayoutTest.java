package io.prompd.generator.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryLayoutTest {

    @ParameterizedTest
    @CsvSource({
        "packages/@common/base/1.0.0/prompd.json, @common/base, 1.0.0",
        "packages/tools/2.0.0-beta.1/prompd.json, tools, 2.0.0-beta.1"})
    void findsTheVersionOfAManifest(String path, String name, String version) {
        assertEquals(Optional.of(new PackageVersion(PackageName.parse(name), Version.parse(version))),
                RepositoryLayout.manifestOwner(path));
    }

    /** The pull request's paths, pasted into a shell as the hints spell them, are one word each. */
    @Test
    void thePathsInSuggestedCommandsAreShellQuoted() {
        assertEquals("remove the inner .git folder (rm -rf 'packages/tools/1.0.0 copy/.git'), then run 'git rm --cached"
                + " 'packages/tools/1.0.0 copy'' and 'git add 'packages/tools/1.0.0 copy'' to commit its files",
                RepositoryLayout.embeddedRepository("packages/tools/1.0.0 copy").hint());
        assertTrue(RepositoryLayout.symbolicLink("packages/tools/$HOME").hint()
                .endsWith("remove it with 'git rm 'packages/tools/$HOME''"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "packages/tools/1.0.0/README.md",
        "packages/tools/1.0.0/nested/prompd.json",
        "packages/tools/v1/prompd.json",
        "packages/Bad_Name/1.0.0/prompd.json",
        "packages/@common/1.0.0/prompd.json",
        "other/tools/1.0.0/prompd.json",
        "packages/prompd.json"})
    void ignoresAnyOtherPath(String path) {
        assertTrue(RepositoryLayout.manifestOwner(path).isEmpty());
    }

    /** The hint gives the fix, as the client's refusal of such a name does, where the general layout helps nobody. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "My.Package | package names are lower case, so rename the folder to packages/my.package/",
        "_private | package names start with a letter or digit, so rename the folder to packages/private/",
        ".hidden | package names start with a letter or digit, so rename the folder to packages/hidden/",
        "@acme/_Tool | package names are lower case and start with a letter or digit, so rename the folder to"
                + " packages/@acme/tool/",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | a package name is at most 64 characters,"
                + " so rename the folder to a shorter name",
        "my package | package names write '-' for a space, so rename the folder to packages/my-package/",
        "my/package | package folders are packages/<name>/<version>/ or packages/@<scope>/<name>/<version>/"})
    void anInvalidPackageFolderNameIsHintedItsFix(String folder, String hint) {
        assertEquals(hint, RepositoryLayout.packageNameMisfit(folder).orElseThrow().hint());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "@Common | scopes are written in small letters, so rename the folder to packages/@common/",
        "@my team | rename the folder to a valid scope, such as @my-team"})
    void anInvalidScopeFolderIsHintedTheScopeMeantWhereOnlyItsCaseIsWrong(String scope, String hint) {
        assertEquals(hint, RepositoryLayout.scopeMisfit(scope).orElseThrow().hint());
    }

    @Test
    void aFolderNameAProblemQuotesIsLeftForTheReportToSpellOutButForALineBreak() {
        assertEquals(List.of("'a\u001bb' is not a valid package name", "'@s\u202ec' is not a valid scope",
                        "the folder 'v^J1' of tools is not a version"),
                Stream.of(RepositoryLayout.packageNameMisfit("a\u001bb"), RepositoryLayout.scopeMisfit("@s\u202ec"),
                                RepositoryLayout.versionFolderMisfit(PackageName.parse("tools"), "v\n1",
                                        Optional.empty()))
                        .map(misfit -> misfit.orElseThrow().message().replaceAll(":.*", "")).toList());
    }
}
