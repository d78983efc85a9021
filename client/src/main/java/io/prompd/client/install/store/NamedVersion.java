package io.prompd.client.install.store;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Objects;
import java.util.Optional;

/** A package's version as the store's names give it: a version folder's, or an unpacked tarball's manifest. */
record NamedVersion(PackageName name, Version version) {

    NamedVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /** The version a package name and a version in text name; empty when either does not parse. */
    static Optional<NamedVersion> of(String name, String version) {
        return PackageName.check(name).isEmpty() && Version.isValid(version)
                ? Optional.of(new NamedVersion(PackageName.parse(name), Version.parse(version))) : Optional.empty();
    }
}
