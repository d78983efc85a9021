package io.prompd.client.install;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.client.cli.InstallNoteView;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Dist;
import io.prompd.core.protocol.Owners;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.testing.TestVersions;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StatusNotesTest {

    private static final PackageName X = PackageName.parse("@a/x");
    private static final PackageName APP = PackageName.parse("@a/app");
    private static final Integrity INTEGRITY = Integrity.of(new byte[] {1});
    private static final StatusNotes.PackageLookup NO_INDEX = name -> Optional.empty();

    private static VersionSummary summary(String version, String yanked, String deprecated) {
        return summary(version, new TreeMap<>(), yanked, deprecated);
    }

    private static VersionSummary summary(String version, SortedMap<PackageName, VersionRange> dependencies,
                                          String yanked, String deprecated) {
        return TestVersions.summary(Version.parse(version), dependencies,
                new Dist("-/x-" + version + ".tgz", INTEGRITY, 1, 1, 1), yanked, deprecated);
    }

    /** @x published as these versions, each with its yank reason or null */
    private static PublishedPackage published(VersionSummary... versions) {
        return published(X, versions);
    }

    private static PublishedPackage published(PackageName name, VersionSummary... versions) {
        SortedMap<Version, VersionSummary> byVersion = new TreeMap<>();
        for (VersionSummary version : versions) {
            byVersion.put(version.version(), version);
        }
        return new PublishedPackage(new Packument(name, null, List.of(), null, null, null, null, Owners.NONE,
                new TreeMap<>(), byVersion, Instant.EPOCH),
                URI.create("https://registry.test/packages/@a/x/index.json"));
    }

    /** @x as {@code published} lists it, with {@code version} recorded as taken down for leaking a key. */
    private static PublishedPackage takenDown(PublishedPackage published, String version) {
        return new PublishedPackage(new Packument(X, null, List.of(), null, null, null, null, Owners.NONE,
                new TreeMap<>(), published.packument().versions(), Instant.EPOCH,
                new TreeMap<>(Map.of(Version.parse(version), "leaked a key")), new TreeMap<>()), published.url());
    }

    /** A project depending on @a/x with that range, locked at {@code locked}; or needing it through @a/app. */
    private static ProjectGraph graph(String range, String locked, boolean direct) {
        return direct ? graph(range, null, locked) : graph(null, range, locked);
    }

    /**
     * A project with @a/x locked at {@code locked}, depending on it with {@code own} unless null, and on @a/app,
     * which needs it in {@code needing}, unless null.
     */
    private static ProjectGraph graph(String own, String needing, String locked) {
        SortedMap<PackageName, VersionRange> roots = new TreeMap<>();
        SortedMap<PackageName,
                LockedPackage> packages = new TreeMap<>(Map.of(X, new LockedPackage(Version.parse(locked),
                URI.create("https://registry.test/x.tgz"), INTEGRITY, new TreeMap<>())));
        if (own != null) {
            roots.put(X, VersionRange.parse(own));
        }
        if (needing != null) {
            PackageName app = APP;
            roots.put(app, VersionRange.caret(Version.parse("1.0.0")));
            packages.put(app, new LockedPackage(Version.parse("1.0.0"), URI.create("https://registry.test/app.tgz"),
                    INTEGRITY, new TreeMap<>(Map.of(X, VersionRange.parse(needing)))));
        }
        return new ProjectGraph(roots, new LockFile(packages));
    }

    private static List<String> texts(List<InstallNote> notes) {
        return notes.stream().map(StatusNotesTest::text).toList();
    }

    private static String text(InstallNote note) {
        return InstallNoteView.text(note);
    }

    @Test
    void aNoteGivesTheRegistrysReasonAndWhatToDo() {
        VersionSummary yanked = summary("1.0.0", " leaks a key\n", "use 2.x");
        assertEquals(List.of("@a/x@1.0.0 is yanked: leaks a key (installed because the lock file pins it; 'prompd"
                + " update @a/x' moves off it)",
                        "@a/x@1.0.0 is deprecated: use 2.x"),
                texts(StatusNotes.of(graph("^1.0.0", "1.0.0", true), NO_INDEX,
                        published(yanked, summary("1.0.1", null, null)),
                        yanked, true, PLAIN)));
    }

    @Test
    void anEmptyReasonLeavesTheBareState() {
        VersionSummary yanked = summary("1.0.0", "", " ");
        assertEquals(List.of("@a/x@1.0.0 is yanked ('prompd update @a/x' moves off it)", "@a/x@1.0.0 is deprecated"),
                texts(StatusNotes.of(graph("^1.0.0", "1.0.0", true), NO_INDEX,
                        published(yanked, summary("1.1.0", null, null)),
                        yanked, false, PLAIN)));
    }

    @Test
    void withNoOtherVersionInRangeTheWayOffIsANewRangeToTheNewerMajor() {
        VersionSummary yanked = summary("1.2.0", "bad release", null);
        assertEquals(List.of("@a/x@1.2.0 is yanked: bad release (no other version meets ^1.2.0: widen its range in"
                        + " prompd.json, as 'prompd update @a/x --latest' does to ^2.0.0)"),
                texts(StatusNotes.of(graph("^1.2.0", "1.2.0", true), NO_INDEX,
                        published(summary("1.1.0", null, null), yanked,
                        summary("2.0.0", null, null)), yanked, false, PLAIN)));
    }

    @Test
    void withNoOtherVersionInRangeNorANewerOneTheWayOffIsAnotherRange() {
        VersionSummary yanked = summary("1.2.0", "bad release", null);
        assertEquals(List.of("@a/x@1.2.0 is yanked: bad release (no other version meets ^1.2.0: widen its range in"
                        + " prompd.json, or choose another version ('prompd info @a/x' lists them))"),
                texts(StatusNotes.of(graph("^1.2.0", "1.2.0", true), NO_INDEX,
                        published(summary("1.1.0", null, null), yanked),
                        yanked, false, PLAIN)));
    }

    @Test
    void aVersionGoneFromTheIndexIsTakenDownWithItsRecordedReasonAndTheSameWayOff() {
        PublishedPackage published = published(summary("1.0.0", null, null), summary("2.0.0", null, null));
        assertEquals("@a/x@1.1.0 is taken down: leaked a key (it can no longer be downloaded; 'prompd update @a/x'"
                + " moves off it)", text(StatusNotes.takenDown(graph("^1.0.0", "1.1.0", true), NO_INDEX,
                takenDown(published, "1.1.0"), Version.parse("1.1.0"), false, PLAIN)));
        assertEquals("@a/x@1.1.0 is no longer listed by its registry (it can no longer be downloaded; no other version"
                        + " meets ^1.1.0: widen its range in prompd.json, as 'prompd update @a/x --latest'"
                        + " does to ^2.0.0)",
                text(StatusNotes.takenDown(graph("^1.1.0", "1.1.0", true), NO_INDEX, published, Version.parse("1.1.0"),
                        false, PLAIN)),
                "a folder deleted before takedowns were recorded");
    }

    @Test
    void updateLatestIsTheWayOffOnlyWhenThePackagesNeedingItAllowTheLatest() {
        VersionSummary yanked = summary("1.1.0", "bad release", null);
        PublishedPackage published = published(summary("1.0.0", null, null), yanked, summary("2.0.0", null, null));
        assertEquals(List.of("@a/x@1.1.0 is yanked: bad release (no other version meets ^1.0.0 and ^1.1.0, and none"
                        + " would with a wider range in prompd.json: the packages needing it ask for ^1.1.0; a newer"
                        + " version of those may ask for another ('prompd tree' shows them))"),
                texts(StatusNotes.of(graph("^1.0.0", "^1.1.0", "1.1.0"), NO_INDEX, published, yanked, false, PLAIN)),
                "'update @a/x --latest' would move to ^2.0.0, which @a/app's ^1.1.0 refuses: a conflict");
        assertEquals(List.of("@a/x@1.1.0 is yanked: bad release (no other version meets ^1.0.0 and >=1.1.0: widen its"
                        + " range in prompd.json, as 'prompd update @a/x --latest' does to ^2.0.0)"),
                texts(StatusNotes.of(graph("^1.0.0", ">=1.1.0", "1.1.0"), NO_INDEX, published, yanked, false, PLAIN)));
        assertEquals(List.of("@a/x@1.1.0 is yanked: bad release (no other version meets ~1.1.0 and >=1.1.0 <3.0.0:"
                        + " widen its range in prompd.json, or choose another version ('prompd info"
                        + " @a/x' lists them))"),
                texts(StatusNotes.of(graph("~1.1.0", ">=1.1.0 <3.0.0", "1.1.0"), NO_INDEX, published(
                        summary("1.0.0", null, null),
                        yanked, summary("2.0.0", null, null), summary("3.0.0", null, null)), yanked, false, PLAIN)),
                "2.0.0 would do, but not the latest, 3.0.0");
    }

    @Test
    void aTransitiveYankedVersionWithNoOtherInRangeNamesWhereItsRangeComesFrom() {
        VersionSummary yanked = summary("1.2.0", "bad release", null);
        assertEquals(List.of("@a/x@1.2.0 is yanked: bad release (no other version meets ^1.2.0, which the packages"
                        + " needing it ask for; a newer version of those may ask for another ('prompd"
                        + " tree' shows them))"),
                texts(StatusNotes.of(graph("^1.2.0", "1.2.0", false), NO_INDEX,
                        published(yanked, summary("2.0.0", null, null)),
                        yanked, false, PLAIN)));
    }

    @Test
    void aTransitiveVersionThatANewerReleaseOfThePackagesNeedingItDoesWithoutIsLeftByUpdatingThemToo() {
        VersionSummary yanked = summary("1.2.0", "bad release", null);
        PublishedPackage app = published(APP, summary("1.0.0", new TreeMap<>(Map.of(X, VersionRange.parse("^1.2.0"))),
                null, null), summary("1.1.0", new TreeMap<>(Map.of(X, VersionRange.parse("^1.0.0"))), null, null));
        StatusNotes.PackageLookup withApp = name -> Optional.of(app).filter(one -> one.packument().name().equals(name));
        PublishedPackage published = published(summary("1.0.0", null, null), yanked);
        assertEquals(List.of("@a/x@1.2.0 is yanked: bad release ('prompd update @a/x @a/app' moves off it)"),
                texts(StatusNotes.of(graph("^1.2.0", "1.2.0", false), withApp, published, yanked, false, PLAIN)));
        assertEquals(List.of("@a/x@1.2.0 is yanked: bad release (no other version meets ^1.2.0, which the packages"
                        + " needing it ask for; a newer version of those may ask for another ('prompd"
                        + " tree' shows them))"),
                texts(StatusNotes.of(graph("^1.2.0", "1.2.0", false), withApp,
                        published(yanked, summary("2.0.0", null, null)),
                        yanked, false, PLAIN)), "@a/app 1.1.0 asks for ^1.0.0, which only 1.2.0 meets");
        assertEquals("@a/x@1.2.0 is taken down: leaked a key (it can no longer be downloaded; 'prompd update @a/x"
                + " @a/app' moves off it)",
                text(StatusNotes.takenDown(graph("^1.2.0", "1.2.0", false), withApp, takenDown(
                        published(summary("1.0.0", null, null)), "1.2.0"), Version.parse("1.2.0"), false,
                        PLAIN)));
    }
}
