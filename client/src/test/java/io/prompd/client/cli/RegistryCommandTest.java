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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandTest {

    @TempDir
    Path work;

    CliRun prompd(String... args) {
        return CliRun.in(work, work.resolve("home"), args);
    }

    @Test
    void addListAndRemoveARegistry() {
        CliRun add = prompd("registry", "add", "acme", "https://Prompd.Acme.example", "--scope", "@acme",
                "--scope", "@tools", "--default");
        assertEquals(0, add.exitCode(), add.err());
        assertEquals("""
                added registry acme (https://prompd.acme.example/)
                scope @acme now comes from acme
                scope @tools now comes from acme
                acme is the default registry
                """, add.out());
        assertEquals(0, prompd("registry", "add", "local", "file:///srv/registry").exitCode());

        CliRun list = prompd("registry", "list");
        assertEquals(0, list.exitCode(), list.err());
        assertEquals("""
                acme   https://prompd.acme.example/  default, scopes @acme @tools
                local  file:///srv/registry/
                """, list.out());

        CliRun remove = prompd("registry", "remove", "acme");
        assertEquals(0, remove.exitCode(), remove.err());
        assertEquals("""
                removed registry acme (https://prompd.acme.example/)
                scope @acme is served by no registry now: route it to local with 'prompd config set scopes.@acme local',\
                 or to another with 'prompd registry add NAME URL --scope @acme'
                scope @tools is served by no registry now: route it to local with 'prompd config set scopes.@tools local',\
                 or to another with 'prompd registry add NAME URL --scope @tools'
                there is no default registry now; make local the default with 'prompd registry default local', or add\
                 one with 'prompd registry add NAME URL --default'
                """, remove.out());
        assertEquals("local  file:///srv/registry/\n", prompd("registry", "list").out());
    }

    @Test
    void aScopeOfTheOnlyRegistryRemovedIsSaidToBeServedByNoneWithTheCommandThatRoutesItAgain() {
        assertEquals(0, prompd("registry", "add", "company", "http://127.0.0.1:18402/", "--scope", "@company")
                .exitCode());

        CliRun remove = prompd("registry", "remove", "company");

        assertEquals(0, remove.exitCode(), remove.err());
        assertEquals("""
                removed registry company (http://127.0.0.1:18402/)
                scope @company is served by no registry now: route it to a registry with 'prompd registry add NAME URL\
                 --scope @company'
                """, remove.out());
    }

    @Test
    void aScopeOfARegistryRemovedComesFromTheDefaultThatRemains() {
        assertEquals(0, prompd("registry", "add", "public", "https://public.example/", "--default").exitCode());
        assertEquals(0, prompd("registry", "add", "a", "https://a.example/", "--scope", "@a").exitCode());
        assertEquals(0, prompd("registry", "add", "b", "https://b.example/").exitCode());
        assertEquals(0, prompd("registry", "add", "c", "https://c.example/", "--scope", "@c").exitCode());

        assertEquals("""
                removed registry a (https://a.example/)
                scope @a now comes from the default registry
                """, prompd("registry", "remove", "a").out());
        assertEquals(0, prompd("config", "unset", "registry").exitCode());
        assertTrue(prompd("registry", "remove", "c").out().contains("scope @c is served by no registry now: route it"
                + " to one of b or public with 'prompd config set scopes.@c NAME', or to another with 'prompd registry"
                + " add NAME URL --scope @c'\n"));
    }

    @Test
    void removingTheDefaultAndTheNextCommandGiveTheSameAdviceThatWorks() {
        assertEquals(0, prompd("registry", "add", "acme", "https://prompd.acme.example/", "--default").exitCode());

        CliRun remove = prompd("registry", "remove", "acme");

        String advice = "add one with 'prompd registry add NAME URL --default'";
        assertTrue(remove.out().endsWith("there is no default registry now; " + advice + "\n"), remove.out());
        CliRun info = prompd("info", "@acme/greeter");
        assertEquals(3, info.exitCode(), info.err());
        assertEquals("error: no registry configured\nhint: " + advice
                + ", or pass --registry URL (or set PROMPD_REGISTRY"
                + " to it)\n", info.err());
        assertEquals(3, prompd("config", "set", "registry", "acme").exitCode(), "only a configured name can be set");
    }

    @Test
    void theAdviceAfterRemovingTheDefaultNamesARegistryLeftInItsCommand() {
        assertEquals(0, prompd("registry", "add", "acme", "https://prompd.acme.example/", "--default").exitCode());
        assertEquals(0, prompd("registry", "add", "local", "file:///srv/registry").exitCode());
        assertEquals(0, prompd("registry", "add", "mirror", "https://mirror.acme.example/").exitCode());

        CliRun remove = prompd("registry", "remove", "acme");

        String advice = "make one of local and mirror the default, as in 'prompd registry default local', or add one"
                + " with 'prompd registry add NAME URL --default'";
        assertTrue(remove.out().endsWith("there is no default registry now; " + advice + "\n"), remove.out());
        CliRun info = prompd("info", "@acme/greeter");
        assertEquals(3, info.exitCode(), info.err());
        assertEquals("error: no default registry: the configured ones are local, mirror\nhint: " + advice
                + ", or pass --registry URL (or set PROMPD_REGISTRY to it)\n", info.err());
        assertEquals(0, prompd("registry", "default", "local").exitCode(), "the command runs as it is");
    }

    @Test
    void theConfigurationIsWrittenUnderTheHomeOnly() {
        prompd("registry", "add", "acme", "https://prompd.acme.example/");
        assertTrue(Files.isRegularFile(work.resolve("home/config.json")));
        assertEquals(1, work.toFile().list().length);
    }

    @Test
    void withoutHomeOptionOrVariableTheHomeIsDotPrompdInTheUsersHomeFolder() {
        Path user = work.resolve("user");
        assertEquals(0,
                CliRun.in(work, user.resolve(".prompd"), "registry", "add", "acme", "https://prompd.acme.example/")
                .exitCode());

        CliRun list = CliRun.with(CliRun.context(Map.of(), work, user, new byte[0]), "registry", "list");

        assertEquals(0, list.exitCode(), list.err());
        assertEquals("acme  https://prompd.acme.example/\n", list.out());
    }

    @Test
    void withoutHomeOptionOrVariableTheHomeIsDotPrompdInTheFolderOfTheHomeVariableBeforeJavasUserHome() {
        Path user = work.resolve("user");
        Path shellHome = work.resolve("shell-home");
        assertEquals(0, CliRun.in(work, shellHome.resolve(".prompd"), "registry", "add", "acme",
                "https://prompd.acme.example/").exitCode());

        CliRun list = CliRun.with(CliRun.context(Map.of("HOME", shellHome.toString()), work, user, new byte[0]),
                "registry", "list");
        CliRun emptyHome = CliRun.with(CliRun.context(Map.of("HOME", ""), work, user, new byte[0]), "registry", "list");
        CliRun variableFirst = CliRun.with(CliRun.context(Map.of("HOME", shellHome.toString(),
                "PROMPD_HOME", user.resolve(".prompd").toString()), work, user, new byte[0]), "registry", "list");

        assertEquals("acme  https://prompd.acme.example/\n", list.out(), list.err());
        assertEquals(0, emptyHome.exitCode(), emptyHome.err());
        assertFalse(emptyHome.out().contains("acme"), "an empty $HOME is unset: " + emptyHome.out());
        assertFalse(variableFirst.out().contains("acme"), "$PROMPD_HOME wins: " + variableFirst.out());
    }

    @Test
    void listAsJson() throws IOException {
        prompd("registry", "add", "acme", "https://prompd.acme.example/", "--scope", "@acme", "--default");
        CliRun list = prompd("registry", "list", "--json");
        assertEquals(0, list.exitCode(), list.err());
        JsonNode registries = Json.reader().readTree(list.out());
        assertEquals(1, registries.size());
        assertEquals("acme", registries.get(0).get("name").asText());
        assertEquals("https://prompd.acme.example/", registries.get(0).get("url").asText());
        assertTrue(registries.get(0).get("default").asBoolean());
        assertEquals("@acme", registries.get(0).get("scopes").get(0).asText());
    }

    @Test
    void theListSaysWhenTheRegistryOfThisRunIsChosenAboveTheConfiguration() {
        prompd("registry", "add", "acme", "https://prompd.acme.example/", "--default");
        CliRun chosen = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_REGISTRY", "file:///srv/mirror/"),
                "registry", "list");
        assertEquals(0, chosen.exitCode(), chosen.err());
        assertEquals("""
                acme       https://prompd.acme.example/  default
                (no name)  file:///srv/mirror/           in use ($PROMPD_REGISTRY)
                """, chosen.out(), "the registry an install uses, listed though none is configured with it");
        assertEquals("note: $PROMPD_REGISTRY chooses file:///srv/mirror/ in place of the default; routed scopes keep"
                + " their registries\n", chosen.err());
        assertEquals("", prompd("registry", "list").err());
    }

    /**
     * The JSON said which registry is the default and nothing of the one --registry or $PROMPD_REGISTRY puts in its
     * place, which every install then uses: {@code default} is the configuration's, {@code inUse} the run's, as {@code
     * npm config get registry} gives the registry in effect. The text marks the same one.
     */
    @Test
    void theListMarksTheRegistryInUseInTextAndJsonAsAnInstallChoosesIt() throws IOException {
        prompd("registry", "add", "acme", "https://prompd.acme.example/", "--default");
        prompd("registry", "add", "work", "https://prompd.work.example/", "--scope", "@work");

        CliRun plain = prompd("registry", "list", "--json");
        CliRun variable = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_REGISTRY", "work"), "registry",
                "list", "--json");
        CliRun option = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_REGISTRY", "work"), "--registry",
                "https://mirror.example/", "registry", "list", "--json");
        CliRun optionText = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_REGISTRY", "work"),
                "--registry", "https://mirror.example/", "registry", "list");
        CliRun variableText = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_REGISTRY", "work"),
                "registry", "list");

        assertEquals(Map.of("acme", List.of(true, true), "work", List.of(false, false)), defaultAndInUse(plain));
        assertEquals(Map.of("acme", List.of(true, false), "work", List.of(false, true)), defaultAndInUse(variable));
        assertEquals(Map.of("acme", List.of(true, false), "work", List.of(false, false),
                "https://mirror.example/", List.of(false, true)), defaultAndInUse(option), "--registry wins");
        assertEquals("""
                acme       https://prompd.acme.example/  default
                work       https://prompd.work.example/  scopes @work
                (no name)  https://mirror.example/       in use (--registry)
                """, optionText.out());
        assertEquals("""
                acme  https://prompd.acme.example/  default
                work  https://prompd.work.example/  in use ($PROMPD_REGISTRY), scopes @work
                """, variableText.out());
    }

    /** Each registry of the list, by name (by URL for one without), with its {@code default} and {@code inUse}. */
    private static Map<String, List<Boolean>> defaultAndInUse(CliRun list) throws IOException {
        assertEquals(0, list.exitCode(), list.err());
        Map<String, List<Boolean>> found = new HashMap<>();
        for (JsonNode registry : Json.reader().readTree(list.out())) {
            found.put(registry.path("name").asText(registry.get("url").asText()),
                    List.of(registry.get("default").asBoolean(), registry.get("inUse").asBoolean()));
        }
        return found;
    }

    /**
     * A team's developer asking which registry a run uses is not to be shown the file's alone: config get gives the
     * registry in effect, as {@code npm config get registry} does, saying on stderr what chose it over the file's;
     * config list lists the file, saying the same.
     */
    @Test
    void configGetOfTheDefaultGivesTheRegistryTheOptionChoosesAndListSaysSo() {
        prompd("registry", "add", "acme", "https://prompd.acme.example/", "--default");

        CliRun get = prompd("--registry", "file:///srv/mirror", "config", "get", "registry");
        CliRun list = prompd("--registry", "file:///srv/mirror/", "config", "list");
        CliRun otherKey = prompd("--registry", "file:///srv/mirror/", "config", "get", "registries.acme");

        assertEquals(0, get.exitCode(), get.err());
        assertEquals("file:///srv/mirror/\n", get.out());
        assertEquals("note: --registry chooses it in place of the configured default, acme; routed scopes keep their"
                + " registries\n", get.err());
        assertEquals(0, list.exitCode(), list.err());
        assertEquals("note: --registry chooses file:///srv/mirror/ in place of the default; routed scopes keep their"
                + " registries\n", list.err());
        assertEquals("https://prompd.acme.example/\n", otherKey.out());
        assertEquals("", otherKey.err(), "the note is of the default alone");
        CliRun configured = prompd("config", "get", "registry");
        assertEquals("acme\n", configured.out());
        assertEquals("", configured.err());
    }

    /** $PROMPD_REGISTRY, as CI sets it, is the registry in effect in a home with none configured. */
    @Test
    void configGetOfTheDefaultGivesTheVariablesRegistryWhereNoneIsConfiguredAndRefusesAnUnknownName() {
        prompd("registry", "add", "work", "https://prompd.work.example/", "--scope", "@work");

        CliRun get = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_REGISTRY", "work"), "config", "get",
                "registry");
        CliRun unknown = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_REGISTRY", "wrok"), "config", "get",
                "registry");

        assertEquals(0, get.exitCode(), get.err());
        assertEquals("work\n", get.out());
        assertEquals("note: $PROMPD_REGISTRY chooses it; no default is configured; routed scopes keep their"
                + " registries\n", get.err());
        assertEquals(3, unknown.exitCode(), unknown.err());
        assertEquals("", unknown.out());
        assertTrue(unknown.err().startsWith("error: unknown registry 'wrok' (from $PROMPD_REGISTRY)\n"),
                unknown.err());
        assertEquals(3, prompd("config", "get", "registry").exitCode(), "nothing set, nothing chosen");
    }

    @Test
    void theListRefusesARegistryOfThisRunThatIsNotConfiguredNamingTheConfiguredOnes() {
        prompd("registry", "add", "public", "https://public.example/", "--default");
        prompd("registry", "add", "company", "https://company.example/", "--scope", "@company");

        CliRun chosen = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_REGISTRY", "pubilc"),
                "registry", "list");

        assertEquals(3, chosen.exitCode(), chosen.err());
        assertEquals("", chosen.out());
        assertTrue(chosen.err().startsWith("error: unknown registry 'pubilc' (from $PROMPD_REGISTRY)\n"
                + "hint: the configured registries are company, public;"), chosen.err());
    }

    @Test
    void aDefaultOrScopeGivenByUrlIsListedToo() throws IOException {
        prompd("registry", "add", "acme", "https://prompd.acme.example/");
        assertEquals(0, prompd("config", "set", "registry", "https://a.example/").exitCode());
        assertEquals(0, prompd("config", "set", "scopes.@z", "https://z.example/").exitCode());
        assertEquals(0, prompd("config", "set", "scopes.@acme", "https://prompd.acme.example/").exitCode());

        CliRun list = prompd("registry", "list");

        assertEquals(0, list.exitCode(), list.err());
        assertEquals("""
                acme       https://prompd.acme.example/  scopes @acme
                (no name)  https://a.example/            default
                (no name)  https://z.example/            scopes @z
                """, list.out());
        JsonNode json = Json.reader().readTree(prompd("registry", "list", "--json").out());
        assertEquals(3, json.size());
        assertFalse(json.get(1).has("name"));
        assertTrue(json.get(1).get("default").asBoolean());
    }

    @Test
    void anEmptyListSaysHowToAddOne() {
        CliRun list = prompd("registry", "list");
        assertEquals(0, list.exitCode());
        assertTrue(list.out().contains("prompd registry add"), list.out());
        assertEquals("[]\n", prompd("registry", "list", "--json").out());
    }

    @Test
    void aMalformedUrlOrNameIsAUsageError() {
        CliRun badUrl = prompd("registry", "add", "acme", "prompd.acme.example");
        assertEquals(2, badUrl.exitCode());
        assertTrue(badUrl.err().contains("absolute http://, https:// or file:///"), badUrl.err());
        CliRun badName = prompd("registry", "add", "Acme", "https://prompd.acme.example/");
        assertEquals(2, badName.exitCode());
        assertTrue(badName.err().contains("invalid registry name 'Acme'"), badName.err());
        CliRun badScope = prompd("registry", "add", "acme", "https://prompd.acme.example/", "--scope", "acme");
        assertEquals(2, badScope.exitCode());
        assertTrue(badScope.err().contains("a scope starts with '@'"), badScope.err());
        assertFalse(Files.exists(work.resolve("home/config.json")));
    }

    @Test
    void addingANameAgainWithAnotherUrlIsAConflict() {
        prompd("registry", "add", "acme", "https://prompd.acme.example/");
        CliRun again = prompd("registry", "add", "acme", "https://other.example/");
        assertEquals(4, again.exitCode());
        assertTrue(again.err().contains("already configured as https://prompd.acme.example/"), again.err());
        assertTrue(again.err().contains("'prompd config set registries.acme https://other.example/'"), again.err());
        assertEquals(0,
                prompd("registry", "add", "acme", "https://prompd.acme.example", "--scope", "@acme").exitCode());
    }

    @Test
    void addingTheSameRegistryAgainSaysItIsConfiguredAndAMovedScopeSaysWhereItCameFrom() {
        prompd("registry", "add", "c", "https://c.example/", "--scope", "@common");
        CliRun again = prompd("registry", "add", "c", "https://c.example");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("registry c (https://c.example/) is already configured\n", again.out());

        CliRun moved = prompd("registry", "add", "d", "https://d.example/", "--scope", "@common", "--scope", "@new");
        assertEquals(0, moved.exitCode(), moved.err());
        assertEquals("""
                added registry d (https://d.example/)
                scope @common now comes from d, was c
                scope @new now comes from d
                """, moved.out());
    }

    @Test
    void registriesAddedAtOnceAreAllKept() throws Exception {
        int runs = 8;
        ExecutorService threads = Executors.newFixedThreadPool(runs);
        try {
            List<Future<CliRun>> adds = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                String name = "r" + run;
                adds.add(threads.submit(() -> prompd("registry", "add", name, "file:///srv/" + name)));
            }
            for (Future<CliRun> add : adds) {
                assertEquals(0, add.get().exitCode(), add.get().err());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(runs, prompd("registry", "list").out().lines().count());
    }

    @Test
    void anEmptyHomeOrRegistryOptionIsAUsageErrorAndAnEmptyVariableIsUnset() {
        CliRun home = prompd("--home", "", "registry", "add", "a", "https://a.example/");
        assertEquals(2, home.exitCode(), home.err());
        assertTrue(home.err().startsWith("error: --home is given an empty folder name\nhint: "), home.err());
        assertEquals(2, prompd("--home", " ", "registry", "list").exitCode());
        assertFalse(Files.exists(work.resolve("config.json")));

        CliRun registry = prompd("registry", "list", "--registry", "");
        assertEquals(2, registry.exitCode(), registry.err());
        assertTrue(registry.err().startsWith("error: --registry is given an empty registry\nhint: "), registry.err());

        CliRun unset = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_REGISTRY", ""), "registry", "list");
        assertEquals(0, unset.exitCode(), unset.err());
        assertEquals("", unset.err());
    }

    @Test
    void aHomeStartingWithATildeTheShellLeftIsAUsageErrorNotAFolderNamedTilde() {
        CliRun option = prompd("--home=~/h", "registry", "add", "a", "file:///a/");
        assertEquals(2, option.exitCode(), option.err());
        assertEquals("error: --home is given '~/h', whose ~ the shell did not expand into a home folder\n"
                + "hint: let the shell expand it, as in --home ~/h (a space, not '='), or write \"$HOME/h\";"
                + " for a folder named ~ in this one, write ./~/h\n", option.err());

        Map<String, String> quoted = Map.of("PROMPD_HOME", "~/h");
        CliRun variable = CliRun.with(CliRun.context(quoted, work, work.resolve("user-home"), new byte[0]),
                "registry", "add", "a", "file:///a/");
        assertEquals(2, variable.exitCode(), variable.err());
        assertTrue(variable.err().startsWith("error: PROMPD_HOME is given '~/h', whose ~ the shell did not expand"
                + " into a home folder\nhint: let the shell expand it, as in PROMPD_HOME=~/h (without quotes), or"),
                variable.err());
        assertFalse(Files.exists(work.resolve("~")));

        CliRun caFile = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_CA_FILE", "~/ca.pem"), "registry",
                "list");
        assertEquals(2, caFile.exitCode(), caFile.err());
        assertTrue(caFile.err().startsWith("error: PROMPD_CA_FILE is given '~/ca.pem'"), caFile.err());

        CliRun folderNamedTilde = prompd("--home=./~/h", "registry", "add", "a", "file:///a/");
        assertEquals(0, folderNamedTilde.exitCode(), folderNamedTilde.err());
        assertTrue(Files.isDirectory(work.resolve("~/h")));
    }

    @Test
    void aGlobalOptionGivenBeforeAndAfterTheSubcommandIsAUsageErrorAsGivenTwiceInOnePlace() {
        CliRun registry = prompd("--registry", "file:///a/", "registry", "list", "--registry", "file:///b/");
        assertEquals(2, registry.exitCode(), registry.err());
        assertTrue(registry.err()
                .startsWith("error: option '--registry' is given both before and after 'list'; it should"
                + " be specified only once\nhint: "), registry.err());

        CliRun home = prompd("--home", work.resolve("other").toString(), "config", "list", "--home",
                work.resolve("h").toString());
        assertEquals(2, home.exitCode(), home.err());
        assertFalse(Files.exists(work.resolve("other")));
        assertEquals(0, prompd("--registry", "file:///a/", "registry", "list").exitCode());
    }

    @Test
    void aFolderPathIsAnsweredWithItsAbsoluteFileUrl() {
        CliRun add = prompd("registry", "add", "b", "./regB");
        assertEquals(2, add.exitCode());
        assertTrue(add.err().contains("file://" + work.resolve("regB") + "/"), add.err());
    }

    @Test
    void aRelativeFolderPathOrAnExistingFolderIsAnsweredWithItsEscapedFileUrl() throws IOException {
        CliRun relative = prompd("registry", "add", "example", "target/example/registry/");
        assertEquals(2, relative.exitCode());
        assertTrue(relative.err().contains("its file:// URL: " + work.toUri() + "target/example/registry/\n"),
                relative.err());
        Files.createDirectories(work.resolve("reg #1"));
        CliRun existing = prompd("registry", "add", "example", "reg #1");
        assertTrue(existing.err().contains("its file:// URL: " + work.toUri() + "reg%20%231/\n"), existing.err());
        CliRun fragment = prompd("registry", "add", "example", "file://" + work.resolve("c#1") + "/");
        assertEquals(2, fragment.exitCode());
        assertTrue(fragment.err().contains("write a folder's '#' as %23, as in " + work.toUri() + "c%231/\n"),
                fragment.err());
    }

    /**
     * A registry is a folder: the URL of its registry.json was taken as one, '/' added, and every command then failed
     * reading below the file (Not a directory), with the hint to check the disk.
     */
    @Test
    void aUrlNamingAFileIsRefusedWithItsFoldersUrlWhereverItIsGiven() throws IOException {
        Path site = Files.createDirectories(work.resolve("site"));
        Files.writeString(site.resolve("registry.json"), "{}");
        Files.writeString(site.resolve("index.html"), "<html></html>");
        String folder = site.toUri().toString();

        CliRun document = prompd("registry", "add", "x", folder + "registry.json");
        CliRun other = prompd("registry", "add", "x", folder + "index.html");
        CliRun served = prompd("registry", "add", "x", "https://registry.example.com/prompd/registry.json");
        CliRun override = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_REGISTRY",
                folder + "registry.json"), "info", "@acme/util");

        assertEquals(2, document.exitCode(), document.err());
        assertTrue(document.err().contains("invalid registry URL '" + folder + "registry.json': it names a file"
                + " (registry.json), and a registry is a folder: give the folder's URL, " + folder + "\n"),
                document.err());
        assertTrue(other.err().contains("it names a file (index.html), and a registry is a folder: give the"
                + " folder's URL, " + folder + "\n"), other.err());
        assertTrue(served.err().contains("invalid registry URL 'https://registry.example.com/prompd/registry.json':"
                + " it names a file (registry.json), and a registry is a folder: give the folder's URL,"
                + " https://registry.example.com/prompd/\n"), served.err());
        assertEquals(2, override.exitCode(), override.err());
        assertTrue(override.err().startsWith("error: invalid registry URL '" + folder + "registry.json': it names a"
                + " file (registry.json), and a registry is a folder: give the folder's URL, " + folder), override.err());
        assertEquals(0, prompd("registry", "add", "x", folder).exitCode());
        assertEquals("x  " + folder + "\n", prompd("registry", "list").out());
    }

    @Test
    void removingAnUnknownRegistryIsNotFound() {
        CliRun remove = prompd("registry", "remove", "nowhere");
        assertEquals(3, remove.exitCode());
        assertTrue(remove.err().startsWith("error: unknown registry 'nowhere'\nhint: "), remove.err());
    }

    @Test
    void aMalformedConfigurationFileIsReportedWithItsFields() throws IOException {
        Path home = work.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.json"), "{\"registries\": {\"Acme\": \"x\"}}");
        CliRun list = prompd("registry", "list");
        assertEquals(1, list.exitCode());
        assertTrue(list.err().contains(home.resolve("config.json").toString()), list.err());
        assertTrue(list.err().contains("/registries/Acme, line 1: invalid registry name 'Acme'"), list.err());
    }

    @Test
    void aFailureOfACommandGivenJsonIsAlsoOneJsonObjectOnStdout() throws IOException {
        Files.createDirectories(work.resolve("home/config.json"));

        CliRun list = prompd("registry", "list", "--json");

        assertEquals(1, list.exitCode());
        JsonNode json = Json.reader().readTree(list.out());
        assertFalse(json.get("ok").asBoolean());
        assertEquals(1, json.get("error").get("exitCode").asInt());
        assertEquals("the configuration file " + work.resolve("home/config.json") + " is a folder, not a regular file",
                json.get("error").get("message").asText());
        assertTrue(json.get("error").get("hint").asText().startsWith("prompd keeps its configuration in a regular"
                + " file"), json.toString());
        assertTrue(list.err().startsWith("error: the configuration file "), "the text stays on stderr: " + list.err());
        assertEquals("", prompd("registry", "list").out(), "without --json, stdout stays empty");
    }

    @Test
    void aUsageErrorOfACommandGivenJsonIsTheSameJsonObject() throws IOException {
        for (List<String> args : List.of(List.of("registry", "list", "--json", "--bogus"),
                List.of("registry", "list", "--bogus", "--json"))) {
            CliRun list = prompd(args.toArray(String[]::new));

            assertEquals(2, list.exitCode(), args::toString);
            JsonNode json = Json.reader().readTree(list.out());
            assertFalse(json.get("ok").asBoolean());
            assertEquals(2, json.at("/error/exitCode").asInt());
            assertEquals("unknown option '--bogus'", json.at("/error/message").asText());
            assertEquals("see 'prompd registry list --help'", json.at("/error/hint").asText());
            assertTrue(list.err().startsWith("error: unknown option '--bogus'"),
                    "the text stays on stderr: " + list.err());
        }
        assertEquals("", prompd("registry", "list", "--bogus").out(), "without --json, stdout stays empty");
        assertEquals(2, Json.reader().readTree(prompd("registry", "add", "--json").out()).at("/error/exitCode").asInt(),
                "add has no --json, yet a script that adds it wants the failure as JSON");
    }

    @Test
    void aUsageErrorOfJsonItselfIsTheJsonFailure() throws IOException {
        for (List<String> args : List.of(List.of("registry", "list", "--json=maybe"),
                List.of("--json", "registry", "list"),
                List.of("registry", "--json"))) {
            CliRun run = prompd(args.toArray(String[]::new));

            assertEquals(2, run.exitCode(), args::toString);
            JsonNode json = Json.reader().readTree(run.out());
            assertFalse(json.get("ok").asBoolean(), args::toString);
            assertEquals(2, json.at("/error/exitCode").asInt(), args::toString);
            assertTrue(run.err().startsWith("error: "), "the text stays on stderr: " + run.err());
        }
    }

    @Test
    void aRoutedScopeWhoseRegistryIsMissingIsCorrectedInItsRouteNotWithRegistry() throws IOException {
        String empty = Files.createDirectories(work.resolve("empty")).toUri().toString();
        prompd("registry", "add", "work", empty, "--scope", "@acme");
        prompd("config", "set", "scopes.@raw", empty);

        CliRun named = prompd("--registry", "https://elsewhere.example/", "info", "@acme/util");
        CliRun unnamed = prompd("info", "@raw/util");

        assertEquals(3, named.exitCode(), named.err());
        assertEquals("error: no prompd registry at " + empty + ": it has no registry.json\nhint: @acme is routed to"
                + " registry work, which --registry does not change: correct its URL with 'prompd config set"
                + " registries.work URL', route @acme to another registry with 'prompd registry add NAME URL --scope"
                + " @acme', or remove it with its routes with 'prompd registry remove work'\n", named.err());
        assertEquals(3, unnamed.exitCode(), unnamed.err());
        assertTrue(unnamed.err()
                .endsWith("hint: @raw is routed to this URL, which --registry does not change: route @raw"
                + " to another registry with 'prompd registry add NAME URL --scope @raw', or remove the route with"
                + " 'prompd config unset scopes.@raw'\n"), unnamed.err());
        assertTrue(prompd("--registry", empty, "info", "util").err()
                .contains("hint: check the registry URL: --registry,"),
                "an unscoped package goes to --registry, which is then what to correct");
    }

    @Test
    void aDotSegmentWrittenWithPercentEncodingIsRefused() {
        CliRun add = prompd("registry", "add", "work", "http://prompd.example/r/%2E%2e/");

        assertEquals(2, add.exitCode(), add.err());
        assertTrue(add.err().contains("invalid registry URL 'http://prompd.example/r/%2E%2e/': the path segment"
                + " '%2E%2e' is '..' written with %2e"), add.err());
        assertTrue(prompd("registry", "list").out().startsWith("no registry configured"), "nothing was added");
    }

    @Test
    void aRefusedUrlIsShownWithItsUserPartMaskedAndWithoutQueryOrFragmentWhereverItWasGiven() {
        String url = "http://user:secret@127.0.0.1:18093/?token=secret#frag=secret";
        String refused = "error: invalid registry URL 'http://***@127.0.0.1:18093/?…#…': the URL holds a user or"
                + " password; remove it and log in instead, with --registry naming this registry; a"
                + " registry URL cannot have a query ('?...'); a registry URL cannot have a fragment ('#...')";

        CliRun add = prompd("registry", "add", "work", url);
        CliRun option = prompd("info", "x", "--registry", url);
        CliRun variable = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_REGISTRY", url), "info", "x");

        assertEquals(List.of(2, 2, 2), List.of(add.exitCode(), option.exitCode(), variable.exitCode()), add.err());
        assertTrue(add.err().startsWith("error: invalid value for URL: "
                + refused.substring("error: ".length()) + "\n"), add.err());
        assertTrue(option.err().startsWith(refused + " (from --registry)\n"), option.err());
        assertTrue(variable.err().startsWith(refused + " (from $PROMPD_REGISTRY)\n"), variable.err());
        assertFalse((add.err() + option.err() + variable.err()).contains("secret"));
        CliRun noScheme = prompd("info", "x", "--registry", "127.0.0.1:18093/?token=secret");
        assertEquals(2, noScheme.exitCode(), noScheme.err());
        assertTrue(noScheme.err()
                .startsWith("error: invalid registry URL '127.0.0.1:18093/?…': it has no scheme; write"
                + " http://127.0.0.1:18093/?…, or https:// for a registry served over TLS"), noScheme.err());
    }

    /**
     * config list quoted the registry of the run in its note as it was given, a password, a query or a fragment in
     * clear, and exited 0, as it did for a name no registry is configured with: it refuses each as registry list and
     * config get registry do, in the same words.
     */
    @Test
    void configListRefusesTheRegistryOfTheRunAsItsSiblingsDoWithoutQuotingItsSecret() {
        Path home = work.resolve("home");
        Map<String, Integer> refused = Map.of("http://bob:S3CR3TPW@127.0.0.1:25302/", 2,
                "http://127.0.0.1:25302/?token=S3CR3T", 2, "http://127.0.0.1:25302/#S3CR3T", 2, "nosuchname", 3);
        for (String url : refused.keySet()) {
            for (List<String> json : List.of(List.<String>of(), List.of("--json"))) {
                CliRun option = prompd(Stream.concat(Stream.of("--registry", url, "config", "list"), json.stream())
                        .toArray(String[]::new));
                CliRun variable = CliRun.in(work, home, "", Map.of("PROMPD_REGISTRY", url),
                        Stream.concat(Stream.of("config", "list"), json.stream()).toArray(String[]::new));
                CliRun sibling = prompd(Stream.concat(Stream.of("--registry", url, "registry", "list"), json.stream())
                        .toArray(String[]::new));

                assertEquals(List.of(refused.get(url), refused.get(url), refused.get(url)),
                        List.of(sibling.exitCode(), option.exitCode(), variable.exitCode()), url + json);
                assertEquals(sibling.out() + sibling.err(), option.out() + option.err(), url + json);
                assertEquals((sibling.out() + sibling.err()).replace("(from --registry)", "(from $PROMPD_REGISTRY)"),
                        variable.out() + variable.err(), url + json);
                assertFalse((option.out() + option.err() + variable.out() + variable.err()).contains("S3CR3T"),
                        option.out() + option.err());
            }
        }
        CliRun masked = prompd("--registry", "http://bob:S3CR3TPW@127.0.0.1:25302/", "config", "list");
        assertTrue(masked.err().startsWith("error: invalid registry URL 'http://***@127.0.0.1:25302/': the URL holds"
                + " a user or password"), masked.err());
    }

    /**
     * A URL with a password, mistyped so that it reads as a folder's path ({@code http//}, {@code //}) or as an opaque
     * URL (its scheme left out), was quoted as given, and a path's file:// URL repeated the password: each is quoted
     * with all before its last '@' masked and its query hidden, given to a command, in $PROMPD_REGISTRY or in
     * config.json, as a value or as a key.
     */
    @Test
    void aUrlWithAPasswordThatReadsAsAPathOrWithoutSchemeIsQuotedMasked() throws IOException {
        Path home = work.resolve("home");
        // the folder's URL is of the process's working folder, which --registry's path is read against
        String folderRefusal = "invalid registry URL 'http//***@127.0.0.1:25302/': a registry in a folder is given by"
                + " its file:// URL: " + Path.of("").toAbsolutePath().toUri() + "http/***@127.0.0.1:25302/";
        Map<List<String>, String> runs = new LinkedHashMap<>();
        runs.put(List.of("--registry", "http//bob:S3CR3TPW@127.0.0.1:25302/", "info", "x"), folderRefusal);
        runs.put(List.of("--registry", "//bob:S3CR3T@127.0.0.1:25302/", "install", "@x/y"), "invalid registry URL"
                + " '//***@127.0.0.1:25302/': a registry in a folder is given by its file:// URL:"
                + " file:///***@127.0.0.1:25302/");
        runs.put(List.of("--registry", "bob:S3CR3T@127.0.0.1:25302", "install", "@x/y", "--json"), "invalid registry"
                + " URL '***@127.0.0.1:25302': use an absolute http://, https:// or file:/// URL (from --registry)");
        runs.put(List.of("registry", "add", "zz", "http//bob:S3CR3T@127.0.0.1:25302/"), "invalid registry URL"
                + " 'http//***@127.0.0.1:25302/'");
        runs.put(List.of("registry", "add", "zz", "bob:S3CR3T@127.0.0.1:25302/?t=S3CR3T"), "invalid registry URL"
                + " '***@127.0.0.1:25302/?…': use an absolute http://, https:// or file:/// URL");
        runs.forEach((args, message) -> {
            CliRun run = prompd(args.toArray(String[]::new));

            assertEquals(2, run.exitCode(), args + run.err());
            assertTrue((run.out() + run.err()).contains(message), run.out() + run.err());
            assertFalse((run.out() + run.err()).contains("S3CR3T"), run.out() + run.err());
        });
        CliRun variable = CliRun.in(work, home, "", Map.of("PROMPD_REGISTRY", "http//bob:S3CR3TPW@127.0.0.1:25302/"),
                "info", "x");
        assertEquals(2, variable.exitCode(), variable.err());
        assertTrue(variable.err().startsWith("error: " + folderRefusal + " (from $PROMPD_REGISTRY)\n"),
                variable.err());

        Files.createDirectories(home);
        for (String config : List.of("{\"registries\": {\"zz\": \"http//u:CFGSECRET@127.0.0.1:25302/\"}}",
                "{\"credentials\": {\"http//u:CFGSECRET@127.0.0.1:25302/\": {\"token\": \"x\"}}}")) {
            Files.writeString(home.resolve("config.json"), config);
            for (CliRun run : List.of(prompd("config", "list"), prompd("registry", "list", "--json"))) {
                assertEquals(1, run.exitCode(), run.err());
                assertTrue((run.out() + run.err()).contains("invalid registry URL 'http//***@127.0.0.1:25302/'"),
                        run.out() + run.err());
                assertFalse((run.out() + run.err()).contains("CFGSECRET"), run.out() + run.err());
            }
        }
    }

    /**
     * A user part holding an '@', or before a host URI finds invalid, is one URI reads as part of the authority: it
     * is masked all the same, wherever a registry URL is read. So is one holding a '/', '?' or '#', which ends the
     * authority inside the password, up to the last '@', with the escapes to write named.
     */
    @Test
    void aUserPartJavaCannotReadIsMaskedWhereverARegistryUrlIsRead() throws IOException {
        String userPart = "the URL holds a user or password; remove it and log in instead, with --registry naming"
                + " this registry";
        String escaped = "the URL's user or password holds a character that must be percent-escaped ('/' as %2F, '?'"
                + " as %3F, '#' as %23, '@' as %40)";
        Map<String, String> refusals = Map.of(
                "http://u:SEC@RET@127.0.0.1:18165/", "invalid registry URL 'http://***@127.0.0.1:18165/': " + userPart,
                "http://u:SECRET@bad_host/", "invalid registry URL 'http://***@bad_host/': the host name 'bad_host' is"
                        + " not valid: use letters a-z, digits, '-' and '.'; " + userPart,
                "https://ci:SEC/RET@127.0.0.1:18321/", "invalid registry URL 'https://***@127.0.0.1:18321/': "
                        + escaped + "; " + userPart,
                "https://ci:SEC?RET@127.0.0.1:18321/", "invalid registry URL 'https://***@127.0.0.1:18321/': "
                        + escaped + "; " + userPart,
                "https://ci:SEC#RET@127.0.0.1:18321/", "invalid registry URL 'https://***@127.0.0.1:18321/': "
                        + escaped + "; " + userPart);
        Path home = work.resolve("home");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            String url = refusal.getKey();
            List<CliRun> runs = new ArrayList<>(List.of(prompd("registry", "add", "zz", url),
                    prompd("info", "x", "--registry", url), prompd("info", "x", "--json", "--registry", url),
                    CliRun.in(work, home, "", Map.of("PROMPD_REGISTRY", url), "info", "x"),
                    prompd("config", "set", "registries.zz", url), prompd("config", "set", "scopes.@zz", url),
                    prompd("config", "set", "registry", url), prompd("config", "get", "credentials." + url),
                    prompd("config", "set", "credentials." + url, "x"), prompd("login", "--registry", url),
                    prompd("registry", "add", "zz", url, "--json"),
                    prompd("--verbose", "info", "x", "--registry", url)));
            Files.createDirectories(home);
            Files.writeString(home.resolve("config.json"), Json.writeString(Map.of("registries", Map.of("zz", url))));
            runs.add(prompd("config", "list"));
            runs.add(prompd("config", "list", "--json"));
            Files.delete(home.resolve("config.json"));

            assertEquals(List.of(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1),
                    runs.stream().map(CliRun::exitCode).toList(), url);
            for (CliRun run : runs) {
                assertTrue((run.out() + run.err()).contains(refusal.getValue()), run.out() + run.err());
                assertFalse((run.out() + run.err()).contains("SEC"), run.out() + run.err());
            }
        }
    }

    @Test
    void aRegistryNameArgumentHasItsBidiControlsSpeltOutInTheUsageError() {
        CliRun add = prompd("registry", "add", "ev\u001b[2Jil\u202e", "http://127.0.0.1:18092/");

        assertEquals(2, add.exitCode(), add.err());
        assertEquals("error: invalid value for NAME: invalid registry name"
                + " 'ev^[[2Jil<U+202E>': use 1 to 64 lowercase letters a-z, digits, '.', '_' and '-', starting with a"
                + " letter or digit\nhint: see 'prompd registry add --help'\n", add.err());
    }

    /** Worded as every command of both tools that groups others words it, naming each subcommand by its name. */
    @Test
    void aSubcommandIsRequiredInOneWordingForEveryGroupOfCommands() {
        Map<List<String>, String> groups = Map.of(
                List.of("registry"), "add, remove, list or default",
                List.of("config"), "get, set, unset or list",
                List.of("cache"), "verify or clean",
                List.of(), "init, validate, pack, install, uninstall, update, outdated, list, info, tree, cache, config,"
                        + " registry, login, logout or completion");
        groups.forEach((group, subcommands) -> {
            CliRun run = prompd(group.toArray(String[]::new));

            assertEquals(2, run.exitCode(), run.err());
            assertEquals("error: a subcommand is required: " + subcommands + "\nhint: see '"
                    + String.join(" ", Stream.concat(Stream.of("prompd"), group.stream()).toList()) + " --help'\n",
                    run.err());
        });
    }

    @Test
    void defaultMakesAConfiguredRegistryTheDefaultAsConfigSetRegistryDoes() {
        prompd("registry", "add", "acme", "https://prompd.acme.example/", "--default");
        prompd("registry", "add", "local", "file:///srv/registry");

        CliRun made = prompd("registry", "default", "local");
        CliRun again = prompd("registry", "default", "local");
        CliRun unknown = prompd("registry", "default", "nowhere");

        assertEquals(0, made.exitCode(), made.err());
        assertEquals("local is the default registry, was acme\n", made.out());
        assertEquals("local is the default registry\n", again.out());
        assertEquals("local\n", prompd("config", "get", "registry").out());
        assertEquals(3, unknown.exitCode());
        assertEquals("error: unknown registry 'nowhere'\nhint: 'prompd registry list' shows the"
                + " configured registries\n",
                unknown.err());
    }

    @Test
    void defaultGivenAUrlIsAUsageErrorNamingTheRegistryWithThatUrlOrTheCommandThatTakesAUrl() {
        prompd("registry", "add", "a", "http://127.0.0.1:18170/", "--default");
        prompd("registry", "add", "b", "http://127.0.0.1:18171/");

        CliRun configured = prompd("registry", "default", "http://127.0.0.1:18171");
        CliRun unconfigured = prompd("registry", "default", "http://127.0.0.1:18172/");

        assertEquals(List.of(2, 2), List.of(configured.exitCode(), unconfigured.exitCode()), configured.err());
        assertEquals("error: 'registry default' takes the name of a configured registry, not a URL\nhint:"
                + " http://127.0.0.1:18171/ is the URL of b: run 'prompd registry default b'\n", configured.err());
        assertEquals("error: 'registry default' takes the name of a configured registry, not a URL\nhint: no registry"
                + " is configured with http://127.0.0.1:18172/: make the URL itself the default with 'prompd config set"
                + " registry http://127.0.0.1:18172/', or name it with 'prompd registry add NAME"
                + " http://127.0.0.1:18172/"
                + " --default'\n", unconfigured.err());
        assertEquals("a\n", prompd("config", "get", "registry").out(), "the default is left as it was");
    }

    /** As registry default is: picocli's words named the parameter "positional parameter at index 0". */
    @Test
    void removeGivenAUrlIsAUsageErrorNamingTheRegistryWithThatUrlOrTheKeysUsingIt() {
        prompd("registry", "add", "b", "http://127.0.0.1:18171/");
        prompd("config", "set", "registry", "file:///x/");
        prompd("config", "set", "scopes.@acme", "file:///x/");

        CliRun configured = prompd("registry", "remove", "http://127.0.0.1:18171");
        CliRun used = prompd("registry", "rm", "file:///x/");
        CliRun unused = prompd("registry", "remove", "file:///y/");

        assertEquals(List.of(2, 2, 2), List.of(configured.exitCode(), used.exitCode(), unused.exitCode()),
                configured.err());
        String takesAName = "error: 'registry remove' takes the name of a configured registry, not a URL\nhint: ";
        assertEquals(takesAName + "http://127.0.0.1:18171/ is the URL of b: run 'prompd registry remove b'\n",
                configured.err());
        assertEquals(takesAName + "no registry is configured with file:///x/: it is the value of registry and"
                + " scopes.@acme, which 'prompd config unset registry' and 'prompd config unset scopes.@acme' remove\n",
                used.err());
        assertEquals(takesAName + "no registry is configured with file:///y/: 'prompd registry list' shows the"
                + " configured registries\n", unused.err());
        assertEquals("registries.b = http://127.0.0.1:18171/\nregistry = file:///x/\nscopes.@acme = file:///x/\n",
                prompd("config", "list").out(), "nothing was removed");
    }

    /**
     * A registry's folder given by its path was refused as no URL, which sent the user to type its file:// URL, to be
     * refused again as no name: the folder of a configured registry names it at once.
     */
    @Test
    void removeAndDefaultGivenTheFolderOfARegistryNameIt() throws IOException {
        Path folder = Files.createDirectories(work.resolve("reg"));
        prompd("registry", "add", "main", folder.toUri().toString());

        CliRun remove = prompd("registry", "remove", folder.toString());
        CliRun relative = prompd("registry", "default", "./reg");
        CliRun unconfigured = prompd("registry", "rm", Files.createDirectories(work.resolve("other")).toString());

        assertEquals(List.of(2, 2, 2), List.of(remove.exitCode(), relative.exitCode(), unconfigured.exitCode()),
                remove.err());
        assertEquals("error: 'registry remove' takes the name of a configured registry, not a folder\nhint: " + folder
                + " is the folder of registry main: run 'prompd registry remove main'\n", remove.err());
        assertEquals("error: 'registry default' takes the name of a configured registry, not a folder\nhint: ./reg is"
                + " the folder of registry main: run 'prompd registry default main'\n", relative.err());
        assertEquals("error: 'registry remove' takes the name of a configured registry, not a folder\nhint: "
                + work.resolve("other") + " is the folder whose URL is " + work.resolve("other").toUri() + "; no"
                + " registry is configured with that URL: 'prompd registry list' shows the configured registries\n",
                unconfigured.err());
        assertEquals("registries.main = " + folder.toUri() + "\n", prompd("config", "list").out(),
                "nothing was changed");
    }

    /**
     * A registry's folder named as a word, in the folder where 'registry add a file://$PWD/rega' ran, was an unknown
     * registry, though ./rega was told the registry's name: the word is told it too, unless a registry has that name.
     */
    @Test
    void removeAndDefaultGivenTheFolderOfARegistryAsAWordNameIt() throws IOException {
        Path folder = Files.createDirectories(work.resolve("rega"));
        prompd("registry", "add", "a", folder.toUri().toString());
        prompd("registry", "add", "b", Files.createDirectories(work.resolve("c")).toUri().toString());
        prompd("registry", "add", "c", "https://prompd.example/");
        Files.createDirectories(work.resolve("regd"));

        CliRun remove = prompd("registry", "remove", "rega");
        CliRun makeDefault = prompd("registry", "default", "rega");
        CliRun unconfigured = prompd("registry", "rm", "regd");
        CliRun named = prompd("registry", "rm", "c");

        assertEquals(List.of(2, 2, 3, 0), List.of(remove.exitCode(), makeDefault.exitCode(), unconfigured.exitCode(),
                named.exitCode()), remove.err());
        assertEquals("error: 'registry remove' takes the name of a configured registry, not a folder\nhint: rega is"
                + " the folder of registry a: run 'prompd registry remove a'\n", remove.err());
        assertEquals("error: 'registry default' takes the name of a configured registry, not a folder\nhint: rega is"
                + " the folder of registry a: run 'prompd registry default a'\n", makeDefault.err());
        assertEquals("error: unknown registry 'regd'\nhint: 'prompd registry list' shows the configured registries\n",
                unconfigured.err());
        assertEquals("removed registry c (https://prompd.example/)\n", named.out(), "a registry's name comes first");
        assertEquals("registries.a = " + folder.toUri() + "\nregistries.b = " + work.resolve("c").toUri() + "\n",
                prompd("config", "list").out(), "only c was removed");
    }

    /**
     * A folder made the default as a URL, with no name (config set registry file://$PWD/rega), named as a word was an
     * unknown registry: the word is told what it is, as its URL is, with the keys that use it and how to unset them.
     */
    @Test
    void removeAndDefaultGivenTheFolderOfAUrlTheConfigurationUsesItselfAsAWordSayWhatItIsAndHowToRemoveIt()
            throws IOException {
        Path folder = Files.createDirectories(work.resolve("rega"));
        String url = folder.toUri().toString();
        assertEquals(0, prompd("config", "set", "registry", url).exitCode());

        CliRun remove = prompd("registry", "remove", "rega");
        CliRun makeDefault = prompd("registry", "default", "rega");
        CliRun asPath = prompd("registry", "remove", "./rega");

        assertEquals(List.of(2, 2, 2), List.of(remove.exitCode(), makeDefault.exitCode(), asPath.exitCode()),
                remove.err());
        assertEquals("error: 'registry remove' takes the name of a configured registry, not a folder\nhint: rega is"
                + " the folder whose URL is " + url + "; no registry is configured with that URL: it is the value of"
                + " registry, which 'prompd config unset registry' removes\n", remove.err());
        assertEquals(remove.err().replace("rega is", "./rega is"), asPath.err(), "as its path is told");
        assertEquals("error: 'registry default' takes the name of a configured registry, not a folder\nhint: rega is"
                + " the folder whose URL is " + url + "; no registry is configured with that URL: it is the default"
                + " already, as the value of registry; to name it, 'prompd registry add NAME " + url + " --default'\n",
                makeDefault.err());
        assertEquals("registry = " + url + "\n", prompd("config", "list").out(), "nothing was changed");

        assertEquals(0, prompd("config", "unset", "registry").exitCode());
        assertEquals(0, prompd("config", "set", "scopes.@acme", url).exitCode());
        CliRun routed = prompd("registry", "remove", "rega");
        assertEquals(2, routed.exitCode(), routed.err());
        assertTrue(routed.err().endsWith(": it is the value of scopes.@acme, which 'prompd config unset scopes.@acme'"
                + " removes\n"), routed.err());
        CliRun routedDefault = prompd("registry", "default", "rega");
        assertTrue(routedDefault.err().endsWith(": make the URL itself the default with 'prompd config set registry "
                + url + "', or name it with 'prompd registry add NAME " + url + " --default'\n"), routedDefault.err());
    }

    @Test
    void lsAndRmAreListAndRemoveAsAtTheTopLevel() {
        prompd("registry", "add", "acme", "https://prompd.acme.example/");
        CliRun ls = prompd("registry", "ls");
        assertEquals(0, ls.exitCode(), ls.err());
        assertEquals(prompd("registry", "list").out(), ls.out());

        CliRun rm = prompd("registry", "rm", "acme");

        assertEquals(0, rm.exitCode(), rm.err());
        assertEquals("removed registry acme (https://prompd.acme.example/)\n", rm.out());
        assertTrue(prompd("registry", "ls").out().startsWith("no registry configured"));
    }
}
