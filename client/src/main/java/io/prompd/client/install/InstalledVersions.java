package io.prompd.client.install;

import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockFiles;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.store.PackageStore;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageName;
import io.prompd.core.prompt.DependencyFiles;
import io.prompd.core.source.DirectorySource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions of other packages that a package's prompts get when run on this machine: those its
 * {@code prompd.lock} pins and the store holds, so that {@code prompd validate} checks the files
 * the prompts take from them as the registry's check does with the versions it resolves.
 */
public record InstalledVersions(LockFile lock, PackageStore store) implements DependencyFiles.Versions {

    public InstalledVersions {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(store, "store");
    }

    /**
     * The versions of the package in {@code folder}. A lock that cannot be read counts as none:
     * validating the package does not depend on it, and {@code prompd install} says what is wrong with it.
     */
    public static InstalledVersions forPackage(Path folder, PackageStore store) throws IOException {
        LockFile lock;
        try {
            lock = LockFiles.read(folder.resolve(LockFile.FILE_NAME)).orElseGet(LockFile::empty);
        } catch (PrompdException unreadable) {
            lock = LockFile.empty();
        }
        return new InstalledVersions(lock, store);
    }

    @Override
    public Optional<DependencyFiles.VersionFiles> of(PackageName name) {
        return lock.get(name).map(LockedPackage::version).filter(version -> store.contains(name, version))
                .map(version -> new DependencyFiles.VersionFiles(version,
                        new DirectorySource(store.folderOf(name, version))));
    }
}
