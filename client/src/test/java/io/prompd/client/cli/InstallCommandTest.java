package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The install command's basics as a user types them: what it saves in prompd.json, how it reads the packages named,
 * its --json warnings, global installs and where it finds the project.
 */
class InstallCommandTest extends InstallCommandsFixture {

    @Test
    void installAddsSavesAndReportsWhatItDid() throws IOException {
        CliRun run = prompd("install", "acme/greeter");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                saved @acme/greeter ^1.0.0 in prompd.json
                3 packages: 3 downloaded, 0 from the cache, 0 already installed
                prompd.lock written:
                  + @acme/base@1.0.0
                  + @acme/greeter@1.0.0
                  + @acme/util@1.1.0
                """, run.out());
        assertEquals("", run.err(), "no progress bar when stderr is not a terminal");
        assertTrue(Files.isRegularFile(home.resolve("packages/@acme/greeter@1.0.0/prompd.json")));

        CliRun again = prompd("install", "--json");
        assertEquals(0, again.exitCode(), again.err());
        JsonNode json = Json.reader().readTree(again.out());
        assertFalse(json.get("resolved").asBoolean());
        assertFalse(json.get("lockChanged").asBoolean());
        assertEquals(0, json.get("lockChanges").size());
        assertEquals("alreadyInstalled", json.get("packages").get(0).get("origin").asText());
        assertEquals(0, json.get("repaired").size());
    }

    /**
     * As a CI caching its home in the checkout, or a project at the user's home folder with the default home, has it:
     * the home's lock and the project's were the same file, so the run waited for itself until it gave up. Through a
     * link to that folder too, the home is the same folder.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHomeThatIsTheProjectsPrompdFolderTakesTheLockOnceAndInstallsUpdatesAndUninstalls(boolean throughALink)
            throws IOException {
        Path stateFolder = Files.createDirectories(project.resolve(".prompd"));
        home = throughALink ? Files.createSymbolicLink(work.resolve("home-link"), stateFolder) : stateFolder;

        CliRun install = prompd("install", "@acme/base");
        CliRun update = prompd("update");
        CliRun uninstall = prompd("uninstall", "@acme/base");

        assertEquals(0, install.exitCode(), install.err());
        assertEquals("", install.err());
        assertTrue(Files.isRegularFile(stateFolder.resolve("packages/@acme/base@1.0.0/prompd.json")));
        assertTrue(Files.isRegularFile(stateFolder.resolve(".gitignore")), "the project's folder as ever");
        assertEquals(0, update.exitCode(), update.err());
        assertEquals(0, uninstall.exitCode(), uninstall.err());
        assertEquals("", uninstall.err());
        assertEquals(0, prompd("install").exitCode(), "the lock released");
    }

    @Test
    void aBareVersionIsSavedAsItsCaretRangeAndSaveExactKeepsTheVersionChosen() throws IOException {
        registry.publish("@acme/next", "3.0.0-rc.1").tag("@acme/next", "next", "3.0.0-rc.1")
                .publish("@acme/pinned", "1.0.0").publish("@acme/pinned", "1.1.0");

        CliRun run = prompd("install", "@acme/util@1.0.0", "@acme/next@3.0.0-rc.1", "@acme/pinned@=1.0.0",
                "@acme/base@~1.0");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("""
                saved @acme/base ~1.0 in prompd.json
                saved @acme/next ^3.0.0-rc.1 in prompd.json
                saved @acme/pinned =1.0.0 in prompd.json
                saved @acme/util ^1.0.0 in prompd.json
                """), "as npm's save-prefix: " + run.out());
        assertTrue(run.out().contains("+ @acme/util@1.0.0\n"), "the version asked for is installed: " + run.out());

        CliRun exact = prompd("install", "-E", "@acme/util@1.0.0", "@acme/next@next", "@acme/pinned");
        assertEquals(0, exact.exitCode(), exact.err());
        assertTrue(exact.out().startsWith("""
                saved @acme/next 3.0.0-rc.1 in prompd.json
                saved @acme/pinned 1.1.0 in prompd.json
                saved @acme/util 1.0.0 in prompd.json
                """), exact.out());
        assertEquals(2, prompd("install", "--save-exact", "--global", "@acme/util").exitCode(), "nothing to save");
        assertEquals(2, prompd("install", "--save-exact").exitCode(), "nothing to save");
    }

    /**
     * '--frozen --global' was told that --global needs packages, and with them that the two go not together; '--frozen
     * -E' to name packages, and with them that --frozen takes none. The options that cannot go together come first,
     * their advice naming the ways that work whole, and each way's own need of packages after.
     */
    @Test
    void theUsageErrorsComeInAnOrderWhereNoAdviceLeadsIntoAnother() throws IOException {
        String frozenAndGlobal = "--frozen installs a project's prompd.lock as it is, and --global installs without a"
                + " project: give one or the other: --frozen alone, or --global with the packages to install";
        assertUsageError(frozenAndGlobal, "install", "--frozen", "--global");
        assertUsageError(frozenAndGlobal, "install", "--frozen", "--global", "@acme/util");
        assertUsageError(frozenAndGlobal, "install", "--frozen", "--global", "Not A Name");
        assertUsageError(frozenAndGlobal + ", without --save-exact", "install", "--frozen", "--global", "-E");
        String frozenAndExact = "--frozen forbids changing prompd.json, and --save-exact saves the packages it adds to"
                + " it: give one or the other: --frozen alone, or --save-exact with the packages to add";
        assertUsageError(frozenAndExact, "install", "--frozen", "-E");
        assertUsageError(frozenAndExact, "install", "--frozen", "-E", "@acme/util");
        String globalAndExact = "--save-exact saves the packages it adds to prompd.json, and --global leaves"
                + " prompd.json untouched: give one or the other: --global with the packages to install, or"
                + " --save-exact with the packages to add";
        assertUsageError(globalAndExact, "install", "--global", "-E");
        assertUsageError(globalAndExact, "install", "--global", "-E", "@acme/util");
        assertUsageError("--global needs the packages to install", "install", "--global");
        assertUsageError("--frozen forbids changing prompd.json, and naming packages adds them to it: run 'prompd"
                + " install --frozen' alone, or add the packages without --frozen", "install", "--frozen",
                "Not A Name");
        assertUsageError("--save-exact saves the packages it adds to prompd.json: name them", "install", "-E");
        assertEquals("{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n",
                Files.readString(project.resolve("prompd.json")));
        assertFalse(Files.exists(home.resolve("packages")), "nothing installed");
    }

    private void assertUsageError(String error, String... args) {
        CliRun run = prompd(args);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: " + error + "\nhint: see 'prompd install --help'\n", run.err(), String.join(" ", args));
    }

    @Test
    void aVersionWrittenWithVIsABareVersionToo() throws IOException {
        registry.publish("@acme/pinned", "1.0.0").publish("@acme/pinned", "1.1.0");

        CliRun run = prompd("install", "@acme/util@v1.0.0", "@acme/pinned@=v1.0.0");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("""
                saved @acme/pinned =v1.0.0 in prompd.json
                saved @acme/util ^1.0.0 in prompd.json
                """), "npm reads v1.0.0 as the version 1.0.0: " + run.out());
        CliRun exact = prompd("install", "-E", "@acme/util@v1.0.0");
        assertEquals(0, exact.exitCode(), exact.err());
        assertTrue(exact.out().startsWith("saved @acme/util 1.0.0 in prompd.json\n"), exact.out());
    }

    /**
     * A dependant's range leaving out the only versions, pre-releases, was hinted to be asked for by a range naming
     * one, which the project's own range then did, to the same error and hint.
     */
    @Test
    void aPreReleaseADependantsRangeLeavesOutIsHintedAsThatDependantsNotTheProjects() throws IOException {
        registry.publish("@acme/pre", "1.1.0-beta.1").publish("@acme/uses", "1.0.0", "@acme/pre", "^1.0.0");
        editDependencies("\"@acme/uses\": \"^1.0.0\"");
        String hint = "hint: every version of @acme/uses depends on @acme/pre ^1.0.0, which leaves out the"
                + " pre-release 1.1.0-beta.1 whatever the project's own ranges say: only a version of @acme/uses whose"
                + " range names a pre-release could take it, so ask the maintainers of @acme/uses for one, or wait for"
                + " a release of @acme/pre that ^1.0.0 matches\n";

        CliRun install = prompd("install");
        editDependencies("\"@acme/uses\": \"^1.0.0\", \"@acme/pre\": \"^1.1.0-beta.1\"");
        CliRun withOwnRange = prompd("install");

        assertEquals(3, install.exitCode(), install.err());
        assertTrue(install.err().endsWith(hint), install.err());
        assertEquals(3, withOwnRange.exitCode(), withOwnRange.err());
        assertTrue(withOwnRange.err().endsWith(hint), withOwnRange.err());
    }

    /**
     * '@acme/_tone' was corrected to '@acme/tone', another package, which exists: only a name of other letter case is
     * offered as the name meant, and one breaking another rule is told the rule.
     */
    @Test
    void anInvalidNameIsToldItsRuleWithoutProposingAnotherPackageThatExists() throws IOException {
        registry.publish("@acme/tone", "1.0.0");

        CliRun underscore = prompd("install", "@acme/_tone");
        CliRun upperCase = prompd("install", "@Acme/Tone");

        assertEquals(2, underscore.exitCode(), underscore.err());
        assertEquals("error: invalid value for PACKAGE: '@acme/_tone' does not name a package: '@acme/_tone' is not a"
                + " valid package name: the name '_tone' starts with '_'; use only lowercase letters a-z, digits, '.',"
                + " '_' and '-', starting with a letter or digit; write @org/pkg, optionally followed by @ and a"
                + " version range or dist-tag, as in @org/pkg@^1.2 or @org/pkg@beta\nhint: see 'prompd install"
                + " --help'\n", underscore.err());
        assertEquals(2, upperCase.exitCode(), upperCase.err());
        assertTrue(upperCase.err().contains("package names are lower case, so write '@acme/tone'"), upperCase.err());
        assertFalse(Files.exists(project.resolve("prompd.lock")), "nothing was installed");
    }

    @Test
    void aPackageNamedAloneWhoseLatestVersionDoesNotGoWithTheProjectGetsTheHighestThatDoes() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.publish("@acme/util", "2.0.0").publish("@acme/lone", "1.0.0", "@acme/util", "^2.0.0");

        CliRun install = prompd("install", "@acme/util");
        CliRun none = prompd("install", "@acme/lone");

        assertEquals(0, install.exitCode(), install.err());
        assertEquals("warning: @acme/util ^2.0.0, from its latest version, cannot be installed in this project, so"
                + " 1.1.0, the highest version that can, is installed: Because your project depends on @acme/base"
                + " ^1.0.0 which depends on @acme/util ^1.0.0, @acme/util ^1.0.0 is required.\n  So, because your"
                + " project depends on @acme/util ^2.0.0, version solving failed.\n", install.err(),
                "in the resolver's words, as asking for ^2.0.0 fails");
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/util\": \"^1.1.0\""),
                "the version installed is saved as ^<version>, as for the latest");
        assertEquals(4, none.exitCode(), none.err());
        assertTrue(none.err().contains("@acme/lone ^1.0.0 is the range prompd chose from the latest version, named"
                + " without one, and no other version goes with the project either"), none.err());
        assertEquals(4, prompd("install", "@acme/util@^2.0.0").exitCode(), "a range the user wrote stays theirs");
    }

    @Test
    void packagesNamedAloneWhoseLatestVersionsConflictAreToldAsRangesPromptdChose() throws IOException {
        registry.publish("@acme/util", "2.0.0").publish("@acme/old", "1.0.0", "@acme/util", "^1.0.0")
                .publish("@acme/new", "1.0.0", "@acme/util", "^2.0.0");

        CliRun both = prompd("install", "@acme/old", "@acme/new");

        assertEquals(4, both.exitCode(), both.err());
        assertTrue(both.err().contains("@acme/old ^1.0.0 and @acme/new ^1.0.0 are the ranges prompd chose from the"
                + " latest versions, named without one, and no other versions go with the project either"), both.err());
    }

    /**
     * '@latest' is prompd's choice of range as a name alone is, but its conflict was told as the user's ranges: the
     * hint of the ranges prompd chose was given only for packages named without a dist-tag.
     */
    @Test
    void packagesNamedAtLatestWhoseLatestVersionsConflictAreToldAsVersionsPromptdChose() throws IOException {
        registry.publish("@acme/util", "2.0.0").publish("@acme/old", "1.0.0", "@acme/util", "^1.0.0")
                .publish("@acme/new", "1.0.0", "@acme/util", "^2.0.0");

        CliRun both = prompd("install", "@acme/old@latest", "@acme/new@latest");
        CliRun mixed = prompd("install", "@acme/old", "@acme/new@latest");

        assertEquals(4, both.exitCode(), both.err());
        assertTrue(both.err().endsWith("; @acme/old 1.0.0 and @acme/new 1.0.0 are the versions prompd chose for"
                + " @acme/old@latest and @acme/new@latest, as their dist-tags point at them\n"), both.err());
        assertEquals(4, mixed.exitCode(), mixed.err());
        assertTrue(mixed.err().endsWith("; @acme/old ^1.0.0 is the range prompd chose from the latest version, named"
                + " without one, and no other version goes with the project either; @acme/new 1.0.0 is the version"
                + " prompd chose for @acme/new@latest, as its dist-tag points at it\n"), mixed.err());
        CliRun written = prompd("install", "@acme/old@1.0.0", "@acme/new@1.0.0");
        assertEquals(4, written.exitCode(), written.err());
        assertFalse(written.err().contains("prompd chose"), "a version the user wrote stays theirs: " + written.err());
    }

    @Test
    void aPackageNamedTwoWaysIsAUsageErrorInAProjectAndTwoVersionsGlobally() throws IOException {
        String manifest = Files.readString(project.resolve("prompd.json"));

        CliRun twice = prompd("install", "@acme/util@^1.0.0", "@acme/base", "acme/util@1.1.0");

        assertEquals(2, twice.exitCode(), twice.err());
        assertTrue(twice.err().startsWith("error: @acme/util is named 2 ways, @acme/util@^1.0.0 and @acme/util@1.1.0,"
                + " and a project depends on one range of a package: name it once\n"), twice.err());
        assertEquals(manifest, Files.readString(project.resolve("prompd.json")));
        assertEquals(0, prompd("install", "@acme/util@^1.0.0", "acme/util@^1.0.0").exitCode(), "the same range twice");
        assertEquals(0, prompd("install", "@acme/base@^1", "@acme/base@^1.0.0").exitCode(), "two spellings of one");
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/base\": \"^1\""),
                "written as first named");
        CliRun versions = prompd("install", "@acme/util@1.0.0", "@acme/util@v1.0.0");
        assertEquals(0, versions.exitCode(), versions.err());
        assertTrue(versions.out().contains("@acme/util 1.1.0 -> 1.0.0"), versions.out());
        assertEquals(0, prompd("install", "--global", "@acme/util@1.0.0", "@acme/util@1.1.0").exitCode());
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.0.0")));
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.1.0")));
    }

    @Test
    void aConflictExitsWithFourAndExplains() throws IOException {
        registry.publish("@acme/strict", "1.0.0", "@acme/util", "1.0.0");
        CliRun run = prompd("install", "@acme/strict", "@acme/util@^1.1.0");
        assertEquals(4, run.exitCode(), run.err());
        assertTrue(run.err().contains("version solving failed"), run.err());
        assertTrue(run.err().contains("hint: "), run.err());
    }

    @Test
    void aConflictThatRulesOutOnItsWayAVersionNeedingWhatWasNeverPublishedExitsWithFourAsAConflict() {
        registry.publish("@acme/util", "2.0.0")
                .publish("@acme/a", "1.0.0", "@acme/util", "^1.0.0")
                .publish("@acme/a", "1.1.0", "@acme/x", "^5.0.0")
                .publish("@acme/b", "1.0.0", "@acme/util", "^2.0.0")
                .publish("@acme/x", "1.0.0");

        CliRun run = prompd("install", "@acme/a@^1.0.0", "@acme/b@^1.0.0");

        assertEquals(4, run.exitCode(), "@acme/a 1.1.0 is no way out of the conflict, and no range asks for a"
                + " version never published: " + run.err());
        assertTrue(run.err().contains("no version of @acme/x matches ^5.0.0"), run.err());
        assertTrue(run.err().endsWith("\nhint: widen the conflicting ranges above, or choose versions of those packages"
                + " that agree; a version above that needs what no published version meets cannot be used, whatever"
                + " the ranges\n"), run.err());
    }

    @Test
    void aLongExplanationIsShortenedSayingHowToSeeItWholeAsVerboseShowsIt() {
        // five packages of four versions each, every version needing its own hole, the four holes each taking one
        List<String> asked = new ArrayList<>(List.of("install"));
        for (int pigeon = 0; pigeon < 5; pigeon++) {
            for (int hole = 0; hole < 4; hole++) {
                registry.publish("@acme/p" + pigeon, (hole + 1) + ".0.0", "@acme/h" + hole, "=" + (pigeon + 1) + ".0.0")
                        .publish("@acme/h" + hole, (pigeon + 1) + ".0.0");
            }
            asked.add("@acme/p" + pigeon + "@*");
        }

        CliRun shortened = prompd(asked.toArray(String[]::new));
        asked.add("--verbose");
        CliRun verbose = prompd(asked.toArray(String[]::new));

        assertEquals(4, shortened.exitCode(), shortened.err());
        List<String> lines = shortened.err().lines().toList();
        assertEquals(42, lines.size(), "what failed, forty lines of explanation, then the hint: " + shortened.err());
        assertEquals("error: the dependencies cannot be resolved:", lines.get(0));
        assertTrue(lines.get(16).matches(" *… \\d+ more lines of the explanation left out here …"), lines.get(16));
        assertTrue(lines.get(40).endsWith("version solving failed."), lines.get(40));
        assertTrue(lines.get(41).endsWith("; run again with --verbose for what the message leaves out"), lines.get(41));
        assertEquals(4, verbose.exitCode(), verbose.err());
        // after the requests it lists
        String failure = verbose.err().substring(verbose.err().indexOf("error: "));
        int whole = failure.substring(0, failure.indexOf("\nhint: ")).split("\n").length;
        assertEquals(whole, Integer.parseInt(lines.get(16).strip().split(" ")[1]) + 40,
                "--verbose gives the explanation whole: " + verbose.err());
        assertTrue(failure.startsWith("error: the dependencies cannot be resolved:\n  "), verbose.err());
    }

    @Test
    void aConflictNamesEachVersionWithTheRangeItDependsOn() throws IOException {
        registry.publish("@acme/util", "2.0.0")
                .publish("@acme/pair", "1.0.0", "@acme/util", "~1.0.0")
                .publish("@acme/pair", "1.1.0", "@acme/util", "^2.0.0");

        CliRun run = prompd("install", "@acme/pair@^1", "@acme/util@^1.1.0");

        assertEquals(4, run.exitCode(), run.err());
        assertTrue(run.err()
                .startsWith("error: the dependencies cannot be resolved:\n  Because @acme/pair 1.1.0 depends on"
                + " @acme/util ^2.0.0 and @acme/pair 1.0.0 depends on @acme/util ~1.0.0, every version of @acme/pair"
                + " requires @acme/util ~1.0.0 || ^2.0.0.\n"),
                run.err());
    }

    @Test
    void resolutionLowestChoosesTheOldestAllowedVersions() {
        CliRun run = prompd("install", "@acme/util@^1.0.0", "--resolution", "lowest");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("+ @acme/util@1.0.0"), run.out());
        assertEquals(2, prompd("install", "--resolution", "newest").exitCode());
    }

    /**
     * An install given --resolution lowest kept the versions prompd.lock held and said nothing, exit 0, so that a CI
     * job meant to test lower bounds tested the lock: it still keeps them, as uv does, and warns which of them the
     * strategy would not choose and how to resolve anew; given highest explicitly, the same of a lock held lower.
     */
    @Test
    void anInstallGivenAResolutionKeepingTheLockWarnsWhichVersionsItKeptAndHowToResolveAnew() throws IOException {
        editDependencies("\"@acme/base\": \"^1.0.0\"");
        assertEquals(0, prompd("install").exitCode());
        String locked = Files.readString(project.resolve("prompd.lock"));
        assertTrue(locked.contains("\"version\": \"1.1.0\""), locked);

        CliRun lowest = prompd("install", "--resolution", "lowest");
        assertEquals(0, lowest.exitCode(), lowest.err());
        String warning = "warning: prompd.lock kept @acme/util 1.1.0 (not 1.0.0): --resolution lowest chooses only"
                + " versions the lock does not hold; 'prompd update --resolution lowest' resolves every package anew\n";
        assertEquals(warning, lowest.err());
        assertEquals(locked, Files.readString(project.resolve("prompd.lock")));
        CliRun frozen = prompd("install", "--frozen", "--resolution", "lowest");
        assertEquals(0, frozen.exitCode(), frozen.err());
        assertEquals(warning, frozen.err(), "--frozen keeps the lock too");
        JsonNode json = Json.reader().readTree(prompd("install", "--resolution=lowest", "--json").out());
        assertFalse(json.get("resolved").asBoolean());
        assertEquals(Json.reader().readTree("""
                [{"kind": "lockKept", "strategy": "lowest",
                  "kept": [{"name": "@acme/util", "locked": "1.1.0", "chosen": "1.0.0"}],
                  "message": "prompd.lock kept @acme/util 1.1.0 (not 1.0.0): --resolution lowest chooses only versions\
                 the lock does not hold; 'prompd update --resolution lowest' resolves every package anew"}]"""),
                json.get("warnings"));
        assertEquals(locked, Files.readString(project.resolve("prompd.lock")));
        assertEquals("", prompd("install", "--resolution", "highest").err(), "the lock holds what highest chooses");

        assertEquals(0, prompd("update", "--resolution", "lowest").exitCode());
        assertTrue(Files.readString(project.resolve("prompd.lock")).contains("\"version\": \"1.0.0\""));
        assertEquals("", prompd("install", "--resolution", "lowest").err(), "the lock holds what lowest chooses");
        assertEquals("", prompd("install").err(), "the default strategy was not asked for");
        assertEquals("warning: prompd.lock kept @acme/util 1.0.0 (not 1.1.0): --resolution highest chooses only"
                + " versions the lock does not hold; 'prompd update --resolution highest' resolves every package"
                + " anew\n", prompd("install", "--resolution", "highest").err());
    }

    @Test
    void aFirstInstallGivenResolutionLowestChoosesTheLowestWithoutAWarning() throws IOException {
        editDependencies("\"@acme/base\": \"^1.0.0\"");

        CliRun run = prompd("install", "--resolution", "lowest");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("+ @acme/util@1.0.0"), run.out());
    }

    /** As prompd-registry check's --format, and cargo's, git's and npm's options: the words as the help gives them. */
    @Test
    void aResolutionInCapitalsIsAUsageErrorSayingToWriteItInLowerCase() {
        CliRun run = prompd("install", "--resolution=LOWEST", "@acme/util");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: invalid value for --resolution: 'LOWEST' is not a resolution;"
                + " use highest or lowest, in lower case\nhint: see 'prompd install --help'\n", run.err());
        assertFalse(Files.exists(project.resolve("prompd.lock")), "nothing was installed");
    }

    @Test
    void aMalformedSpecIsAUsageErrorThatSaysWhatIsWrong() {
        CliRun range = prompd("install", "@acme/base", "@acme/util@>>1");
        assertEquals(2, range.exitCode(), range.err());
        assertTrue(range.err().startsWith("error: invalid value for PACKAGE: '@acme/util@>>1'"), range.err());
        assertTrue(range.err().endsWith("\nhint: see 'prompd install --help'\n"),
                "no whole help to hide it: " + range.err());

        CliRun name = prompd("install", "@acme");
        assertEquals(2, name.exitCode(), name.err());
        assertTrue(name.err().contains("a scoped name needs a '/' between scope and name"), name.err());

        CliRun versioned = prompd("update", "acme/util@1");
        assertEquals(2, versioned.exitCode(), versioned.err());
        assertTrue(versioned.err()
                .startsWith("error: invalid value for NAME: 'acme/util@1': give the package name alone"),
                versioned.err());
        assertFalse(Files.exists(project.resolve("prompd.lock")), "nothing was installed");
    }

    @Test
    void installJsonGivesEachWarningAsAnObjectOfItsKindItsFieldsAndTheSentenceOfTheText() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.yank("@acme/util", "1.1.0", "typo in the prompt").deprecate("@acme/base", "1.0.0", "use @acme/core");
        home = work.resolve("other-home");

        CliRun run = prompd("install", "--json");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode warnings = Json.reader().readTree(run.out()).get("warnings");
        assertEquals(Json.reader().readTree("""
                [{"kind": "deprecated", "name": "@acme/base", "version": "1.0.0", "reason": "use @acme/core",
                  "message": "@acme/base@1.0.0 is deprecated: use @acme/core"},
                 {"kind": "yanked", "name": "@acme/util", "version": "1.1.0", "reason": "typo in the prompt",
                  "message": "@acme/util@1.1.0 is yanked: typo in the prompt (installed because the lock file pins it;\
                 'prompd update @acme/util' moves off it)"}]"""), warnings);
        assertEquals(run.err(), "warning: " + warnings.get(0).get("message").asText() + "\nwarning: "
                + warnings.get(1).get("message").asText() + "\n", "the sentences of the text, on stderr as before");
    }

    @Test
    void updateAndInstallJsonNameTheKindOfARangeSetAsideOrKept() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.publish("@acme/util", "2.0.0");

        JsonNode kept = Json.reader().readTree(prompd("update", "@acme/util", "--latest", "--json").out());
        JsonNode setAside = Json.reader().readTree(prompd("install", "@acme/util", "--json").out());

        assertEquals(Json.reader().readTree("""
                [{"kind": "latestNotDirect", "name": "@acme/util", "message": "@acme/util is not in prompd.json, so\
                 --latest has no range of it to move: it was updated within the ranges of the packages that need it"}]\
                """), kept.get("warnings"));
        assertEquals(Json.reader().readTree("""
                [{"kind": "latestSetAside", "name": "@acme/util", "fromLatest": "^2.0.0", "installed": "1.1.0",
                  "problem": "Because your project depends on @acme/base ^1.0.0 which depends on @acme/util ^1.0.0,\
                 @acme/util ^1.0.0 is required.\\nSo, because your project depends on @acme/util ^2.0.0, version\
                 solving failed.",
                  "message": "@acme/util ^2.0.0, from its latest version, cannot be installed in this project, so\
                 1.1.0, the highest version that can, is installed: Because your project depends on @acme/base ^1.0.0\
                 which depends on @acme/util ^1.0.0, @acme/util ^1.0.0 is required.\\nSo, because your project\
                 depends on @acme/util ^2.0.0, version solving failed."}]"""), setAside.get("warnings"));
    }

    @Test
    void installJsonNamesTheKindOfALatestVersionPassedOverWithinItsRange() throws IOException {
        registry.publish("@acme/base", "1.1.0", "@acme/util", "^1.1.0").tag("@acme/util", "latest", "1.0.0");
        assertEquals(0, prompd("install", "@acme/base").exitCode());

        CliRun run = prompd("install", "@acme/util", "--json");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(Json.reader().readTree("""
                [{"kind": "latestPassedOver", "name": "@acme/util", "latest": "1.0.0", "installed": "1.1.0",
                  "problem": "Because your project depends on @acme/base ^1.1.0 which depends on @acme/util ^1.1.0,\
                 @acme/util ^1.1.0 is required.\\nSo, because your project depends on @acme/util 1.0.0, version\
                 solving failed.",
                  "message": "@acme/util's latest version, 1.0.0, cannot be installed in this project, so 1.1.0, the\
                 highest version that can, is installed: Because your project depends on @acme/base ^1.1.0 which\
                 depends on @acme/util ^1.1.0, @acme/util ^1.1.0 is required.\\nSo, because your project depends on\
                 @acme/util 1.0.0, version solving failed."}]"""), Json.reader().readTree(run.out()).get("warnings"),
                "@acme/base 1.1.0 needs ^1.1.0");
    }

    @Test
    void aGlobalInstallNeedsNoProject() throws IOException {
        Files.delete(project.resolve("prompd.json"));
        CliRun run = prompd("install", "--global", "@acme/base");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("2 packages: 2 downloaded, 0 from the cache, 0 already installed\n  + @acme/base@1.0.0\n"
                + "  + @acme/util@1.1.0\n", run.out(),
                "what went into the store, and no word of a lock there is none of");
        assertFalse(Files.exists(project.resolve("prompd.lock")));
        CliRun list = prompd("list", "--installed");
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0\n", list.out());
    }

    /**
     * greeter and base, each resolved on its own, both need util 1.1.0, and greeter base 1.0.0: each was downloaded
     * once per package needing it, five downloads where the counts said three.
     */
    @Test
    void aGlobalInstallOfPackagesSharingVersionsDownloadsEachOnce() {
        CliRun run = prompd("install", "--global", "@acme/greeter", "@acme/base");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                3 packages: 3 downloaded, 0 from the cache, 0 already installed
                  + @acme/base@1.0.0
                  + @acme/greeter@1.0.0
                  + @acme/util@1.1.0
                """, run.out());
        assertEquals(List.of("/packages/@acme/base/-/base-1.0.0.tgz", "/packages/@acme/greeter/-/greeter-1.0.0.tgz",
                "/packages/@acme/util/-/util-1.1.0.tgz"), server.requests().stream()
                .filter(path -> path.endsWith(".tgz")).sorted().toList(), "as many downloads as the counts say");
    }

    /**
     * A project using packages needs only a prompd.json: init scaffolds a package to publish, and refuses a folder
     * holding a README, as a repository's does, so the hint spells out the file, which then installs.
     */
    @Test
    void installInAFolderWithoutPrompdJsonSpellsOutTheLeastOne() throws IOException {
        Files.delete(project.resolve("prompd.json"));
        Files.writeString(project.resolve("README.md"), "# The team's app\n");

        CliRun run = prompd("install", "@acme/greeter");

        assertEquals(3, run.exitCode(), run.err());
        String content = "{\"name\": \"app\", \"version\": \"1.0.0\"}";
        assertEquals("error: no prompd.json in " + project + " or any folder above it\nhint: run this in a project"
                + " folder, or make this one a project by writing a prompd.json holding " + content + ", each field on"
                + " a line of its own ('prompd init' scaffolds a package to publish instead); without a project,"
                + " 'prompd install --global' installs into the store and 'prompd list --installed' lists it\n",
                run.err());
        Files.writeString(project.resolve("prompd.json"), content);
        CliRun written = prompd("install", "@acme/greeter");
        assertEquals(0, written.exitCode(), written.err());
        Path named = Files.createDirectories(work.resolve("Team App"));
        assertTrue(CliRun.in(named, home, "list").err().contains(" holding {\"name\": \"my-project\","),
                "a folder name no package may have is not offered");
    }

    @Test
    void installOutsideAProjectSaysWhatToDo() throws IOException {
        Files.delete(project.resolve("prompd.json"));
        CliRun run = prompd("install");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().startsWith("error: no prompd.json in " + project + " or any folder above it\n"),
                run.err());
        assertTrue(run.err().contains("--global"), run.err());
        CliRun list = prompd("list");
        assertEquals(3, list.exitCode());
        assertTrue(list.err().contains("'prompd list --installed' lists it"),
                "the store, for a command with no --global: "
                + list.err());
    }

    @Test
    void aCommandRunInAFolderInsideTheProjectWorksOnTheProject() throws IOException {
        Path inside = Files.createDirectories(project.resolve("prompts/drafts"));
        Map<String, String> environment = Map.of("PROMPD_REGISTRY", server.url().toString());

        CliRun install = CliRun.in(inside, home, "", environment, "install", "@acme/base");
        assertEquals(0, install.exitCode(), install.err());

        // the files of the project above, not of the folder the user is in
        Path above = Path.of("..", "..");
        assertTrue(install.out().startsWith("saved @acme/base ^1.0.0 in " + above.resolve("prompd.json") + "\n"),
                install.out());
        assertTrue(install.out().contains("\n" + above.resolve("prompd.lock") + " written:\n"), install.out());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/base\": \"^1.0.0\""));
        assertTrue(Files.isRegularFile(project.resolve("prompd.lock")));
        assertFalse(Files.exists(inside.resolve("prompd.json")));
        assertFalse(Files.exists(inside.resolve("prompd.lock")));
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0  (transitive)\n",
                CliRun.in(inside, home, "", environment, "list").out());
    }

    /**
     * A Windows colleague's Prompd.json, which Linux and Git do not take for prompd.json: a project command there used
     * to walk past it and change the project above, or say to write a prompd.json beside it, a name Windows and macOS
     * hold for the same file.
     */
    @Test
    void aProjectWhosePrompdJsonIsNamedInOtherLetterCaseIsRefusedNotWalkedPast() throws IOException {
        Path child = Files.createDirectories(project.resolve("child"));
        Files.writeString(child.resolve("Prompd.json"),
                "{\r\n\t\"name\": \"child\",\r\n\t\"version\": \"1.0.0\"\r\n}\r\n");
        Path inside = Files.createDirectories(child.resolve("prompts"));
        String above = Files.readString(project.resolve("prompd.json"));
        Map<String, String> environment = Map.of("PROMPD_REGISTRY", server.url().toString());

        for (List<String> command : List.of(List.of("install", "@acme/base"), List.of("install"),
                List.of("install", "--frozen"), List.of("update"), List.of("uninstall", "@acme/base"),
                List.of("list"), List.of("tree"), List.of("outdated"))) {
            for (Path folder : List.of(child, inside)) {
                CliRun run = CliRun.in(folder, home, "", environment, command.toArray(String[]::new));
                assertEquals(3, run.exitCode(), command + " in " + folder + ": " + run.err());
                assertEquals("error: no prompd.json in " + child + "\nhint: found Prompd.json: rename it to"
                        + " prompd.json\n", run.err(), command + " in " + folder);
            }
        }
        assertEquals(above, Files.readString(project.resolve("prompd.json")));
        assertFalse(Files.exists(project.resolve("prompd.lock")));
        assertEquals(List.of("Prompd.json", "prompts"), Files.list(child).map(path -> path.getFileName().toString())
                .sorted().toList());
    }

    @Test
    void installAndUninstallChangeTheDependenciesOfPrompdJsonAndNotOneOtherByte() throws IOException {
        String handWritten = "{\r\n    \"version\": \"1.0.0\",\r\n    \"name\": \"@me/app\",\r\n"
                + "    \"keywords\": [\"b\", \"a\"],\r\n    \"x-team\": \"search\"\r\n}\r\n";
        Files.writeString(project.resolve("prompd.json"), handWritten);

        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(handWritten.replace("\"x-team\": \"search\"\r\n", "\"x-team\": \"search\",\r\n"
                + "    \"dependencies\": {\r\n        \"@acme/util\": \"^1.1.0\"\r\n    }\r\n"),
                Files.readString(project.resolve("prompd.json")));

        assertEquals(0, prompd("uninstall", "@acme/util").exitCode());
        assertEquals(handWritten.replace("\"x-team\": \"search\"\r\n", "\"x-team\": \"search\",\r\n"
                + "    \"dependencies\": {}\r\n"), Files.readString(project.resolve("prompd.json")),
                "as npm leaves it");
    }

    @Test
    void installingADependencyAgainAtItsRangeSavesNothing() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());

        CliRun again = prompd("install", "@acme/util@^1.1.0");

        assertEquals(0, again.exitCode(), again.err());
        assertEquals("1 package: 0 downloaded, 0 from the cache, 1 already installed\nprompd.lock unchanged\n",
                again.out());
    }

    @Test
    void aPackageWithNothingToChooseByNameSaysWhatToAskFor() {
        registry.publish("@acme/early", "0.1.0-beta.1").publish("@acme/early", "0.1.0-beta.2")
                .publish("@acme/gone", "1.0.0").yank("@acme/gone", "1.0.0", "leaked a key");

        CliRun early = prompd("install", "@acme/early");
        assertEquals(3, early.exitCode(), early.err());
        assertEquals("error: @acme/early has only pre-release versions, which are installed only when asked for\n"
                + "hint: ask for one, as in 'prompd install @acme/early@0.1.0-beta.2'\n", early.err());

        CliRun gone = prompd("install", "@acme/gone");
        assertEquals(3, gone.exitCode(), gone.err());
        assertEquals("error: every version of @acme/gone is yanked (1.0.0: leaked a key)\nhint: none can be installed"
                + " anew: a yanked version is used only where a prompd.lock pins it already, which 'prompd install'"
                + " with no name keeps, while one naming the package chooses its version anew; choose another package,"
                + " or ask its maintainers for a new release\n", gone.err());
        assertTrue(prompd("info", "@acme/early").out().contains("\ndist-tags: none\n"),
                "no tag points at a pre-release");

        registry.publish("@acme/mixed", "1.0.0").yank("@acme/mixed", "1.0.0", "broken")
                .publish("@acme/mixed", "2.0.0-rc.1");
        CliRun mixed = prompd("install", "@acme/mixed");
        assertEquals(3, mixed.exitCode(), mixed.err());
        assertEquals("error: every release of @acme/mixed is yanked, and its other versions are pre-releases, which are"
                + " installed only when asked for\nhint: ask for one, as in 'prompd install @acme/mixed@2.0.0-rc.1';"
                + " 'prompd info @acme/mixed' says why the releases are yanked\n", mixed.err());
        CliRun global = prompd("install", "--global", "@acme/early");
        assertEquals(3, global.exitCode(), global.err());
        assertTrue(global.err()
                .endsWith("hint: ask for one, as in 'prompd install --global @acme/early@0.1.0-beta.2'\n"),
                "the offered install keeps --global: " + global.err());
        CliRun untagged = prompd("install", "@acme/early@latest");
        assertEquals(3, untagged.exitCode(), untagged.err());
        assertEquals("error: @acme/early has no dist-tag 'latest'\nhint: it has no dist-tags: ask for a version or a"
                + " range, as 'prompd info @acme/early' lists them\n", untagged.err());

        assertEquals(0, prompd("install", "@acme/early@0.1.0-beta.2").exitCode());
    }

    @Test
    void anInvalidPrompdJsonStopsAnInstallWithItsErrorsAlone() throws IOException {
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"app\", \"version\": 1}\n");

        CliRun run = prompd("install");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("""
                error: prompd.json has errors:
                prompd.json
                  error   /version, line 1: 'version' must be a string, not a number
                          hint: write a string there, in quotes
                1 error, 0 warnings
                hint: fix them, then run this again ('prompd validate' shows them with the warnings)
                """, run.err(), "no word of the description or license a project need not have");

        CliRun json = prompd("install", "--json");
        assertEquals(1, json.exitCode(), json.err());
        JsonNode problems = Json.reader().readTree(json.out()).at("/error/problems");
        assertEquals(1, problems.size(), json.out());
        assertEquals("error", problems.get(0).get("severity").asText());
        assertEquals("prompd.json", problems.get(0).get("file").asText());
        assertEquals("/version", problems.get(0).get("pointer").asText());
        assertEquals(1, problems.get(0).get("line").asInt());
        assertEquals("'version' must be a string, not a number", problems.get(0).get("message").asText(),
                "a script reads each problem as validate --json gives it, not lines of a report to parse");
    }

    /** As npm and cargo install whatever a project's license says: only publishing needs it in SPDX. */
    @Test
    void errorsInFieldsOnlyPublishingReadsLeaveTheProjectsCommandsAlone() throws IOException {
        String manifest = "{\"name\": \"@me/app\", \"version\": \"1.0.0\", \"license\": \"Apache License 2.0\","
                + " \"author\": {\"email\": \"me@example.org\"}, \"keywords\": [1],"
                + " \"dependencies\": {\"@acme/util\": \"^1.0.0\"}}\n";
        Files.writeString(project.resolve("prompd.json"), manifest);

        CliRun install = prompd("install");
        CliRun list = prompd("list");

        assertEquals(0, install.exitCode(), install.err());
        assertEquals("", install.err());
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("@acme/util@1.1.0"), list.out());
        assertEquals(manifest, Files.readString(project.resolve("prompd.json")));
        CliRun add = prompd("install", "@acme/base");
        assertEquals(0, add.exitCode(), add.err());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"license\": \"Apache License 2.0\""));
    }

    /**
     * A misspelt "dependancies", or npm's "devDependencies", installed nothing, exit 0, without a word, where validate
     * warns of the field: every run reading the project says it, once, failing or not, as cargo says an unused key.
     */
    @Test
    void aFieldOfPrompdJsonPrompdDoesNotKnowIsWarnedOfOnceByEveryRunReadingTheProject() throws IOException {
        Files.writeString(project.resolve("prompd.json"), """
                {
                  "name": "@me/app",
                  "version": "1.0.0",
                  "dependancies": {"@acme/util": "^1.0.0"},
                  "devDependencies": {"@acme/base": "^1.0.0"}
                }
                """);
        String misspelt = "warning: prompd.json, line 4: unknown field 'dependancies' (did you mean 'dependencies'?)\n";
        String npms = "warning: prompd.json, line 5: unknown field 'devDependencies' (prompd keeps it but does not use"
                + " it; the known fields are name, version, description, author, license, keywords, category, main,"
                + " prompts, dependencies, engines, repository, files, ignore, readme, type)\n";

        CliRun install = prompd("install");
        CliRun update = prompd("update");
        CliRun json = prompd("install", "--json");
        CliRun failing = prompd("install", "@acme/util@^9.0.0");

        assertEquals(0, install.exitCode(), install.err());
        assertEquals(misspelt + npms, install.err(), "the publish-only warnings (no description) left out");
        assertEquals(0, update.exitCode(), update.err());
        assertEquals(misspelt + npms, update.err());
        assertEquals(0, json.exitCode(), json.err());
        JsonNode warnings = Json.reader().readTree(json.out()).get("warnings");
        assertEquals(2, warnings.size(), json.out());
        assertEquals("unknownField", warnings.get(0).get("kind").asText());
        assertEquals("dependancies", warnings.get(0).get("field").asText());
        assertEquals(4, warnings.get(0).get("line").asInt());
        assertEquals("did you mean 'dependencies'?", warnings.get(0).get("hint").asText());
        assertEquals("devDependencies", warnings.get(1).get("field").asText());
        assertEquals(3, failing.exitCode(), failing.err());
        assertTrue(failing.err().startsWith(misspelt + npms + "error: "), "said before the error: " + failing.err());
    }

    @Test
    void aProjectIsNotMadeADependencyOfItself() throws IOException {
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@acme/util\", \"version\": \"2.0.0\"}\n");

        CliRun run = prompd("install", "acme/util@1");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err()
                .startsWith("error: refusing to add @acme/util as a dependency of the project @acme/util itself\n"
                + "hint: a package cannot depend on itself"), run.err());
        assertEquals("{\"name\": \"@acme/util\", \"version\": \"2.0.0\"}\n",
                Files.readString(project.resolve("prompd.json")));
        assertEquals(0, prompd("install", "--global", "acme/util@1").exitCode(),
                "without a project it is just a package");
    }
}
