package io.prompd.core.resolve;

import static io.prompd.core.resolve.TestIndex.ranges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResolverTest {

    private static Map<String, String> resolve(TestIndex index, ResolveOptions options, String... roots) {
        Resolution resolution = Resolver.resolve(ranges(roots), index, options);
        Map<String, String> chosen = new TreeMap<>();
        resolution.versions().forEach((name, version) -> chosen.put(name.toString(), version.toString()));
        return chosen;
    }

    private static Map<String, String> resolve(TestIndex index, String... roots) {
        return resolve(index, ResolveOptions.defaults(), roots);
    }

    private static ResolveOptions lockedAt(String name, String version) {
        return ResolveOptions.defaults()
                .withLocked(new TreeMap<>(Map.of(PackageName.parse(name), Version.parse(version))));
    }

    private static ResolutionException failure(TestIndex index, String... roots) {
        return assertThrows(ResolutionException.class,
                () -> Resolver.resolve(ranges(roots), index, ResolveOptions.defaults()));
    }

    @Test
    void resolvesAChain() {
        TestIndex index = new TestIndex()
                .add("@a/x", "1.0.0", "@b/y", "^1.0.0")
                .add("@b/y", "1.2.0", "@c/z", "~2.0.0")
                .add("@c/z", "2.0.5")
                .add("@c/z", "2.1.0");
        assertEquals(Map.of("@a/x", "1.0.0", "@b/y", "1.2.0", "@c/z", "2.0.5"), resolve(index, "@a/x", "^1.0.0"));
    }

    @Test
    void resolvesADiamondToOneVersionSatisfyingBothSides() {
        TestIndex index = new TestIndex()
                .add("left", "1.0.0", "base", ">=1.1.0")
                .add("right", "1.0.0", "base", "<1.3.0")
                .add("base", "1.0.0").add("base", "1.1.0").add("base", "1.2.0").add("base", "1.3.0");
        assertEquals(Map.of("left", "1.0.0", "right", "1.0.0", "base", "1.2.0"),
                resolve(index, "left", "^1.0.0", "right", "^1.0.0"));
    }

    @Test
    void picksTheHighestVersionByDefault() {
        TestIndex index = new TestIndex().add("a", "1.0.0").add("a", "1.5.0").add("a", "2.0.0");
        assertEquals(Map.of("a", "1.5.0"), resolve(index, "a", "^1.0.0"));
    }

    @Test
    void picksTheLowestVersionWhenAsked() {
        TestIndex index = new TestIndex().add("a", "0.9.0").add("a", "1.0.0").add("a", "1.5.0");
        assertEquals(Map.of("a", "1.0.0"),
                resolve(index, ResolveOptions.defaults().withStrategy(Strategy.LOWEST), "a", "^1.0.0"));
    }

    @Test
    void prefersTheLockedVersionOverTheHighest() {
        TestIndex index = new TestIndex().add("a", "1.0.0").add("a", "1.1.0").add("a", "1.2.0");
        ResolveOptions locked = lockedAt("a", "1.1.0");
        assertEquals(Map.of("a", "1.1.0"), resolve(index, locked, "a", "^1.0.0"));
    }

    @Test
    void prefersALockedVersionEvenWhenItIsTheOldest() {
        TestIndex index = new TestIndex().add("a", "1.0.0").add("a", "1.1.0");
        assertEquals(Map.of("a", "1.0.0"), resolve(index, lockedAt("a", "1.0.0"), "a", "^1.0.0"));
    }

    @Test
    void picksTheHighestVersionWhateverOrderTheIndexListsThemIn() {
        TestIndex index = new TestIndex().add("a", "1.5.0").add("a", "2.0.0").add("a", "1.0.0");
        assertEquals(Map.of("a", "2.0.0"), resolve(index, "a", "*"));
        assertEquals(Map.of("a", "1.5.0"), resolve(index, "a", "^1.0.0"));
    }

    @Test
    void ignoresALockedVersionOutsideTheRange() {
        TestIndex index = new TestIndex().add("a", "1.0.0").add("a", "2.0.0");
        ResolveOptions locked = lockedAt("a", "1.0.0");
        assertEquals(Map.of("a", "2.0.0"), resolve(index, locked, "a", "^2.0.0"));
    }

    @Test
    void backtracksWhenTheNewestDependencyConflicts() {
        TestIndex index = new TestIndex()
                .add("app", "1.0.0", "lib", ">=1.0.0", "util", "^1.0.0")
                .add("lib", "1.0.0", "util", "^1.0.0")
                .add("lib", "2.0.0", "util", "^2.0.0")
                .add("util", "1.0.0").add("util", "2.0.0");
        assertEquals(Map.of("app", "1.0.0", "lib", "1.0.0", "util", "1.0.0"), resolve(index, "app", "^1.0.0"));
    }

    // The next four are the examples of pub's solver.md.

    @Test
    void solvesWithoutConflicts() {
        TestIndex index = new TestIndex()
                .add("foo", "1.0.0", "bar", "^1.0.0")
                .add("bar", "1.0.0").add("bar", "2.0.0");
        assertEquals(Map.of("foo", "1.0.0", "bar", "1.0.0"), resolve(index, "foo", "^1.0.0"));
    }

    @Test
    void avoidsAConflictDuringDecisionMaking() {
        TestIndex index = new TestIndex()
                .add("foo", "1.0.0")
                .add("foo", "1.1.0", "bar", "^2.0.0")
                .add("bar", "1.0.0").add("bar", "1.1.0").add("bar", "2.0.0");
        assertEquals(Map.of("foo", "1.0.0", "bar", "1.1.0"), resolve(index, "foo", "^1.0.0", "bar", "^1.0.0"));
    }

    @Test
    void performsConflictResolution() {
        TestIndex index = new TestIndex()
                .add("foo", "1.0.0")
                .add("foo", "2.0.0", "bar", "^1.0.0")
                .add("bar", "1.0.0", "foo", "^1.0.0");
        assertEquals(Map.of("foo", "1.0.0"), resolve(index, "foo", ">=1.0.0"));
    }

    @Test
    void resolvesAConflictWithAPartialSatisfier() {
        TestIndex index = new TestIndex()
                .add("foo", "1.0.0")
                .add("foo", "1.1.0", "left", "^1.0.0", "right", "^1.0.0")
                .add("left", "1.0.0", "shared", ">=1.0.0")
                .add("right", "1.0.0", "shared", "<2.0.0")
                .add("shared", "2.0.0")
                .add("shared", "1.0.0", "target", "^1.0.0")
                .add("target", "2.0.0").add("target", "1.0.0");
        assertEquals(Map.of("foo", "1.0.0", "target", "2.0.0"), resolve(index, "foo", "^1.0.0", "target", "^2.0.0"));
    }

    @Test
    void explainsALinearFailure() {
        TestIndex index = new TestIndex()
                .add("foo", "1.0.0", "bar", "^2.0.0")
                .add("bar", "2.0.0", "baz", "^3.0.0")
                .add("baz", "1.0.0").add("baz", "3.0.0");
        ResolutionException failure = failure(index, "foo", "^1.0.0", "baz", "^1.0.0");
        assertEquals(ExitCode.CONFLICT, failure.exitCode());
        assertEquals("""
                Because every version of foo depends on bar ^2.0.0 which depends on baz ^3.0.0, every version of foo requires baz ^3.0.0.
                So, because your project depends on both baz ^1.0.0 and foo ^1.0.0, version solving failed.""",
                failure.getMessage());
    }

    @Test
    void explainsABranchingFailure() {
        TestIndex index = new TestIndex()
                .add("foo", "1.0.0", "a", "^1.0.0", "b", "^1.0.0")
                .add("foo", "1.1.0", "x", "^1.0.0", "y", "^1.0.0")
                .add("a", "1.0.0", "b", "^2.0.0")
                .add("b", "1.0.0").add("b", "2.0.0")
                .add("x", "1.0.0", "y", "^2.0.0")
                .add("y", "1.0.0").add("y", "2.0.0");
        ResolutionException failure = failure(index, "foo", "^1.0.0");
        assertEquals(ExitCode.CONFLICT, failure.exitCode());
        assertEquals("""
                    Because foo 1.0.0 depends on a ^1.0.0 which depends on b ^2.0.0, foo 1.0.0 requires b ^2.0.0.
                (1) So, because foo 1.0.0 depends on b ^1.0.0, foo 1.0.0 cannot be used.

                    Because foo 1.1.0 depends on x ^1.0.0 which depends on y ^2.0.0, foo 1.1.0 requires y ^2.0.0.
                    And because foo 1.1.0 depends on y ^1.0.0, foo 1.1.0 cannot be used.
                    And because foo 1.0.0 cannot be used (1), foo cannot be used.
                    So, because your project depends on foo ^1.0.0, version solving failed.""", failure.getMessage());
    }

    /** @a/x needs @c/base ^2.0.0 and @b/y needs @c/base ^1.0.0. */
    private static TestIndex twoPackagesNeedingDifferentBases() {
        return new TestIndex()
                .add("@a/x", "1.0.0", "@c/base", "^2.0.0")
                .add("@b/y", "3.1.0", "@c/base", "^1.0.0")
                .add("@c/base", "1.0.0").add("@c/base", "2.0.0");
    }

    @Test
    void explainsTwoPackagesThatCannotBeInstalledTogether() {
        TestIndex index = twoPackagesNeedingDifferentBases();
        ResolutionException failure = failure(index, "@a/x", "^1.0.0", "@b/y", "^3.0.0");
        assertEquals(ExitCode.CONFLICT, failure.exitCode());
        assertEquals("""
                Because every version of @a/x depends on @c/base ^2.0.0 and every version of @b/y depends on @c/base ^1.0.0, @a/x and @b/y cannot be installed together.
                So, because your project depends on both @a/x ^1.0.0 and @b/y ^3.0.0, version solving failed.""",
                failure.getMessage());
    }

    @Test
    void explainsVersionsThatDependOnDifferentRangesEachWithItsOwn() {
        TestIndex index = new TestIndex()
                .add("@t/e", "1.0.0", "@t/base", "~1.0.0")
                .add("@t/e", "1.1.0", "@t/base", "^2.0.0")
                .add("@t/base", "1.0.0").add("@t/base", "1.2.0").add("@t/base", "2.0.0");
        ResolutionException failure = failure(index, "@t/e", "^1", "@t/base", "^1.2.0");
        assertEquals("""
                Because @t/e 1.1.0 depends on @t/base ^2.0.0 and @t/e 1.0.0 depends on @t/base ~1.0.0, every version of @t/e requires @t/base ~1.0.0 || ^2.0.0.
                So, because your project depends on both @t/base ^1.2.0 and @t/e ^1, version solving failed.""",
                failure.getMessage());
    }

    @Test
    void explainsThreeVersionsThatDependOnDifferentRangesEachWithItsOwn() {
        TestIndex index = new TestIndex()
                .add("@t/f", "1.0.0", "@t/base", "~1.0.0")
                .add("@t/f", "1.1.0", "@t/base", "~1.0.0")
                .add("@t/f", "1.2.0", "@t/base", "^2.0.0")
                .add("@t/g", "1.0.0", "@t/base", "^1.2.0")
                .add("@t/base", "1.0.0").add("@t/base", "1.2.0").add("@t/base", "2.0.0");
        ResolutionException failure = failure(index, "@t/f", "^1", "@t/g", "^1");
        assertEquals("""
                Because @t/f 1.2.0 depends on @t/base ^2.0.0 and @t/f <=1.1.0 depends on @t/base ~1.0.0, every version of @t/f requires @t/base ~1.0.0 || ^2.0.0.
                And because every version of @t/g depends on @t/base ^1.2.0, @t/g and @t/f cannot be installed together.
                So, because your project depends on both @t/f ^1 and @t/g ^1, version solving failed.""",
                failure.getMessage());
    }

    /**
     * Every @t/big from 1.1.0 on needs an @t/leaf that does not exist, and each @t/big2 1.N.0 needs its own
     * range of @t/big ({@code >=1.%d.0} makes {@code >=1.N.0}): each version of @t/big2 is ruled out by its own
     * dependency, one at a time.
     */
    private static TestIndex versionsEachNeedingTheirOwnUnusableVersions(int count, String rangeFormat) {
        TestIndex index = new TestIndex().add("@t/leaf", "1.0.0").add("@t/big", "1.0.0", "@t/leaf", "^1.0.0")
                .add("@t/big2", "1.0.0", "@t/big", ">=1.0.0");
        for (int minor = 1; minor <= count; minor++) {
            index.add("@t/big", "1." + minor + ".0", "@t/leaf", "^3.0.0")
                    .add("@t/big2", "1." + minor + ".0", "@t/big", rangeFormat.formatted(minor));
        }
        return index;
    }

    @Test
    void explainsManyVersionsThatEachDependOnTheirOwnRangeAsOne() {
        String expected = """
                Because @t/big >=1.1.0 depends on @t/leaf ^3.0.0 and no version of @t/leaf matches ^3.0.0 (published: 1.0.0), @t/big >=1.1.0 cannot be used.
                So, because your project depends on @t/big2 >=1.1.0 which requires @t/big >=1.1.0, version solving failed.""";
        for (int count : List.of(3, 40)) {
            for (String rangeFormat : List.of(">=1.%d.0", "1.%d.0")) {
                ResolutionException failure = failure(versionsEachNeedingTheirOwnUnusableVersions(count, rangeFormat),
                        "@t/big2", ">=1.1.0");
                assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
                assertEquals(expected, failure.getMessage(), count + " versions depending on " + rangeFormat);
            }
        }
    }

    @Test
    void saysOfManyVersionsThatEachDependOnTheirOwnRangeThatTheRangesLieWithinOne() {
        for (int count : List.of(3, 40)) {
            ResolutionException failure = failure(versionsEachNeedingTheirOwnUnusableVersions(count, ">=1.%d.0"),
                    "@t/big2", ">=1.1.0", "@t/big", "<1.1.0");
            assertEquals("""
                    Because each version of @t/big2 >=1.1.0 depends on @t/big >=1.1.0 or on a range within it and your project depends on @t/big <1.1.0, @t/big2 >=1.1.0 cannot be used.
                    So, because your project depends on @t/big2 >=1.1.0, version solving failed.""",
                    failure.getMessage(),
                    count + " versions");
        }
    }

    @Test
    void explainsAFailureAtTheEndOfAChainOfThousandsOfPackagesEachNeedingTheNext() {
        // deeper than the thread's stack would go with a call for each step of the derivation
        int links = 5_000;
        TestIndex index = new TestIndex();
        for (int link = 0; link < links; link++) {
            index.add("@t/c" + link, "1.0.0", "@t/c" + (link + 1), "^1.0.0");
        }

        ResolutionException failure = failure(index, "@t/c0", "^1.0.0");

        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        List<String> lines = failure.getMessage().lines().toList();
        assertEquals("Because every version of @t/c0 depends on @t/c1 ^1.0.0 which depends on @t/c2 ^1.0.0, every"
                + " version of @t/c0 requires @t/c2 ^1.0.0.", lines.get(0));
        assertEquals(List.of("Because every version of @t/c" + (links - 1) + " depends on @t/c" + links + " ^1.0.0 and"
                + " no package @t/c" + links + " exists, @t/c" + (links - 1) + " cannot be used.",
                "Thus, @t/c0 cannot be used.",
                "So, because your project depends on @t/c0 ^1.0.0, version solving failed."),
                lines.subList(lines.size() - 3, lines.size()));
        assertEquals(Explanation.LINES_SHOWN, lines.size(), "the middle is left out");
    }

    /**
     * {@code pigeons} packages {@code @t/p<i>}, each with a version {@code <h+1>.0.0} for each of {@code holes} holes
     * needing {@code @t/h<h> =<i+1>.0.0}: no two pigeons can share a hole, so more pigeons than holes cannot all be
     * installed, and the explanation grows with each one.
     */
    private static TestIndex pigeonholes(int pigeons, int holes) {
        TestIndex index = new TestIndex();
        for (int pigeon = 0; pigeon < pigeons; pigeon++) {
            for (int hole = 0; hole < holes; hole++) {
                index.add("@t/p" + pigeon, (hole + 1) + ".0.0", "@t/h" + hole, "=" + (pigeon + 1) + ".0.0")
                        .add("@t/h" + hole, (pigeon + 1) + ".0.0");
            }
        }
        return index;
    }

    private static String[] everyPigeon(int pigeons) {
        return IntStream.range(0, pigeons).boxed().flatMap(pigeon -> Stream.of("@t/p" + pigeon, "*"))
                .toArray(String[]::new);
    }

    @Test
    void aLongExplanationKeepsItsFirstAndLastLinesAndSaysHowManyItLeavesOut() {
        ResolutionException failure = failure(pigeonholes(5, 4), everyPigeon(5));

        String whole = failure.wholeMessage().orElseThrow();
        List<String> wholeLines = whole.lines().toList();
        List<String> lines = failure.getMessage().lines().toList();
        assertTrue(wholeLines.size() > 40, whole);
        assertEquals(40, lines.size(), failure.getMessage());
        assertEquals(wholeLines.subList(0, 15), lines.subList(0, 15));
        assertEquals("… " + (wholeLines.size() - 39) + " more lines of the explanation left out here …",
                lines.get(15).strip());
        assertEquals(wholeLines.subList(wholeLines.size() - 24, wholeLines.size()), lines.subList(16, 40));
        assertTrue(failure.getMessage().endsWith("version solving failed."), failure.getMessage());
        assertEquals(ExitCode.CONFLICT, failure.exitCode());
    }

    @Test
    void anExplanationOfFortyLinesOrFewerIsWhole() {
        ResolutionException failure = failure(pigeonholes(4, 3), everyPigeon(4));

        assertTrue(failure.getMessage().lines().count() <= 40, failure.getMessage());
        assertFalse(failure.getMessage().contains("left out"), failure.getMessage());
        assertEquals(Optional.empty(), failure.wholeMessage());
    }

    @Test
    void theExplanationCallsTheRootWhatTheCallerCallsIt() {
        TestIndex index = twoPackagesNeedingDifferentBases();
        ResolveOptions named = ResolveOptions.defaults().withRootName("@a/z 1.0.0");

        ResolutionException failure = assertThrows(ResolutionException.class,
                () -> Resolver.resolve(ranges("@a/x", "^1.0.0", "@b/y", "^3.0.0"), index, named));

        assertTrue(failure.getMessage().endsWith("\nSo, because @a/z 1.0.0 depends on both @a/x ^1.0.0 and @b/y ^3.0.0,"
                + " version solving failed."), failure.getMessage());
    }

    @Test
    void aDependencyBackOnTheResolvedVersionsPackageThatTheVersionMissesIsToldAsACycleBesideTheOtherVersions() {
        TestIndex index = new TestIndex()
                .add("@c/base", "1.0.0").add("@c/base", "1.1.0").add("@c/base", "2.0.0").add("@c/base", "2.1.0")
                .add("@c/base", "3.0.0", "sql", "^1.0.0")
                .add("sql", "1.0.0", "@c/base", "^2.0.0");
        Candidate checked = Candidate.of(PackageName.parse("@c/base"), Version.parse("3.0.0"), ranges("sql", "^1.0.0"));

        ResolutionException failure = assertThrows(ResolutionException.class,
                () -> Resolver.resolveVersion(checked, index, ResolveOptions.defaults()));

        assertEquals("""
                Because every version of sql depends on @c/base ^2.0.0 and the graph must use @c/base 3.0.0, the version being checked, which ^2.0.0 does not allow (published: 1.0.0, 1.1.0, 2.0.0, 2.1.0), sql cannot be used.
                So, because @c/base 3.0.0 depends on sql ^1.0.0, version solving failed.
                The dependencies close a cycle: @c/base → sql → @c/base, and a graph holds one version of a package.""",
                failure.getMessage());
        assertEquals(ExitCode.CONFLICT, failure.exitCode());
        assertEquals(DependencyCycles.HOW_TO_BREAK, failure.hint());
    }

    @Test
    void aDependencyBackOnTheResolvedVersionsPackageThatTheVersionMeetsTakesThatVersion() {
        TestIndex index = new TestIndex()
                .add("@c/base", "2.0.0", "sql", "^1.0.0")
                .add("sql", "1.0.0", "@c/base", ">=2.0.0");
        Candidate checked = Candidate.of(PackageName.parse("@c/base"), Version.parse("2.1.0"), ranges("sql", "^1.0.0"));

        Resolution resolution = Resolver.resolveVersion(checked, index, ResolveOptions.defaults());

        assertEquals(Version.parse("2.1.0"), resolution.versions().get(PackageName.parse("@c/base")));
    }

    @Test
    void aCycleOfSeveralPackagesBackOnTheResolvedVersionsPackageIsNamedFromItRoundToIt() {
        TestIndex index = new TestIndex()
                .add("@c/base", "1.0.0")
                .add("a", "1.0.0", "b", "^1.0.0")
                .add("b", "1.0.0", "@c/base", "^1.0.0");
        Candidate checked = Candidate.of(PackageName.parse("@c/base"), Version.parse("2.0.0"), ranges("a", "^1.0.0"));

        ResolutionException failure = assertThrows(ResolutionException.class,
                () -> Resolver.resolveVersion(checked, index, ResolveOptions.defaults()));

        assertTrue(failure.getMessage()
                .endsWith("\nThe dependencies close a cycle: @c/base → a → b → @c/base, and a graph"
                + " holds one version of a package."), failure.getMessage());
        assertTrue(failure.getMessage().contains("the graph must use @c/base 2.0.0, the version being checked, which"
                + " ^1.0.0 does not allow (published: 1.0.0)"), failure.getMessage());
    }

    @Test
    void explainsARangeThatNoVersionMatches() {
        TestIndex index = new TestIndex()
                .add("@a/x", "1.0.0", "@b/y", "^2.0.0")
                .add("@a/x", "1.1.0", "@b/y", "^2.0.0")
                .add("@b/y", "1.0.0");
        ResolutionException failure = failure(index, "@a/x", "^1.0.0");
        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        assertEquals("""
                Because every version of @a/x depends on @b/y ^2.0.0 and no version of @b/y matches ^2.0.0 (published: 1.0.0), @a/x cannot be used.
                So, because your project depends on @a/x ^1.0.0, version solving failed.""", failure.getMessage());
    }

    @Test
    void aConflictThatRulesOutOnItsWayAVersionNeedingWhatNoVersionMeetsIsAConflict() {
        TestIndex index = new TestIndex()
                .add("@t/a", "1.0.0", "@t/c", "^1.0.0")
                .add("@t/a", "1.1.0", "@t/x", "^5.0.0")
                .add("@t/b", "1.0.0", "@t/c", "^2.0.0")
                .add("@t/c", "1.0.0").add("@t/c", "2.0.0").add("@t/x", "1.0.0");
        ResolutionException failure = failure(index, "@t/a", "^1.0.0", "@t/b", "^1.0.0");
        assertEquals("""
                Because every version of @t/b depends on @t/c ^2.0.0 and @t/a 1.0.0 depends on @t/c ^1.0.0, @t/b and @t/a 1.0.0 cannot be installed together.
                Because @t/a 1.1.0 depends on @t/x ^5.0.0 and no version of @t/x matches ^5.0.0 (published: 1.0.0), @t/a 1.1.0 cannot be used.
                Thus, @t/b and @t/a cannot be installed together.
                So, because your project depends on both @t/a ^1.0.0 and @t/b ^1.0.0, version solving failed.""",
                failure.getMessage());
        assertEquals(ExitCode.CONFLICT, failure.exitCode());
        assertEquals("widen the conflicting ranges above, or choose versions of those packages that agree; a version"
                + " above that needs what no published version meets cannot be used, whatever the ranges",
                failure.hint());
    }

    @Test
    void aFailureRulingOutEveryVersionThatNeedsWhatNoVersionMeetsIsNotFoundThoughTwoRangesMeetOnTheWay() {
        TestIndex index = new TestIndex()
                .add("@t/a", "1.0.0", "@t/c", "^1.0.0")
                .add("@t/b", "1.0.0", "@t/c", "^1.0.0")
                .add("@t/c", "1.0.0", "@t/x", "^5.0.0")
                .add("@t/x", "1.0.0");
        ResolutionException failure = failure(index, "@t/a", "^1.0.0", "@t/b", "^1.0.0");
        assertEquals(ExitCode.NOT_FOUND, failure.exitCode(), failure.getMessage());
    }

    @Test
    void aRangeNoVersionMeetsIsShownBesideTheHighestPublished() {
        TestIndex index = new TestIndex().add("a", "1.0.0").add("a", "1.1.0").add("a", "1.2.0").add("a", "1.3.0")
                .add("a", "1.4.0");
        ResolutionException failure = failure(index, "a", "^2.0.0");
        assertEquals("Because your project depends on a ^2.0.0 and no version of a matches ^2.0.0"
                + " (published: …, 1.2.0,"
                + " 1.3.0, 1.4.0), version solving failed.", failure.getMessage());
        assertEquals("check the names and ranges above against the registry; a range may ask for a version that was"
                + " never published, or that has been yanked or taken down", failure.hint());
    }

    /**
     * The highest were the list of a range too, which left out the closest: ^0.0.1 of 0.0.3, 0.1.0, 0.1.5 and 0.2.0
     * named 0.1.0, 0.1.5 and 0.2.0, not 0.0.3. The versions nearest the range on either side are named now, and of
     * those within its bounds but for npm's rule on pre-releases, the highest.
     */
    @Test
    void aRangeNoVersionMeetsIsShownBesideTheVersionsNearestItOnEitherSide() {
        TestIndex zero = new TestIndex();
        List.of("0.0.3", "0.1.0", "0.1.5", "0.2.0").forEach(version -> zero.add("zero", version));
        TestIndex gap = new TestIndex();
        List.of("1.0.0", "1.1.0", "1.4.0", "2.0.0", "3.0.0").forEach(version -> gap.add("a", version));
        TestIndex betas = new TestIndex();
        List.of("0.9.0", "1.1.0-beta.1", "1.2.0-beta.1", "1.3.0-beta.1", "1.4.0-beta.1", "2.0.0")
                .forEach(version -> betas.add("b", version));

        assertEquals("Because your project depends on zero ^0.0.1 and no version of zero matches ^0.0.1"
                + " (published: 0.0.3, 0.1.0, 0.1.5, 0.2.0), version solving failed.",
                failure(zero, "zero", "^0.0.1").getMessage());
        assertEquals("Because your project depends on a ^1.5.0 and no version of a matches ^1.5.0"
                + " (published: …, 1.4.0, 2.0.0, 3.0.0), version solving failed.",
                failure(gap, "a", "^1.5.0").getMessage());
        assertTrue(failure(betas, "b", "^1.0.0").getMessage().contains("(published: …, 1.2.0-beta.1, 1.3.0-beta.1,"
                + " 1.4.0-beta.1, 2.0.0;"), failure(betas, "b", "^1.0.0").getMessage());
    }

    /** The highest were the tail of the list, far from a version asked for exactly, or of another case only. */
    @Test
    void aVersionNotPublishedIsShownBesideThoseNearestIt() {
        TestIndex index = new TestIndex();
        for (String version : List.of("0.9.0", "1.0.0-beta.2", "1.0.0-beta.10", "1.0.0-rc.1", "1.0.0", "1.1.0",
                "2.0.2-rc.1", "3.5.0-next.1", "3.5.0-next.2")) {
            index.add("a", version);
        }
        assertEquals("Because your project depends on a 1.0.0-beta and no version of a matches 1.0.0-beta"
                + " (published: 0.9.0, 1.0.0-beta.2, 1.0.0-beta.10, 1.0.0-rc.1, …), version solving failed.",
                failure(index, "a", "1.0.0-beta").getMessage());
        assertEquals("Because your project depends on a 1.0.0-RC.1 and no version of a matches 1.0.0-RC.1"
                + " (published: …, 1.0.0-beta.10, 1.0.0-rc.1, 1.0.0, …; did you mean 1.0.0-rc.1? the letters of a"
                + " version are matched in their case), version solving failed.",
                failure(index, "a", "1.0.0-RC.1").getMessage());
        assertEquals("Because your project depends on a 1.5.0 and no version of a matches 1.5.0"
                + " (published: …, 1.1.0, 2.0.2-rc.1, 3.5.0-next.1, 3.5.0-next.2), version solving failed.",
                failure(index, "a", "1.5.0").getMessage());
    }

    /** A package with only pre-releases, asked for by a range, was said never published, yanked or taken down. */
    @Test
    void aRangeLeavingOutPreReleasesSaysTheRuleAndHowToAskForOne() {
        TestIndex index = new TestIndex().add("a", "1.0.0-beta.1").add("a", "1.0.0-beta.2");
        ResolutionException failure = failure(index, "a", "*");
        assertEquals("Because your project depends on a * and no version of a matches * (published: 1.0.0-beta.1,"
                + " 1.0.0-beta.2; a range matches a pre-release only when it names one of the same major.minor.patch,"
                + " as 1.0.0-beta.2 does), version solving failed.", failure.getMessage());
        assertEquals("to install a pre-release of a, ask for it by a range naming one, as 1.0.0-beta.2 or"
                + " ^1.0.0-beta.2 does", failure.hint());
    }

    /**
     * The hint to name a pre-release in a range was given for a dependant's range, which no range of the project's
     * changes: it says whose range leaves the pre-release out, and what can take it.
     */
    @Test
    void aDependantsRangeLeavingOutAPreReleaseIsNamedAsWhatOnlyAnotherVersionOfItCanChange() {
        TestIndex index = new TestIndex().add("@acme/pre", "1.1.0-beta.1")
                .add("@acme/uses", "1.0.0", "@acme/pre", "^1.0.0");
        String hint = "every version of @acme/uses depends on @acme/pre ^1.0.0, which leaves out the pre-release"
                + " 1.1.0-beta.1 whatever the project's own ranges say: only a version of @acme/uses whose range names"
                + " a pre-release could take it, so ask the maintainers of @acme/uses for one, or wait for a release"
                + " of @acme/pre that ^1.0.0 matches";

        assertEquals(hint, failure(index, "@acme/uses", "^1.0.0").hint());
        assertEquals(hint, failure(index, "@acme/uses", "^1.0.0", "@acme/pre", "^1.1.0-beta.1").hint(),
                "the project's own range on the pre-release meets it, and the dependant's still leaves it out");
    }

    @Test
    void namesSimilarPackagesForAnUnknownOne() {
        TestIndex index = new TestIndex()
                .add("@a/x", "1.0.0", "@b/yy", "^1.0.0")
                .add("@b/y", "1.0.0")
                .similar("@b/yy", "@b/y", "@b/yz");
        ResolutionException failure = failure(index, "@a/x", "^1.0.0");
        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        assertEquals("""
                Because every version of @a/x depends on @b/yy ^1.0.0 and no package @b/yy exists, @a/x cannot be used.
                So, because your project depends on @a/x ^1.0.0, version solving failed.
                Instead of @b/yy, did you mean @b/y or @b/yz?""", failure.getMessage());
    }

    @Test
    void reportsAnUnknownRootDependency() {
        ResolutionException failure = failure(new TestIndex(), "nothere", "^1.0.0");
        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        assertEquals("Because your project depends on nothere ^1.0.0 and no package nothere exists, version"
                + " solving failed.",
                failure.getMessage());
    }

    @Test
    void aPackageWhoseEveryVersionTheIndexHoldsBackIsNotCalledMissing() {
        TestIndex published = new TestIndex().add("@a/x", "1.0.0");
        PackageIndex offline = new PackageIndex() {
            @Override
            public List<Candidate> versions(PackageName name) {
                return List.of();
            }

            @Override
            public boolean exists(PackageName name) {
                return !published.versions(name).isEmpty();
            }
        };
        ResolutionException failure = assertThrows(ResolutionException.class,
                () -> Resolver.resolve(ranges("@a/x", "^1.0.0"), offline, ResolveOptions.defaults()));
        assertEquals("Because your project depends on @a/x ^1.0.0 and no version of @a/x matches ^1.0.0,"
                + " version solving"
                + " failed.", failure.getMessage());
    }

    @Test
    void prefersTheVersionTheLatestTagPointsAtOverTheHighest() {
        TestIndex index = new TestIndex().add("a", "1.0.0").add("a", "1.1.0").add("a", "1.2.0").tagLatest("a", "1.1.0");
        assertEquals(Map.of("a", "1.1.0"), resolve(index, "a", "^1.0.0"));
    }

    @Test
    void prefersTheLatestTagOfADependencyToo() {
        TestIndex index = new TestIndex().add("app", "1.0.0", "base", "^1.0.0")
                .add("base", "1.0.0").add("base", "1.1.0").tagLatest("base", "1.0.0");
        assertEquals(Map.of("app", "1.0.0", "base", "1.0.0"), resolve(index, "app", "^1.0.0"));
    }

    /**
     * A rollback of base's latest to 2.1.0 holds whether the project's range on base is ^2.0.0 or ^2.1.0: deciding
     * style first, at its highest version, would pull base 2.2.0 in through style 2.2.0's range, only because ^2.0.0
     * allows base more versions than style has, which made style the package decided first.
     */
    @ParameterizedTest
    @ValueSource(strings = {"^2.0.0", "^2.1.0", "2.x", ">=2.1.0 <3.0.0"})
    void aRolledBackLatestHoldsWhateverTheRangeThatAllowsIt(String range) {
        TestIndex index = new TestIndex().add("base", "2.0.0").add("base", "2.1.0").add("base", "2.2.0")
                .tagLatest("base", "2.1.0").add("style", "2.1.0", "base", "^2.1.0")
                .add("style", "2.2.0", "base", "^2.2.0");
        assertEquals(Map.of("base", "2.1.0", "style", "2.1.0"), resolve(index, "base", range, "style", "^2.1.0"));
    }

    /** base 2.0.0 to 2.2.0, its latest rolled back to 2.1.0; style 2.2.0 needs the version rolled back from. */
    private static TestIndex rolledBackBase() {
        return new TestIndex().add("base", "2.0.0").add("base", "2.1.0").add("base", "2.2.0").tagLatest("base", "2.1.0")
                .add("style", "2.1.0", "base", "^2.1.0").add("style", "2.2.0", "base", "^2.2.0");
    }

    /**
     * A rollback holds for a package the project reaches only through a dependant: style, decided first at its highest
     * version, would leave base only the version rolled back from, though style 2.1.0 goes with base's latest.
     */
    @Test
    void aRolledBackLatestHoldsForAPackageReachedOnlyThroughADependant() {
        assertEquals(Map.of("base", "2.1.0", "style", "2.1.0"), resolve(rolledBackBase(), "style", "^2.1.0"));
    }

    /** Further down too, where the highest version of the package the project needs only allows style 2.2.0. */
    @Test
    void aRolledBackLatestHoldsFurtherDownAChainOfDependants() {
        TestIndex index = rolledBackBase().add("a", "1.0.0", "style", "^2.1.0").add("a", "1.1.0", "style", "^2.2.0");
        assertEquals(Map.of("a", "1.0.0", "base", "2.1.0", "style", "2.1.0"), resolve(index, "a", "^1.0.0"));
    }

    /** The rollback yields where no solution has it: every style the project allows needs base 2.2.0. */
    @Test
    void aRolledBackLatestYieldsWhereNoSolutionHasIt() {
        assertEquals(Map.of("base", "2.2.0", "style", "2.2.0"), resolve(rolledBackBase(), "style", "^2.2.0"));
        TestIndex index = rolledBackBase().add("a", "1.0.0", "style", "^2.2.0");
        assertEquals(Map.of("a", "1.0.0", "base", "2.2.0", "style", "2.2.0"),
                resolve(index, "a", "^1.0.0", "style", "^2.1.0"));
    }

    /**
     * Holding a dependency's rollback never gives up the rollback of the package that needs it: a 1.0.0, a's latest,
     * needs b 1.2.0, the version b's latest rolled back from; holding b would take a 1.1.0, which a rolled back from.
     */
    @Test
    void aRolledBackLatestHeldAlreadyIsNotGivenUpForADependencys() {
        TestIndex index = new TestIndex().add("a", "1.0.0", "b", "^1.2.0").add("a", "1.1.0", "b", "^1.0.0")
                .tagLatest("a", "1.0.0").add("b", "1.1.0").add("b", "1.2.0").tagLatest("b", "1.1.0");
        assertEquals(Map.of("a", "1.0.0", "b", "1.2.0"), resolve(index, "a", "^1.0.0"));
    }

    /** A rollback does not move a version the options keep: style locked at 2.2.0, or named and decided first. */
    @Test
    void aRolledBackLatestDoesNotMoveAPreferredVersionOrOneDecidedFirst() {
        assertEquals(Map.of("base", "2.2.0", "style", "2.2.0"),
                resolve(rolledBackBase(), lockedAt("style", "2.2.0"), "style", "^2.1.0"));
        assertEquals(Map.of("base", "2.2.0", "style", "2.2.0"), resolve(rolledBackBase(),
                ResolveOptions.defaults().decidingFirst(List.of(PackageName.parse("style"))), "style", "^2.1.0"));
    }

    @Test
    void picksTheHighestWhenTheLatestTagIsOutsideTheRange() {
        TestIndex index = new TestIndex().add("a", "1.0.0").add("a", "2.0.0").add("a", "2.1.0").tagLatest("a", "1.0.0");
        assertEquals(Map.of("a", "2.1.0"), resolve(index, "a", "^2.0.0"));
    }

    @Test
    void picksTheHighestWhenTheLatestTagCannotResolve() {
        TestIndex index = new TestIndex().add("a", "1.0.0", "b", "^2.0.0").add("a", "1.1.0").add("a", "1.2.0")
                .add("b", "1.0.0").tagLatest("a", "1.0.0");
        assertEquals(Map.of("a", "1.2.0"), resolve(index, "a", "^1.0.0"));
    }

    @Test
    void neverPrefersALatestTagPointingAtAYankedVersionEvenAPinnedOne() {
        TestIndex index = new TestIndex().add("a", "1.0.0").addYanked("a", "1.1.0").add("a", "1.2.0")
                .tagLatest("a", "1.1.0");
        ResolveOptions update = lockedAt("a", "1.1.0").freeing(List.of(PackageName.parse("a")));
        assertEquals(Map.of("a", "1.2.0"), resolve(index, "a", "^1.0.0"));
        assertEquals(Map.of("a", "1.2.0"), resolve(index, update, "a", "^1.0.0"));
    }

    @Test
    void prefersTheLockedVersionOverTheLatestTag() {
        TestIndex index = new TestIndex().add("a", "1.0.0").add("a", "1.1.0").add("a", "1.2.0").tagLatest("a", "1.0.0");
        assertEquals(Map.of("a", "1.2.0"), resolve(index, lockedAt("a", "1.2.0"), "a", "^1.0.0"));
        assertEquals(Map.of("a", "1.0.0"),
                resolve(index, lockedAt("a", "1.2.0").freeing(List.of(PackageName.parse("a"))), "a", "^1.0.0"));
    }

    @Test
    void theLowestStrategyPassesOverTheLatestTag() {
        TestIndex index = new TestIndex().add("a", "1.0.0").add("a", "1.1.0").add("a", "1.2.0").tagLatest("a", "1.1.0");
        assertEquals(Map.of("a", "1.0.0"),
                resolve(index, ResolveOptions.defaults().withStrategy(Strategy.LOWEST), "a", "^1.0.0"));
    }

    @Test
    void neverChoosesAYankedVersion() {
        TestIndex index = new TestIndex().add("a", "1.0.0").addYanked("a", "1.1.0");
        assertEquals(Map.of("a", "1.0.0"), resolve(index, "a", "^1.0.0"));
    }

    @Test
    void keepsAYankedVersionThatIsLocked() {
        TestIndex index = new TestIndex().add("a", "1.0.0").addYanked("a", "1.1.0").add("a", "1.2.0");
        ResolveOptions locked = lockedAt("a", "1.1.0");
        assertEquals(Map.of("a", "1.1.0"), resolve(index, locked, "a", "^1.0.0"));
    }

    @Test
    void aFreedPinnedVersionThatIsYankedStaysWhenNothingElseFits() {
        TestIndex index = new TestIndex().add("a", "1.0.0").addYanked("a", "1.2.0").add("b", "1.0.0").add("b", "1.1.0");
        ResolveOptions update = ResolveOptions.defaults().withLocked(new TreeMap<>(Map.of(
                PackageName.parse("a"), Version.parse("1.2.0"), PackageName.parse("b"), Version.parse("1.0.0"))))
                .freeing(List.of(PackageName.parse("a"), PackageName.parse("b")));
        assertEquals(Map.of("a", "1.2.0", "b", "1.1.0"), resolve(index, update, "a", "^1.2.0", "b", "^1.0.0"));
    }

    @Test
    void aFreedPinnedVersionThatIsYankedGivesWayToAnyOtherThatFitsOlderOrNewer() {
        TestIndex index = new TestIndex().add("a", "1.0.0").add("a", "1.1.0").addYanked("a", "1.2.0");
        ResolveOptions update = ResolveOptions.defaults().withLocked(new TreeMap<>(Map.of(PackageName.parse("a"),
                Version.parse("1.2.0")))).freeing(List.of(PackageName.parse("a")));
        assertEquals(Map.of("a", "1.1.0"), resolve(index, update, "a", "^1.0.0"));
        assertEquals(Map.of("a", "1.0.0"), resolve(index, update.withStrategy(Strategy.LOWEST), "a", "^1.0.0"));
        // the oldest, as the lowest strategy would take it first
        TestIndex yankedOldest = new TestIndex().addYanked("a", "1.0.0").add("a", "1.1.0").add("a", "1.2.0");
        ResolveOptions lowest = ResolveOptions.defaults().withStrategy(Strategy.LOWEST).withLocked(new TreeMap<>(
                Map.of(PackageName.parse("a"), Version.parse("1.0.0")))).freeing(List.of(PackageName.parse("a")));
        assertEquals(Map.of("a", "1.1.0"), resolve(yankedOldest, lowest, "a", "^1.0.0"));
    }

    @Test
    void skipsAYankedPreferredVersionUnlessAllowed() {
        TestIndex index = new TestIndex().add("a", "1.0.0").addYanked("a", "1.1.0");
        SortedMap<PackageName,
                Version> preferred = new TreeMap<>(Map.of(PackageName.parse("a"), Version.parse("1.1.0")));
        ResolveOptions notAllowed = new ResolveOptions(Strategy.HIGHEST, preferred, new TreeMap<>(), "your project",
                new TreeSet<>());
        assertEquals(Map.of("a", "1.0.0"), resolve(index, notAllowed, "a", "^1.0.0"));
    }

    @Test
    void passesOverADeprecatedVersionWhileTheRangeAllowsOneThatIsNot() {
        TestIndex index = new TestIndex().add("a", "1.0.1").add("a", "1.2.0").addDeprecated("a", "1.2.5")
                .tagLatest("a", "1.2.0");
        assertEquals(Map.of("a", "1.0.1"), resolve(index, "a", "1.0.1 || 1.2.5"));
        assertEquals(Map.of("a", "1.2.0"), resolve(index, "a", "^1.0.0"));
    }

    @Test
    void theLowestStrategyPassesOverADeprecatedVersionToo() {
        TestIndex index = new TestIndex().addDeprecated("a", "0.9.0").add("a", "1.0.0").add("a", "1.1.0");
        assertEquals(Map.of("a", "1.0.0"),
                resolve(index, ResolveOptions.defaults().withStrategy(Strategy.LOWEST), "a", ">=0.9.0"));
    }

    @Test
    void passesOverADeprecatedVersionOfADependencyToo() {
        TestIndex index = new TestIndex().add("x", "1.0.0", "b", "1.0.1 || 1.2.5")
                .add("b", "1.0.1").addDeprecated("b", "1.2.5");
        assertEquals(Map.of("x", "1.0.0", "b", "1.0.1"), resolve(index, "x", "^1.0.0"));
        assertEquals(Map.of("x", "1.0.0", "b", "1.0.1"),
                resolve(index, ResolveOptions.defaults().withStrategy(Strategy.LOWEST), "x", "^1.0.0"));
    }

    @Test
    void neverPrefersALatestTagPointingAtADeprecatedVersion() {
        TestIndex index = new TestIndex().add("a", "1.0.0").addDeprecated("a", "1.1.0").tagLatest("a", "1.1.0");
        assertEquals(Map.of("a", "1.0.0"), resolve(index, "a", "^1.0.0"));
    }

    @Test
    void choosesADeprecatedVersionWhenNoOtherFitsTheHighestOfThem() {
        TestIndex index = new TestIndex().add("a", "2.0.0").addDeprecated("a", "1.0.0").addDeprecated("a", "1.1.0")
                .tagLatest("a", "1.0.0");
        assertEquals(Map.of("a", "1.1.0"), resolve(index, "a", "^1.0.0"));
    }

    @Test
    void choosesADeprecatedVersionWhenTheOthersTheRangeAllowsCannotResolve() {
        TestIndex index = new TestIndex().add("a", "1.1.0", "b", "^2.0.0").addDeprecated("a", "1.0.0")
                .add("b", "1.0.0");
        assertEquals(Map.of("a", "1.0.0"), resolve(index, "a", "^1.0.0"));
    }

    @Test
    void keepsADeprecatedVersionThatIsLocked() {
        TestIndex index = new TestIndex().add("a", "1.0.1").addDeprecated("a", "1.2.5");
        assertEquals(Map.of("a", "1.2.5"), resolve(index, lockedAt("a", "1.2.5"), "a", "1.0.1 || 1.2.5"));
    }

    @Test
    void aFreedPinnedVersionThatIsYankedGivesWayToADeprecatedOne() {
        TestIndex index = new TestIndex().addDeprecated("a", "1.0.0").addYanked("a", "1.1.0");
        ResolveOptions update = lockedAt("a", "1.1.0").freeing(List.of(PackageName.parse("a")));
        assertEquals(Map.of("a", "1.0.0"), resolve(index, update, "a", "^1.0.0"));
    }

    @Test
    void aPackageDecidedFirstGetsTheHighestVersionAnySolutionAllowsMovingThePreferredVersionsOfOthers() {
        TestIndex index = new TestIndex().add("b", "1.0.0").add("b", "1.1.0").add("b", "2.0.0")
                .add("x", "1.0.0", "b", "~1.0.0").add("x", "1.1.0", "b", "^1.1.0")
                .add("y", "1.0.0", "b", "^1.0.0").add("y", "1.1.0", "b", "^1.1.0").add("y", "2.0.0", "b", "^2.0.0");
        ResolveOptions locked = ResolveOptions.defaults().withLocked(new TreeMap<>(Map.of(
                PackageName.parse("x"), Version.parse("1.0.0"), PackageName.parse("b"), Version.parse("1.0.0"))));
        assertEquals(Map.of("b", "1.0.0", "x", "1.0.0", "y", "1.0.0"), resolve(index, locked, "x", "^1.0.0", "y", "*"));
        assertEquals(Map.of("b", "1.1.0", "x", "1.1.0", "y", "1.1.0"),
                resolve(index, locked.decidingFirst(List.of(PackageName.parse("y"))), "x", "^1.0.0", "y", "*"));
    }

    @Test
    void failsWhenOnlyYankedVersionsMatch() {
        TestIndex index = new TestIndex().addYanked("a", "1.0.0").addYanked("a", "1.1.0").add("a", "2.0.0");
        ResolutionException failure = failure(index, "a", "^1.0.0");
        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        assertEquals("Because your project depends on a ^1.0.0 and no version of a matches ^1.0.0 (1.0.0 and"
                + " 1.1.0 are yanked),"
                + " version solving failed.", failure.getMessage());
    }

    @Test
    void aRangeOnlyVersionsTakenDownMetNamesThemWithTheReasonsBesideThoseYanked() {
        TestIndex index = new TestIndex().addYanked("a", "1.0.0").add("a", "2.0.0")
                .takeDown("a", "1.1.0", "leaked a key")
                .takeDown("a", "1.2.0", "leaked a key").takeDown("a", "1.3.0", " ")
                .takeDown("a", "0.9.0", "out of range");
        ResolutionException failure = failure(index, "a", "^1.0.0");
        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        assertEquals("Because your project depends on a ^1.0.0 and no version of a matches ^1.0.0 (1.0.0 is yanked;"
                + " 1.1.0 and 1.2.0 are taken down: leaked a key; 1.3.0 is taken down), version solving failed.",
                failure.getMessage());
    }

    @Test
    void aPackageWithNoVersionLeftIsSaidToHaveEveryVersionTakenDownNotToBeMissing() {
        TestIndex index = new TestIndex().add("@a/x", "1.0.0", "@a/gone", "^2.0.0")
                .takeDown("@a/gone", "1.0.0", "leaked a key")
                .takeDown("@a/gone", "2.0.0", "").similar("@a/gone", "@a/x");
        ResolutionException failure = failure(index, "@a/x", "^1.0.0");
        assertEquals(ExitCode.NOT_FOUND, failure.exitCode());
        assertEquals("""
                Because every version of @a/x depends on @a/gone ^2.0.0 and every version of @a/gone is taken down\
                 (1.0.0: leaked a key; 2.0.0), @a/x cannot be used.
                So, because your project depends on @a/x ^1.0.0, version solving failed.""", failure.getMessage());
    }

    @Test
    void choosesAPreReleaseOnlyWhenTheRangeAsksForOne() {
        TestIndex index = new TestIndex().add("a", "1.0.0").add("a", "1.1.0-beta.1");
        assertEquals(Map.of("a", "1.0.0"), resolve(index, "a", "^1.0.0"));
        assertEquals(Map.of("a", "1.1.0-beta.1"), resolve(index, "a", "^1.1.0-beta.0"));
    }

    @Test
    void resolvesACycleWithoutLooping() {
        TestIndex index = new TestIndex()
                .add("a", "1.0.0", "b", "^1.0.0")
                .add("b", "1.0.0", "a", "^1.0.0")
                .add("b", "1.1.0", "a", "^2.0.0");
        assertEquals(Map.of("a", "1.0.0", "b", "1.0.0"), resolve(index, "a", "^1.0.0"));
    }

    @Test
    void asksTheIndexOnlyForPackagesInTheGraphAndAnnouncesThemFirst() {
        TestIndex index = new TestIndex()
                .add("a", "1.0.0", "b", "^1.0.0", "c", "^1.0.0")
                .add("a", "0.1.0", "unused", "^1.0.0")
                .add("b", "1.0.0").add("c", "1.0.0").add("unused", "1.0.0");
        resolve(index, "a", "^1.0.0");
        assertEquals(index.asked.stream().sorted().toList(), index.asked.stream().distinct().sorted().toList());
        assertEquals(java.util.List.of("a", "b", "c"),
                index.asked.stream().map(PackageName::toString).sorted().toList());
        assertEquals(java.util.List.of("a", "b", "c"),
                index.prefetched.stream().map(PackageName::toString).sorted().toList());
        assertEquals(TestIndex.ranges("a", "^1.0.0", "b", "^1.0.0", "c", "^1.0.0"), index.announcedRanges,
                "each announced with its range, from which an index may guess the version chosen");
    }

    @Test
    void recordsTheEdgesOfTheChosenVersions() {
        TestIndex index = new TestIndex()
                .add("a", "1.0.0", "b", "^1.0.0")
                .add("b", "1.0.0");
        Resolution resolution = Resolver.resolve(ranges("a", "^1.0.0"), index, ResolveOptions.defaults());
        assertEquals(ranges("b", "^1.0.0"), resolution.dependencies().get(PackageName.parse("a")));
        assertEquals(ranges(), resolution.dependencies().get(PackageName.parse("b")));
    }

    @Test
    void skipsAVersionThatDependsOnAnotherVersionOfItself() {
        TestIndex index = new TestIndex()
                .add("a", "1.0.0", "a", "^1.0.0")
                .add("a", "2.0.0", "a", "^1.0.0");
        assertEquals(Map.of("a", "1.0.0"), resolve(index, "a", "*"));
    }

    @Test
    void resolvesNoRootsToNothing() {
        TestIndex index = new TestIndex().add("a", "1.0.0");
        assertEquals(Map.of(), resolve(index));
        assertEquals(java.util.List.of(), index.asked);
    }

    @Test
    void rejectsAnIndexListingAVersionTwice() {
        TestIndex index = new TestIndex().add("a", "1.0.0").add("a", "1.0.0");
        IllegalStateException broken = assertThrows(IllegalStateException.class,
                () -> Resolver.resolve(ranges("a", "^1.0.0"), index, ResolveOptions.defaults()));
        assertEquals("the package index listed a 1.0.0 twice", broken.getMessage());
    }

    @Test
    void leavesALockedVersionThatNoLongerFits() {
        TestIndex index = new TestIndex()
                .add("app", "1.0.0", "base", "^1.0.0", "extra", "^1.0.0")
                .add("extra", "1.0.0", "base", ">=1.1.0")
                .add("base", "1.0.0").add("base", "1.1.0").add("base", "1.2.0");
        ResolveOptions locked = lockedAt("base", "1.0.0");
        assertEquals(Map.of("app", "1.0.0", "extra", "1.0.0", "base", "1.2.0"),
                resolve(index, locked, "app", "^1.0.0"));
    }

    @Test
    void refersByNumberToAConclusionUsedTwiceWhereverItIsUsedAgain() {
        TestIndex index = new TestIndex()
                .add("a", "1.1.0", "b", "^1.0.0", "d", "*").addYanked("a", "1.2.0")
                .add("a", "2.1.0", "b", "*", "d", "^1.0.0")
                .add("b", "1.0.0", "a", "1.2.0 || 2.0.0", "c", "1.2.0 || 2.0.0").add("b", "2.0.0", "a", "<1.2.0")
                .addDeprecated("c", "1.1.0").addDeprecated("c", "2.0.0").add("c", "2.1.0")
                .add("d", "1.1.0").add("d", "1.2.0").add("d", "2.1.0", "b", "^3.0.0");
        ResolutionException failure = failure(index, "a", ">=1.1.0");
        assertEquals("""
                (1) Because b 1.0.0 depends on a 1.2.0 || 2.0.0 and no version of a matches 1.2.0 || 2.0.0 (1.2.0 is yanked), b 1.0.0 cannot be used.
                (2) So, because a 1.1.0 depends on b ^1.0.0, a 1.1.0 cannot be used.

                    Because b 2.0.0 depends on a <1.2.0 and b 1.0.0 cannot be used (1), every version of b requires a <1.2.0.
                    And because a 2.1.0 depends on b *, a 2.1.0 cannot be used.
                    And because a 1.1.0 cannot be used (2), a cannot be used.
                    So, because your project depends on a >=1.1.0, version solving failed.""", failure.getMessage());
    }

    @Test
    void explainsAConclusionFromOneNumberedBeforeAndOneDerivedOnTheWay() {
        TestIndex index = new TestIndex()
                .add("a", "1.2.0", "b", "~1.1.0").add("a", "2.0.0", "b", "*").add("a", "2.1.0", "d", "<1.2.0")
                .add("b", "1.0.0", "a", "^2.0.0", "d", "~1.1.0").add("b", "1.1.0", "a", "~1.1.0").add("b", "2.1.0")
                .add("c", "1.0.0", "b", ">=1.1.0").add("c", "1.1.0", "d", "1.2.0 || 2.0.0")
                .add("c", "1.2.0", "a", "^1.0.0").add("c", "2.0.0", "b", "^3.0.0")
                .add("c", "2.1.0", "a", "^2.0.0", "d", "^3.0.0")
                .add("d", "1.0.0", "a", "^2.0.0").add("d", "1.1.0", "c", ">=1.1.0").add("d", "1.2.0", "c", "^2.0.0")
                .add("d", "2.1.0");
        ResolutionException failure = failure(index, "a", "^2.0.0", "c", ">=1.1.0");
        assertEquals("""
                (1) Because c 2.0.0 depends on b ^3.0.0 and no version of b matches ^3.0.0 (published: 1.0.0, 1.1.0, 2.1.0), c 2.0.0 cannot be used.
                (2) So, because d 1.2.0 depends on c ^2.0.0, d 1.2.0 requires c 2.1.0.

                    Because c 1.1.0 depends on d 1.2.0 || 2.0.0 and c 1.2.0 depends on a ^1.0.0, c >=1.1.0 <=1.2.0 requires d 1.2.0 || 2.0.0 or a ^1.0.0.
                    And because c 2.0.0 cannot be used (1), c >=1.1.0 <=2.0.0 requires d 1.2.0 || 2.0.0 or a ^1.0.0.
                    And because d 1.2.0 requires c 2.1.0 (2), c >=1.1.0 <=2.0.0 requires a ^1.0.0.
                    Because c 2.1.0 depends on d ^3.0.0 and no version of d matches ^3.0.0 (published: 1.0.0, 1.1.0, 1.2.0, 2.1.0), c 2.1.0 cannot be used.
                    Thus, c >=1.1.0 requires a ^1.0.0.
                    So, because your project depends on both a ^2.0.0 and c >=1.1.0, version solving failed.""",
                failure.getMessage());
    }

    @Test
    void explainsThatSomeVersionsOfTwoPackagesTogetherRequireAThird() {
        TestIndex index = new TestIndex()
                .add("a", "1.0.0").addYanked("a", "1.2.0", "b", ">=1.1.0").add("a", "2.0.0", "b", "^1.0.0")
                .add("a", "2.1.0", "c", "1.2.0 || 2.0.0", "d", "^3.0.0")
                .add("b", "1.2.0", "e", "*")
                .add("c", "1.0.0", "b", "*").add("c", "1.1.0", "a", ">=1.1.0").add("c", "1.2.0")
                .addDeprecated("d", "1.2.0", "a", "^1.0.0").addYanked("d", "2.0.0", "a", "<1.2.0");
        ResolutionException failure = failure(index, "c", "<1.2.0", "d", "*");
        assertEquals("""
                Because every version of d depends on a ^1.0.0 and c 1.1.0 depends on a >=1.1.0, d and c 1.1.0 cannot be installed together.
                And because c 1.0.0 depends on b *, if d and c <=1.1.0 then b *.
                Because every version of b depends on e * and no package e exists, b cannot be used.
                Thus, d and c <=1.1.0 cannot be installed together.
                So, because your project depends on both c <1.2.0 and d *, version solving failed.""",
                failure.getMessage());
    }

    @Test
    void anExplanationOfExactlyFortyLinesIsWhole() {
        TestIndex index = new TestIndex();
        for (int link = 0; link < 75; link++) {
            index.add("@t/c" + link, "1.0.0", "@t/c" + (link + 1), "^1.0.0");
        }
        ResolutionException failure = failure(index, "@t/c0", "^1.0.0");
        assertEquals(Explanation.LINES_SHOWN, failure.getMessage().lines().count(), failure.getMessage());
        assertEquals(Optional.empty(), failure.wholeMessage());
    }

    @Test
    void aRangeNoVersionOfferedMeetsNamesThoseOfferedAndWhatTheIndexHoldsBack() {
        TestIndex published = new TestIndex().add("a", "1.0.0");
        PackageIndex cached = new PackageIndex() {
            @Override
            public List<Candidate> versions(PackageName name) {
                return published.versions(name);
            }

            @Override
            public String offered() {
                return "cached";
            }

            @Override
            public Optional<String> heldBack(PackageName name, VersionRange range) {
                return Optional.of("2.0.0 is not in the cache");
            }
        };
        ResolutionException failure = assertThrows(ResolutionException.class,
                () -> Resolver.resolve(ranges("a", "^2.0.0"), cached, ResolveOptions.defaults()));
        assertEquals("Because your project depends on a ^2.0.0 and no version of a cached matches ^2.0.0 (cached:"
                + " 1.0.0; 2.0.0 is not in the cache), version solving failed.", failure.getMessage());
    }
}
