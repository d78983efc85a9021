package io.prompd.generator.build;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.PackageList;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.RegistryDocument;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The registry a build produced, handed to each {@link RegistryWriter}.
 *
 * @param registry the registry.json document
 * @param packages every package, for packages.json and the registry's search once it has one
 * @param rebuilt  the packages whose folders this build wrote; the folders of the other packages
 *                 were carried over from the previous output whole, with anything writers had put
 *                 in them, so a writer only needs to write these again
 */
public record BuiltRegistry(RegistryDocument registry, PackageList packages,
        SortedMap<PackageName, Packument> rebuilt) {

    public BuiltRegistry {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(packages, "packages");
        rebuilt = SortedCopies.map(rebuilt);
    }
}
