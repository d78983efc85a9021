package io.prompd.generator.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.SimilarNames;
import io.prompd.core.resolve.Candidate;
import io.prompd.core.resolve.PackageIndex;
import io.prompd.core.version.InvalidRangeException;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The versions of a registry snapshot as the resolver sees them: read lazily, one package at a
 * time, from each version's prompd.json, with yanks from the package's meta.json. Only the
 * dependencies are read, so a resolution touching thousands of versions stays cheap. Lives for
 * one check and is not shared between threads.
 */
final class SnapshotIndex implements PackageIndex {

    private final RegistrySnapshot snapshot;
    private final Map<PackageName, List<Candidate>> read = new HashMap<>();
    /** Parsed names and ranges by their text: thousands of manifests repeat the same few. */
    private final Map<String, Optional<PackageName>> names = new HashMap<>();
    private final Map<String, Optional<VersionRange>> ranges = new HashMap<>();

    SnapshotIndex(RegistrySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public List<Candidate> versions(PackageName name) {
        return read.computeIfAbsent(name, this::readVersions);
    }

    @Override
    public List<PackageName> similarNames(PackageName name) {
        return SimilarNames.among(snapshot.packages().keySet(), name);
    }

    /** This index, except that the package of {@code only} has just that version: the one being checked. */
    PackageIndex pinning(Candidate only) {
        return name -> name.equals(only.name()) ? List.of(only) : versions(name);
    }

    private List<Candidate> readVersions(PackageName name) {
        List<Candidate> candidates = new ArrayList<>();
        for (VersionFolder folder : snapshot.packages().getOrDefault(name, Collections.emptySortedMap()).values()) {
            candidates.add(new Candidate(name, folder.version(), dependencies(folder),
                    snapshot.meta(name).isYanked(folder.version())));
        }
        return candidates;
    }

    /**
     * The dependencies a published version declares. An entry that does not parse is left out:
     * published versions were checked when they arrived, and a new one reports its own manifest.
     */
    private SortedMap<PackageName, VersionRange> dependencies(VersionFolder folder) {
        SortedMap<PackageName, VersionRange> dependencies = new TreeMap<>();
        try {
            Optional<byte[]> manifest = snapshot.file(folder, PackSelector.MANIFEST);
            if (manifest.isEmpty()) {
                return dependencies;
            }
            JsonNode declared = Json.mapper().readTree(manifest.get()).path("dependencies");
            declared.fields().forEachRemaining(entry -> {
                Optional<PackageName> name = names.computeIfAbsent(entry.getKey(), SnapshotIndex::name);
                Optional<VersionRange> range = entry.getValue().isTextual()
                        ? ranges.computeIfAbsent(entry.getValue().asText(), SnapshotIndex::range) : Optional.empty();
                if (name.isPresent() && range.isPresent()) {
                    dependencies.put(name.get(), range.get());
                }
            });
        } catch (JsonProcessingException unreadable) {
            return dependencies;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
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
