package io.prompd.core.prompt;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Decomposed;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rule that every file a prompt takes from another package ({@code inherits}, {@code using}
 * with a path, {@code context}, {@code system}, ..., or a file its body includes, written as
 * {@code @scope/pkg@range/path}) exists in the version of that package the prompt gets. Which
 * version that is depends on who asks: the registry's check takes the one the dependencies
 * resolve to, {@code prompd validate} the one prompd.lock pins and the store holds. A file a template loads is
 * also checked there as a template ({@link DependencyTemplates}). Whether the package is a declared dependency at all
 * is {@link PromptValidator}'s rule.
 */
public final class DependencyFiles {

    /** How many files of the kind asked for a hint names before it only counts the rest. */
    private static final int FILES_NAMED = 5;
    private static final String INHERITS = "/inherits";

    private DependencyFiles() {
    }

    /** The version of a package that references to it get, and its files. */
    public record VersionFiles(Version version, PackageSource files) {

        public VersionFiles {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(files, "files");
        }

        /** Whether the version has a regular file at the package path. */
        public boolean has(String path) throws IOException {
            return files.entry(path).filter(SourceEntry::isFile).isPresent();
        }
    }

    /** Where the versions references get come from. */
    @FunctionalInterface
    public interface Versions {

        /** The version of the package references to it get; empty when that cannot be told, and they go unchecked. */
        Optional<VersionFiles> of(PackageName name) throws IOException;
    }

    /**
     * A reference to a file of another package and where a prompt writes it.
     *
     * @param prompt the prompt, whose path problems name, to find the line of a front-matter field only when a
     *               problem needs it
     */
    public record FileUse(PromptFile prompt, ReferenceSite site, PackageReference reference) {

        public FileUse {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(reference, "reference");
        }

        /** The prompt's package path. */
        public String file() {
            return prompt.file();
        }

        /** The line of the reference's field or body line. */
        public int line() {
            return site.lineIn(prompt);
        }

        /** A problem at the reference's field or body line. */
        public Problem problem(Severity severity, String message, String hint) {
            return new Problem(severity, file(), site.pointer(), line(), message, hint);
        }
    }

    /**
     * @param problems  an error for each reference to a file its version lacks
     * @param unchecked the packages whose files are referenced but whose version could not be told
     */
    public record Result(List<Problem> problems, SortedSet<PackageName> unchecked) {

        public Result {
            problems = List.copyOf(problems);
            unchecked = SortedCopies.set(unchecked);
        }
    }

    /**
     * Every reference to a file of another package in these prompts, one written with {@code \} as meant
     * ({@link PackageReference#meant}), but for one whose path holds {@code ..} or {@code .}, or leads out of the
     * package, which the validator refuses: that a version lacks such a path would only repeat it.
     */
    public static List<FileUse> uses(Collection<PromptFile> prompts) {
        List<FileUse> uses = new ArrayList<>();
        for (PromptFile prompt : prompts) {
            for (ReferenceSite site : prompt.referenceSites()) {
                if (site.reference() instanceof PackageReference reference) {
                    reference.meant().ifPresent(meant -> uses.add(new FileUse(prompt, site, meant)));
                }
            }
        }
        return List.copyOf(uses);
    }

    /**
     * Checks each file taken from another package in the version {@code versions} gives. Where a
     * prompt inherits a path of it that is no prompt file, the validator's error says so, and the
     * result {@linkplain io.prompd.core.problem.Problems#restate restates} it naming the prompt file meant,
     * rather than adding that the version lacks the path.
     *
     * @param uses     what {@link #uses} found
     * @param chosenBy how that version was chosen, for the message: {@code the version the dependencies resolve to}
     */
    public static Result check(List<FileUse> uses, Versions versions, String chosenBy) throws IOException {
        List<Problem> problems = new ArrayList<>();
        SortedSet<PackageName> unchecked = new TreeSet<>();
        // asked once a package: prompts take many files from one, and telling its version may walk a folder
        Map<PackageName, Optional<VersionFiles>> asked = new HashMap<>();
        for (FileUse use : uses) {
            PackageReference reference = use.reference();
            Optional<VersionFiles> chosen = chosen(reference.packageName(), asked, versions);
            if (chosen.isEmpty()) {
                unchecked.add(reference.packageName());
            } else if (use.site().pointer().equals(INHERITS) && !PromptFile.hasPromptExtension(reference.path())) {
                PromptFile.extensionLeftOff(use.file(), INHERITS, reference.written(), reference.path(),
                        files(chosen.get())).ifPresent(meant -> problems.add(meant.atLine(use.line())));
            } else if (!chosen.get().has(reference.path()) && needed(use.site(), asked, versions)) {
                String which = reference.packageName() + " " + chosen.get().version() + " (" + chosenBy + ")";
                Optional<String> composed = Decomposed.nfcOtherwise(reference.path());
                problems.add(composed.isPresent() && chosen.get().has(composed.get())
                        ? use.problem(Severity.ERROR, Decomposed.path(reference.written(), which + " has "
                                + reference.path()), ReferenceRules.NFC_HINT)
                        : use.problem(Severity.ERROR, "'" + reference.written() + "' points to " + reference.path()
                                + ", which " + which + " does not have", hint(reference, chosen.get())));
            }
        }
        return new Result(problems, unchecked);
    }

