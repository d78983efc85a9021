package io.prompd.core.manifest;

import java.util.Optional;
import java.util.SortedMap;

/**
 * The fields of a manifest that name files of the package. Both a valid {@link Manifest} and a
 * {@link ManifestDraft} with errors offer them, so paths are checked even when other fields are wrong.
 */
public interface FileReferences {

    SortedMap<String, String> prompts();

    Optional<String> main();

    Optional<String> readme();

    Optional<String> license();
}
