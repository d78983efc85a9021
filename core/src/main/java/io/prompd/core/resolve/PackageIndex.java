package io.prompd.core.resolve;

import io.prompd.core.name.NameSuggestions;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The published packages the resolver may choose from. The resolver asks only for packages that
 * enter the dependency graph, each at most once per resolution, so an implementation may fetch
 * metadata lazily.
 */
public interface PackageIndex {

    /**
     * Every published version of the package, yanked ones included, in any order, unless the index
     * holds some back (offline, those not at hand); an empty list when no package of that name
     * exists or it holds back all. An index may also offer, as yanked, a version no longer published that
     * its caller still has a copy of, for the resolver to choose only where it is pinned.
     */
    List<Candidate> versions(PackageName name);

    /**
     * The version the package's {@code latest} dist-tag points at, which {@link Strategy#HIGHEST} tries before the
     * highest wherever it is allowed and neither yanked nor deprecated, as npm-pick-manifest does: maintainers who move
     * the tag back from a bad release keep installs and updates off it. Empty for an index without tags, and the
     * highest is tried first.
     */
    default Optional<Version> latest(PackageName name) {
        return Optional.empty();
    }

    /**
     * Asked of a package whose {@link #versions} came back empty: whether it exists nonetheless,
     * every version held back, so that a failure says no version of it fits rather than that there
     * is no such package. An index that holds nothing back has no such package.
     */
    default boolean exists(PackageName name) {
        return false;
    }

    /**
     * Asked of every package that enters the graph: the versions of it its registry took down, which
     * {@link #versions} never lists, so that a failure can say why a range matches nothing. An index
     * that knows of no takedown has none.
     */
    default Takedowns takedowns(PackageName name) {
        return Takedowns.NONE;
    }

    /**
     * What a failure calls the versions {@link #versions} lists, named beside a range none of them meets: those
     * published, unless the index holds some back, and then what it offers instead (offline, those available offline).
     */
    default String offered() {
        return "published";
    }

    /**
     * Why the versions of the package in {@code range} that {@link #versions} holds back are not offered, such as
     * {@code 1.0.0 is listed, but its tarball is not cached: run again without --offline to download it}, for a
     * failure that no version {@linkplain #offered offered} matches the range to say instead of that none exists;
     * empty when it holds back none there, as an index that holds nothing back does.
     */
    default Optional<String> heldBack(PackageName name, VersionRange range) {
        return Optional.empty();
    }

    /** Existing names a user may have meant when asking for a name that does not exist, best first. */
    default NameSuggestions similarNames(PackageName name) {
        return NameSuggestions.NONE;
    }

    /**
     * Where the index looked for a package, as a failure saying there is no such package names it ({@code registry
     * main (https://prompd.example.com/)}): with several registries, which one was asked is what to check. Empty for
     * an index with one source, which needs no naming.
     */
    default Optional<String> lookedIn(PackageName name) {
        return Optional.empty();
    }

    /**
     * How to point the index at another source for a package it has no such package of (a scope routed to another
     * registry), told beside the failure's hint; empty when it knows of none.
     */
    default Optional<String> elsewhere(PackageName name) {
        return Optional.empty();
    }

    /**
     * Announces packages whose {@link #versions} the resolver is about to ask for, so an index
     * backed by a network can fetch them in parallel. Called before those requests, never required.
     */
    default void prefetch(Collection<PackageName> names) {
    }

    /**
     * Announces packages as {@link #prefetch(Collection)} does, with the ranges they are depended on
     * with: an index may guess from them which versions the resolver will choose, and fetch those
     * versions' dependencies ahead too.
     */
    default void prefetch(SortedMap<PackageName, VersionRange> wanted) {
        prefetch(wanted.keySet());
    }
}
