package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A package whose versions need, directly or through others, what only versions taken down meet: found once through
 * shared dependencies and cycles, named by its chain, and hinted past or away by name.
 */
class TakedownFurtherDownTest extends InstallCommandsFixture {

    @Test
    void updateLatestKeepsARangeWhoseLatestVersionATakedownFurtherDownKeepsOutAndSaysWhy() throws IOException {
        registry.publish("@acme/tk", "1.0.0").publish("@acme/tk", "1.2.0").publish("@acme/needtk", "1.0.0")
                .publish("@acme/other", "1.0.0");
        assertEquals(0, prompd("install", "@acme/needtk@^1.0.0", "@acme/other@^1.0.0").exitCode());
        registry.publish("@acme/needtk", "1.1.0", "@acme/tk", ">=1.2.0")
                .publish("@acme/needtk", "2.0.0", "@acme/tk", ">=1.2.0").publish("@acme/other", "2.0.0")
                .takeDown("@acme/tk", "1.2.0", "leaked a key");

        CliRun update = prompd("update", "--latest");

        assertEquals(0, update.exitCode(), update.err());
        assertEquals("warning: kept @acme/needtk ^1.0.0: its latest version, 2.0.0, cannot be installed"
                + " now, as it needs"
                + " @acme/tk >=1.2.0, which only versions taken down meet (wait for a release of @acme/needtk needing"
                + " another)\nwarning: @acme/needtk 1.1.0 cannot be installed now, as it needs @acme/tk >=1.2.0, which"
                + " only versions taken down meet, so 1.0.0 is the newest version its ranges allow that"
                + " can be (wait for"
                + " a release of @acme/needtk needing another)\n", update.err());
        String manifest = Files.readString(project.resolve("prompd.json"));
        assertTrue(manifest.contains("\"@acme/needtk\": \"^1.0.0\"")
                && manifest.contains("\"@acme/other\": \"^2.0.0\""),
                "the others still move: " + manifest);
    }

