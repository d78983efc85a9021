package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.client.testing.ClosedPort;
import io.prompd.client.testing.RegistryServer;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A tarball URL a registry's {@code index.json} gives outside the registry (a CDN's address of the tarball, a
 * {@code --base-url} build's host), which an install reads only after the registry's own tarball path: the lock records
 * the URL the bytes came from, and a later run judges the entry by it.
 */
class IndexTarballUrlTest {

    private static final String NAME = "@data/csv";

    @TempDir
    Path work;

    TestRegistry registry;
    RegistryServer server;
    /** The registry's root, a folder of the server's, so that a URL can lead out of it with {@code ..}. */
    String root;
    Path project;

    @BeforeEach
    void setUp() throws IOException {
        registry = new TestRegistry(work.resolve("host/reg")).publish(NAME, "1.0.0");
        server = RegistryServer.serving(work.resolve("host"));
        root = server.url() + "reg/";
        project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\"}\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun prompd(String home, String... args) {
        return prompdWith(root, home, args);
    }

    /** prompd with {@code registry} as the default, from $PROMPD_REGISTRY, and no route: as a CI home runs it. */
    private CliRun prompdWith(String registry, String home, String... args) {
        return CliRun.in(project, work.resolve(home), "", java.util.Map.of("PROMPD_REGISTRY", registry), args);
    }

    /**
     * As a registry built with {@code --base-url}: its index gives the tarball of 1.0.0 on a CDN, at {@code path}, its
     * own path lacking it.
     *
     * @return the CDN's URL of the tarball
     */
    private String onACdn(RegistryServer cdn, String path) throws IOException {
        Path copy = work.resolve("cdn").resolve(path);
        Files.createDirectories(copy.getParent());
        Files.move(registry.tarball(NAME, "1.0.0"), copy);
        indexGives(cdn.url() + path);
        return cdn.url() + path;
    }

    private String lockText() throws IOException {
        return Files.readString(project.resolve("prompd.lock"));
    }

    /** The lock as a prompd that recorded no registry wrote it. */
    private String withoutTheRegistry(String lock) {
        return lock.replace("      \"registry\": \"" + root + "\",\n", "");
    }

    /**
     * The default registry, with no route (as $PROMPD_REGISTRY sets it, as CI does), whose index gives its tarballs on
     * a CDN: the lock records that registry beside the CDN's URL, so another home's install, outdated and update take
     * the entry as that registry's, with no route change, and an update to a version at its own path drops the record.
     */
    @Test
    void aDefaultRegistryGivingItsTarballsOnACdnIsRecordedAndNoRouteChangeForLaterRuns() throws IOException {
        try (RegistryServer cdn = RegistryServer.serving(Files.createDirectories(work.resolve("cdn")))) {
            String based = onACdn(cdn, "packages/" + NAME + "/-/csv-1.0.0.tgz");
            assertEquals(0, prompd("home", "install", NAME).exitCode());
            String lock = lockText();
            JsonNode entry = lockedEntry();
            registry.publish(NAME, "1.0.1");

            CliRun teammate = prompd("teammate", "install", "--frozen");
            CliRun outdated = prompd("teammate", "outdated");
            CliRun update = prompd("teammate", "update");

            assertEquals(root, entry.path("registry").asText(), lock);
            assertEquals(based, entry.path("resolved").asText(), lock);
            assertEquals(0, teammate.exitCode(), teammate.err());
            assertTrue(teammate.err().startsWith("warning: " + NAME + "@1.0.0 came from the URL prompd.lock records, "
                    + based + ", with the integrity it pins,"), teammate.err());
            assertFalse(teammate.err().contains("another registry") || teammate.err().contains("locked in"),
                    teammate.err());
            assertEquals(1, outdated.exitCode(), outdated.err());
            assertEquals("", outdated.err());
            assertTrue(outdated.out().contains(NAME + "  1.0.0    1.0.1   1.0.1   direct"), outdated.out());
            assertEquals(0, update.exitCode(), update.err());
            assertEquals("", update.err());
            assertEquals(ownTarball("1.0.1"), locked());
            assertTrue(lockedEntry().path("registry").isMissingNode(), "under the registry's root: " + lockText());
        }
    }

    /**
     * The attack on such a lock: a registry the scope is not routed to lists the locked version with the integrity and
     * the CDN's URL the lock holds, beside a newer version of its own. The lock records the registry whose index gave
     * the entry, which alone speaks for it: a route change back to that registry, told by install --frozen, outdated
     * and update, which keeps the lock.
     */
    @Test
    void anotherRegistryCopyingTheLockedIntegrityAndCdnUrlIsARouteChangeBackToTheRecordedRegistry()
            throws IOException {
        try (RegistryServer cdn = RegistryServer.serving(Files.createDirectories(work.resolve("cdn")))) {
            String based = onACdn(cdn, "packages/" + NAME + "/-/csv-1.0.0.tgz");
            assertEquals(0, prompd("home", "install", NAME).exitCode());
            String lock = lockText();
            TestRegistry copier = new TestRegistry(work.resolve("copier")).publish(NAME, "1.0.0")
                    .publish(NAME, "1.0.1");
            assertEquals(lockedEntry().get("integrity").asText(), Integrity.of(Files.readAllBytes(
                    copier.tarball(NAME, "1.0.0"))).toString(), "the locked bytes");
            indexGivesTarball(copier, NAME, based);
            try (RegistryServer other = RegistryServer.serving(copier.root())) {
                String copy = other.url().toString();

                CliRun install = prompdWith(copy, "ci", "install", "--frozen");
                CliRun outdated = prompdWith(copy, "ci", "outdated");
                CliRun update = prompdWith(copy, "ci", "update");

                String warning = "warning: " + NAME + "@1.0.0 is locked in prompd.lock from " + root + ", and @data"
                        + " now resolves in registry " + copy + ", which lists it with the bytes prompd.lock pins but"
                        + " is neither the registry it was locked from nor one @data is routed to; its versions there"
                        + " may be another's package, so none is offered (route @data back to " + root + " with"
                        + " 'prompd registry add data " + root + " --scope @data';";
                assertEquals(0, install.exitCode(), install.err());
                assertTrue(install.err().startsWith(warning), install.err());
                assertEquals(1, outdated.exitCode(), outdated.err());
                assertTrue(outdated.out().contains("1.0.0 (locked from another registry)  -       -"),
                        outdated.out());
                assertTrue(outdated.err().startsWith(warning), outdated.err());
                assertEquals(0, update.exitCode(), update.err());
                assertTrue(update.err().startsWith(warning), update.err());
                assertEquals(lock, lockText(), "not moved to the copy's package");
            }
        }
    }

