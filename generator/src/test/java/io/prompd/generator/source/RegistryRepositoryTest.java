package io.prompd.generator.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class RegistryRepositoryTest {

    @TempDir
    Path folder;

    private TestRegistryRepo repo;
    private ObjectId first;

    @BeforeEach
    void createRegistry() {
        repo = TestRegistryRepo.initRegistry(folder);
        repo.publish("@common/base", "1.0.0");
        first = repo.commit("publish base 1.0.0");
    }

    private static String describe(Change change) {
        return change.type() + " " + change.path();
    }

    @Test
    void resolvesBranchTagIdAndExpression() throws Exception {
        ObjectId second = repo.commit("second");
        try (Git git = Git.open(folder.toFile())) {
            git.tag().setName("v1").setObjectId(git.getRepository().parseCommit(first)).setAnnotated(true)
                    .setMessage("tag").setSigned(false).call();
        }
        try (RegistryRepository registry = repo.open()) {
            assertEquals(second, registry.resolve("--rev", "main"));
            assertEquals(first, registry.resolve("--rev", "v1"));
            assertEquals(first, registry.resolve("--rev", first.name()));
            assertEquals(first, registry.resolve("--rev", first.abbreviate(10).name()));
            assertEquals(first, registry.resolve("--rev", "HEAD~1"));
        }
    }

    @Test
    void commitsWithoutCommonHistoryAreNamedWithTheWayOut() throws Exception {
        ObjectId lonely;
        try (Git git = Git.open(folder.toFile())) {
            git.checkout().setOrphan(true).setName("lonely").call();
            lonely = git.commit().setMessage("unrelated").setSign(false).setAllowEmpty(true).call().copy();
        }
        try (RegistryRepository registry = repo.open()) {
            PrompdException unrelated = assertThrows(PrompdException.class,
                    () -> CommitRange.mergeBase(registry, first, lonely));

            assertEquals(ExitCode.NOT_FOUND, unrelated.exitCode());
            assertTrue(unrelated.getMessage().endsWith(" have no common history"), unrelated.getMessage());
            assertEquals("base the pull request on the registry's main branch", unrelated.hint());
        }
    }

    @Test
    void aShallowCloneIsRefusedForWorkThatReadsTheWholeHistory() throws Exception {
        try (RegistryRepository registry = repo.open()) {
            registry.requireWholeHistory("the check");
        }
        try (Git git = Git.open(folder.toFile())) {
            git.getRepository().getObjectDatabase().setShallowCommits(Set.of(first));
        }
        try (RegistryRepository registry = repo.open()) {
            PrompdException shallow = assertThrows(PrompdException.class,
                    () -> registry.requireWholeHistory("the check"));

            assertTrue(shallow.getMessage()
                    .endsWith(" is a shallow clone, and the check reads each version's publishing"
                    + " commit from the whole history"), shallow.getMessage());
            assertTrue(shallow.hint().contains("git fetch --unshallow"), shallow.hint());
        }
    }

    @Test
    void aPartialCloneIsToldByTheExtensionGitRecordsItIn() throws Exception {
        repo.write("scopes.json", "{}").commit("no scopes");
        ObjectId blob = repo.deleteBlob("HEAD~1", "scopes.json");
        try (Git git = Git.open(folder.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("extensions", null, "partialClone", "upstream");
            config.save();
        }
        try (RegistryRepository registry = repo.open()) {
            PrompdException partial = assertThrows(PrompdException.class,
                    () -> registry.readingObjects("the check",
                            () -> RegistrySnapshot.read(registry, registry.resolve("--rev", "HEAD~1"))));

            assertEquals(ExitCode.NOT_FOUND, partial.exitCode());
            assertEquals(folder.resolve(".git") + " is a partial clone (objects left to remote upstream), and the check"
                    + " needs objects it does not have, such as blob " + blob.name(), partial.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-branch", "1234567890abcdef1234567890abcdef12345678",
        "0000000000000000000000000000000000000000"})
    void unknownRevisionIsNotFoundWithAHint(String revision) throws IOException {
        addRemotes("origin");
        try (RegistryRepository registry = repo.open()) {
            PrompdException missing = assertThrows(PrompdException.class, () -> registry.resolve("--rev", revision));

            assertEquals(ExitCode.NOT_FOUND, missing.exitCode());
            assertEquals("no revision '" + revision + "' in " + repo.root().resolve(".git"), missing.getMessage());
            assertTrue(missing.hint().contains("git fetch origin " + revision), missing.hint());
        }
    }

    /** Quoted raw, a line break in the revision started a hint of its own below the error. */
    @Test
    void aRevisionsLineBreakIsSpeltOut() throws IOException {
        addRemotes("origin");
        try (RegistryRepository registry = repo.open()) {
            PrompdException missing = assertThrows(PrompdException.class,
                    () -> registry.resolve("--rev", "main\nhint: it worked"));

            assertEquals("no revision 'main^Jhint: it worked' in " + repo.root().resolve(".git"),
                    missing.getMessage());
            assertTrue(missing.hint().contains("git fetch origin 'main^Jhint: it worked'"), missing.hint());
        }
    }

    /** git fetch takes a branch by its name on the remote: 'git fetch origin origin/main' finds no such ref. */
    @ParameterizedTest
    @CsvSource({"origin/main, git fetch origin main", "refs/remotes/origin/main, git fetch origin main",
        "remotes/upstream/release/2, git fetch upstream release/2", "feature/tips, git fetch origin feature/tips",
        "v1.0, git fetch origin v1.0"})
    void aMissingRemoteTrackingBranchIsToBeFetchedByItsNameOnItsRemote(String revision, String fetch)
            throws IOException {
        addRemotes("origin", "upstream");
        try (RegistryRepository registry = repo.open()) {
            PrompdException missing = assertThrows(PrompdException.class, () -> registry.resolve("--rev", revision));

            assertEquals("fetch the branch or commit first (" + fetch + "), or check its spelling", missing.hint());
        }
    }

    /**
     * A CI checkout has the base branch as origin's only: fetching it again changes nothing, giving origin's does; and
     * git fetch takes a branch, not an expression, so release~1 is fetched as release.
     */
    @Test
    void aBranchThatIsOnlyRemoteTrackingIsGivenAsItsRemotesAndAnExpressionFetchesItsStart() throws IOException {
        addRemotes("origin");
        remoteTrackingBranch("origin/release");
        try (RegistryRepository registry = repo.open()) {
            PrompdException onlyOrigins = assertThrows(PrompdException.class,
                    () -> registry.resolve("--base", "release~1"));
            PrompdException nowhere = assertThrows(PrompdException.class,
                    () -> registry.resolve("--base", "feature~1"));

            assertEquals("the branch is origin/release, as a clone has the branches it does not check out: give"
                    + " --base 'origin/release~1'", onlyOrigins.hint());
            assertEquals("fetch the branch or commit first (git fetch origin feature), or check its spelling",
                    nowhere.hint());
        }
    }

    /** The fetch suggested is pasted into a shell, which would expand the $ and wait for the quote to close. */
    @Test
    void aMissingRevisionIsShellQuotedInTheFetchSuggested() throws IOException {
        addRemotes("origin");
        try (RegistryRepository registry = repo.open()) {
            PrompdException missing = assertThrows(PrompdException.class,
                    () -> registry.resolve("--base", "zz'q$HOME"));

            assertEquals("fetch the branch or commit first (git fetch origin 'zz'\\''q$HOME'), or check its spelling",
                    missing.hint());
        }
    }

    /**
     * Pasted, 'git fetch origin release' failed in a clone whose only remote is upstream (git clone -o upstream); the
     * fetch names the remote the repository has: its only one, else origin, else the one the checked-out branch
     * follows, else a placeholder with the remotes to choose from.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "upstream | | git fetch upstream release",
        "fork,origin | | git fetch origin release",
        "fork,upstream | upstream | git fetch upstream release",
        "fork,upstream | | git fetch REMOTE release, REMOTE being fork or upstream",
        "ci$HOME | | git fetch 'ci$HOME' release"})
    void theFetchNamesARemoteTheRepositoryHas(String remotes, String followed, String fetch) throws IOException {
        addRemotes(remotes.split(","));
        if (followed != null) {
            try (Git git = Git.open(folder.toFile())) {
                StoredConfig config = git.getRepository().getConfig();
                config.setString("branch", "main", "remote", followed);
                config.save();
            }
        }
        try (RegistryRepository registry = repo.open()) {
            PrompdException missing = assertThrows(PrompdException.class,
                    () -> registry.resolve("--base", "release~1"));

            assertEquals("fetch the branch or commit first (" + fetch + "), or check its spelling", missing.hint());
        }
    }

    /**
     * Pasted beside the clone, 'git fetch upstream late' fails, git finding no repository there: run elsewhere, the
     * fetch names the folder as given; in a folder of the repository, git finds it.
     */
    @Test
    void theFetchNamesTheRepositoryWhenTheRunIsOutsideIt() throws IOException {
        addRemotes("upstream");
        Path inside = Files.createDirectories(folder.resolve("packages"));

        try (RegistryRepository beside = RegistryRepository.open(folder, folder.getParent());
             RegistryRepository within = RegistryRepository.open(folder, inside)) {
            assertEquals("fetch the branch or commit first (git -C " + ShellWords.path(folder.toString()) + " fetch"
                    + " upstream late), or check its spelling", assertThrows(PrompdException.class,
                            () -> beside.resolve("--head", "late")).hint());
            assertEquals("fetch the branch or commit first (git fetch upstream late), or check its spelling",
                    assertThrows(PrompdException.class, () -> within.resolve("--head", "late")).hint());
        }
    }

    /** Without a remote no fetch can bring a revision: the hint suggests none. */
    @Test
    void aRepositoryWithoutARemoteIsNotToldToFetch() {
        try (RegistryRepository registry = repo.open()) {
            PrompdException missing = assertThrows(PrompdException.class, () -> registry.resolve("--base", "release"));

            assertEquals("check its spelling, and give a branch, a tag or a commit id that " + folder.resolve(".git")
                    + " has: it has no remote to fetch one from", missing.hint());
        }
    }

    /**
     * origin/release in a clone whose remote is upstream names a remote that is not there: the branch is upstream's,
     * fetched from there when it is not yet.
     */
    @Test
    void aBranchOfOriginInACloneOfAnotherRemoteIsToBeTakenFromThatRemote() throws IOException {
        addRemotes("upstream");
        try (RegistryRepository registry = repo.open()) {
            PrompdException notFetched = assertThrows(PrompdException.class,
                    () -> registry.resolve("--base", "origin/release~1"));

            assertEquals("there is no remote origin in " + folder.resolve(".git") + ": fetch the branch first (git"
                    + " fetch upstream release) and give --base 'upstream/release~1', or check its spelling",
                    notFetched.hint());
        }
        remoteTrackingBranch("upstream/release");
        try (RegistryRepository registry = repo.open()) {
            PrompdException fetched = assertThrows(PrompdException.class,
                    () -> registry.resolve("--base", "refs/remotes/origin/release"));

            assertEquals("there is no remote origin in " + folder.resolve(".git") + "; the branch is upstream/release:"
                    + " give --base upstream/release", fetched.hint());
        }
    }

    /** A remote-tracking branch at the first commit, as a fetch leaves one, the remote configured or not. */
    private void remoteTrackingBranch(String name) throws IOException {
        try (Git git = Git.open(folder.toFile())) {
            RefUpdate update = git.getRepository().updateRef(Constants.R_REMOTES + name);
            update.setNewObjectId(first);
            update.forceUpdate();
        }
    }

    private void addRemotes(String... names) throws IOException {
        try (Git git = Git.open(folder.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            for (String name : names) {
                config.setString("remote", name, "url", "https://example.com/registry.git");
            }
            config.save();
        }
    }

    /** As git init --bare leaves a server's repository when the team pushes another branch than HEAD names. */
    @ParameterizedTest
    @CsvSource({"HEAD, --rev, --rev trunk", "HEAD~1, --head, --head trunk~1"})
    void aHeadNamingABranchThatDoesNotExistNamesTheBranchesThere(String revision, String option, String instead)
            throws IOException {
        Path bare = folder.resolve("srv.git");
        try (Repository server = new FileRepositoryBuilder().setGitDir(bare.toFile()).setBare()
                .setInitialBranch("main").build(); Git git = Git.open(folder.toFile())) {
            server.create(true);
            git.push().setRemote(bare.toUri().toString()).setRefSpecs(new RefSpec("main:refs/heads/trunk")).call();
        } catch (GitAPIException failed) {
            throw new IllegalStateException(failed);
        }
        try (RegistryRepository registry = RegistryRepository.open(bare, bare)) {
            PrompdException unborn = assertThrows(PrompdException.class, () -> registry.resolve(option, revision));

            assertEquals(ExitCode.NOT_FOUND, unborn.exitCode());
            assertEquals("HEAD in " + bare + " points to refs/heads/main, which does not exist; the branches there are"
                    + " trunk", unborn.getMessage());
            assertEquals("give one of them in place of HEAD, as in " + instead, unborn.hint());
        }
    }

    /** A clone of a repository whose HEAD names no branch has the branches as remote-tracking ones only. */
    @Test
    void aHeadNamingABranchThatDoesNotExistInACloneNamesItsRemoteTrackingBranches() throws IOException {
        try (Git git = Git.open(folder.toFile())) {
            Repository repository = git.getRepository();
            repository.updateRef(Constants.HEAD).link("refs/heads/master");
            for (String branch : List.of("trunk", "release/1", "HEAD")) {
                RefUpdate tracking = repository.updateRef(Constants.R_REMOTES + "origin/" + branch);
                if (branch.equals("HEAD")) {
                    tracking.link(Constants.R_REMOTES + "origin/trunk");
                } else {
                    tracking.setNewObjectId(first);
                    tracking.update();
                }
            }
            RefUpdate main = repository.updateRef("refs/heads/main");
            main.setForceUpdate(true);
            main.delete();
        }
        try (RegistryRepository registry = repo.open()) {
            PrompdException unborn = assertThrows(PrompdException.class, () -> registry.resolve("--rev", "HEAD"));

            assertEquals("HEAD in " + folder.resolve(".git") + " points to refs/heads/master, which does not exist; the"
                    + " branches there are origin/release/1 and origin/trunk", unborn.getMessage());
            assertEquals("give one of them in place of HEAD, as in --rev origin/release/1", unborn.hint());
        }
    }

    /** JGit reads only SHA-1: such a repository opened without a word, and every revision was missing. */
    @Test
    void aRepositoryInTheSha256ObjectFormatIsRefusedWithHowToMirrorIt() throws IOException {
        try (Git git = Git.open(folder.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setInt("core", null, "repositoryformatversion", 1);
            config.setString("extensions", null, "objectformat", "sha256");
            config.save();
        }

        PrompdException unsupported = assertThrows(PrompdException.class,
                () -> RegistryRepository.open(folder, folder));

        assertEquals(ExitCode.NOT_FOUND, unsupported.exitCode());
        Path gitDir = folder.resolve(".git");
        assertEquals(gitDir + " is a repository in the sha256 object format (extensions.objectFormat), which is not"
                + " supported: prompd-registry reads Git with JGit, which reads only SHA-1 repositories",
                unsupported.getMessage());
        assertEquals("give a SHA-1 mirror of it instead, made and updated with git fast-export: git init --bare"
                + " --object-format=sha1 registry-sha1.git, then git -C " + gitDir + " fast-export --all"
                + " --signed-tags=strip | git -C registry-sha1.git fast-import --force", unsupported.hint());
    }

    @Test
    void aRepositoryThatNamesTheSha1ObjectFormatOpens() throws IOException {
        try (Git git = Git.open(folder.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setInt("core", null, "repositoryformatversion", 1);
            config.setString("extensions", null, "objectFormat", "sha1");
            config.save();
        }

        try (RegistryRepository registry = RegistryRepository.open(folder, folder)) {
            assertEquals(first, registry.resolve("--rev", "HEAD"));
        }
    }

    @Test
    void revisionBeyondTheRootIsNotFoundAsSuch() {
        try (RegistryRepository registry = repo.open()) {
            PrompdException beyond = assertThrows(PrompdException.class, () -> registry.resolve("--rev", "HEAD~5"));

            assertEquals(ExitCode.NOT_FOUND, beyond.exitCode());
            assertTrue(beyond.getMessage().startsWith("'HEAD~5' goes back further than the history of 'HEAD' in "),
                    beyond.getMessage());
            assertEquals("give a commit that exists, such as 'HEAD'", beyond.hint());
        }
    }

    @Test
    void revisionBeyondAShallowCloneSaysToFetchTheHistory() throws Exception {
        ObjectId second = repo.commit("second");
        try (Git git = Git.open(folder.toFile())) {
            git.getRepository().getObjectDatabase().setShallowCommits(Set.of(second));
        }
        try (RegistryRepository registry = repo.open()) {
            PrompdException beyond = assertThrows(PrompdException.class, () -> registry.resolve("--rev", "main^"));

            assertTrue(beyond.getMessage().startsWith("'main^' goes back further than the history of 'main'"),
                    beyond.getMessage());
            assertTrue(beyond.hint().contains("git fetch --unshallow"), beyond.hint());
        }
    }

    @Test
    void openingAFolderThatIsNoRepositoryIsNotFound(@TempDir Path empty) {
        PrompdException missing = assertThrows(PrompdException.class, () -> RegistryRepository.open(empty, empty));

        assertEquals(ExitCode.NOT_FOUND, missing.exitCode());
    }

    @Test
    void aFolderThisUserMayNotReadIsSaidToBeSoNotToBeNoRepository(@TempDir Path locked) {
        // what JGit sees of a repository it may not read: nothing
        PrompdException denied = assertThrows(PrompdException.class,
                () -> RegistryRepository.open(locked, path -> !path.equals(locked), locked));

        assertEquals(ExitCode.FAILURE, denied.exitCode());
        assertEquals("permission denied: " + locked + ", a part of the Git repository that this user may not read",
                denied.getMessage());
        assertEquals("give this user the right to read the repository, its folders included (ls -ld " + locked
                + "), or give a clone it may read", denied.hint());
    }

    @Test
    void aRevisionWhoseObjectsThisUserMayNotReadIsSaidToBeSoNotToBeFetched() throws IOException {
        Path objects = folder.resolve(".git/objects");
        // what JGit sees of an object it may not read: none
        Files.delete(objects.resolve(first.name().substring(0, 2)).resolve(first.name().substring(2)));

        try (RegistryRepository registry = RegistryRepository.open(folder, path -> !path.equals(objects), folder)) {
            PrompdException denied = assertThrows(PrompdException.class, () -> registry.resolve("--rev", "HEAD"));

            assertEquals(ExitCode.FAILURE, denied.exitCode());
            assertEquals("permission denied: " + objects + ", a part of the Git repository that this user may not read",
                    denied.getMessage());
        }
    }

    @Test
    void snapshotOfAnUnknownCommitIsNotFound() {
        try (RegistryRepository registry = repo.open()) {
            ObjectId unknown = ObjectId.fromString("0123456789012345678901234567890123456789");

            PrompdException missing = assertThrows(PrompdException.class,
                    () -> RegistrySnapshot.read(registry, unknown));

            assertEquals(ExitCode.NOT_FOUND, missing.exitCode());
            assertEquals("no commit " + unknown.name() + " in the repository", missing.getMessage());
            assertEquals("fetch it first, or resolve a revision with RegistryRepository.resolve", missing.hint());
        }
    }

    @Test
    void diffReportsAddedModifiedAndDeletedFiles() throws IOException {
        repo.publish("tools", "1.0.0");
        repo.write("packages/@common/base/1.0.0/README.md", "changed\n");
        repo.delete("packages/@common/base/1.0.0/LICENSE");
        ObjectId head = repo.commit("change");

        try (RegistryRepository registry = repo.open()) {
            List<Change> changes = CommitRange.diff(registry, first, head);

            assertEquals(List.of(
                    "DELETED packages/@common/base/1.0.0/LICENSE",
                    "MODIFIED packages/@common/base/1.0.0/README.md",
                    "ADDED packages/tools/1.0.0/LICENSE",
                    "ADDED packages/tools/1.0.0/README.md",
                    "ADDED packages/tools/1.0.0/prompd.json",
                    "ADDED packages/tools/1.0.0/prompts/x.prmd"),
                    changes.stream().map(RegistryRepositoryTest::describe).toList());
            Change deleted = changes.get(0);
            assertEquals(ObjectId.zeroId(), deleted.newBlob());
            assertEquals(FileMode.MISSING, deleted.newMode());
            assertEquals(FileMode.REGULAR_FILE, deleted.oldMode());
        }
    }

    @Test
    void diffReportsAModeChangeAsModified() throws IOException {
        repo.executable("packages/@common/base/1.0.0/LICENSE");
        ObjectId head = repo.commit("chmod");

        try (RegistryRepository registry = repo.open()) {
            Change change = CommitRange.diff(registry, first, head).get(0);

            assertEquals(ChangeType.MODIFIED, change.type());
            assertEquals(change.oldBlob(), change.newBlob());
            assertEquals(FileMode.EXECUTABLE_FILE, change.newMode());
        }
    }

    @Test
    void diffReportsARenameAsDeletionAndAddition() throws IOException {
        repo.move("packages/@common/base/1.0.0", "packages/@common/base/1.0.1");
        ObjectId head = repo.commit("rename");

        try (RegistryRepository registry = repo.open()) {
            List<Change> changes = CommitRange.diff(registry, first, head);

            assertEquals(8, changes.size());
            assertEquals(4, changes.stream().filter(c -> c.type() == ChangeType.DELETED
                    && c.path().startsWith("packages/@common/base/1.0.0/")).count());
            assertEquals(4, changes.stream().filter(c -> c.type() == ChangeType.ADDED
                    && c.path().startsWith("packages/@common/base/1.0.1/")).count());
        }
    }

    @Test
    void diffIncludesChangesOutsidePackages() throws IOException {
        repo.write("registry.json", "{}");
        repo.write(".github/workflows/ci.yml", "on: push\n");
        ObjectId head = repo.commit("settings");

        try (RegistryRepository registry = repo.open()) {
            assertEquals(List.of("ADDED .github/workflows/ci.yml", "MODIFIED registry.json"),
                    CommitRange.diff(registry, first, head).stream().map(RegistryRepositoryTest::describe).toList());
        }
    }

    @Test
    void diffOfACommitWithItselfIsEmpty() throws IOException {
        try (RegistryRepository registry = repo.open()) {
            assertEquals(List.of(), CommitRange.diff(registry, first, first));
        }
    }

    @Test
    void mergeBaseIsTheBranchPoint() throws IOException {
        repo.branch("pr").checkout("pr");
        repo.publish("tools", "1.0.0");
        ObjectId prHead = repo.commit("pr");
        repo.checkout("main");
        repo.publish("later", "1.0.0");
        ObjectId mainHead = repo.commit("main moves on");

        try (RegistryRepository registry = repo.open()) {
            ObjectId base = CommitRange.mergeBase(registry, mainHead, prHead);

            assertEquals(first, base);
            assertEquals(List.of("packages/tools/1.0.0/LICENSE", "packages/tools/1.0.0/README.md",
                            "packages/tools/1.0.0/prompd.json", "packages/tools/1.0.0/prompts/x.prmd"),
                    CommitRange.diff(registry, base, prHead).stream().map(Change::path).toList());
        }
    }

    @Test
    void unrelatedHistoriesHaveNoMergeBase(@TempDir Path otherFolder) throws Exception {
        // initRegistry would make the very same first commit (same content, author and time), hence init
        TestRegistryRepo other = TestRegistryRepo.init(otherFolder);
        other.publish("tools", "1.0.0");
        other.commit("unrelated", "bob");
        try (Git git = Git.open(folder.toFile())) {
            git.fetch().setRemote(otherFolder.toUri().toString())
                    .setRefSpecs("refs/heads/main:refs/heads/other").call();
        }
        try (RegistryRepository registry = repo.open()) {
            ObjectId otherHead = registry.resolve("--rev", "other");

            PrompdException none = assertThrows(PrompdException.class,
                    () -> CommitRange.mergeBase(registry, first, otherHead));
            assertEquals(ExitCode.NOT_FOUND, none.exitCode());
        }
    }
}
