package io.prompd.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A valid {@code prompd.json}. Optional single values are {@link Optional}; an absent list or map
 * is empty. Maps are sorted so that everything derived from a manifest is deterministic.
 *
 * @param prompts      prompt name to the path of its file, relative to the package root
 * @param dependencies package to the range of versions it accepts
 * @param engines      tool or model name to the range it needs, kept as written
 * @param extra        fields prompd does not know, kept so that rewriting a manifest loses nothing
 */
public record Manifest(
        PackageName name,
        Version version,
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

    public Manifest {
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
        for (String field : extra.keySet()) {
            if (ManifestFields.isKnown(field)) {
                throw new IllegalArgumentException("'" + field + "' is a known field and cannot be kept as an extra one");
            }
        }
    }

    /** A manifest with a name and a version and nothing else, to build on with {@link #toBuilder()}. */
    public static Manifest of(PackageName name, Version version) {
        return new Builder().name(name).version(version).build();
    }

    public Builder toBuilder() {
        return new Builder()
                .name(name).version(version).description(description.orElse(null)).author(author.orElse(null))
                .license(license.orElse(null)).keywords(keywords).category(category.orElse(null)).prompts(prompts)
                .dependencies(dependencies).engines(engines).repository(repository.orElse(null)).main(main.orElse(null))
                .files(files).ignore(ignore).readme(readme.orElse(null)).type(type.orElse(null)).extra(extra);
    }

    /**
     * Gathers the fields of a manifest one by one, as the reader finds them. It builds a
     * {@link Manifest} once name and version are known, and a {@link ManifestDraft} at any time.
     * Setting a field to {@code null} leaves it absent.
     */
    public static final class Builder {
        private PackageName name;
        private Version version;
        private String description;
        private Person author;
        private String license;
        private List<String> keywords = List.of();
        private String category;
        private Map<String, String> prompts = Map.of();
        private Map<PackageName, VersionRange> dependencies = Map.of();
        private Map<String, String> engines = Map.of();
        private Repository repository;
        private String main;
        private List<String> files = List.of();
        private List<String> ignore = List.of();
        private String readme;
        private String type;
        private Map<String, JsonNode> extra = Map.of();

        public Builder name(PackageName value) {
            name = value;
            return this;
        }

        public Builder version(Version value) {
            version = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder author(Person value) {
            author = value;
            return this;
        }

        public Builder license(String value) {
            license = value;
            return this;
        }

        public Builder keywords(List<String> value) {
            keywords = List.copyOf(value);
            return this;
        }

        public Builder category(String value) {
            category = value;
            return this;
        }

        public Builder prompts(Map<String, String> value) {
            prompts = Map.copyOf(value);
            return this;
        }

        public Builder dependencies(Map<PackageName, VersionRange> value) {
            dependencies = Map.copyOf(value);
            return this;
        }

        public Builder engines(Map<String, String> value) {
            engines = Map.copyOf(value);
            return this;
        }

        public Builder repository(Repository value) {
            repository = value;
            return this;
        }

        public Builder main(String value) {
            main = value;
            return this;
        }

        public Builder files(List<String> value) {
            files = List.copyOf(value);
            return this;
        }

        public Builder ignore(List<String> value) {
            ignore = List.copyOf(value);
            return this;
        }

        public Builder readme(String value) {
            readme = value;
            return this;
        }

        public Builder type(String value) {
            type = value;
            return this;
        }

        public Builder extra(Map<String, JsonNode> value) {
            extra = Map.copyOf(value);
            return this;
        }

        /** @throws IllegalStateException when name or version is missing */
        public Manifest build() {
            if (name == null || version == null) {
                throw new IllegalStateException("a manifest needs a name and a version");
            }
            ManifestDraft draft = draft();
            return new Manifest(name, version, draft.description(), draft.author(), draft.license(), draft.keywords(),
                    draft.category(), draft.prompts(), draft.dependencies(), draft.engines(), draft.repository(),
                    draft.main(), draft.files(), draft.ignore(), draft.readme(), draft.type(), draft.extra());
        }

        public ManifestDraft draft() {
            return new ManifestDraft(Optional.ofNullable(name), Optional.ofNullable(version),
                    Optional.ofNullable(description), Optional.ofNullable(author), Optional.ofNullable(license),
                    keywords, Optional.ofNullable(category), SortedCopies.map(prompts), SortedCopies.map(dependencies),
                    SortedCopies.map(engines), Optional.ofNullable(repository), Optional.ofNullable(main), files, ignore,
                    Optional.ofNullable(readme), Optional.ofNullable(type), Copies.extra(extra));
        }
    }
}