    /**
     * A lock an older prompd wrote of such a registry, recording no registry: its URL (a bucket's) names none, and the
     * registry's index gives it, so the entry is taken as that registry's, as before, and an install writing the lock
     * records the registry; --frozen writes nothing.
     */
    @Test
    void anOlderLockOfACdnUrlNamingNoRegistryIsTakenAsTheIndexsAndAnInstallRecordsTheRegistry() throws IOException {
        try (RegistryServer cdn = RegistryServer.serving(Files.createDirectories(work.resolve("cdn")))) {
            String blob = onACdn(cdn, "blobs/csv-1.0.0.tgz");
            assertEquals(0, prompd("home", "install", NAME).exitCode());
            String older = withoutTheRegistry(lockText());
            assertFalse(older.contains("\"registry\""), older);
            Files.writeString(project.resolve("prompd.lock"), older);

            CliRun frozen = prompd("frozen", "install", "--frozen");
            String afterFrozen = lockText();
            CliRun install = prompd("teammate", "install");

            assertEquals(0, frozen.exitCode(), frozen.err());
            assertFalse(frozen.err().contains("locked in prompd.lock from"), frozen.err());
            assertEquals(older, afterFrozen, "--frozen writes nothing");
            assertEquals(0, install.exitCode(), install.err());
            assertFalse(install.err().contains("locked in prompd.lock from"), install.err());
            assertEquals(blob, locked());
            assertEquals(root, lockedEntry().path("registry").asText(), lockText());
        }
    }

    /**
     * An older prompd's entry at the layout's tarball path of another root names that root's registry, as every entry
     * this prompd writes without a registry does: the default registry giving that URL in its index does not make it
     * its own, else any registry copying a lock's URL would take its packages over.
     */
    @Test
    void anOlderLockOfACdnUrlAtTheLayoutsPathIsARouteChange() throws IOException {
        try (RegistryServer cdn = RegistryServer.serving(Files.createDirectories(work.resolve("cdn")))) {
            onACdn(cdn, "packages/" + NAME + "/-/csv-1.0.0.tgz");
            assertEquals(0, prompd("home", "install", NAME).exitCode());
            Files.writeString(project.resolve("prompd.lock"), withoutTheRegistry(lockText()));

            CliRun install = prompd("teammate", "install");

            assertEquals(0, install.exitCode(), install.err());
            assertTrue(install.err().startsWith("warning: " + NAME + "@1.0.0 is locked in prompd.lock from " + cdn.url()
                    + ", and @data now resolves in registry " + root + ", which lists it with the bytes prompd.lock"
                    + " pins"), install.err());
        }
    }

    /**
     * A mirror of the registry, a clone built with {@code --base-url} of the registry's URL, so that its index gives
     * the registry's tarball URLs, and routed the scope: an install of another package records the mirror on the
     * locked entry it read from that index, and the change line says so, as it says what else changed of an entry kept
     * at its version, rather than an empty {@code ()}; {@code --json}'s {@code differing} names it.
     */
    @Test
    void aBaseUrlMirrorRoutedTheScopeIsRecordedOnTheLockedEntryAndTheChangeLineSaysSo() throws IOException {
        assertEquals(0, prompd("home", "install", NAME).exitCode());
        TestRegistry copy = new TestRegistry(work.resolve("host/mirror")).publish(NAME, "1.0.0")
                .publish("@data/tsv", "1.0.0");
        indexGivesTarball(copy, NAME, ownTarball("1.0.0"));
        String mirror = server.url() + "mirror/";
        Path offline = work.resolve("offline");
        assertEquals(0, CliRun.in(project, offline, "registry", "add", "mirror", mirror, "--default", "--scope",
                "@data").exitCode());
        String lock = lockText();

        CliRun install = CliRun.in(project, offline, "install", "@data/tsv");
        Files.writeString(project.resolve("prompd.lock"), lock);
        CliRun json = CliRun.in(project, offline, "install", "@data/tsv", "--json");

        assertEquals(0, install.exitCode(), install.err());
        assertEquals(mirror, lockedEntry().path("registry").asText(), lockText());
        assertTrue(install.out().contains("\n  ~ " + NAME + "@1.0.0 (registry recorded: " + mirror + ")\n"),
                install.out());
        JsonNode changes = Json.reader().readTree(json.out()).get("lockChanges");
        assertEquals("[{\"after\":\"1.0.0\",\"before\":\"1.0.0\",\"differing\":[\"registry\"],\"name\":\"" + NAME
                + "\"},{\"after\":\"1.0.0\",\"differing\":[],\"name\":\"@data/tsv\"}]", changes.toString());
    }

    private String ownTarball(String version) {
        return root + "packages/" + NAME + "/-/csv-" + version + ".tgz";
    }

    /** The registry's index names the tarball of 1.0.0 at this URL rather than its own path. */
    private void indexGives(String tarball) throws IOException {
        indexGivesTarball(NAME, tarball);
    }

    /** The registry's index names the tarball of the package's 1.0.0 at this URL rather than its own path. */
    private void indexGivesTarball(String name, String tarball) throws IOException {
        indexGivesTarball(registry, name, tarball);
    }

    /** The index of {@code in} names the tarball of the package's 1.0.0 at this URL. */
    private static void indexGivesTarball(TestRegistry in, String name, String tarball) throws IOException {
        Path index = in.root().resolve("packages/" + name + "/index.json");
        ObjectNode packument = (ObjectNode) Json.reader().readTree(Files.readAllBytes(index));
        ((ObjectNode) packument.at("/versions/1.0.0/dist")).put("tarball", tarball);
        Files.write(index, Json.write(packument));
    }

