package io.prompd.generator.check;

import static io.prompd.generator.check.PullRequestScenario.UTIL;
import static io.prompd.generator.check.PullRequestScenario.assertError;
import static io.prompd.generator.check.PullRequestScenario.assertErrorCount;
import static io.prompd.generator.check.PullRequestScenario.assertPassed;
import static io.prompd.generator.check.PullRequestScenario.check;
import static io.prompd.generator.check.PullRequestScenario.mergedMeanwhile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ProblemReport;
import io.prompd.core.problem.Severity;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.source.Scopes;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Files outside version folders: which may change, and what a changed meta.json must say. */
class PathAndMetaRulesTest extends PullRequestScenarioTest {

    private static final String VERSION_FOLDER_NAME = "a version folder is named as its version, MAJOR.MINOR.PATCH"
            + " with optional -PRERELEASE and +BUILD, such as 1.2.0 or 2.0.0-beta.1";

    private static final String META = "packages/@common/util/meta.json";

    @Test
    void strayFileInAPackageFolderIsRefused() {
        repo.write("packages/@common/util/notes.txt", "todo\n");
        repo.commit("notes");

        assertError(check(repo, "alice"), "packages/@common/util/notes.txt", "holds only version folders");
    }

    /** A version folder refuses what pack never packs, so the hint to a package folder's cannot send it there. */
    @Test
    void aFileAVersionFolderRefusesTooIsNotToldToGoIntoOne() {
        repo.write("packages/@common/util/.gitattributes", "* -text\n");
        repo.write("packages/@common/util/.DS_Store", "x");
        repo.commit("attributes for the package");

        CheckReport report = check(repo, "alice");

        Problem attributes = assertError(report, "packages/@common/util/.gitattributes", "holds only version folders");
        assertEquals("delete it: a version folder refuses it too, as pack never packs Git's rule files (.gitignore,"
                + " .gitattributes, .gitmodules), which would change what a registry's repository stores; attributes"
                + " for the registry's files are the rules of its root .gitattributes, whose '* -text' stores every"
                + " file under packages/ as written", attributes.hint());
        Problem clutter = assertError(report, "packages/@common/util/.DS_Store", "holds only version folders");
        assertTrue(clutter.hint().startsWith("delete it: a version folder refuses it too, as pack never packs system"
                + " and editor files"), clutter.hint());
    }

    /**
     * Files the build refuses that are already on the base branch leave it by a pull request deleting them, which
     * the rule that refuses them must let pass, or a broken registry could not be repaired through the check.
     */
    @Test
    void aMaintainerDeletingWhatDoesNotFitUnderPackagesPasses() {
        straysOnMain();
        strays().forEach(repo::delete);
        repo.commit("delete the strays");

        assertPassed(check(repo, TestRegistryRepo.MAINTAINER));
    }

    /** A stray file belongs to nobody's package, a folder that does not fit being one place whatever it holds. */
    @Test
    void deletingWhatDoesNotFitUnderPackagesIsOnlyForMaintainers() {
        straysOnMain();
        strays().forEach(repo::delete);
        repo.commit("delete the strays");

        CheckReport report = check(repo, "alice");

        for (String place : List.of("packages/.gitkeep", "packages/@common/notes.txt",
                "packages/@common/util/notes.txt",
                "packages/Bad_Name")) {
            assertError(report, place, "only registry maintainers may change " + place + ", and alice is not one");
        }
        assertErrorCount(report, 4);
    }

    @Test
    void changingAStrayFileTheBaseAlreadyHasIsRefusedAsAddingItIs() {
        straysOnMain();
        repo.write("packages/@common/notes.txt", "y\n");
        repo.commit("edit a stray");

        assertError(check(repo, TestRegistryRepo.MAINTAINER), "packages/@common/notes.txt",
                "packages/ holds only package folders");
    }

    private void straysOnMain() {
        repo.checkout("main");
        strays().forEach(path -> repo.write(path, "x\n"));
        repo.commit("strays", TestRegistryRepo.MAINTAINER);
        repo.checkout("pr");
        repo.merge("main", "merge main", TestRegistryRepo.MAINTAINER);
    }

    private static List<String> strays() {
        return List.of("packages/.gitkeep", "packages/@common/notes.txt", "packages/@common/util/notes.txt",
                "packages/Bad_Name/1.0.0/prompd.json", "packages/Bad_Name/1.0.0/README.md");
    }

    @Test
    void aPackageCommittedWithItsOwnGitFolderIsCalledAnEmbeddedRepository() {
        repo.gitlink("packages/@common/util/1.1.0", repo.head());
        repo.commit("publish, with the package's .git");

        CheckReport report = check(repo, "alice");

        Problem problem = assertError(report, "packages/@common/util/1.1.0", "embedded Git repository (a submodule");
        assertTrue(problem.hint().contains("git rm --cached packages/@common/util/1.1.0"), problem.hint());
        assertErrorCount(report, 1);
    }

