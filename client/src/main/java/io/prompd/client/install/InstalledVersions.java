package io.prompd.client.install;

import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockFiles;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.store.PackageStore;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.name.PackageName;
import io.prompd.core.prompt.DependencyFiles;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions of other packages that a package's prompts get when run on this machine: those its
 * {@code prompd.lock} pins and the store holds, so that {@code prompd validate} checks the files
 * the prompts take from them as the registry's check does with the versions it resolves.
 *
 * @param store          empty when the prompd home cannot be used, and nothing counts as installed
 * @param unreadableLock why {@code prompd.lock} could not be read (Git's conflict markers, say), when it could not:
 *                       the lock then counts as none, and what goes unchecked is told with this reason
 */
public record InstalledVersions(LockFile lock, Optional<PackageStore> store, Optional<String> unreadableLock) {

    public InstalledVersions {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(unreadableLock, "unreadableLock");
    }

    /**
     * The versions of the package in {@code folder}. A lock that cannot be read counts as none:
     * validating the package does not depend on it, and {@code prompd install} says what is wrong with it.
     */
    public static InstalledVersions forPackage(Path folder, Optional<PackageStore> store) throws IOException {
        try {
            // only the message of a lock that cannot be read is kept, so its hint's commands are spelt plain
            return new InstalledVersions(LockFiles.read(folder.resolve(LockFile.FILE_NAME), SuggestedCommands.PLAIN)
                    .orElseGet(LockFile::empty), store, Optional.empty());
        } catch (PrompdException unreadable) {
            return new InstalledVersions(LockFile.empty(), store, Optional.of(unreadable.getMessage()));
        }
    }

    /**
     * The versions the prompts get, of the packages with these declared ranges. A pinned version the
     * range does not allow is not the one the prompts would get after {@code prompd install}, which
     * the range was likely raised for: it counts as unknown, and {@link #outOfDate} tells it.
     */
    public DependencyFiles.Versions within(Map<PackageName, VersionRange> declared) {
        return name -> store.flatMap(installed -> lock.get(name).map(LockedPackage::version)
                .filter(version -> !outside(declared, name, version) && installed.contains(name, version))
                .map(version -> new DependencyFiles.VersionFiles(version,
                        new DirectorySource(installed.folderOf(name, version)))));
    }

    /** Whether the lock pins the package at a version its declared range does not allow. */
    public boolean outOfDate(Map<PackageName, VersionRange> declared, PackageName name) {
        return lock.get(name).map(LockedPackage::version).filter(version -> outside(declared, name, version))
                .isPresent();
    }

    private static boolean outside(Map<PackageName, VersionRange> declared, PackageName name, Version version) {
        VersionRange range = declared.get(name);
        return range != null && !range.satisfiedBy(version);
    }
}
