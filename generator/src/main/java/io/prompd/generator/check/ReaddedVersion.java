package io.prompd.generator.check;

import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Removal;
import java.util.Objects;

/**
 * A version the pull request adds whose number the base branch published and deleted since: no new version, and of
 * no new package, but a restore, or a reuse of the number, which {@link NumberReusedRule} refuses.
 *
 * @param version     the version added back
 * @param publishedAs the version as it was published: the same, or one that differs from it in build metadata alone
 *                    ({@code 1.0.0} for {@code 1.0.0+x}), which clients take for it, so its number all the same
 * @param removal     where it was published and deleted
 * @param sameFiles   whether its folder holds the very files it was published with, as a maintainer restoring it
 *                    puts them back
 */
public record ReaddedVersion(PackageVersion version, Version publishedAs, Removal removal, boolean sameFiles) {

    public ReaddedVersion {
        Objects.requireNonNull(version, "version");
        if (!version.version().samePrecedence(publishedAs)) {
            throw new IllegalArgumentException(publishedAs + " is another version than " + version);
        }
        Objects.requireNonNull(removal, "removal");
    }
}