    @Test
    void aSubmoduleInsideANewVersionIsOneErrorCallingItAnEmbeddedRepositoryAndPartOfTheVersion() {
        String submodule = repo.publish("@common/util", "1.1.0") + "/prompts/shared";
        repo.gitlink(submodule, repo.head());
        repo.commit("publish, with a package's .git inside");

        CheckReport report = check(repo, "alice");

        assertError(report, submodule, "embedded Git repository (a submodule");
        assertErrorCount(report, 1);
        assertEquals(List.of(), report.otherChanges(), "the version is the change");
    }

    /** Pack names a folder it leaves out with a final '/', and the submodule node_modules as the entry it is. */
    @ParameterizedTest
    @CsvSource({"node_modules, node_modules", "node_modules/x, node_modules/"})
    void aSubmoduleThatPackLeavesOutIsOnlyTheErrorThatItsFolderIsNeverPacked(String entry, String leftOut) {
        String version = repo.publish("@common/util", "1.1.0");
        repo.gitlink(version + "/" + entry, repo.head());
        repo.commit("publish, with a dependency's .git inside");

        CheckReport report = check(repo, "alice");

        Problem problem = assertError(report, version + "/" + leftOut, "tooling state (.git, node_modules, .prompd)"
                + " is never packed");
        assertEquals("delete it from the version folder", problem.hint());
        assertErrorCount(report, 1);
        assertEquals(List.of(), report.otherChanges(), "the version is the change");
    }

    @Test
    void aFileBesideAFolderOfTheSameNameButForCaseIsRefused() {
        String version = repo.publish("@common/util", "1.1.0");
        repo.write(version + "/Prompts", "not a folder\n");
        repo.commit("publish, with a file macOS takes for the prompts folder");

        CheckReport report = check(repo, "alice");

        Problem problem = assertError(report, version + "/prompts/", "the folder differs from 'Prompts' only in"
                + " letter case, so they would be one name on Windows and macOS, which a file and a folder cannot"
                + " share");
        assertEquals("rename one of them", problem.hint());
        assertErrorCount(report, 1);
    }

    /** Greek's final sigma has the capital of σ: macOS and Windows hold the two names as one. */
    @Test
    void twoFilesEqualByCaseFoldingAreRefused() {
        String version = repo.publish("@common/util", "1.1.0");
        repo.write(version + "/contexts/\u03C3.md", "sigma\n");
        repo.write(version + "/contexts/\u03C2.md", "final sigma\n");
        repo.commit("publish, with two files macOS takes for one");

        CheckReport report = check(repo, "alice");

        assertError(report, version + "/contexts/\u03C3.md", "the path differs from 'contexts/\u03C2.md' only in"
                + " letter case, so they would be one file on Windows and macOS");
        assertErrorCount(report, 1);
    }

    @Test
    void fileOutsideTheRegistryLayoutIsRefused() {
        repo.write("NOTES.txt", "todo\n");
        repo.commit("notes");

        assertError(check(repo, TestRegistryRepo.MAINTAINER), "NOTES.txt", "this file is not part of a registry:"
                + " only packages/, registry.json, scopes.json, .gitattributes, .gitignore, CONTRIBUTING.md, LICENSE,"
                + " README.md and .github/ may change");
    }

    @Test
    void folderOutsideTheRegistryLayoutIsRefusedOnceForAllItsFiles() {
        repo.write("tools/publish.sh", "#!/bin/sh\n");
        repo.write("tools/lib/common.sh", "#!/bin/sh\n");
        repo.commit("scripts");

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertError(report, "tools", "this folder is not part of a registry");
        assertErrorCount(report, 1);
        assertEquals(List.of("tools"), report.otherChanges());
    }

    @Test
    void folderThatIsNoVersionIsRefusedOnceForAllItsFiles() {
        repo.write("packages/@common/util/v2/prompd.json", "{}\n");
        repo.write("packages/@common/util/v2/prompts/a.prmd", "---\nid: a\n---\nA\n");
        repo.commit("bad folder");

        CheckReport report = check(repo, "alice");

        assertError(report, "packages/@common/util/v2", "'v2' of @common/util is not a version");
        assertErrorCount(report, 1);
        assertEquals(List.of("packages/@common/util/v2"), report.otherChanges());
    }

    @Test
    void aFolderPutStraightIntoThePackageFolderIsToldTheLayoutAndOneMeantAsAVersionHowToNameIt() {
        repo.write("packages/@common/util/prompts/a.prmd", "---\nid: a\n---\nA\n");
        repo.write("packages/@common/util/1.2/prompd.json", "{}\n");
        repo.commit("bad folders");

        CheckReport report = check(repo, "alice");

        Problem content = assertError(report, "packages/@common/util/prompts", "is not a version");
        assertEquals("the folder 'prompts' of @common/util is not a version: " + VERSION_FOLDER_NAME,
                content.message());
        assertTrue(content.hint().startsWith("a package's files go in a version folder,"
                + " packages/@common/util/VERSION/"), content.hint());
        Problem meantAsVersion = assertError(report, "packages/@common/util/1.2", "is not a version");
        assertEquals("the folder '1.2' of @common/util is not a version: '1.2' should be exactly three numbers"
                + " separated by '.'; " + VERSION_FOLDER_NAME, meantAsVersion.message());
        assertEquals("name each version folder after its exact version, such as 1.2.3", meantAsVersion.hint());
        assertErrorCount(report, 2);
    }

