package io.prompd.core.protocol;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One package in {@code packages.json}: enough to list packages (a client's "did you mean" of a name not found),
 * and to search them once the registry has a search, without fetching each one. Descriptive fields come from the
 * version {@code latest} points at (the highest version when there is no {@code latest}).
 *
 * @param latest    the {@code latest} dist-tag, or null, left out of the line, when the package has none: every
 *                  version yanked or a pre-release, and meta.json tagging none
 * @param author    npm's shorthand {@code Name <email> (url)}, or null
 * @param updatedAt when the package last changed, as its {@link Packument#updatedAt}
 */
public record PackageSummary(PackageName name, Version latest, String description, List<String> keywords,
                             String category, String author, Instant updatedAt) {

    public PackageSummary {
        Objects.requireNonNull(name, "name");
        keywords = List.copyOf(Objects.requireNonNull(keywords, "keywords"));
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
