package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.generator.source.PackageVersion;
import java.util.Comparator;
import java.util.Objects;

/**
 * A dependency of a version the pull request adds on a package of one of the policy's external scopes, which lives in
 * another registry: the check accepts it unseen, since it reads this repository alone, and the report notes what it
 * could not verify, so that a reviewer knows it is left to clients, who resolve the package where they route its scope.
 *
 * @param dependent      the version added
 * @param dependency     the package of the external scope
 * @param range          the range its manifest declares, as written
 * @param fileReferences how many references of the version's prompts take a file of the package, unchecked too
 */
public record ExternalDependency(PackageVersion dependent, PackageName dependency, String range, int fileReferences) {

    static final Comparator<ExternalDependency> ORDER = Comparator.comparing(ExternalDependency::dependent)
            .thenComparing(ExternalDependency::dependency);

    public ExternalDependency {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(range, "range");
        if (!dependency.isScoped() || fileReferences < 0) {
            throw new IllegalArgumentException("a dependency of an external scope is scoped, and its references"
                    + " counted: " + dependency + ", " + fileReferences);
        }
    }
}