    @Test
    void invalidPackageNameFolderIsRefusedOnceForAllItsVersions() {
        repo.write("packages/@common/Util/1.0.0/prompd.json", "{}\n");
        repo.write("packages/@common/Util/1.1.0/prompd.json", "{}\n");
        repo.commit("bad name");

        CheckReport report = check(repo, "alice");

        assertError(report, "packages/@common/Util", "'@common/Util' is not a valid package name");
        assertErrorCount(report, 1);
    }

    /**
     * The name a misnamed folder means is offered only when free: not a package's (at the base or the head), nor a
     * look-alike of one, nor what another misnamed folder of the pull request means, as its versions would go there. A
     * name ending with '.' was told to drop it, whatever package that left.
     */
    @Test
    void aMisnamedPackageFolderIsOfferedTheNameItMeansOnlyWhenNoOtherPackageHasIt() {
        for (String folder : List.of("_util", "_uti1", "_tool", ".Tool", "_fresh", "_new", "util.", "free.")) {
            repo.write("packages/@common/" + folder + "/1.0.0/prompd.json", "{}\n");
        }
        repo.publish("@common/ne-w", "1.0.0");
        repo.commit("misnamed folders");

        CheckReport report = check(repo, "alice");

        String startsWith = "package names start with a letter or digit, so rename the folder";
        String both = "package names are lower case and start with a letter or digit, so rename the folder";
        assertEquals(startsWith + " to a name of its own (@common/util is an existing package)",
                assertError(report, "packages/@common/_util", "is not a valid package name").hint());
        assertEquals(startsWith + " to a name of its own (@common/uti1 reads like the existing package @common/util)",
                assertError(report, "packages/@common/_uti1", "is not a valid package name").hint());
        assertEquals(startsWith + " to a name of its own (@common/tool is also the name meant by"
                + " packages/@common/.Tool)", assertError(report, "packages/@common/_tool", "not a valid").hint());
        assertEquals(both + " to a name of its own (@common/tool is also the name meant by packages/@common/_tool)",
                assertError(report, "packages/@common/.Tool", "is not a valid package name").hint());
        assertEquals(startsWith + " to a name of its own (@common/new reads like @common/ne-w, a package this pull"
                + " request adds)", assertError(report, "packages/@common/_new", "not a valid").hint());
        assertEquals(startsWith + " to packages/@common/fresh/",
                assertError(report, "packages/@common/_fresh", "is not a valid package name").hint());
        String ends = "package names do not end with '.', so rename the folder";
        Problem util = assertError(report, "packages/@common/util.", "is not a valid package name");
        assertEquals(ends + " to a name of its own (@common/util is an existing package)", util.hint());
        assertFalse(util.message().contains("remove"), util.message());
        assertEquals(ends + " to packages/@common/free/",
                assertError(report, "packages/@common/free.", "is not a valid package name").hint());
    }

    /** A folder naming an existing package in other letters' case holds a new version of it, misplaced. */
    @Test
    void aFolderNamingAnExistingPackageInAnotherCaseIsOfferedThatPackagesFolder() {
        repo.write("packages/@common/Util/1.1.0/prompd.json", "{}\n");
        repo.commit("a new version in a misspelt folder");

        CheckReport report = check(repo, "alice");

        assertEquals("package names are lower case, so rename the folder to packages/@common/util/",
                assertError(report, "packages/@common/Util", "is not a valid package name").hint());
    }

    /**
     * Only a folder naming an existing or added package but for letter case is a misplaced version of it, offered
     * that package's folder though another misnamed folder means the name too; one whose name in small letters is
     * no package's is judged as any misnamed folder, since that name may read like a package's.
     */
    @Test
    void onlyAFolderNamingAPackageInAnotherCaseIsOfferedThatPackagesFolder() {
        repo.write("packages/@common/U-til/1.0.0/prompd.json", "{}\n");
        repo.write("packages/@common/Util/1.1.0/prompd.json", "{}\n");
        repo.write("packages/@common/_util/1.0.0/prompd.json", "{}\n");
        repo.publish("@common/tone", "1.0.0");
        repo.write("packages/@common/Tone/1.1.0/prompd.json", "{}\n");
        repo.write("packages/@common/.tone/1.0.0/prompd.json", "{}\n");
        repo.commit("misnamed folders beside packages of their names");

        CheckReport report = check(repo, "alice");

        String lowerCase = "package names are lower case, so rename the folder";
        String startsWith = "package names start with a letter or digit, so rename the folder";
        assertEquals(lowerCase + " to a name of its own (@common/u-til reads like the existing package @common/util)",
                assertError(report, "packages/@common/U-til", "is not a valid package name").hint());
        assertEquals(lowerCase + " to packages/@common/util/",
                assertError(report, "packages/@common/Util", "is not a valid package name").hint());
        assertEquals(startsWith + " to a name of its own (@common/util is an existing package)",
                assertError(report, "packages/@common/_util", "is not a valid package name").hint());
        assertEquals(lowerCase + " to packages/@common/tone/",
                assertError(report, "packages/@common/Tone", "is not a valid package name").hint());
        assertEquals(startsWith + " to a name of its own (@common/tone is a package this pull request adds)",
                assertError(report, "packages/@common/.tone", "is not a valid package name").hint());
    }

