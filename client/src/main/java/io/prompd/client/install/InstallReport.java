package io.prompd.client.install;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What an install, update or uninstall did.
 *
 * @param packages      every package the project (or the global install) needs, in name order, then version order
 * @param saved         dependencies whose ranges this run wrote to {@code prompd.json}: added, or with another range
 * @param removed       dependencies removed from {@code prompd.json} by this run
 * @param lock          what happened to {@code prompd.lock}; empty for a global install, which has no project
 * @param resolved      whether the resolver ran; false when the lock file was used as it was
 * @param warnings      what the user should know beside the result, as the {@link InstallNote} kinds say: fields of
 *                      prompd.json prompd does not know, a stale lock, ranges kept or set aside, a latest version
 *                      passed over or outside the ranges, versions left out, and versions locked that are yanked,
 *                      deprecated, taken down, held back below a takedown, kept as locked from another registry, or
 *                      asking for another prompd, as the project's own prompd.json may, and prompts' references that
 *                      the ranges this run wrote or removed left out of step with prompd.json
 * @param repaired      leftovers of killed runs that were cleaned up
 */
public record InstallReport(List<InstalledPackage> packages, SortedMap<PackageName, VersionRange> saved,
                            List<PackageName> removed, Optional<LockUpdate> lock, boolean resolved,
                            List<InstallNote> warnings,
                            List<Path> repaired) {

    /** Name, then version: a global install may put two versions of a package in place. */
    private static final Comparator<InstalledPackage> ORDER = Comparator.comparing(InstalledPackage::name)
            .thenComparing(InstalledPackage::version);

    public InstallReport {
        packages = packages.stream().sorted(ORDER).toList();
        saved = SortedCopies.map(saved);
        removed = List.copyOf(removed);
        Objects.requireNonNull(lock, "lock");
        warnings = List.copyOf(warnings);
        repaired = List.copyOf(repaired);
    }

    /** Whether {@code prompd.lock} was (re)written. */
    public boolean lockChanged() {
        return lock.map(LockUpdate::written).orElse(false);
    }

    public long count(InstalledPackage.Origin origin) {
        return packages.stream().filter(installed -> installed.origin() == origin).count();
    }

    /**
     * @param written whether the file was (re)written: also when it was created, even with no packages in it
     * @param changes how it differs from the lock before, in name order
     */
    public record LockUpdate(boolean written, List<LockChange> changes) {

        public LockUpdate {
            changes = List.copyOf(changes);
            if (!written && !changes.isEmpty()) {
                throw new IllegalArgumentException("a lock that changed was written");
            }
        }
    }
}
