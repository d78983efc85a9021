package io.prompd.client.install;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A package version in place in the store after an install.
 *
 * @param folder where it is
 * @param origin how it got there in this run
 */
public record InstalledPackage(PackageName name, Version version, Path folder, Origin origin) {

    public InstalledPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(origin, "origin");
    }

    /** How a version came to be installed. */
    public enum Origin {
        /** It was installed before this run. */
        ALREADY_INSTALLED,
        /** Unpacked from a tarball in the cache. */
        CACHE,
        /** Downloaded in this run. */
        DOWNLOADED
    }
}
