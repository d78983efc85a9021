package io.prompd.core.manifest;

import io.prompd.core.SuggestedCommands;
import io.prompd.core.json.FieldLines;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What reading a {@code prompd.json} gave.
 *
 * @param file     the manifest's path, as its problems name it
 * @param manifest the manifest, present exactly when there is no error
 * @param draft    every field that parsed, also when there are errors
 * @param problems every error and warning, sorted, each with its line
 * @param lines    where each field is in the file, to give later checks' problems a line too
 * @param kept     for a list whose invalid entries the draft leaves out, by the list's pointer: the index in
 *                 the file of each entry kept, so that a later check's {@code /files/1} names the right one
 */
public record ManifestResult(String file, Optional<Manifest> manifest, ManifestDraft draft, List<Problem> problems,
                             FieldLines lines, Map<String, List<Integer>> kept) {

    public ManifestResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(draft, "draft");
        problems = List.copyOf(problems);
        Objects.requireNonNull(lines, "lines");
        kept = Map.copyOf(kept);
        if (manifest.isPresent() == problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a result has a manifest exactly when it has no errors");
        }
    }

    /** The result for a package without a manifest: nothing parsed, and one error saying so. */
    public static ManifestResult missing(String file, SuggestedCommands commands) {
        return nothingParsed(file, Problem.error(file, "", "the package has no " + file, "run "
                + commands.quoted("init") + " in the package folder, or create " + file + " with at least a name and a"
                + " version"));
    }

    /** The result for a package whose manifest is named in other letter case, found as {@code found}. */
    public static ManifestResult miscased(String file, String found) {
        return nothingParsed(file, Problem.error(file, "", "the package has no " + file, miscasedHint(file, found)));
    }

    /** {@code found Prompd.json: rename it to prompd.json}, for a package's manifest and a project's alike. */
    public static String miscasedHint(String file, String found) {
        return "found " + found + ": rename it to " + file;
    }

    /**
     * The result for a package whose manifest sits one folder down, in the folder every entry of a
     * tarball sits in: the tarball was unpacked without {@code --strip-components=1}, and the
     * advice to create a manifest, which exists, would mislead.
     */
    public static ManifestResult unpackedWithItsFolder(String file, String tarballFolder, String unpackCommand) {
        return nothingParsed(file, Problem.error(file, "", "the package has no " + file + ", but " + tarballFolder
                + file + " is below it: a tarball was unpacked with its " + tarballFolder + " folder", "move the"
                + " files of " + tarballFolder + " up one level, or unpack the tarball again with '" + unpackCommand
                + "'"));
    }

    /**
     * The result for a manifest over the per-file limit, left unread: the limit is what it breaks,
     * not its syntax, and reading it would cost as much as it is large.
     */
    public static ManifestResult tooLarge(String file, String notRead) {
        return nothingParsed(file, Problem.error(file, "", notRead, "a manifest holds a few fields: write " + file
                + " again with the package's name, version and what else it needs"));
    }

    private static ManifestResult nothingParsed(String file, Problem why) {
        return new ManifestResult(file, Optional.empty(), ManifestDraft.empty(), List.of(why), FieldLines.none(),
                Map.of());
    }

    /**
     * The warnings of the top-level fields prompd does not know, a misspelt {@code dependancies} or npm's
     * {@code devDependencies}: what a command reading a project's manifest says too, as cargo says an unused manifest
     * key, since such a field does nothing there; the others (a missing description) matter to publishing alone.
     */
    public List<Problem> unknownFields() {
        Set<String> unknown = draft.body().extra().keySet().stream().map(Pointer::of).collect(Collectors.toSet());
        return problems.stream().filter(problem -> !problem.isError() && unknown.contains(problem.pointer())).toList();
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
                .map(problem -> problem.file().equals(file) ? lines.locate(inFileIndexes(problem)) : problem)
                .toList();
    }

    /** The problem pointing at the entry as the file numbers it, not as the draft's list does. */
    private Problem inFileIndexes(Problem problem) {
        for (Map.Entry<String, List<Integer>> list : kept.entrySet()) {
            String prefix = list.getKey() + "/";
            if (problem.pointer().startsWith(prefix)) {
                String rest = problem.pointer().substring(prefix.length());
                int end = rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/');
                int index = Integer.parseInt(rest.substring(0, end));
                return new Problem(problem.severity(), problem.file(), prefix + list.getValue().get(index)
                        + rest.substring(end), problem.line(), problem.message(), problem.hint());
            }
        }
        return problem;
    }
}