    @Test
    void aPackageNamedAfterTheFolderNpmInstallsIntoIsRefused() {
        repo.publish("@common/node_modules", "1.0.0");
        repo.commit("a name tools skip");

        CheckReport report = check(repo, "alice");

        assertError(report, "packages/@common/node_modules", "'@common/node_modules' is not a valid package name: the"
                + " name 'node_modules' is a folder name tools treat specially");
        assertErrorCount(report, 1);
    }

    @Test
    void aTarballUnpackedIntoThePackageFolderWithNoVersionFolderIsToldTheLayout() {
        String folder = repo.publish("@common/base", "1.0.0");
        repo.move(folder, "packages/@common/base/package");
        repo.write("packages/@common/tools/prompd.json", "{\"name\": \"@common/tools\", \"version\": \"1.0.0\"}\n");
        repo.commit("publish, unpacked with tar -xzf");

        CheckReport report = check(repo, "alice");

        Problem unpackedWhole = assertError(report, "packages/@common/base/package", "is not a version");
        assertEquals("the folder 'package' of @common/base is not a version: " + VERSION_FOLDER_NAME,
                unpackedWhole.message());
        for (Problem problem : List.of(unpackedWhole,
                assertError(report, "packages/@common/tools/prompd.json", "holds only version folders"))) {
            String versionFolder = problem.file().substring(0, problem.file().lastIndexOf('/')) + "/VERSION";
            assertEquals("a package's files go in a version folder, " + versionFolder + "/: unpack its tarball there"
                    + " with 'tar -xzf TARBALL --strip-components=1 -C " + versionFolder + "'", problem.hint());
        }
    }

    @Test
    void aScopeFolderWrittenWithoutItsAtIsToldWhereTheScopedPackageBelongsByTheCheckAndTheBuildAlike()
            throws IOException {
        repo.write("packages/common/tips/1.0.0/prompd.json", "{\"name\": \"@common/tips\", \"version\": \"1.0.0\"}\n");
        repo.write("packages/common/tips/1.0.0/prompts/n.prmd", "---\nid: n\n---\nhi\n");
        ObjectId head = repo.commit("publish, the scope's folder without its @");

        Problem misplaced = checkedAsBuilt(head).get(0);

        assertEquals("packages/common/tips", misplaced.file());
        assertEquals("the folder 'tips' of common is not a version: " + VERSION_FOLDER_NAME, misplaced.message());
        assertEquals("it holds the version folder 1.0.0, so it is the folder of a package, and a scoped package's is"
                + " packages/@<scope>/<name>/ with the '@': move it to packages/@common/tips/, which puts 1.0.0 at"
                + " packages/@common/tips/1.0.0/", misplaced.hint());
    }

    @Test
    void everyMisfitIsReportedWhereTheBuildReportsItWithTheSameWords() throws IOException {
        repo.write("packages/@common/util/v1.1.0/prompd.json", "{}\n");
        repo.write("packages/@Common/base/1.0.0/prompd.json", "{}\n");
        repo.write("packages/Bad_Name/1.0.0/prompd.json", "{}\n");
        repo.write("packages/stray.txt", "x");
        repo.write("packages/@common/notes.txt", "x");
        repo.write("packages/@common/util/notes.txt", "x");
        ObjectId head = repo.commit("mess");

        assertEquals(List.of("packages/@Common", "packages/@common/notes.txt", "packages/@common/util/notes.txt",
                "packages/@common/util/v1.1.0", "packages/Bad_Name", "packages/stray.txt"),
                checkedAsBuilt(head).stream().map(Problem::file).toList());
    }

    /**
     * The registry follows no link, so one is no second name for the folder it points to: it is called what it is,
     * not a file to put into a version folder; one below a folder that does not fit is that folder's problem.
     */
    @Test
    void aSymbolicLinkWhereAFolderOrMetaJsonBelongsIsCalledOneByTheCheckAndTheBuildAlike() throws IOException {
        repo.symlink("packages/@common/util/1.0.1", "1.0.0");
        repo.symlink("packages/@common/util/meta.json", "../base/meta.json");
        repo.symlink("packages/@common/alias", "util");
        repo.symlink("packages/@data", "@common");
        repo.symlink("packages/@common/util/v2/prompd.json", "../1.0.0/prompd.json");
        ObjectId head = repo.commit("links");

        assertEquals(List.of(RepositoryLayout.symbolicLink("packages/@common/alias"),
                RepositoryLayout.symbolicLink("packages/@common/util/1.0.1"),
                RepositoryLayout.symbolicLink("packages/@common/util/meta.json"),
                RepositoryLayout.versionFolderMisfit(PackageName.parse("@common/util"), "v2", Optional.empty())
                        .orElseThrow(),
                RepositoryLayout.symbolicLink("packages/@data")), checkedAsBuilt(head));
    }

