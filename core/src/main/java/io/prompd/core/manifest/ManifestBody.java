package io.prompd.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.SortedCopies;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The fields of a {@code prompd.json} besides its name and version: what a valid {@link Manifest} and a
 * {@link ManifestDraft} both hold, so that they are copied and checked in one place. Optional single values are
 * {@link Optional}; an absent list or map is empty. Maps are sorted so that everything derived from a manifest is
 * deterministic.
 *
 * @param prompts      prompt name to the path of its file, relative to the package root
 * @param dependencies package to the range of versions it accepts
 * @param engines      tool or model name to the range it needs, kept as written
 * @param extra        fields prompd does not know, kept so that rewriting a manifest loses nothing
 */
public record ManifestBody(
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
        SortedMap<String, JsonNode> extra) {

    public ManifestBody {
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
        extra = JsonTrees.deepCopies(extra);
        for (String field : extra.keySet()) {
            if (ManifestFields.isKnown(field)) {
                throw new IllegalArgumentException("'" + field + "' is a known field and cannot be"
                        + " kept as an extra one");
            }
        }
    }
}
