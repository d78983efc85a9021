package io.prompd.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.SortedCopies;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid {@code prompd.json}: a name, a version and the {@link ManifestBody} of every other field, read through
 * {@link ManifestBodyFields} as if they were its own.
 */
public record Manifest(PackageName name, Version version, ManifestBody body) implements ManifestBodyFields {

    public Manifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(body, "body");
    }

    /** A manifest with a name and a version and nothing else, to build on with {@link #toBuilder()}. */
    public static Manifest of(PackageName name, Version version) {
        return new Builder().name(name).version(version).build();
    }

    public Builder toBuilder() {
        return new Builder()
                .name(name).version(version).description(description().orElse(null)).author(author().orElse(null))
                .license(license().orElse(null)).keywords(keywords()).category(category().orElse(null))
                .prompts(prompts()).dependencies(dependencies()).engines(engines())
                .repository(repository().orElse(null)).main(main().orElse(null)).files(files()).ignore(ignore())
                .readme(readme().orElse(null)).type(type().orElse(null)).extra(extra());
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
        private Set<PackageName> invalidRanges = Set.of();
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

        /** The dependencies declared with a range that is not valid, for the draft alone. */
        public Builder invalidRanges(Set<PackageName> value) {
            invalidRanges = Set.copyOf(value);
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
            return new Manifest(name, version, body());
        }

        public ManifestDraft draft() {
            return new ManifestDraft(Optional.ofNullable(name), Optional.ofNullable(version), body(),
                    SortedCopies.set(invalidRanges));
        }

        private ManifestBody body() {
            return new ManifestBody(Optional.ofNullable(description), Optional.ofNullable(author),
                    Optional.ofNullable(license), keywords, Optional.ofNullable(category), SortedCopies.map(prompts),
                    SortedCopies.map(dependencies), SortedCopies.map(engines), Optional.ofNullable(repository),
                    Optional.ofNullable(main), files, ignore, Optional.ofNullable(readme), Optional.ofNullable(type),
                    JsonTrees.deepCopies(extra));
        }
    }
}
