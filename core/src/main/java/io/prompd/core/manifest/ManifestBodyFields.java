package io.prompd.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The fields of a {@link ManifestBody}, read from the record holding it as if they were its own: a reader writes
 * {@code manifest.description()} whether it has a {@link Manifest} or a {@link ManifestDraft}. Components mean what
 * they mean in {@link ManifestBody}.
 */
public interface ManifestBodyFields extends FileReferences {

    ManifestBody body();

    default Optional<String> description() {
        return body().description();
    }

    default Optional<Person> author() {
        return body().author();
    }

    @Override
    default Optional<String> license() {
        return body().license();
    }

    default List<String> keywords() {
        return body().keywords();
    }

    default Optional<String> category() {
        return body().category();
    }

    @Override
    default SortedMap<String, String> prompts() {
        return body().prompts();
    }

    default SortedMap<PackageName, VersionRange> dependencies() {
        return body().dependencies();
    }

    default SortedMap<String, String> engines() {
        return body().engines();
    }

    default Optional<Repository> repository() {
        return body().repository();
    }

    @Override
    default Optional<String> main() {
        return body().main();
    }

    default List<String> files() {
        return body().files();
    }

    default List<String> ignore() {
        return body().ignore();
    }

    @Override
    default Optional<String> readme() {
        return body().readme();
    }

    default Optional<String> type() {
        return body().type();
    }

    default SortedMap<String, JsonNode> extra() {
        return body().extra();
    }
}