    /** A CDN serving other bytes of 1.0.0 at the URL the registry's index gives, its own path lacking the tarball. */
    private RegistryServer cdnGivingOtherBytes() throws IOException {
        Path blobs = Files.createDirectories(work.resolve("cdn/blobs"));
        Files.move(registry.tarball(NAME, "1.0.0"), blobs.resolve("8f3a2c"));
        byte[] tampered = Files.readAllBytes(blobs.resolve("8f3a2c"));
        tampered[tampered.length / 2] ^= 0x20;
        Files.write(blobs.resolve("8f3a2c"), tampered);
        RegistryServer cdn = RegistryServer.serving(work.resolve("cdn"));
        indexGives(cdn.url() + "blobs/8f3a2c");
        return cdn;
    }

    private String locked() throws IOException {
        return lockedEntry().get("resolved").asText();
    }

    /** The lock's entry of the package. */
    private JsonNode lockedEntry() throws IOException {
        JsonNode lock = Json.reader().readTree(Files.readAllBytes(project.resolve("prompd.lock")));
        return lock.at("/packages/" + NAME.replace("/", "~1"));
    }

    private void assertLocksTheOwnPathItCameFrom(String indexed) throws IOException {
        indexGives(indexed);

        CliRun install = prompd("home", "install", NAME);

        assertEquals(0, install.exitCode(), install.err());
        assertEquals("", install.err());
        assertTrue(server.requests().contains("/reg/packages/" + NAME + "/-/csv-1.0.0.tgz"),
                server.requests().toString());
        assertEquals(ownTarball("1.0.0"), locked(), "the URL the bytes came from, not " + indexed);
    }

    @Test
    void aCdnUrlNothingAnswersAtIsNotLockedAndTheRegistryMovingOnIsNoRouteChangeNorAnEdit() throws IOException {
        assertLocksTheOwnPathItCameFrom("http://127.0.0.1:" + ClosedPort.find() + "/blobs/8f3a2c");
        registry.publish(NAME, "1.0.1").unlist(NAME, "1.0.0");

        CliRun outdated = prompd("teammate", "outdated");
        CliRun update = prompd("teammate", "update");

        assertEquals(1, outdated.exitCode(), outdated.err());
        assertFalse(outdated.err().contains("edited"), outdated.err());
        assertFalse(outdated.err().contains("another's package"), outdated.err());
        assertTrue(outdated.out().contains("1.0.1"), "the registry's newer version is offered: " + outdated.out());
        assertEquals(0, update.exitCode(), update.err());
        assertEquals(ownTarball("1.0.1"), locked());
    }

    @Test
    void aFileUrlFromARegistryOnTheNetworkIsNotLocked() throws IOException {
        assertLocksTheOwnPathItCameFrom("file:///etc/passwd");
    }

    @Test
    void aUrlLeadingOutOfTheRegistryIsNotLocked() throws IOException {
        assertLocksTheOwnPathItCameFrom(root + "../other/x.tgz");
    }

    /**
     * The CDN's URL gave the bytes, as the registry's own path lacked them, so the lock records it, and the registry
     * whose index gave it; once the registry no longer lists the version, the version is one it unlisted. An older
     * prompd's entry, without the registry, names none to route back to by its URL, which is said without calling the
     * entry, an install's own, an edit. A URL addressing the tarball by its query is named with it, as the lock records
     * it, where it read {@code /dl?…}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"blobs/8f3a2c", "dl?f=blobs/8f3a2c"})
    void aCdnUrlThatGaveTheBytesIsLockedAndOnceTheVersionIsUnlistedNotCalledAnEdit(String path) throws IOException {
        Path blobs = Files.createDirectories(work.resolve("cdn/blobs"));
        Files.move(registry.tarball(NAME, "1.0.0"), blobs.resolve("8f3a2c"));
        try (RegistryServer cdn = RegistryServer.serving(work.resolve("cdn")).addressingByQuery("/dl")) {
            String blob = cdn.url() + path;
            indexGives(blob);

            CliRun install = prompd("home", "install", NAME);
            assertEquals(0, install.exitCode(), install.err());
            assertEquals(blob, locked());
            assertEquals(root, lockedEntry().path("registry").asText(), "the registry whose index gave it");
            // unlisting deletes the version's tarball, as a registry's build leaves none of it
            Files.copy(blobs.resolve("8f3a2c"), registry.tarball(NAME, "1.0.0"));
            registry.publish(NAME, "1.0.1").unlist(NAME, "1.0.0");

            CliRun unlisted = prompd("home", "outdated");
            Path lock = project.resolve("prompd.lock");
            Files.writeString(lock, Files.readString(lock).replace("      \"registry\": \"" + root + "\",\n", ""));
            CliRun outdated = prompd("home", "outdated");

            assertEquals("warning: " + NAME + "@1.0.0 is no longer listed by its registry (it can no longer be"
                    + " downloaded; 'prompd update " + NAME + "' moves off it)\n", unlisted.err());
            assertTrue(outdated.err().contains(NAME + "@1.0.0 is locked in prompd.lock from " + blob + ", and"),
                    outdated.err());
            assertTrue(outdated.err().contains("(" + blob + " is no registry's tarball path, so it names no registry"
                    + " to route @data back to: unless a registry's index gave that URL for " + NAME + "@1.0.0, find"
                    + " out who edited that entry before you trust it;"), outdated.err());
        }
    }

    /**
     * A pre-signed URL the registry's index gives, its signature in the query: the lock records it without the
     * signature (and a token), which may be a secret, as a credential never is, whether the bytes were downloaded or
     * were at hand; a later install from that lock, on a fresh machine, reads the index's URL with its query, and the
     * warnings name the URL read as the lock records it, without its signature.
     */
    @Test
    void aPreSignedUrlIsLockedWithoutItsQueryAndALaterInstallStillReadsIt() throws IOException {
        String query = "X-Amz-Signature=SECRET&token=T";
        Path blobs = Files.createDirectories(work.resolve("cdn/blobs"));
        Files.move(registry.tarball(NAME, "1.0.0"), blobs.resolve("csv-1.0.0.tgz"));
        try (RegistryServer cdn = RegistryServer.serving(work.resolve("cdn")).requireQuery(query)) {
            String blob = cdn.url() + "blobs/csv-1.0.0.tgz";
            indexGives(blob + "?" + query + "#part");

            CliRun install = prompd("home", "install", NAME);
            assertEquals(0, install.exitCode(), install.err());
            assertEquals(blob, locked());
            Files.delete(project.resolve("prompd.lock"));
            CliRun atHand = prompd("home", "install");
            CliRun teammate = prompd("teammate", "install", "--frozen");

            assertEquals(0, atHand.exitCode(), atHand.err());
            assertEquals(blob, locked(), "the lock of a version at hand");
            assertFalse(Files.readString(project.resolve("prompd.lock")).contains("SECRET"));
            assertEquals(0, teammate.exitCode(), teammate.err());
            assertTrue(teammate.out().contains("1 downloaded"), teammate.out());
            assertFalse(teammate.err().contains("SECRET"), teammate.err());
            assertTrue(install.err().contains(", " + blob + ", with the integrity the index lists"), install.err());
            assertFalse(install.err().contains("SECRET"), install.err());
            assertTrue(teammate.err().contains(" came from the URL prompd.lock records, " + blob + ", with"),
                    teammate.err());
        }
    }

