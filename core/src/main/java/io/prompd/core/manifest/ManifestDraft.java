package io.prompd.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Every field of a {@code prompd.json} that parsed, even when others did not: a field with an error
 * is absent here. Checks that come after reading (paths, file selection) work from a draft so that
 * one run reports all problems of a package. Components mean what they mean in {@link Manifest}.
 */
public record ManifestDraft(
        Optional<PackageName> name,
        Optional<Version> version,
        Optional<String> description,
        Optional<Person> author,
        Optional<String> license,
        List<String> keywords,
        Optional<String> category,
        SortedMap<String, String> prompts,
        SortedMap<PackageName, VersionRange> dependencies,
        SortedMap<String, String> engines,
        Optional<Repository> repository,
        Optional<String> main,
        List<String> files,
        List<String> ignore,
        Optional<String> readme,
        Optional<String> type,
        SortedMap<String, JsonNode> extra) implements FileReferences {

    public ManifestDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(license, "license");
        keywords = List.copyOf(keywords);
        Objects.requireNonNull(category, "category");
        prompts = SortedCopies.map(prompts);
        dependencies = SortedCopies.map(dependencies);
        engines = SortedCopies.map(engines);
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(main, "main");
        files = List.copyOf(files);
        ignore = List.copyOf(ignore);
        Objects.requireNonNull(readme, "readme");
        Objects.requireNonNull(type, "type");
        extra = Copies.extra(extra);
    }

    /** The draft of a file that is not JSON at all: nothing parsed. */
    public static ManifestDraft empty() {
        return new Manifest.Builder().draft();
    }
}
