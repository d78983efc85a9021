package io.prompd.core.manifest;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * Every field of a {@code prompd.json} that parsed, even when others did not: a field with an error
 * is absent here. Checks that come after reading (paths, file selection) work from a draft so that
 * one run reports all problems of a package. Components mean what they mean in {@link Manifest}.
 */
public record ManifestDraft(Optional<PackageName> name, Optional<Version> version, ManifestBody body)
        implements ManifestBodyFields {

    public ManifestDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(body, "body");
    }

    /** The draft of a file that is not JSON at all: nothing parsed. */
    public static ManifestDraft empty() {
        return new Manifest.Builder().draft();
    }
}
