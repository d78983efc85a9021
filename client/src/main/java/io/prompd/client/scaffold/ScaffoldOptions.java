package io.prompd.client.scaffold;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code prompd init} was told about the new package; anything absent gets a default.
 *
 * @param name        the package name; default: derived from the folder name
 * @param description one sentence on what the package is for
 * @param author      who wrote it, as {@code Name <email>} or a plain name
 * @param license     an SPDX expression; default {@code MIT}
 */
public record ScaffoldOptions(Optional<String> name, Optional<String> description, Optional<String> author,
                              Optional<String> license) {

    public ScaffoldOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(license, "license");
    }

    public static ScaffoldOptions defaults() {
        return new ScaffoldOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
