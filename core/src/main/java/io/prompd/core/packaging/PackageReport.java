package io.prompd.core.packaging;

import io.prompd.core.SortedCopies;
import io.prompd.core.archive.PackSelection;
import io.prompd.core.archive.PackageReadme;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.manifest.ManifestDraft;
import io.prompd.core.manifest.ManifestResult;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.prompt.PromptFile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Everything {@link PackageValidator} learnt about one package.
 *
 * @param manifestResult what reading prompd.json gave: the manifest when it has no errors, every
 *                       field that parsed (a name to show a package by), where each field is in the file
 * @param selection      the files {@code pack} would pack, and those it leaves out
 * @param prompts        the prompt files that parsed, by package path
 * @param readme         the text of the package's README ({@link PackageReadme}), as the registry's version document
 *                       serves it; empty when the package has none, or when it is no UTF-8 text, an error of the
 *                       report then
 * @param problems       every problem of the package, sorted
 */
public record PackageReport(ManifestResult manifestResult, PackSelection selection,
                            SortedMap<String, PromptFile> prompts, Optional<String> readme, List<Problem> problems) {

    public PackageReport {
        Objects.requireNonNull(manifestResult, "manifestResult");
        Objects.requireNonNull(selection, "selection");
        prompts = SortedCopies.map(prompts);
        Objects.requireNonNull(readme, "readme");
        problems = problems.stream().sorted(Problem.ORDER).toList();
    }

    /**
     * This report with more problems, found by a rule that needs more than the package; one that
     * {@linkplain Problems#restate restates} a problem of the report replaces it.
     */
    public PackageReport withProblems(List<Problem> more) {
        return new PackageReport(manifestResult, selection, prompts, readme, Problems.restating(problems, more));
    }

    /** The manifest, present when prompd.json itself has no errors. */
    public Optional<Manifest> manifest() {
        return manifestResult.manifest();
    }

    /** Every field of the manifest that parsed, errors or not. */
    public ManifestDraft draft() {
        return manifestResult.draft();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** The manifest, when the package can be packed; otherwise the problems say why not. */
    public Optional<Manifest> packable() {
        return hasErrors() ? Optional.empty() : manifest();
    }
}
