package io.prompd.generator.check;

import io.prompd.core.archive.PackSelector;
import io.prompd.core.manifest.ManifestResult;
import io.prompd.core.packaging.PackageReport;
import io.prompd.core.problem.Problem;
import io.prompd.generator.source.GitTreeSource;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.VersionFolder;
import java.util.List;
import java.util.Objects;

/**
 * A version folder that the pull request adds, read once for every rule that looks at it.
 *
 * @param folder   the folder at the head commit
 * @param source   its files
 * @param report   what {@code prompd validate} and {@code prompd pack} find in it
 */
record NewVersion(VersionFolder folder, GitTreeSource source, PackageReport report) {

    NewVersion {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(report, "report");
    }

    PackageVersion id() {
        return folder.id();
    }

    String repositoryPath(String packagePath) {
        return folder.repositoryPath(packagePath);
    }

    /** See {@link VersionFolder#inRepository}. */
    List<Problem> inRepository(List<Problem> packageProblems) {
        return folder.inRepository(packageProblems, source);
    }

    /** Its prompd.json as read, with every field that parsed even when others did not. */
    ManifestResult manifest() {
        return report.manifestResult();
    }

    /** An error about a field of prompd.json, with the field's line, at the manifest's repository path. */
    Problem manifestError(String pointer, String message, String hint) {
        Problem located = manifest().lines().locate(Problem.error(PackSelector.MANIFEST, pointer, message, hint));
        return located.inFile(repositoryPath(located.file()));
    }
}
