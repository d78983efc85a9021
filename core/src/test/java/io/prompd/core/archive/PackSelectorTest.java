package io.prompd.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.problem.Problem;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.source.EntryKind;
import io.prompd.core.source.MemorySource;
import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackSelectorTest {

    private static final ArchiveLimits LIMITS = ArchiveLimits.DEFAULT;

    private static MemorySource source(String... paths) {
        Map<String, String> files = new LinkedHashMap<>();
        Arrays.stream(paths).forEach(path -> files.put(path, "x"));
        return MemorySource.ofText("test", files);
    }

    private static PackSelection select(PackageSource source, List<String> files, List<String> ignore)
            throws IOException {
        return PackSelector.select(source, files, ignore, LIMITS, PackageLocation.WORKING_FOLDER);
    }

    private static List<String> included(PackSelection selection) {
        return selection.included().stream().map(SourceEntry::path).toList();
    }

    private static List<String> messages(PackSelection selection) {
        return selection.problems().stream().map(p -> p.file() + "|" + p.pointer() + "|" + p.message()).toList();
    }

    @Test
    void everythingIsPackedWhenFilesIsEmpty() throws IOException {
        PackSelection selection = select(source("prompd.json", "prompts/main.prmd", "notes.txt"), List.of(), List.of());

        assertEquals(List.of("notes.txt", "prompd.json", "prompts/main.prmd"), included(selection));
        assertEquals(List.of(), selection.leftOut());
        assertFalse(selection.hasErrors());
    }

    @Test
    void toolingFoldersAreLeftOutAtAnyDepthAndSummarisedPerFolder() throws IOException {
        PackSelection selection = select(source("prompd.json", ".git/HEAD", ".git/objects/ab/cd",
                "node_modules/x/index.js", "sub/.prompd/cache.json", "sub/.git"), List.of(), List.of());

        assertEquals(List.of("prompd.json"), included(selection));
        assertEquals(List.of(
                new LeftOut(".git/", LeftOut.Reason.ALWAYS_EXCLUDED),
                new LeftOut("node_modules/", LeftOut.Reason.ALWAYS_EXCLUDED),
                new LeftOut("sub/.git", LeftOut.Reason.ALWAYS_EXCLUDED),
                new LeftOut("sub/.prompd/", LeftOut.Reason.ALWAYS_EXCLUDED)), selection.leftOut());
    }

    /**
     * Only the folder that is the home, whole, whatever "files" names in it: not a file or folder of the same name
     * elsewhere, nor one whose name it starts.
     */
    @Test
    void thePrompdHomeInUseIsLeftOutWholeWhereItLiesInThePackage() throws IOException {
        PackSelection selection = PackSelector.select(source("prompd.json", "ci/home/config.json",
                "ci/home/packages/@a/b@1.0.0/p.prmd", "ci/home2/notes.md", "home/config.json", "ci/home.md"),
                List.of("prompd.json", "ci/", "home/"), List.of(), LIMITS, PackageLocation.WORKING_FOLDER,
                Optional.of("ci/home"));

        assertEquals(List.of("ci/home.md", "ci/home2/notes.md", "home/config.json", "prompd.json"),
                included(selection));
        assertEquals(List.of(new LeftOut("ci/home/", LeftOut.Reason.HOME)), selection.leftOut());
        assertFalse(selection.hasErrors(), messages(selection).toString());
    }

    @Test
    void gitsFolderIsLeftOutInAnyLetterCaseSinceCaseInsensitiveDisksTakeItForGitsOwn() throws IOException {
        PackSelection selection = select(source("prompd.json", ".GIT/config", "sub/.Git/HEAD", "Node_Modules/x.js"),
                List.of(), List.of());

        assertEquals(List.of("prompd.json"), included(selection));
        assertEquals(List.of(
                new LeftOut(".GIT/", LeftOut.Reason.ALWAYS_EXCLUDED),
                new LeftOut("Node_Modules/", LeftOut.Reason.ALWAYS_EXCLUDED),
                new LeftOut("sub/.Git/", LeftOut.Reason.ALWAYS_EXCLUDED)), selection.leftOut());
    }

    @Test
    void leftOutGivesTheReasonTheManifestsRulesLeaveAPathOutFor() {
        List<String> ignoreBuild = List.of("build/", "!build/keep.tgz");
        assertEquals(Optional.of(LeftOut.Reason.IGNORED), PackSelector.leftOut("build/x.tgz", List.of(), ignoreBuild));
        assertEquals(Optional.empty(), PackSelector.leftOut("build/keep.tgz", List.of(), ignoreBuild));
        assertEquals(Optional.empty(), PackSelector.leftOut("dist/x.tgz", List.of(), ignoreBuild));
        List<String> prompts = List.of("prompts/", "!prompts/old/");
        assertEquals(Optional.of(LeftOut.Reason.NOT_IN_FILES), PackSelector.leftOut("dist/x.tgz", prompts, List.of()));
        assertEquals(Optional.of(LeftOut.Reason.TAKEN_BACK),
                PackSelector.leftOut("prompts/old/x.tgz", prompts, List.of()));
        assertEquals(Optional.empty(), PackSelector.leftOut("prompts/x.tgz", prompts, List.of()));
        assertEquals(Optional.of(LeftOut.Reason.ALWAYS_EXCLUDED), PackSelector.leftOut("node_modules/x.tgz", List.of(),
                List.of()));
    }

    /**
     * Pack's own selection, its self-check of a path ({@link PackSelector#leftOut}) and what pack leaves out whatever
     * the manifest says agree on every path: each reason of every kind, '!' entries and rules that do not parse too.
     */
    @Test
    void packAndItsChecksGiveTheSameReasonForEveryPath() throws IOException {
        List<String> files = List.of("prompts/", "!prompts/old/", "README.md", "notes/*.md", "../bad", ".git/config");
        List<String> ignore = List.of("*.log", "!keep.log", "prompts/draft/", "[[:alpha:]]");
        List<String> paths = List.of("prompd.json", "README.md", "LICENSE", "prompts/a.prmd", "prompts/old/b.prmd",
                "prompts/draft/c.prmd", "prompts/x.log", "prompts/keep.log", "notes/n.md", "notes/deep/n.md",
                "other.txt", "prompts/.env.local", "prompts/.DS_Store", "prompts/a.prmd~", "prompts/.gitignore",
                "prompts/.x.1-2.3.part", "prompts/.x.1-2.3.part/f", "x.tgz", "prompts/x.tgz", ".git/config",
                "prompts/node_modules/m.js", "prompts/.Prompd/s");
        PackSelection selection = select(source(paths.toArray(String[]::new)), files, ignore);
        for (String path : paths) {
            Optional<LeftOut.Reason> packed = selection.included().stream().anyMatch(e -> e.path().equals(path))
                    ? Optional.empty()
                    : selection.leftOut().stream().filter(left -> path.equals(left.path())
                            || left.path().endsWith("/") && path.startsWith(left.path())).findFirst()
                            .map(LeftOut::reason);
            assertEquals(packed, PackSelector.leftOut(path, files, ignore), path);
            PackSelector.leftOutAnyway(path).ifPresent(reason -> assertEquals(packed, Optional.of(reason), path));
        }
    }

    /**
     * A tester's package carried prod.env, an AWS credentials file, Docker's logins, a .pgpass and a .htpasswd under
     * contexts/, and pack packed them all: they hold credentials by their very name, as .env does. The same names
     * elsewhere, or with more after them, are no such files.
     */
    @Test
    void filesHoldingCredentialsByTheirVeryNameAreLeftOutAsSecrets() throws IOException {
        PackSelection selection = select(source("prompd.json", "contexts/prod.env", "contexts/Staging.ENV",
                "contexts/.aws/credentials", ".AWS/Credentials.bak", "contexts/.docker/config.json", ".dockercfg",
                "contexts/.pgpass", "contexts/.htpasswd", "contexts/credentials", "contexts/aws/credentials",
                "contexts/.aws/config", "contexts/config.json", "contexts/prod.env.md", "contexts/environment.md",
                "contexts/.aws/sub/credentials"), List.of(), List.of());

        assertEquals(List.of("contexts/.aws/config", "contexts/.aws/sub/credentials", "contexts/aws/credentials",
                "contexts/config.json", "contexts/credentials", "contexts/environment.md", "contexts/prod.env.md",
                "prompd.json"), included(selection));
        assertEquals(List.of(".AWS/Credentials.bak", ".dockercfg", "contexts/.aws/credentials",
                "contexts/.docker/config.json", "contexts/.htpasswd", "contexts/.pgpass", "contexts/Staging.ENV",
                "contexts/prod.env"), selection.leftOut().stream().map(LeftOut::path).toList());
        assertTrue(selection.leftOut().stream().allMatch(out -> out.reason() == LeftOut.Reason.SECRET),
                selection.leftOut()::toString);
        assertTrue(PackSelector.isNamedAsSecrets("contexts/.docker/config.json"));
        assertFalse(PackSelector.isNamedAsSecrets("contexts/.docker/"));
    }

    @Test
    void leftOutAnywayGivesTheReasonsThatHoldWhateverTheManifestSays() {
        Map<String, LeftOut.Reason> leftOut = Map.of(
                ".git/config", LeftOut.Reason.ALWAYS_EXCLUDED,
                "sub/.git/", LeftOut.Reason.ALWAYS_EXCLUDED,
                "prompts/.npmrc.bak", LeftOut.Reason.SECRET,
                ".env", LeftOut.Reason.SECRET,
                "a/.x.1-2.345.part/b", LeftOut.Reason.TEMPORARY,
                "a/.DS_Store", LeftOut.Reason.CLUTTER,
                "prompts/.gitattributes", LeftOut.Reason.GIT_RULES,
                "me-1.0.0.tgz", LeftOut.Reason.TARBALL);
        leftOut.forEach((path, reason) -> assertEquals(Optional.of(reason), PackSelector.leftOutAnyway(path), path));
        // a folder is left out only as a whole: its files named editor.swp/ or .env/ are packed
        for (String packed : List.of("prompd.json", "prompts/a.prmd", "contexts/data.tgz", "prompts/", "editor.swp/",
                ".env/")) {
            assertEquals(Optional.empty(), PackSelector.leftOutAnyway(packed), packed);
        }
    }

    /**
     * What the messages list is what pack leaves out: a name each listed form stands for, '*' and the parts of a
     * temporary's name filled in, is left out for that reason, whole names in any letter case too.
     */
    @Test
    void everyNameTheMessagesListIsLeftOutForItsReason() {
        Map<String, LeftOut.Reason> lists = Map.of(PackSelector.SECRET_LIST, LeftOut.Reason.SECRET,
                PackSelector.TEMPORARY_LIST, LeftOut.Reason.TEMPORARY, PackSelector.CLUTTER_LIST,
                LeftOut.Reason.CLUTTER, PackSelector.GIT_RULES_LIST, LeftOut.Reason.GIT_RULES);
        lists.forEach((list, reason) -> {
            for (String listed : list.split(", ")) {
                String name = listed.replace("*", "x").replace("<name>", "x").replaceAll("<[a-z]+>", "1");
                assertEquals(Optional.of(reason), PackSelector.leftOutAnyway("prompts/" + name), listed);
                if (!listed.contains("*") && !listed.contains("<")) {
                    String upper = name.toUpperCase(Locale.ROOT);
                    assertEquals(Optional.of(reason), PackSelector.leftOutAnyway("prompts/" + upper), upper);
                }
            }
        });
        for (String name : PackSelector.ALWAYS_EXCLUDED_NAMES) {
            assertEquals(Optional.of(LeftOut.Reason.ALWAYS_EXCLUDED), PackSelector.leftOutAnyway("a/" + name + "/b"),
                    name);
        }
    }

    @Test
    void aTarballAtTheRootIsLeftOutSoThatPackingTwiceNestsNothing() throws IOException {
        PackSelection selection = select(source("prompd.json", "me-1.0.0.tgz", "OLD.TGZ", "contexts/data.tgz",
                        "x.tar.gz"),
                List.of(), List.of());

        assertEquals(List.of("contexts/data.tgz", "prompd.json"), included(selection));
        assertEquals(List.of(new LeftOut("OLD.TGZ", LeftOut.Reason.TARBALL),
                new LeftOut("me-1.0.0.tgz", LeftOut.Reason.TARBALL), new LeftOut("x.tar.gz", LeftOut.Reason.TARBALL)),
                selection.leftOut());
    }

    @Test
    void prompdsOwnTemporariesAreLeftOutWhoeverWritesThemSoThatAKilledWriteBlocksNoPack() throws IOException {
        PackSelection selection = select(source("prompd.json", ".me-1.0.0.tgz.4711.9921.part",
                ".prompd.lock.4711.5.part",
                        ".init.4711.77.part/LICENSE", ".init.4711.77.part/prompts/a.prmd", "prompts/a.prmd",
                        "prompts/.notes.part", ".env.4711.5.part"),
                List.of(), List.of());

        assertEquals(List.of("prompd.json", "prompts/.notes.part", "prompts/a.prmd"), included(selection));
        assertEquals(List.of(new LeftOut(".env.4711.5.part", LeftOut.Reason.SECRET),
                new LeftOut(".init.4711.77.part/", LeftOut.Reason.TEMPORARY),
                new LeftOut(".me-1.0.0.tgz.4711.9921.part", LeftOut.Reason.TEMPORARY),
                new LeftOut(".prompd.lock.4711.5.part", LeftOut.Reason.TEMPORARY)), selection.leftOut());
    }

    @Test
    void systemFilesAreLeftOutInAnyLetterCaseAsTheirSystemsIgnoreIt() throws IOException {
        PackSelection selection = select(source("prompd.json", "Desktop.ini", "contexts/THUMBS.DB",
                "prompts/.ds_store"),
                List.of(), List.of());

        assertEquals(List.of("prompd.json"), included(selection));
        assertTrue(selection.leftOut().stream().allMatch(out -> out.reason() == LeftOut.Reason.CLUTTER));
    }

    @Test
    void systemAndEditorFilesAndTheLockAreLeftOutEvenWhenNamedInFiles() throws IOException {
        PackSelection selection = select(source("prompd.json", ".DS_Store", "prompts/._a.prmd", "prompts/a.prmd",
                        "contexts/Thumbs.db", "desktop.ini", "prompts/.a.prmd.swp", "notes.swp", "README.md~",
                        "prompd.lock", "README.md"),
                List.of("prompts", "prompd.lock"), List.of());

        assertEquals(List.of("README.md", "prompd.json", "prompts/a.prmd"), included(selection));
        assertEquals(List.of(".DS_Store", "README.md~", "contexts/Thumbs.db", "desktop.ini", "notes.swp",
                        "prompd.lock", "prompts/._a.prmd", "prompts/.a.prmd.swp"),
                selection.leftOut().stream().map(LeftOut::path).toList());
        assertTrue(selection.leftOut().stream().allMatch(out -> out.reason() == LeftOut.Reason.CLUTTER));
        assertEquals(List.of("prompd.json|/files/1|\"prompd.lock\" in \"files\" names 'prompd.lock',"
                + " which exists but is"
                + " left out: pack never packs system and editor files or a lock file (.DS_Store, ._*, Thumbs.db,"
                + " desktop.ini, *.swp, *~, prompd.lock)"), messages(selection));
    }

    @Test
    void gitRuleFilesAreLeftOutAnywhereSinceARegistryRepositoryWouldObeyThem() throws IOException {
        PackSelection selection = select(source("prompd.json", ".gitignore", "contexts/.GITATTRIBUTES", ".gitmodules",
                        "contexts/data.csv", ".gitkeep"),
                List.of(), List.of());

        assertEquals(List.of(".gitkeep", "contexts/data.csv", "prompd.json"), included(selection));
        assertEquals(List.of(new LeftOut(".gitignore", LeftOut.Reason.GIT_RULES),
                new LeftOut(".gitmodules", LeftOut.Reason.GIT_RULES),
                new LeftOut("contexts/.GITATTRIBUTES", LeftOut.Reason.GIT_RULES)), selection.leftOut());
    }

    @Test
    void secretLookingFilesAreLeftOutEvenWhenNamedInFiles() throws IOException {
        PackSelection selection = select(source("prompd.json", ".env", ".env.local", "config/.envrc", "a.md"),
                List.of(".env", "a.md"), List.of());

        assertEquals(List.of("a.md", "prompd.json"), included(selection));
        assertEquals(List.of(
                new LeftOut(".env", LeftOut.Reason.SECRET),
                new LeftOut(".env.local", LeftOut.Reason.SECRET),
                new LeftOut("config/.envrc", LeftOut.Reason.SECRET)), selection.leftOut());
        assertEquals(List.of("/files/0"), selection.problems().stream().map(Problem::pointer).toList(),
                "the entry that packs nothing says why");
    }

    @Test
    void credentialsFilesOfPackageManagersAndGitAreLeftOutAsSecrets() throws IOException {
        // in any letter case, as macOS and Windows read .ENV as .env
        PackSelection selection = select(source("prompd.json", ".npmrc", "sub/.PyPIrc", ".netrc", ".git-credentials",
                        ".npmrc.bak", "_netrc", "npmrc.md", ".ENV", "sub/.Env.local", "env.md"),
                List.of(), List.of());

        assertEquals(List.of("env.md", "npmrc.md", "prompd.json"), included(selection));
        assertTrue(selection.leftOut().stream().allMatch(out -> out.reason() == LeftOut.Reason.SECRET),
                selection.leftOut()::toString);
        assertEquals(8, selection.leftOut().size());
    }

    @Test
    void aBangEntryInFilesTakesBackWhatEarlierEntriesNamedAsInNpm() throws IOException {
        PackSelection selection = select(source("prompd.json", "prompts/a.prmd", "prompts/secret.prmd",
                        "prompts/drafts/b.prmd", "prompts/drafts/keep.prmd"),
                List.of("prompts", "!prompts/secret.prmd", "!prompts/drafts", "prompts/drafts/keep.prmd"), List.of());

        assertEquals(List.of("prompd.json", "prompts/a.prmd", "prompts/drafts/keep.prmd"), included(selection));
        assertEquals(List.of(new LeftOut("prompts/drafts/b.prmd", LeftOut.Reason.TAKEN_BACK),
                new LeftOut("prompts/secret.prmd", LeftOut.Reason.TAKEN_BACK)), selection.leftOut());
        assertEquals(List.of(), messages(selection));
    }

    /** Only a "!" entry after one naming the file leaves it out; taking it out would not bring in one never named. */
    @Test
    void aFileThatNoEntryOfFilesNamesIsLeftOutAsNotInFilesThoughABangEntryMatchesIt() throws IOException {
        List<String> files = List.of("prompts/p.prmd", "!prompts/draft.prmd");
        PackSelection selection = select(source("prompd.json", "prompts/p.prmd", "prompts/draft.prmd"), files,
                List.of());

        assertEquals(List.of(new LeftOut("prompts/draft.prmd", LeftOut.Reason.NOT_IN_FILES)), selection.leftOut());
        assertEquals(Optional.of(LeftOut.Reason.NOT_IN_FILES),
                PackSelector.leftOut("prompts/draft.prmd", files, List.of()));
        assertEquals(Optional.of(LeftOut.Reason.TAKEN_BACK), PackSelector.leftOut("prompts/draft.prmd",
                List.of("!prompts/draft.prmd", "prompts/", "!prompts/draft.prmd"), List.of()));
    }

    @Test
    void aBangEntryThatTakesBackNothingOrAnEntryItTakesWholeBackIsReported() throws IOException {
        PackSelection selection = select(source("prompd.json", "a.md", "b.md"),
                List.of("a.md", "!a.md", "b.md", "!nothing.md"), List.of());

        assertEquals(List.of("b.md", "prompd.json"), included(selection));
        assertEquals(List.of("prompd.json|/files/0|\"a.md\" in \"files\" names 'a.md', which a later \"!\" entry in"
                        + " \"files\" takes back", "prompd.json|/files/3|\"!nothing.md\" in \"files\" matches no file"),
                messages(selection));
    }

    @Test
    void filesRestrictsToExactPathsFoldersAndGlobsPlusManifestAndRootDocuments() throws IOException {
        PackSelection selection = select(source("prompd.json", "README.md", "LICENSE", "licence.txt",
                        "docs/README.md", "licenses/MIT.txt", "prompts/a.prmd", "contexts/deep/c.md", "one.prmd",
                        "two.prmd", "other.txt"),
                List.of("prompts/a.prmd", "contexts", "*.prmd"), List.of());

        assertEquals(List.of("LICENSE", "README.md", "contexts/deep/c.md", "licence.txt", "one.prmd",
                "prompd.json", "prompts/a.prmd", "two.prmd"), included(selection));
        // a folder named like a root document is no document: its files are packed only as "files" says
        assertEquals(List.of(
                new LeftOut("docs/README.md", LeftOut.Reason.NOT_IN_FILES),
                new LeftOut("licenses/MIT.txt", LeftOut.Reason.NOT_IN_FILES),
                new LeftOut("other.txt", LeftOut.Reason.NOT_IN_FILES)), selection.leftOut());
    }

    @Test
    void aFilesEntryThatMatchesNothingIsAnError() throws IOException {
        PackSelection selection = select(source("prompd.json", "a.md"), List.of("a.md", "missing.md"), List.of());

        assertTrue(selection.hasErrors());
        assertEquals(List.of("prompd.json|/files/1|\"missing.md\" in \"files\" matches no file"), messages(selection));
    }

    @Test
    void aFilesEntryNamingOnlyFilesPackLeavesOutSaysWhy() throws IOException {
        PackSelection selection = select(source("prompd.json", "a.md", "notes.md", ".git/config", ".env", "x.tgz"),
                List.of("a.md", "notes.md", ".git/config", ".env", "x.tgz", "*.md"), List.of("notes.md"));

        assertEquals(List.of(
                "prompd.json|/files/1|\"notes.md\" in \"files\" names 'notes.md', which exists but is left"
                        + " out by \"ignore\"",
                "prompd.json|/files/2|\".git/config\" in \"files\" names '.git/config', which exists but is left"
                        + " out: pack never"
                        + " packs .git/, .prompd/, node_modules/",
                "prompd.json|/files/3|\".env\" in \"files\" names '.env', which exists but is left out: it looks like"
                        + " secrets, and pack never packs them (.env*, *.env, .npmrc*, .pypirc*, .netrc*, _netrc*,"
                        + " .git-credentials*, .pgpass*, .htpasswd*, .dockercfg*, .docker/config.json*,"
                        + " .aws/credentials*)",
                "prompd.json|/files/4|\"x.tgz\" in \"files\" names 'x.tgz', which exists but is left out: pack never"
                        + " packs a .tgz or .tar.gz at the package root"), messages(selection));
    }

    @Test
    void anInvalidPatternIsAnErrorAtItsPointer() throws IOException {
        PackSelection selection = select(source("prompd.json", "a.md"), List.of("../a.md"), List.of("", "*.log"));

        assertEquals(List.of("prompd.json|/files/0", "prompd.json|/ignore/0"),
                selection.problems().stream().map(p -> p.file() + "|" + p.pointer()).toList());
    }

    /** Each pattern is wrong its own way: one hint for all sent a backwards range to write a relative path. */
    @Test
    void anInvalidPatternsHintIsHowToWriteThatPattern() throws IOException {
        PackSelection selection = select(source("prompd.json", "a.md"), List.of(), List.of("[z-a].md", "../a.md"));

        assertEquals(List.of("write it as a-z",
                        "patterns are relative to the package root: write the path from there, without '..'"),
                selection.problems().stream().map(Problem::hint).toList());
    }

    @Test
    void ignoreAppliesToEverythingButTheManifestAndTheRootDocuments() throws IOException {
        PackSelection selection = select(source("prompd.json", "README.md", "debug.log", "logs/x.log", "dist/a.js",
                        "src/dist/b.js", "keep.log", "docs/README.md"),
                List.of(), List.of("*.log", "dist/", "README*", "!keep.log"));

        assertEquals(List.of("README.md", "keep.log", "prompd.json"), included(selection));
        assertTrue(selection.leftOut().stream().allMatch(out -> out.reason() == LeftOut.Reason.IGNORED));
        assertEquals(5, selection.leftOut().size());
        assertEquals(List.of(), selection.problems(), "each rule leaves out a file");
    }

    /** As npm packs them whatever .npmignore says; a rule that leaves out nothing else is told it does nothing. */
    @Test
    void aRuleOfIgnoreLeavingOutOnlyFilesPackedAnywayIsAWarning() throws IOException {
        PackSelection selection = select(source("prompd.json", "README.md", "LICENSE", "licence.txt", "docs/README.md",
                        "notes.md", "prompts/a.prmd"),
                List.of(), List.of("LICENSE", "/README.md", "*.md", "prompd.json", "[Ll][Ii][Cc]*"));

        assertEquals(List.of("LICENSE", "README.md", "licence.txt", "prompd.json", "prompts/a.prmd"),
                included(selection));
        assertEquals(List.of(new LeftOut("docs/README.md", LeftOut.Reason.IGNORED),
                new LeftOut("notes.md", LeftOut.Reason.IGNORED)), selection.leftOut());
        assertEquals(List.of(
                "prompd.json|/ignore/0|\"LICENSE\" in \"ignore\" leaves out nothing: LICENSE is packed anyway, as"
                        + " prompd.json and the README and LICENSE files at the root always are",
                "prompd.json|/ignore/1|\"/README.md\" in \"ignore\" leaves out nothing: README.md is packed anyway, as"
                        + " prompd.json and the README and LICENSE files at the root always are",
                "prompd.json|/ignore/3|\"prompd.json\" in \"ignore\" leaves out nothing: prompd.json is packed anyway,"
                        + " as prompd.json and the README and LICENSE files at the root always are",
                "prompd.json|/ignore/4|\"[Ll][Ii][Cc]*\" in \"ignore\" leaves out nothing: LICENSE and licence.txt are"
                        + " packed anyway, as prompd.json and the README and LICENSE files at the root always are"),
                messages(selection));
        assertTrue(selection.problems().stream().noneMatch(Problem::isError));
        assertEquals("remove the rule from \"ignore\"", selection.problems().get(0).hint());
    }

    /**
     * A Windows user's "drafts\\*" matches a name '*' in drafts, which no package file has, so it left out nothing
     * with no word said and the drafts were published. A rule matching no file may wait for files to come (*.log), and
     * one matching files that pack leaves out anyway does what it says.
     */
    @Test
    void aRuleOfIgnoreThatCanMatchNoFileIsAWarningHintingTheSlashItMayHaveMeant() throws IOException {
        PackSelection selection = select(source("prompd.json", "drafts/old.md", "prompts/a.prmd",
                        "node_modules/x/index.js", "notes.md"),
                List.of(), List.of("drafts\\*", "drafts\\*.md", "*.log", "node_modules", "\\*.md", "prompts\\*.txt",
                        "\\[draft\\].md"));

        assertEquals(List.of("drafts/old.md", "notes.md", "prompd.json", "prompts/a.prmd"), included(selection));
        assertEquals(List.of(
                "prompd.json|/ignore/0|\"drafts\\*\" in \"ignore\" leaves out nothing: it matches no file",
                "prompd.json|/ignore/1|\"drafts\\*.md\" in \"ignore\" leaves out nothing: it matches no file",
                "prompd.json|/ignore/4|\"\\*.md\" in \"ignore\" leaves out nothing: it matches no file",
                "prompd.json|/ignore/5|\"prompts\\*.txt\" in \"ignore\" leaves out nothing: it matches no file"),
                messages(selection));
        assertTrue(selection.problems().stream().noneMatch(Problem::isError));
        String slash = "? '/' goes between folders; a '\\' before a wildcard makes it match itself";
        // a '\' first escapes a wildcard of a root name, and "prompts/*.txt" matches no file either
        String noSlash = "a '\\' before '*' or '?' makes it match itself, which no package file's name holds; '/' goes"
                + " between folders";
        assertEquals(List.of("did you mean 'drafts/*'" + slash, "did you mean 'drafts/*.md'" + slash, noSlash,
                noSlash), selection.problems().stream().map(Problem::hint).toList());
    }

    @Test
    void aFilesEntryMatchingNoFileHintsTheSlashItMayHaveMeant() throws IOException {
        PackSelection selection = select(source("prompd.json", "prompts/a.prmd"), List.of("prompts\\*"), List.of());

        assertEquals(List.of("prompd.json|/files/0|\"prompts\\*\" in \"files\" matches no file"),
                messages(selection));
        assertEquals("did you mean 'prompts/*'? '/' goes between folders; a '\\' before a wildcard makes it match"
                + " itself", selection.problems().get(0).hint());
    }

    @Test
    void bracketClassesInIgnoreAndFilesMatchAsInGitignoreAndNpm() throws IOException {
        PackSelection selection = select(source("prompd.json", "prompts/a.prmd", "contexts/abc.txt",
                "contexts/xbc.txt", "contexts/[a]bc.txt", "contexts/\u30c9\u30ad.txt"),
                List.of("prompts/", "contexts/[!a]bc.txt", "contexts/\\[a\\]bc.txt", "contexts/[\u30c9]*"),
                List.of("contexts/[a-w]bc.txt"));

        assertEquals(List.of("contexts/[a]bc.txt", "contexts/xbc.txt", "contexts/\u30c9\u30ad.txt", "prompd.json",
                "prompts/a.prmd"), included(selection));
        assertEquals(List.of(new LeftOut("contexts/abc.txt", LeftOut.Reason.IGNORED)), selection.leftOut());
        assertEquals(List.of(), messages(selection));
    }

    @Test
    void entriesMatchFilesWhateverTheirUnicodeNormalization() throws IOException {
        PackSelection selection = select(source("prompd.json", "contexts/caf\u00e9.txt", "notes/caf\u00e9.md"),
                List.of("contexts/cafe\u0301.txt", "notes/"), List.of("notes/cafe\u0301.md"));

        assertEquals(List.of("contexts/caf\u00e9.txt", "prompd.json"), included(selection));
        assertEquals(List.of("prompd.json|/files/1|\"notes/\" in \"files\" names 'notes/caf\u00e9.md', which exists"
                + " but is left out by \"ignore\""), messages(selection));
    }

    @Test
    void anchoredIgnoreRulesMatchOnlyAtTheRoot() throws IOException {
        PackSelection selection = select(source("prompd.json", "dist/a.js", "src/dist/b.js"),
                List.of(), List.of("/dist"));

        assertEquals(List.of("prompd.json", "src/dist/b.js"), included(selection));
    }

    @Test
    void linksAndOtherEntriesAreErrorsNotSilentlyDropped() throws IOException {
        PackSelection selection = select(ListedSource.of(SourceEntry.file("prompd.json", 2),
                new SourceEntry("soft", EntryKind.SYMLINK, 0),
                new SourceEntry("hard", EntryKind.HARDLINK, 3),
                new SourceEntry("pipe", EntryKind.OTHER, 0)), List.of(), List.of());

        assertEquals(List.of("hard", "pipe", "soft"),
                selection.problems().stream().map(Problem::file).toList());
        assertTrue(selection.problems().stream().allMatch(Problem::isError));
    }

    @Test
    void aSymbolicLinkInAFolderIsAnError(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("prompd.json"), "{}");
        Files.createSymbolicLink(folder.resolve("link.md"), folder.resolve("prompd.json"));

        PackSelection selection = select(new DirectorySource(folder), List.of(), List.of());

        assertEquals(List.of("link.md|the file is a symbolic link, and links are never packed"),
                selection.problems().stream().map(p -> p.file() + "|" + p.message()).toList());
    }

    @Test
    void pathsThatDoNotTravelAreErrors() throws IOException {
        PackSelection selection = select(source("prompd.json", "a\\b.md", "c:d.md", "tab\there.md",
                "cafe\u0301.md", "x/../y.md", "x/./z.md"), List.of(), List.of());

        assertEquals(List.of("a\\b.md", "c:d.md", "cafe\u0301.md", "tab\there.md", "x/../y.md", "x/./z.md"),
                selection.problems().stream().map(Problem::file).toList());
    }

    @Test
    void pathsEqualButForCaseClash() throws IOException {
        PackSelection selection = select(source("prompd.json", "README.md", "readme.md"), List.of(), List.of());

        assertEquals(List.of("readme.md|the path differs from 'README.md' only in letter case, so they would be"
                + " one file on Windows and macOS"), selection.problems().stream()
                .map(p -> p.file() + "|" + p.message()).toList());
    }

    /** Letters whose capital is one: Windows and macOS fold them together, as they fold README.md and readme.md. */
    @Test
    void pathsEqualByCaseFoldingClash() throws IOException {
        PackSelection selection = select(source("prompd.json", "contexts/\u03C3.md", "contexts/\u03C2.md",
                "contexts/\u00B5.md", "contexts/\u03BC.md", "\u017F/a.md", "s/b.md"), List.of(), List.of());

        assertEquals(List.of("contexts/\u03BC.md|the path differs from 'contexts/\u00B5.md' only in letter case",
                "contexts/\u03C3.md|the path differs from 'contexts/\u03C2.md' only in letter case",
                "\u017F/|the folder differs from 's/' only in letter case"),
                selection.problems().stream().map(p -> p.file() + "|" + p.message().replaceAll(", so.*", ""))
                        .toList());
    }

    @Test
    void aFileAndAFolderEqualButForCaseClash() throws IOException {
        PackSelection selection = select(source("prompd.json", "Prompts", "prompts/a.md", "prompts/b.md",
                "Notes/x.md", "notes"), List.of(), List.of());

        assertEquals(List.of("notes|the path differs from 'Notes/' only in letter case, so they would be one name on"
                + " Windows and macOS, which a file and a folder cannot share|rename one of them",
                "prompts/|the folder differs from 'Prompts' only in letter case, so they would be one name"
                + " on Windows and macOS, which a file and a folder cannot share|rename one of them"),
                selection.problems().stream().map(p -> p.file() + "|" + p.message() + "|" + p.hint()).toList());
    }

    @Test
    void foldersEqualButForCaseClashOnceAtTheFirstNameThatDiffers() throws IOException {
        PackSelection selection = select(source("prompd.json", "docs/Prompts/sub/x.md", "docs/prompts/sub/y.md",
                "docs/prompts/z.md", "docs/PROMPTS/w.md", "docs/readme.md"), List.of(), List.of());

        assertEquals(List.of("docs/Prompts/|the folder differs from 'docs/PROMPTS/' only in letter case, so they would"
                + " be one folder on Windows and macOS", "docs/prompts/|the folder differs from 'docs/PROMPTS/' only in"
                + " letter case, so they would be one folder on Windows and macOS"),
                selection.problems().stream().map(p -> p.file() + "|" + p.message()).toList());
    }

    @Test
    void tooManyFilesIsAnError() throws IOException {
        PackSelection selection = PackSelector.select(source("prompd.json", "a", "b"), List.of(), List.of(),
                new ArchiveLimits(2, 100, 100), PackageLocation.WORKING_FOLDER);

        assertEquals(List.of("|the package has 3 files, more than the limit of 2"),
                selection.problems().stream().map(p -> p.file() + "|" + p.message()).toList());
        assertEquals(List.of(), PackSelector.select(source("prompd.json", "a", "b"), List.of(), List.of(),
                new ArchiveLimits(3, 100, 3), PackageLocation.WORKING_FOLDER).problems(),
                "as many files and bytes as the limits allow");
    }

    @Test
    void aFileOverTheSizeLimitIsAnError() throws IOException {
        PackSelection selection = PackSelector.select(ListedSource.of(SourceEntry.file("prompd.json", 2),
                SourceEntry.file("big.csv", 101)), List.of(), List.of(), new ArchiveLimits(10, 100, 1000),
                PackageLocation.WORKING_FOLDER);

        assertEquals(List.of("big.csv|the file has 101 bytes, more than the limit of 100 bytes per file"),
                selection.problems().stream().map(p -> p.file() + "|" + p.message()).toList());
        assertTrue(selection.problems().get(0).hint().contains("ignore"));
    }

    @Test
    void aTotalOverTheLimitIsAnError() throws IOException {
        PackSelection selection = PackSelector.select(ListedSource.of(SourceEntry.file("prompd.json", 60),
                SourceEntry.file("a.csv", 60)), List.of(), List.of(), new ArchiveLimits(10, 100, 100),
                PackageLocation.WORKING_FOLDER);

        assertEquals(List.of("|the package's files add up to 120 bytes, more than the limit of 100 bytes"),
                selection.problems().stream().map(p -> p.file() + "|" + p.message()).toList());
        assertEquals(120, selection.unpackedSize());
    }

    @Test
    void leftOutFilesAreNotCheckedAgainstThePackingRules() throws IOException {
        PackSelection selection = select(ListedSource.of(SourceEntry.file("prompd.json", 2),
                new SourceEntry("dist/link", EntryKind.SYMLINK, 0)), List.of(), List.of("dist/**"));

        assertFalse(selection.hasErrors());
        assertEquals(List.of(new LeftOut("dist/link", LeftOut.Reason.IGNORED)), selection.leftOut());
    }
}
