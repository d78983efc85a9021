package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.testing.RegistryServer;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.RegistryLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dependency the registry serving its name does not have, as install and outdated tell it. */
class MissingPackageTest {

    @TempDir
    Path work;

    TestRegistry registry;
    RegistryServer server;
    Path project;
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        registry = new TestRegistry(work.resolve("registry")).publish("@acme/util", "1.0.0");
        server = RegistryServer.serving(registry.root());
        home = work.resolve("home");
        project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n");
        assertEquals(0, prompd("registry", "add", "main", server.url().toString(), "--default").exitCode());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun prompd(String... args) {
        return CliRun.in(project, home, args);
    }

    @Test
    void outdatedListsADependencyNotLockedThatTheRegistryLacksNamingItAndTheWaysOff() throws IOException {
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\","
                + " \"dependencies\": {\"@other/tool\": \"^1.0.0\"}}\n");

        CliRun run = prompd("outdated");

        assertEquals(1, run.exitCode(), "as for any dependency not locked: " + run.err());
        assertEquals("""
                package      current                           wanted  latest  dependency
                @other/tool  not locked (not in the registry)  -       -       direct
                """, run.out());
        assertEquals("warning: @other/tool is in prompd.json but not in registry main (" + server.url() + "), so"
                + " 'prompd install' cannot lock it: remove the dependency with 'prompd uninstall @other/tool' (if"
                + " @other's packages are in another registry, route @other to it with 'prompd config set"
                + " scopes.@other NAME' or 'prompd registry add NAME URL --scope @other')\n", run.err());

        CliRun json = prompd("outdated", "--json");

