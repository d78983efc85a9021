package io.prompd.generator.check;

import io.prompd.core.archive.PackSelector;
import io.prompd.core.manifest.ManifestResult;
import io.prompd.core.packaging.PackageReport;
import io.prompd.core.problem.Problem;
import io.prompd.generator.source.GitTreeSource;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.RepositoryLayout;
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

    /** The repository path of a file of the package ({@code ""}, the package itself, is the folder). */
    String repositoryPath(String packagePath) {
        return packagePath.isEmpty() ? folder.path() : folder.path() + "/" + packagePath;
    }

    /**
     * Problems found in the package, moved to where a reviewer finds them in the repository. Pack's
     * error at a Git submodule it would pack, an entry that is not a regular file, is told as what
     * it is, an embedded repository, with how to commit its files; one that pack leaves out, such as
     * one under node_modules/, is only the error that the folder is never packed, since committing
     * its files would not do.
     */
    List<Problem> inRepository(List<Problem> packageProblems) {
        return packageProblems.stream().map(problem -> source.isSubmodule(problem.file())
                ? RepositoryLayout.embeddedRepository(repositoryPath(problem.file()))
                : problem.inFile(repositoryPath(problem.file())))
                // pack may fault a submodule twice (its kind, its name), and both are that one repository
                .distinct().toList();
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
