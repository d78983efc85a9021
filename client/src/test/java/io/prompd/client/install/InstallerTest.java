package io.prompd.client.install;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.cli.InstallNoteView;
import io.prompd.client.http.NotCached;
import io.prompd.client.http.ProgressListener;
import io.prompd.client.http.RegistryFetcher;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockFiles;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.store.TarballCache;
import io.prompd.client.testing.RegistryServer;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.Integrity;
import io.prompd.core.files.Folders;
import io.prompd.core.files.TemporaryFiles;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.PackageSpec;
import io.prompd.core.resolve.Strategy;
import io.prompd.core.testing.Processes;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InstallerTest {

    @TempDir
    Path work;

    TestRegistry registry;
    RegistryServer server;
    Path project;
    Path home;

    @BeforeEach
    void publish() throws IOException {
        registry = new TestRegistry(work.resolve("registry"))
                .publish("@acme/util", "1.0.0")
                .publish("@acme/util", "1.1.0")
                .publish("@acme/util", "2.0.0")
                .publish("@acme/base", "1.0.0", "@acme/util", "^1.0.0")
                .publish("@acme/base", "1.2.0", "@acme/util", "^1.1.0")
                .publish("@acme/greeter", "1.0.0", "@acme/base", "^1.0.0");
        server = RegistryServer.serving(registry.root());
        home = work.resolve("home");
        project = work.resolve("project");
        writeProject("\"@acme/greeter\": \"^1.0.0\"");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void writeProject(String dependencies) throws IOException {
        Files.createDirectories(project);
        Files.writeString(project.resolve("prompd.json"), "{\n  \"name\": \"@me/app\",\n  \"version\": \"1.0.0\",\n"
                + "  \"dependencies\": {" + dependencies + "}\n}\n");
    }

    private Installer installer() {
        return Homes.installer(home, server.url(), false);
    }

    private LockFile lock() throws IOException {
        return LockFiles.read(project.resolve("prompd.lock"), PLAIN).orElseThrow();
    }

    private static PackageName name(String text) {
        return PackageName.parse(text);
    }

    private boolean installed(String name, String version) {
        return Files.isRegularFile(home.resolve("packages").resolve(name + "@" + version).resolve("prompd.json"));
    }

    private static List<String> texts(List<InstallNote> notes) {
        return notes.stream().map(InstallNoteView::text).toList();
    }

    @Test
    void installResolvesLocksAndUnpacksEveryPackageIntoTheStore() throws IOException {
        InstallReport report = installer().install(project, List.of(), InstallOptions.defaults());

        assertTrue(report.resolved());
        assertTrue(report.lockChanged());
        assertEquals(3, report.count(InstalledPackage.Origin.DOWNLOADED));
        LockFile lock = lock();
        assertEquals(Version.parse("1.2.0"), lock.packages().get(name("@acme/base")).version());
        assertEquals(Version.parse("1.1.0"), lock.packages().get(name("@acme/util")).version());
        assertEquals(server.url().resolve("packages/@acme/base/-/base-1.2.0.tgz"),
                lock.packages().get(name("@acme/base")).resolved());
        assertEquals(Integrity.of(Files.readAllBytes(registry.tarball("@acme/base", "1.2.0"))),
                lock.packages().get(name("@acme/base")).integrity());
        assertTrue(installed("@acme/greeter", "1.0.0"));
        assertTrue(installed("@acme/base", "1.2.0"));
        assertTrue(installed("@acme/util", "1.1.0"));
    }

    @Test
    void onlyThePackagesOfTheGraphAreFetched() throws IOException {
        registry.publish("@acme/unrelated", "1.0.0");
        installer().install(project, List.of(), InstallOptions.defaults());
        assertEquals(List.of("/packages/@acme/base/index.json", "/packages/@acme/greeter/index.json",
                "/packages/@acme/util/index.json"), server.requests().stream().filter(path -> path.endsWith(".json"))
                .sorted().toList());
    }

    @Test
    void aSecondInstallUsesTheLockAndAsksTheRegistryNothing() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        byte[] lockBytes = Files.readAllBytes(project.resolve("prompd.lock"));
        registry.publish("@acme/base", "1.3.0", "@acme/util", "^1.1.0");
        server.forgetRequests();

        InstallReport again = installer().install(project, List.of(), InstallOptions.defaults());

        assertFalse(again.resolved());
        assertFalse(again.lockChanged());
        assertEquals(3, again.count(InstalledPackage.Origin.ALREADY_INSTALLED));
        assertEquals(List.of(), server.requests());
        assertArrayEquals(lockBytes, Files.readAllBytes(project.resolve("prompd.lock")));
    }

    @Test
    void aLockInstallsTheSameVersionsOnAnotherMachineWithoutResolving() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.publish("@acme/base", "1.3.0", "@acme/util", "^1.1.0");
        home = work.resolve("other-home");
        server.forgetRequests();

        InstallReport report = installer().install(project, List.of(), InstallOptions.defaults());

        assertFalse(report.resolved());
        assertTrue(installed("@acme/base", "1.2.0"));
        assertFalse(installed("@acme/base", "1.3.0"));
        assertFalse(server.requests().contains("/packages.json"));
    }

    @Test
    void aLockMadeAgainstOneRegistryInstallsFromAMirrorOfIt() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        byte[] lockBefore = Files.readAllBytes(project.resolve("prompd.lock"));
        server.close();

        InstallReport report = Homes.installer(work.resolve("other-home"), registry.fileUrl(), false)
                .install(project, List.of(), new InstallOptions(Strategy.HIGHEST, true, false));

        assertEquals(3, report.count(InstalledPackage.Origin.DOWNLOADED));
        assertTrue(Files.isRegularFile(work.resolve("other-home/packages/@acme/base@1.2.0/prompd.json")));
        assertArrayEquals(lockBefore, Files.readAllBytes(project.resolve("prompd.lock")), "the lock stays as it was");
    }

    @Test
    void addingAPackageFromAMirrorKeepsTheRecordedUrlsOfTheEntriesItKeeps() throws IOException {
        registry.publish("@acme/extra", "1.0.0");
        installer().install(project, List.of(), InstallOptions.defaults());
        LockFile before = lock();

        InstallReport report = Homes.installer(work.resolve("other-home"), registry.fileUrl(), false)
                .install(project, List.of(PackageSpec.parse("@acme/extra")), InstallOptions.defaults());

        assertEquals(List.of("add @acme/extra@1.0.0"), report.lock().orElseThrow().changes().stream()
                .map(LockChange::phrase).toList());
        LockFile after = lock();
        before.packages().forEach((name, locked) -> assertEquals(locked, after.packages().get(name)));
        assertEquals(registry.fileUrl().resolve("packages/@acme/extra/-/extra-1.0.0.tgz"),
                after.packages().get(name("@acme/extra")).resolved());
    }

    @Test
    void aTarballTheMirrorLacksComesFromWhereTheLockSaysAsARegistryWithABaseUrlKeepsIt() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        Path documentsOnly = work.resolve("documents-only");
        try (var files = Files.walk(registry.root())) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> !file.toString().endsWith(".tgz"))
                    .toList()) {
                Path copy = documentsOnly.resolve(registry.root().relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }

        InstallReport report = Homes.installer(work.resolve("other-home"), documentsOnly.toUri(), false)
                .install(project, List.of(), new InstallOptions(Strategy.HIGHEST, true, false));

        assertEquals(3, report.count(InstalledPackage.Origin.DOWNLOADED));
        assertTrue(server.requests().contains("/packages/@acme/base/-/base-1.2.0.tgz"),
                () -> server.requests().toString());
    }

    @Test
    void aFileUrlALockRecordsIsNeverReadForARegistryOnTheNetwork() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        Path onThisMachine = Files.copy(registry.tarball("@acme/base", "1.2.0"), work.resolve("base.tgz"));
        Files.delete(registry.tarball("@acme/base", "1.2.0"));
        Path lockFile = project.resolve("prompd.lock");
        Files.writeString(lockFile, Files.readString(lockFile).replace(
                server.url() + "packages/@acme/base/-/base-1.2.0.tgz", onThisMachine.toUri().toString()));
        home = work.resolve("other-home");

        PrompdException refused = assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(), InstallOptions.defaults()));

        // the edited URL is no tarball of the registry, which no route names: the lock came from elsewhere
        assertEquals(ExitCode.NOT_FOUND, refused.exitCode());
        assertEquals("@acme/base@1.2.0 is locked in prompd.lock from " + onThisMachine.toUri() + ", and @acme now"
                + " resolves in registry " + server.url() + ", which lists it with the bytes prompd.lock pins but is"
                + " neither the registry it was locked from nor one @acme is routed to, and not found in the registry: "
                + server.url() + "packages/@acme/base/-/base-1.2.0.tgz, and the tarball of @acme/base@1.2.0 is not read"
                + " from " + onThisMachine.toUri() + " instead: registry " + server.url() + " is not a folder, and only"
                + " a registry in a folder may send a file: URL", refused.getMessage());
        assertFalse(installed("@acme/base", "1.2.0"));
    }

    @Test
    void aFileUrlARegistryOnTheNetworkSendsIsNeverRead() throws IOException {
        Path onThisMachine = Files.copy(registry.tarball("@acme/base", "1.2.0"), work.resolve("base.tgz"));
        Files.delete(registry.tarball("@acme/base", "1.2.0"));
        Path index = registry.root().resolve("packages/@acme/base/index.json");
        Files.writeString(index, Files.readString(index).replace("\"-/base-1.2.0.tgz\"",
                "\"" + onThisMachine.toUri() + "\""));

        PrompdException refused = assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(), InstallOptions.defaults()));

        assertFileUrlRefused(refused, "the registry lists @acme/base@1.2.0 but has no tarball for it", onThisMachine);
    }

    /**
     * The network's code, as the registry lists the version its own URL has no tarball of (a build halfway done), and
     * the file: URL named with why it was not read instead.
     */
    private void assertFileUrlRefused(PrompdException refused, String notFound, Path file) {
        assertEquals(ExitCode.NETWORK, refused.exitCode());
        assertEquals(notFound + " (not found in the registry: " + server.url() + "packages/@acme/base/-/base-1.2.0.tgz,"
                + " and the tarball of @acme/base@1.2.0 is not read from " + file.toUri() + " instead: registry "
                + server.url() + " is not a folder, and only a registry in a folder may send a file: URL)",
                refused.getMessage());
        assertFalse(installed("@acme/base", "1.2.0"));
    }

    /** An install in a home of its own, which has none of the versions the lock pins, and its failure. */
    private PrompdException failedInstallInAnotherHome() {
        home = work.resolve("other-home");
        return assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(), InstallOptions.defaults()));
    }

    @Test
    void aLockedVersionNoLongerListedIsNotFoundBeforeAnyDownloadWithTheWayOffAsOneTakenDownIs() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.unlist("@acme/base", "1.2.0");
        server.forgetRequests();

        PrompdException gone = failedInstallInAnotherHome();

        assertEquals(ExitCode.NOT_FOUND, gone.exitCode());
        assertEquals("@acme/base@1.2.0 is locked in prompd.lock, but its registry neither lists it nor records a"
                + " takedown of it", gone.getMessage());
        assertEquals("if prompd.lock was edited (by hand or by a merge), delete the entry of @acme/base from it and run"
                + " 'prompd install' to lock what the registry lists; if not, 'prompd update @acme/base' moves off it",
                gone.hint());
        assertEquals(List.of(), server.requests().stream().filter(path -> path.endsWith(".tgz")).toList());
        assertFalse(installed("@acme/base", "1.2.0"));
    }

    @Test
    void aLockedVersionNoLongerListedWhoseRangeAllowsNoOtherIsNotSaidToBeMovedOffByAnUpdate() throws IOException {
        writeProject("\"@acme/base\": \"^1.2.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.unlist("@acme/base", "1.2.0");

        PrompdException gone = failedInstallInAnotherHome();

        assertEquals("@acme/base@1.2.0 is locked in prompd.lock, but its registry neither lists it nor records a"
                + " takedown of it", gone.getMessage());
        assertTrue(gone.hint().endsWith("; if not, no other version meets ^1.2.0: widen its range in prompd.json, or"
                + " choose another version ('prompd info @acme/base' lists them)"), gone.hint());
    }

    @Test
    void aLockedVersionNoLongerListedWithItsCopyAtHandStaysLockedAsOneTakenDownDoesAndIsWarnedOfWithoutAReason()
            throws IOException {
        writeProject("\"@acme/base\": \"^1.2.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.publish("@acme/extra", "1.0.0").unlist("@acme/base", "1.2.0");

        InstallReport report = installer().install(project, List.of(PackageSpec.parse("@acme/extra")),
                InstallOptions.defaults());

        assertEquals(Version.parse("1.2.0"), lock().packages().get(name("@acme/base")).version());
        assertEquals(Version.parse("1.0.0"), lock().packages().get(name("@acme/extra")).version());
        assertEquals(List.of(new InstallNote.TakenDown(name("@acme/base"), Version.parse("1.2.0"), Optional.empty(),
                true, "no other version meets ^1.2.0: widen its range in prompd.json, or choose another version"
                        + " ('prompd info @acme/base' lists them)")), report.warnings());
    }

    @Test
    void aLockedVersionItsRegistryStillListsWithoutItsTarballIsTheRegistrysToMend() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        Files.delete(registry.tarball("@acme/base", "1.2.0"));

        PrompdException gone = failedInstallInAnotherHome();

        assertEquals(ExitCode.NETWORK, gone.exitCode());
        assertTrue(gone.getMessage().startsWith("the registry lists @acme/base@1.2.0 but has no tarball for it ("),
                gone.getMessage());
        assertEquals("the registry may be incomplete or halfway through publishing: try again later, or tell its"
                + " maintainers", gone.hint(), "an update would lock the same version again");
    }

    @Test
    void aLockedPackageItsRegistryNoLongerHasAtAllIsToBeUninstalledAsNoUpdateCanResolveIt() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        Files.move(registry.root().resolve("packages/@acme/greeter"), work.resolve("gone"));

        PrompdException gone = failedInstallInAnotherHome();

        assertEquals(ExitCode.NOT_FOUND, gone.exitCode());
        assertTrue(gone.getMessage().startsWith("@acme/greeter@1.0.0 is locked in prompd.lock, but registry "
                + server.url() + " no longer has @acme/greeter ("), gone.getMessage());
        assertEquals("no version of @acme/greeter is left to download: remove the dependency with 'prompd uninstall"
                + " @acme/greeter'", gone.hint(), "'prompd update @acme/greeter' finds no such package");
    }

    @Test
    void aLockedTarballUrlEditedToOneTheRegistryLacksHasTheEditedLocksWayOff() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        String lock = Files.readString(project.resolve("prompd.lock"));
        Files.writeString(project.resolve("prompd.lock"), lock.replace("util-1.1.0.tgz", "util-9.9.9.tgz"));

        PrompdException missing = failedInstallInAnotherHome();

        assertEquals(ExitCode.NOT_FOUND, missing.exitCode());
        assertTrue(missing.getMessage().startsWith("prompd.lock's resolved URL of @acme/util@1.1.0 has no tarball ("),
                missing.getMessage());
        assertTrue(missing.getMessage().endsWith("), and it is not the registry's tarball of that version, "
                + server.url() + "packages/@acme/util/-/util-1.1.0.tgz"), missing.getMessage());
        assertEquals("if prompd.lock was edited (by hand or by a merge), delete the entry of @acme/util from it and"
                + " run 'prompd install' to lock what the registry lists", missing.hint(),
                "the registry serves its tarball");
    }

    @Test
    void aLockedVersionTakenDownSinceIsNotFoundWithTheReasonItsRegistryGives() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.publish("@acme/base", "1.3.0").takeDown("@acme/base", "1.2.0", "leaked an API key");

        PrompdException gone = failedInstallInAnotherHome();

        assertEquals(ExitCode.NOT_FOUND, gone.exitCode());
        assertEquals("@acme/base@1.2.0 is locked in prompd.lock, but its registry took it down: leaked an API key",
                gone.getMessage());
        assertEquals("'prompd update @acme/base' moves off it", gone.hint());
        assertFalse(installed("@acme/base", "1.2.0"));
    }

    @Test
    void everyLockedVersionTakenDownIsNamedAtOnceWithOneUpdateThatMovesOffThemAll() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.publish("@acme/base", "1.3.0", "@acme/util", "^1.1.0").publish("@acme/util", "1.1.1")
                .takeDown("@acme/base", "1.2.0", "leaked an API key")
                .takeDown("@acme/util", "1.1.0", "held personal data");

        PrompdException gone = failedInstallInAnotherHome();

        assertEquals(ExitCode.NOT_FOUND, gone.exitCode());
        assertEquals("2 versions locked in prompd.lock are taken down (@acme/base@1.2.0: leaked an API key;"
                + " @acme/util@1.1.0: held personal data)", gone.getMessage());
        assertEquals("'prompd update @acme/base @acme/util' moves off them", gone.hint());
        assertFalse(installed("@acme/greeter", "1.0.0"), "nothing is installed before every takedown is known");
        installer().update(project, List.of(name("@acme/base"), name("@acme/util")), false, InstallOptions.defaults());
        assertEquals(Version.parse("1.3.0"), lock().packages().get(name("@acme/base")).version(), "the way off works");
        assertEquals(Version.parse("1.1.1"), lock().packages().get(name("@acme/util")).version());
    }

    @Test
    void aTransitiveVersionTakenDownThatANewerDependentNoLongerNeedsGivesTheUpdateOfThemBoth() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.publish("@acme/base", "1.3.0", "@acme/util", "^1.0.0").takeDown("@acme/util", "1.1.0", "leaked a key");

        PrompdException gone = failedInstallInAnotherHome();

        assertEquals("@acme/util@1.1.0 is locked in prompd.lock, but its registry took it down: leaked a key",
                gone.getMessage());
        assertEquals("'prompd update @acme/util @acme/base' moves off it", gone.hint());
        installer().update(project, List.of(name("@acme/util"), name("@acme/base")), false, InstallOptions.defaults());
        assertEquals(Version.parse("1.3.0"), lock().packages().get(name("@acme/base")).version(), "the way off works");
        assertEquals(Version.parse("1.0.0"), lock().packages().get(name("@acme/util")).version());
    }

    @Test
    void lockedVersionsTakenDownThatAnUpdateCannotMoveOffAreEachGivenTheirOwnWayOff() throws IOException {
        registry.publish("@acme/alone", "1.0.0");
        writeProject("\"@acme/greeter\": \"^1.0.0\", \"@acme/alone\": \"^1.0.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.publish("@acme/base", "1.3.0").takeDown("@acme/base", "1.2.0", "leaked an API key")
                .takeDown("@acme/alone", "1.0.0", "");

        PrompdException gone = failedInstallInAnotherHome();

        assertEquals("2 versions locked in prompd.lock are taken down (@acme/alone@1.0.0; @acme/base@1.2.0: leaked an"
                + " API key)", gone.getMessage());
        assertEquals("'prompd update @acme/base' moves off it; for @acme/alone, no version of it is left: remove the"
                + " dependency with 'prompd uninstall @acme/alone'", gone.hint());
    }

    /**
     * The registry at a new host recording the takedown of the version locked from the old one, which still serves it:
     * that registry is not the one the lock has it from, and only that one speaks for the locked package (a registry
     * the scope is not routed to may copy the locked integrity into a takedown of its own), so the version is got from
     * the lock's URL, the integrity pinning its bytes, with the route change said, as for a registry that lacks it.
     */
    @Test
    void aTakedownByARegistryTheLockDidNotHaveTheVersionFromIsARouteChangeAndTheLocksUrlGivesIt() throws IOException {
        Path oldHost = work.resolve("old-host");
        try (var files = Files.walk(registry.root())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = oldHost.resolve(registry.root().relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        try (RegistryServer old = RegistryServer.serving(oldHost)) {
            Homes.installer(home, old.url(), false).install(project, List.of(), InstallOptions.defaults());
            registry.publish("@acme/base", "1.3.0").takeDown("@acme/base", "1.2.0", "leaked an API key");
            old.forgetRequests();

            InstallReport report = Homes.installer(work.resolve("other-home"), registry.fileUrl(), false)
                    .install(project, List.of(), InstallOptions.defaults());

            // the registry at the new host lists the other versions with the locked bytes, but no route names it
            assertEquals(List.of("@acme/base", "@acme/greeter", "@acme/util"), report.warnings().stream()
                    .map(note -> ((InstallNote.RouteChanged) note).name().toString()).toList());
            assertTrue(old.requests().contains("/packages/@acme/base/-/base-1.2.0.tgz"),
                    () -> old.requests().toString());
            assertTrue(Files.exists(work.resolve("other-home/packages/@acme/base@1.2.0")));
        }
    }

    @Test
    void anUninstallLeavesALockedVersionNoLongerListedThatItCannotGetUninstalledAsOneTakenDown() throws IOException {
        registry.publish("@acme/other", "1.0.0");
        writeProject("\"@acme/greeter\": \"^1.0.0\", \"@acme/other\": \"^1.0.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.takeDown("@acme/base", "1.2.0", "leaked an API key").unlist("@acme/util", "1.1.0");
        home = work.resolve("other-home");

        InstallReport report = installer().uninstall(project, List.of(name("@acme/other")));

        assertEquals(List.of(new InstallNote.LeftOut(List.of(
                new InstallNote.TakenDownVersion(name("@acme/base"), Version.parse("1.2.0"),
                        Optional.of("leaked an API key")),
                new InstallNote.TakenDownVersion(name("@acme/util"), Version.parse("1.1.0"), Optional.empty())),
                "'prompd update @acme/base @acme/util' moves off them")), report.warnings());
        assertEquals(List.of("not installed, as taken down with no copy at hand, though prompd.lock still locks them:"
                + " @acme/base@1.2.0: leaked an API key; @acme/util@1.1.0: no longer listed by its registry ('prompd"
                + " update @acme/base @acme/util' moves off them)"), texts(report.warnings()));
        assertTrue(installed("@acme/greeter", "1.0.0"));
        assertFalse(installed("@acme/util", "1.1.0"));
    }

    @Test
    void aLockedDependencyWithNoVersionLeftGivesTheReasonAndSaysToRemoveItNotToUpdateIt() throws IOException {
        registry.publish("@acme/alone", "1.0.0");
        writeProject("\"@acme/alone\": \"^1.0.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.takeDown("@acme/alone", "1.0.0", "held a customer's API key");

        PrompdException gone = failedInstallInAnotherHome();

        assertEquals(ExitCode.NOT_FOUND, gone.exitCode());
        assertEquals("@acme/alone@1.0.0 is locked in prompd.lock, but its registry took it down: held a customer's API"
                + " key", gone.getMessage());
        assertEquals("no version of it is left: remove the dependency with 'prompd uninstall @acme/alone'",
                gone.hint());
        installer().uninstall(project, List.of(name("@acme/alone")));
        assertEquals(Set.of(), lock().packages().keySet(), "the way off it works");
    }

    @Test
    void anUninstallLeavesLockedVersionsTakenDownThatItCannotGetUninstalledWithTheWayOffThem() throws IOException {
        registry.publish("@acme/alone", "1.0.0").publish("@acme/other", "1.0.0");
        writeProject("\"@acme/greeter\": \"^1.0.0\", \"@acme/alone\": \"^1.0.0\", \"@acme/other\": \"^1.0.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.takeDown("@acme/base", "1.2.0", "leaked an API key").takeDown("@acme/alone", "1.0.0", "");
        home = work.resolve("other-home");

        InstallReport report = installer().uninstall(project, List.of(name("@acme/other")));

        assertEquals(List.of("not installed, as taken down with no copy at hand, though prompd.lock still locks them:"
                + " @acme/alone@1.0.0; @acme/base@1.2.0: leaked an API key ('prompd update @acme/base'"
                + " moves off it; for"
                + " @acme/alone, no version of it is left: remove the dependency with 'prompd uninstall @acme/alone')"),
                texts(report.warnings()));
        assertEquals(Set.of(name("@acme/alone"), name("@acme/base"), name("@acme/greeter"), name("@acme/util")),
                lock().packages().keySet());
        assertFalse(installed("@acme/base", "1.2.0"));
        assertTrue(installed("@acme/greeter", "1.0.0"));
        installer().uninstall(project, List.of(name("@acme/alone")));
        installer().update(project, List.of(name("@acme/base")), false, InstallOptions.defaults());
        assertEquals(Version.parse("1.0.0"), lock().packages().get(name("@acme/base")).version(), "the ways off work");
    }

    @Test
    void aLockedPackageWithNoVersionLeftThatOthersNeedNamesTheirRangesNotAnUninstall() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.takeDown("@acme/util", "1.0.0", "leaked a key").takeDown("@acme/util", "1.1.0", " ")
                .takeDown("@acme/util", "2.0.0", "leaked a key");

        PrompdException gone = failedInstallInAnotherHome();

        assertEquals("@acme/util@1.1.0 is locked in prompd.lock, but its registry took it down", gone.getMessage(),
                "a takedown without a reason");
        assertEquals("no version of it is left, and @acme/base asks for ^1.1.0; a newer version of it may not"
                + " ('prompd tree' shows who needs what)", gone.hint());
    }

    /** A dependency of prompd.json that another package needs too must go, as the need of the others must. */
    @Test
    void aLockedDependencyWithNoVersionLeftThatOthersNeedTooNamesTheUninstallAndTheirRanges() throws IOException {
        writeProject("\"@acme/greeter\": \"^1.0.0\", \"@acme/util\": \"^1.0.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.takeDown("@acme/util", "1.0.0", "leaked a key").takeDown("@acme/util", "1.1.0", "leaked a key")
                .takeDown("@acme/util", "2.0.0", "leaked a key");

        PrompdException gone = failedInstallInAnotherHome();

        assertEquals("no version of it is left: remove the dependency with 'prompd uninstall @acme/util', and"
                + " @acme/base asks for ^1.1.0 too; a newer version of it may not ('prompd tree' shows who needs what)",
                gone.hint());
    }

    @Test
    void aVersionJustResolvedWhoseTarballIsMissingIsNotSaidToBeLocked() throws IOException {
        Files.delete(registry.tarball("@acme/base", "1.2.0"));

        PrompdException missing = assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(), InstallOptions.defaults()));

        assertEquals(ExitCode.NETWORK, missing.exitCode());
        assertTrue(missing.getMessage().startsWith("the registry lists @acme/base@1.2.0 but has no tarball for it ("),
                missing.getMessage());
        assertEquals("the registry may be incomplete or halfway through publishing: try again later, or tell its"
                + " maintainers", missing.hint());
        assertFalse(Files.exists(project.resolve("prompd.lock")), "nothing is locked when nothing installed");
    }

    @Test
    void anInstalledPackageInTheStoreIsNeverTakenForAProject() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        Path installedPackage = home.resolve("packages/@acme/base@1.2.0");
        byte[] manifest = Files.readAllBytes(installedPackage.resolve("prompd.json"));

        PrompdException refused = assertThrows(PrompdException.class, () -> installer().install(installedPackage,
                List.of(PackageSpec.parse("@acme/util")), InstallOptions.defaults()));

        assertEquals(ExitCode.CONFLICT, refused.exitCode());
        assertTrue(refused.getMessage().endsWith("is an installed package, which is never changed"),
                refused.getMessage());
        assertArrayEquals(manifest, Files.readAllBytes(installedPackage.resolve("prompd.json")));
        assertFalse(Files.exists(installedPackage.resolve("prompd.lock")));
    }

    @Test
    void frozenRefusesALockThatWouldChangeAndChangesNothing() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        byte[] lockBytes = Files.readAllBytes(project.resolve("prompd.lock"));
        writeProject("\"@acme/greeter\": \"^1.0.0\", \"@acme/util\": \"~1.0.0\"");
        server.forgetRequests();

        PrompdException refused = assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(), new InstallOptions(Strategy.HIGHEST, true, false)));

        assertEquals(ExitCode.CONFLICT, refused.exitCode());
        assertEquals(Optional.of(LockOutOfDate.KIND), refused.kind());
        assertEquals("prompd.lock is out of date with prompd.json and --frozen forbids changing it: @acme/util@1.1.0 is"
                + " outside ~1.0.0", refused.getMessage());
        assertEquals(List.of(), server.requests(), "told before the registry is asked");
        assertArrayEquals(lockBytes, Files.readAllBytes(project.resolve("prompd.lock")));
        assertFalse(installed("@acme/util", "1.0.0"));
    }

    @Test
    void frozenAcceptsALockThatStillHolds() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        InstallReport frozen = installer()
                .install(project, List.of(), new InstallOptions(Strategy.HIGHEST, true, false));
        assertFalse(frozen.lockChanged());
    }

    @Test
    void addingAPackageWithoutARangeSavesCaretOfTheVersionInstalled() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        writeProject("");
        InstallReport report = installer()
                .install(project, List.of(PackageSpec.parse("acme/util")), InstallOptions.defaults());

        assertEquals("^2.0.0", report.saved().get(name("@acme/util")).text());
        String manifest = Files.readString(project.resolve("prompd.json"));
        assertTrue(manifest.contains("\"@acme/util\": \"^2.0.0\""), manifest);
        assertTrue(ManifestReader.read("prompd.json", manifest.getBytes(), PLAIN).manifest().isPresent());
        assertEquals(Set.of(name("@acme/util")), lock().packages().keySet(),
                "the lock holds what prompd.json needs, no more");
    }

    @Test
    void theWarningOfALatestVersionSetAsideQuotesTheRangeItWouldSaveAndTheVersionByTheStrategy() throws IOException {
        registry.publish("@acme/app", "1.0.0", "@acme/util", "^1.0.0").publish("@acme/app", "1.1.0", "@acme/util",
                "^1.1.0").publish("@acme/app", "2.0.0", "@acme/util", "^2.0.0");
        writeProject("\"@acme/util\": \"^1.0.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());
        List<PackageSpec> app = List.of(PackageSpec.parse("@acme/app"));

        InstallReport lowest = installer().install(project, app, new InstallOptions(Strategy.LOWEST, false, false));
        installer().uninstall(project, List.of(name("@acme/app")));
        InstallReport exact = installer().install(project, app, new InstallOptions(Strategy.HIGHEST, false, true));

        String why = ": Because your project depends on @acme/app ^2.0.0 which depends on @acme/util ^2.0.0,"
                + " @acme/util ^2.0.0 is required.\nSo, because your project depends on @acme/util ^1.0.0, version"
                + " solving failed.";
        // util stays as locked, which the lowest resolution does not choose, and says so
        assertEquals(List.of("prompd.lock kept @acme/util 1.1.0 (not 1.0.0): --resolution lowest chooses only versions"
                + " the lock does not hold; 'prompd update --resolution lowest' resolves every package anew",
                "@acme/app ^2.0.0, from its latest version, cannot be installed in this project, so 1.0.0,"
                + " the lowest version that can, is installed" + why), texts(lowest.warnings()));
        assertEquals(List.of("@acme/app 2.0.0, from its latest version, cannot be installed in this project, so 1.1.0,"
                + " the highest version that can, is installed" + why), texts(exact.warnings()));
        assertEquals("1.1.0", exact.saved().get(name("@acme/app")).text());
    }

    @Test
    void aLatestTagMovedBackBelowWhatTheProjectNeedsIsPassedOverSayingSo() throws IOException {
        registry.tag("@acme/util", "latest", "1.0.0");
        writeProject("\"@acme/base\": \"^1.2.0\"");

        InstallReport report = installer().install(project, List.of(PackageSpec.parse("@acme/util")),
                InstallOptions.defaults());

        assertEquals(List.of("@acme/util's latest version, 1.0.0, cannot be installed in this project, so 1.1.0, the"
                + " highest version that can, is installed: Because your project depends on @acme/base ^1.2.0 which"
                + " depends on @acme/util ^1.1.0, @acme/util ^1.1.0 is required.\nSo, because your project depends on"
                + " @acme/util 1.0.0, version solving failed."), texts(report.warnings()),
                "@acme/base 1.2.0 needs ^1.1.0");
        assertEquals("^1.1.0", report.saved().get(name("@acme/util")).text());
    }

    /** The rollback holds where the project's ranges allow a version of base that goes with it: base 1.0.0. */
    @Test
    void aLatestTagMovedBackIsInstalledWhereTheProjectsRangesAllowIt() throws IOException {
        registry.tag("@acme/util", "latest", "1.0.0");
        writeProject("\"@acme/base\": \"^1.0.0\"");

        InstallReport report = installer().install(project, List.of(PackageSpec.parse("@acme/util")),
                InstallOptions.defaults());

        assertEquals(List.of(), texts(report.warnings()));
        assertEquals("^1.0.0", report.saved().get(name("@acme/util")).text());
        assertTrue(installed("@acme/util", "1.0.0"));
        assertTrue(installed("@acme/base", "1.0.0"), "base 1.2.0 needs util ^1.1.0");
    }

    @Test
    void aRangeGivenIsSavedAsWritten() throws IOException {
        InstallReport report = installer().install(project, List.of(PackageSpec.parse("@acme/base@~1.0")),
                InstallOptions.defaults());
        assertEquals("~1.0", report.saved().get(name("@acme/base")).text());
        assertEquals(Version.parse("1.0.0"), lock().packages().get(name("@acme/base")).version());
    }

    @Test
    void aDistTagResolvesThroughThePackument() throws IOException {
        registry.publish("@acme/util", "3.0.0-beta.1").tag("@acme/util", "beta", "3.0.0-beta.1");
        writeProject("");

        InstallReport report = installer().install(project, List.of(PackageSpec.parse("@acme/util@beta")),
                InstallOptions.defaults());

        assertEquals("^3.0.0-beta.1", report.saved().get(name("@acme/util")).text());
        assertTrue(installed("@acme/util", "3.0.0-beta.1"));
    }

    @Test
    void anUnknownDistTagIsNotFoundAndListsTheTags() throws IOException {
        PrompdException missing = assertThrows(PrompdException.class,
                () -> installer()
                        .install(project, List.of(PackageSpec.parse("@acme/util@next")), InstallOptions.defaults()));
        assertEquals(ExitCode.NOT_FOUND, missing.exitCode());
        assertTrue(missing.hint().contains("latest"), missing.hint());
    }

    @Test
    void conflictingRangesExplainTheConflict() throws IOException {
        registry.publish("@acme/new", "1.0.0", "@acme/util", "^2.0.0");
        writeProject("\"@acme/base\": \"^1.0.0\", \"@acme/new\": \"^1.0.0\"");

        PrompdException conflict = assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(), InstallOptions.defaults()));

        assertEquals(ExitCode.CONFLICT, conflict.exitCode());
        assertTrue(conflict.getMessage().contains("@acme/util"), conflict.getMessage());
        assertTrue(conflict.getMessage().contains("version solving failed"), conflict.getMessage());
        assertFalse(Files.exists(project.resolve("prompd.lock")));
    }

    @Test
    void aMissingPackageIsNotFoundWithSimilarNames() throws IOException {
        writeProject("\"@acme/greeterr\": \"^1.0.0\"");

        PrompdException missing = assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(), InstallOptions.defaults()));

        assertEquals(ExitCode.NOT_FOUND, missing.exitCode());
        assertTrue(missing.getMessage().contains("did you mean @acme/greeter?"), missing.getMessage());
    }

    @Test
    void aMissingPackageAskedByNameSuggestsToo() {
        PrompdException missing = assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(PackageSpec.parse("@acme/utl")), InstallOptions.defaults()));
        assertEquals(ExitCode.NOT_FOUND, missing.exitCode());
        assertTrue(missing.hint().startsWith("did you mean @acme/util? otherwise, if @acme's packages are in"),
                missing.hint());
    }

    @Test
    void aLockedYankedVersionStillInstallsWithAWarning() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.yank("@acme/base", "1.2.0", "leaks the system prompt");
        home = work.resolve("fresh-home");

        InstallReport report = installer().install(project, List.of(), InstallOptions.defaults());

        assertTrue(installed("@acme/base", "1.2.0"));
        assertEquals(1, report.warnings().size(), report.warnings().toString());
        assertTrue(texts(report.warnings()).get(0).startsWith("@acme/base@1.2.0 is yanked: leaks the system prompt"));
    }

    @Test
    void aYankedVersionIsNotChosenByANewResolution() throws IOException {
        registry.yank("@acme/base", "1.2.0", "broken");
        installer().install(project, List.of(), InstallOptions.defaults());
        assertEquals(Version.parse("1.0.0"), lock().packages().get(name("@acme/base")).version());
    }

    @Test
    void aPackageAskedForByNameSkipsALatestTagOnAYankedVersion() throws IOException {
        registry.tag("@acme/util", "latest", "1.1.0").yank("@acme/util", "1.1.0", "broken");
        writeProject("");

        installer().install(project, List.of(PackageSpec.parse("@acme/util")), InstallOptions.defaults());

        assertEquals(Version.parse("2.0.0"), lock().packages().get(name("@acme/util")).version());
        assertTrue(Files.readString(project.resolve("prompd.json")).contains("\"@acme/util\": \"^2.0.0\""));
    }

    @Test
    void aPackageAskingForAnotherPrompdInstallsWithAWarningAsNpmWithoutEngineStrict() throws IOException {
        registry.publishNeedingPrompd("@acme/future", "1.0.0", ">=2.0.0")
                .publishNeedingPrompd("@acme/present", "1.0.0", "^1.2.0");
        writeProject("\"@acme/future\": \"^1.0.0\", \"@acme/present\": \"^1.0.0\"");

        InstallReport report = installer().install(project, List.of(), InstallOptions.defaults());

        assertTrue(installed("@acme/future", "1.0.0"));
        assertEquals(List.of("@acme/future@1.0.0 asks for prompd >=2.0.0, and this is prompd " + Homes.PROMPD_VERSION
                + "; its prompts may use what this one lacks (update prompd)"), texts(report.warnings()));
    }

    @Test
    void offlineInstallsFromTheCacheWhenTheStoreLacksAVersion() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        Folders.deleteRecursively(home.resolve("packages"));
        server.close();

        InstallReport report = Homes.installer(home, server.url(), true)
                .install(project, List.of(), InstallOptions.defaults());

        assertEquals(3, report.count(InstalledPackage.Origin.CACHE));
        assertTrue(installed("@acme/util", "1.1.0"));
    }

    @Test
    void aLockedInstallFromTheCacheSucceedsWhenTheRegistrysIndexCannotBeReadForItsCourtesyNotes() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        Folders.deleteRecursively(home.resolve("packages"));
        // the HTTP layer's cache of documents then fails every look-up with an UncheckedIOException
        Folders.deleteRecursively(home.resolve("cache").resolve(RegistryFetcher.CACHE_FOLDER));
        Files.writeString(home.resolve("cache").resolve(RegistryFetcher.CACHE_FOLDER), "in the way");
        server.forgetRequests();

        InstallReport report = installer().install(project, List.of(), InstallOptions.defaults());

        assertFalse(report.resolved());
        assertEquals(3, report.count(InstalledPackage.Origin.CACHE));
        assertEquals(List.of(), texts(report.warnings()));
        assertTrue(installed("@acme/util", "1.1.0"));
        assertEquals(List.of(), server.requests());
    }

    @Test
    void offlineADamagedCachedTarballIsNamedAndDeletedAndAFileRegistryReplacesIt() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        Folders.deleteRecursively(home.resolve("packages/@acme/util@1.1.0"));
        Path cached = Homes.cache(home).pathOf(lock().packages().get(PackageName.parse("@acme/util")).integrity());
        Files.write(cached, Arrays.copyOf(Files.readAllBytes(cached), 100));

        PrompdException damaged = assertThrows(PrompdException.class,
                () -> Homes.installer(home, server.url(), true).install(project, List.of(), InstallOptions.defaults()));

        assertEquals(ExitCode.NETWORK, damaged.exitCode(), "online, it would be downloaded: offline, it is a miss");
        assertEquals(Optional.of(NotCached.KIND), damaged.kind());
        assertTrue(damaged.getMessage().startsWith("the tarball of @acme/util@1.1.0 was refused, and nothing of it was"
                + " installed: "), damaged.getMessage());
        assertTrue(damaged.getMessage().endsWith("; it was the cached copy, now deleted, and offline it cannot be"
                + " downloaded again"), damaged.getMessage());
        assertEquals(1, damaged.getMessage().split("@acme/util", -1).length - 1, damaged.getMessage());
        assertEquals("run once without --offline to download it into the cache", damaged.hint());
        assertFalse(Files.exists(cached), "kept, it would fail every offline run alike");

        Files.write(Files.createDirectories(cached.getParent()).resolve(cached.getFileName()), "damaged".getBytes());
        Homes.installer(home, registry.root().toUri(), true).install(project, List.of(), InstallOptions.defaults());
        assertTrue(installed("@acme/util", "1.1.0"), "a registry folder is at hand offline");
    }

    @Test
    void offlineResolutionChoosesAmongTheVersionsAtHandAsCargoDoes() throws IOException {
        writeProject("\"@acme/util\": \"1.0.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());
        Files.delete(project.resolve("prompd.lock"));
        writeProject("\"@acme/util\": \"^1.0.0\"");
        server.close();

        Homes.installer(home, server.url(), true).install(project, List.of(), InstallOptions.defaults());

        assertEquals(Version.parse("1.0.0"), lock().packages().get(PackageName.parse("@acme/util")).version(),
                "1.1.0 is published, but neither installed nor cached");

        writeProject("\"@acme/util\": \"^2.0.0\"");
        PrompdException nothingAtHand = assertThrows(PrompdException.class,
                () -> Homes.installer(home, server.url(), true).install(project, List.of(), InstallOptions.defaults()));
        assertEquals(ExitCode.NETWORK, nothingAtHand.exitCode(), "2.0.0 is published, its tarball not cached");
        assertEquals(Optional.of(NotCached.KIND), nothingAtHand.kind());
        assertTrue(nothingAtHand.getMessage().contains("@acme/util"), nothingAtHand.getMessage());
        assertTrue(nothingAtHand.hint().contains("without --offline"), nothingAtHand.hint());
    }

    @Test
    void offlineAPackageKnownWithNoVersionAtHandIsNotCalledMissing() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        Files.delete(project.resolve("prompd.lock"));
        Folders.deleteRecursively(home.resolve("packages"));
        Folders.deleteRecursively(home.resolve("cache/tarballs"));
        server.close();

        PrompdException nothingAtHand = assertThrows(PrompdException.class,
                () -> Homes.installer(home, server.url(), true).install(project, List.of(), InstallOptions.defaults()));

        assertEquals("Because your project depends on @acme/greeter ^1.0.0 and no version of @acme/greeter available"
                + " offline matches ^1.0.0 (1.0.0 is listed, but its tarball is not cached: run again without --offline"
                + " to download it), version solving failed.", nothingAtHand.getMessage());
    }

    @Test
    void offlineAFileRegistryIsAtHandWhole() throws IOException {
        writeProject("\"@acme/util\": \"^1.0.0\"");

        Homes.installer(home, registry.root().toUri(), true).install(project, List.of(), InstallOptions.defaults());

        assertEquals(Version.parse("1.1.0"), lock().packages().get(PackageName.parse("@acme/util")).version(),
                "neither installed nor cached, but read from a folder, which needs no network");
        assertTrue(installed("@acme/util", "1.1.0"));
    }

    @Test
    void offlineWithoutTheCacheNamesEveryMissingPackage() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        home = work.resolve("empty-home");

        PrompdException offline = assertThrows(PrompdException.class,
                () -> Homes.installer(home, server.url(), true).install(project, List.of(), InstallOptions.defaults()));

        assertEquals(ExitCode.NETWORK, offline.exitCode());
        assertTrue(offline.getMessage().contains("@acme/base@1.2.0, @acme/greeter@1.0.0, @acme/util@1.1.0"),
                offline.getMessage());
    }

    @Test
    void aTamperedTarballIsAnIntegrityErrorAndNothingOfItIsInstalled() throws IOException {
        registry.tamper("@acme/util", "1.1.0");

        PrompdException tampered = assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(), InstallOptions.defaults()));

        assertEquals(ExitCode.INTEGRITY, tampered.exitCode());
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")));
        assertFalse(Files.exists(project.resolve("prompd.lock")));
        try (Stream<Path> cached = Files.walk(home.resolve("cache/tarballs"))) {
            assertEquals(2, cached.filter(Files::isRegularFile).count(), "only the two good tarballs are cached");
        }
    }

    @Test
    void aLockEntryPinningAnotherPackagesTarballIsAnIntegrityErrorAndLeavesNothingInTheStore() throws IOException {
        registry.publish("@acme/decoy", "1.1.0");
        installer().install(project, List.of(), InstallOptions.defaults());
        LockFile honest = lock();
        SortedMap<PackageName, LockedPackage> packages = new TreeMap<>(honest.packages());
        LockedPackage util = packages.get(name("@acme/util"));
        packages.put(name("@acme/util"), new LockedPackage(util.version(),
                server.url().resolve("packages/@acme/decoy/-/decoy-1.1.0.tgz"),
                Integrity.of(Files.readAllBytes(registry.tarball("@acme/decoy", "1.1.0"))), util.dependencies()));
        Files.write(project.resolve("prompd.lock"), LockFiles.toBytes(new LockFile(packages)));
        home = work.resolve("other-home");

        PrompdException wrong = assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(), InstallOptions.defaults()));

        assertEquals(ExitCode.INTEGRITY, wrong.exitCode());
        assertEquals("the tarball meant to be @acme/util@1.1.0 holds @acme/decoy@1.1.0 instead; nothing of it was"
                + " installed", wrong.getMessage());
        assertTrue(wrong.hint().startsWith("the entry of @acme/util in prompd.lock"), wrong.hint());
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")));
    }

    @Test
    void aLockEntryRenumberedOfflineBlamesTheEntryAndKeepsTheCachedTarballItsIntegrityNames() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        SortedMap<PackageName, LockedPackage> packages = new TreeMap<>(lock().packages());
        LockedPackage util = packages.get(name("@acme/util"));
        packages.put(name("@acme/util"), new LockedPackage(Version.parse("1.9.0"), util.resolved(), util.integrity(),
                util.dependencies()));
        Files.write(project.resolve("prompd.lock"), LockFiles.toBytes(new LockFile(packages)));
        Path cached = Homes.cache(home).pathOf(util.integrity());
        byte[] tarball = Files.readAllBytes(cached);

        PrompdException wrong = assertThrows(PrompdException.class,
                () -> Homes.installer(home, server.url(), true).install(project, List.of(), InstallOptions.defaults()));

        assertEquals(ExitCode.INTEGRITY, wrong.exitCode());
        assertEquals("the tarball meant to be @acme/util@1.9.0 holds @acme/util@1.1.0 instead; nothing of it was"
                + " installed", wrong.getMessage());
        assertTrue(wrong.hint().startsWith("the entry of @acme/util in prompd.lock"), wrong.hint());
        assertArrayEquals(tarball, Files.readAllBytes(cached), "the good copy of 1.1.0 its integrity names stays");
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.9.0")));
    }

    @Test
    void anotherPackagesTarballThatTheRegistrysIndexNamesOnAFirstInstallIsBlamedOnTheRegistry() throws IOException {
        registry.publish("@acme/decoy", "1.1.0");
        registry.serveAsTarball("@acme/util", "1.1.0", Files.readAllBytes(registry.tarball("@acme/decoy", "1.1.0")));

        PrompdException wrong = assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(), InstallOptions.defaults()));

        assertEquals(ExitCode.INTEGRITY, wrong.exitCode());
        assertEquals("the tarball meant to be @acme/util@1.1.0 holds @acme/decoy@1.1.0 instead; nothing of it was"
                + " installed", wrong.getMessage());
        assertEquals("the registry's index.json of @acme/util names another tarball (its integrity and URL) for 1.1.0:"
                + " tell the registry's maintainers", wrong.hint());
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")));
        assertFalse(Files.exists(project.resolve("prompd.lock")));
    }

    @Test
    void aTarballFailingItsIntegrityLeavesTheStoreAndTheProjectAsTheyWereThoughOneGotBeforeItPassed()
            throws IOException {
        registry.publish("@acme/alpha", "1.0.0").publish("@acme/zeta", "1.0.0");
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.tamper("@acme/zeta", "1.0.0");
        Path cached = Homes.cache(home).pathOf(Integrity.of(Files.readAllBytes(registry.tarball("@acme/alpha",
                "1.0.0"))));
        List<String> store = listing(home.resolve("packages"));
        List<String> projectFiles = listing(project);
        List<String> cache = listing(home.resolve("cache/tarballs"));

        // one request at a time: alpha, first in the lock, is got and checked before zeta is downloaded
        PrompdException refused = assertThrows(PrompdException.class, () -> Homes.oneAtATime(home, server.url())
                .install(project, List.of(PackageSpec.parse("@acme/alpha"), PackageSpec.parse("@acme/zeta")),
                        InstallOptions.defaults()));

        assertEquals(ExitCode.INTEGRITY, refused.exitCode(), refused.getMessage());
        assertTrue(refused.getMessage().contains("/@acme/zeta/-/zeta-1.0.0.tgz"), refused.getMessage());
        assertEquals(store, listing(home.resolve("packages")), "nothing of the install is in the store");
        assertEquals(projectFiles, listing(project), "nor in the project");
        // a cache may keep what passed every check, as npm's does: alpha's tarball, not zeta's
        Set<String> cacheAfter = new TreeSet<>(cache);
        cacheAfter.add(home.resolve("cache/tarballs").relativize(cached) + " "
                + Integrity.of(Files.readAllBytes(registry.tarball("@acme/alpha", "1.0.0"))));
        cacheAfter.add(home.resolve("cache/tarballs").relativize(cached.getParent()).toString());
        assertEquals(List.copyOf(cacheAfter), listing(home.resolve("cache/tarballs")));
    }

    @Test
    void aDependencyOnlyALyingIndexListsIsLeftNowhereOnceTheTarballGivingTheLieIsRefused() throws IOException {
        // phantom sorts before zeta in the lock: got one at a time, it is checked before zeta's tarball is refused
        registry.publish("@acme/phantom", "1.0.0").publish("@acme/zeta", "1.0.0")
                .listDependencies("@acme/zeta", "1.0.0", "@acme/phantom", "^1.0.0");
        installer().install(project, List.of(), InstallOptions.defaults());
        List<String> store = listing(home.resolve("packages"));
        List<String> projectFiles = listing(project);
        List<String> cache = listing(home.resolve("cache/tarballs"));

        PrompdException refused = assertThrows(PrompdException.class, () -> Homes.oneAtATime(home, server.url())
                .install(project, List.of(PackageSpec.parse("@acme/zeta")), InstallOptions.defaults()));

        assertEquals(ExitCode.INTEGRITY, refused.exitCode(), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("the tarball of @acme/zeta@1.0.0 does not match its record"),
                refused.getMessage());
        assertEquals(store, listing(home.resolve("packages")), "phantom is not installed");
        assertEquals(projectFiles, listing(project));
        assertEquals(cache, listing(home.resolve("cache/tarballs")), "nor is phantom's tarball, or zeta's, cached");
    }

    @Test
    void aGlobalInstallOfPackagesOneOfWhichIsRefusedInstallsNone() throws IOException {
        registry.publish("@acme/alpha", "1.0.0").publish("@acme/zeta", "1.0.0");
        registry.tamper("@acme/zeta", "1.0.0");

        PrompdException refused = assertThrows(PrompdException.class, () -> installer().installGlobal(
                List.of(PackageSpec.parse("@acme/alpha"), PackageSpec.parse("@acme/zeta")), InstallOptions.defaults()));

        assertEquals(ExitCode.INTEGRITY, refused.exitCode(), refused.getMessage());
        assertEquals(Map.of(), Homes.store(home).installedOrDamaged());
    }

    /**
     * Every file and folder under {@code folder}, by its path there, a file with its bytes' integrity: what a user
     * listing it sees; none for a folder that does not exist.
     */
    private static List<String> listing(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        List<String> listed = new ArrayList<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.filter(path -> !path.equals(folder)).toList()) {
                listed.add(folder.relativize(path) + (Files.isRegularFile(path)
                        ? " " + Integrity.of(Files.readAllBytes(path)) : ""));
            }
        }
        return listed.stream().sorted().toList();
    }

    @Test
    void aDependencyTheUserAddsWhileTheInstallRunsIsNotOverwritten() throws IOException {
        String edited = "{\n  \"name\": \"@me/app\",\n  \"version\": \"1.0.0\",\n"
                + "  \"dependencies\": {\"@acme/greeter\": \"^1.0.0\", \"@acme/base\": \"^1.0.0\"}\n}\n";
        server.onRequest(path -> {
            if (path.endsWith(".tgz")) {
                Files.writeString(project.resolve("prompd.json"), edited);
            }
        });

        PrompdException changed = assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(PackageSpec.parse("@acme/util@^1.1.0")),
                        InstallOptions.defaults()));

        assertEquals(ExitCode.CONFLICT, changed.exitCode());
        assertEquals("prompd.json changed while the install ran; nothing was written to it (or the lock)",
                changed.getMessage());
        assertEquals("run the install again", changed.hint());
        assertEquals(edited, Files.readString(project.resolve("prompd.json")));
        assertFalse(Files.exists(project.resolve("prompd.lock")));
    }

    @Test
    void aLockThatCannotBeWrittenLeavesPrompdJsonAsItWas() throws IOException {
        byte[] manifest = Files.readAllBytes(project.resolve("prompd.json"));
        Path lockFile = project.resolve("prompd.lock");
        server.onRequest(path -> {
            if (path.endsWith(".tgz")) {
                Files.createDirectories(lockFile.resolve("in-the-way"));
            }
        });

        assertThrows(IOException.class,
                () -> installer().install(project, List.of(PackageSpec.parse("@acme/util@^1.1.0")),
                InstallOptions.defaults()));

        assertArrayEquals(manifest, Files.readAllBytes(project.resolve("prompd.json")));
        try (Stream<Path> left = Files.list(project)) {
            assertEquals(List.of(project.resolve(".prompd"), project.resolve("prompd.json"), lockFile),
                    left.sorted().toList(), "no temporary is left");
        }
    }

    @Test
    void aFolderWhereACachedTarballGoesIsReplacedByTheDownload() throws IOException {
        Integrity util = Integrity.of(Files.readAllBytes(registry.tarball("@acme/util", "1.1.0")));
        Path cached = Homes.cache(home).pathOf(util);
        Files.createDirectories(cached.resolve("inside"));

        InstallReport report = installer().install(project, List.of(), InstallOptions.defaults());

        assertEquals(3, report.count(InstalledPackage.Origin.DOWNLOADED));
        assertTrue(installed("@acme/util", "1.1.0"));
        assertTrue(Files.isRegularFile(cached));
    }

    @Test
    void theProjectsPrompdFolderIsKeptOutOfGit() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());

        assertEquals("*\n", Files.readString(project.resolve(".prompd/.gitignore")));
    }

    @Test
    void aFileWhereTheProjectsPrompdFolderGoesIsNamedWithWhatToDo() throws IOException {
        Files.writeString(project.resolve(".prompd"), "notes\n");

        PrompdException inTheWay = assertThrows(PrompdException.class,
                () -> installer().install(project, List.of(), InstallOptions.defaults()));

        assertEquals(ExitCode.CONFLICT, inTheWay.exitCode());
        assertEquals(project.resolve(".prompd") + " is a file, but it must be a folder: prompd keeps the project's"
                + " install lock in it", inTheWay.getMessage());
        assertEquals("move or rename that file, then run this again", inTheWay.hint());
    }

    @Test
    void aFlakyServerIsOvercomeByRetries() throws IOException {
        server.flaky(0.3, 0.15);
        InstallReport report = installer().install(project, List.of(), InstallOptions.defaults());
        assertEquals(3, report.packages().size());
        List<String> requests = server.requests();
        assertTrue(requests.size() > requests.stream().distinct().count() + 2,
                "failures were served and retried: " + requests);
        assertTrue(installed("@acme/util", "1.1.0"));
    }

    @Test
    void whatAKilledRunLeftIsCleanedAndTheNextRunCompletes() throws Exception {
        installer().install(project, List.of(), InstallOptions.defaults());
        // a run killed while unpacking, its record written but not its folder renamed into place, and another killed
        // while downloading
        Folders.deleteRecursively(home.resolve("packages/@acme/base@1.2.0"));
        Path record = home.resolve("packages/@acme/.base@1.2.0.integrity");
        long killed = Processes.endedPid();
        Processes.killedWhileHolding(home.resolve("install.lock"));
        Path staged =
                Files.createDirectories(home.resolve("packages/@acme/.base@1.2.0.%d.5.part/package".formatted(killed)));
        Files.writeString(staged.resolve("half.txt"), "half");
        Path cachedFolder = Files.list(home.resolve("cache/tarballs/sha512")).findFirst().orElseThrow();
        Path partial = Files.writeString(cachedFolder.resolve(".abc.tgz.123.part"), "partial");
        // one killed while caching a document, while another run, still going, caches one
        Path documents = home.resolve("cache/http");
        Path orphan = Files.writeString(documents.resolve(".0a1b.%d.77.part".formatted(killed)), "{\"na");
        Path someoneElses = Files.writeString(documents.resolve(".2c3d.%d.78.part".formatted(ProcessHandle.current()
                .pid())), "{");
        // and one killed while writing the lock file
        Path halfLock = Files.writeString(project.resolve(".prompd.lock.%d.6.part".formatted(killed)),
                "{\"lockfileVer");
        // the project folder is the user's: nothing but prompd's own files goes
        Path usersOwn = Files.writeString(project.resolve(".draft.%d.6.part".formatted(killed)), "mine");

        InstallReport report = installer().install(project, List.of(), InstallOptions.defaults());

        assertEquals(5, report.repaired().size(), report.repaired().toString());
        assertTrue(report.repaired().contains(record), "then written again by the unpack");
        assertFalse(Files.exists(halfLock));
        assertFalse(Files.exists(staged.getParent()));
        assertFalse(Files.exists(partial));
        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(someoneElses), "a live process's temporary file is kept");
        assertTrue(Files.exists(usersOwn));
        assertTrue(installed("@acme/base", "1.2.0"));
    }

    @Test
    void aRunAfterOneThatFinishedLeavesTheStoreAndCacheUnsearched() throws Exception {
        installer().install(project, List.of(), InstallOptions.defaults());
        long killed = Processes.endedPid();
        Path staged = Files.createDirectories(home.resolve("packages/@acme/.base@1.2.0.%d.5.part".formatted(killed)));
        Path partial = Files.writeString(Files.list(home.resolve("cache/tarballs/sha512")).findFirst().orElseThrow()
                .resolve(".abc.tgz.%d.3.part".formatted(killed)), "partial");

        assertEquals(List.of(), installer().install(project, List.of(), InstallOptions.defaults()).repaired());
        assertTrue(Files.exists(staged), "no run was killed since the last look");
        assertTrue(Files.exists(partial));

        Processes.killedWhileHolding(home.resolve("install.lock"));
        assertEquals(List.of(staged, partial),
                installer().install(project, List.of(), InstallOptions.defaults()).repaired());
    }

    /** How a version folder may be damaged after it was installed: by hand, by a disk tool. */
    enum Damage {
        REPLACED_BY_A_FILE, EMPTIED, MANIFEST_DELETED, MANIFEST_CUT_SHORT, MANIFEST_EMPTIED, MANIFEST_AN_ARRAY,
        MANIFEST_A_STRING;

        void to(Path folder) throws IOException {
            Path manifest = folder.resolve("prompd.json");
            switch (this) {
                case REPLACED_BY_A_FILE -> {
                    Folders.deleteRecursively(folder);
                    Files.writeString(folder, "not a package");
                }
                case EMPTIED -> {
                    Folders.deleteRecursively(folder);
                    Files.createDirectory(folder);
                }
                case MANIFEST_DELETED -> Files.delete(manifest);
                case MANIFEST_CUT_SHORT -> Files.writeString(manifest, Files.readString(manifest).substring(0, 20));
                case MANIFEST_EMPTIED -> Files.writeString(manifest, "");
                case MANIFEST_AN_ARRAY -> Files.writeString(manifest, "[]");
                case MANIFEST_A_STRING -> Files.writeString(manifest, "\"@acme/base\"");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedVersionInTheStoreIsNotTakenForInstalledButReplacedFromTheCache(Damage damage) throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        Path folder = home.resolve("packages/@acme/base@1.2.0");
        damage.to(folder);

        InstallReport report = installer()
                .install(project, List.of(), new InstallOptions(Strategy.HIGHEST, true, false));

        assertEquals(1, report.count(InstalledPackage.Origin.CACHE), report.packages().toString());
        assertEquals(2, report.count(InstalledPackage.Origin.ALREADY_INSTALLED));
        assertTrue(installed("@acme/base", "1.2.0"));
        assertEquals(Set.of(Version.parse("1.2.0")), Homes.store(home).installedOrDamaged().get(name("@acme/base")));
    }

    @Test
    void twoConcurrentInstallsOfOneProjectBothSucceed() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<InstallReport> install = () -> installer().install(project, List.of(), InstallOptions.defaults());
            List<Future<InstallReport>> runs = threads.invokeAll(List.of(install, install));
            InstallReport first = runs.get(0).get();
            InstallReport second = runs.get(1).get();
            assertEquals(3, first.packages().size());
            assertEquals(3, second.packages().size());
            assertEquals(3,
                    first.count(InstalledPackage.Origin.DOWNLOADED) + second.count(InstalledPackage.Origin.DOWNLOADED));
        } finally {
            threads.shutdownNow();
        }
        assertEquals(3, lock().packages().size());
        assertTrue(installed("@acme/util", "1.1.0"));
        try (Stream<Path> left = Files.walk(home)) {
            assertTrue(left.noneMatch(TemporaryFiles::isTemporary));
        }
    }

    /**
     * A refused run removes the lock file of a home it found without one: runs waiting on that file, or making the
     * home again, must still take turns, and those that succeed install all they should.
     */
    @Test
    void refusedAndSucceedingRunsRacingInANewHomeTakeTurnsAndTheSucceedingOnesInstall() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path racing = work.resolve("racing-" + round);
            Callable<Optional<ExitCode>> refused = () -> {
                try {
                    Homes.installer(racing, server.url(), false).installGlobal(
                            List.of(PackageSpec.parse("@acme/nope")), InstallOptions.defaults());
                    return Optional.empty();
                } catch (PrompdException failure) {
                    return Optional.of(failure.exitCode());
                }
            };
            Callable<Optional<ExitCode>> installing = () -> {
                Homes.installer(racing, server.url(), false).installGlobal(
                        List.of(PackageSpec.parse("@acme/greeter")), InstallOptions.defaults());
                return Optional.empty();
            };
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<Optional<ExitCode>>> runs = threads.invokeAll(List.of(refused, installing, refused,
                        installing));
                for (int i = 0; i < runs.size(); i++) {
                    assertEquals(i % 2 == 0 ? Optional.of(ExitCode.NOT_FOUND) : Optional.empty(), runs.get(i).get());
                }
            } finally {
                threads.shutdownNow();
            }
            assertEquals(Set.of(name("@acme/greeter"), name("@acme/base"), name("@acme/util")),
                    Homes.store(racing).installedOrDamaged().keySet(), "round " + round);
            assertEquals(0, Homes.store(racing).verify(new TarballCache(racing.resolve("cache")),
                    List.of()).damaged().size(), "round " + round);
            try (Stream<Path> left = Files.walk(racing)) {
                assertTrue(left.noneMatch(TemporaryFiles::isTemporary), "round " + round);
            }
        }
    }

    @Test
    void runsWithDifferentHomesTakeTurnsOnOneProject() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<InstallReport>> runs = threads.invokeAll(List.of(
                    () -> Homes.installer(work.resolve("home-a"), server.url(), false).install(project,
                            List.of(PackageSpec.parse("@acme/util@^1.0.0")), InstallOptions.defaults()),
                    () -> Homes.installer(work.resolve("home-b"), server.url(), false).install(project,
                            List.of(PackageSpec.parse("@acme/base@^1.0.0")), InstallOptions.defaults())));
            runs.get(0).get();
            runs.get(1).get();
        } finally {
            threads.shutdownNow();
        }
        String manifest = Files.readString(project.resolve("prompd.json"));
        assertTrue(manifest.contains("@acme/util") && manifest.contains("@acme/base"),
                "neither run lost the other's addition");
        assertEquals(Set.of(name("@acme/greeter"), name("@acme/base"), name("@acme/util")), lock().packages().keySet());
    }

    @Test
    void installingFromAFolderRegistryWorksThroughFileUrls() throws IOException {
        InstallReport report = Homes.installer(home, registry.fileUrl(), false).install(project, List.of(),
                InstallOptions.defaults());
        assertEquals(3, report.count(InstalledPackage.Origin.DOWNLOADED));
        assertEquals("file", lock().packages().get(name("@acme/util")).resolved().getScheme());
    }

    @Test
    void aVersionWithBuildMetadataInstallsFromHostsThatReadAPlusAsASpace() throws IOException {
        registry.publish("@acme/stamped", "1.0.0+build.7");
        writeProject("\"@acme/stamped\": \"^1.0.0\"");

        // RegistryServer decodes paths as forms are decoded, '+' to a space, as Amazon S3 does.
        installer().install(project, List.of(), InstallOptions.defaults());

        assertTrue(installed("@acme/stamped", "1.0.0+build.7"));
        assertEquals(server.url().resolve("packages/@acme/stamped/-/stamped-1.0.0%2Bbuild.7.tgz"),
                lock().packages().get(name("@acme/stamped")).resolved());
        assertTrue(server.requests().contains("/packages/@acme/stamped/-/stamped-1.0.0+build.7.tgz"),
                () -> server.requests().toString());

        Files.delete(project.resolve("prompd.lock"));
        Homes.installer(work.resolve("other-home"), registry.fileUrl(), false).install(project, List.of(),
                InstallOptions.defaults());
        assertTrue(Files.isRegularFile(work.resolve("other-home/packages/@acme/stamped@1.0.0+build.7/prompd.json")));
    }

    @Test
    void lowestResolutionTakesTheOldestAllowedVersions() throws IOException {
        installer().install(project, List.of(), new InstallOptions(Strategy.LOWEST, false, false));
        assertEquals(Version.parse("1.0.0"), lock().packages().get(name("@acme/base")).version());
        assertEquals(Version.parse("1.0.0"), lock().packages().get(name("@acme/util")).version());
    }

    @Test
    void updateMovesWithinRangesAndLatestMovesTheRanges() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.publish("@acme/base", "1.3.0", "@acme/util", "^1.1.0").publish("@acme/greeter", "2.0.0");

        InstallReport update = installer().update(project, List.of(), false, InstallOptions.defaults());
        assertEquals(Version.parse("1.3.0"), lock().packages().get(name("@acme/base")).version());
        assertTrue(update.saved().isEmpty());

        InstallReport latest = installer()
                .update(project, List.of(name("@acme/greeter")), true, InstallOptions.defaults());
        assertEquals("^2.0.0", latest.saved().get(name("@acme/greeter")).text());
        assertEquals(Set.of(name("@acme/greeter")), lock().packages().keySet(), "greeter 2 needs nothing");
    }

    @Test
    void updateNotesTheDependenciesWhoseLatestIsOutsideTheirRangesAsCargoDoes() throws IOException {
        writeProject("\"@acme/greeter\": \"^1.0.0\", \"@acme/util\": \"~1.1.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.publish("@acme/greeter", "2.0.0");

        InstallReport all = installer().update(project, List.of(), false, InstallOptions.defaults());
        InstallReport named = installer().update(project, List.of(name("@acme/util")), false,
                InstallOptions.defaults());
        InstallReport latest = installer().update(project, List.of(name("@acme/greeter")), true,
                InstallOptions.defaults());

        assertEquals(List.of("@acme/greeter 2.0.0 is its latest version, outside prompd.json's ^1.0.0, so the update"
                + " stayed within the range; 'prompd update --latest @acme/greeter' moves the range to it",
                "@acme/util 2.0.0 is its latest version, outside prompd.json's ~1.1.0, so the update stayed within the"
                + " range; 'prompd update --latest @acme/util' moves the range to it"), texts(all.warnings()));
        assertEquals(List.of("@acme/util 2.0.0 is its latest version, outside prompd.json's ~1.1.0, so the update"
                + " stayed within the range; 'prompd update --latest @acme/util' moves the range to it"),
                texts(named.warnings()), "an update of named packages notes only them");
        assertEquals(List.of(), texts(latest.warnings()), "--latest moved the range");
    }

    @Test
    void theProjectsOwnEnginesAskingForAnotherPrompdAreWarnedOfAsAPackagesAre() throws IOException {
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@me/app\", \"version\": \"1.0.0\","
                + " \"engines\": {\"prompd\": \">=9.0.0\"}, \"dependencies\": {}}\n");

        InstallReport report = installer().install(project, List.of(), InstallOptions.defaults());

        assertEquals(List.of("prompd.json's engines.prompd asks for prompd >=9.0.0, and this is prompd 1.4.0; the"
                + " project's prompts may use what this one lacks (update prompd)"), texts(report.warnings()));
    }

    @Test
    void latestOfAPackageOutsidePrompdJsonSaysItHasNoRangeToMove() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.publish("@acme/util", "1.2.0");

        InstallReport update = installer()
                .update(project, List.of(name("@acme/util")), true, InstallOptions.defaults());

        assertEquals(Version.parse("1.2.0"), lock().packages().get(name("@acme/util")).version());
        assertEquals(List.of("@acme/util is not in prompd.json, so --latest has no range of it to move: it was updated"
                + " within the ranges of the packages that need it"), texts(update.warnings()));
    }

    @Test
    void aLockedVersionYankedSinceStaysThroughUpdatesUntilAnotherFitsAsCargoKeepsIt() throws IOException {
        writeProject("\"@acme/greeter\": \"^1.0.0\", \"@acme/util\": \"^1.1.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.yank("@acme/util", "1.1.0", "bad release").publish("@acme/base", "1.3.0", "@acme/util", "^1.1.0");

        InstallReport all = installer().update(project, List.of(), false, InstallOptions.defaults());
        installer().update(project, List.of(name("@acme/util")), false, InstallOptions.defaults());

        assertEquals(Version.parse("1.3.0"), lock().packages().get(name("@acme/base")).version(),
                "the others still move");
        assertEquals(Version.parse("1.1.0"), lock().packages().get(name("@acme/util")).version());
        assertEquals(List.of("@acme/util@1.1.0 is yanked: bad release (installed because the lock file"
                + " pins it; no other"
                + " version meets ^1.1.0, and none would with a wider range in prompd.json: the packages needing it ask"
                + " for ^1.1.0; a newer version of those may ask for another ('prompd tree' shows them))",
                "@acme/util 2.0.0 is its latest version, outside prompd.json's ^1.1.0, so the update stayed within the"
                + " range; 'prompd update --latest @acme/util' moves the range to it"), texts(all.warnings()));
        InstallReport latest = installer()
                .update(project, List.of(name("@acme/util")), true, InstallOptions.defaults());
        assertEquals(Version.parse("1.1.0"), lock().packages().get(name("@acme/util")).version());
        assertTrue(texts(latest.warnings()).get(0).startsWith("kept @acme/util ^1.1.0: its latest version, 2.0.0,"
                + " cannot be installed in this project, so 1.1.0, the highest version that can, is installed: Because"
                + " @acme/base >=1.2.0 depends on @acme/util ^1.1.0"), "@acme/base's ^1.1.0 refuses ^2.0.0, so --latest"
                + " sets the move aside and the warning does not suggest it: " + texts(latest.warnings()));

        registry.publish("@acme/util", "1.1.1");
        installer().update(project, List.of(name("@acme/util")), false, InstallOptions.defaults());
        assertEquals(Version.parse("1.1.1"), lock().packages().get(name("@acme/util")).version());
    }

    @Test
    void latestMovesOffALockedVersionYankedSince() throws IOException {
        writeProject("\"@acme/util\": \"^1.1.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());
        registry.yank("@acme/util", "1.1.0", "bad release");

        installer().update(project, List.of(), true, InstallOptions.defaults());

        assertEquals(Version.parse("2.0.0"), lock().packages().get(name("@acme/util")).version());
    }

    @Test
    void updateOfOnePackageKeepsTheOthersLocked() throws IOException {
        writeProject("\"@acme/base\": \"^1.0.0\", \"@acme/util\": \"^1.0.0\"");
        installer().install(project, List.of(), new InstallOptions(Strategy.LOWEST, false, false));
        registry.publish("@acme/util", "1.5.0");

        installer().update(project, List.of(name("@acme/util")), false, InstallOptions.defaults());

        assertEquals(Version.parse("1.0.0"), lock().packages().get(name("@acme/base")).version());
        assertEquals(Version.parse("1.5.0"), lock().packages().get(name("@acme/util")).version());
    }

    @Test
    void uninstallRemovesTheDependencyAndWhatOnlyItNeeded() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());

        InstallReport report = installer().uninstall(project, List.of(name("@acme/greeter")));

        assertEquals(List.of(name("@acme/greeter")), report.removed());
        assertTrue(lock().packages().isEmpty());
        assertFalse(Files.readString(project.resolve("prompd.json")).contains("greeter"));
        assertTrue(installed("@acme/greeter", "1.0.0"), "the shared store keeps the version");
    }

    @Test
    void uninstallOfAPackageThatIsNoDependencyIsNotFound() {
        PrompdException missing = assertThrows(PrompdException.class,
                () -> installer().uninstall(project, List.of(name("@acme/util"))));
        assertEquals(ExitCode.NOT_FOUND, missing.exitCode());
        assertEquals("not a dependency of this project: @acme/util", missing.getMessage());
    }

    @Test
    void uninstallOfAPackageOnlyAnotherNeedsNamesThatOne() throws IOException {
        installer().install(project, List.of(), InstallOptions.defaults());

        PrompdException transitive = assertThrows(PrompdException.class,
                () -> installer().uninstall(project, List.of(name("@acme/base"))));

        assertEquals(ExitCode.NOT_FOUND, transitive.exitCode());
        assertEquals("@acme/base is not a dependency in prompd.json: prompd.lock has it because"
                + " @acme/greeter depends on"
                + " it", transitive.getMessage());
        assertEquals("'prompd uninstall @acme/greeter' removes it too; 'prompd tree' shows who needs what",
                transitive.hint());
    }

    @Test
    void uninstallOfAPackageOthersNeedNamesThemAllAndHintsTheDependenciesLeadingToIt() throws IOException {
        registry.publish("@acme/tool", "1.0.0", "@acme/base", "^1.0.0");
        writeProject("\"@acme/greeter\": \"^1.0.0\", \"@acme/tool\": \"^1.0.0\"");
        installer().install(project, List.of(), InstallOptions.defaults());

        PrompdException base = assertThrows(PrompdException.class,
                () -> installer().uninstall(project, List.of(name("@acme/base"))));
        PrompdException util = assertThrows(PrompdException.class,
                () -> installer().uninstall(project, List.of(name("@acme/util"))));

        assertEquals("@acme/base is not a dependency in prompd.json: prompd.lock has it because @acme/greeter and"
                + " @acme/tool depend on it", base.getMessage());
        assertEquals("'prompd uninstall @acme/greeter @acme/tool' removes it too; 'prompd tree' shows who needs what",
                base.hint());
        assertEquals("@acme/util is not a dependency in prompd.json: prompd.lock has it because @acme/base depends on"
                + " it", util.getMessage());
        assertEquals("'prompd uninstall @acme/greeter @acme/tool' removes it too; 'prompd tree' shows who needs what",
                util.hint(), "not @acme/base, which is no dependency of prompd.json either");
        installer().uninstall(project, List.of(name("@acme/greeter"), name("@acme/tool")));
        assertEquals(Set.of(), lock().packages().keySet(), "the hint works");
    }

    @Test
    void aGlobalInstallNeedsNoProjectAndWritesNone() throws IOException {
        InstallReport report = installer().installGlobal(List.of(PackageSpec.parse("@acme/base@1.0.0")),
                InstallOptions.defaults());
        assertEquals(2, report.packages().size());
        assertTrue(installed("@acme/base", "1.0.0"));
        assertFalse(Files.exists(project.resolve("prompd.lock")));
    }

    @Test
    void aGlobalInstallResolvesEachPackageOnItsOwnAsNpmDoes() throws IOException {
        // together, util ^2.0.0 would conflict with base's ^1.0.0, and greeter's base ^1.0.0 would take base 1.0.0
        InstallReport report = installer().installGlobal(List.of(PackageSpec.parse("@acme/base@1.0.0"),
                PackageSpec.parse("@acme/util@^2.0.0"), PackageSpec.parse("@acme/greeter")), InstallOptions.defaults());

        assertTrue(installed("@acme/base", "1.0.0"));
        assertTrue(installed("@acme/base", "1.2.0"), "greeter's own base");
        assertTrue(installed("@acme/util", "2.0.0"));
        assertTrue(installed("@acme/util", "1.1.0"));
        assertEquals(List.of("@acme/base@1.0.0", "@acme/base@1.2.0", "@acme/greeter@1.0.0", "@acme/util@1.1.0",
                "@acme/util@2.0.0"), report.packages().stream().map(one -> one.name() + "@" + one.version()).toList(),
                "each version once, in order");
    }

    /**
     * Each named package is resolved on its own, but a version two of them need was downloaded, checked and unpacked
     * once per package, under one progress bar per package: greeter's base 1.2.0 and util 1.1.0, named too, came
     * twice, util a third time for base 1.0.0.
     */
    @Test
    void aGlobalInstallGetsAVersionPackagesShareOnceUnderOneProgress() throws IOException {
        List<Integer> progresses = new ArrayList<>();
        List<String> ready = new ArrayList<>();
        InstallListener listener = new InstallListener() {
            @Override
            public InstallProgress installing(int count) {
                progresses.add(count);
                return new InstallProgress() {
                    @Override
                    public ProgressListener downloading(PackageName name, Version version) {
                        return ProgressListener.NONE;
                    }

                    @Override
                    public synchronized void installed(PackageName name, Version version) {
                        ready.add(name + "@" + version);
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
        Installer installer = new Installer(home, Homes.store(home), Homes.cache(home),
                Homes.registry(home, server.url(), false), false, listener, Optional.of(Homes.PROMPD_VERSION), PLAIN);

        InstallReport report = installer.installGlobal(List.of(PackageSpec.parse("@acme/greeter"),
                PackageSpec.parse("@acme/base@1.2.0"), PackageSpec.parse("@acme/base@1.0.0")),
                InstallOptions.defaults());

        List<String> versions = List.of("@acme/base@1.0.0", "@acme/base@1.2.0", "@acme/greeter@1.0.0",
                "@acme/util@1.1.0");
        assertEquals(List.of("/packages/@acme/base/-/base-1.0.0.tgz", "/packages/@acme/base/-/base-1.2.0.tgz",
                        "/packages/@acme/greeter/-/greeter-1.0.0.tgz", "/packages/@acme/util/-/util-1.1.0.tgz"),
                server.requests().stream().filter(path -> path.endsWith(".tgz")).sorted().toList(),
                "one download of each version");
        assertEquals(versions, report.packages().stream().map(one -> one.name() + "@" + one.version()).toList());
        assertTrue(report.packages().stream().allMatch(one -> one.origin() == InstalledPackage.Origin.DOWNLOADED),
                report.packages()::toString);
        assertEquals(List.of(4), progresses, "one progress for the run, of the versions it gets");
        assertEquals(versions, ready.stream().sorted().toList());
    }

    /**
     * The named packages were planned one after another, each dependency's index.json fetched as its package's plan
     * came to it: two's @acme/y only once one's plan, waiting for @acme/x, was done. Announced together, the documents
     * of both are asked for at once, as a project's resolution asks.
     */
    @Test
    void aGlobalInstallFetchesTheIndexesOfItsPackagesDependenciesTogether() throws IOException {
        registry.publish("@acme/x", "1.0.0").publish("@acme/y", "1.0.0")
                .publish("@acme/one", "1.0.0", "@acme/x", "^1.0.0").publish("@acme/two", "1.0.0", "@acme/y", "^1.0.0");
        CountDownLatch both = new CountDownLatch(2);
        List<String> alone = new CopyOnWriteArrayList<>();
        server.onRequest(path -> {
            if (path.equals("/packages/@acme/x/index.json") || path.equals("/packages/@acme/y/index.json")) {
                both.countDown();
                try {
                    if (!both.await(3, TimeUnit.SECONDS)) {
                        alone.add(path);
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        installer().installGlobal(List.of(PackageSpec.parse("@acme/one"), PackageSpec.parse("@acme/two@^1.0.0")),
                InstallOptions.defaults());

        assertEquals(List.of(), alone, "asked for while the other was not");
        assertTrue(installed("@acme/x", "1.0.0") && installed("@acme/y", "1.0.0"));
    }

    @Test
    void aGlobalConflictDoesNotSpeakOfAProject() {
        registry.publish("@acme/needs-util-3", "1.0.0", "@acme/util", "^3.0.0");

        PrompdException failed = assertThrows(PrompdException.class, () -> installer().installGlobal(
                List.of(PackageSpec.parse("@acme/needs-util-3")), InstallOptions.defaults()));

        assertEquals("""
                Because every version of @acme/needs-util-3 depends on @acme/util ^3.0.0 and no version of @acme/util\
                 matches ^3.0.0 (published: 1.0.0, 1.1.0, 2.0.0), @acme/needs-util-3 cannot be used.
                So, because the global install depends on @acme/needs-util-3 ^1.0.0, version solving failed.""",
                failed.getMessage());
    }
}
