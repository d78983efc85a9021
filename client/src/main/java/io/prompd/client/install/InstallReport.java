package io.prompd.client.install;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an install, update or uninstall did.
 *
 * @param packages      every package the project (or the global install) needs, in name order
 * @param saved         dependencies written to {@code prompd.json} by this run, with their ranges
 * @param removed       dependencies removed from {@code prompd.json} by this run
 * @param lockChanged   whether {@code prompd.lock} was (re)written
 * @param resolved      whether the resolver ran; false when the lock file was used as it was
 * @param warnings      what the user should know: yanked or deprecated versions installed
 * @param repaired      leftovers of killed runs that were cleaned up
 */
public record InstallReport(List<InstalledPackage> packages, SortedMap<PackageName, VersionRange> saved,
                            List<PackageName> removed, boolean lockChanged, boolean resolved, List<String> warnings,
                            List<Path> repaired) {

    public InstallReport {
        packages = List.copyOf(packages);
        saved = Collections.unmodifiableSortedMap(new TreeMap<>(saved));
        removed = List.copyOf(removed);
        warnings = List.copyOf(warnings);
        repaired = List.copyOf(repaired);
    }

    public long count(InstalledPackage.Origin origin) {
        return packages.stream().filter(installed -> installed.origin() == origin).count();
    }
}
