package io.prompd.core.manifest;

import java.util.Objects;

/**
 * Where the package's sources live.
 *
 * @param type the version control system, {@code git} unless the manifest says otherwise
 * @param url  the repository's address, never blank
 */
public record Repository(String type, String url) {

    /** The type assumed when the manifest gives a bare URL or an object without {@code type}, as npm does. */
    public static final String DEFAULT_TYPE = "git";

    public Repository {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        if (type.isBlank() || url.isBlank()) {
            throw new IllegalArgumentException("a repository needs a type and a url");
        }
    }

    public static Repository git(String url) {
        return new Repository(DEFAULT_TYPE, url);
    }
}