        assertEquals(1, json.exitCode(), json.err());
        assertEquals(Json.reader().readTree("[{\"name\": \"@other/tool\", \"direct\": true, \"takenDown\": false,"
                + " \"notInRegistry\": true}]"), Json.reader().readTree(json.out()), json.out());
        assertEquals(run.err(), json.err(), "the same warning");

        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\","
                + " \"dependencies\": {\"@other/tool\": \"^1.0.0\", \"@acme/util\": \"^1.0.0\"}}\n");
        CliRun beside = prompd("outdated", "--json");
        assertEquals(List.of("@acme/util", "@other/tool"),
                Json.reader().readTree(beside.out()).findValuesAsText("name"),
                "beside one the registry has: " + beside.out());
        assertFalse(Json.reader().readTree(beside.out()).get(0).get("notInRegistry").asBoolean(), beside.out());

        assertEquals(0, prompd("uninstall", "@other/tool").exitCode(), "the way off works");
        assertEquals(0, prompd("outdated").exitCode());
    }

    @Test
    void anInstallOfAMissingPackageReadsTheRegistrysPackageListOnceForTheSuggestionsAndTheRoutingHint()
            throws IOException {
        for (String missing : List.of("@acme/utik", "@acme/utik@^1.0.0", "@other/tool")) {
            server.forgetRequests();

            CliRun run = prompd("install", missing);

            assertEquals(3, run.exitCode(), run.err());
            assertTrue(run.err().contains("route @"), run.err());
            assertEquals(1, Collections.frequency(server.requests(), "/" + RegistryLayout.PACKAGE_LIST),
                    missing + ": " + server.requests());
        }
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\","
                + " \"dependencies\": {\"@acme/utik\": \"^1.0.0\", \"@acme/utix\": \"^1.0.0\"}}\n");
        server.forgetRequests();

        CliRun run = prompd("install");

        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("did you mean @acme/util?"), run.err());
        assertEquals(1, Collections.frequency(server.requests(), "/" + RegistryLayout.PACKAGE_LIST),
                "two names missing: " + server.requests());
    }

    /**
     * A scoped name the registry lacks is offered the same name, or one a letter off, in the registry's other scopes
     * when its own scope is there too, a wrong scope being the likeliest slip, after how to route its scope elsewhere;
     * a scope the registry has none of is most likely served elsewhere, and gets the routing alone.
     */
    @Test
    void aScopedNameTheRegistryLacksIsOfferedItsNamesakesInOtherScopesBeforeTheRouting() throws IOException {
        registry.publish("@common/base-prompts", "1.0.0")
                .publish("@prompd/code-reviewer", "1.0.0").publish("@writing/summarizer", "1.0.0")
                .publish("@data/csv-toolkit", "1.0.0");
        String routing = "if %1$s's packages are in another registry, route %1$s to it with 'prompd config set"
                + " scopes.%1$s NAME' or 'prompd registry add NAME URL --scope %1$s'";

        for (List<String> missing : List.of(List.of("@prompd/base-prompts", "@common/base-prompts"),
                List.of("@common/code-reviewer", "@prompd/code-reviewer"),
                List.of("@data/summarizer", "@writing/summarizer"),
                List.of("@data/summariser", "@writing/summarizer"))) {
            CliRun run = prompd("install", missing.get(0));

            assertEquals(3, run.exitCode(), run.err());
            assertEquals("error: no package " + missing.get(0) + " in registry main (" + server.url() + ")\nhint: did"
                    + " you mean " + missing.get(1) + "? otherwise, "
                    + routing.formatted(PackageName.parse(missing.get(0)).scopeWithAt()) + "\n", run.err());
        }

        CliRun elsewhere = prompd("install", "@company/summarizer");
        assertEquals(3, elsewhere.exitCode(), elsewhere.err());
        assertEquals("error: no package @company/summarizer in registry main (" + server.url() + ")\nhint: check the"
                + " name, and which registry serves it ('prompd registry list'); " + routing.formatted("@company")
                + "\n", elsewhere.err(), "@company's packages are not here: another owner's namesake is not offered");

        assertEquals(0, prompd("registry", "add", "work", server.url().toString(), "--scope", "@prompd").exitCode());
        CliRun routed = prompd("install", "@prompd/base-prompts");
        assertEquals(3, routed.exitCode(), routed.err());
        assertEquals("error: no package @prompd/base-prompts in registry work (" + server.url() + ")\nhint: did you"
                + " mean @common/base-prompts?\n", routed.err(), "a scope routed here on purpose is not advised to be");

        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\","
                + " \"dependencies\": {\"@common/code-reviewer\": \"^1.0.0\"}}\n");
        CliRun dependency = prompd("install");
        assertEquals(3, dependency.exitCode(), dependency.err());
        assertEquals("error: the dependencies cannot be resolved:\n"
                + "  Because your project depends on @common/code-reviewer ^1.0.0 and no package @common/code-reviewer"
                + " exists in registry main (" + server.url() + "), version solving failed.\n"
                + "  Instead of @common/code-reviewer, did you mean @prompd/code-reviewer?\n"
                + "hint: check the names and ranges above against the registry; a range may ask for a version that was"
                + " never published, or that has been yanked or taken down; " + routing.formatted("@common") + "\n",
                dependency.err());
    }

    /**
     * The list of packages only feeds the suggestions of a name not found, so a damaged one fails nothing, but is named
     * where it breaks, for the registry's keeper to hear of it, rather than the suggestions go without a word.
     */
    @Test
    void aDamagedPackageListIsNamedWhereItBreaksBesideAMissingPackageInPlaceOfTheSuggestions() throws IOException {
        Files.writeString(work.resolve("registry").resolve(RegistryLayout.PACKAGE_LIST), "{\"packages\": [");
        String note = "no similar names can be suggested: the registry sent a damaged document: " + server.url()
                + RegistryLayout.PACKAGE_LIST + " (at line 1, column 15: ";
        for (List<String> command : List.of(List.of("install", "@acme/utik"), List.of("info", "@acme/utik"))) {
            CliRun run = prompd(command.toArray(String[]::new));

            assertEquals(3, run.exitCode(), run.err());
            // on the error's line: a line of its own was neither prefixed nor indented as a continuation
            assertTrue(run.err().startsWith("error: no package @acme/utik in registry main (" + server.url() + "); "
                    + note), command + ": " + run.err());
            assertTrue(run.err().contains("; tell whoever keeps the registry\nhint: check the name"), run.err());
        }
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\","
                + " \"dependencies\": {\"@acme/utik\": \"^1.0.0\", \"@acme/utix\": \"^1.0.0\"}}\n");

        CliRun run = prompd("install");

        assertEquals(3, run.exitCode(), run.err());
        // a sentence of the resolution's explanation, indented under the error as its others are
        assertEquals(1, run.err().split(Pattern.quote("\n  N" + note.substring(1)), -1).length - 1,
                "once: " + run.err());
    }

    /**
     * A registry without a packages.json, or a host answering its own web page for it, is as much for its keeper to
     * hear of as a damaged one: the failure says why no names are suggested, in text and in --json's message alike.
     */
    @Test
    void aPackageListNotFoundOrAWebPageInItsPlaceIsNamedBesideAMissingPackageInPlaceOfTheSuggestions()
            throws IOException {
        Path list = work.resolve("registry").resolve(RegistryLayout.PACKAGE_LIST);
        Files.delete(list);
        String url = server.url() + RegistryLayout.PACKAGE_LIST;
        assertNoSuggestionsFor("no similar names can be suggested: the registry has no packages.json: not found at "
                + url + "; tell whoever keeps the registry");
        Files.writeString(list, "<!doctype html><html><body>Welcome</body></html>\n");
        assertNoSuggestionsFor("no similar names can be suggested: the registry sent a web page, not JSON: " + url
                + "; tell whoever keeps the registry");
    }

    private void assertNoSuggestionsFor(String note) throws IOException {
        String message = "no package @acme/utik in registry main (" + server.url() + "); " + note;
        for (List<String> command : List.of(List.of("install", "@acme/utik"), List.of("info", "@acme/utik"))) {
            CliRun run = prompd(command.toArray(String[]::new));

            assertEquals(3, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("error: " + message + "\nhint: check the name"),
                    command + ": " + run.err());

            CliRun json = prompd(Stream.concat(command.stream(), Stream.of("--json")).toArray(String[]::new));

            assertEquals(3, json.exitCode(), json.err());
            assertEquals(message, Json.reader().readTree(json.out()).path("error").path("message").asText(),
                    command + ": " + json.out());
        }
    }
}
