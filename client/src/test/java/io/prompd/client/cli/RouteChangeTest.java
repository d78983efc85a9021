package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.client.testing.RegistryServer;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lock made through one registry, used once the package's name routes to another: a public registry publishing
 * the same name (a squatter) must not be offered in its place, and the lock's registry is the one to name.
 */
class RouteChangeTest {

    private static final String TOKEN = "t0ken";

    @TempDir
    Path work;

    TestRegistry companyRegistry;
    RegistryServer company;
    RegistryServer publicRegistry;
    TestRegistry squatter;
    Path project;
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        companyRegistry = new TestRegistry(work.resolve("company")).publish("@company/shared", "1.0.0");
        company = RegistryServer.serving(companyRegistry.root());
        squatter = new TestRegistry(work.resolve("public")).publish("@company/shared", "9.9.9");
        publicRegistry = RegistryServer.serving(squatter.root());
        home = work.resolve("home");
        project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n");
        prompd(home, "registry", "add", "public", publicRegistry.url().toString(), "--default");
        prompd(home, "registry", "add", "company", company.url().toString(), "--scope", "@company");
        prompd(home, "install", "@company/shared");
    }

    @AfterEach
    void stop() {
        company.close();
        publicRegistry.close();
    }

    private CliRun prompd(Path in, String... args) {
        CliRun run = CliRun.in(project, in, args);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    /** A colleague's home with the public registry as the default, and no route for @company. */
    private Path colleague() {
        return colleague("colleague");
    }

    private Path colleague(String home) {
        Path other = work.resolve(home);
        prompd(other, "registry", "add", "public", publicRegistry.url().toString(), "--default");
        return other;
    }

    /**
     * {@code outdated} in a home whose registry for @company lacks the locked version or has other bytes for it: a row
     * marked so, with no version wanted nor latest, as the registry's versions of the name may be another's package,
     * and exit 1, as a script reading it must not take the package for up to date.
     */
    private CliRun outdatedLockedElsewhere(Path in) {
        CliRun run = CliRun.in(project, in, "outdated");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("""
                package          current                               wanted  latest  dependency
                @company/shared  1.0.0 (locked from another registry)  -       -       direct
                """, run.out());
        return run;
    }

    @Test
    void outdatedAfterTheRouteIsRemovedNamesTheLocksRegistryAndOffersNoOtherPackage() {
        prompd(home, "registry", "remove", "company");

        CliRun run = outdatedLockedElsewhere(home);

        assertEquals("warning: @company/shared@1.0.0 is locked in prompd.lock from " + company.url() + ", and @company"
                + " now resolves in registry public (" + publicRegistry.url()
                + "), which does not have it; its versions"
                + " there may be another's package, so none is offered (route @company back to " + company.url()
                + " with 'prompd registry add company " + company.url() + " --scope @company'; if registry public ("
                + publicRegistry.url() + ") mirrors that one, update the mirror (pull and build it)"
                + takeInstead("@company/shared", publicRegistry()) + ")\n", run.err());
        assertFalse(run.err().contains("--latest"), run.err());
    }

    /**
     * The company's registry moved, and the colleague configured it under its name at its new URL, which lacks the
     * version locked from the old one: the command routing @company back names a registry no one configured, as
     * 'registry add' refuses a name configured with another URL, and the install after it is from the lock's registry.
     */
    @Test
    void theRouteBackToARegistryThatMovedAddsItUnderAFreeNameAndTheNextInstallIsFromIt() throws IOException {
        try (RegistryServer moved = RegistryServer.serving(new TestRegistry(work.resolve("moved"))
                .publish("@company/other", "1.0.0").root())) {
            Path other = colleague();
            prompd(other, "registry", "add", "company", moved.url().toString(), "--scope", "@company");

            String hint = outdatedLockedElsewhere(other).err();

            String[] routeBack = CliRun.suggested(hint).get(0);
            CliRun routed = CliRun.in(project, other, routeBack);
            assertEquals(0, routed.exitCode(), hint + "\n" + routed.err());
            assertEquals("registry add company-2 " + company.url() + " --scope @company", String.join(" ", routeBack));
            CliRun install = prompd(other, "install");
            assertEquals("", install.err(), "no route changed");
        }
    }

    @Test
    void aDownloadFromTheLocksUrlTakesTheCredentialsOfTheRegistryHoldingIt() {
        company.requireAuthorization("Bearer " + TOKEN);
        Path other = colleague();
        prompd(other, "registry", "add", "company", company.url().toString());
        assertEquals(0, CliRun.in(project, other, TOKEN + "\n", Map.of(), "login", "--registry", "company").exitCode());

        CliRun run = prompd(other, "install");

        assertTrue(run.out().contains("1 downloaded"), run.out());
    }

    @Test
    void aRefusedDownloadFromTheLocksUrlNamesTheRegistryHoldingItAndTheRoute() {
        company.requireAuthorization("Bearer " + TOKEN);
        Path other = colleague();
        prompd(other, "registry", "add", "company", company.url().toString());

        CliRun run = CliRun.in(project, other, "install");

        assertEquals(5, run.exitCode(), run.err());
        assertEquals("error: @company/shared@1.0.0 is locked in prompd.lock from registry company (" + company.url()
                + "), and @company now resolves in registry public (" + publicRegistry.url() + "), which does not have"
                + " it, and registry company (" + company.url() + ") refused access (HTTP 401): " + company.url()
                + "packages/@company/shared/-/shared-1.0.0.tgz\nhint: it wants credentials and none are stored for it:"
                + " log in with 'prompd login --registry company'; route @company back to registry company ("
                + company.url() + ") with 'prompd config set scopes.@company company'; if registry public ("
                + publicRegistry.url() + ") mirrors that one, update the mirror (pull and build it)"
                + takeInstead("@company/shared", publicRegistry()) + "\n", run.err());
    }

    @Test
    void aRefusedDownloadFromTheLocksUrlOfNoConfiguredRegistryBlamesNotTheCurrentOne() {
        company.requireAuthorization("Bearer " + TOKEN);

        CliRun run = CliRun.in(project, colleague(), "install");

        assertEquals(5, run.exitCode(), run.err());
        assertEquals("error: @company/shared@1.0.0 is locked in prompd.lock from " + company.url()
                + ", and @company now"
                + " resolves in registry public (" + publicRegistry.url() + "), which does not have it, and its URL"
                + " there refused access (HTTP 401): " + company.url() + "packages/@company/shared/-/shared-1.0.0.tgz\n"
                + "hint: route @company back to " + company.url() + " with 'prompd registry add company "
                + company.url() + " --scope @company'; if registry public (" + publicRegistry.url() + ") mirrors that"
                + " one, update the"
                + " mirror (pull and build it)" + takeInstead("@company/shared", publicRegistry()) + "\n", run.err());
    }

    /**
     * A lock edited to pin a version the registry lacks at a URL of its host but not under its URL, such as another
     * team's path of a shared artifact server, which the lock's author may read: the registry's token goes to the
     * registry's URLs only, and the failure says the lock came from that URL, not that the registry sent other bytes.
     */
    @Test
    void aLocksUrlOnTheRegistrysHostOutsideItsPathGetsNoCredentialsAndItsOtherBytesAreSaidToComeFromThere()
            throws IOException {
        Path host = work.resolve("host");
        new TestRegistry(host.resolve("reg")).publish("@company/shared", "1.0.0");
        Files.createDirectories(host.resolve("attacker"));
        Files.writeString(host.resolve("attacker/x.tgz"), "x\n");
        try (RegistryServer server = RegistryServer.serving(host)) {
            String reg = server.url() + "reg/";
            String planted = server.url() + "attacker/x.tgz";
            Path other = work.resolve("colleague");
            prompd(other, "registry", "add", "reg", reg, "--default");
            assertEquals(0, CliRun.in(project, other, TOKEN + "\n", Map.of(), "login").exitCode());
            Files.writeString(project.resolve("prompd.lock"), """
                    {"lockfileVersion": 1, "packages": {"@company/shared": {"version": "1.0.7", "resolved": "%s",
                     "integrity": "sha512-%s=="}}}
                    """.formatted(planted, "A".repeat(86)));

            CliRun run = CliRun.in(project, other, "install");

            assertEquals(6, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("error: @company/shared@1.0.7 is locked in prompd.lock from " + planted
                    + ", and @company now resolves in registry reg (" + reg + "), which does not have it, and integrity"
                    + " check failed for " + planted + ": expected sha512-AAAA"), run.err());
            assertTrue(run.err().endsWith("\nhint: " + planted + " is no registry's tarball path, so it names no"
                    + " registry to route @company back to: unless a registry's index gave that URL for"
                    + " @company/shared@1.0.7, find out who edited that entry before you trust it"
                    + takeInstead("@company/shared", "reg (" + reg + ")") + "\n"), run.err());
            assertTrue(server.requests().contains("/attacker/x.tgz"), server.requests().toString());
            assertTrue(server.authorizedRequests().contains("/reg/packages/@company/shared/index.json"),
                    "the registry's own URLs get its token: " + server.authorizedRequests());
            assertFalse(server.requests().contains("/reg/packages/@company/shared/-/shared-1.0.7.tgz"),
                    "what its index does not list is not asked of it: " + server.requests());
            assertFalse(server.authorizedRequests().contains("/attacker/x.tgz"), "not under its URL: "
                    + server.authorizedRequests());
        }
    }

    @Test
    void anotherRegistrysBytesOfTheLockedVersionAreSaidSoAndTheLockedBytesFetchedFromTheLocksUrl() throws IOException {
        squatter.publish("@company/shared", "1.0.0")
                .addToTarball("@company/shared", "1.0.0", "SQUAT.md",
                        "not the company's".getBytes(StandardCharsets.UTF_8));
        Path other = colleague();

        CliRun run = prompd(other, "install");

        assertTrue(run.out().contains("1 downloaded"), "as when the registry lacks the version: " + run.out());
        assertFalse(Files.exists(other.resolve("packages/@company/shared@1.0.0/SQUAT.md")), "the lock's bytes");
        String outdated = outdatedLockedElsewhere(other).err();
        assertEquals("warning: @company/shared@1.0.0 is locked in prompd.lock from " + company.url() + ", and @company"
                + " now resolves in registry public (" + publicRegistry.url()
                + "), whose copy of it has other bytes; its"
                + " versions there may be another's package, so none is offered (route @company back to "
                + company.url()
                + " with 'prompd registry add company " + company.url() + " --scope @company'; if registry public ("
                + publicRegistry.url() + ") mirrors that one, update the mirror (pull and build it)"
                + takeInstead("@company/shared", publicRegistry()) + ")\n",
                outdated);
        assertEquals(outdated, run.err(), "the install that fetched the lock's bytes says it too");
    }

    /** A mirror with no index.json of the package: its versions of the name, if it had any, could be another's. */
    @Test
    void anInstallFetchingFromTheLocksUrlWhatTheRegistryHasNoIndexOfSaysWhatOutdatedSays() throws IOException {
        try (RegistryServer bare = RegistryServer.serving(new TestRegistry(work.resolve("bare"))
                .publish("unrelated", "1.0.0").root())) {
            Path other = work.resolve("colleague");
            prompd(other, "registry", "add", "mirror", bare.url().toString(), "--default");

            CliRun run = prompd(other, "install", "--json");

            JsonNode warning = Json.reader().readTree(run.out()).get("warnings").get(0);
            assertEquals("routeChanged", warning.get("kind").asText());
            assertEquals("warning: " + warning.get("message").asText() + "\n", run.err());
            assertEquals(run.err(), outdatedLockedElsewhere(other).err());
            assertTrue(run.err().startsWith("warning: @company/shared@1.0.0 is locked in prompd.lock from "
                    + company.url() + ", and @company now resolves in registry mirror (" + bare.url() + "), which does"
                    + " not have it;"), run.err());
        }
    }

    /** Its tarball path answers with the locked bytes, but what its index does not list it holds as no locked copy. */
    @Test
    void aMirrorWhoseIndexLacksTheVersionIsNotAskedForItsTarballAndTheRouteChangeIsSaid() throws IOException {
        TestRegistry behind = new TestRegistry(work.resolve("behind")).publish("@company/shared", "1.0.0");
        byte[] tarball = Files.readAllBytes(behind.tarball("@company/shared", "1.0.0"));
        behind.publish("@company/shared", "0.9.0").unlist("@company/shared", "1.0.0");
        Files.write(behind.tarball("@company/shared", "1.0.0"), tarball);
        try (RegistryServer mirror = RegistryServer.serving(behind.root())) {
            Path other = work.resolve("colleague");
            prompd(other, "registry", "add", "mir", mirror.url().toString(), "--default");
            company.forgetRequests();

            CliRun run = prompd(other, "install", "--frozen", "--json");

            JsonNode warning = Json.reader().readTree(run.out()).get("warnings").get(0);
            assertEquals("routeChanged", warning.get("kind").asText());
            assertEquals("mir", warning.get("resolvesIn").get("name").asText());
            assertFalse(mirror.requests().stream().anyMatch(path -> path.endsWith(".tgz")),
                    mirror.requests().toString());
            assertEquals(List.of("/packages/@company/shared/-/shared-1.0.0.tgz"), company.requests());
        }
    }

    @Test
    void aMirrorSendingAWebPageForItsIndexIsNotAskedForTheTarballAndTheLocksUrlGivesItWithAWarningSayingSo()
            throws IOException {
        squatter.publish("@company/shared", "1.0.0");
        Files.writeString(squatter.root().resolve("packages/@company/shared/index.json"),
                "<html>captive portal</html>");
        Path other = colleague();
        company.forgetRequests();

        CliRun run = prompd(other, "install", "--frozen", "--json");

        JsonNode warning = Json.reader().readTree(run.out()).get("warnings").get(0);
        assertEquals("fromLockedUrl", warning.get("kind").asText());
        assertEquals(lockedTarball(), warning.get("url").asText());
        assertTrue(warning.get("problem").asText().contains("got a web page instead of JSON from "
                + publicRegistry.url() + "packages/@company/shared/index.json"), warning.toString());
        assertEquals("warning: " + warning.get("message").asText() + "\n", run.err());
        assertFalse(publicRegistry.requests().stream().anyMatch(path -> path.endsWith(".tgz")),
                publicRegistry.requests().toString());
        assertEquals(List.of("/packages/@company/shared/-/shared-1.0.0.tgz"), company.requests());
    }

    @Test
    void aRegistryFailingOnAllItsTriesIsMadeUpForByTheLocksUrlWithAWarningSayingHow() {
        Path other = colleague();
        publicRegistry.flaky(1, 0);

        CliRun run = prompd(other, "install");

        assertTrue(run.out().contains("1 downloaded"), run.out());
        assertTrue(Files.isDirectory(other.resolve("packages/@company/shared@1.0.0")));
        assertTrue(run.err().endsWith("\nwarning: @company/shared@1.0.0 came from the URL prompd.lock records, "
                + lockedTarball() + ", with the integrity it pins, as registry " + publicRegistry() + " failed to give"
                + " it: could not fetch " + publicRegistry.url() + "packages/@company/shared/-/shared-1.0.0.tgz:"
                + " gave up after 4 attempts (last: HTTP 500)\n"), run.err());
    }

    @Test
    void aRegistryFailingThenTheLocksUrlRefusingSaysBothBlamingEachOnItsOwnRegistry() {
        company.requireAuthorization("Bearer " + TOKEN);
        publicRegistry.flaky(1, 0);
        Path other = colleague();
        prompd(other, "registry", "add", "company", company.url().toString());
        String failedFirst = "error: registry " + publicRegistry() + " failed: could not fetch " + publicRegistry.url()
                + "packages/@company/shared/-/shared-1.0.0.tgz: gave up after 4 attempts (last: HTTP 500); the URL"
                + " prompd.lock records for @company/shared@1.0.0 failed too: ";

        CliRun run = CliRun.in(project, other, "install");
        CliRun unconfigured = CliRun.in(project, colleague("stranger"), "install");

        assertEquals(5, run.exitCode(), run.err());
        assertEquals(failedFirst + "registry company (" + company.url() + ") refused access (HTTP 401): "
                + lockedTarball() + "\nhint: the registry or the network may be down; try again later; it wants"
                + " credentials and none are stored for it: log in with 'prompd login --registry company'\n",
                errorPart(run));
        assertEquals(5, unconfigured.exitCode(), unconfigured.err());
        assertTrue(errorPart(unconfigured).startsWith(failedFirst + "the registry refused access (HTTP 401): "
                + lockedTarball() + "\n"), "not registry public's refusal: " + unconfigured.err());
    }

    /**
     * A mirror listing the locked version, with the bytes the lock pins, but lacking its tarball (a build copied in
     * part), while the lock's registry is down, as for an air-gapped mirror: the error says the mirror is incomplete,
     * not to check the package's name and version, which it lists.
     */
    @Test
    void aMirrorListingTheVersionWithoutItsTarballIsIncompleteWhenTheLocksUrlFailsToo() throws IOException {
        TestRegistry mirrored = new TestRegistry(work.resolve("mirror")).publish("@company/shared", "1.0.0");
        Files.delete(mirrored.tarball("@company/shared", "1.0.0"));
        try (RegistryServer mirror = RegistryServer.serving(mirrored.root())) {
            Path other = work.resolve("air-gapped");
            prompd(other, "registry", "add", "mirror", mirror.url().toString(), "--scope", "@company");
            company.close();

            CliRun run = CliRun.in(project, other, "install");

            assertEquals(5, run.exitCode(), run.err());
            assertTrue(errorPart(run).startsWith("error: the registry lists @company/shared@1.0.0 but has no tarball"
                    + " for it (not found in the registry: " + mirror.url() + "packages/@company/shared/-/shared-1.0.0"
                    + ".tgz; the URL prompd.lock records for @company/shared@1.0.0 failed too: "), run.err());
            assertTrue(errorPart(run).endsWith("\nhint: the registry may be incomplete or halfway through publishing:"
                    + " try again later, or tell its maintainers\n"), run.err());
            assertFalse(Files.exists(other.resolve("packages/@company/shared@1.0.0")), "nothing is installed");
        }
    }

    /** Its tarball is not tried once its index.json's tries could not reach it: the host is down for the whole run. */
    @Test
    void aRegistryThatCannotBeReachedIsMadeUpForByTheLocksUrlWithoutTryingItAgain() throws IOException {
        RegistryServer gone = RegistryServer.serving(squatter.root());
        gone.close();
        Path other = work.resolve("colleague");
        prompd(other, "registry", "add", "public", gone.url().toString(), "--default");

        CliRun run = prompd(other, "install", "--json");

        JsonNode warning = Json.reader().readTree(run.out()).get("warnings").get(0);
        assertEquals(Json.reader().readTree("""
                {"kind": "fromLockedUrl", "name": "@company/shared", "version": "1.0.0", "lockedFrom": {"url": "%s"},
                 "url": "%s", "resolvesIn": {"name": "public", "url": "%s"}}"""
                .formatted(company.url(), lockedTarball(), gone.url())),
                ((ObjectNode) warning.deepCopy()).without(List.of("message", "problem")));
        assertTrue(warning.get("problem").asText().startsWith("could not fetch " + gone.url()
                + "packages/@company/shared/-/shared-1.0.0.tgz: this run gave up on reaching "
                + gone.url().toString().replaceFirst("/$", "") + " after 4 attempts"), warning.toString());
        assertTrue(run.err().endsWith("\nwarning: " + warning.get("message").asText() + "\n"), run.err());
    }

    /** Same length, other bytes: a mirror's damaged copy of what its index lists as the lock pins it. */
    @Test
    void aRegistrysTarballOfOtherBytesThanItListsIsMadeUpForByTheLocksUrlWithAWarningSayingSo() throws IOException {
        squatter.publish("@company/shared", "1.0.0").tamper("@company/shared", "1.0.0");
        Path other = colleague();
        prompd(other, "config", "set", "scopes.@company", "public");

        CliRun run = prompd(other, "install");

        assertTrue(run.out().contains("1 downloaded"), run.out());
        assertTrue(run.err().startsWith("warning: @company/shared@1.0.0 came from the URL prompd.lock records, "
                + lockedTarball() + ", with the integrity it pins, as registry " + publicRegistry() + " failed to give"
                + " it: integrity check failed for " + publicRegistry.url()
                + "packages/@company/shared/-/shared-1.0.0.tgz: expected sha512-"), run.err());
        assertEquals("", CliRun.in(project, other, "outdated").err(),
                "it lists the version as locked, and @company is routed to it: no route change");
    }

    @Test
    void aRegistryUrlWithNoRegistryThereIsMadeUpForByTheLocksUrlWithAWarningSayingWhatItLacked() throws IOException {
        try (RegistryServer empty = RegistryServer.serving(Files.createDirectories(work.resolve("empty")))) {
            Path other = work.resolve("colleague");
            prompd(other, "registry", "add", "mirror", empty.url().toString(), "--default");

            CliRun run = prompd(other, "install");

            assertEquals("warning: @company/shared@1.0.0 came from the URL prompd.lock records, " + lockedTarball()
                    + ", with the integrity it pins, as registry mirror (" + empty.url() + ") failed to give it: no"
                    + " prompd registry at " + empty.url() + ": it has no registry.json\n", run.err());
            assertFalse(empty.requests().stream().anyMatch(path -> path.endsWith(".tgz")), empty.requests().toString());
        }
    }

    @Test
    void anotherRegistrysBytesOfTheLockedVersionWithTheLocksUrlDownAreBlamedOnTheRoute() throws IOException {
        squatter.publish("@company/shared", "1.0.0")
                .addToTarball("@company/shared", "1.0.0", "SQUAT.md",
                        "not the company's".getBytes(StandardCharsets.UTF_8));
        Path other = colleague();
        company.close();

        CliRun run = CliRun.in(project, other, "install");

        assertEquals(5, run.exitCode(), run.err());
        assertTrue(errorPart(run)
                .startsWith("error: @company/shared@1.0.0 is locked in prompd.lock from " + company.url()
                + ", and @company now resolves in registry public (" + publicRegistry.url() + "), whose copy of it has"
                + " other bytes, and could not fetch " + company.url() + "packages/@company/shared/-/shared-1.0.0.tgz"),
                run.err());
    }

    @Test
    void updateAfterTheScopeIsRoutedToAnotherRegistryKeepsTheLockedPackageAndSaysWhatOutdatedSays() throws IOException {
        squatter.publish("@company/shared", "1.5.0");
        String lock = Files.readString(project.resolve("prompd.lock"));
        prompd(home, "config", "set", "scopes.@company", "public");
        String outdated = outdatedLockedElsewhere(home).err();

        CliRun update = prompd(home, "update");

        assertTrue(update.out().contains("prompd.lock unchanged"),
                "not swapped for another's package: " + update.out());
        assertEquals(lock, Files.readString(project.resolve("prompd.lock")));
        assertEquals(outdated, update.err(), "update and outdated agree");
        assertTrue(update.err().startsWith("warning: @company/shared@1.0.0 is locked in prompd.lock from registry"
                + " company (" + company.url() + "), and @company now resolves in registry public ("
                + publicRegistry.url() + "), which does not have it;"), update.err());
        assertTrue(update.err().endsWith(takeInstead("@company/shared", publicRegistry()) + ")\n"), update.err());
        CliRun latest = prompd(home, "update", "--latest");
        assertEquals(outdated, latest.err(), "--latest takes no range from another's package either");
        assertEquals(lock, Files.readString(project.resolve("prompd.lock")));
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@company/shared\": \"^1.0.0\""));
    }

    @Test
    void updateJsonGivesTheLockedPackageKeptAsARouteChangeNamingBothRegistries() throws IOException {
        squatter.publish("@company/shared", "1.5.0");
        prompd(home, "config", "set", "scopes.@company", "public");

        CliRun update = prompd(home, "update", "--json");

        JsonNode warning = Json.reader().readTree(update.out()).get("warnings").get(0);
        assertEquals(Json.reader().readTree("""
                {"kind": "routeChanged", "name": "@company/shared", "version": "1.0.0",
                 "lockedFrom": {"name": "company", "url": "%s"}, "routed": "@company",
                 "resolvesIn": {"name": "public", "url": "%s"}, "otherBytes": false, "lockedBytes": false}"""
                .formatted(company.url(), publicRegistry.url())),
                ((ObjectNode) warning.deepCopy()).without("message"));
        assertEquals("warning: " + warning.get("message").asText() + "\n", update.err(), "the sentence of the text");
        assertEquals(outdatedLockedElsewhere(home).err(), update.err(), "what outdated says");
    }

    @Test
    void installJsonGivesARegistryNoConfigurationNamesByItsUrlAloneInTheShapeOfANamedOne() throws IOException {
        prompd(home, "registry", "remove", "company");
        squatter.publish("@company/other", "1.0.0");

        CliRun install = prompd(home, "--registry", squatter.fileUrl().toString(), "install", "@company/other",
                "--json");

        JsonNode warning = Json.reader().readTree(install.out()).get("warnings").get(0);
        assertEquals(Json.reader().readTree("""
                {"kind": "routeChanged", "name": "@company/shared", "version": "1.0.0", "lockedFrom": {"url": "%s"},
                 "routed": "@company", "resolvesIn": {"url": "%s"}, "otherBytes": false, "lockedBytes": false}"""
                .formatted(company.url(), squatter.fileUrl())), ((ObjectNode) warning.deepCopy()).without("message"));
        assertTrue(warning.get("message").asText().startsWith("@company/shared@1.0.0 is locked in prompd.lock from "
                + company.url() + ", and @company now resolves in registry " + squatter.fileUrl() + ", which"
                + " does not have it;"), warning.get("message").asText());
    }

    @Test
    void aFailingInstallWithAOneOffRegistrySaysTheLockCameFromAnotherAndOffersNoneOfItsVersions() throws IOException {
        squatter.publish("@company/shared", "1.5.0").publish("@company/tool", "1.0.0", "@company/shared", "^1.5.0");

        CliRun run = CliRun.in(project, work.resolve("fresh"), "--registry", publicRegistry.url().toString(), "install",
                "@company/tool");

        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains(" @company/shared@1.0.0 is locked in prompd.lock from " + company.url()
                + ", and @company now resolves in registry " + publicRegistry.url() + ", which does not have it; its"
                + " versions there may be another's package, so none is offered (route @company back to "
                + company.url() + " with 'prompd registry add company " + company.url() + " --scope @company';"),
                run.err());
        assertFalse(run.err().contains("published: 1.5.0"), "another's versions are not offered: " + run.err());
    }

    @Test
    void aMirrorBehindTheLockSaysItLacksTheVersionAndThatTheLocksUrlFailed() throws IOException {
        Path app = Files.createDirectories(work.resolve("mirrored"));
        Files.writeString(app.resolve("prompd.json"), "{\"name\": \"@me/mirrored\", \"version\": \"1.0.0\"}\n");
        TestRegistry mirror = new TestRegistry(work.resolve("mirror")).publish("sql-explainer", "1.0.0");
        String upstream;
        try (RegistryServer server = RegistryServer.serving(new TestRegistry(work.resolve("upstream"))
                .publish("sql-explainer", "1.0.0").publish("sql-explainer", "1.1.0").root())) {
            upstream = server.url().toString();
            assertEquals(0, CliRun.in(app, work.resolve("online"), "", Map.of("PROMPD_REGISTRY", upstream),
                    "install", "sql-explainer").exitCode());
        }

        CliRun run = CliRun.in(app, work.resolve("offline"), "", Map.of("PROMPD_REGISTRY", mirror.fileUrl().toString()),
                "install");

        assertEquals(5, run.exitCode(), run.err());
        // each try again of the lock's URL is said first
        assertTrue(errorPart(run)
                .startsWith("error: sql-explainer@1.1.0 is locked in prompd.lock from " + upstream + ", and"
                + " sql-explainer now resolves in registry " + mirror.fileUrl()
                + ", which does not have it, and could not"
                + " fetch " + upstream + "packages/sql-explainer/-/sql-explainer-1.1.0.tgz"), run.err());
        assertTrue(run.err().endsWith("\nhint: install with '--registry " + upstream + "'; if registry "
                + mirror.fileUrl() + " mirrors that one, update the mirror (pull and build it)"
                + takeInstead("sql-explainer", mirror.fileUrl().toString()) + "\n"), run.err());
    }

    @Test
    void aRegistryThatCannotBeReadIsNotSaidToLackTheVersionAndTheLocksUrlFailingTooIsSaid() {
        RegistryServer gone = RegistryServer.serving(squatter.root());
        gone.close();
        Path other = work.resolve("colleague");
        prompd(other, "registry", "add", "public", gone.url().toString(), "--default");
        company.close();

        CliRun run = CliRun.in(project, other, "install");

        assertEquals(5, run.exitCode(), run.err());
        assertTrue(errorPart(run).startsWith("error: registry public (" + gone.url() + ") failed: could not fetch "
                + gone.url() + "packages/@company/shared/-/shared-1.0.0.tgz"), run.err());
        assertTrue(run.err().contains("; the URL prompd.lock records for @company/shared@1.0.0 failed too: could not"
                + " fetch " + lockedTarball() + ": this run gave up on reaching "
                + company.url().toString().replaceFirst("/$", "") + " after 4 attempts"), run.err());
        assertFalse(run.err().contains("does not have it"), run.err());
    }

    @Test
    void aRegistrysTarballOfOtherBytesThanItListsWithTheLocksUrlDownSaysBothFailures() throws IOException {
        squatter.publish("@company/shared", "1.0.0").tamper("@company/shared", "1.0.0");
        Path other = colleague();
        prompd(other, "config", "set", "scopes.@company", "public");
        company.close();

        CliRun run = CliRun.in(project, other, "install");
        CliRun json = CliRun.in(project, other, "install", "--json");

        assertEquals(6, run.exitCode(), run.err());
        assertTrue(errorPart(run).startsWith("error: integrity check failed for " + publicRegistry.url()
                + "packages/@company/shared/-/shared-1.0.0.tgz: expected sha512-"), run.err());
        assertTrue(run.err().contains("; the URL prompd.lock records for @company/shared@1.0.0 failed too: could not"
                + " fetch " + lockedTarball() + ": "), run.err());
        assertTrue(Json.reader().readTree(json.out()).get("error").get("message").asText()
                .contains("; the URL prompd.lock records for @company/shared@1.0.0 failed too: "), json.out());
    }

    @Test
    void aRegistryUrlWithNoRegistryThereWithTheLocksUrlDownSaysBothFailures() throws IOException {
        try (RegistryServer empty = RegistryServer.serving(Files.createDirectories(work.resolve("empty")))) {
            Path other = work.resolve("colleague");
            prompd(other, "registry", "add", "mirror", empty.url().toString(), "--default");
            company.close();

            CliRun run = CliRun.in(project, other, "install");

            assertEquals(3, run.exitCode(), run.err());
            assertTrue(errorPart(run).startsWith("error: no prompd registry at " + empty.url() + ": it has no"
                    + " registry.json; the URL prompd.lock records for @company/shared@1.0.0 failed too: could not"
                    + " fetch " + lockedTarball() + ": "), run.err());
        }
    }

    /**
     * The company's registry served at another URL too (a mirror, or the registry moved host), after it took the locked
     * version down, its record naming the locked tarball, and published another; {@code in} routes @company there.
     */
    private RegistryServer movedAfterATakedown(Path in) {
        companyRegistry.publish("@company/shared", "1.1.0").takeDown("@company/shared", "1.0.0", "leaked a key");
        return movedTo(in);
    }

    /** The company's registry served at another URL too, which {@code in} routes @company to. */
    private RegistryServer movedTo(Path in) {
        RegistryServer moved = RegistryServer.serving(companyRegistry.root());
        prompd(in, "registry", "add", "moved", moved.url().toString());
        prompd(in, "config", "set", "scopes.@company", "moved");
        return moved;
    }

    /** The lock's entry of @company/shared: its version and resolved URL. */
    private String locked() throws IOException {
        JsonNode entry = lockedEntry();
        return entry.get("version").asText() + " " + entry.get("resolved").asText();
    }

    private JsonNode lockedEntry() throws IOException {
        return Json.reader().readTree(Files.readString(project.resolve("prompd.lock"))).get("packages")
                .get("@company/shared");
    }

    /**
     * A registry the scope is not routed to (the default of a CI home without the route) that publishes its own
     * package of the name and records a takedown of the locked version naming the locked tarball, its integrity
     * copied from the lock: only the registry the lock has the version from speaks for it, so this is a route change
     * that installs the locked version from the lock's URL and keeps it, never a takedown whose way off, an update,
     * swaps in that registry's package.
     */
    @Test
    void aTakedownNamingTheLockedTarballByARegistryTheLockDidNotHaveItFromIsARouteChangeThatKeepsTheLock()
            throws IOException {
        squatter.publish("@company/shared", "1.9.9").recordTakedown("@company/shared", "1.0.0",
                "leaked a key; use 1.9.9", Integrity.parse(lockedEntry().get("integrity").asText()));
        String lock = Files.readString(project.resolve("prompd.lock"));
        Path ci = colleague("ci");

        CliRun install = prompd(ci, "install", "--frozen");

        assertTrue(Files.isDirectory(ci.resolve("packages/@company/shared@1.0.0")), install.err());
        assertTrue(install.err().startsWith("warning: @company/shared@1.0.0 is locked in prompd.lock from "
                + company.url() + ", and @company now resolves in registry public (" + publicRegistry.url() + "), which"
                + " does not have it"), install.err());
        assertFalse(install.err().contains("took"), install.err());
        CliRun update = prompd(ci, "update", "@company/shared");
        assertEquals(lock, Files.readString(project.resolve("prompd.lock")), "not swapped for another's package");
        assertEquals(outdatedLockedElsewhere(ci).err(), update.err(), "update and outdated agree");
    }

    /**
     * The company's registry copied, with a version of its own added: a mirror ahead of the lock's registry, or a
     * registry listing the locked version with the integrity every lock pinning it holds, to offer its own versions.
     */
    private RegistryServer copyWithAVersionOfItsOwn() throws IOException {
        TestRegistry copy = new TestRegistry(work.resolve("copy")).publish("@company/shared", "1.0.0")
                .publish("@company/shared", "1.0.1");
        Integrity copied = Integrity.of(Files.readAllBytes(copy.tarball("@company/shared", "1.0.0")));
        assertEquals(lockedEntry().get("integrity").asText(), copied.toString(), "the same bytes");
        return RegistryServer.serving(copy.root());
    }

    /** The warning of @company/shared locked from the company's registry, listed with its bytes by {@code copy}. */
    private String listedByAnUnroutedCopy(RegistryServer copy) {
        return "warning: @company/shared@1.0.0 is locked in prompd.lock from " + company.url() + ", and @company now"
                + " resolves in registry public (" + copy.url() + "), which lists it with the bytes prompd.lock pins"
                + " but is neither the registry it was locked from nor one @company is routed to; its versions there"
                + " may be another's package, so none is offered (route @company back to " + company.url()
                + " with 'prompd registry add company " + company.url() + " --scope @company'; if registry public ("
                + copy.url() + ") mirrors that one, route @company to it with 'prompd config set scopes.@company public'"
                + takeInstead("@company/shared", "public (" + copy.url() + ")") + ")\n";
    }

    /**
     * A registry the scope is not routed to (the default of a CI home without the route) that lists the locked version
     * with the integrity copied from the lock, and a version of its own: the same bytes say nothing of whose package
     * the name is there, so it is the route change it would be without the listing, never offering its versions.
     */
    @Test
    void aRegistryTheScopeIsNotRoutedToListingTheLockedBytesIsARouteChangeThatOffersNoneOfItsVersions()
            throws IOException {
        String lock = Files.readString(project.resolve("prompd.lock"));
        try (RegistryServer copy = copyWithAVersionOfItsOwn()) {
            Path ci = work.resolve("ci");
            prompd(ci, "registry", "add", "public", copy.url().toString(), "--default");

            CliRun install = prompd(ci, "install", "--frozen");
            CliRun outdated = outdatedLockedElsewhere(ci);
            CliRun update = prompd(ci, "update");
            CliRun updateNamed = prompd(ci, "update", "@company/shared");

            assertTrue(Files.isDirectory(ci.resolve("packages/@company/shared@1.0.0")), install.err());
            assertEquals(listedByAnUnroutedCopy(copy), install.err());
            assertEquals(listedByAnUnroutedCopy(copy), outdated.err());
            assertEquals(listedByAnUnroutedCopy(copy), update.err());
            assertEquals(listedByAnUnroutedCopy(copy), updateNamed.err());
            assertEquals(lock, Files.readString(project.resolve("prompd.lock")), "not moved to the copy's package");
        }
    }

    /**
     * The copy's index giving the locked tarball URL of the company's registry too, copied from the lock as its
     * integrity is: the lock's URL names the company's registry, which alone speaks for it, so it is the same route
     * change, not a listing of the copy's own.
     */
    @Test
    void aRegistryTheScopeIsNotRoutedToListingTheLockedUrlAndBytesIsARouteChange() throws IOException {
        String lock = Files.readString(project.resolve("prompd.lock"));
        try (RegistryServer copy = copyWithAVersionOfItsOwn()) {
            Path index = work.resolve("copy/packages/@company/shared/index.json");
            ObjectNode packument = (ObjectNode) Json.reader().readTree(Files.readAllBytes(index));
            ((ObjectNode) packument.at("/versions/1.0.0/dist")).put("tarball", lockedEntry().get("resolved").asText());
            Files.write(index, Json.write(packument));
            Path ci = work.resolve("ci");
            prompd(ci, "registry", "add", "public", copy.url().toString(), "--default");

            CliRun outdated = outdatedLockedElsewhere(ci);
            CliRun update = prompd(ci, "update");

            assertEquals(listedByAnUnroutedCopy(copy), outdated.err());
            assertEquals(listedByAnUnroutedCopy(copy), update.err());
            assertEquals(lock, Files.readString(project.resolve("prompd.lock")), "not moved to the copy's package");
        }
    }

    /**
     * An unscoped name, which no route can send anywhere: the default registry is its only source, so one listing the
     * locked version with the locked bytes (a mirror) has the locked package, whose newer versions it offers.
     */
    @Test
    void aDefaultRegistryListingTheLockedBytesOfAnUnscopedNameHasTheLockedPackage() throws IOException {
        Path app = Files.createDirectories(work.resolve("plain-app"));
        Files.writeString(app.resolve("prompd.json"), "{\"name\": \"plain-app\", \"version\": \"1.0.0\"}\n");
        TestRegistry mirrored = new TestRegistry(work.resolve("mirrored")).publish("shared", "1.0.0");
        try (RegistryServer origin = RegistryServer.serving(new TestRegistry(work.resolve("origin"))
                .publish("shared", "1.0.0").root()); RegistryServer mirror = RegistryServer.serving(mirrored.root())) {
            Path locking = work.resolve("locking");
            assertEquals(0, CliRun.in(app, locking, "registry", "add", "origin", origin.url().toString(), "--default")
                    .exitCode());
            assertEquals(0, CliRun.in(app, locking, "install", "shared").exitCode());
            mirrored.publish("shared", "1.0.1");
            Path ci = work.resolve("ci");
            assertEquals(0, CliRun.in(app, ci, "registry", "add", "mirror", mirror.url().toString(), "--default")
                    .exitCode());

            CliRun install = CliRun.in(app, ci, "install", "--frozen");
            CliRun outdated = CliRun.in(app, ci, "outdated");

            assertEquals(0, install.exitCode(), install.err());
            assertEquals("", install.err());
            assertEquals(1, outdated.exitCode(), outdated.err());
            assertEquals("", outdated.err());
            assertEquals("""
                    package  current  wanted  latest  dependency
                    shared   1.0.0    1.0.1   1.0.1   direct
                    """, outdated.out());
        }
    }

    /**
     * A mirror of the lock's registry that is the default of a home without the scope's route installs the locked
     * bytes with the lock's registry down, as an offline mirror must, the integrity pinning them, and says the route
     * changed; routing the scope to it, as its warning says, makes it the scope's registry, whose versions are offered.
     */
    @Test
    void aMirrorTheScopeIsNotRoutedToInstallsTheLockedBytesAndRoutedToItOffersItsVersions() throws IOException {
        try (RegistryServer copy = copyWithAVersionOfItsOwn()) {
            Path offline = work.resolve("offline");
            prompd(offline, "registry", "add", "public", copy.url().toString(), "--default");
            company.close();

            CliRun install = prompd(offline, "install", "--frozen");
            String[] routeToIt = CliRun.suggested(install.err()).get(1);
            prompd(offline, routeToIt);
            CliRun outdated = CliRun.in(project, offline, "outdated");
            CliRun update = prompd(offline, "update");

            assertTrue(Files.isDirectory(offline.resolve("packages/@company/shared@1.0.0")), install.err());
            assertEquals(listedByAnUnroutedCopy(copy), install.err());
            assertEquals("config set scopes.@company public", String.join(" ", routeToIt));
            assertEquals(1, outdated.exitCode(), outdated.err());
            assertEquals("""
                    package          current  wanted  latest  dependency
                    @company/shared  1.0.0    1.0.1   1.0.1   direct
                    """, outdated.out());
            assertEquals("", outdated.err() + update.err());
            assertEquals("1.0.1 " + copy.url() + "packages/@company/shared/-/shared-1.0.1.tgz", locked());
        }
    }

    /**
     * An unrelated registry the scope is routed to, whose same-named package had a version of the locked number taken
     * down and published another: its takedown names its own tarball, not the locked one, and its versions may be
     * another's package, which no update swaps in.
     */
    @Test
    void aTakedownOfAnotherTarballUnderTheLockedNumberIsARouteChangeThatKeepsTheLock() throws IOException {
        squatter.publishNeedingPrompd("@company/shared", "1.0.0", ">=0.1.0").publish("@company/shared", "1.0.1")
                .takeDown("@company/shared", "1.0.0", "use 1.0.1");
        prompd(home, "config", "set", "scopes.@company", "public");
        String lock = Files.readString(project.resolve("prompd.lock"));
        String outdated = outdatedLockedElsewhere(home).err();

        CliRun update = prompd(home, "update", "--json");

        assertEquals(lock, Files.readString(project.resolve("prompd.lock")), "not swapped for another's package");
        JsonNode warning = Json.reader().readTree(update.out()).get("warnings").get(0);
        assertEquals("routeChanged", warning.get("kind").asText(), update.out());
        assertEquals("warning: " + warning.get("message").asText() + "\n", update.err(), "the one warning");
        assertEquals(outdated, update.err(), "update and outdated agree");
        assertTrue(update.err().startsWith("warning: @company/shared@1.0.0 is locked in prompd.lock from registry"
                + " company (" + company.url() + "), and @company now resolves in registry public ("
                + publicRegistry.url() + "), which does not have it; its versions there may be another's package, so"
                + " none is offered"), update.err());
    }

    /**
     * A takedown naming no tarball (its registry's history rewritten past the version's files, or built before
     * takedowns named their tarballs) cannot tell whose version of the number it was: the lock is kept, as for a
     * registry at another URL that lacks the version.
     */
    @Test
    void aTakedownNamingNoTarballAtAnotherUrlIsARouteChangeThatKeepsTheLock() throws IOException {
        companyRegistry.publish("@company/shared", "1.1.0")
                .takeDownNamingNoTarball("@company/shared", "1.0.0", "leaked a key");
        String lock = Files.readString(project.resolve("prompd.lock"));
        try (RegistryServer moved = movedTo(home)) {
            CliRun update = prompd(home, "update", "@company/shared");

            assertEquals(lock, Files.readString(project.resolve("prompd.lock")));
            assertTrue(update.err().startsWith("warning: @company/shared@1.0.0 is locked in prompd.lock from registry"
                    + " company (" + company.url() + "), and @company now resolves in registry moved (" + moved.url()
                    + "), which does not have it; its versions there may be another's package"), update.err());
            assertFalse(update.err().contains("took"), update.err());
        }
    }

    /**
     * The registry at a new URL that took the locked version down is a route change too, as no record proves that a
     * registry speaks for the lock's: the failing install names the route back, and routed back, the lock's registry
     * tells the takedown, whose way off moves off the version.
     */
    @Test
    void aTakedownByTheRegistryAtANewUrlIsARouteChangeAndCountsOnceTheNameIsRoutedBack() throws IOException {
        Path other = colleague();
        try (RegistryServer moved = movedAfterATakedown(other)) {
            CliRun install = CliRun.in(project, other, "install");

            assertEquals(3, install.exitCode(), install.err());
            assertTrue(errorPart(install).startsWith("error: @company/shared@1.0.0 is locked in prompd.lock from "
                    + company.url() + ", and @company now resolves in registry moved (" + moved.url() + "), which does"
                    + " not have it, and "), install.err());
            String[] routeBack = CliRun.suggested(errorPart(install)).get(0);
            assertEquals("registry add company " + company.url() + " --scope @company", String.join(" ", routeBack));
            prompd(other, routeBack);
            CliRun routed = CliRun.in(project, other, "install");
            assertEquals(3, routed.exitCode(), routed.err());
            assertEquals("error: @company/shared@1.0.0 is locked in prompd.lock, but its registry took it down: leaked"
                    + " a key\nhint: 'prompd update @company/shared' moves off it\n", routed.err());
            prompd(other, "update", "@company/shared");
            assertEquals("1.1.0 " + company.url() + "packages/@company/shared/-/shared-1.1.0.tgz", locked());
        }
    }

    /** Its record of another version's takedown says nothing of the locked one: its package may be another's. */
    @Test
    void aRegistryRecordingTheTakedownOfAnotherVersionOnlyIsStillARouteChange() throws IOException {
        squatter.publish("@company/shared", "0.9.0").publish("@company/shared", "1.5.0")
                .takeDown("@company/shared", "0.9.0", "broken");
        prompd(home, "config", "set", "scopes.@company", "public");

        CliRun run = outdatedLockedElsewhere(home);

        assertTrue(run.err().contains(", which does not have it; its versions there may be another's package, so none"
                + " is offered"), run.err());
    }

    /**
     * A registry moved to a parent URL of the one the lock has the version from, whose output is now a folder of the
     * new one's site: the lock's URL lies below the new registry's URL, but it is not that registry's tarball URL of
     * the version, so the version came from another registry, as one locked from a sibling URL did, and no takedown or
     * missing version of the new registry is blamed.
     */
    @Test
    void aRegistryAtAParentUrlOfTheLocksOneThatLacksTheVersionIsARouteChangeAndTheLocksUrlGivesIt() throws IOException {
        try (RegistryServer site = lockedBelowAnotherRegistry(false)) {
            String reg = site.url() + "reg/";

            CliRun run = prompd(work.resolve("parent"), "--registry", site.url().toString(), "install", "--frozen",
                    "--json");

            JsonNode warning = Json.reader().readTree(run.out()).get("warnings").get(0);
            assertEquals(Json.reader().readTree("""
                    {"kind": "routeChanged", "name": "@company/shared", "version": "1.0.0", "lockedFrom": {"url": "%s"},
                     "routed": "@company", "resolvesIn": {"url": "%s"}, "otherBytes": false, "lockedBytes": false}"""
                    .formatted(reg, site.url())), ((ObjectNode) warning.deepCopy()).without("message"));
            assertTrue(site.requests().contains("/reg/packages/@company/shared/-/shared-1.0.0.tgz"),
                    site.requests().toString());
        }
    }

    /** As above, the registry at the parent URL listing other bytes for the locked version. */
    @Test
    void aRegistryAtAParentUrlOfTheLocksOneWithOtherBytesIsARouteChangeThatUpdateKeeps() throws IOException {
        try (RegistryServer site = lockedBelowAnotherRegistry(true)) {
            Path parent = work.resolve("parent");
            String lock = Files.readString(project.resolve("prompd.lock"));

            CliRun install = prompd(parent, "--registry", site.url().toString(), "install", "--frozen");
            CliRun update = prompd(parent, "--registry", site.url().toString(), "update");

            assertTrue(install.err().startsWith("warning: @company/shared@1.0.0 is locked in prompd.lock from "
                    + site.url() + "reg/, and @company now resolves in registry " + site.url() + ", whose copy of it"
                    + " has other bytes;"), install.err());
            assertFalse(Files.exists(parent.resolve("packages/@company/shared@1.0.0/OTHER.md")), "the lock's bytes");
            assertEquals(install.err(), update.err());
            assertEquals(lock, Files.readString(project.resolve("prompd.lock")));
        }
    }

    /**
     * As above, the lock's URL giving other bytes than the lock pins too: the error says both, the registry's copy
     * first, and routing the name back, which reads that URL again, is not the way out it offers.
     */
    @Test
    void aRegistryAtAParentUrlWithOtherBytesAndTheLocksUrlWithOtherBytesTooAreBothSaid() throws IOException {
        try (RegistryServer site = lockedBelowAnotherRegistry(true)) {
            String reg = site.url() + "reg/";
            Files.writeString(new TestRegistry(work.resolve("site/reg")).tarball("@company/shared", "1.0.0"),
                    "not the locked bytes\n");

            CliRun install = CliRun.in(project, work.resolve("parent"), "--registry", site.url().toString(),
                    "install", "--frozen");

            assertEquals(6, install.exitCode(), install.err());
            assertTrue(errorPart(install).startsWith("error: @company/shared@1.0.0 is locked in prompd.lock from " + reg
                    + ", and @company now resolves in registry " + site.url() + ", whose copy of it has other bytes,"
                    + " and integrity check failed for " + reg + "packages/@company/shared/-/shared-1.0.0.tgz:"
                    + " expected sha512-"), install.err());
            assertTrue(install.err().endsWith("\nhint: the lock's URL gives other bytes than prompd.lock pins too, so"
                    + " routing @company back to " + reg + " would not give the locked version either: try again"
                    + " later, and tell that registry's maintainers if it persists"
                    + takeInstead("@company/shared", site.url().toString()).replace("'prompd install'",
                            "'prompd --registry " + site.url() + " install'") + "\n"), install.err());
            assertFalse(site.requests().contains("/packages/@company/shared/-/shared-1.0.0.tgz"),
                    "the copy its index lists with other bytes is not asked for: " + site.requests());
        }
    }

    /**
     * A copy of the lock's registry given for the run, which lists the locked bytes but serves a tampered tarball, with
     * the lock's registry down: the error says the copy's tarball does not match the integrity its index lists, and
     * the hint that the lock's URL could not be reached, not that it gives other bytes, which it never gave.
     */
    @Test
    void aCopyServingOtherBytesThanItListsWithTheLocksRegistryDownSaysTheLocksUrlWasNotReached() throws IOException {
        TestRegistry copy = new TestRegistry(work.resolve("copy")).publish("@company/shared", "1.0.0");
        copy.tamper("@company/shared", "1.0.0");
        company.close();

        CliRun install = CliRun.in(project, work.resolve("offline"), "--registry", copy.fileUrl().toString(),
                "install");

        String copied = copy.fileUrl().toString();
        assertEquals(6, install.exitCode(), install.err());
        assertTrue(errorPart(install).startsWith("error: @company/shared@1.0.0 is locked in prompd.lock from "
                + company.url() + ", and @company now resolves in registry " + copied + ", which is neither the"
                + " registry it was locked from nor one @company is routed to, and whose index lists it with the"
                + " integrity prompd.lock pins but whose tarball of it does not match that integrity: integrity check"
                + " failed for " + copied + "packages/@company/shared/-/shared-1.0.0.tgz: expected sha512-"),
                install.err());
        assertTrue(install.err().contains("; the URL prompd.lock records for @company/shared@1.0.0 failed too: could"
                + " not fetch " + lockedTarball() + ": "), install.err());
        assertTrue(install.err().endsWith("\nhint: registry " + copied + " serves other bytes for"
                + " @company/shared@1.0.0 than its index lists: tell its maintainers; the lock's URL could not be"
                + " reached, so it gave no bytes: once its registry can be reached again, route @company back to "
                + company.url() + " with 'prompd registry add company " + company.url() + " --scope @company'\n"),
                install.err());
    }

    /**
     * A site serving a registry at its root that lacks @company/shared@1.0.0, or has other bytes for it, and another
     * at {@code reg/} below it, which the project's lock is made against.
     */
    private RegistryServer lockedBelowAnotherRegistry(boolean otherBytes) throws IOException {
        Path folder = work.resolve("site");
        new TestRegistry(folder.resolve("reg")).publish("@company/shared", "1.0.0");
        TestRegistry outer = new TestRegistry(folder).publish("@company/shared", "0.9.0");
        if (otherBytes) {
            outer.publish("@company/shared", "1.0.0").addToTarball("@company/shared", "1.0.0", "OTHER.md",
                    "another's".getBytes(StandardCharsets.UTF_8));
        }
        RegistryServer site = RegistryServer.serving(folder);
        Files.delete(project.resolve("prompd.lock"));
        prompd(work.resolve("locker"), "--registry", site.url() + "reg/", "install");
        site.forgetRequests();
        return site;
    }

    /** The tarball URL the lock records for @company/shared@1.0.0, in the company's registry. */
    private String lockedTarball() {
        return company.url() + "packages/@company/shared/-/shared-1.0.0.tgz";
    }

    /** The public registry, as messages name it. */
    private String publicRegistry() {
        return "public (" + publicRegistry.url() + ")";
    }

    /** The end of the ways back: how to take the other registry's package of the name knowingly. */
    private static String takeInstead(String name, String registry) {
        return "; to take " + name + " from registry " + registry + " instead, knowing it may be another's package,"
                + " delete its entry from prompd.lock and run 'prompd install'";
    }

    /** What a run says from its error on, past the lines saying each try again. */
    private static String errorPart(CliRun run) {
        return run.err().substring(Math.max(0, run.err().indexOf("error: ")));
    }
}
