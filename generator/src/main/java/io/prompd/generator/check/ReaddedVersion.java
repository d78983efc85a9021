package io.prompd.generator.check;

import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Removal;
import java.util.Objects;

/**
 * A version the pull request adds whose number the base branch published and deleted since: no new version, and of
 * no new package, but a restore, or a reuse of the number, which {@link NumberReusedRule} refuses.
 *
 * @param version   the version added back
 * @param removal   where it was published and deleted
 * @param sameFiles whether its folder holds the very files it was published with, as a maintainer restoring it puts
 *                  them back
 */
public record ReaddedVersion(PackageVersion version, Removal removal, boolean sameFiles) {

    public ReaddedVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(removal, "removal");
    }
}