    /**
     * A name a Git tree above the version folders holds twice (git mktree writes one, git fsck calls it
     * duplicateEntries)
     * is an error at its path, whatever else the second entry brings: the registry would read the first one alone.
     */
    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {"packages/@common/util/1.0.0, packages/@common/util",
            "packages/@common/util, packages/@common", "packages/@common, packages", "packages, the repository's root"})
    void aFolderATreeAboveTheVersionFoldersHoldsTwiceIsAnErrorAtItsPath(String folder, String tree) {
        repo.commitNamedTwiceLike(folder, folder, "a folder named twice");

        Problem problem = assertError(check(repo, TestRegistryRepo.MAINTAINER), folder, "the Git tree of " + tree
                + " holds " + folder.substring(folder.lastIndexOf('/') + 1)
                + " twice (what git fsck calls duplicateEntries)");
        assertTrue(problem.hint().startsWith("rewrite the commit with Git itself"), problem.hint());
    }

    /**
     * An entry whose name is no single name (git hash-object -t tree --literally writes one; git fsck calls it
     * fullPathname, emptyName or hasDotdot) is the one error at the tree holding it, anywhere above the version
     * folders. Read by its path, packages/ holding 'a/1.0.0/notes.md' was the file notes.md of a version a/1.0.0 that
     * holds none, which the check passed and the build then refused; an empty name failed the check with an internal
     * error.
     */
    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {"packages, a/1.0.0/notes.md", "packages/@common, evil/0.1.0/x.md",
            "packages/@common/util, 1.0.1/prompd.json", "\"\", packages/@common/util/1.0.0/x.md",
            "packages/@common/util, ..", "packages/@common, .", "packages, \"\"",
            UTIL + ", docs/notes.md", UTIL + "/prompts, .."})
    void anEntryWhoseNameIsNoSingleNameIsTheOneErrorAtItsTree(String tree, String name) {
        repo.commitRawEntry(tree, name, "hello\n", "an entry written by hand");

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        Problem problem = assertError(report, tree, "the Git tree of " + (tree.isEmpty() ? "the repository's root"
                : tree) + " holds an entry named '" + name + "', which is no single name: ");
        assertTrue(problem.hint().startsWith("rewrite the commit with Git itself, which never writes such a tree (this"
                + " one was written by hand): add the files again with 'git add'"), problem.hint());
        assertErrorCount(report, 1);
    }

    /**
     * Such an entry in the repository's own folders, which the registry never reads, is an error all the same: the
     * check reads the paths a pull request changes there, and would have read .github/workflows/x.yml.
     */
    @Test
    void anEntryWhoseNameIsNoSingleNameInTheRepositorysOwnFoldersIsAnError() {
        repo.write(".github/workflows/ci.yml", "on: push\n");
        repo.commit("add CI", TestRegistryRepo.MAINTAINER);
        repo.commitRawEntry(".github", "workflows/x.yml", "on: push\n", "an entry written by hand");

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertError(report, ".github", "the Git tree of .github holds an entry named 'workflows/x.yml', which is no"
                + " single name");
        assertErrorCount(report, 1);
    }

    /** The build of the base branch reports such an entry there; a pull request that leaves it alone did not add it. */
    @Test
    void anEntryWhoseNameIsNoSingleNameAtTheMergeBaseIsNotThePullRequests() throws IOException {
        ObjectId base = repo.commitRawEntry("packages", "a/1.0.0/notes.md", "hello\n", "an entry written by hand");
        ObjectId head = repo.commitRawEntry("packages/@common", "b/1.0.0/notes.md", "hello\n", "and another");

        CheckReport report;
        try (RegistryRepository registry = repo.open()) {
            report = new PullRequestChecker(PullRequestScenario.CLOCK).check(registry, base, head,
                    Optional.of(TestRegistryRepo.MAINTAINER));
        }

        assertError(report, "packages/@common", "holds an entry named 'b/1.0.0/notes.md'");
        assertErrorCount(report, 1);
    }

    /** The first 1.0.0 is the one published, and the second, the one the diff shows, another package's files. */
    @Test
    void aPublishedVersionGivenTwiceWithOtherFilesIsAnErrorAtItsFolder() {
        repo.publish("@common/util", "1.0.1");
        repo.commit("publish 1.0.1");
        repo.commitNamedTwiceLike(UTIL, "packages/@common/util/1.0.1", "1.0.0 once more, with the files of 1.0.1");

        assertError(check(repo, "alice"), UTIL, "the Git tree of packages/@common/util holds 1.0.0 twice");
    }

    /** A changed registry.json or scopes.json reports the head's problems at it, this one among them, only once. */
    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {"packages/@common/util/meta.json, packages/@common/util",
            "scopes.json, the repository's root", "registry.json, the repository's root"})
    void aSettingsFileATreeHoldsTwiceIsOneErrorAtItsPath(String file, String tree) {
        repo.meta("@common/util", "{\"distTags\": {\"latest\": \"1.0.0\"}}\n");
        repo.commit("tag latest");
        repo.commitNamedTwice(file, "{}\n", "a file named twice");

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertError(report, file, "the Git tree of " + tree + " holds " + file.substring(file.lastIndexOf('/') + 1)
                + " twice (what git fsck calls duplicateEntries)");
        assertErrorCount(report, 1);
    }

    /**
     * The build of the base branch reports a name held twice there; a pull request that leaves it alone did not add it.
     */
    @Test
    void aNameHeldTwiceAtTheMergeBaseIsNotThePullRequests() throws IOException {
        ObjectId base = repo.commitNamedTwiceLike("packages/@common", "packages/@common", "a scope named twice");
        ObjectId head = repo.commitNamedTwice(Scopes.FILE, "{}\n", "scopes.json named twice");

        CheckReport report;
        try (RegistryRepository registry = repo.open()) {
            report = new PullRequestChecker(PullRequestScenario.CLOCK).check(registry, base, head,
                    Optional.of(TestRegistryRepo.MAINTAINER));
        }

        assertError(report, Scopes.FILE, "holds scopes.json twice");
        assertErrorCount(report, 1);
    }

    /**
     * A client's store writes {@code .util@<version>.integrity} through a temporary up to 65 bytes longer, the longest
     * name a version makes: 255 bytes with a version of 174, and the build writes it all. Such a version's files lie
     * deeper in the repository than Git for Windows takes by default, which the registry here allows.
     */
    @Test
    void aVersionWhoseFileNamesExceed255BytesIsRefusedAtItsFolderByTheCheckAndTheBuildAlike() throws IOException {
        String fits = "1.0.0-" + "r".repeat(168);
        String tooLong = "1.0.0-" + "r".repeat(169);
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.write("registry.json", """
                {"name": "Test registry", "baseUrl": "https://registry.example.test/",
                 "git": "https://git.example.test/registry.git", "maintainers": ["maintainer"],
                 "policy": {"maxPathLength": 300}}
                """));
        repo.publish("@common/util", fits);
        repo.publish("@common/util", tooLong);
        ObjectId head = repo.commit("two long versions");

        List<Problem> problems = checkedAsBuilt(head);

        assertEquals(1, problems.size(), problems.toString());
        Problem refused = problems.get(0);
        assertEquals("packages/@common/util/" + tooLong, refused.file());
        assertTrue(refused.message().startsWith("version " + tooLong + " of @common/util makes names longer than the"
                + " 255 bytes Linux and macOS allow a file name"), refused.message());
        assertTrue(refused.message().contains("publish a version of at most 174 bytes (this one has 175)"),
                refused.message());
    }

    /** What the check of a maintainer's pull request reports, asserted to be what the build of its head reports. */
    private List<Problem> checkedAsBuilt(ObjectId head) throws IOException {
        List<Problem> checked = check(repo, TestRegistryRepo.MAINTAINER).problems();
        try (RegistryRepository registry = repo.open()) {
            assertEquals(RegistrySnapshot.read(registry, head).problems(), checked);
        }
        return checked;
    }

    @Test
    void distTagToAMissingVersionIsRefused() {
        repo.meta("@common/util", "{\"distTags\": {\"latest\": \"1.0.0\", \"next\": \"2.0.0\"}}");
        repo.commit("tag");

        Problem problem = assertError(check(repo, "alice"), META, "'next' points to 2.0.0");

        assertEquals("/distTags/next", problem.pointer());
    }

    /** The hint gives a version of the package: a made-up one would name another missing folder. */
    @Test
    void anEntryOfAVersionThatWasNeverPublishedIsToldOneThatWas() {
        repo.publish("@common/util", "1.1.0");
        repo.meta("@common/util", "{\"distTags\": {\"next\": \"2.0.0\"}}");
        repo.commit("tag");

        assertEquals("name the exact version of a folder of the package, such as 1.1.0, or remove the entry",
                assertError(check(repo, "alice"), META, "'next' points to 2.0.0").hint());
    }

    /** prompd resolves 1.1.0 to the folder 1.1.0+b.1, but meta.json names versions exactly, as the build reads them. */
    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource({"1.1.0+b.1, 1.1.0", "1.1.0+b.1, 1.1.0+b.2", "2.0.0-RC.1, 2.0.0-rc.1"})
    void anEntryOfAVersionThatDiffersFromAFolderInBuildMetadataOrLetterCaseIsToldTheFoldersExactName(String folder,
                                                                                                    String named) {
        repo.publish("@common/util", folder);
        repo.meta("@common/util", "{\"distTags\": {\"next\": \"" + named + "\"}, \"yanked\": {\"" + named
                + "\": \"broken\"}}");
        repo.commit("tag and yank");

        CheckReport report = check(repo, "alice");

        String hint = "write " + folder + ", the folder's exact name: meta.json names versions exactly, build metadata"
                + " and letter case included, or remove the entry";
        assertEquals(hint, assertError(report, META, "the dist-tag 'next' points to " + named + ", which is not a"
                + " published version of @common/util").hint());
        assertEquals(hint, assertError(report, META, "yanks " + named + ", which is not a published version").hint());
    }

    @Test
    void latestOnAYankedVersionIsRefusedAndAnotherTagDrawsAWarning() {
        repo.publish("@common/util", "1.1.0");
        repo.meta("@common/util", "{\"distTags\": {\"latest\": \"1.1.0\", \"stable\": \"1.1.0\"},"
                + " \"yanked\": {\"1.1.0\": \"broken\"}}");
        repo.commit("yank the latest");

        CheckReport report = check(repo, "alice");

        assertEquals("/distTags/latest", assertError(report, META, "'latest' points to 1.1.0, which is yanked",
                "so 'prompd install @common/util' passes it by for the highest version that is not yanked, as if"
                        + " there were no tag, and 'prompd install @common/util@latest' fails").pointer());
        assertEquals(List.of("/distTags/stable"), report.problems().stream()
                .filter(problem -> problem.severity() == Severity.WARNING).map(Problem::pointer).toList());
    }

    /** {@code prompd install} takes a deprecated latest all the same; a range passes it by. */
    @Test
    void latestOnADeprecatedVersionDrawsAWarningAndAnotherTagNone() {
        repo.publish("@common/util", "1.1.0");
        repo.meta("@common/util", "{\"distTags\": {\"latest\": \"1.1.0\", \"legacy\": \"1.0.0\"},"
                + " \"deprecated\": {\"1.0.0\": \"use 1.1.0\", \"1.1.0\": \"use 2.0.0 when it comes\"}}");
        repo.commit("deprecate the latest");

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        assertEquals(List.of(Problem.warning(META, "/distTags/latest", "the dist-tag 'latest' points to 1.1.0, which"
                        + " is deprecated, so 'prompd install @common/util' installs it and warns of its deprecation,"
                        + " while a dependency's range passes it by", "point latest at a version that is not"
                        + " deprecated, or take the deprecation of 1.1.0 back if it is to stay the default").atLine(1)),
                report.problems());
    }

    /**
     * A takedown leaving meta.json alone (refused for the record it lacks) does not tag, yank or deprecate anything:
     * what its entries said before is not the pull request's, and only those naming the version taken down are its.
     */
    @Test
    void aMetaJsonThePullRequestLeavesAloneIsCheckedOnlyForTheVersionsItDeletes() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> {
            main.publish("@common/util", "1.1.0");
            main.publish("@common/util", "1.2.0");
            main.meta("@common/util", """
                    {"distTags": {"latest": "1.1.0", "old": "1.0.0", "beta": "1.2.0"},
                     "deprecated": {"1.1.0": "use 2.0.0 when it comes"}, "yanked": {"1.2.0": "broken"},
                     "owners": ["alice"]}
                    """);
        });
        repo.fastForward("main");
        repo.delete(UTIL);
        repo.commit("take down 1.0.0", TestRegistryRepo.MAINTAINER);

        CheckReport report = check(repo, TestRegistryRepo.MAINTAINER);

        assertEquals(List.of(), report.problems().stream().filter(problem -> !problem.isError()).toList(),
                () -> ProblemReport.text(report.problems()));
        assertError(report, META, "the dist-tag 'old' points to 1.0.0, which this pull request deletes");
    }

    /**
     * After a rollback that pinned latest, a version published later stays off the default, unlike on npm, whose
     * publish moves the tag: the highest new one that is no pre-release is said to be above the tag.
     */
    @Test
    void aNewVersionAboveAPinnedLatestDrawsAWarning() {
        mergedMeanwhile(repo, "alice", main -> {
            main.publish("@common/util", "1.1.0");
            main.meta("@common/util", "{\"distTags\": {\"latest\": \"1.0.0\"}}");
        });
        repo.fastForward("main");
        repo.publish("@common/util", "1.2.0");
        repo.publish("@common/util", "2.0.0");
        repo.publish("@common/util", "3.0.0-rc.1");
        repo.commit("publish 1.2.0, 2.0.0 and 3.0.0-rc.1");

        CheckReport report = check(repo, "alice");

        assertPassed(report);
        assertEquals(List.of(Problem.warning(META, "/distTags/latest", "2.0.0 is above the dist-tag 'latest' (1.0.0)"
                        + " in meta.json, so 'prompd install @common/util' keeps choosing 1.0.0", "point latest at"
                        + " 2.0.0 in this pull request if it should be the default: a version published here does not"
                        + " move the tag").atLine(1)), report.problems());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "latest moved in the same pull request | 2.0.0 | {\"distTags\": {\"latest\": \"2.0.0\"}}",
            "a pre-release alone | 2.0.0-rc.1 | {\"distTags\": {\"latest\": \"1.0.0\"}}",
            "an older line's fix | 0.9.1 | {\"distTags\": {\"latest\": \"1.0.0\"}}",
            "no latest: the highest is the default | 2.0.0 | {\"distTags\": {\"next\": \"1.0.0\"}}"})
    void aNewVersionThatIsNoDefaultByMistakeDrawsNoWarning(String title, String version, String meta) {
        repo.publish("@common/util", version);
        repo.meta("@common/util", meta);
        repo.commit("publish " + version);

        CheckReport report = check(repo, "alice");

        assertEquals(List.of(), report.problems(), title);
    }

    @Test
    void yankAndDeprecationOfMissingVersionsAreRefusedAtTheirLines() {
        repo.meta("@common/util",
                "{\n  \"yanked\": {\"0.9.0\": \"x\"},\n  \"deprecated\": {\n    \"0.8.0\": \"y\"\n  }\n}\n");
        repo.commit("yank");

        var report = check(repo, "alice");

        Problem yank = assertError(report, META, "yanks 0.9.0");
        assertEquals("/yanked/0.9.0", yank.pointer());
        assertEquals(2, yank.line());
        Problem deprecation = assertError(report, META, "deprecates 0.8.0");
        assertEquals("/deprecated/0.8.0", deprecation.pointer());
        assertEquals(4, deprecation.line());
    }

    @Test
    void aTagYankOrDeprecationOfAVersionTakenDownSaysItWasWithTheReason() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.publish("@common/util", "1.1.0"));
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.delete(PullRequestScenario.UTIL)
                .meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"a key\"}}"));
        repo.merge("main", "up to date", "alice");
        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"a key\"}, \"yanked\": {\"1.0.0\": \"x\"},"
                + " \"deprecated\": {\"1.0.0\": \"y\"}, \"distTags\": {\"beta\": \"1.0.0\"}}");
        repo.commit("yank what was taken down");

        CheckReport report = check(repo, "alice");

        assertEquals(List.of(
                "deprecates 1.0.0, which was taken down (a key) | remove the entry: a version taken down"
                        + " is never served"
                        + " again",
                "the dist-tag 'beta' points to 1.0.0, which was taken down (a key) | remove the entry, or point it at a"
                        + " version that stays: a version taken down is never served again",
                "yanks 1.0.0, which was taken down (a key) | remove the entry: a version taken down is"
                        + " never served again"),
                report.problems().stream().filter(problem -> problem.file().equals(META))
                        .map(problem -> problem.message() + " | " + problem.hint()).sorted().toList());
    }

    @Test
    void aTakedownReasonQuotedInAProblemKeepsToItsLineAndLeavesTheRestForTheReportToSpellOut() {
        String record = "{\"takenDown\": {\"1.0.0\": \"a key\\u001b[8m\\nin it\"}}";
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.publish("@common/util", "1.1.0"));
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.delete(PullRequestScenario.UTIL)
                .meta("@common/util", record));
        repo.merge("main", "up to date", "alice");
        repo.meta("@common/util", record.replace("}}", "}, \"yanked\": {\"1.0.0\": \"x\"}}"));
        repo.commit("yank what was taken down");

        assertEquals("yanks 1.0.0, which was taken down (a key\u001b[8m^Jin it)",
                assertError(check(repo, "alice"), META, "yanks 1.0.0").message());
    }

    @Test
    void anEntryOfAPackageWithoutVersionFoldersIsNotToldToNameOne() {
        mergedMeanwhile(repo, TestRegistryRepo.MAINTAINER, main -> main.delete(PullRequestScenario.UTIL)
                .meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"a key\"}}"));
        repo.merge("main", "up to date", "alice");
        repo.meta("@common/util", "{\"takenDown\": {\"1.0.0\": \"a key\"}, \"yanked\": {\"0.9.0\": \"x\"}}");
        repo.commit("yank what never was");

        Problem problem = assertError(check(repo, "alice"), META, "yanks 0.9.0, which is not a published version");

        assertEquals("remove the entry: @common/util has no version folder", problem.hint());
    }

    @Test
    void metaThatDoesNotParseIsReportedWithItsLine() {
        repo.meta("@common/util", "{\n  \"distTags\": {\"latest\": 1}\n}\n");
        repo.commit("tag");

        Problem problem = assertError(check(repo, "alice"), META, "must be a version string");

        assertEquals(2, problem.line());
    }

    @Test
    void metaWithoutAnyVersionIsRefused() {
        repo.meta("squatted", "{\"owners\": [\"carol\"]}");
        repo.commit("claim a name without publishing", "carol");

        assertError(check(repo, "carol"), "packages/squatted/meta.json", "has no version folder");
    }

    /** As in a manifest's strings: a zero-width space hides nothing harmful alone, but no reader should miss it. */
    @Test
    void aZeroWidthSpaceInAMetaMessageIsAWarningAtItsPointer() {
        repo.meta("@common/util", "{\"deprecated\": {\"1.0.0\": \"use\u200B 2.0\"}}");
        repo.commit("deprecate");

        var report = check(repo, "alice");

        assertPassed(report);
        Problem warning = report.problems().stream().filter(problem -> problem.file().equals(META)).findFirst()
                .orElseThrow(() -> new AssertionError(ProblemReport.text(report.problems())));
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals("/deprecated/1.0.0", warning.pointer());
        assertTrue(warning.message().contains("U+200B"), warning.message());
    }

    @Test
    void ownersInAScopedMetaAreOnlyAWarning() {
        repo.meta("@common/util", "{\"owners\": [\"alice\"]}");
        repo.commit("owners");

        var report = check(repo, "alice");

        assertPassed(report);
        assertEquals(Severity.WARNING, report.problems().get(0).severity());
    }

    @Test
    void repositoryDocumentationMayBeChangedByMaintainers() {
        repo.write("README.md", "# Our registry\n");
        repo.meta("@common/util", "{\"distTags\": {\"latest\": \"1.0.0\"}}");
        repo.commit("docs", TestRegistryRepo.MAINTAINER);

        assertPassed(check(repo, TestRegistryRepo.MAINTAINER));
    }
}
