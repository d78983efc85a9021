package io.prompd.core.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prompd.core.SortedCopies;
import io.prompd.core.archive.Integrity;
import io.prompd.core.manifest.Repository;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * A package's {@code index.json}, npm's packument: the package and every published version,
 * yanked ones included (a resolver skips them unless a lock file pins one). A package whose every
 * version was taken down keeps one, without versions, as npm keeps a tombstone of an unpublished
 * package: its name stays taken, and people and clients can still tell why its versions vanished.
 *
 * @param description descriptive fields come from the version {@code latest} points at, or the highest; absent
 *                    when no version is left, since they come from a version's manifest
 * @param author      npm's shorthand {@code Name <email> (url)}, or null
 * @param owners      who may publish new versions
 * @param distTags    tag to version; {@code latest} is present unless no version qualifies for it
 * @param versions    every version, in version order, in the JSON too ({@code 1.2.0} before {@code 1.10.0}), as
 *                    npm shows a package's versions: a sorted map's keys keep its order there, where those of other
 *                    maps are sorted as text
 * @param updatedAt   when the package last changed: a version published or taken down, a yank, a deprecation, a
 *                    dist-tag moved; absent only from an older generator's index of a package with no version left
 * @param takenDown   version the maintainers took down to the reason, so that people and clients can tell why
 *                    it vanished; in the JSON only when there is one, and read as empty from documents without
 * @param takenDownIntegrity of the versions taken down whose files the registry's Git history still holds, each to
 *                    the integrity of the tarball it had, as a lock pins it, for people and tools to tell which bytes
 *                    were withdrawn (a copy in a cache, a mirror's): no proof that a registry speaks for a locked
 *                    package, as any registry writes its own index and every lock pinning the version holds that
 *                    integrity, so a client heeds only the takedowns of the registry its lock has the version
 *                    from; beside {@code takenDown} rather
 *                    than in it, so that a client reading {@code takenDown} as reasons still reads the document; in
 *                    the JSON only when there is one, and read as empty from documents without (a registry built
 *                    before it, or whose history was rewritten past the version's files)
 */
public record Packument(PackageName name, String description, List<String> keywords, String category, String author,
                        String license, Repository repository, Owners owners, SortedMap<String, Version> distTags,
                        SortedMap<Version, VersionSummary> versions, Instant updatedAt,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<Version, String> takenDown,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<Version, Integrity> takenDownIntegrity) {

    /** The dist-tag a package name without a version means, as npm's. */
    public static final String LATEST = "latest";

    public Packument {
        Objects.requireNonNull(name, "name");
        keywords = List.copyOf(Objects.requireNonNull(keywords, "keywords"));
        Objects.requireNonNull(owners, "owners");
        distTags = SortedCopies.map(Objects.requireNonNull(distTags, "distTags"));
        versions = SortedCopies.map(Objects.requireNonNull(versions, "versions"));
        takenDown = takenDown == null ? Collections.emptySortedMap() : SortedCopies.map(takenDown);
        takenDownIntegrity = takenDownIntegrity == null ? Collections.emptySortedMap()
                : SortedCopies.map(takenDownIntegrity);
        if (versions.isEmpty() && takenDown.isEmpty()) {
            throw new IllegalArgumentException("a package needs at least one version, or the takedown of every one it"
                    + " had: " + name);
        }
        if (!versions.isEmpty()) {
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
        for (var tag : distTags.entrySet()) {
            if (!versions.containsKey(tag.getValue())) {
                throw new IllegalArgumentException("dist-tag " + tag.getKey() + " of " + name
                        + " points at " + tag.getValue() + ", which is not published");
            }
        }
        for (Version gone : takenDown.keySet()) {
            if (versions.containsKey(gone)) {
                throw new IllegalArgumentException(name + " " + gone + " is taken down, so it is not published");
            }
        }
        for (Version gone : takenDownIntegrity.keySet()) {
            if (!takenDown.containsKey(gone)) {
                throw new IllegalArgumentException("takenDownIntegrity gives the tarball of " + name + " " + gone
                        + ", which takenDown does not record");
            }
        }
    }

    /** A package none of whose versions was taken down. */
    public Packument(PackageName name, String description, List<String> keywords, String category, String author,
                     String license, Repository repository, Owners owners, SortedMap<String, Version> distTags,
                     SortedMap<Version, VersionSummary> versions, Instant updatedAt) {
        this(name, description, keywords, category, author, license, repository, owners, distTags, versions, updatedAt,
                Collections.emptySortedMap(), Collections.emptySortedMap());
    }

    /**
     * The packument of a package whose every version was taken down: its name, its owners, the
     * reasons and the integrities known, and nothing to install.
     */
    public static Packument everyVersionTakenDown(PackageName name, Owners owners, SortedMap<Version, String> takenDown,
                                                  SortedMap<Version, Integrity> takenDownIntegrity,
                                                  Instant updatedAt) {
        return new Packument(name, null, List.of(), null, null, null, null, owners, Collections.emptySortedMap(),
                Collections.emptySortedMap(), Objects.requireNonNull(updatedAt, "updatedAt"), takenDown,
                takenDownIntegrity);
    }

    /** Whether no version is left, every one taken down. */
    public boolean hasNoVersionLeft() {
        return versions.isEmpty();
    }
}