    /**
     * {@link #check(List, Versions, String)} for every reference of the package's prompts ({@link #uses}), and each
     * file of another package that a prompt's template loads checked as a file of its own package is, in that
     * version ({@link DependencyTemplates}).
     *
     * @param prompts the package's prompts, by package path
     */
    public static Result check(SortedMap<String, PromptFile> prompts, Versions versions, String chosenBy)
            throws IOException {
        Map<PackageName, Optional<VersionFiles>> asked = new HashMap<>();
        Versions once = name -> chosen(name, asked, versions);
        Result found = check(uses(prompts.values()), once, chosenBy);
        List<Problem> problems = new ArrayList<>(found.problems());
        problems.addAll(DependencyTemplates.check(prompts, once));
        return new Result(problems, found.unchecked());
    }

    /** The version references to the package get, asked of {@code versions} once a package. */
    private static Optional<VersionFiles> chosen(PackageName name, Map<PackageName, Optional<VersionFiles>> asked,
                                                 Versions versions) throws IOException {
        Optional<VersionFiles> chosen = asked.get(name);
        if (chosen == null) {
            chosen = versions.of(name);
            asked.put(name, chosen);
        }
        return chosen;
    }

    /**
     * Whether the prompt fails to render without the site's file: the other files of its list are all files of other
     * packages whose versions lack them. A file of this package is taken as there: the validator's rules tell of it.
     */
    private static boolean needed(ReferenceSite site, Map<PackageName, Optional<VersionFiles>> asked, Versions versions)
            throws IOException {
        Set<Reference> lacking = new HashSet<>();
        for (Reference other : site.alternatives()) {
            if (other instanceof PackageReference viaPackage && !viaPackage.path().isEmpty()) {
                Optional<VersionFiles> chosen = chosen(viaPackage.packageName(), asked, versions);
                if (chosen.isPresent() && !chosen.get().has(WrittenPaths.withSlashes(viaPackage.path()))) {
                    lacking.add(other);
                }
            }
        }
        return site.needed(other -> !lacking.contains(other));
    }

    /**
     * The file the path probably meant (the prompt file it names but for the extension, or a
     * misspelt or moved file), or else the files of its kind the version has, before the fix.
     */
    private static String hint(PackageReference reference, VersionFiles chosen) throws IOException {
        String fix = "correct the path, or require a version of " + reference.packageName() + " that has the file";
        Set<String> files = files(chosen);
        Optional<String> meant = PromptFile.didYouMean(reference.path(), reference.path(), files, path -> path);
        if (meant.isPresent()) {
            return meant.get() + " " + fix;
        }
        String kind = extension(reference.path());
        // a path without an extension tells no kind: the files without one are LICENSE and the like
        List<String> alike = kind.isEmpty() ? List.of()
                : files.stream().filter(path -> extension(path).equals(kind)).toList();
        if (alike.isEmpty()) {
            return fix;
        }
        String named = String.join(", ", alike.subList(0, Math.min(FILES_NAMED, alike.size())))
                + (alike.size() > FILES_NAMED ? " and " + (alike.size() - FILES_NAMED) + " more" : "");
        return reference.packageName() + " " + chosen.version() + " has " + named + "; " + fix;
    }

    /** The regular files of the version, in path order. */
    static SortedSet<String> files(VersionFiles chosen) throws IOException {
        return chosen.files().entries().stream().filter(SourceEntry::isFile).map(SourceEntry::path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code .prmd} of {@code prompts/a.prmd}; empty for a name without one. */
    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot);
    }
}
