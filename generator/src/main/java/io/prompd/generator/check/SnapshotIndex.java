package io.prompd.generator.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.json.Json;
import io.prompd.core.name.NameSuggestions;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.SimilarNames;
import io.prompd.core.protocol.Packument;
import io.prompd.core.resolve.Candidate;
import io.prompd.core.resolve.PackageIndex;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.version.InvalidRangeException;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The versions of {@link MergedPackages} as the resolver sees them: read lazily, one package at a
 * time, from each version's prompd.json, with yanks from the package's meta.json. Only the
 * dependencies are read, so a resolution touching thousands of versions stays cheap. Lives for
 * one check and is not shared between threads.
 */
final class SnapshotIndex implements PackageIndex {

    private final MergedPackages merged;
    private final boolean holdsVersionsAdded;
    private final RegistryConfig.Policy policy;
    private final Map<PackageName, List<Candidate>> read = new HashMap<>();
    /** The versions {@link #dependentsOf} parsed, which the resolver then asks for again. */
    private final Map<VersionFolder, Candidate> parsed = new HashMap<>();
    /** Parsed names and ranges by their text: thousands of manifests repeat the same few. */
    private final Map<String, Optional<PackageName>> names = new HashMap<>();
    private final Map<String, Optional<VersionRange>> ranges = new HashMap<>();

    /**
     * @param holdsVersionsAdded whether the packages hold versions a pull request adds beside the one a resolution
     *                           checks, which a failure then must not call published
     * @param policy             the policy whose external scopes' packages live in another registry: a dependency
     *                           on one is outside the graph here
     */
    SnapshotIndex(MergedPackages merged, boolean holdsVersionsAdded, RegistryConfig.Policy policy) {
        this.merged = merged;
        this.holdsVersionsAdded = holdsVersionsAdded;
        this.policy = policy;
    }

    /** The version a resolution checks is never named as offered, so with no other added they are all published. */
    @Override
    public String offered() {
        return PackageIndex.super.offered() + (holdsVersionsAdded ? " or added by this pull request" : "");
    }

    @Override
    public List<Candidate> versions(PackageName name) {
        return read.computeIfAbsent(name, this::readVersions);
    }

    /**
     * The tag meta.json sets, which clients prefer within a range: the check must resolve to what they will install.
     */
    @Override
    public Optional<Version> latest(PackageName name) {
        return Optional.ofNullable(merged.meta(name).distTags().get(Packument.LATEST));
    }

    @Override
    public NameSuggestions similarNames(PackageName name) {
        return NameSuggestions.of(SimilarNames.among(merged.packages().keySet(), name));
    }

    /** The takedowns meta.json records: a package with none of its folders left keeps them there. */
    @Override
    public Takedowns takedowns(PackageName name) {
        SortedMap<Version, String> reasons = merged.meta(name).takenDown();
        return new Takedowns(reasons, !reasons.isEmpty() && !merged.packages().containsKey(name));
    }

    /**
     * The published versions that depend on one of the packages, for a change that may break them: a withdrawal
     * that leaves them without a version, a new version without a file they take. Nothing else says who depends on
     * a package, so every manifest is read; but only one whose text may name one of the packages is parsed, which is
     * most of the cost.
     */
    List<Candidate> dependentsOf(Set<PackageName> packages) throws IOException {
        List<String> quoted = packages.stream().map(name -> "\"" + name + "\"").toList();
        List<Candidate> dependents = new ArrayList<>();
        for (SortedMap<Version, VersionFolder> versions : merged.packages().values()) {
            for (VersionFolder folder : versions.values()) {
                byte[] manifest = manifest(folder);
                // names are ASCII, which no byte of another character's UTF-8 equals; of JSON's escapes only an escaped
                // slash or a u-escape can stand in a valid name, and the others (a quote, a newline) fill descriptions
                String text = new String(manifest, StandardCharsets.ISO_8859_1);
                if (!text.contains("\\/") && !text.contains("\\u") && quoted.stream().noneMatch(text::contains)) {
                    continue;
                }
                Candidate candidate = parsed.computeIfAbsent(folder, unparsed -> candidate(folder, manifest));
                if (!Collections.disjoint(candidate.dependencies().keySet(), packages)) {
                    dependents.add(candidate);
                }
            }
        }
        return dependents;
    }

    private List<Candidate> readVersions(PackageName name) {
        List<Candidate> candidates = new ArrayList<>();
        try {
            for (VersionFolder folder : merged.versions(name).values()) {
                Candidate known = parsed.get(folder);
                candidates.add(known != null ? known : candidate(folder, manifest(folder)));
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return candidates;
    }

    /** The version's prompd.json, empty when it has none (a new version reports that itself). */
    private byte[] manifest(VersionFolder folder) throws IOException {
        return merged.file(folder, PackSelector.MANIFEST).orElse(new byte[0]);
    }

    private Candidate candidate(VersionFolder folder, byte[] manifest) {
        PackageMeta meta = merged.meta(folder.name());
        return new Candidate(folder.name(), folder.version(), dependencies(manifest), meta.isYanked(folder.version()),
                meta.isDeprecated(folder.version()));
    }

    /**
     * The dependencies a published version declares. An entry that does not parse is left out:
     * published versions were checked when they arrived, and a new one reports its own manifest. So is one on a
     * package of an external scope, which another registry resolves, with its own dependencies.
     */
    private SortedMap<PackageName, VersionRange> dependencies(byte[] manifest) {
        SortedMap<PackageName, VersionRange> dependencies = new TreeMap<>();
        try {
            JsonNode declared = Json.reader().readTree(manifest).path("dependencies");
            declared.properties().forEach(entry -> {
                Optional<PackageName> name = names.computeIfAbsent(entry.getKey(), SnapshotIndex::name);
                Optional<VersionRange> range = entry.getValue().isTextual()
                        ? ranges.computeIfAbsent(entry.getValue().asText(), SnapshotIndex::range) : Optional.empty();
                if (name.isPresent() && range.isPresent() && !policy.isExternal(name.get())) {
                    dependencies.put(name.get(), range.get());
                }
            });
        } catch (IOException unreadable) {
            return dependencies;
        }
        return dependencies;
    }

    private static Optional<PackageName> name(String text) {
        return PackageName.check(text).isEmpty() ? Optional.of(PackageName.parse(text)) : Optional.empty();
    }

    private static Optional<VersionRange> range(String text) {
        try {
            return Optional.of(VersionRange.parse(text));
        } catch (InvalidRangeException invalid) {
            return Optional.empty();
        }
    }
}