    /**
     * info --json gave the tarball URL with the index's whole query, a pre-signed URL's signature and a token too,
     * where the lock, the messages and info's text keep only the parameters that address a file: it gives it so too.
     */
    @Test
    void infoGivesATarballUrlWithOnlyTheQueryParametersThatAddressAFileAsTheLockDoes() throws IOException {
        String dl = server.url() + "dl";
        String tarball = dl + "?X-Amz-Signature=QSECRET1&token=QSECRET2&f=csv-1.0.0.tgz#QSECRET3";
        indexGives(tarball);
        // the version's own document, which info reads, agrees with the index, as a --base-url build writes both
        Path document = registry.root().resolve("packages/" + NAME + "/1.0.0.json");
        ObjectNode version = (ObjectNode) Json.reader().readTree(Files.readAllBytes(document));
        ((ObjectNode) version.get("dist")).put("tarball", tarball);
        Files.write(document, Json.write(version));

        CliRun text = prompd("home", "info", NAME + "@1.0.0");
        CliRun json = prompd("home", "info", NAME + "@1.0.0", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(text.out().contains("\ntarball: " + dl + "?f=csv-1.0.0.tgz ("), text.out());
        assertEquals(dl + "?f=csv-1.0.0.tgz", Json.reader().readTree(json.out()).at("/dist/tarball").asText());
        assertFalse((text.out() + text.err() + json.out() + json.err()).contains("QSECRET"), json.out());
    }

    /**
     * Tarballs a download script addresses by their query, {@code /dl?f=…}: the lock recorded {@code /dl} alone for
     * each, the warnings named it as the URL the bytes came from, never read, and an install from the lock alone (the
     * name now resolving in a registry without the package) read it, to no avail. The lock keeps the query, and the
     * warnings name the URL read with it, where each read {@code /dl?…}, the same for every package.
     */
    @Test
    void tarballsAddressedByTheirQueryAreLockedWithItAndReadAtIt() throws IOException {
        registry.publish("@data/json", "1.0.0");
        Path blobs = Files.createDirectories(work.resolve("cdn/packages/" + NAME + "/-"));
        Files.move(registry.tarball(NAME, "1.0.0"), blobs.resolve("csv-1.0.0.tgz"));
        try (RegistryServer cdn = RegistryServer.serving(work.resolve("cdn")).addressingByQuery("/dl")) {
            String csv = cdn.url() + "dl?f=packages/" + NAME + "/-/csv-1.0.0.tgz";
            String json = cdn.url() + "dl?f=packages/@data/json/-/json-1.0.0.tgz";
            Files.move(registry.tarball("@data/json", "1.0.0"), Files.createDirectories(
                    work.resolve("cdn/packages/@data/json/-")).resolve("json-1.0.0.tgz"));
            indexGives(csv);
            indexGivesTarball("@data/json", json);

            CliRun install = prompd("home", "install", NAME, "@data/json", "--json");
            cdn.forgetRequests();
            CliRun fromTheLock = CliRun.in(project, work.resolve("teammate"), "", java.util.Map.of("PROMPD_REGISTRY",
                    new TestRegistry(work.resolve("other")).publish("@data/xml", "1.0.0").fileUrl().toString()),
                    "install", "--frozen");

            assertEquals(0, install.exitCode(), install.err());
            assertEquals(csv, locked());
            assertEquals(json, Json.reader().readTree(Files.readAllBytes(project.resolve("prompd.lock")))
                    .at("/packages/@data~1json/resolved").asText());
            JsonNode warnings = Json.reader().readTree(install.out()).get("warnings");
            assertEquals(csv, warnings.get(0).get("url").asText(), "the URL read, as locked");
            assertEquals(json, warnings.get(1).get("url").asText());
            assertTrue(install.err().contains(" came from the URL the index of registry " + root + " gives for it, "
                    + json + ", with"), install.err());
            assertEquals(0, fromTheLock.exitCode(), fromTheLock.err());
            assertEquals(List.of("/packages/" + NAME + "/-/csv-1.0.0.tgz", "/packages/@data/json/-/json-1.0.0.tgz"),
                    cdn.requests().stream().sorted().toList(), "each at its query");
        }
    }

    /**
     * A download script serving the tarball of 1.0.0 at {@code /dl?QUERY} alone, {@code QUERY} beginning with its
     * {@code f}, which the registry's index gives as its tarball.
     */
    private RegistryServer servingOnlyAt(String query) throws IOException {
        Path blobs = Files.createDirectories(work.resolve("cdn/packages/" + NAME + "/-"));
        Files.move(registry.tarball(NAME, "1.0.0"), blobs.resolve("csv-1.0.0.tgz"));
        RegistryServer cdn = RegistryServer.serving(work.resolve("cdn")).addressingByQuery("/dl").requireQuery(query);
        indexGives(cdn.url() + "dl?" + query);
        return cdn;
    }

    /**
     * A tarball addressed by its query, a credential after it in a spelling of its host's ({@code access-token} rather
     * than {@code access_token}): the lock committed the credential, and the warnings showed it. Neither holds any of
     * them now, and the tarball is read at the index's URL with them.
     */
    @Test
    void aCredentialInAnySpellingIsNeitherLockedNorShown() throws IOException {
        String query = "f=packages/" + NAME + "/-/csv-1.0.0.tgz&access-token=SECRET1&accessToken=SECRET2"
                + "&client-secret=SECRET3&Private-Token=SECRET4&X-Api-Key=SECRET5&api_token=SECRET6"
                + "&session_token=SECRET7&sas_token=SECRET8&jwt=SECRET9&bearer=SECRET10&authorization=SECRET11";
        try (RegistryServer cdn = servingOnlyAt(query)) {

            CliRun install = prompd("home", "install", NAME, "--json");

            assertEquals(0, install.exitCode(), install.err());
            assertEquals(cdn.url() + "dl?f=packages/" + NAME + "/-/csv-1.0.0.tgz", locked());
            assertFalse(Files.readString(project.resolve("prompd.lock")).contains("SECRET"));
            assertFalse(install.out().contains("SECRET"), install.out());
            assertFalse(install.err().contains("SECRET"), install.err());
        }
    }

    /**
     * Credentials whose names no list held: the lock committed them. It records only the parameters known to address a
     * file, names those it left out in a warning, never their values, and an install from the lock reads the tarball at
     * the index's URL with them all.
     */
    @Test
    void aParameterNotKnownToAddressAFileIsNotLockedAndTheWarningNamesIt() throws IOException {
        String query = "f=packages/" + NAME + "/-/csv-1.0.0.tgz&subscription-key=SECRETA&sign=SECRETB"
                + "&key=AIzaSECRETC&accessKeyId=AKIAID&sess=SECRETE&X-Amz-Signature=SECRETF";
        try (RegistryServer cdn = servingOnlyAt(query)) {

            CliRun install = prompd("home", "install", NAME, "--json");
            CliRun fromTheLock = prompd("teammate", "install", "--frozen");

            assertEquals(0, install.exitCode(), install.err());
            assertEquals(cdn.url() + "dl?f=packages/" + NAME + "/-/csv-1.0.0.tgz", locked());
            String lock = Files.readString(project.resolve("prompd.lock"));
            assertFalse(lock.contains("SECRET") || lock.contains("AKIAID"), lock);
            assertFalse(install.out().contains("SECRET") || install.out().contains("AKIAID"), install.out());
            assertFalse(install.err().contains("SECRET") || install.err().contains("AKIAID"), install.err());
            JsonNode leftOut = null;
            for (JsonNode warning : Json.reader().readTree(install.out()).get("warnings")) {
                leftOut = "queryLeftOut".equals(warning.get("kind").asText()) ? warning : leftOut;
            }
            assertEquals(Json.reader().readTree("""
                    {"kind": "queryLeftOut", "name": "%s", "version": "1.0.0",
                     "parameters": ["subscription-key", "sign", "key", "accessKeyId", "sess"]}""".formatted(NAME)),
                    ((ObjectNode) leftOut.deepCopy()).without("message"));
            assertTrue(install.err().contains("warning: prompd.lock records the tarball URL of " + NAME + "@1.0.0"
                    + " without its query parameters subscription-key, sign, key, accessKeyId and sess: it keeps only"
                    + " those known to address a file"), install.err());
            assertEquals(0, fromTheLock.exitCode(), fromTheLock.err());
            assertFalse(fromTheLock.err().contains("queryLeftOut") || fromTheLock.err().contains("without its query"),
                    "told once, when the lock first records the URL: " + fromTheLock.err());
        }
    }

    /**
     * A lock an older prompd wrote of tarballs addressed by their query, each recorded as the bare {@code /dl}: the
     * new form of the lock never equalled it, so the bare {@code /dl} was read, to no avail, and install, install
     * --frozen and update failed. Each entry stands for the URL the index gives, read in its place; --frozen leaves the
     * lock as it is, and a run writing the lock records the query.
     */
    @Test
    void aLockAnOlderPrompdWroteWithoutTheQueryStillInstallsAndIsRewrittenWithIt() throws IOException {
        registry.publish("@data/json", "1.0.0");
        for (String name : List.of(NAME, "@data/json")) {
            Path blobs = Files.createDirectories(work.resolve("cdn/packages/" + name + "/-"));
            Files.move(registry.tarball(name, "1.0.0"), blobs.resolve(name.substring(6) + "-1.0.0.tgz"));
        }
        try (RegistryServer cdn = RegistryServer.serving(work.resolve("cdn")).addressingByQuery("/dl")) {
            String csv = cdn.url() + "dl?f=packages/" + NAME + "/-/csv-1.0.0.tgz";
            String json = cdn.url() + "dl?f=packages/@data/json/-/json-1.0.0.tgz";
            indexGives(csv);
            indexGivesTarball("@data/json", json);
            assertEquals(0, prompd("home", "install", NAME, "@data/json").exitCode());
            Path lock = project.resolve("prompd.lock");
            String older = Files.readString(lock).replace(csv, cdn.url() + "dl").replace(json, cdn.url() + "dl");
            Files.writeString(lock, older);

            CliRun frozen = prompd("frozen", "install", "--frozen");
            String afterFrozen = Files.readString(lock);
            CliRun install = prompd("teammate", "install");
            String afterInstall = Files.readString(lock);
            Files.writeString(lock, older);
            CliRun update = prompd("updating", "update");

            assertEquals(0, frozen.exitCode(), frozen.err());
            assertTrue(frozen.out().contains("2 downloaded"), frozen.out());
            assertEquals(older, afterFrozen, "--frozen writes nothing");
            assertEquals(0, install.exitCode(), install.err());
            assertTrue(install.out().contains("2 downloaded"), install.out());
            assertTrue(install.out().contains("  ~ " + NAME + "@1.0.0 (tarball URL)\n"), install.out());
            assertTrue(install.err().startsWith("warning: " + NAME + "@1.0.0 came from the URL prompd.lock records, "),
                    "the lock recorded it, in its older form: " + install.err());
            assertEquals(0, update.exitCode(), update.err());
            assertEquals(csv, locked());
            assertEquals(json, Json.reader().readTree(Files.readAllBytes(lock)).at("/packages/@data~1json/resolved")
                    .asText());
            assertEquals(Files.readString(lock), afterInstall, "install records the query as update does");
        }
    }

    /**
     * A lock entry edited to another tarball path of the registry, while its index gives the version's tarball at a URL
     * addressing it by its query: the failures name that URL as the lock would record it, where they read
     * {@code /dl?…}.
     */
    @Test
    void anEditedEntryIsToldFromTheUrlAddressedByItsQueryThatTheIndexGives() throws IOException {
        registry.publish(NAME, "1.0.1");
        Path blobs = Files.createDirectories(work.resolve("cdn/blobs"));
        Files.move(registry.tarball(NAME, "1.0.0"), blobs.resolve("csv-1.0.0.tgz"));
        try (RegistryServer cdn = RegistryServer.serving(work.resolve("cdn")).addressingByQuery("/dl")) {
            String csv = cdn.url() + "dl?f=blobs/csv-1.0.0.tgz";
            indexGives(csv);
            assertEquals(0, prompd("home", "install", NAME + "@1.0.0").exitCode());
            Path lock = project.resolve("prompd.lock");
            String installed = Files.readString(lock);

            Files.writeString(lock, installed.replace(csv, ownTarball("1.0.1")));
            CliRun otherBytes = prompd("teammate", "install");
            Files.writeString(lock, installed.replace(csv, ownTarball("1.0.2")));
            CliRun none = prompd("other", "install");

            assertEquals(6, otherBytes.exitCode(), otherBytes.err());
            assertTrue(otherBytes.err().contains("prompd.lock's resolved URL " + ownTarball("1.0.1") + " is not the"
                    + " registry's tarball of that version, " + csv + "\n"), otherBytes.err());
            assertEquals(3, none.exitCode(), none.err());
            assertTrue(none.err().contains("), and it is not the registry's tarball of that version, " + csv + "\n"),
                    none.err());
        }
    }

    /**
     * A registry whose own tarball path is served only pre-signed, as from a bucket: the index's URL, the registry's
     * own tarball with a query, is read at once as the registry's, and recorded without its signature, with no
     * warning.
     */
    @Test
    void aPreSignedUrlOfTheRegistrysOwnTarballIsReadAsTheRegistrys() throws IOException {
        String query = "X-Amz-Signature=SECRET";
        server.requireQuery(query);
        indexGives(ownTarball("1.0.0") + "?" + query);

        CliRun install = prompd("home", "install", NAME);
        CliRun teammate = prompd("teammate", "install", "--frozen");

        assertEquals(0, install.exitCode(), install.err());
        assertEquals("", install.err());
        assertEquals(ownTarball("1.0.0"), locked());
        assertEquals(0, teammate.exitCode(), teammate.err());
        assertEquals("", teammate.err());
    }

    /**
     * The registry addressing the tarball of 1.0.0 by a query below its URL, with none at the layout's path: the URL
     * its index gives.
     */
    private String addressedByItsQuery() throws IOException {
        Path files = Files.createDirectories(work.resolve("host/files"));
        Files.move(registry.tarball(NAME, "1.0.0"), files.resolve("csv-1.0.0.tgz"));
        server.addressingByQuery("/reg/dl");
        String tarball = root + "dl?f=files/csv-1.0.0.tgz";
        indexGives(tarball);
        return tarball;
    }

    /**
     * A registry addressing its tarballs by a query below its URL ({@code /dl?f=…}), serving none at the layout's
     * path: the URL its index gives is its own tarball, read at once with its credentials and no warning, by an
     * install resolving the version and by one from the lock with nothing at hand, --frozen too. The layout's path was
     * tried first, and the lock's URL taken for another registry's, so that each install from the lock warned of each
     * version that the registry failed to give it.
     */
    @Test
    void aRegistryAddressingItsTarballsByTheirQueryGivesThemAsItsOwnWithNoWarning() throws IOException {
        String tarball = addressedByItsQuery();

        CliRun install = prompd("home", "install", NAME);
        CliRun teammate = prompd("teammate", "install");
        CliRun frozen = prompd("frozen", "install", "--frozen");

        assertEquals(0, install.exitCode(), install.err());
        assertEquals("", install.err());
        assertEquals(tarball, locked());
        assertEquals(0, teammate.exitCode(), teammate.err());
        assertEquals("", teammate.err());
        assertTrue(teammate.out().contains("1 downloaded"), teammate.out());
        assertEquals(0, frozen.exitCode(), frozen.err());
        assertEquals("", frozen.err());
        assertFalse(server.requests().contains("/reg/packages/" + NAME + "/-/csv-1.0.0.tgz"),
                "the layout's path is not asked first: " + server.requests());
    }

    /**
     * Such a registry listing other bytes for a version at the URL the lock records: it changed a published version
     * of its own, as at its layout's path, not taken for a route change whose registry may hold another's package.
     */
    @Test
    void aRegistryAddressingItsTarballsByTheirQueryChangingAVersionIsNoRouteChange() throws IOException {
        addressedByItsQuery();
        assertEquals(0, prompd("home", "install", NAME).exitCode());
        Path index = registry.root().resolve("packages/" + NAME + "/index.json");
        ObjectNode packument = (ObjectNode) Json.reader().readTree(Files.readAllBytes(index));
        String listed = Integrity.of("republished".getBytes(StandardCharsets.UTF_8)).toString();
        ((ObjectNode) packument.at("/versions/1.0.0/dist")).put("integrity", listed);
        Files.write(index, Json.write(packument));

        CliRun teammate = prompd("teammate", "install");

        assertEquals(6, teammate.exitCode(), teammate.err());
        assertTrue(teammate.err().startsWith("error: integrity check failed for " + NAME + "@1.0.0: prompd.lock"
                + " records "), teammate.err());
        assertTrue(teammate.err().contains(", and the registry's index.json " + listed + "\n"), teammate.err());
    }

    /**
     * As with a registry built with {@code --base-url} whose host lacks a tarball its base URL serves: with no lock,
     * the URL came from the registry's index, which the warning names; the lock then records it, and a later install
     * from the lock names the lock.
     */
    @Test
    void aBaseUrlGivingWhatTheRegistrysOwnPathLacksIsSaidToComeFromItsIndexThenFromTheLock() throws IOException {
        Path copy = Files.createDirectories(work.resolve("cdn/packages/" + NAME + "/-"));
        Files.move(registry.tarball(NAME, "1.0.0"), copy.resolve("csv-1.0.0.tgz"));
        try (RegistryServer cdn = RegistryServer.serving(work.resolve("cdn"))) {
            String based = cdn.url() + "packages/" + NAME + "/-/csv-1.0.0.tgz";
            indexGives(based);

            CliRun install = prompd("home", "install", NAME, "--json");
            CliRun teammate = prompd("teammate", "install", "--json");

            assertEquals(0, install.exitCode(), install.err());
            JsonNode warning = Json.reader().readTree(install.out()).get("warnings").get(0);
            assertEquals("fromIndexUrl", warning.get("kind").asText());
            assertEquals(based, warning.get("url").asText());
            assertEquals(root, warning.get("resolvesIn").get("url").asText());
            assertEquals("warning: " + NAME + "@1.0.0 came from the URL the index of registry " + root + " gives for"
                    + " it, " + based + ", with the integrity the index lists, as the registry failed to give it at"
                    + " its own tarball path: not found in the registry: " + ownTarball("1.0.0") + "\n", install.err());
            assertEquals(based, locked(), "where the bytes came from");
            assertEquals(0, teammate.exitCode(), teammate.err());
            assertEquals("fromLockedUrl", Json.reader().readTree(teammate.out()).get("warnings").get(0).get("kind")
                    .asText());
            assertTrue(teammate.err().startsWith("warning: " + NAME + "@1.0.0 came from the URL prompd.lock records, "
                    + based + ", with the integrity it pins,"), teammate.err());
        }
    }

    /**
     * A run failing on one version (other bytes than locked) after the lock's URL gave another in the registry's place
     * still warns of that, before its error, and in --json beside it: an install, or an uninstall, which installs the
     * versions left.
     */
    @ParameterizedTest
    @ValueSource(strings = {"install", "uninstall @data/xml"})
    void aFailingRunStillWarnsOfAVersionTheLocksUrlGave(String command) throws IOException {
        registry.publish("@data/json", "1.0.0").publish("@data/xml", "1.0.0");
        Path copy = Files.createDirectories(work.resolve("cdn/packages/" + NAME + "/-"));
        Files.move(registry.tarball(NAME, "1.0.0"), copy.resolve("csv-1.0.0.tgz"));
        try (RegistryServer cdn = RegistryServer.serving(work.resolve("cdn"))) {
            String based = cdn.url() + "packages/" + NAME + "/-/csv-1.0.0.tgz";
            indexGives(based);
            assertEquals(0, prompd("home", "install", NAME, "@data/json", "@data/xml").exitCode());
            registry.tamper("@data/json", "1.0.0");

            CliRun teammate = prompd("teammate", command.split(" "));
            CliRun scripted = prompd("script", (command + " --json").split(" "));

            assertEquals(6, teammate.exitCode(), teammate.err());
            assertTrue(teammate.err().startsWith("warning: " + NAME + "@1.0.0 came from the URL prompd.lock records, "
                    + based + ", with the integrity it pins,"), teammate.err());
            assertTrue(teammate.err().contains("\nerror: integrity check failed for "), teammate.err());
            assertEquals(6, scripted.exitCode(), scripted.err());
            JsonNode failed = Json.reader().readTree(scripted.out());
            assertFalse(failed.get("ok").asBoolean());
            assertEquals(6, failed.get("error").get("exitCode").asInt());
            assertEquals("fromLockedUrl", failed.get("warnings").get(0).get("kind").asText());
        }
    }

    /**
     * The warnings of a failing run's downloads came in the order the parallel downloads ended, another each run:
     * they come in the order of the versions, as a run that succeeds gives them, on stderr and in --json. The CDN
     * answers the first name last here, and the version that fails is the last one awaited.
     */
    @Test
    void aFailingRunWarnsOfTheVersionsItGotInTheirOrderNotTheOrderTheirDownloadsEnded() throws IOException {
        List<String> names = List.of("@data/a", "@data/b", "@data/c");
        for (String name : names) {
            registry.publish(name, "1.0.0");
            Path copy = Files.createDirectories(work.resolve("cdn/packages/" + name + "/-"));
            Files.move(registry.tarball(name, "1.0.0"), copy.resolve(name.substring(6) + "-1.0.0.tgz"));
        }
        registry.publish("@data/zz", "1.0.0");
        try (RegistryServer cdn = RegistryServer.serving(work.resolve("cdn"))) {
            for (String name : names) {
                indexGivesTarball(name, cdn.url() + "packages/" + name + "/-/" + name.substring(6) + "-1.0.0.tgz");
            }
            assertEquals(0, prompd("home", "install", "@data/a", "@data/b", "@data/c", "@data/zz").exitCode());
            registry.tamper("@data/zz", "1.0.0");
            // @data/a answered last, @data/c first
            cdn.onRequest(path -> RegistryServer.sleep(Duration.ofMillis(path.contains("/@data/a/") ? 600
                    : path.contains("/@data/b/") ? 300 : 0)));

            CliRun failing = prompd("teammate", "install");
            CliRun scripted = prompd("script", "install", "--json");

            assertEquals(6, failing.exitCode(), failing.err());
            assertEquals(names, failing.err().lines().filter(line -> line.startsWith("warning: "))
                    .map(line -> line.substring(9, line.indexOf('@', 10))).toList(), failing.err());
            assertEquals(6, scripted.exitCode(), scripted.err());
            List<String> warned = new ArrayList<>();
            Json.reader().readTree(scripted.out()).get("warnings").forEach(one -> warned.add(one.get("name").asText()));
            assertEquals(names, warned, scripted.out());
        }
    }

    /**
     * A registry at a path with a letter outside ASCII, its index (built with that letter in --base-url) naming its
     * tarballs with the letter raw: they are asked for as curl sends them, and locked so, where their raw bytes were
     * sent, which the server read as other characters (404).
     */
    @Test
    void anIndexsTarballUrlWithALetterOutsideAsciiIsFetchedAndLockedEscaped() throws IOException {
        Files.createSymbolicLink(work.resolve("host/r\u00e9gistry"), registry.root());
        indexGives(server.url() + "r\u00e9gistry/packages/" + NAME + "/-/csv-1.0.0.tgz");

        CliRun install = CliRun.in(project, work.resolve("home"), "", java.util.Map.of("PROMPD_REGISTRY",
                server.url() + "r\u00e9gistry/"), "install", NAME);

        assertEquals(0, install.exitCode(), install.err());
        assertEquals("", install.err());
        assertEquals(server.url() + "r%C3%A9gistry/packages/" + NAME + "/-/csv-1.0.0.tgz", locked());
    }

    /** A lock, written by hand or by an older prompd, holding the raw spelling of the registry's URL: the same URL. */
    @Test
    void aLockedUrlWithALetterOutsideAsciiIsTheRegistrysTarballEscaped() throws IOException {
        Files.createSymbolicLink(work.resolve("host/r\u00e9gistry"), registry.root());
        String escaped = server.url() + "r%C3%A9gistry/";
        java.util.Map<String, String> registryVariable = java.util.Map.of("PROMPD_REGISTRY", escaped);
        assertEquals(0, CliRun.in(project, work.resolve("home"), "", registryVariable, "install", NAME).exitCode());
        Path lock = project.resolve("prompd.lock");
        Files.writeString(lock, Files.readString(lock).replace("r%C3%A9gistry", "r\u00e9gistry"));

        CliRun teammate = CliRun.in(project, work.resolve("teammate"), "", registryVariable, "install");

        assertEquals(0, teammate.exitCode(), teammate.err());
        assertEquals("", teammate.err());
        assertTrue(teammate.out().contains("1 downloaded"), teammate.out());
    }

    /** The registry's folder and the index's URL each lack the tarball: one file not found, one hint to check it. */
    @Test
    void aTarballNeitherTheFolderNorTheIndexsUrlHasGivesItsHintOnce() throws IOException {
        Files.delete(registry.tarball(NAME, "1.0.0"));
        indexGives(server.url() + "blobs/csv-1.0.0.tgz");

        CliRun install = CliRun.in(project, work.resolve("home"), "", java.util.Map.of("PROMPD_REGISTRY",
                registry.root().toUri().toString()), "install", NAME);

        assertEquals(3, install.exitCode(), install.err());
        assertTrue(install.err().contains("failed too: not found in the registry: " + server.url()
                + "blobs/csv-1.0.0.tgz"), install.err());
        assertTrue(install.err().endsWith("\nhint: check the package name and version, and the registry folder\n"),
                install.err());
    }

    @Test
    void aBaseUrlFailingTooWithNoLockIsSaidToBeTheIndexsUrl() throws IOException {
        Files.delete(registry.tarball(NAME, "1.0.0"));
        String based = "http://127.0.0.1:" + ClosedPort.find() + "/packages/" + NAME + "/-/csv-1.0.0.tgz";
        indexGives(based);

        CliRun install = prompd("home", "install", NAME);

        assertEquals(3, install.exitCode(), install.err());
        // after the lines saying the URL is tried again
        String error = install.err().substring(install.err().indexOf("error: "));
        assertTrue(error.startsWith("error: not found in the registry: " + ownTarball("1.0.0") + "; the URL the"
                + " registry's index gives for " + NAME + "@1.0.0 failed too: could not fetch " + based), error);
        assertFalse(install.err().contains("prompd.lock"), install.err());
        assertFalse(Files.exists(project.resolve("prompd.lock")), "nothing locked");
    }

    /**
     * The registry's own path lacks the tarball and the CDN's URL its index gives serves other bytes: what was found
     * is another tarball under the version's name, which decides the failure as at the registry's own path.
     */
    @Test
    void otherBytesAtTheIndexsUrlAfterTheOwnPathLacksTheTarballAreAnIntegrityFailure() throws IOException {
        try (RegistryServer cdn = cdnGivingOtherBytes()) {
            CliRun install = prompd("home", "install", NAME);

            assertEquals(6, install.exitCode(), install.err());
            assertTrue(install.err().startsWith("error: not found in the registry: " + ownTarball("1.0.0") + "; the"
                    + " URL the registry's index gives for " + NAME + "@1.0.0 failed too: integrity check failed for "
                    + cdn.url() + "blobs/8f3a2c: expected sha512-"), install.err());
            assertTrue(install.err().endsWith("\nhint: the file differs from what the registry recorded and was not"
                    + " kept; try again later, and tell the registry's maintainers if it persists\n"), install.err());
            assertFalse(Files.exists(project.resolve("prompd.lock")), "nothing locked");
        }
    }

    /**
     * The failure deciding the exit code and hint, other bytes at the index's URL, is the one the stack trace of
     * --verbose gives as the cause, the registry's not found suppressed: the trace is of the error's exit code.
     */
    @Test
    void theCauseOfAFailureOfBothUrlsIsTheOneDecidingItsExitCode() throws IOException {
        try (RegistryServer cdn = cdnGivingOtherBytes()) {
            CliRun install = prompd("home", "--verbose", "install", NAME);

            assertEquals(6, install.exitCode(), install.err());
            assertTrue(install.err().contains("\nCaused by: io.prompd.client.http.IntegrityMismatch: integrity check"
                    + " failed for " + cdn.url() + "blobs/8f3a2c: expected sha512-"), install.err());
            assertTrue(install.err().contains("\tSuppressed: io.prompd.client.http.NotFound: not found in the"
                    + " registry: " + ownTarball("1.0.0")), install.err());
        }
    }

    /**
     * Other bytes at the registry's own path, the index's URL lacking the tarball: the version was found, so no hint
     * to check its name and version.
     */
    @Test
    void otherBytesAtTheOwnPathThenNoneAtTheIndexsUrlGiveTheIntegrityHintAlone() throws IOException {
        registry.tamper(NAME, "1.0.0");
        indexGives(server.url() + "blobs/csv-1.0.0.tgz");

        CliRun install = prompd("home", "install", NAME);

        assertEquals(6, install.exitCode(), install.err());
        assertTrue(install.err().contains("failed too: not found in the registry: " + server.url()
                + "blobs/csv-1.0.0.tgz"), install.err());
        assertTrue(install.err().endsWith("\nhint: the file differs from what the registry recorded and was not"
                + " kept; try again later, and tell the registry's maintainers if it persists\n"), install.err());
    }

    /** The lock's URL is the registry's own tarball path, though its index names another: no edit of the lock. */
    @Test
    void theOwnPathLockedLackingTheTarballLaterIsTheRegistrysToMendNotAnEditOfTheLock() throws IOException {
        assertLocksTheOwnPathItCameFrom("http://127.0.0.1:" + ClosedPort.find() + "/blobs/8f3a2c");
        Files.delete(registry.tarball(NAME, "1.0.0"));

        CliRun install = prompd("teammate", "install");

        assertEquals(5, install.exitCode(), install.err());
        assertTrue(install.err().startsWith("error: the registry lists " + NAME + "@1.0.0 but has no tarball for it"),
                install.err());
        assertFalse(install.err().contains("edit"), install.err());
    }
}
