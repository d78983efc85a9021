package io.prompd.core.manifest;

import io.prompd.core.json.FieldLines;
import io.prompd.core.problem.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading a {@code prompd.json} gave.
 *
 * @param file     the manifest's path, as its problems name it
 * @param manifest the manifest, present exactly when there is no error
 * @param draft    every field that parsed, also when there are errors
 * @param problems every error and warning, sorted, each with its line
 * @param lines    where each field is in the file, to give later checks' problems a line too
 */
public record ManifestResult(String file, Optional<Manifest> manifest, ManifestDraft draft, List<Problem> problems,
                             FieldLines lines) {

    public ManifestResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(draft, "draft");
        problems = List.copyOf(problems);
        Objects.requireNonNull(lines, "lines");
        if (manifest.isPresent() == problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a result has a manifest exactly when it has no errors");
        }
    }

    /** The result for a package without a manifest: nothing parsed, and one error saying so. */
    public static ManifestResult missing(String file) {
        Problem absent = Problem.error(file, "", "the package has no " + file, "run 'prompd init' in the package"
                + " folder, or create " + file + " with at least a name and a version");
        return new ManifestResult(file, Optional.empty(), ManifestDraft.empty(), List.of(absent), FieldLines.none());
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /**
     * The problems of a later check (such as {@link ManifestPaths}) with their lines: those about
     * this manifest get the line of their field; problems of other files are left as they are.
     */
    public List<Problem> locate(List<Problem> laterProblems) {
        return laterProblems.stream()
                .map(problem -> problem.file().equals(file) ? lines.locate(problem) : problem)
                .toList();
    }
}
