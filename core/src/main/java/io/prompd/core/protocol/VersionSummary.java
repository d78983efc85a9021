package io.prompd.core.protocol;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version in a package's {@code index.json}: what a resolver and an installer need, and the
 * maintainers' word on it.
 *
 * @param dependencies package to accepted range
 * @param engines      tool or model to the range it needs, as written
 * @param main         the path of the default prompt's file in the package, or null
 * @param prompts      prompt name to the path of its file in the package
 * @param publishedAt  time of the commit that published the version
 * @param commit       that commit
 * @param yanked       why the version was withdrawn from resolution, or null
 * @param deprecated   the maintainers' warning, or null
 */
public record VersionSummary(Version version, String description, String license,
                             SortedMap<PackageName, VersionRange> dependencies, SortedMap<String, String> engines,
                             String main, SortedMap<String, String> prompts, Dist dist,
                             Instant publishedAt, String commit,
                             String yanked, String deprecated) {

    public VersionSummary {
        Objects.requireNonNull(version, "version");
        dependencies = SortedCopies.map(Objects.requireNonNull(dependencies, "dependencies"));
        engines = SortedCopies.map(Objects.requireNonNull(engines, "engines"));
        prompts = SortedCopies.map(Objects.requireNonNull(prompts, "prompts"));
        Objects.requireNonNull(dist, "dist");
        Objects.requireNonNull(publishedAt, "publishedAt");
        commit = Checks.commitId(commit);
    }

    /**
     * The document of this version as far as the index tells it: the fields of {@link VersionDocument} that a summary
     * has not are empty or null.
     */
    public VersionDocument asDocument(PackageName name) {
        return new VersionDocument(name, version, description, List.of(), null, null, license, null, dependencies,
                engines, main, prompts, dist, publishedAt, commit, new TreeMap<>(), null);
    }
}
