package io.prompd.core.resolve;

import io.prompd.core.name.NameSuggestions;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** An in-memory index that records what the resolver asked for. */
final class TestIndex implements PackageIndex {

    private final Map<PackageName, List<Candidate>> packages = new TreeMap<>();
    private final Map<PackageName, List<PackageName>> similar = new TreeMap<>();
    private final Map<PackageName, SortedMap<Version, String>> takenDown = new TreeMap<>();
    private final Map<PackageName, Version> latest = new TreeMap<>();
    final List<PackageName> asked = new ArrayList<>();
    final List<PackageName> prefetched = new ArrayList<>();
    /** The range each package was first announced with. */
    final Map<PackageName, VersionRange> announcedRanges = new TreeMap<>();

    /** Adds a version; dependencies as alternating names and ranges. */
    TestIndex add(String name, String version, String... dependencies) {
        return add(false, false, name, version, dependencies);
    }

    TestIndex addYanked(String name, String version, String... dependencies) {
        return add(true, false, name, version, dependencies);
    }

    TestIndex addDeprecated(String name, String version, String... dependencies) {
        return add(false, true, name, version, dependencies);
    }

    private TestIndex add(boolean yanked, boolean deprecated, String name, String version, String... dependencies) {
        PackageName packageName = PackageName.parse(name);
        packages.computeIfAbsent(packageName, key -> new ArrayList<>())
                .add(new Candidate(packageName, Version.parse(version), ranges(dependencies), yanked, deprecated));
        return this;
    }

    /** Records a takedown of a version, which is then not published (or never was: the index does not check). */
    TestIndex takeDown(String name, String version, String reason) {
        takenDown.computeIfAbsent(PackageName.parse(name), key -> new TreeMap<>()).put(Version.parse(version), reason);
        return this;
    }

    /** Points the package's {@code latest} dist-tag at a version (published or not: the index does not check). */
    TestIndex tagLatest(String name, String version) {
        latest.put(PackageName.parse(name), Version.parse(version));
        return this;
    }

    TestIndex similar(String name, String... names) {
        similar.put(PackageName.parse(name), List.of(names).stream().map(PackageName::parse).toList());
        return this;
    }

    static SortedMap<PackageName, VersionRange> ranges(String... namesAndRanges) {
        SortedMap<PackageName, VersionRange> ranges = new TreeMap<>();
        for (int i = 0; i < namesAndRanges.length; i += 2) {
            ranges.put(PackageName.parse(namesAndRanges[i]), VersionRange.parse(namesAndRanges[i + 1]));
        }
        return ranges;
    }

    Map<PackageName, List<Candidate>> packages() {
        return packages;
    }

    @Override
    public List<Candidate> versions(PackageName name) {
        asked.add(name);
        return packages.getOrDefault(name, List.of());
    }

    @Override
    public Optional<Version> latest(PackageName name) {
        return Optional.ofNullable(latest.get(name));
    }

    @Override
    public Takedowns takedowns(PackageName name) {
        SortedMap<Version, String> reasons = takenDown.getOrDefault(name, new TreeMap<>());
        return new Takedowns(reasons, !reasons.isEmpty() && !packages.containsKey(name));
    }

    @Override
    public NameSuggestions similarNames(PackageName name) {
        return NameSuggestions.of(similar.getOrDefault(name, List.of()));
    }

    @Override
    public void prefetch(SortedMap<PackageName, VersionRange> wanted) {
        prefetched.addAll(wanted.keySet());
        wanted.forEach(announcedRanges::putIfAbsent);
    }
}
