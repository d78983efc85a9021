package io.prompd.generator.build;

import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.version.Version;
import io.prompd.generator.build.BuildState.PackageState;
import io.prompd.generator.build.BuildState.VersionState;
import io.prompd.generator.source.Publication;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Writes one package's folder: a tarball and a version document per version, and index.json.
 * A version whose source tree and publication are those of the previous build keeps its
 * tarball and document from the previous output: versions are immutable, so they are never
 * packed twice. Nor is one whose tree alone is the same, published by another commit as a rewritten history has it:
 * the same files pack to the same tarball, and its document changes in its publication only. Nor is the folder of a
 * version taken down, whose tarball's integrity index.json gives.
 */
final class PackageBuilder {

    private final VersionPacker packer;
    private final StagingArea staging;

    PackageBuilder(VersionPacker packer, StagingArea staging) {
        this.packer = packer;
        this.staging = staging;
    }

    /**
     * What building a package gave: its packument (empty when it has errors), the versions packed
     * and carried over, and every problem.
     */
    record Outcome(Optional<Packument> packument, int packed, int reused, List<Problem> problems) {

        Outcome {
            problems = List.copyOf(problems);
        }
    }

    /** Links the whole folder of a package whose state is unchanged, index.json and pages included. */
    int carryOver(PackageName name, PackageState state) throws IOException {
        staging.linkFolder(RegistryLayout.packageFolder(name));
        return state.versions().size();
    }

    Outcome build(PackageName name, SortedMap<Version, VersionFolder> folders, PackageState state,
                  Optional<PackageState> previous) throws IOException {
        SortedMap<Version, VersionDocument> documents = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        int packed = 0;
        int reused = 0;
        for (Map.Entry<Version, VersionState> entry : state.versions().entrySet()) {
            Version version = entry.getKey();
            if (isCarriedOver(name, version, entry.getValue(), previous)) {
                documents.put(version, carryOver(name, version));
                reused++;
                continue;
            }
            if (isRepublished(name, version, entry.getValue(), previous)) {
                documents.put(version, republish(name, version, entry.getValue()));
                reused++;
                continue;
            }
            VersionPacker.Packed result = packer.pack(folders.get(version), publication(entry.getValue()), staging);
            problems.addAll(result.problems());
            if (result.document().isPresent()) {
                staging.write(RegistryLayout.versionDocument(name, version), Json.write(result.document().get()));
                documents.put(version, result.document().get());
                packed++;
            }
        }
        problems.addAll(PackageDocuments.checkMeta(name, state.meta(), state.versions()));
        if (!problems.isEmpty()) {
            return new Outcome(Optional.empty(), packed, reused, problems);
        }
        Packument packument = PackageDocuments.packument(name, documents, state.meta(), state.owners(),
                state.updatedAt(), takenDownIntegrity(name, state, previous));
        staging.write(RegistryLayout.packument(name), Json.write(packument));
        return new Outcome(Optional.of(packument), packed, reused, List.of());
    }

    /**
     * The integrity of the tarball of each version taken down whose folder the history holds: the previous output's
     * for a folder of the same tree, else packed again, as the version was, into nothing.
     */
    private SortedMap<Version, Integrity> takenDownIntegrity(PackageName name, PackageState state,
                                                             Optional<PackageState> previous) throws IOException {
        String packument = RegistryLayout.packument(name);
        Optional<Packument> served = Optional.empty();
        SortedMap<Version, Integrity> integrities = new TreeMap<>();
        for (Map.Entry<Version, String> gone : state.takenDown().entrySet()) {
            Version version = gone.getKey();
            Optional<Integrity> integrity;
            if (previous.filter(old -> gone.getValue().equals(old.takenDown().get(version))).isPresent()
                    && staging.hasPrevious(packument)) {
                if (served.isEmpty()) {
                    served = Optional.of(staging.readPrevious(packument, Packument.class));
                }
                integrity = Optional.ofNullable(served.get().takenDownIntegrity().get(version));
            } else {
                integrity = packer.integrity(new VersionFolder(name, version,
                        RepositoryLayout.versionFolder(name, version), ObjectId.fromString(gone.getValue())));
            }
            integrity.ifPresent(known -> integrities.put(version, known));
        }
        return integrities;
    }

    private boolean isCarriedOver(PackageName name, Version version, VersionState state,
                                  Optional<PackageState> previous) {
        return previous.map(old -> state.equals(old.versions().get(version))).orElse(false)
                && isInPreviousOutput(name, version);
    }

    /** Whether the previous output packed the same files of the version, which another commit published. */
    private boolean isRepublished(PackageName name, Version version, VersionState state,
                                  Optional<PackageState> previous) {
        return previous.map(old -> old.versions().get(version)).filter(old -> old.tree().equals(state.tree()))
                .isPresent() && isInPreviousOutput(name, version);
    }

    private boolean isInPreviousOutput(PackageName name, Version version) {
        return staging.hasPrevious(RegistryLayout.tarball(name, version))
                && staging.hasPrevious(RegistryLayout.versionDocument(name, version));
    }

    /** Keeps the previous output's tarball of the version and writes its document with the new publication. */
    private VersionDocument republish(PackageName name, Version version, VersionState state) throws IOException {
        String path = RegistryLayout.versionDocument(name, version);
        staging.link(RegistryLayout.tarball(name, version));
        VersionDocument document = staging.readPrevious(path, VersionDocument.class)
                .publishedBy(state.publishedAt(), state.commit());
        staging.write(path, Json.write(document));
        return document;
    }

    private VersionDocument carryOver(PackageName name, Version version) throws IOException {
        String document = RegistryLayout.versionDocument(name, version);
        staging.link(RegistryLayout.tarball(name, version));
        staging.link(document);
        return staging.readPrevious(document, VersionDocument.class);
    }

    private static Publication publication(VersionState state) {
        return new Publication(ObjectId.fromString(state.commit()), state.publishedAt());
    }
}
