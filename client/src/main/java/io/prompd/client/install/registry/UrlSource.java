package io.prompd.client.install.registry;

import io.prompd.client.install.lock.LockFile;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;

/** Where the tarball URL of a version to download was read, which what its download says names. */
public enum UrlSource {
    /** {@code prompd.lock}, which recorded it before the run. */
    LOCK,
    /** The {@code index.json} of the registry the name resolves in, read in the run's resolution: no lock had it. */
    INDEX;

    /** {@code the URL prompd.lock records for @a/x@1.0.0}, or the index's. */
    public String url(PackageName name, Version version) {
        return "the URL " + (this == LOCK ? LockFile.FILE_NAME + " records" : "the registry's index gives") + " for "
                + name + "@" + version;
    }
}
