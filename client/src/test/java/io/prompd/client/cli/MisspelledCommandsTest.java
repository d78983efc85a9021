package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suggestion for a command typed wrong, among prompd's commands and their short names. */
class MisspelledCommandsTest {

    @TempDir
    Path work;

    private String error(String... args) {
        CliRun run = CliRun.in(work, work.resolve("home"), args);
        assertEquals(2, run.exitCode(), run.err());
        return run.err();
    }

    @Test
    void twoLettersSwappedAreOneEditAtEveryLevel() {
        assertEquals("error: unknown command 'lsit'\nhint: did you mean list? see 'prompd --help'\n", error("lsit"));
        assertEquals("error: unknown command 'lsit'\nhint: did you mean list? see 'prompd config --help'\n",
                error("config", "lsit"));
        assertEquals("error: unknown command 'gte'\nhint: did you mean get? see 'prompd config --help'\n",
                error("config", "gte", "registry"));
        assertEquals("error: unknown command 'lsit'\nhint: did you mean list? see 'prompd registry --help'\n",
                error("registry", "lsit"));
        assertEquals("error: unknown command 'vreify'\nhint: did you mean verify? see 'prompd cache --help'\n",
                error("cache", "vreify"));
    }

    /** npm's ci and cargo's --locked keep the lock as it is: install, a letter off ci, may rewrite it. */
    @Test
    void anotherToolsWordForAnInstallKeepingTheLockSuggestsInstallFrozen() {
        assertEquals("error: unknown command 'ci'\nhint: did you mean install --frozen? see 'prompd --help'\n",
                error("ci"));
        for (String option : new String[] {"--locked", "--ci", "--LOCKED"}) {
            assertEquals("error: unknown option '" + option + "'\nhint: did you mean --frozen? see 'prompd install"
                    + " --help'\n", error("install", option), option);
        }
        assertEquals("error: unknown option '--frozen-lockfile'\nhint: did you mean --frozen? see 'prompd install"
                + " --help'\n", error("i", "--frozen-lockfile"));
    }

    /** cargo's, pnpm's and yarn's add and upgrade, too far from install and update to be suggested by spelling. */
    @Test
    void anotherToolsAddAndUpgradeSuggestInstallAndUpdate() {
        assertEquals("error: unknown command 'add'\nhint: did you mean install? see 'prompd --help'\n",
                error("add", "@acme/tone"));
        assertEquals("error: unknown command 'upgrade'\nhint: did you mean update? see 'prompd --help'\n",
                error("upgrade"));
    }

    /** What npm's and cargo's users type first, which prompd does otherwise (publish) or not at all (run). */
    @Test
    void anotherToolsPublishRunAndExecSayWhatToDoInstead() {
        assertEquals("error: unknown command 'publish'\nhint: prompd has no publish: a package is published by a pull"
                + " request to the registry's repository; 'prompd pack' writes its tarball, and the registry's"
                + " CONTRIBUTING.md says where to add it\n", error("publish"));
        for (String run : new String[] {"run", "exec", "RUN"}) {
            assertEquals("error: unknown command '" + run + "'\nhint: prompd sends no prompt to a model: it installs"
                    + " prompt files for your own tools to read; 'prompd list --json' gives the folder of each"
                    + " installed package\n", error(run, "@acme/greetings"), run);
        }
    }

    /** npm's and pip's -v prints their version: here it is --verbose, and the version -V. */
    @Test
    void aLoneVerboseOptionNamesTheVersionsOption() {
        assertEquals("error: a subcommand is required: init, validate, pack, install, uninstall, update, outdated,"
                + " list, info, tree, cache, config, registry, login, logout or completion (-v is --verbose; -V or"
                + " --version prints the version)\nhint: see 'prompd --help'\n", error("-v"));
    }

    @Test
    void aWordNearOnlyAShortNameOfOneLetterOrFarFromEveryCommandIsSuggestedNone() {
        for (String far : new String[] {"iffy", "search", "x"}) {
            assertEquals("error: unknown command '" + far + "'\nhint: 'prompd --help' lists the commands\n",
                    error(far), far);
        }
    }
}
