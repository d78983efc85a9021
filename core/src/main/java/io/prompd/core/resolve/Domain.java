package io.prompd.core.resolve;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;

/**
 * The versions of one package the resolver may choose, in ascending order: a version set of the
 * package is a set of indexes into them. The project being resolved is a domain with one version
 * whose dependencies are the roots. Compared by identity: a resolution creates one per package.
 */
final class Domain {

    private static final Version PROJECT_VERSION = Version.parse("0.0.0");

    private final Optional<PackageName> name;
    /** What explanations call the domain: its name, or for the project what the caller calls it. */
    private final String label;
    private final List<Version> versions;
    private final List<SortedMap<PackageName, VersionRange>> dependencies;
    private final boolean published;
    /** Yanked versions left out, to explain why a range matches nothing. */
    private final List<Version> yanked;
    /** The index of a yanked version kept choosable because it is pinned; -1 when there is none. */
    private final int pinnedYanked;
    /** The indexes of the deprecated versions, tried after every other allowed version. */
    private final BitSet deprecated;
    /** Versions no longer published, to explain why a range matches nothing. */
    private final Takedowns takedowns;
    /**
     * The index of the version the {@code latest} dist-tag points at, unless yanked or deprecated, as npm-pick-manifest
     * takes the tag; -1 when there is none.
     */
    private final int latest;
    /**
     * For the package of the version whose dependencies are resolved, which the graph holds at that version alone:
     * its other versions, to explain why a range back on it that one of them meets is not met. Empty for others.
     */
    private final Optional<List<Version>> setAsideForRoot;

    private Domain(Optional<PackageName> name, String label, List<Version> versions,
            List<SortedMap<PackageName, VersionRange>> dependencies, boolean published, List<Version> yanked,
            int pinnedYanked, BitSet deprecated, Takedowns takedowns, int latest,
            Optional<List<Version>> setAsideForRoot) {
        this.name = name;
        this.label = label;
        this.versions = List.copyOf(versions);
        this.dependencies = List.copyOf(dependencies);
        this.published = published;
        this.yanked = List.copyOf(yanked);
        this.pinnedYanked = pinnedYanked;
        this.deprecated = (BitSet) deprecated.clone();
        this.takedowns = takedowns;
        this.latest = latest;
        this.setAsideForRoot = setAsideForRoot.map(List::copyOf);
    }

    static Domain project(SortedMap<PackageName, VersionRange> roots, String label) {
        return new Domain(Optional.empty(), label, List.of(PROJECT_VERSION), List.of(roots), true, List.of(), -1,
                new BitSet(), Takedowns.NONE, -1, Optional.empty());
    }

    /**
     * The package of the version whose dependencies are resolved: that version alone, since a graph holds one
     * version of a package, and the root stands for it.
     *
     * @param published the versions the index lists, the root's own among them or not
     */
    static Domain rootPackage(Candidate root, List<Candidate> published, Takedowns takedowns) {
        List<Version> others = published.stream().map(Candidate::version)
                .filter(version -> !version.equals(root.version()))
                .sorted().distinct().toList();
        return new Domain(Optional.of(root.name()), root.name().toString(), List.of(root.version()),
                List.of(root.dependencies()), true, List.of(), -1, new BitSet(), takedowns, -1, Optional.of(others));
    }

    /**
     * The choosable versions among everything published: yanked ones only when pinned.
     *
     * @param exists whether the package exists, though the index may offer none of its versions
     * @param latest the version the {@code latest} dist-tag points at, if the package has the tag
     * @throws IllegalStateException when the index breaks its contract
     */
    static Domain of(PackageName name, List<Candidate> published, boolean exists, Takedowns takedowns,
            Optional<Version> latest, ResolveOptions options) {
        Optional<Version> pinned = Optional.ofNullable(options.pinned().get(name));
        List<Candidate> choosable = new ArrayList<>();
        List<Version> yanked = new ArrayList<>();
        for (Candidate candidate : published) {
            if (!candidate.name().equals(name)) {
                throw new IllegalStateException("the package index answered " + candidate.name() + " "
                        + candidate.version() + " when asked for " + name);
            }
            if (!candidate.yanked() || pinned.filter(candidate.version()::equals).isPresent()) {
                choosable.add(candidate);
            } else {
                yanked.add(candidate.version());
            }
        }
        choosable.sort(Comparator.comparing(Candidate::version));
        for (int i = 1; i < choosable.size(); i++) {
            if (choosable.get(i).version().equals(choosable.get(i - 1).version())) {
                throw new IllegalStateException("the package index listed " + name + " "
                        + choosable.get(i).version() + " twice");
            }
        }
        List<Version> versions = choosable.stream().map(Candidate::version).toList();
        int pinnedYanked = choosable.stream().filter(Candidate::yanked).findFirst().map(candidate ->
                versions.indexOf(candidate.version())).orElse(-1);
        BitSet deprecated = new BitSet(versions.size());
        for (int i = 0; i < choosable.size(); i++) {
            deprecated.set(i, choosable.get(i).deprecated());
        }
        int latestIndex = latest.map(versions::indexOf).filter(index -> index >= 0 && index != pinnedYanked
                && !deprecated.get(index)).orElse(-1);
        return new Domain(Optional.of(name), name.toString(), versions,
                choosable.stream().map(Candidate::dependencies).toList(), exists,
                yanked.stream().sorted().toList(), pinnedYanked, deprecated, takedowns, latestIndex, Optional.empty());
    }

