package io.prompd.core.protocol;

import java.util.Comparator;
import java.util.List;

/**
 * {@code packages.json}: every package of the registry, sorted by name.
 *
 * @param packages one summary per package
 */
public record PackageList(List<PackageSummary> packages) {

    public PackageList {
        packages = packages.stream().sorted(Comparator.comparing(PackageSummary::name)).toList();
    }
}
