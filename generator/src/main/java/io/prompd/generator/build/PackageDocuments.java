package io.prompd.generator.build;

import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.protocol.Owners;
import io.prompd.core.protocol.PackageSummary;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.RepositoryLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** A package's {@code index.json} and its line in {@code packages.json}, from its versions and its meta.json. */
final class PackageDocuments {

    private PackageDocuments() {
    }

    /**
     * Every entry of meta.json that names a version the package does not have, and every takedown of a version it
     * has: the check refuses them all, but a push past it can bring them to the branch. A takedown of one it has as
     * another is the builder's to judge, with the history ({@link io.prompd.generator.source.TakenNumbers}).
     */
    static List<Problem> checkMeta(PackageName name, PackageMeta meta, SortedMap<Version, ?> versions) {
        String file = RepositoryLayout.metaFile(name);
        List<Problem> problems = new ArrayList<>();
        meta.distTags().forEach((tag, version) -> {
            if (!versions.containsKey(version)) {
                problems.add(Problem.error(file, Pointer.of("distTags", tag), "the dist-tag '" + tag + "' points at "
                        + version + ", which is not published",
                        RepositoryLayout.exactVersionHint(name, version, versions)));
            }
        });
        reportUnknown(name, file, "yanked", meta.yanked(), versions, problems);
        reportUnknown(name, file, "deprecated", meta.deprecated(), versions, problems);
        meta.takenDown().keySet().stream().filter(versions::containsKey).forEach(version ->
                problems.add(Problem.error(file, Pointer.of("takenDown", version.toString()), version + " is taken"
                        + " down, but its folder is still published", "a maintainer deletes "
                        + RepositoryLayout.versionFolder(name, version)
                        + "/ (a takedown entry is never removed: the number stays taken)")));
        return problems;
    }

    private static void reportUnknown(PackageName name, String file, String field, SortedMap<Version, String> entries,
                                      SortedMap<Version, ?> versions, List<Problem> problems) {
        entries.keySet().stream().filter(version -> !versions.containsKey(version)).forEach(version ->
                problems.add(Problem.error(file, Pointer.of(field, version.toString()),
                        version + " is not a published version",
                        RepositoryLayout.exactVersionHint(name, version, versions))));
    }

    /**
     * The packument. {@code latest} is the meta's tag if it sets one, else the highest version that
     * is neither a pre-release nor yanked, as npm would have tagged it; with no such version there
     * is no {@code latest}. Descriptive fields come from the version {@code latest} points at, or
     * the highest one. Without a version, every one taken down, it holds the takedowns and the owners
     * alone: the descriptive fields of a version taken down may be what had it taken down.
     *
     * @param updatedAt          when the package's folder last changed, which a mirror syncing by it must see for a
     *                           yank or a takedown as much as for a new version
     * @param takenDownIntegrity the integrity of the tarball of each version taken down whose files the history holds
     */
    static Packument packument(PackageName name, SortedMap<Version, VersionDocument> documents, PackageMeta meta,
                               Owners owners, Instant updatedAt, SortedMap<Version, Integrity> takenDownIntegrity) {
        if (documents.isEmpty()) {
            return Packument.everyVersionTakenDown(name, owners, meta.takenDown(), takenDownIntegrity, updatedAt);
        }
        SortedMap<String, Version> distTags = new TreeMap<>(meta.distTags());
        meta.latest(documents.keySet()).ifPresent(latest -> distTags.put(Packument.LATEST, latest));
        SortedMap<Version, VersionSummary> versions = new TreeMap<>();
        documents.forEach((version, document) -> versions.put(version,
                document.summary(meta.yanked().get(version), meta.deprecated().get(version))));
        VersionDocument described = documents.get(distTags.getOrDefault(Packument.LATEST, documents.lastKey()));
        return new Packument(name, described.description(), described.keywords(), described.category(),
                described.author(), described.license(), described.repository(), owners, distTags, versions, updatedAt,
                meta.takenDown(), takenDownIntegrity);
    }

    /**
     * The package's line in packages.json, which lists every package with a version served, one whose every version
     * is yanked too: none once no version is left. Without a {@code latest} dist-tag, the line has none.
     */
    static Optional<PackageSummary> summary(Packument packument) {
        if (packument.hasNoVersionLeft()) {
            return Optional.empty();
        }
        return Optional.of(new PackageSummary(packument.name(), packument.distTags().get(Packument.LATEST),
                packument.description(), packument.keywords(), packument.category(), packument.author(),
                packument.updatedAt()));
    }
}
