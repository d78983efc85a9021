package io.prompd.core.manifest;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Every field of a {@code prompd.json} that parsed, even when others did not: a field with an error
 * is absent here. Checks that come after reading (paths, file selection) work from a draft so that
 * one run reports all problems of a package. Components mean what they mean in {@link Manifest}.
 *
 * @param invalidRanges the dependencies declared with a range that is not valid, which the dependencies leave out:
 *                      the range has its error, and a later check must not take them for undeclared
 */
public record ManifestDraft(Optional<PackageName> name, Optional<Version> version, ManifestBody body,
                            SortedSet<PackageName> invalidRanges) implements ManifestBodyFields {

    public ManifestDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(body, "body");
        invalidRanges = SortedCopies.set(invalidRanges);
    }

    /** The draft of a file that is not JSON at all: nothing parsed. */
    public static ManifestDraft empty() {
        return new Manifest.Builder().draft();
    }
}
