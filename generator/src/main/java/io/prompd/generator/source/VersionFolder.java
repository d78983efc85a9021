package io.prompd.generator.source;

import io.prompd.core.manifest.ManifestDraft;
import io.prompd.core.manifest.ManifestResult;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
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

    /** The repository path of a file of the package ({@code ""}, the package itself, is the folder). */
    public String repositoryPath(String packagePath) {
        return packagePath.isEmpty() ? path : path + "/" + packagePath;
    }

    /**
     * Problems found in the folder's package, moved to where a reviewer finds them in the
     * repository, the same in the check and the build. Pack's error at a Git submodule it would
     * pack, an entry that is not a regular file, is told as what it is, an embedded repository,
     * with how to commit its files; one that pack leaves out, such as one under node_modules/, is
     * only the error that the folder is never packed, since committing its files would not do.
     */
    public List<Problem> inRepository(List<Problem> packageProblems, GitTreeSource source) {
        return packageProblems.stream().map(problem -> source.isSubmodule(problem.file())
                ? RepositoryLayout.embeddedRepository(repositoryPath(problem.file()))
                : problem.inFile(repositoryPath(problem.file())))
                // pack may fault a submodule twice (its kind, its name), and both are that one repository
                .distinct().toList();
    }

    /**
     * An error at each entry of the folder's trees that Git never writes, the same in the check and the build: at each
     * path whose name a tree holds twice ({@link GitTreeSource#namedTwice}), as which entry the version would serve is
     * not the author's to tell, and at each tree holding a name that is no single name
     * ({@link GitTreeSource#notOneName}), as what the version would serve there is not either.
     */
    public List<Problem> handWritten(GitTreeSource source) {
        return Stream.concat(source.namedTwice().stream().map(this::repositoryPath).map(RepositoryLayout::namedTwice),
                source.notOneName().stream().map(entry -> RepositoryLayout.notOneName(entry.below(path)))).toList();
    }

    /**
     * Errors at the fields of the folder's {@code prompd.json} that declare another name or version
     * than the folder, to the letter (build metadata included): clients find a version by its
     * folder, while the tarball carries the manifest. Each has its line and its repository path.
     */
    public List<Problem> mismatches(ManifestResult manifest) {
        String hint = "the folder must be packages/<name>/<version>/ with the name and version of its prompd.json:"
                + " rename the folder or correct the field";
        ManifestDraft draft = manifest.draft();
        List<Problem> problems = new ArrayList<>();
        draft.name().filter(declared -> !declared.equals(name)).ifPresent(declared -> problems.add(Problem.error(
                manifest.file(), "/name", "the manifest names the package " + declared + ", but the folder is that of "
                        + name, hint)));
        draft.version().filter(declared -> !declared.equals(version)).ifPresent(declared -> problems.add(Problem.error(
                manifest.file(), "/version", "the manifest declares version " + declared + ", but the folder is that of"
                        + " version " + version, hint)));
        return manifest.locate(problems).stream().map(problem -> problem.inFile(path + "/" + problem.file())).toList();
    }
}
