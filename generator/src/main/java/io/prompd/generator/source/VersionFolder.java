package io.prompd.generator.source;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The folder of one published version in the registry repository at some commit.
 *
 * @param name    package name, from the folder path
 * @param version version, from the folder name
 * @param path    path of the folder in the repository, as {@code packages/@scope/name/1.2.3}
 * @param treeId  the Git tree of the folder: equal ids mean identical contents
 */
public record VersionFolder(PackageName name, Version version, String path, ObjectId treeId) {

    public VersionFolder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(path, "path");
        treeId = treeId.copy();
    }

    public PackageVersion id() {
        return new PackageVersion(name, version);
    }
}
