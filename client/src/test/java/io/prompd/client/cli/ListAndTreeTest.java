package io.prompd.client.cli;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockFiles;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * prompd list and prompd tree of a project, as text, --json and --dot, and how they mark and exit on what is not as
 * prompd.json and prompd.lock say.
 */
class ListAndTreeTest extends InstallCommandsFixture {

    @Test
    void listShowsDirectAndTransitivePackages() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0  (transitive)\n", prompd("list").out());
        JsonNode json = Json.reader().readTree(prompd("list", "--json").out());
        assertTrue(json.get(0).get("direct").asBoolean());
        assertFalse(json.get(1).get("direct").asBoolean());
    }

    /** A project with no dependency, and an empty store, listed nothing at all, as a command that failed to say. */
    @Test
    void listSaysWhenThereIsNothingToListAsNpmLsSaysEmpty() {
        CliRun project = prompd("list");
        CliRun store = prompd("list", "--installed");

        assertEquals(0, project.exitCode(), project.err());
        assertEquals("(no dependencies)\n", project.out());
        assertEquals("[]\n", prompd("list", "--json").out());
        assertEquals(0, store.exitCode(), store.err());
        assertEquals("(no package installed)\n", store.out());
        assertEquals("{}\n", prompd("list", "--installed", "--json").out());
    }

    /**
     * A wrapper adding --json to a command line that has it broke it ("should be specified only once"): a flag given
     * twice says the same twice, as npm and cargo take it, while a value given twice is still for the user to settle.
     */
    @Test
    void aFlagGivenTwiceIsTakenAsOnceAndAnOptionsValueGivenTwiceIsRefused() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        CliRun twice = prompd("list", "--json", "--json");
        assertEquals(0, twice.exitCode(), twice.err());
        assertEquals(prompd("list", "--json").out(), twice.out());
        CliRun verbose = prompd("-v", "--verbose", "list", "--json", "--json");
        assertEquals(0, verbose.exitCode(), verbose.err());

        CliRun out = prompd("pack", "--out", "a.tgz", "--out", "b.tgz");
        assertEquals(2, out.exitCode(), out.err());
        assertEquals("error: option '--out' is given more than once; it takes one value\nhint: see 'prompd pack"
                + " --help'\n", out.err());
        assertFalse(Files.exists(project.resolve("a.tgz")) || Files.exists(project.resolve("b.tgz")));
    }

    /** Where a project's tools read its packages, which install --json alone gave, and what prompd.lock pins. */
    @Test
    void listJsonGivesTheStoreFolderOfEachInstalledVersionAndWhatTheLockPins() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        JsonNode lock = Json.reader().readTree(Files.readString(project.resolve("prompd.lock")));
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());

        JsonNode json = Json.reader().readTree(prompd("list", "--json").out());

        assertEquals(home.resolve("packages/@acme/base@1.0.0").toString(), json.at("/0/folder").asText(),
                json.toString());
        assertTrue(Files.isRegularFile(Path.of(json.at("/0/folder").asText(), "prompd.json")));
        assertTrue(json.get(1).path("folder").isMissingNode(), "not installed: " + json);
        for (int row = 0; row < 2; row++) {
            String name = json.get(row).get("name").asText();
            for (String field : new String[] {"resolved", "integrity"}) {
                assertEquals(lock.at("/packages/" + name.replace("/", "~1") + "/" + field).asText(),
                        json.get(row).get(field).asText(), name + " " + field);
            }
        }
        CliRun store = prompd("list", "--installed", "--json");
        assertEquals(home.resolve("packages/@acme/base@1.0.0").toString(),
                Json.reader().readTree(store.out()).at("/@acme~1base/0/folder").asText(), store.out());
    }

    /**
     * The empty range, valid and meaning any version, printed as nothing: a row ending in a blank, an edge with an
     * empty label. It is shown as *, as npm shows it; --json keeps it as written.
     */
    @Test
    void theEmptyRangeIsShownAsAStarAndKeptAsWrittenInJson() throws IOException {
        editDependencies("\"@acme/util\": \"\"");

        assertEquals("@acme/util *  (not locked: run 'prompd install')\n", prompd("list").out());
        assertEquals(0, prompd("install").exitCode());
        CliRun tree = prompd("tree");
        CliRun dot = prompd("tree", "--dot");
        JsonNode json = Json.reader().readTree(prompd("tree", "--json").out());

        assertEquals(0, tree.exitCode(), tree.err());
        assertEquals("@me/app@1.0.0\n└── @acme/util@1.1.0 *\n", tree.out());
        assertTrue(dot.out().contains("\"@me/app@1.0.0\" -> \"@acme/util@1.1.0\" [label=\"*\"];"), dot.out());
        assertEquals("", json.at("/dependencies/0/range").asText("absent"), json.toString());
        assertEquals("{\"name\": \"@me/app\", \"version\": \"1.0.0\", \"dependencies\": {\"@acme/util\": \"\"}}\n",
                Files.readString(project.resolve("prompd.json")), "as written");
    }

    @Test
    void listAndTreeNameAStoreCopyWhoseManifestCannotBeReadAsDamagedAndInstallReplacesIt() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        Path folder = home.resolve("packages/@acme/util@1.1.0");
        Files.writeString(folder.resolve("prompd.json"), "{\"name\": \"@acme/ut");
        String error = "error: the store's copy of @acme/util@1.1.0 is damaged, with no prompd.json that reads as"
                + " a JSON object: " + folder + "\nhint: run 'prompd install' to replace it\n";

        CliRun list = prompd("list");
        assertEquals(1, list.exitCode(), list.err());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0  (transitive, damaged: run 'prompd install')\n", list.out());
        assertEquals(error, list.err());
        CliRun tree = prompd("tree");
        assertEquals(1, tree.exitCode(), tree.err());
        assertEquals("""
                @me/app@1.0.0
                └── @acme/base@1.0.0 ^1.0.0
                    └── @acme/util@1.1.0 ^1.0.0 (damaged: run 'prompd install')
                """, tree.out());
        assertEquals(error, tree.err());

        CliRun install = prompd("install");
        assertEquals(0, install.exitCode(), install.err());
        CliRun repaired = prompd("list");
        assertEquals(0, repaired.exitCode(), repaired.err());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0  (transitive)\n", repaired.out());
    }

    @Test
    void listInstalledMarksADamagedStoreCopyWithTheWaysToMendItAndExits1AsTheProjectsListDoes() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        Path folder = home.resolve("packages/@acme/util@1.1.0");
        Files.writeString(folder.resolve("prompd.json"), "{\"na");
        String reinstall = "prompd install --global @acme/util@1.1.0";
        String uninstall = "prompd uninstall --global @acme/util@1.1.0";

        CliRun list = prompd("list", "--installed");

        assertEquals(1, list.exitCode(), list.err());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0  (damaged: run '" + reinstall + "' or '" + uninstall + "')\n",
                list.out());
        assertEquals("error: the store's copy of @acme/util@1.1.0 is damaged, with no prompd.json that reads as a JSON"
                + " object: " + folder + "\nhint: '" + reinstall
                + "' replaces it, as does 'prompd install' in a project"
                + " locking it; '" + uninstall + "' removes it\n", list.err());
        CliRun json = prompd("list", "--installed", "--json");
        assertEquals(1, json.exitCode(), json.err());
        assertEquals(Json.reader().readTree(Json.writeString(Map.of(
                "@acme/base", List.of(Map.of("version", "1.0.0", "damaged", false,
                        "folder", home.resolve("packages/@acme/base@1.0.0").toString())),
                "@acme/util", List.of(Map.of("version", "1.1.0", "damaged", true, "folder", folder.toString()))))),
                Json.reader().readTree(json.out()));
        assertEquals(list.err(), json.err());

        assertEquals(0, prompd(reinstall.substring("prompd ".length()).split(" ")).exitCode());
        CliRun mended = prompd("list", "--installed");
        assertEquals(0, mended.exitCode(), mended.err());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0\n", mended.out());
        Files.writeString(folder.resolve("prompd.json"), "");
        assertEquals(0, prompd(uninstall.substring("prompd ".length()).split(" ")).exitCode());
        CliRun removed = prompd("list", "--installed");
        assertEquals(0, removed.exitCode(), removed.err());
        assertEquals("@acme/base@1.0.0\n", removed.out());
    }

    @Test
    void listAndTreeMarkALockedVersionTheStoreLacksAndExit1AsNpmLsDoes() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());
        String error = "error: prompd.lock locks @acme/util@1.1.0, not installed in " + home.resolve("packages") + "\n"
                + "hint: run 'prompd install' to install it (should its registry have taken it down since, install"
                + " says so, and how to move off it)\n";

        CliRun list = prompd("list");
        assertEquals(1, list.exitCode(), "a script checking the project notices");
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0  (transitive, not installed: run 'prompd install')\n",
                list.out());
        assertEquals(error, list.err());
        CliRun listJson = prompd("list", "--json");
        assertEquals(1, listJson.exitCode());
        assertFalse(Json.reader().readTree(listJson.out()).get(1).get("installed").asBoolean());
        CliRun tree = prompd("tree");
        assertEquals(1, tree.exitCode());
        assertEquals("""
                @me/app@1.0.0
                └── @acme/base@1.0.0 ^1.0.0
                    └── @acme/util@1.1.0 ^1.0.0 (not installed: run 'prompd install')
                """, tree.out());
        assertEquals(error, tree.err());
        JsonNode treeJson = Json.reader().readTree(prompd("tree", "--json").out());
        assertTrue(treeJson.at("/dependencies/0/installed").asBoolean());
        assertFalse(treeJson.at("/dependencies/0/dependencies/0/installed").asBoolean());
        CliRun dot = prompd("tree", "--dot");
        assertEquals(1, dot.exitCode());
        assertEquals("""
                digraph dependencies {
                  node [shape=box];
                  "@acme/util@1.1.0" [label="@acme/util@1.1.0\\nnot installed", color=red, fontcolor=red, style=dashed];
                  "@me/app@1.0.0" -> "@acme/base@1.0.0" [label="^1.0.0"];
                  "@acme/base@1.0.0" -> "@acme/util@1.1.0" [label="^1.0.0"];
                }
                """, dot.out());

        assertEquals(0, prompd("install").exitCode());
        assertEquals(0, prompd("list").exitCode());
        assertEquals(0, prompd("tree").exitCode());
        assertFalse(prompd("tree", "--dot").out().contains("color=red"), "nothing left to mark");
    }

    /** Each mark is said, in --dot's words, and the way off once. */
    @Test
    void listAndTreeMarkALockedVersionBothOutsideItsRangeAndNotInstalled() throws IOException {
        assertEquals(0, prompd("install", "@acme/base", "@acme/util").exitCode());
        editDependencies("\"@acme/util\": \"^1.0.0 <1.1.0\", \"@acme/base\": \"^1.0.0\"");
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());
        String both = "(invalid: outside ^1.0.0 <1.1.0, not installed: run 'prompd install')";

        CliRun list = prompd("list");
        assertEquals(1, list.exitCode(), list.err());
        assertEquals("@acme/base@1.0.0\n@acme/util@1.1.0  " + both + "\n", list.out());
        CliRun tree = prompd("tree");
        assertEquals(1, tree.exitCode(), tree.err());
        assertEquals("@me/app@1.0.0\n"
                + "├── @acme/base@1.0.0 ^1.0.0\n"
                + "│   └── @acme/util@1.1.0 ^1.0.0 (not installed: run 'prompd install')\n"
                + "└── @acme/util@1.1.0 ^1.0.0 <1.1.0 " + both + "\n", tree.out());
        editDependencies("\"@acme/util\": \"^1.0.0 <1.1.0\"");
        assertEquals("@me/app@1.0.0\n└── @acme/util@1.1.0 ^1.0.0 <1.1.0 " + both + "\n", prompd("tree").out());
        assertTrue(prompd("tree", "--dot").out().contains("\\ninvalid: outside ^1.0.0 <1.1.0, not installed\""));
    }

    /** A script that adds its own --json to a command line that has one gets the JSON, as from any other command. */
    @Test
    void jsonGivenTwiceIsJsonOnce() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        CliRun twice = prompd("tree", "--json", "--json");

        assertEquals(0, twice.exitCode(), twice.err());
        assertEquals(prompd("tree", "--json").out(), twice.out());
        assertTrue(twice.out().contains("\"@acme/util\""), twice.out());
    }

    /** As prompd-registry check words --json with another --format. */
    @Test
    void jsonAndDotAreAUsageErrorWordedAsEveryOptionsThatContradictEachOther() throws IOException {
        CliRun both = prompd("tree", "--dot", "--json");

        assertEquals(2, both.exitCode(), both.err());
        assertEquals("error: --dot and --json cannot be used together; give one of them\nhint: see 'prompd tree"
                + " --help'\n", both.err());
        assertEquals("--dot and --json cannot be used together; give one of them",
                Json.reader().readTree(both.out()).at("/error/message").asText());
    }

    @Test
    void listAndTreeExit1WhenADependencyOfPrompdJsonIsNotLocked() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        editDependencies("\"@acme/util\": \"^1.0.0\", \"@acme/greeter\": \"^1.0.0\"");
        String error = "error: prompd.lock lacks @acme/greeter of prompd.json's dependencies\n"
                + "hint: run 'prompd install' to lock and install it\n";

        CliRun list = prompd("list");
        assertEquals(1, list.exitCode());
        assertEquals("@acme/greeter ^1.0.0  (not locked: run 'prompd install')\n@acme/util@1.1.0\n", list.out(),
                "listed, as npm ls lists a missing dependency");
        assertEquals(error, list.err());
        CliRun listJson = prompd("list", "--json");
        assertEquals(1, listJson.exitCode());
        JsonNode rows = Json.reader().readTree(listJson.out());
        ObjectNode util = (ObjectNode) rows.get(1);
        assertEquals(home.resolve("packages/@acme/util@1.1.0").toString(), util.remove("folder").asText());
        assertTrue(util.remove("resolved").asText().endsWith("/packages/@acme/util/-/util-1.1.0.tgz"), rows.toString());
        assertTrue(util.remove("integrity").asText().startsWith("sha512-"), rows.toString());
        assertEquals(Json.reader().readTree("[{\"name\":\"@acme/greeter\",\"range\":\"^1.0.0\",\"direct\":true,"
                + "\"needed\":true,\"locked\":false},{\"name\":\"@acme/util\",\"version\":\"1.1.0\",\"direct\":true,"
                + "\"needed\":true,\"locked\":true,\"installed\":true,\"invalid\":false,\"otherBytes\":false}]"),
                rows);
        CliRun tree = prompd("tree");
        assertEquals(1, tree.exitCode());
        assertEquals("""
                @me/app@1.0.0
                ├── @acme/greeter ^1.0.0 (not locked: run 'prompd install')
                └── @acme/util@1.1.0 ^1.0.0
                """, tree.out());
        assertEquals(error, tree.err());
        CliRun dot = prompd("tree", "--dot");
        assertEquals(1, dot.exitCode());
        assertTrue(dot.out()
                .contains("  \"@acme/greeter\" [label=\"@acme/greeter\\nnot locked\", color=red, fontcolor=red,"
                + " style=dashed];\n"), dot.out());
        assertEquals(dot.out(), prompd("tree", "--dot").out(), "the same every time");
    }

    @Test
    void aProjectNeverInstalledListsEveryDependencyAsNotLockedAndExits1AsNpmLsDoes() throws IOException {
        editDependencies("\"@acme/util\": \"^1.0.0\", \"@acme/base\": \"^1.0.0\"");
        String error = "error: there is no prompd.lock in " + project + " to lock @acme/base and @acme/util of"
                + " prompd.json's dependencies\nhint: run 'prompd install' to lock and install them\n";

        CliRun list = prompd("list");
        assertEquals(1, list.exitCode(), list.err());
        assertEquals("@acme/base ^1.0.0  (not locked: run 'prompd install')\n"
                + "@acme/util ^1.0.0  (not locked: run 'prompd install')\n", list.out());
        assertEquals(error, list.err());
        CliRun tree = prompd("tree");
        assertEquals(1, tree.exitCode(), tree.err());
        assertEquals("""
                @me/app@1.0.0
                ├── @acme/base ^1.0.0 (not locked: run 'prompd install')
                └── @acme/util ^1.0.0 (not locked: run 'prompd install')
                """, tree.out());
        assertEquals(error, tree.err());

        editDependencies("");
        CliRun nothing = prompd("list");
        assertEquals(0, nothing.exitCode(), "nothing to lock: " + nothing.err());
        assertEquals("(no dependencies)\n", nothing.out() + nothing.err());
    }

    @Test
    void listMarksALockedPackageNothingNeedsAnyMoreAndExits1AsNpmLsDoes() throws IOException {
        assertEquals(0, prompd("install", "@acme/base", "@acme/greeter").exitCode());
        editDependencies("\"@acme/base\": \"^1.0.0\"");

        CliRun list = prompd("list");

        assertEquals(1, list.exitCode(), list.err());
        assertEquals("@acme/base@1.0.0\n@acme/greeter@1.0.0  (not needed: 'prompd install' removes it)\n"
                + "@acme/util@1.1.0  (transitive)\n", list.out());
        assertEquals("error: prompd.lock locks @acme/greeter@1.0.0, which nothing in prompd.json needs\n"
                + "hint: run 'prompd install' to remove it from prompd.lock\n", list.err());
        assertEquals(1, prompd("tree").exitCode());
        assertFalse(Json.reader().readTree(prompd("list", "--json").out()).get(1).get("needed").asBoolean());
    }

    /** As the text and --json draw from prompd.json's dependencies, so does --dot: what nothing needs is left out. */
    @Test
    void treeDotLeavesOutALockedPackageNothingNeedsAnyMoreAsTheTextTreeDoes() throws IOException {
        assertEquals(0, prompd("install", "@acme/base", "@acme/greeter").exitCode());
        editDependencies("\"@acme/base\": \"^1.0.0\"");

        CliRun tree = prompd("tree");
        CliRun dot = prompd("tree", "--dot");

        assertEquals("""
                @me/app@1.0.0
                └── @acme/base@1.0.0 ^1.0.0
                    └── @acme/util@1.1.0 ^1.0.0
                """, tree.out());
        assertEquals(1, dot.exitCode());
        assertEquals("""
                digraph dependencies {
                  node [shape=box];
                  "@me/app@1.0.0" -> "@acme/base@1.0.0" [label="^1.0.0"];
                  "@acme/base@1.0.0" -> "@acme/util@1.1.0" [label="^1.0.0"];
                }
                """, dot.out());
        assertEquals(tree.err(), dot.err(), "stderr says what nothing needs, for both");
    }

    /**
     * A lock whose entry of a version records fewer dependencies than the installed version declares (edited by hand,
     * by a merge) leads to packages that the lock alone would call unneeded: --dot draws them, as the text does, and
     * marks them as the text marks them too.
     */
    @Test
    void treeDotMarksWhatTheInstalledVersionsLeadToAsTheTextTreeDoes() throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());
        Path lockFile = project.resolve("prompd.lock");
        SortedMap<PackageName, LockedPackage> packages = new TreeMap<>(LockFiles.read(lockFile, PLAIN).orElseThrow()
                .packages());
        PackageName greeter = PackageName.parse("@acme/greeter");
        LockedPackage locked = packages.get(greeter);
        packages.put(greeter, new LockedPackage(locked.version(), locked.resolved(), locked.integrity(),
                new TreeMap<>()));
        Files.write(lockFile, LockFiles.toBytes(new LockFile(packages)));

        CliRun tree = prompd("tree");
        CliRun dot = prompd("tree", "--dot");

        assertTrue(tree.out().contains("@acme/util@1.1.0 ^1.0.0 (not installed: run 'prompd install')"), tree.out());
        assertEquals(1, dot.exitCode(), dot.err());
        assertEquals("""
                digraph dependencies {
                  node [shape=box];
                  "@acme/util@1.1.0" [label="@acme/util@1.1.0\\nnot installed", color=red, fontcolor=red, style=dashed];
                  "@me/app@1.0.0" -> "@acme/greeter@1.0.0" [label="^1.0.0"];
                  "@acme/base@1.0.0" -> "@acme/util@1.1.0" [label="^1.0.0"];
                  "@acme/greeter@1.0.0" -> "@acme/base@1.0.0" [label="^1.0.0"];
                  "@acme/greeter@1.0.0" -> "@acme/util@1.1.0" [label="^1.0.0"];
                }
                """, dot.out());
    }

    @Test
    void treeDrawsTheGraphAsTextJsonAndDot() throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter").exitCode());

        assertEquals("""
                @me/app@1.0.0
                └── @acme/greeter@1.0.0 ^1.0.0
                    ├── @acme/base@1.0.0 ^1.0.0
                    │   └── @acme/util@1.1.0 ^1.0.0
                    └── @acme/util@1.1.0 ^1.0.0
                """, prompd("tree").out());

        JsonNode json = Json.reader().readTree(prompd("tree", "--json").out());
        assertEquals("@acme/util", json.at("/dependencies/0/dependencies/0/dependencies/0/name").asText());

        String dot = prompd("tree", "--dot").out();
        assertTrue(dot.startsWith("digraph dependencies {\n"), dot);
        assertTrue(dot.contains("  \"@acme/base@1.0.0\" -> \"@acme/util@1.1.0\" [label=\"^1.0.0\"];\n"), dot);
        assertEquals(2, prompd("tree", "--json", "--dot").exitCode(), "one format at a time");
        assertTrue(prompd("tree", "--help").out().replaceAll("\\s+", " ").contains("is red. Not with --json."),
                "and the help says so");
    }

    @Test
    void treeMarksAVersionInvalidOnlyAtThePlaceWhoseRangeItIsOutsideAsNpmLsDoes() throws IOException {
        registry.publish("@acme/zeta", "1.0.0", "@acme/util", "^1.0.0")
                .publish("@acme/zeta", "1.1.0", "@acme/util", "^1.0.0")
                .publish("@acme/alpha", "1.0.0", "@acme/zeta", "^1.0.0");
        assertEquals(0, prompd("install", "@acme/alpha", "@acme/zeta@^1.1.0").exitCode());
        editDependencies("\"@acme/alpha\": \"^1.0.0\", \"@acme/zeta\": \"~1.0.0\"");

        CliRun tree = prompd("tree");
        assertEquals(1, tree.exitCode(), tree.err());
        assertEquals("""
                @me/app@1.0.0
                ├── @acme/alpha@1.0.0 ^1.0.0
                │   └── @acme/zeta@1.1.0 ^1.0.0
                │       └── @acme/util@1.1.0 ^1.0.0
                └── @acme/zeta@1.1.0 ~1.0.0 (invalid: outside ~1.0.0, run 'prompd install') (shown above)
                """, tree.out(), "1.1.0 meets alpha's ^1.0.0, and the place of prompd.json's ~1.0.0 is drawn in short");
        JsonNode json = Json.reader().readTree(prompd("tree", "--json").out());
        assertFalse(json.at("/dependencies/0/dependencies/0/invalid").asBoolean(), json.toString());
        assertTrue(json.at("/dependencies/1/invalid").asBoolean(), json.toString());
        assertTrue(json.at("/dependencies/1/repeated").asBoolean(), json.toString());
    }

    @Test
    void treeDrawsAChainOfHundredsOfPackagesEachNeedingTheNextAsTextAndJson() throws IOException {
        // two levels of JSON a package: past 500, more than Jackson writes or reads unless told
        int links = 600;
        SortedMap<PackageName, LockedPackage> packages = new TreeMap<>();
        for (int link = 0; link < links; link++) {
            SortedMap<PackageName, VersionRange> dependencies = new TreeMap<>();
            if (link + 1 < links) {
                dependencies.put(PackageName.parse("@k/c" + (link + 1)), VersionRange.parse("^1.0.0"));
            }
            packages.put(PackageName.parse("@k/c" + link), new LockedPackage(Version.parse("1.0.0"),
                    URI.create("https://registry.test/c" + link + ".tgz"), Integrity.of(new byte[] {(byte) link}),
                    dependencies));
        }
        editDependencies("\"@k/c0\": \"^1.0.0\"");
        Files.write(project.resolve("prompd.lock"), LockFiles.toBytes(new LockFile(packages)));
        String notInstalled = " (not installed: run 'prompd install')";

        CliRun text = prompd("tree");
        assertEquals(1, text.exitCode(), "nothing is installed");
        String[] lines = text.out().split("\n");
        assertEquals(links + 1, lines.length);
        assertEquals("└── @k/c0@1.0.0 ^1.0.0" + notInstalled, lines[1]);
        assertEquals(" ".repeat(4 * (links - 1)) + "└── @k/c" + (links - 1) + "@1.0.0 ^1.0.0" + notInstalled,
                lines[links]);

        CliRun json = prompd("tree", "--json");
        assertEquals(1, json.exitCode());
        JsonNode node = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(2 * links + 2).build()).build()).build().readTree(json.out());
        for (int link = 0; link < links; link++) {
            assertEquals(1, node.get("dependencies").size());
            node = node.get("dependencies").get(0);
            assertEquals("@k/c" + link, node.get("name").asText());
            assertFalse(node.get("installed").asBoolean());
        }
        assertTrue(node.get("dependencies").isEmpty());
        assertEquals(text.err(), json.err(), "the same reasons for the exit code");
    }

    /**
     * What keeps the system from telling whether a version's prompd.json is there (a folder this user may not read,
     * which root, running the tests, reads all the same; a loop of links) is said as such, as install says it, not
     * taken for a version not installed or damaged, with the advice to install it.
     */
    @Test
    void aManifestTheSystemCannotLookAtIsSaidAsSuchNotCalledNotInstalled() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path manifest = home.resolve("packages/@acme/util@1.1.0/prompd.json");
        Files.delete(manifest);
        Files.createSymbolicLink(manifest, manifest.getFileName());

        for (String[] command : new String[][] {{"list"}, {"list", "--json"}, {"tree"}, {"list", "--installed"},
                {"install", "--frozen"}}) {
            CliRun run = prompd(command);

            assertEquals(1, run.exitCode(), String.join(" ", command) + ": " + run.err());
            assertTrue(run.err().startsWith("error: " + manifest + ": Too many levels of symbolic links"),
                    String.join(" ", command) + ": " + run.err());
        }
    }
}
