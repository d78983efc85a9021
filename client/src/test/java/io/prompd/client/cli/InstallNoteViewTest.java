package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.config.RegistryName;
import io.prompd.client.install.InstallNote;
import io.prompd.client.install.LastCopyPlace;
import io.prompd.client.install.Redownload;
import io.prompd.client.install.lock.ConflictedLock;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.RegistryMention;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.resolve.Strategy;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InstallNoteViewTest {

    private static final PackageName X = PackageName.parse("@a/x");
    private static final Version ONE = Version.parse("1.0.0");
    private static final Version TWO = Version.parse("2.0.0");
    private static final VersionRange CARET_ONE = VersionRange.parse("^1.0.0");

    /** One note of every kind. */
    private static final List<InstallNote> EVERY_KIND = List.of(
            new InstallNote.Yanked(X, ONE, "broken", true, "'prompd update @a/x' moves off it"),
            new InstallNote.Deprecated(X, ONE, ""),
            new InstallNote.TakenDown(X, ONE, Optional.empty(), false, "'prompd update @a/x' moves off it"),
            new InstallNote.MovedOffTakenDown(X, ONE, TWO, "leaked a key"),
            new InstallNote.EngineMismatch(X, ONE, VersionRange.parse(">=2.0.0"), ONE),
            new InstallNote.HeldBack(X, TWO, Optional.of(ONE),
                    "needs @a/base ^2.0.0, which only versions taken down meet"),
            new InstallNote.StaleLock(List.of("prompd.lock records no dependencies for @a/x@1.0.0")),
            new InstallNote.LatestSetAside(X, VersionRange.parse("^2.0.0"), ONE, Strategy.LOWEST, false,
                    Optional.empty(),
                    Optional.empty()),
            new InstallNote.LatestNotDirect(X),
            new InstallNote.LatestOlderThanLocked(X, CARET_ONE, ONE, Version.parse("1.1.0-rc.1")),
            new InstallNote.LatestBlocked(X, CARET_ONE, TWO,
                    "needs @a/base ^2.0.0, which only versions taken down meet"),
            new InstallNote.NotResolvedAgain(false, "no version of @a/y matches ^3.0.0"),
            new InstallNote.Unlockable(X, "every version of @a/x is taken down (1.0.0), so 'prompd install' cannot lock"
                    + " it: remove the dependency with 'prompd uninstall @a/x'"),
            new InstallNote.LeftOut(List.of(new InstallNote.TakenDownVersion(X, ONE, Optional.of("leaked a key"))),
                    "'prompd update @a/x' moves off it"),
            new InstallNote.RouteChanged(X, ONE, new RegistryMention(Optional.of(RegistryName.parse("a")),
                    URI.create("https://a.test/")), "@a", new RegistryMention(Optional.of(RegistryName.parse("b")),
                    URI.create("https://b.test/")), false, false,
                    "route @a back to registry a (https://a.test/) with 'prompd config set scopes.@a a'"),
            new InstallNote.LockConflictMerged("HEAD", "", List.of(new ConflictedLock.Differing(X, locked(ONE, "x"),
                    locked(TWO, "x"))), new TreeMap<>(Map.of(X, ONE))),
            new InstallNote.GoneFromRegistry(X, ONE, "registry default (https://registry.test/)", true,
                    "no version of @a/x is left to download: remove the dependency with 'prompd uninstall @a/x'"),
            new InstallNote.NotInRegistry(X, "registry default (https://registry.test/)",
                    "'prompd install' cannot lock it: remove the dependency with 'prompd uninstall @a/x'",
                    Optional.empty()),
            InstallNote.LatestPassedOver.asked(X, ONE, TWO, Strategy.HIGHEST, false, Optional.empty()),
            new InstallNote.LatestYanked(X, TWO, "broken", ONE),
            new InstallNote.HeldBackByRanges(X, ONE, new InstallNote.OutOfReach(TWO,
                    List.of(new InstallNote.Requirement(PackageName.parse("@a/base"), CARET_ONE, Optional.empty())),
                    Optional.empty()), Optional.empty(), Optional.empty()),
            new InstallNote.LatestConflicts(X, CARET_ONE, TWO, ONE, Optional.empty(), List.of(), Strategy.HIGHEST,
                    Optional.of("Because @a/x 2.0.0 depends on @a/y ^2.0.0 and no version of @a/y matches ^2.0.0"
                            + " (2.0.0 is yanked), @a/x 2.0.0 cannot be used.\nSo, because your project depends on"
                            + " @a/x 2.0.0, version solving failed.")),
            new InstallNote.NotADependency(X, List.of(PackageName.parse("@a/y"))),
            new InstallNote.ReferenceOutOfStep("prompts/a.prmd", 4, "@a/x@1.0.0", X, Optional.of("@a/x@^2.0.0")),
            new InstallNote.DependencyFileMissing(PackageName.parse("@a/y"), ONE, "prompts/a.prmd", "inherits", 4,
                    "@a/x@^1.0.0/prompts/b.prmd", X, ONE, false, Optional.empty(), "'prompd update @a/x'"),
            new InstallNote.NotInStore(X, Optional.of(CARET_ONE)),
            new InstallNote.LastCopyRemoved(new Redownload(X, ONE, Redownload.Fate.UNLISTED,
                    "registry default (https://registry.test/)", Optional.empty()), LastCopyPlace.STORE),
            new InstallNote.RemovedUnchecked(List.of(new Redownload(X, ONE, Redownload.Fate.UNKNOWN,
                    "registry default (https://registry.test/)",
                    Optional.of("offline and not cached: https://registry.test/packages/@a/x/index.json"))),
                    LastCopyPlace.CACHE),
            new InstallNote.MovedOffYanked(X, TWO, ONE, "broken"),
            new InstallNote.LockKept(Strategy.LOWEST, List.of(new InstallNote.KeptVersion(X, TWO, ONE)),
                    "'prompd update --resolution lowest'"),
            new InstallNote.ProjectEngineMismatch(VersionRange.parse(">=9.0.0"), ONE),
            new InstallNote.UnknownField("dependancies", 4, "did you mean 'dependencies'?"),
            new InstallNote.LatestOutsideRange(X, CARET_ONE, TWO, "prompd update --latest @a/x"),
            new InstallNote.IndexListsOtherDependencies(X, ONE, URI.create("https://a.test/packages/@a/x/index.json"),
                    new TreeMap<>(), new TreeMap<>(Map.of("@b/y", "^1.0.0"))),
            new InstallNote.QueryLeftOut(X, ONE, List.of("sess")),
            new InstallNote.FromIndexUrl(X, ONE, URI.create("https://cdn.test/dl?f=x/8f3a2c&sig=secret#part"),
                    new RegistryMention(Optional.of(RegistryName.parse("b")), URI.create("https://b.test/")),
                    "not found in the registry: https://b.test/packages/@a/x/-/x-1.0.0.tgz"),
            new InstallNote.FromLockedUrl(X, ONE, new RegistryMention(Optional.empty(), URI.create("https://a.test/")),
                    URI.create("https://a.test/packages/@a/x/-/x-1.0.0.tgz?sig=secret"),
                    new RegistryMention(Optional.of(RegistryName.parse("b")), URI.create("https://b.test/")),
                    "could not fetch https://b.test/packages/@a/x/-/x-1.0.0.tgz: gave up after 4 attempts (last: HTTP"
                            + " 500)"));

    private static LockedPackage locked(Version version, String bytes) {
        return new LockedPackage(version, URI.create("https://a.test/x-" + version + ".tgz"),
                Integrity.of(bytes.getBytes(StandardCharsets.UTF_8)), new TreeMap<>());
    }

    @Test
    void everyKindIsWordedAsTextAndAsJsonOfItsOwnKindWithTheSameSentence() {
        assertEquals(Arrays.stream(InstallNote.class.getPermittedSubclasses()).collect(Collectors.toSet()),
                EVERY_KIND.stream().map(Object::getClass).collect(Collectors.toSet()), "a sample of every kind");
        for (InstallNote note : EVERY_KIND) {
            String text = InstallNoteView.text(note);
            Map<String, Object> json = InstallNoteView.asJson(note);
            assertFalse(text.isBlank(), note.toString());
            assertEquals(text, json.get("message"), note.toString());
            assertFalse(json.containsValue(null), json.toString());
        }
        Set<Object> kinds = EVERY_KIND.stream().map(note -> InstallNoteView.asJson(note).get("kind"))
                .collect(Collectors.toSet());
        assertEquals(EVERY_KIND.size(), kinds.size(), "each kind its own name: " + kinds);
    }

    @Test
    void theJsonOfANoteNamesItsVersionsAsTextAndLeavesOutWhatDoesNotApply() {
        assertEquals("""
                {
                  "installable": "1.0.0",
                  "kind": "heldBack",
                  "message": "@a/x 2.0.0 cannot be installed now, as it needs @a/base ^2.0.0, which only versions\
                 taken down meet, so 1.0.0 is the newest version its ranges allow that can be (wait for a release of\
                 @a/x needing another)",
                  "name": "@a/x",
                  "preferred": "2.0.0"
                }""", Json.writeString(InstallNoteView.asJson(EVERY_KIND.get(5))).strip());
        assertEquals("@a/x@1.0.0 is no longer listed by its registry (it can no longer be downloaded; 'prompd update"
                + " @a/x' moves off it)", InstallNoteView.text(EVERY_KIND.get(2)));
        assertFalse(InstallNoteView.asJson(EVERY_KIND.get(2)).containsKey("reason"), "no takedown recorded");
        assertEquals(Map.of("kind", "leftOut", "packages", List.of(Map.of("name", X, "version", ONE, "reason",
                "leaked a key")), "message", "not installed, as taken down with no copy at hand, though prompd.lock"
                + " still locks it: @a/x@1.0.0: leaked a key ('prompd update @a/x' moves off it)"),
                InstallNoteView.asJson(EVERY_KIND.get(13)));
        assertEquals(Map.of("kind", "leftOut", "packages", List.of(Map.of("name", X, "version", ONE, "unlisted",
                true)), "message",
                "not installed, as taken down with no copy at hand, though prompd.lock still locks it: @a/x@1.0.0: no"
                        + " longer listed by its registry ('prompd update @a/x' moves off it)"),
                InstallNoteView.asJson(new InstallNote.LeftOut(List.of(new InstallNote.TakenDownVersion(X, ONE,
                        Optional.empty())), "'prompd update @a/x' moves off it")), "no takedown recorded");
        assertTrue(InstallNoteView.text(EVERY_KIND.get(7)).endsWith("so 1.0.0, the lowest version that can, is"
                + " installed"));
    }

    /** A package an update moved, down as a latest tag moved back takes it or up, is not said to stay where it was. */
    @Test
    void aPackageHeldBackThatTheUpdateMovedIsSaidToHaveMovedFromItsLockedVersion() {
        InstallNote.HeldBackByRanges held = (InstallNote.HeldBackByRanges) EVERY_KIND.get(20);
        Version between = Version.parse("1.5.0");

        InstallNote down = held.lockedBefore(Optional.of(between));
        InstallNote up = held.lockedBefore(Optional.of(Version.parse("0.9.0")));

        assertTrue(InstallNoteView.text(held.lockedBefore(Optional.of(ONE))).startsWith("@a/x stays at 1.0.0, held"),
                InstallNoteView.text(held));
        assertTrue(InstallNoteView.text(down).startsWith("@a/x moved down from the locked 1.5.0 to 1.0.0, held back"
                + " by prompd.json's @a/base ^1.0.0: 2.0.0, which its own ranges allow, "),
                InstallNoteView.text(down));
        assertEquals(between, InstallNoteView.asJson(down).get("movedFrom"));
        assertTrue(InstallNoteView.text(up).startsWith("@a/x moved up from the locked 0.9.0 to 1.0.0, held back"),
                InstallNoteView.text(up));
        assertFalse(InstallNoteView.asJson(held).containsKey("movedFrom"), "a package staying moved from nowhere");
    }

    /** Where the project could not be resolved anew, which kept versions differ is not known: the lock kept them. */
    @Test
    void aLockKeptWhoseVersionsAnewAreNotKnownSaysItKeptItsVersions() {
        InstallNote note = new InstallNote.LockKept(Strategy.HIGHEST, List.of(),
                "'prompd update --resolution highest'");

        assertEquals("prompd.lock kept its versions: --resolution highest chooses only versions the lock does not"
                + " hold; 'prompd update --resolution highest' resolves every package anew",
                InstallNoteView.text(note));
        assertEquals(List.of(), InstallNoteView.asJson(note).get("kept"));
    }

    @Test
    void everyKindCarryingAReasonLeavesItOutWhenTheRegistryGaveAnEmptyOrBlankOne() {
        String wayOff = "'prompd update @a/x' moves off it";
        List<InstallNote> withoutReasons = List.of(
                new InstallNote.Yanked(X, ONE, " ", false, wayOff),
                new InstallNote.Deprecated(X, ONE, ""),
                new InstallNote.TakenDown(X, ONE, Optional.of(""), true, wayOff),
                new InstallNote.MovedOffTakenDown(X, ONE, TWO, "\t"),
                new InstallNote.MovedOffYanked(X, TWO, ONE, ""),
                new InstallNote.LatestYanked(X, TWO, "", ONE));
        for (InstallNote note : withoutReasons) {
            assertFalse(InstallNoteView.asJson(note).containsKey("reason"), note.toString());
        }
        assertEquals(List.of(Map.of("name", X, "version", ONE)), InstallNoteView.asJson(new InstallNote.LeftOut(
                List.of(new InstallNote.TakenDownVersion(X, ONE, Optional.of(" "))), wayOff)).get("packages"));
        assertEquals("broken", InstallNoteView.asJson(EVERY_KIND.get(0)).get("reason"), "a reason given is kept");
    }

    @Test
    void aRouteChangeGivesEachRegistryAsANameAndAUrlLeavingOutTheNameOfOneNotConfigured() {
        InstallNote.RouteChanged named = (InstallNote.RouteChanged) EVERY_KIND.get(14);
        assertEquals(Map.of("name", "a", "url", "https://a.test/"), InstallNoteView.asJson(named).get("lockedFrom"));
        assertEquals(Map.of("name", "b", "url", "https://b.test/"), InstallNoteView.asJson(named).get("resolvesIn"));
        assertTrue(InstallNoteView.text(named).startsWith("@a/x@1.0.0 is locked in prompd.lock from registry a"
                + " (https://a.test/), and @a now resolves in registry b (https://b.test/), which does not have it;"),
                InstallNoteView.text(named));

        InstallNote.RouteChanged unnamed = new InstallNote.RouteChanged(X, ONE, new RegistryMention(Optional.empty(),
                URI.create("https://a.test/dl?f=x-1.0.0.tgz&sig=secret")), "@a", new RegistryMention(Optional.empty(),
                URI.create("https://b.test/")), true, false, "https://a.test/dl?f=x-1.0.0.tgz is no registry's tarball"
                + " path, so it names no registry to route @a back to");
        assertEquals(Map.of("url", "https://a.test/dl?f=x-1.0.0.tgz"), InstallNoteView.asJson(unnamed)
                .get("lockedFrom"), "as the lock records it: the signature left out, the query naming a tarball kept");
        assertEquals(Map.of("url", "https://b.test/"), InstallNoteView.asJson(unnamed).get("resolvesIn"));
        assertTrue(InstallNoteView.text(unnamed).startsWith("@a/x@1.0.0 is locked in prompd.lock from"
                + " https://a.test/dl?f=x-1.0.0.tgz, and @a now resolves in registry https://b.test/, whose copy of it"
                + " has other bytes;"), InstallNoteView.text(unnamed));
    }

    @Test
    void aVersionFromTheLocksUrlNamesTheRegistryThatFailedHowAndTheUrlThatGaveIt() {
        assertEquals(Map.of("kind", "fromLockedUrl", "name", X, "version", ONE, "lockedFrom",
                Map.of("url", "https://a.test/"), "url", "https://a.test/packages/@a/x/-/x-1.0.0.tgz",
                "resolvesIn", Map.of("name", "b", "url", "https://b.test/"), "problem", "could not fetch"
                        + " https://b.test/packages/@a/x/-/x-1.0.0.tgz: gave up after 4 attempts (last: HTTP 500)",
                "message", "@a/x@1.0.0 came from the URL prompd.lock records,"
                        + " https://a.test/packages/@a/x/-/x-1.0.0.tgz, with the integrity it pins, as registry b"
                        + " (https://b.test/) failed to give it: could not fetch"
                        + " https://b.test/packages/@a/x/-/x-1.0.0.tgz: gave up after 4 attempts (last: HTTP 500)"),
                InstallNoteView.asJson(EVERY_KIND.get(EVERY_KIND.size() - 1)), "a signature is left out, as locked");
    }

    @Test
    void aVersionFromTheIndexsUrlWithNoLockNamesTheIndexAsWhereTheUrlCameFrom() {
        assertEquals(Map.of("kind", "fromIndexUrl", "name", X, "version", ONE, "url", "https://cdn.test/dl?f=x/8f3a2c",
                "resolvesIn", Map.of("name", "b", "url", "https://b.test/"), "problem", "not found in the registry:"
                        + " https://b.test/packages/@a/x/-/x-1.0.0.tgz",
                "message", "@a/x@1.0.0 came from the URL the index of registry b (https://b.test/) gives for it,"
                        + " https://cdn.test/dl?f=x/8f3a2c, with the integrity the index lists, as the registry failed"
                        + " to give it at its own tarball path: not found in the registry:"
                        + " https://b.test/packages/@a/x/-/x-1.0.0.tgz"),
                InstallNoteView.asJson(EVERY_KIND.get(EVERY_KIND.size() - 2)),
                "as the lock records it: its signature left out, the query telling it from other tarballs kept");
    }

    /**
     * The two sides of a merged lock locking a version at tarballs addressed by their query read alike, each
     * {@code /dl?…}: each is named as the lock records it.
     */
    @Test
    void theSidesOfAMergedLockNameTheirTarballUrlsAsTheLockRecordsThem() {
        Integrity integrity = Integrity.of(new byte[0]);
        InstallNote note = new InstallNote.LockConflictMerged("HEAD", "", List.of(new ConflictedLock.Differing(X,
                new LockedPackage(ONE, URI.create("https://a.test/dl?f=x-1.0.0.tgz"), integrity, new TreeMap<>()),
                new LockedPackage(ONE, URI.create("https://a.test/dl?f=old/x-1.0.0.tgz"), integrity,
                        new TreeMap<>()))), new TreeMap<>());

        assertTrue(InstallNoteView.text(note).contains("@a/x 1.0.0 from https://a.test/dl?f=x-1.0.0.tgz, not"
                + " https://a.test/dl?f=old/x-1.0.0.tgz"), InstallNoteView.text(note));
        assertEquals(Map.of("ours", "https://a.test/dl?f=x-1.0.0.tgz", "theirs", "https://a.test/dl?f=old/x-1.0.0.tgz"),
                ((List<?>) InstallNoteView.asJson(note).get("differing")).stream()
                        .map(differing -> ((Map<?, ?>) differing).get("resolved")).findFirst().orElseThrow());
    }

    @Test
    void aLatestVersionNotInstalledGloballyIsSaidNotToResolveForNoProjectIsThere() {
        assertEquals("@a/x ^2.0.0, from its latest version, cannot be resolved, so 1.0.0, the highest version that can,"
                + " is installed", InstallNoteView.text(new InstallNote.LatestSetAside(X, VersionRange.parse("^2.0.0"),
                ONE, Strategy.HIGHEST, true, Optional.empty(), Optional.empty())));
        assertEquals("@a/x's latest version, 1.0.0, cannot be resolved, so 1.1.0, the highest version that can, is"
                + " installed", InstallNoteView.text(InstallNote.LatestPassedOver.asked(X, ONE, Version.parse("1.1.0"),
                Strategy.HIGHEST, true, Optional.empty())));
    }
}
