package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.core.ExitCode;
import io.prompd.core.ShellWords;
import io.prompd.core.files.RunLock;
import io.prompd.core.json.Json;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.internal.storage.file.WindowCache;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildCommandTest {

    /** The line a build that succeeded ends its stderr with. */
    private static final Pattern TIME_TAKEN = Pattern.compile("(?m)^note: the build took \\d+\\.\\d s\n\\z");

    @TempDir
    Path temp;

    private Path repo;
    private Path out;
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();
    /**
     * The last line of stderr of the last run when it is the time a build took, cut off {@link #stderr}, which the
     * tests then compare whole: the time differs from run to run. Empty when the run printed none.
     */
    private String timeTaken = "";

    @BeforeEach
    void registry() {
        repo = temp.resolve("repo");
        out = temp.resolve("out");
        try (TestRegistryRepo registry = TestRegistryRepo.initRegistry(repo)) {
            registry.publish("@common/a", "1.0.0");
            registry.publish("@common/a", "1.1.0");
            registry.commit("publish a");
        }
    }

    private int run(String... args) {
        return run(CliContext.PIPED, args);
    }

    /** A context run where the tests run commands, outside the repository, with the variables and terminal given. */
    private static CliContext context(Map<String, String> environment, boolean stderrIsTerminal) {
        return new CliContext(environment, stderrIsTerminal, CliContext.PIPED.workingFolder(),
                CliContext.PIPED.clock());
    }

    private int run(CliContext context, String... args) {
        stdout.getBuffer().setLength(0);
        stderr.getBuffer().setLength(0);
        int exitCode = PrompdRegistryCommand.commandLine(new PrintWriter(stdout, true), new PrintWriter(stderr, true),
                context).execute(args);
        Matcher time = TIME_TAKEN.matcher(stderr.getBuffer());
        timeTaken = time.find() ? time.group() : "";
        stderr.getBuffer().setLength(stderr.getBuffer().length() - timeTaken.length());
        return exitCode;
    }

    /**
     * The refusals of exit code 4 send the user to --force, or to --allow-unread-head-meta, whose help must say what
     * each builds.
     */
    @Test
    void helpSaysForceBuildsACommitThatLeavesOutServedVersionsOrServesAgainOnesTakenDown() {
        assertEquals(ExitCode.OK.code(), run("build", "--help"));

        String help = stdout.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("--force Build even a commit that leaves out versions that the build in the output"
                + " folder serves, with no takedown record, or that serves again versions it took down, as an older"
                + " commit may."), help);
        assertTrue(help.contains("--allow-unread-head-meta Build another commit than HEAD's even while a meta.json of"
                + " HEAD's whose takedowns do not read may record a takedown of a version that commit holds, which the"
                + " build then serves."), help);
    }

    /** COLUMNS, which progress lines are cut to, sets the width of the help too, within 55 to 120 columns. */
    @Test
    void helpIsAsWideAsColumnsSays() {
        assertEquals(ExitCode.OK.code(), run("build", "--help"));
        int piped = longestLine(stdout.toString());
        assertEquals(ExitCode.OK.code(), run(context(Map.of("COLUMNS", "140"), false), "build", "--help"));
        int wide = longestLine(stdout.toString());
        assertEquals(ExitCode.OK.code(), run(context(Map.of("COLUMNS", "60"), false), "build", "--help"));
        int narrow = longestLine(stdout.toString());

        assertTrue(piped <= 80 && wide > 80 && wide <= 120 && narrow <= 60, piped + ", " + wide + ", " + narrow);
    }

    private static int longestLine(String text) {
        return text.lines().mapToInt(String::length).max().orElse(0);
    }

    @Test
    void printsAOneLineSummary() {
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()));
        assertEquals("built 1 package, 2 versions (2 tarballs written, 0 reused) into " + out + "\n",
                stdout.toString());
        assertEquals("", stderr.toString(), "no progress when stderr is not a terminal");
        assertTrue(timeTaken.startsWith("note: the build took "), stderr::toString);
        assertTrue(Files.isRegularFile(out.resolve("registry.json")));
    }

    /** The context says whether stderr is a terminal, not the terminal the tests happen to run at. */
    @Test
    void progressIsDrawnAndWipedOnStderrOnlyWhenTheContextSaysItIsATerminalThatIsNotDumb() {
        String progress = "building packages: 1/1";

        assertEquals(ExitCode.OK.code(), run(context(Map.of("COLUMNS", "80"), true), "build", repo.toString(), "--out",
                out.toString()));
        assertEquals("\r" + progress + "\r" + " ".repeat(progress.length()) + "\r", stderr.toString());
        assertTrue(stdout.toString().startsWith("built 1 package, 2 versions"), stdout.toString());

        assertEquals(ExitCode.OK.code(), run(context(Map.of("COLUMNS", "80"), false), "build", repo.toString(), "--out",
                temp.resolve("piped").toString()));
        assertEquals("", stderr.toString(), "no progress when stderr is not a terminal");

        assertEquals(ExitCode.OK.code(), run(context(Map.of("TERM", "dumb"), true), "build", repo.toString(), "--out",
                temp.resolve("dumb").toString()));
        assertEquals("", stderr.toString(), "none on a dumb terminal, which moves no cursor");
    }

    /** Cut at the width, the line kept "building packages" and lost the count, what a screen reader needs. */
    @Test
    void aNarrowTerminalsProgressKeepsTheCount() {
        assertEquals(ExitCode.OK.code(), run(context(Map.of("COLUMNS", "20"), true), "build", repo.toString(), "--out",
                out.toString()));
        assertEquals("\r1/1\r   \r", stderr.toString());
    }

    @Test
    void anOutputFolderWithALineBreakInItsNameKeepsTheSummaryToOneLine() {
        Path broken = temp.resolve("out\nhint: run rm -rf ~");
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", broken.toString()));
        assertEquals("built 1 package, 2 versions (2 tarballs written, 0 reused) into " + temp
                + "/out^Jhint: run rm -rf ~\n", stdout.toString());

        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", broken.toString()));
        assertEquals(1, stdout.toString().lines().count(), stdout.toString());
    }

    @Test
    void aBuildInThisJvmLeavesJgitsPackCacheAsItWas() {
        // WindowCache is JGit's own, but its one instance is the only sign of the process-wide setting: installing
        // one replaces it, and every later test in this JVM would read packs with the build's cache
        WindowCache before = WindowCache.getInstance();
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()));
        assertSame(before, WindowCache.getInstance());
    }

    @Test
    void saysSoWhenNothingChanged() throws Exception {
        run("build", repo.toString(), "--out", out.toString());
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()));
        assertEquals("nothing changed since the build of " + RegistryRepository.shortId(headOf(repo)) + ": " + out
                + " left as it is\n", stdout.toString());
        assertTrue(timeTaken.startsWith("note: the build took "), stderr::toString);
    }

    /**
     * The result is the same bytes for the same build, as the time taken, which is not, goes to stderr (as cargo's
     * "Finished ... in 0.8s"): a script or a CI log can compare two runs' results, and a test can compare them whole.
     */
    @Test
    void twoBuildsOfOneCommitPrintTheSameResultAndTheTimeTakenOnStderr() throws Exception {
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        String first = stdout.toString();
        assertTrue(TIME_TAKEN.matcher(timeTaken).matches(), timeTaken);
        Files.move(out, temp.resolve("first"));
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        assertEquals(first, stdout.toString(), "a fresh build of the commit into the same folder");
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        String unchanged = stdout.toString();
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        assertEquals(unchanged, stdout.toString(), "nothing changed, again");
        assertTrue(TIME_TAKEN.matcher(timeTaken).matches(), timeTaken);

        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", temp.resolve("one").toString(),
                "--json"), stderr::toString);
        String json = stdout.toString();
        assertTrue(TIME_TAKEN.matcher(timeTaken).matches(), "with --json too, for the log: " + timeTaken);
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", temp.resolve("two").toString(),
                "--json"), stderr::toString);
        assertEquals(json, stdout.toString(), "two folders, the same JSON");
        assertFalse(Json.reader().readTree(json).has("seconds"), json);
    }

    @Test
    void printsTheSummaryAsJson() throws Exception {
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString(), "--json"));
        JsonNode summary = Json.reader().readTree(stdout.toString());
        assertEquals(2, summary.get("tarballsWritten").asInt());
        assertEquals(1, summary.get("packages").asInt());
        assertFalse(summary.get("unchanged").asBoolean());
        assertEquals(40, summary.get("commit").asText().length());
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("commit", "notes", "packages", "tarballsReused", "tarballsWritten", "unchanged",
                "versions", "warnings"), keys, "sorted, and no time taken, which differs from run to run");
        assertEquals(Json.reader().readTree("[]"), summary.get("warnings"), "none, given as an empty list");
        assertEquals(Json.reader().readTree("[]"), summary.get("notes"), "none, given as an empty list");
    }

    @Test
    void theFirstBuildAfterAnUpgradeThatChangedTheBuildStateFormatSaysWhyItPacksEveryVersion() throws Exception {
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        Path state = out.resolve(".prompd-build.json");
        String written = Files.readString(state);
        int format = Integer.parseInt(written.replaceFirst("(?s).*\"format\" ?: ?(\\d+).*", "$1"));
        Files.writeString(state, written.replaceFirst("\"format\" ?: ?\\d+", "\"format\": 3"));

        assertEquals(ExitCode.OK.code(),
                run("build", repo.toString(), "--out", out.toString(), "--json"), stderr::toString);

        String note = "the build state of " + out + " is of format 3, written by another prompd-registry than this one"
                + " (format " + format + "): every version is packed again, and each file whose bytes come out the"
                + " same is kept as it was";
        assertEquals("note: " + note + "\n", stderr.toString());
        assertEquals(Json.reader().readTree(Json.writeString(List.of(Map.of("kind", "otherStateFormat",
                "stateFormat", 3, "format", format, "message", note)))),
                Json.reader().readTree(stdout.toString()).get("notes"));
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        assertEquals("", stderr.toString(), "once");
    }

    /** A build of an older commit says it left out what HEAD takes down, on stderr and among --json's notes. */
    @Test
    void aBuildOfAnOlderCommitNotesTheVersionsHeadTakesDown() throws Exception {
        String[] olderAndHead = commitTakingADownAtHead("{\"takenDown\": {\"1.1.0\": \"held customer data\"}}");
        String older = olderAndHead[0];
        String head = olderAndHead[1];

        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--rev", older.substring(0, 7), "--out",
                out.toString(), "--json"), stderr::toString);

        String note = "HEAD (branch 'main', commit " + head.substring(0, 7) + ") takes down 1 version that commit "
                + older.substring(0, 7) + " holds (@common/a@1.1.0: held customer data): the build leaves it out, as"
                + " a takedown does, and its package's index.json lists it under takenDown";
        assertEquals("note: " + note + "\n", stderr.toString());
        assertEquals(Json.reader().readTree(Json.writeString(List.of(Map.of("kind", "takenDownAtHead", "head", head,
                "branch", "main", "versions", List.of(Map.of("name", "@common/a", "version", "1.1.0", "reason",
                        "held customer data")), "message", note)))),
                Json.reader().readTree(stdout.toString()).get("notes"));
    }

    /**
     * A bad commit at HEAD, which a build of an earlier one goes back from, may be a meta.json that does not parse: the
     * takedowns it records are unknown, so the build, which would serve the versions, is refused, --force or not, but
     * with --allow-unread-head-meta, which warns that it may miss one.
     */
    @Test
    void aBuildOfAnOlderCommitIsRefusedButAllowedWhenHeadsMetaJsonOfAPackageItServesDoesNotRead() throws Exception {
        String[] olderAndHead = commitTakingADownAtHead("{\"takenDown\": {\"1.1.0\": \"held");
        String older = olderAndHead[0];
        String head = olderAndHead[1];
        String missed = "HEAD (branch 'main', commit " + head.substring(0, 7) + ") has a meta.json that does not"
                + " read in full for @common/a, so a takedown it records may be missed by this build of commit "
                + older.substring(0, 7) + ", which serves every version that commit holds of that package unless"
                + " that commit takes it down";

        assertEquals(ExitCode.CONFLICT.code(), run("build", repo.toString(), "--rev", older.substring(0, 7), "--out",
                out.toString(), "--force"), stderr::toString);
        assertEquals("error: " + missed + "\nhint: mend HEAD's meta.json (prompd-registry check names its problems)"
                + " and build again; to build anyway once sure that none of those versions must stay down, add"
                + " --allow-unread-head-meta\n", stderr.toString());
        assertFalse(Files.exists(out), "nothing is written");

        stderr.getBuffer().setLength(0);
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--rev", older.substring(0, 7), "--out",
                out.toString(), "--json", "--allow-unread-head-meta"), stderr::toString);
        String warning = missed + ", as --allow-unread-head-meta allows";
        assertEquals("warning: " + warning + "\n", stderr.toString());
        JsonNode json = Json.reader().readTree(stdout.toString());
        assertEquals(Json.reader().readTree(Json.writeString(List.of(Map.of("kind", "headMetaUnread", "head", head,
                "branch", "main", "packages", List.of("@common/a"), "message", warning)))), json.get("warnings"));
        assertEquals(0, json.get("notes").size(), "no version is left out");
        assertTrue(Files.exists(out.resolve("packages/@common/a/1.1.0.json")), "the version is served");
    }

    /**
     * Commits at HEAD the removal of @common/a 1.1.0 with {@code meta} as its package's meta.json.
     *
     * @return the ids of the commit before it and of HEAD
     */
    private String[] commitTakingADownAtHead(String meta) {
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            String older = registry.head().name();
            registry.delete("packages/@common/a/1.1.0").meta("@common/a", meta);
            return new String[] {older, registry.commit("take a 1.1.0 down").name()};
        }
    }

    @Test
    void aVersionThatFailsValidationFailsTheBuildWithEveryProblem() {
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.write("packages/@common/a/1.2.0/prompd.json",
                    "{\"name\": \"@common/a\", \"version\": \"1.2.0\", \"main\": 3}");
            registry.commit("broken");
        }
        assertEquals(ExitCode.FAILURE.code(), run("build", repo.toString(), "--out", out.toString()));
        assertTrue(stderr.toString().startsWith("error: the registry cannot be built"), stderr.toString());
        assertTrue(stderr.toString().contains("packages/@common/a/1.2.0/prompd.json"), stderr.toString());
        assertEquals("", stdout.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aPackageFolderATreeHoldsTwiceFailsTheBuildNamingItsPath() {
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.commitNamedTwiceLike("packages/@common/a", "packages/@common/a", "a twice");
        }
        assertEquals(ExitCode.FAILURE.code(), run("build", repo.toString(), "--out", out.toString()));
        assertTrue(stderr.toString().startsWith("error: the registry cannot be built"), stderr.toString());
        assertTrue(stderr.toString()
                .contains("packages/@common/a\n  error   the Git tree of packages/@common holds a twice"
                + " (what git fsck calls duplicateEntries)"), stderr.toString());
        assertFalse(Files.exists(out));
    }

    /**
     * An entry whose name is no single name fails the build at the tree holding it, in the check's words: packages/
     * holding 'b/1.0.0/notes.md' failed as a stray file of a package b, and a version folder holding
     * 'docs/notes.md' was built with that file in a docs/ folder that does not hold it.
     */
    @ParameterizedTest
    @CsvSource({"packages, b/1.0.0/notes.md", "packages/@common/a/1.0.0, docs/notes.md"})
    void anEntryWhoseNameIsNoSingleNameFailsTheBuildAtItsTree(String tree, String name) {
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.commitRawEntry(tree, name, "hello\n", "pushed past the check");
        }

        assertEquals(ExitCode.FAILURE.code(), run("build", repo.toString(), "--out", out.toString()));

        assertTrue(stderr.toString().startsWith("error: the registry cannot be built"), stderr.toString());
        assertTrue(stderr.toString().contains("\n" + tree + "\n  error   the Git tree of " + tree + " holds an entry"
                + " named '" + name + "', which is no single name: it holds '/', so its path, " + tree + "/" + name
                + ", passes for one in other folders;"), stderr.toString());
        assertFalse(Files.exists(out));
    }

    /** A tree entry of another type than its object is a repository damaged, as one whose object is missing. */
    @ParameterizedTest
    @CsvSource({"prompts, tree, blob", "prompd.json, blob, tree"})
    void anEntryOfAnotherTypeThanItsObjectIsARepositoryDamaged(String like, String is, String as) throws IOException {
        String version = "packages/@common/a/1.0.0";
        ObjectId object;
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo); Git git = Git.open(repo.toFile())) {
            object = git.getRepository().resolve("HEAD:" + version + "/" + like);
            registry.commitRawEntry(version, "extra", as.equals("blob") ? FileMode.REGULAR_FILE : FileMode.TREE,
                    version + "/" + like, "pushed past the check");
        }

        assertEquals(ExitCode.NOT_FOUND.code(), run("build", repo.toString(), "--out", out.toString()));

        assertEquals("error: " + repo.resolve(".git") + " holds a tree that records the " + is + " " + object.name()
                + " as a " + as + ", which the build reads: the repository is incomplete or damaged\nhint: see what is"
                + " damaged with git fsck in " + repo.resolve(".git") + ", then clone the registry again\n",
                stderr.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aFailedBuildGivesItsProblemsAsJsonWhenAskedTo() throws Exception {
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.write("packages/@common/a/1.2.0/prompd.json",
                    "{\"name\": \"@common/a\", \"version\": \"1.2.0\", \"main\": 3}");
            registry.commit("broken");
        }
        assertEquals(ExitCode.FAILURE.code(), run("build", repo.toString(), "--out", out.toString()));
        String asText = stderr.toString();
        assertEquals(ExitCode.FAILURE.code(), run("build", repo.toString(), "--out", out.toString(), "--json"));

        JsonNode report = Json.reader().readTree(stdout.toString());
        assertFalse(report.get("ok").asBoolean());
        assertEquals("packages/@common/a/1.2.0/prompd.json", report.at("/problems/0/file").asText());
        assertEquals("/main", report.at("/problems/0/pointer").asText());
        // the log of a script's run holds stderr alone: it must still say which file to fix, where and how
        assertEquals(asText, stderr.toString(), "the problems listed on stderr as without --json");
        assertTrue(stderr.toString().startsWith("error: the registry cannot be built: fix these problems in the"
                + " repository\npackages/@common/a/1.2.0/prompd.json\n  error   /main, line 1: "), stderr.toString());
        assertFalse(Files.exists(out));
    }

    /**
     * A meta.json quoting ESC and U+202E (RLO) in a login, and in a dist-tag that also holds a line break: a terminal
     * would act on the first, show the rest of the line in another order after the second.
     */
    private void metaJsonQuotingControlAndBidiCharacters() {
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.meta("@common/a", """
                    {"owners": ["@al\\u001b[2Ki\\u202ece"], "distTags": {"x\\u001by\\u202e\\nz": "1.0.0"}}
                    """);
            registry.commit("meta");
        }
    }

    @Test
    void aFailedBuildSpellsOutWhatAMetaJsonProblemQuotes() {
        metaJsonQuotingControlAndBidiCharacters();

        assertEquals(ExitCode.FAILURE.code(), run("build", repo.toString(), "--out", out.toString()));
        assertEquals("""
                error: the registry cannot be built: fix these problems in the repository
                packages/@common/a/meta.json
                  error   /distTags/x^[y<U+202E>^Jz, line 1: 'x^[y<U+202E>^Jz' is not a dist-tag clients can ask for: \
                a tag starts with a lowercase letter, holds only a-z, 0-9, '.', '_' and '-', and is not a version range
                          hint: rename it, such as beta or next
                  error   /owners/0, line 1: '@al^[[2Ki<U+202E>ce' is not a GitHub login: '@' belongs to a mention, \
                not to the login
                          hint: write the login without '@': al^[[2Ki<U+202E>ce
                2 errors, 0 warnings
                """, stderr.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aFailedBuildGivesWhatAMetaJsonProblemQuotesAsItIsButForALineBreakAsJson() throws Exception {
        metaJsonQuotingControlAndBidiCharacters();

        assertEquals(ExitCode.FAILURE.code(), run("build", repo.toString(), "--out", out.toString(), "--json"));
        JsonNode problems = Json.reader().readTree(stdout.toString()).get("problems");
        assertEquals("'x\u001by\u202e^Jz' is not a dist-tag clients can ask for: a tag starts with a lowercase"
                + " letter, holds only a-z, 0-9, '.', '_' and '-', and is not a version range",
                problems.at("/0/message").asText());
        assertEquals("/distTags/x\u001by\u202e\nz", problems.at("/0/pointer").asText());
        assertEquals("'@al\u001b[2Ki\u202ece' is not a GitHub login: '@' belongs to a mention, not to the login",
                problems.at("/1/message").asText());
        assertEquals("write the login without '@': al\u001b[2Ki\u202ece", problems.at("/1/hint").asText());
        assertTrue(stdout.toString().contains("\"hint\": \"write the login without '@': al\\u001B[2Ki\\u202Ece\""),
                stdout::toString);
    }

    /**
     * A version depending on a package the registry no longer has, as after a setup commit deleting seed packages that
     * kept ones depend on, builds, with a warning naming it, the dependency and how to mend it; a later build carrying
     * the package over warns again, and a package of an external scope is another registry's to serve.
     */
    @Test
    void aDependencyNoVersionServedMeetsIsAWarningOfEveryBuild() throws Exception {
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.write("registry.json", """
                    {"name": "Test registry", "baseUrl": "https://registry.example.test/",
                     "git": "https://git.example.test/registry.git", "maintainers": ["maintainer"],
                     "policy": {"externalScopes": ["@public"]}}
                    """);
            registry.publish("@common/b", "1.0.0", "@common/gone@^1.0.0", "@public/x@^1.0.0", "@common/a@>=1.1.0");
            registry.commit("publish b");
        }
        String gone = "warning: @common/b@1.0.0 depends on @common/gone ^1.0.0, a package this registry does not have,"
                + " so installing it fails ('no package @common/gone exists'): publish @common/gone (or put back its"
                + " folders that a commit deleted), or have a maintainer take @common/b@1.0.0 down (or delete it,"
                + " before the registry is first published); if @common's packages live in another registry, name"
                + " @common in policy.externalScopes of registry.json\n";

        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        assertEquals(gone, stderr.toString());

        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.publish("@common/b", "1.1.0", "@common/a@^2.0.0");
            registry.commit("publish b 1.1.0");
        }
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString(), "--json"),
                stderr::toString);
        assertTrue(stderr.toString().startsWith(gone), stderr::toString);
        assertTrue(stderr.toString().endsWith("warning: @common/b@1.1.0 depends on @common/a ^2.0.0, which no version"
                + " of @common/a this registry serves meets (1.0.0, 1.1.0, yanked ones left out), so installing it"
                + " fails: publish a version of @common/a the range allows, or have a maintainer take @common/b@1.1.0"
                + " down (or delete it, before the registry is first published)\n"), stderr::toString);
        JsonNode warnings = Json.reader().readTree(stdout.toString()).get("warnings");
        assertEquals(2, warnings.size(), warnings::toString);
        assertEquals("unmetDependency", warnings.get(1).get("kind").asText());
        assertEquals("@common/b", warnings.get(1).get("name").asText());
        assertEquals("1.1.0", warnings.get(1).get("version").asText());
        assertEquals("@common/a", warnings.get(1).get("dependency").asText());
        assertEquals("^2.0.0", warnings.get(1).get("range").asText());
        assertEquals("[\"1.0.0\",\"1.1.0\"]", warnings.get(1).get("served").toString());
        assertFalse(warnings.get(0).has("served"), warnings::toString);
    }

    /** A version unpacked but not committed is not built: the build says so, on stderr and in --json's warnings. */
    @Test
    void filesUnderPackagesLeftUncommittedAreAWarningOfTheBuildOfHead() throws Exception {
        Files.createDirectories(repo.resolve("packages/@acme/greetings/0.4.0"));
        Files.writeString(repo.resolve("packages/@acme/greetings/0.4.0/prompd.json"), "{}");
        String head = RegistryRepository.shortId(headOf(repo));

        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        assertTrue(stdout.toString().startsWith("built 1 package, 2 versions"), stdout::toString);
        assertEquals("warning: the working tree has 1 file under packages/ that commit " + head + " (HEAD), which the"
                + " build reads, does not hold as it is (packages/@acme/greetings/0.4.0/prompd.json): the build reads"
                + " only commits, never the working tree; commit it (git add --force FOLDER, then git commit) and run"
                + " it again\n", stderr.toString());

        // nothing to build, but the folder is still left out
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString(), "--json"));
        JsonNode warning = Json.reader().readTree(stdout.toString()).get("warnings").get(0);
        assertEquals("uncommittedFiles", warning.get("kind").asText());
        assertEquals("[\"packages/@acme/greetings/0.4.0/prompd.json\"]", warning.get("paths").toString());
        assertTrue(stderr.toString().startsWith("warning: the working tree has 1 file"), stderr::toString);
    }

    /** Another revision than the one checked out owes nothing to the working tree, nor does a bare clone. */
    @Test
    void noWarningOfTheWorkingTreeForAnotherRevisionOrABareClone() throws Exception {
        Path bare;
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.write("notes.txt", "x").commit("notes");
            bare = registry.bareClone(temp.resolve("bare.git"));
        }
        Files.writeString(repo.resolve("packages/@common/a/1.0.0/README.md"), "changed");

        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--rev", "HEAD~1", "--out", out.toString()),
                stderr::toString);
        assertEquals("", stderr.toString());
        assertEquals(ExitCode.OK.code(), run("build", bare.toString(), "--out", temp.resolve("out2").toString()),
                stderr::toString);
        assertEquals("", stderr.toString());
    }

    private static String headOf(Path repository) throws Exception {
        try (Git git = Git.open(repository.toFile())) {
            return git.getRepository().resolve("HEAD").name();
        }
    }

    /** Run in a version's folder, as git would, the build reads the repository above it and says so. */
    @Test
    void aFolderInsideTheRepositoryBuildsTheRepositoryAboveIt() {
        Path version = repo.resolve("packages/@common/a/1.0.0");

        assertEquals(ExitCode.OK.code(), run("build", version.toString(), "--out", out.toString()), stderr::toString);
        assertTrue(stdout.toString().startsWith("built 1 package, 2 versions"), stdout::toString);
        assertEquals("note: " + version + " is inside the repository " + repo + ", which the build reads\n",
                stderr.toString());
    }

    @Test
    void aFolderOutsideEveryRepositoryIsNotFoundSayingAFolderInsideOneWouldDo() throws Exception {
        Path nowhere = Files.createDirectories(temp.resolve("nowhere"));

        assertEquals(ExitCode.NOT_FOUND.code(), run("build", nowhere.toString(), "--out", out.toString()));
        assertEquals("error: not a Git repository: " + nowhere + "\nhint: give the folder of a clone of the registry"
                + " repository (bare or not), or a folder inside it\n", stderr.toString());
    }

    @Test
    void aMissingRepositoryIsNotFoundNamedOnTheErrorsLine() {
        assertEquals(ExitCode.NOT_FOUND.code(),
                run("build", temp.resolve("nowhere\nhint: x").toString(), "--out", out.toString()));
        assertTrue(stderr.toString().startsWith("error: no such folder: " + temp.resolve("nowhere^Jhint: x")
                + "\nhint: give the folder"), stderr.toString());
    }

    @Test
    void aFileInPlaceOfTheRepositoryIsNotARepositoryAndAPathToNothingIsNoFolder() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "x");

        assertEquals(ExitCode.NOT_FOUND.code(), run("build", file.toString(), "--out", out.toString()));
        assertTrue(stderr.toString().startsWith("error: not a Git repository: " + file + "\n"), stderr.toString());
        stderr.getBuffer().setLength(0);
        assertEquals(ExitCode.NOT_FOUND.code(), run("check", temp.resolve("gone").toString(), "--base", "main",
                "--head", "x", "--actor", "alice"));
        assertTrue(stderr.toString().startsWith("error: no such folder: " + temp.resolve("gone") + "\n"),
                stderr.toString());
    }

    @Test
    void aRepositoryWithoutCommitsIsSaidToHaveNone() throws Exception {
        // a line break in the folder's name could pass for a hint of prompd's
        Path empty = temp.resolve("empty\nhint: x");
        TestRegistryRepo.init(empty).close();

        assertEquals(ExitCode.NOT_FOUND.code(), run("build", empty.toString(), "--out", out.toString()));
        assertTrue(stderr.toString()
                .startsWith("error: " + temp.resolve("empty^Jhint: x/.git") + " has no commits yet\nhint: commit"),
                stderr.toString());
    }

    /** The lock file .DIR.lock failed with the hint to choose a shorter name, where DIR had one mkdir takes. */
    @Test
    void anOutputFolderNamedTooLongForTheFilesBesideItIsAUsageErrorSayingHowLongANameMayBe() {
        Path tooLong = temp.resolve("a".repeat(247));

        assertEquals(ExitCode.USAGE.code(), run("build", repo.toString(), "--out", tooLong.toString()));

        assertEquals("error: --out " + tooLong + " has a name of 247 bytes in UTF-8, too long for the lock and folders a"
                + " build keeps beside it (.DIR.lock, .DIR.staging and .DIR.old), whose names may have up to 255"
                + " bytes\nhint: give --out a folder whose name has 246 bytes or fewer\n", stderr.toString());
        assertFalse(Files.exists(tooLong));
        assertEquals(ExitCode.OK.code(),
                run("build", repo.toString(), "--out", temp.resolve("a".repeat(246)).toString()),
                stderr::toString);
    }

    @Test
    void anUnknownRevisionIsNotFound() {
        assertEquals(ExitCode.NOT_FOUND.code(),
                run("build", repo.toString(), "--rev", "no-such-branch", "--out", out.toString()));
    }

    /** The usual server: git init --bare points HEAD at main, and the team pushes trunk. */
    @Test
    void aBareRepositoryWhoseHeadNamesNoBranchSaysWhichToGiveWithRev() throws Exception {
        Path server = temp.resolve("srv.git");
        try (Repository bare = new FileRepositoryBuilder().setGitDir(server.toFile()).setBare()
                .setInitialBranch("main").build(); Git git = Git.open(repo.toFile())) {
            bare.create(true);
            git.push().setRemote(server.toUri().toString()).setRefSpecs(new RefSpec("main:refs/heads/trunk")).call();
        }

        assertEquals(ExitCode.NOT_FOUND.code(), run("build", server.toString(), "--out", out.toString()));

        assertEquals("error: HEAD in " + server + " points to refs/heads/main, which does not exist; the branches there"
                + " are trunk\nhint: give one of them in place of HEAD, as in --rev trunk\n", stderr.toString());
        assertEquals(ExitCode.OK.code(),
                run("build", server.toString(), "--rev", "trunk", "--out", out.toString()), stderr::toString);
    }

    @Test
    void aShallowCloneIsRefusedSincePublishTimesComeFromTheWholeHistory() throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            git.getRepository().getObjectDatabase().setShallowCommits(Set.of(git.getRepository().resolve("HEAD")));
        }

        assertEquals(ExitCode.NOT_FOUND.code(), run("build", repo.toString(), "--out", out.toString()));

        assertTrue(stderr.toString().contains(" is a shallow clone, and a build reads each version's publishing commit"
                + " from the whole history\nhint: fetch the whole history (git -C " + ShellWords.path(repo.toString())
                + " fetch --unshallow"), stderr.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aPartialCloneBuildsWhatItHoldsAndNamesItsFilterForWhatItLacks() {
        ObjectId blob;
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.meta("@common/a", "{\"distTags\": {\"latest\": \"1.0.0\"}}");
            registry.commit("latest is 1.0.0");
            registry.meta("@common/a", "{\"distTags\": {\"latest\": \"1.1.0\"}}");
            registry.commit("latest is 1.1.0");
            // a blobless clone fetched the blobs of the commit it checked out, and no older one
            blob = registry.markPartialClone("blob:none").deleteBlob("HEAD~1", "packages/@common/a/meta.json");
        }
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);

        assertEquals(ExitCode.NOT_FOUND.code(),
                run("build", repo.toString(), "--rev", "HEAD~1", "--out", temp.resolve("older").toString()));

        assertEquals("error: " + repo.resolve(".git") + " is a partial clone (--filter=blob:none from origin), and the"
                + " build needs objects it does not have, such as blob " + blob.name()
                + "\nhint: clone without --filter"
                + " (in actions/checkout, drop `filter:`)\n", stderr.toString());
        assertFalse(Files.exists(temp.resolve("older")));
    }

    @Test
    void aBuildWaitingForAnotherIntoTheSameFolderNamesItsProcess() throws Exception {
        Path lockFile = temp.resolve(".out.lock");
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exitCode;
            try (RunLock another = RunLock.acquire(lockFile, Duration.ofSeconds(1), () -> { })) {
                exitCode = second.submit(() -> run("build", repo.toString(), "--out", out.toString()));
                long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (stderr.toString().isEmpty() && System.nanoTime() < giveUp) {
                    Thread.sleep(10);
                }
            }
            assertEquals(ExitCode.OK.code(), exitCode.get(60, TimeUnit.SECONDS));
        } finally {
            second.shutdownNow();
        }

        assertEquals("note: waiting for another build into " + out + " to finish (process " + ProcessHandle.current().pid()
                + " holds " + lockFile + ")\n", stderr.toString());
    }

    /**
     * Moves HEAD back to {@code commit}, as a branch reset there and force-pushed does: a build of HEAD then knows of
     * no takedown but those the output's build served, unlike a build of an older commit with --rev, which takes
     * HEAD's.
     */
    private void resetHeadTo(String commit) {
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.checkout(commit);
        }
    }

    @Test
    void goingBackToACommitThatServesAgainAVersionTheOutputTookDownIsRefusedUnlessForcedAndThenWarnedOf() {
        String older;
        String taken;
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            older = registry.head().name();
            registry.delete("packages/@common/a/1.0.0");
            registry.meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"Held a customer's API key.\"}}");
            taken = RegistryRepository.shortId(registry.commit("take down a 1.0.0").name());
        }
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        Path document = out.resolve("packages/@common/a/1.0.0.json");
        resetHeadTo(older);
        older = RegistryRepository.shortId(older);

        assertEquals(ExitCode.CONFLICT.code(), run("build", repo.toString(), "--out", out.toString()));

        assertEquals("error: commit " + older + " would serve again 1 version that the build in " + out + " (of"
                + " commit " + taken + ") took down (@common/a@1.0.0: Held a customer's API key)\nhint: build commit "
                + taken + " or a later one, which keeps them down; to serve them again anyway, add --force\n",
                stderr.toString());
        assertFalse(Files.exists(document), "the output stays as it was");

        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString(), "--force"));

        assertEquals("warning: " + out + " goes back to serving 1 version that its build of commit " + taken + " took"
                + " down (@common/a@1.0.0: Held a customer's API key), as --force allows\n", stderr.toString());
        assertTrue(Files.isRegularFile(document));
    }

    @Test
    void goingBackToACommitThatServesAgainATakedownAndLeavesOutALaterVersionNamesBothBeforeOfferingForce() {
        String older;
        String taken;
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            older = registry.head().name();
            registry.publish("@common/a", "1.2.0");
            registry.commit("publish a 1.2.0");
            registry.delete("packages/@common/a/1.0.0");
            registry.meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"Held a customer's API key.\"}}");
            taken = RegistryRepository.shortId(registry.commit("take down a 1.0.0").name());
        }
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        resetHeadTo(older);
        older = RegistryRepository.shortId(older);

        assertEquals(ExitCode.CONFLICT.code(), run("build", repo.toString(), "--out", out.toString()));

        assertEquals("error: commit " + older + " would serve again 1 version that the build in " + out + " (of"
                + " commit " + taken + ") took down (@common/a@1.0.0: Held a customer's API key), and leaves out 1"
                + " version that it serves, with no takedown record (@common/a@1.2.0): the branch's history was"
                + " rewritten, a push bypassed the check, or the commit is older than the output's, and lock files pin"
                + " them\nhint: if " + out + " was only a preview that nobody installed from, delete it and build"
                + " into it afresh; otherwise build commit " + taken + " or a later one, which keeps the ones taken"
                + " down down and"
                + " serves the others; to serve the ones taken down again and leave the others out anyway, add --force"
                + " (the numbers left out stay kept for the tarballs served)\n", stderr.toString());
        assertTrue(Files.isRegularFile(out.resolve("packages/@common/a/1.2.0.json")), "the output stays as it was");

        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString(), "--force"));

        assertEquals("warning: " + out + " goes back to serving 1 version that its build of commit " + taken + " took"
                + " down (@common/a@1.0.0: Held a customer's API key), as --force allows\nwarning: " + out + " no"
                + " longer serves 1 version that its build of commit " + taken + " served, with no takedown record"
                + " (@common/a@1.2.0), as --force allows; a later build refuses other files under their numbers\n",
                stderr.toString());
    }

    @Test
    void aForcedBuildServingAgainAVersionTakenDownGivesTheWarningAsJsonAndOnStderr() throws Exception {
        String older;
        String taken;
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            older = registry.head().name();
            registry.delete("packages/@common/a/1.0.0");
            registry.meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"Held a\\nkey.\"}}");
            taken = registry.commit("take down a 1.0.0").name();
        }
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        resetHeadTo(older);

        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString(), "--force", "--json"));

        JsonNode warning = Json.reader().readTree(stdout.toString()).get("warnings").get(0);
        assertEquals(Json.reader().readTree("""
                {"kind": "takenDownServedAgain", "previousCommit": "%s",
                 "versions": [{"name": "@common/a", "version": "1.0.0", "reason": "Held a\\nkey."}]}\
                """.formatted(taken)), ((ObjectNode) warning.deepCopy()).without("message"));
        assertEquals("warning: " + warning.get("message").asText() + "\n", stderr.toString(),
                "the sentence of the text");
        assertTrue(stderr.toString().contains("(@common/a@1.0.0: Held a^Jkey)"), "spelt out there: " + stderr);
    }

    @Test
    void aCommitLeavingOutAServedVersionWithNoTakedownRecordIsRefusedUnlessForcedAndThenWarnedOf() {
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        String served;
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            served = RegistryRepository.shortId(registry.head().name());
            registry.delete("packages/@common/a/1.0.0");
            registry.commit("a push past the check that drops a 1.0.0");
        }

        assertEquals(ExitCode.CONFLICT.code(), run("build", repo.toString(), "--out", out.toString()));
        assertTrue(stderr.toString().contains("that the build in " + out + " (of commit " + served + ") serves, with"
                + " no takedown record (@common/a@1.0.0)"), stderr::toString);
        assertTrue(stderr.toString().contains("\nhint: if " + out + " was only a preview that nobody installed from,"
                + " delete it and build into it afresh; otherwise put their folders back, or take each down"),
                stderr::toString);
        stderr.getBuffer().setLength(0);

        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString(), "--force"));
        assertEquals("warning: " + out + " no longer serves 1 version that its build of commit " + served + " served,"
                + " with no takedown record (@common/a@1.0.0), as --force allows; a later build refuses other files"
                + " under their numbers\n", stderr.toString());
    }

    @Test
    void aCommitLeavingOutManyServedVersionsNamesTenInTheRefusalAndTheWarningAndEveryOneInTheJson() throws Exception {
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            for (int patch = 1; patch <= 12; patch++) {
                registry.publish("@common/a", "1.1." + patch);
            }
            registry.commit("publish twelve patches of a");
        }
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        String named = "(@common/a@1.1.1, @common/a@1.1.2, @common/a@1.1.3, @common/a@1.1.4, @common/a@1.1.5,"
                + " @common/a@1.1.6, @common/a@1.1.7, @common/a@1.1.8, @common/a@1.1.9 and 3 more)";

        assertEquals(ExitCode.CONFLICT.code(),
                run("build", repo.toString(), "--rev", "HEAD~1", "--out", out.toString()));
        assertTrue(stderr.toString().contains(" leaves out 12 versions that the build in " + out + " (of commit "),
                stderr::toString);
        assertTrue(stderr.toString().contains(") serves, with no takedown record " + named + ": "), stderr::toString);

        assertEquals(ExitCode.OK.code(),
                run("build", repo.toString(), "--rev", "HEAD~1", "--out", out.toString(), "--force", "--json"));
        JsonNode warning = Json.reader().readTree(stdout.toString()).get("warnings").get(0);
        assertEquals(12, warning.get("versions").size());
        assertEquals("1.1.12", warning.get("versions").get(11).get("version").asText());
        assertTrue(warning.get("message").asText().contains("with no takedown record " + named + ", as --force"),
                warning::toString);
    }

    @Test
    void aDamagedBuildStateIsRefusedNamingItAndIsNeverTakenForNoBuildOrForTheBuildOfItsCommit() throws IOException {
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.publish("@common/a", "1.2.0");
            registry.commit("publish a 1.2.0");
        }
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        Path state = out.resolve(".prompd-build.json");
        String whole = Files.readString(state);
        Path tarball = out.resolve("packages/@common/a/-/a-1.2.0.tgz");
        byte[] served = Files.readAllBytes(tarball);
        // JSON that is whole but no state is only read by a build that has something to build: a build of the commit
        // the output holds parses the state to its end without reading it, to find nothing changed as fast as before
        Map<String, List<String>> damages = Map.of(whole.substring(0, whole.length() / 2), List.of("HEAD", "HEAD~1"),
                "garbage", List.of("HEAD", "HEAD~1"), "", List.of("HEAD", "HEAD~1"), "[]", List.of("HEAD", "HEAD~1"),
                whole.replace("\"1.0.0\"", "\"one\""), List.of("HEAD~1"));
        for (Map.Entry<String, List<String>> damaged : damages.entrySet()) {
            String damage = damaged.getKey();
            Files.writeString(state, damage);
            for (String rev : damaged.getValue()) {
                assertEquals(ExitCode.CONFLICT.code(),
                        run("build", repo.toString(), "--rev", rev, "--out", out.toString()), damage);

                String error = stderr.toString().replace(System.lineSeparator(), "\n");
                assertTrue(error.startsWith("error: " + state + " is damaged ("), error);
                assertTrue(error.contains("\nhint: rebuild the output with a new --out, or delete " + out + " and "
                        + temp.resolve(".out.old") + " first"), error);
                assertEquals(damage, Files.readString(state), "the output stays as it was");
                assertTrue(Arrays.equals(served, Files.readAllBytes(tarball)));
            }
        }
        Files.delete(state);
        Files.createDirectory(state);
        assertEquals(ExitCode.CONFLICT.code(), run("build", repo.toString(), "--out", out.toString()));
        assertTrue(stderr.toString().startsWith("error: " + state + " is damaged (it is not a file)"),
                stderr::toString);
    }

    @Test
    void aDamagedDocumentThatABuildReadsToBuildOnTheOutputIsRefusedNamingIt() throws IOException {
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        Path registryDocument = out.resolve("registry.json");
        Files.writeString(registryDocument, "{\"name\":");
        assertEquals(ExitCode.CONFLICT.code(),
                run("build", repo.toString(), "--out", out.toString()), "the build of the commit it holds");
        assertTrue(stderr.toString().startsWith("error: " + registryDocument + " is damaged (at line 1, column "),
                stderr::toString);
        assertTrue(stderr.toString().contains("\nhint: rebuild the output with a new --out, or delete " + out),
                stderr::toString);

        // a package that changed has its versions' documents carried over, and read
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.publish("@common/a", "1.2.0");
            registry.commit("publish a 1.2.0");
        }
        for (String document : List.of("packages.json", "packages/@common/a/1.0.0.json")) {
            Path damaged = out.resolve(document);
            byte[] whole = Files.readAllBytes(damaged);
            Files.writeString(damaged, "garbage");

            assertEquals(ExitCode.CONFLICT.code(), run("build", repo.toString(), "--out", out.toString()), document);
            assertTrue(stderr.toString().startsWith("error: " + damaged + " is damaged (at line 1, column 1: "),
                    stderr::toString);
            Files.write(damaged, whole);
        }
    }

    @Test
    void aForcedBuildLeavingOutAServedVersionGivesTheWarningAsJsonAndOnStderr() throws Exception {
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        String served;
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            served = registry.head().name();
            registry.delete("packages/@common/a/1.0.0");
            registry.commit("a push past the check that drops a 1.0.0");
        }

        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString(), "--force", "--json"));

        JsonNode warnings = Json.reader().readTree(stdout.toString()).get("warnings");
        assertEquals(Json.reader().readTree("""
                [{"kind": "servedVersionsLeftOut", "previousCommit": "%s",
                  "versions": [{"name": "@common/a", "version": "1.0.0"}],
                  "message": "%s no longer serves 1 version that its build of commit %s served, with no takedown\
                 record (@common/a@1.0.0), as --force allows; a later build refuses other files under their numbers"}]\
                """.formatted(served, out, RegistryRepository.shortId(served))), warnings);
        assertEquals("warning: " + warnings.get(0).get("message").asText() + "\n", stderr.toString());
    }

    @Test
    void goingBackAfterAnUpgradeThatChangedTheBuildStateFormatIsRefusedAsWellFromTheServedDocuments()
            throws IOException {
        String older;
        String taken;
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            older = registry.head().name();
            registry.delete("packages/@common/a/1.0.0");
            registry.meta("@common/a", "{\"takenDown\": {\"1.0.0\": \"Held a customer's API key.\"}}");
            taken = RegistryRepository.shortId(registry.commit("take down a 1.0.0").name());
        }
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()), stderr::toString);
        Path state = out.resolve(".prompd-build.json");
        Files.writeString(state, Files.readString(state).replaceFirst("\"format\" ?: ?\\d+", "\"format\": 0"));
        resetHeadTo(older);

        assertEquals(ExitCode.CONFLICT.code(), run("build", repo.toString(), "--out", out.toString()));

        assertTrue(stderr.toString().startsWith("error: commit "), stderr::toString);
        assertTrue(stderr.toString().contains("(of commit " + taken + ") took down (@common/a@1.0.0: Held a customer's"
                + " API key)\n"), stderr::toString);
        assertFalse(Files.exists(out.resolve("packages/@common/a/1.0.0.json")), "the output stays as it was");

        // the served documents are the output's, which anything may have written
        Path packument = out.resolve("packages/@common/a/index.json");
        Files.writeString(packument, Files.readString(packument).replace("API key.", "API key.\\u001b[2J"));
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString(), "--force"));

        assertTrue(stderr.toString()
                .endsWith("(@common/a@1.0.0: Held a customer's API key.^[[2J), as --force allows\n"),
                stderr::toString);
    }

    @Test
    void aRepositoryThatLostAnObjectIsSaidToBeDamaged() {
        ObjectId blob;
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            blob = registry.deleteBlob("HEAD", "packages/@common/a/1.0.0/prompts/x.prmd");
        }

        assertEquals(ExitCode.NOT_FOUND.code(), run("build", repo.toString(), "--out", out.toString()));

        assertEquals("error: " + repo.resolve(".git") + " lacks the blob " + blob.name() + " that the build reads: the"
                + " repository is incomplete or damaged\nhint: see what is damaged with git fsck in "
                + repo.resolve(".git") + ", then clone the registry again\n", stderr.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aRepositoryWithAnObjectCutShortIsSaidToBeDamagedNamingTheObject() {
        ObjectId blob;
        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            blob = registry.truncateBlob("HEAD", "packages/@common/a/1.0.0/prompts/x.prmd");
        }

        assertEquals(ExitCode.NOT_FOUND.code(), run("build", repo.toString(), "--out", out.toString()));

        assertEquals("error: " + repo.resolve(".git") + " holds a damaged object that the build reads (Object "
                + blob.name() + " is corrupt: Unexpected end of ZLIB input stream): the repository is damaged\nhint:"
                + " see what is damaged with git fsck in " + repo.resolve(".git") + ", then clone the registry again\n",
                stderr.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBaseUrlPrompdCannotReadIsAUsageError() {
        for (String unreadable : List.of("registry/", "https://cdn.example/r?v=1", "ftp://cdn.example/r/",
                "s3://bucket/r/")) {
            assertEquals(ExitCode.USAGE.code(),
                    run("build", repo.toString(), "--out", out.toString(), "--base-url", unreadable),
                    unreadable);
            assertTrue(stderr.toString()
                    .contains("--base-url must be an absolute https://, http:// or file:// URL (what"
                    + " prompd reads) without query or fragment"), stderr.toString());
        }
        stderr.getBuffer().setLength(0);
        assertEquals(ExitCode.USAGE.code(),
                run("build", repo.toString(), "--out", out.toString(), "--base-url", "http://x/a b/"));
        assertEquals("error: --base-url must be an absolute https://, http:// or file:// URL (what prompd"
                + " reads) without"
                + " query or fragment, such as https://example.org/registry/, not 'http://x/a b/' (illegal character in"
                + " path at position 11: write a space as %20)\nhint: see 'prompd-registry build --help'\n",
                stderr.toString());
        stderr.getBuffer().setLength(0);
        assertEquals(ExitCode.USAGE.code(),
                run("build", repo.toString(), "--out", out.toString(), "--base-url", "https://cdn^x/r/"));
        assertTrue(stderr.toString().contains("(illegal character in authority at position 12)"), stderr.toString());
        stderr.getBuffer().setLength(0);
        assertEquals(ExitCode.USAGE.code(),
                run("build", repo.toString(), "--out", out.toString(), "--base-url", "https://cdn.example:65536/r/"));
        assertTrue(stderr.toString().startsWith("error: in --base-url, the port 65536 is out of range: use 1 to 65535"),
                stderr.toString());
        assertEquals(ExitCode.USAGE.code(), run("build", repo.toString(), "--out", ""));
        assertTrue(stderr.toString().contains("error: --out is empty; give the output folder"), stderr.toString());
        assertFalse(Files.exists(out));
    }

    /**
     * A base URL refused as no URL prompd reads was quoted as given: a password before a mistyped {@code http//}, or
     * a token in its query, went into the CI log. It is quoted with its user part masked and its query hidden.
     */
    @Test
    void aRefusedBaseUrlIsQuotedWithoutItsPasswordOrQuery() {
        Map<String, String> quoted = new LinkedHashMap<>();
        quoted.put("http//deploy:S3CR3TPW@host/", "'http//***@host/'");
        quoted.put("http://host/?token=S3CR3TPW", "'http://host/?…'");
        quoted.put("http://host/#S3CR3TPW", "'http://host/#…'");
        quoted.put("deploy:S3CR3TPW@host/", "'***@host/'");
        quoted.forEach((given, shown) -> {
            stderr.getBuffer().setLength(0);
            assertEquals(ExitCode.USAGE.code(),
                    run("build", repo.toString(), "--out", out.toString(), "--base-url", given), given);
            assertTrue(stderr.toString().startsWith("error: --base-url must be an absolute https://, http:// or"
                    + " file:// URL (what prompd reads) without query or fragment, such as"
                    + " https://example.org/registry/, not " + shown + "\n"), stderr.toString());
            assertFalse(stderr.toString().contains("S3CR3TPW"), stderr.toString());
        });
        assertFalse(Files.exists(out));
    }

    @Test
    void aBaseUrlWithDotOrEmptySegmentsIsAUsageErrorNamingTheUrlToUse() {
        Map<String, String> toUse = new LinkedHashMap<>();
        toUse.put("http://127.0.0.1:18121/sub/../x/", "http://127.0.0.1:18121/x/");
        toUse.put("https://h/sub//", "https://h/sub/");
        toUse.put("http://h/%2e%2e/", "http://h/");
        toUse.put("https://h/a/.%2E/b/./c", "https://h/b/c/");
        toUse.put("https://h//r/", "https://h/r/");
        toUse.put("file:///srv/./registry/", "file:///srv/registry/");
        toUse.forEach((given, use) -> {
            stderr.getBuffer().setLength(0);
            assertEquals(ExitCode.USAGE.code(),
                    run("build", repo.toString(), "--out", out.toString(), "--base-url", given), given);
            assertEquals("error: --base-url must name its folder directly, without '.' or '..' segments or empty ones"
                    + " ('//'), which one host resolves and another serves as written, not '" + given + "': use "
                    + use + "\nhint: see 'prompd-registry build --help'\n", stderr.toString());
        });
        assertFalse(Files.exists(out));
    }

    @Test
    void aBaseUrlWithAUserOrPasswordIsAUsageErrorThatDoesNotRepeatThePassword() {
        for (String withUser : List.of("https://deploy:s3cr3t@registry.example.org/r",
                "https://deploy@registry.example.org/r",
                "HTTPS://deploy:s3cr3t@registry.example.org:8443/r")) {
            stderr.getBuffer().setLength(0);
            assertEquals(ExitCode.USAGE.code(),
                    run("build", repo.toString(), "--out", out.toString(), "--base-url", withUser), withUser);
            assertEquals("error: --base-url holds a user or password, which the build would write into the URLs of"
                    + " every document, where every reader of the registry sees it; give the URL without it, such as"
                    + " https://registry.example.org" + (withUser.contains(":8443") ? ":8443" : "") + "/r, and let each"
                    + " client keep its credentials in its own config (prompd login)\nhint: see 'prompd-registry build"
                    + " --help'\n", stderr.toString());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void aBaseUrlWithASeparatorWrittenEncodedIsAUsageErrorAsClientsRefuseItsRegistry() {
        assertEquals(ExitCode.USAGE.code(), run("build", repo.toString(), "--out", out.toString(), "--base-url",
                "https://r.example.org/a%2fb/"));
        assertEquals("error: in --base-url, the path holds '%2f', a '/' written encoded, which the file system or a"
                + " server reads as a folder separator though the URL does not: write the path with '/' between its"
                + " folders\n"
                + "hint: see 'prompd-registry build --help'\n", stderr.toString());
        assertFalse(Files.exists(out));
    }

    /** The JDK splits no user part off an authority whose password holds '@', nor one whose host holds '_'. */
    @Test
    void aBaseUrlWhosePasswordOrHostTheJdkCannotSplitIsRefusedWithoutRepeatingThePassword() {
        for (String withUser : List.of("https://deploy:s3cr3t@w@registry.example.org/r/",
                "https://deploy:s3cr3t@my_host.example.org/r/", "https://deploy:s3cr3t@exa mple.org/r/")) {
            stderr.getBuffer().setLength(0);
            assertEquals(ExitCode.USAGE.code(),
                    run("build", repo.toString(), "--out", out.toString(), "--base-url", withUser), withUser);
            assertTrue(stderr.toString().startsWith("error: --base-url "), stderr.toString());
            assertFalse(stderr.toString().contains("s3cr3t"), stderr.toString());
        }
        stderr.getBuffer().setLength(0);
        assertEquals(ExitCode.USAGE.code(), run("build", repo.toString(), "--out", out.toString(), "--base-url",
                "https://my_host.example.org/r/"));
        assertTrue(stderr.toString().contains("(no host name that reads)"), stderr.toString());
        assertFalse(Files.exists(out), "nothing is built, so no document holds the password");
    }

    /** As prompd's help names them (DIR, NAME, URL), and with -o for --out, as prompd pack has. */
    @Test
    void everyCommandsHelpNamesValuesInCapitalsAndBuildTakesOAsOut() throws Exception {
        for (String command : List.of("build", "check", "serve")) {
            assertEquals(ExitCode.OK.code(), run(command, "--help"));
            assertFalse(stdout.toString().matches("(?s).*<[a-z]+>.*"), stdout.toString());
        }
        assertEquals(ExitCode.OK.code(), run("build", "--help"));
        assertTrue(stdout.toString().startsWith("Usage: prompd-registry build [-hvV] [--allow-unread-head-meta]"
                + " [--force]\n                             [--json] [--base-url=URL] -o=DIR [--rev=REV] REPO\n"),
                stdout.toString());

        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "-o", out.toString()));
        assertTrue(Files.isRegularFile(out.resolve("packages.json")));
    }

    @Test
    void aMistypedOptionIsNamedAloneWithTheOptionMeantNotWithItsValue() {
        assertEquals(ExitCode.USAGE.code(), run("build", repo.toString(), "--otu", out.toString()));
        assertEquals("error: unknown option '--otu'\nhint: did you mean --out? see 'prompd-registry build --help'\n",
                stderr.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void anEmptyRevisionIsAUsageError() {
        for (String empty : List.of("", " ")) {
            stderr.getBuffer().setLength(0);
            assertEquals(ExitCode.USAGE.code(), run("build", repo.toString(), "--rev", empty, "--out", out.toString()));
            assertEquals("error: --rev is empty; give a branch, tag or commit, such as --rev HEAD (a variable that is"
                    + " not set gives an empty one)\nhint: see 'prompd-registry build --help'\n", stderr.toString());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void aBaseUrlWithoutTheClosingSlashIsTakenAsTheFolderItNames() throws Exception {
        assertEquals(ExitCode.OK.code(),
                run("build", repo.toString(), "--out", out.toString(), "--base-url", "https://cdn.example/r"));

        JsonNode packument = Json.reader().readTree(Files.readAllBytes(out.resolve("packages/@common/a/index.json")));
        assertEquals("https://cdn.example/r/packages/@common/a/-/a-1.0.0.tgz",
                packument.at("/versions/1.0.0/dist/tarball").asText());
    }

    /**
     * A letter outside ASCII, or an escape with lower-case digits, is written as a client sends it and records it in
     * its lock: its raw bytes were sent, which a server reads as other characters (404).
     */
    @Test
    void aBaseUrlIsWrittenEscapedOnceWithUpperCaseDigitsHoweverItIsTyped() throws Exception {
        for (String typed : List.of("http://127.0.0.1:18533/r\u00e9gistry/", "http://127.0.0.1:18533/r%c3%a9gistry/",
                "http://127.0.0.1:18533/r%C3%A9gistry")) {
            assertEquals(ExitCode.OK.code(),
                    run("build", repo.toString(), "--out", out.toString(), "--base-url", typed), typed);

            JsonNode packument = Json.reader().readTree(Files.readAllBytes(out.resolve(
                    "packages/@common/a/index.json")));
            assertEquals("http://127.0.0.1:18533/r%C3%A9gistry/packages/@common/a/-/a-1.0.0.tgz",
                    packument.at("/versions/1.0.0/dist/tarball").asText(), typed);
            JsonNode registry = Json.reader().readTree(Files.readAllBytes(out.resolve("registry.json")));
            assertEquals("http://127.0.0.1:18533/r%C3%A9gistry/packages/{name}/index.json",
                    registry.at("/urls/package").asText(), typed);
        }
    }

    @Test
    void anOutputThatIsNoBuildIsNeverReplaced() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.txt"), "mine");
        assertEquals(ExitCode.CONFLICT.code(), run("build", repo.toString(), "--out", file.toString()));
        assertEquals("error: " + file + " is a file, not a folder\nhint: give a new or empty folder to --out: a build"
                + " replaces the whole folder\n", stderr.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("mine", Files.readString(file));

        Path folder = Files.createDirectories(temp.resolve("documents"));
        Files.writeString(folder.resolve("thesis.md"), "years of work");
        assertEquals(ExitCode.CONFLICT.code(), run("build", repo.toString(), "--out", folder.toString()));
        assertTrue(stderr.toString()
                .startsWith("error: " + folder + " is not empty and not the output of a previous build"),
                stderr.toString());
        try (var left = Files.list(temp)) {
            assertEquals(List.of(folder, file, repo), left.sorted().toList(), "no staging folder is left beside it");
        }
        assertEquals("years of work", Files.readString(folder.resolve("thesis.md")));
    }

    @Test
    void aFileWhereAFolderAboveTheOutputMustBeIsNamedWithWhatToDo() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "mine");
        Path below = file.resolve("site/out");

        assertEquals(ExitCode.CONFLICT.code(), run("build", repo.toString(), "--out", below.toString()));
        assertEquals("error: " + file + " is a file, not a folder: --out " + below
                + " cannot be made in it\nhint: rename"
                + " or remove the file, or give --out another path\n",
                stderr.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aRefusedBuildAndAUsageErrorGiveTheJsonFailureWhenAskedTo() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("documents"));
        Files.writeString(folder.resolve("thesis.md"), "years of work");

        assertEquals(ExitCode.CONFLICT.code(), run("build", repo.toString(), "--out", folder.toString(), "--json"));
        JsonNode refused = Json.reader().readTree(stdout.toString());
        assertFalse(refused.get("ok").asBoolean());
        assertEquals(ExitCode.CONFLICT.code(), refused.at("/error/exitCode").asInt());
        assertEquals(folder + " is not empty and not the output of a previous build",
                refused.at("/error/message").asText());
        assertTrue(refused.at("/error/hint").asText().startsWith("give a new or empty folder to --out"),
                refused::toString);
        assertTrue(stderr.toString().startsWith("error: " + folder + " is not empty"), "the text stays on stderr");

        assertEquals(ExitCode.USAGE.code(), run("build", "--json"));
        JsonNode usage = Json.reader().readTree(stdout.toString());
        assertEquals(ExitCode.USAGE.code(), usage.at("/error/exitCode").asInt());
        assertEquals("missing required parameter: 'REPO'", usage.at("/error/message").asText());
        assertEquals("see 'prompd-registry build --help'", usage.at("/error/hint").asText());

        assertEquals(ExitCode.USAGE.code(), run("build", repo.toString(), "--out", ""));
        assertEquals("", stdout.toString(), "without --json, stdout stays empty");
    }

    @Test
    void aFolderWithABuildMarkerThatIsNoBuildStateIsNeverReplaced() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("documents"));
        Files.writeString(folder.resolve("thesis.md"), "years of work");
        for (String marker : List.of("", "not json", "{\"commit\": \"mine\"}")) {
            Files.writeString(folder.resolve(".prompd-build.json"), marker);

            assertEquals(ExitCode.CONFLICT.code(), run("build", repo.toString(), "--out", folder.toString()), marker);
            assertTrue(stderr.toString().startsWith("error: " + folder + " is not empty and not the output of a"
                    + " previous build"), stderr.toString());
        }
        assertEquals("years of work", Files.readString(folder.resolve("thesis.md")));
        assertFalse(Files.exists(temp.resolve(".documents.old")));
    }

    @Test
    void aFolderWithABuildStateButNoRegistryDocumentIsNeverReplaced() throws IOException {
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()));
        byte[] state = Files.readAllBytes(out.resolve(".prompd-build.json"));
        Path folder = Files.createDirectories(temp.resolve("copied-state"));
        Files.write(folder.resolve(".prompd-build.json"), state);

        assertEquals(ExitCode.CONFLICT.code(),
                run("build", repo.toString(), "--out", folder.toString()), "the very commit that state names");
        assertEquals("error: " + folder + " is not empty and not the output of a previous build\nhint: give a new or"
                + " empty folder to --out: a build replaces the whole folder\n",
                stderr.toString().replace(System.lineSeparator(), "\n"));

        try (TestRegistryRepo registry = TestRegistryRepo.init(repo)) {
            registry.publish("@common/b", "1.0.0");
            registry.commit("publish b");
        }
        Files.writeString(folder.resolve("thesis.md"), "years of work");
        assertEquals(ExitCode.CONFLICT.code(),
                run("build", repo.toString(), "--out", folder.toString()), "a later commit");
        assertEquals("years of work", Files.readString(folder.resolve("thesis.md")));
        assertTrue(Files.isRegularFile(folder.resolve(".prompd-build.json")));
        assertFalse(Files.exists(temp.resolve(".copied-state.old")));
    }

    @Test
    void aFolderWithABuildStateButNotEveryRootDocumentIsNeverReplaced() throws IOException {
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()));
        List<String> documents = List.of("registry.json", "packages.json", "schemas/prompd.schema.json");
        for (String missing : documents) {
            Path folder = temp.resolve("copied-" + documents.indexOf(missing));
            for (String copied : List.of(".prompd-build.json", "registry.json", "packages.json",
                    "schemas/prompd.schema.json")) {
                if (!copied.equals(missing)) {
                    Files.createDirectories(folder.resolve(copied).getParent());
                    Files.copy(out.resolve(copied), folder.resolve(copied));
                }
            }

            assertEquals(ExitCode.CONFLICT.code(),
                    run("build", repo.toString(), "--out", folder.toString()), "without " + missing);
            assertEquals("error: " + folder + " is not empty and not the output of a previous build\nhint: give a new"
                    + " or empty folder to --out: a build replaces the whole folder\n",
                    stderr.toString().replace(System.lineSeparator(), "\n"));
            assertFalse(Files.exists(folder.resolve(missing)));
        }
    }

    @Test
    void aFileSystemRootIsNoOutputFolder() {
        Path root = temp.getRoot();

        assertEquals(ExitCode.USAGE.code(), run("build", repo.toString(), "--out", root.toString()));
        assertTrue(stderr.toString().startsWith("error: --out " + root + " is a file system root; give a folder below"
                + " it"), stderr.toString());
    }

    @Test
    void aMountPointIsNoOutputFolderSinceTheBuildReplacesItWithARename() {
        // a mount point on every Linux, another file system than the root's
        Path mount = Path.of("/proc");

        assertEquals(ExitCode.USAGE.code(), run("build", repo.toString(), "--out", mount.toString()));
        assertEquals("error: --out /proc is a mount point, another file system than that of /: a build replaces its"
                + " output folder with a rename, which cannot move a mount point\nhint: build into a folder inside the"
                + " mount, such as --out /proc/site\n", stderr.toString().replace(System.lineSeparator(), "\n"));
        assertFalse(Files.exists(Path.of("/.proc.lock")), "refused before anything is written beside it");
    }

    @Test
    void aSymbolicLinkIsNoOutputFolderSinceTheBuildWouldReplaceTheLinkNotItsTarget() throws IOException {
        assertEquals(ExitCode.OK.code(), run("build", repo.toString(), "--out", out.toString()));
        Path link = Files.createSymbolicLink(Files.createDirectories(temp.resolve("www")).resolve("registry"),
                Path.of("../out"));

        assertEquals(ExitCode.USAGE.code(), run("build", repo.toString(), "--out", link.toString()));
        assertEquals("error: --out " + link + " is a symbolic link to " + out.toRealPath() + ": a build replaces its"
                + " output folder with a rename, which would replace the link and leave " + out.toRealPath()
                + " as it was\nhint: give the folder itself: --out " + out.toRealPath() + "\n",
                stderr.toString().replace(System.lineSeparator(), "\n"));
        assertTrue(Files.isSymbolicLink(link));
        try (var beside = Files.list(link.getParent())) {
            assertEquals(List.of(link), beside.toList(), "no lock or staging folder beside the link");
        }

        Path dangling = Files.createSymbolicLink(temp.resolve("site"), Path.of("nowhere"));
        assertEquals(ExitCode.USAGE.code(), run("build", repo.toString(), "--out", dangling.toString()));
        assertTrue(stderr.toString().startsWith("error: --out " + dangling + " is a symbolic link to "
                + temp.resolve("nowhere") + ": "), stderr.toString());
        assertTrue(Files.isSymbolicLink(dangling));
    }

    @Test
    void anArgumentNamedLikeAnExistingFileIsNeverReadAsMoreArguments() throws IOException {
        Path file = Files.writeString(temp.resolve("acme"), "--version\n");
        assertEquals(ExitCode.USAGE.code(),
                run("build", repo.toString(), "--out", out.toString(), "--rev", "main", "@" + file));
        assertEquals("", stdout.toString(), "the file's --version was not read as an argument");
    }

    @Test
    void theOutputFolderIsRequired() {
        assertEquals(ExitCode.USAGE.code(), run("build", repo.toString()));
        assertTrue(stderr.toString().contains("--out"), stderr.toString());
    }
}