    @Test
    void updateLatestResolvesAnUnboundedRangeWhoseLatestATakedownKeepsOutFromTheHighestThatCanBeWhateverTheResolution()
            throws IOException {
        registry.publish("@acme/tk", "1.0.0").publish("@acme/tk", "1.2.0").publish("@acme/needtk", "1.0.0")
                .publish("@acme/needtk", "1.1.0").publish("@acme/needtk", "1.2.0", "@acme/tk", ">=1.2.0")
                .takeDown("@acme/tk", "1.2.0", "leaked a key");
        editDependencies("\"@acme/needtk\": \"*\"");
        assertEquals(0, prompd("install").exitCode());

        CliRun update = prompd("update", "--latest", "--resolution", "lowest");

        assertEquals(0, update.exitCode(), update.err());
        assertTrue(update.out().contains("prompd.lock unchanged"), "never back from 1.1.0: " + update.out());
        assertTrue(update.err().contains("so 1.1.0 is the newest version its ranges allow that can be"), update.err());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/needtk\": \"*\""));
    }

    @Test
    void aDependencyThatATakedownFurtherDownBlocksIsWarnedOfAndHintedAwayByName() throws IOException {
        registry.publish("@acme/base", "1.1.0", "@acme/util", "^1.1.0").takeDown("@acme/util", "1.1.0", "leaked a key");
        editDependencies("\"@acme/base\": \"^1.1.0\", \"@acme/greeter\": \"^1.0.0\"");
        // 1.0.0, below the range, needs nothing taken down: the way past is that version
        String why = "@acme/base ^1.1.0 cannot be installed now, as every version of it that ^1.1.0 allows needs"
                + " @acme/util ^1.1.0, which only versions taken down meet; 'prompd install @acme/base@1.0.0";
        String past = "' moves past the versions taken down";

        CliRun outdated = prompd("outdated");
        CliRun install = prompd("install");
        CliRun latest = prompd("update", "--latest");

        assertEquals(1, outdated.exitCode(), outdated.err());
        assertEquals("warning: every version of @acme/base that ^1.1.0 allows needs @acme/util ^1.1.0, which only"
                + " versions taken down meet, so 'prompd install' cannot lock it: 'prompd install"
                + " @acme/base@1.0.0' moves"
                + " past them, or remove the dependency with 'prompd uninstall @acme/base'\n", outdated.err());
        assertTrue(outdated.out().contains("@acme/base     not locked (taken down)  -"), outdated.out());
        assertEquals(3, install.exitCode(), install.err());
        assertTrue(install.err().endsWith("\nhint: " + why + past + "\n"), install.err());
        // --latest meant to save every range it moved: the way past keeps them
        assertTrue(latest.err().endsWith("\nhint: " + why + " @acme/greeter@^1.0.0" + past + "\n"), latest.err());
        assertEquals(0, prompd("install", "@acme/base@1.0.0").exitCode(), "the way past works");
        assertEquals(0, prompd("uninstall", "@acme/base").exitCode(), "and so does the way off");
    }

    @Test
    void aDependencyThatATakedownTwoLevelsDownBlocksIsWarnedOfAndHintedAwayByNameWithTheChain() throws IOException {
        registry.publish("@acme/c3", "1.0.0").publish("@acme/c2", "1.0.0", "@acme/c3", "^1.0.0")
                .publish("@acme/c1", "1.0.0", "@acme/c2", "^1.0.0").takeDown("@acme/c3", "1.0.0", "illegal content");
        editDependencies("\"@acme/c1\": \"^1.0.0\", \"@acme/greeter\": \"^1.0.0\"");
        String needs = "that ^1.0.0 allows needs @acme/c2 ^1.0.0, which needs @acme/c3 ^1.0.0, which only versions"
                + " taken down meet";

        CliRun outdated = prompd("outdated");
        CliRun install = prompd("install");

        assertEquals(1, outdated.exitCode(), outdated.err());
        assertEquals("warning: every version of @acme/c1 " + needs + ", so 'prompd install' cannot lock it: remove the"
                + " dependency with 'prompd uninstall @acme/c1', or wait for a release of it needing another\n",
                outdated.err());
        assertTrue(outdated.out().contains("@acme/c1       not locked (taken down)  -"), outdated.out());
        assertEquals(3, install.exitCode(), install.err());
        assertTrue(install.err()
                .endsWith("\nhint: 'prompd uninstall @acme/c1' removes @acme/c1, as every version of it "
                + needs + " (or wait for a release of it needing another)\n"), install.err());
        assertEquals(0, prompd("uninstall", "@acme/c1").exitCode());
        assertEquals(0, prompd("install").exitCode(), "the way off works");
    }

    /** The time allowed is a guard against a walk of each of the 2^26 paths, which would take hours, never done. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aTakedownUnderManySharedDependenciesIsFoundOnceEachAndNamedByOneChain() throws IOException {
        // every package of a level needs both of the next: 2^26 paths down, 53 packages
        int levels = 26;
        for (int level = levels; level >= 0; level--) {
            for (String side : List.of("a", "b")) {
                if (level == levels) {
                    registry.publish("@acme/l" + level + side, "1.0.0", "@acme/gone", "^1.0.0");
                } else {
                    registry.publish("@acme/l" + level + side, "1.0.0", "@acme/l" + (level + 1) + "a", "^1.0.0",
                            "@acme/l" + (level + 1) + "b", "^1.0.0");
                }
            }
        }
        registry.publish("@acme/gone", "1.0.0").takeDown("@acme/gone", "1.0.0", "illegal content");
        editDependencies("\"@acme/l0a\": \"^1.0.0\"");

        server.forgetRequests();

        CliRun outdated = prompd("outdated");

        assertEquals(1, outdated.exitCode(), outdated.err());
        List<String> indexes = server.requests().stream().filter(path -> path.endsWith("/index.json")).toList();
        assertEquals(54, indexes.size(), "the 53 packages of the levels and @acme/gone: " + indexes);
        assertEquals(indexes.size(), Set.copyOf(indexes).size(), "each package's index fetched once: " + indexes);
        // the middle of so long a chain is left out, and each dependency's chain reads apart from the other's
        String chain = "@acme/l2a ^1.0.0, which needs @acme/l3a ^1.0.0, which needs … (22 more), which"
                + " needs @acme/l26a"
                + " ^1.0.0, which needs @acme/gone ^1.0.0";
        assertTrue(outdated.err().startsWith("warning: every version of @acme/l0a that ^1.0.0 allows needs @acme/l1a"
                + " ^1.0.0 (which needs " + chain + ") and @acme/l1b ^1.0.0 (which needs " + chain + "), which only"
                + " versions taken down meet"), outdated.err());
    }

    @Test
    void aDependencyBlockedBelowWithAReleaseThatIsNotIsOfferedThatRelease() throws IOException {
        registry.publish("@acme/k3", "1.0.0").publish("@acme/k2", "1.0.0", "@acme/k3", "^1.0.0")
                .publish("@acme/k2", "2.0.0").publish("@acme/k1", "1.0.0", "@acme/k2", "^1.0.0")
                .publish("@acme/k1", "1.1.0", "@acme/k2", "^2.0.0").takeDown("@acme/k3", "1.0.0", "bad");
        editDependencies("\"@acme/k1\": \"1.0.0\"");
        String needs = "needs @acme/k2 ^1.0.0, which needs @acme/k3 ^1.0.0, which only versions taken down meet";

        CliRun outdated = prompd("outdated");
        CliRun install = prompd("install");

        assertEquals("warning: every version of @acme/k1 that 1.0.0 allows " + needs + ", so 'prompd install' cannot"
                + " lock it: 'prompd install @acme/k1@1.1.0' moves past them, or remove the dependency with 'prompd"
                + " uninstall @acme/k1'\n", outdated.err());
        assertEquals(3, install.exitCode(), install.err());
        assertTrue(install.err().endsWith("\nhint: @acme/k1 1.0.0 cannot be installed now, as it " + needs + "; 'prompd"
                + " install @acme/k1@1.1.0' moves past the versions taken down\n"), install.err());
        assertEquals(0, prompd("install", "@acme/k1@1.1.0").exitCode(), "the way offered works");
    }

    @Test
    void aNewerVersionThatATakedownFurtherDownKeepsFromAPackageIsNoUpdateToWantAndEveryCommandSaysWhy()
            throws IOException {
        registry.publish("@acme/tk", "1.0.0").publish("@acme/tk", "1.2.0").publish("@acme/needtk", "0.5.0")
                .publish("@acme/needtk", "1.0.0", "@acme/tk", ">=1.2.0").takeDown("@acme/tk", "1.2.0", "leaked a key");
        editDependencies("\"@acme/needtk\": \"*\"");
        String why = "warning: @acme/needtk 1.0.0 cannot be installed now, as it needs @acme/tk >=1.2.0, which only"
                + " versions taken down meet, so 0.5.0 is the newest version its ranges allow that can be (wait for a"
                + " release of @acme/needtk needing another)\n";

        CliRun install = prompd("install");
        CliRun outdated = prompd("outdated");
        CliRun update = prompd("update");

        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.out().contains("+ @acme/needtk@0.5.0"), install.out());
        assertTrue(install.err().endsWith(why), install.err());
        assertEquals("""
                package       current  wanted  latest  dependency
                @acme/needtk  0.5.0    0.5.0   1.0.0   direct
                """, outdated.out(), "wanted is what 'prompd update' reaches");
        assertEquals(why, outdated.err());
        assertEquals(0, update.exitCode(), update.err());
        assertTrue(update.out().contains("prompd.lock unchanged"), update.out());
        assertEquals(why, update.err());
        assertEquals("", prompd("install").err(), "an install the lock settles asks the registry nothing");
    }

    @Test
    void aTakedownReachedThroughACycleBackToThePackageIsNamedOnlyOnce() throws IOException {
        registry.publish("@acme/bot", "1.0.0").publish("@acme/cy", "1.0.0", "@acme/cz", "^1.0.0")
                .publish("@acme/cz", "1.0.0", "@acme/bot", "^1.0.0", "@acme/cy", "^1.0.0")
                .takeDown("@acme/bot", "1.0.0", "malware");
        editDependencies("\"@acme/cz\": \"^1.0.0\"");

        CliRun outdated = prompd("outdated");

        assertEquals("warning: every version of @acme/cz that ^1.0.0 allows needs @acme/bot ^1.0.0, which only versions"
                + " taken down meet, so 'prompd install' cannot lock it: remove the dependency with 'prompd uninstall"
                + " @acme/cz', or wait for a release of it needing another\n", outdated.err());
    }

    @Test
    void aCycleOfDependenciesAboveNoTakedownIsNotTakenForOneItBlocks() throws IOException {
        registry.publish("@acme/x", "1.0.0", "@acme/y", "^1.0.0").publish("@acme/y", "1.0.0", "@acme/x", "^1.0.0")
                .takeDown("@acme/util", "1.1.0", "leaked a key");
        editDependencies("\"@acme/x\": \"^1.0.0\", \"@acme/util\": \"~1.1.0\"");

        CliRun install = prompd("install");

        assertEquals(3, install.exitCode(), install.err());
        assertTrue(install.err().endsWith("\nhint: 'prompd install @acme/util@^1.0.0' moves past the versions taken"
                + " down\n"), install.err());
    }

    @Test
    void aPackageAskedForThatOnlyVersionsTakenDownLetInstallIsSaidToBeUninstallableWithWhatWorksInstead()
            throws IOException {
        registry.publish("@acme/tool", "1.0.0", "@acme/util", "~1.1.0")
                .publish("@acme/tool", "1.1.0", "@acme/util", "~1.1.0")
                .takeDown("@acme/util", "1.1.0", "leaked an API key");

        CliRun latest = prompd("install", "@acme/tool", "@acme/util");
        CliRun exact = prompd("install", "@acme/tool@1.0.0");

        assertEquals(3, latest.exitCode(), latest.err());
        assertTrue(latest.err()
                .endsWith("\nhint: @acme/tool ^1.1.0 cannot be installed now, as every version of it that"
                + " ^1.1.0 allows needs @acme/util ~1.1.0, which only versions taken down meet, and no other version of"
                + " it does without that (wait for a release of it needing another); 'prompd install @acme/util@^1.0.0'"
                + " moves past the versions taken down\n"), latest.err());
        assertEquals(3, exact.exitCode(), exact.err());
        // the project asked for exactly 1.0.0, which the resolver was held to: ^1.0.0 is saved only once it is chosen
        assertTrue(exact.err()
                .contains("So, because your project depends on @acme/tool 1.0.0, version solving failed."),
                exact.err());
        assertTrue(exact.err().endsWith("\nhint: @acme/tool 1.0.0 cannot be installed now, as it needs @acme/util"
                + " ~1.1.0, which only versions taken down meet, and no other version of it does without that (wait for"
                + " a release of it needing another)\n"), exact.err());
        assertEquals("{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n",
                Files.readString(project.resolve("prompd.json")));

        registry.publish("@acme/tool", "0.9.0", "@acme/util", "^1.0.0");
        CliRun older = prompd("install", "@acme/tool@^1.1.0");
        assertEquals(3, older.exitCode(), older.err());
        assertTrue(older.err().endsWith("\nhint: @acme/tool ^1.1.0 cannot be installed now, as every version of it that"
                + " ^1.1.0 allows needs @acme/util ~1.1.0, which only versions taken down meet; 'prompd install"
                + " @acme/tool@0.9.0' moves past the versions taken down\n"), older.err());
        CliRun byName = prompd("install", "@acme/tool");
        assertEquals(0, byName.exitCode(), "named alone, the highest version that can be installed is");
        String setAside = "warning: @acme/tool ^1.1.0, from its latest version, cannot be installed now, as 1.1.0 needs"
                + " @acme/util ~1.1.0, which only versions taken down meet, so 0.9.0, the highest version that can, is"
                + " installed (wait for a release of @acme/tool needing another)\n";
        assertTrue(byName.err().startsWith(setAside), byName.err());

        CliRun global = prompd("install", "--global", "@acme/tool");
        assertEquals(0, global.exitCode(), "globally alike");
        assertEquals(setAside, global.err());
        CliRun globalRange = prompd("install", "--global", "@acme/tool@^1.1.0");
        assertEquals(3, globalRange.exitCode(), globalRange.err());
        assertTrue(globalRange.err().endsWith("; 'prompd install --global @acme/tool@0.9.0' moves past the versions"
                + " taken down\n"), globalRange.err());
        assertEquals(0, prompd("install", "--global", "@acme/tool@0.9.0").exitCode(), "the way offered works");
    }
}
