package io.prompd.core.protocol;

import io.prompd.core.SortedCopies;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.manifest.Person;
import io.prompd.core.manifest.Repository;
import io.prompd.core.name.PackageName;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code packages/<name>/<version>.json}: everything about one published version that never
 * changes, with its prompt files' parameters and its README. Yanked and deprecated are left to
 * the package's {@code index.json}, so this file may be cached forever.
 *
 * @param author      npm's shorthand {@code Name <email> (url)}, or null
 * @param main        the path of the default prompt's file in the package ({@code prompd.json}'s
 *                    {@code main}), or null
 * @param promptFiles every prompt file of the tarball, by path in the package
 * @param readme      the README's text, or null when the package has none
 */
public record VersionDocument(PackageName name, Version version, String description, List<String> keywords,
                              String category, String author, String license, Repository repository,
                              SortedMap<PackageName, VersionRange> dependencies, SortedMap<String, String> engines,
                              String main, SortedMap<String, String> prompts, Dist dist,
                              Instant publishedAt, String commit,
                              SortedMap<String, PromptSummary> promptFiles, String readme) {

    public VersionDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        keywords = List.copyOf(Objects.requireNonNull(keywords, "keywords"));
        dependencies = SortedCopies.map(Objects.requireNonNull(dependencies, "dependencies"));
        engines = SortedCopies.map(Objects.requireNonNull(engines, "engines"));
        prompts = SortedCopies.map(Objects.requireNonNull(prompts, "prompts"));
        Objects.requireNonNull(dist, "dist");
        Objects.requireNonNull(publishedAt, "publishedAt");
        commit = Checks.commitId(commit);
        promptFiles = SortedCopies.map(Objects.requireNonNull(promptFiles, "promptFiles"));
    }

    /**
     * The document of a version packed from a folder with this manifest: the one place a manifest's fields become a
     * version document's, so the build and a test's registry serve the same.
     *
     * @param dist        where its tarball is served
     * @param publishedAt when the commit that published it was made
     * @param commit      that commit
     * @param prompts     every prompt file of the tarball, by path in the package
     * @param readme      the README's text, empty when the package has none
     */
    public static VersionDocument of(Manifest manifest, Dist dist, Instant publishedAt, String commit,
                                     SortedMap<String, PromptFile> prompts, Optional<String> readme) {
        SortedMap<String, PromptSummary> promptFiles = new TreeMap<>();
        prompts.forEach((path, prompt) -> promptFiles.put(path, PromptSummary.of(prompt)));
        return new VersionDocument(manifest.name(), manifest.version(), manifest.description().orElse(null),
                manifest.keywords(), manifest.category().orElse(null), manifest.author().map(Person::display)
                .orElse(null), manifest.license().orElse(null), manifest.repository().orElse(null),
                manifest.dependencies(), manifest.engines(), manifest.main().orElse(null), manifest.prompts(), dist,
                publishedAt, commit, promptFiles, readme.orElse(null));
    }

    /**
     * The same files published by another commit: what a rewritten history (a purge with {@code git filter-branch})
     * changes of a version, whose tarball and everything read from it stay the same.
     */
    public VersionDocument publishedBy(Instant otherTime, String otherCommit) {
        return new VersionDocument(name, version, description, keywords, category, author, license, repository,
                dependencies, engines, main, prompts, dist, otherTime, otherCommit, promptFiles, readme);
    }

    /** The version as the package's {@code index.json} lists it, with what maintainers say of it now. */
    public VersionSummary summary(String yanked, String deprecated) {
        return new VersionSummary(version, description, license, dependencies, engines, main, prompts, dist,
                publishedAt, commit, yanked, deprecated);
    }
}