    boolean isProject() {
        return name.isEmpty();
    }

    /** Whether the domain is the package of one of the names; the project never is. */
    boolean isNamedIn(Set<PackageName> names) {
        return name.filter(names::contains).isPresent();
    }

    /** The package's name; not for the project. */
    PackageName name() {
        return name.orElseThrow(() -> new IllegalStateException("the project has no package name"));
    }

    /** Whether the package exists, even when none of its versions may be chosen (all yanked, or held back). */
    boolean isPublished() {
        return published;
    }

    /**
     * For the package of the version whose dependencies are resolved, its other versions, which the graph may not
     * hold beside that one; empty for any other package.
     */
    Optional<List<Version>> setAsideForRoot() {
        return setAsideForRoot;
    }

    int size() {
        return versions.size();
    }

    /** The versions, in ascending order. */
    List<Version> versions() {
        return versions;
    }

    Version version(int index) {
        return versions.get(index);
    }

    int indexOf(Version version) {
        return versions.indexOf(version);
    }

    SortedMap<PackageName, VersionRange> dependencies(int index) {
        return dependencies.get(index);
    }

    /** The yanked versions, never chosen, that the range would have matched; ascending. */
    List<Version> yankedMatching(VersionRange range) {
        return yanked.stream().filter(range::satisfiedBy).toList();
    }

    Takedowns takedowns() {
        return takedowns;
    }

    /**
     * Of the allowed versions, those to try first: those neither deprecated nor yanked, as npm-pick-manifest passes
     * over deprecated versions while a range allows others; else the deprecated ones not yanked; else the pinned yanked
     * one alone.
     */
    BitSet firstChoices(BitSet allowed) {
        BitSet notYanked = (BitSet) allowed.clone();
        if (pinnedYanked >= 0) {
            notYanked.clear(pinnedYanked);
        }
        BitSet current = (BitSet) notYanked.clone();
        current.andNot(deprecated);
        return !current.isEmpty() ? current : !notYanked.isEmpty() ? notYanked : allowed;
    }

    /**
     * Whether the {@code latest} dist-tag points at one of the allowed versions below another: a rollback, which holds
     * only if the package is decided before its dependants, whose highest versions may need the version rolled back
     * from.
     */
    boolean rollsBackLatest(BitSet allowed) {
        return latest >= 0 && allowed.get(latest) && allowed.nextSetBit(latest + 1) >= 0;
    }

    /** Whether the version lies above the one the {@code latest} dist-tag points at: one a rollback moved off. */
    boolean isAboveLatest(Version version) {
        return latest >= 0 && version.compareTo(versions.get(latest)) > 0;
    }

    /** The package without the versions above the one its {@code latest} dist-tag points at: its rollback held. */
    Domain upToLatest() {
        if (latest < 0) {
            throw new IllegalStateException(label + " has no latest version to hold");
        }
        int kept = latest + 1;
        return new Domain(name, label, versions.subList(0, kept), dependencies.subList(0, kept), published, yanked,
                pinnedYanked < kept ? pinnedYanked : -1, deprecated.get(0, kept), takedowns, latest,
                setAsideForRoot);
    }

    /** The version the {@code latest} dist-tag points at, when it is one of {@code candidates}. */
    OptionalInt latestAmong(BitSet candidates) {
        return latest >= 0 && candidates.get(latest) ? OptionalInt.of(latest) : OptionalInt.empty();
    }

    BitSet all() {
        BitSet all = new BitSet(size());
        all.set(0, size());
        return all;
    }

    BitSet matching(VersionRange range) {
        BitSet matching = new BitSet(size());
        for (int i = 0; i < size(); i++) {
            if (range.satisfiedBy(versions.get(i))) {
                matching.set(i);
            }
        }
        return matching;
    }

    /** The versions that declare exactly this dependency, so one incompatibility covers them all. */
    BitSet declaring(PackageName target, VersionRange range) {
        BitSet declaring = new BitSet(size());
        for (int i = 0; i < size(); i++) {
            if (range.equals(dependencies.get(i).get(target))) {
                declaring.set(i);
            }
        }
        return declaring;
    }

    /** How many runs of consecutive versions the set makes: the alternatives {@link #describe} writes. */
    int runs(BitSet set) {
        int runs = 0;
        for (int start = set.nextSetBit(0); start >= 0; start = set.nextSetBit(set.nextClearBit(start))) {
            runs++;
        }
        return runs;
    }

    /**
     * A set of versions as compact text: {@code 1.0.0}, {@code >=1.2.0}, {@code >=1.0.0 <=1.4.0},
     * runs joined by {@code ||}. The caller handles the set of every version.
     */
    String describe(BitSet set) {
        List<String> runs = new ArrayList<>();
        for (int start = set.nextSetBit(0); start >= 0; start = set.nextSetBit(start)) {
            int end = set.nextClearBit(start) - 1;
            runs.add(describeRun(start, end));
            start = end + 1;
        }
        return runs.isEmpty() ? "<none>" : String.join(" || ", runs);
    }

    private String describeRun(int first, int last) {
        if (first == last) {
            return versions.get(first).toString();
        }
        if (last == size() - 1) {
            return ">=" + versions.get(first);
        }
        if (first == 0) {
            return "<=" + versions.get(last);
        }
        return ">=" + versions.get(first) + " <=" + versions.get(last);
    }

    @Override
    public String toString() {
        return label;
    }
}
