package io.prompd.core.prompt;

import io.prompd.core.PackageSteps;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.prompt.DependencyFiles.VersionFiles;
import io.prompd.core.prompt.DependencyFiles.Versions;
import io.prompd.core.source.Utf8;
import io.prompd.core.template.TemplateScan;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The files of other packages that a prompt's template includes, imports or extends
 * ({@code {% include "@acme/frags@^1.0.0/parts/intro.md" %}}), which render in the prompt as the files of its own
 * package do, and are checked as those are, in the version the prompt gets: each as a template, with the files it loads
 * in turn within its package ({@link PromptValidator#checkLoaded}), its variables against the including prompt's
 * parameters ({@link IncludedVariables}), and the names the prompt imports from it ({@link ImportedNames}). Publishing
 * a package checks only the files its own prompts load, so that a file none of them loads may not render at all, and
 * stays so in that version for good. Each problem is told at the prompt's line that loads the file, the one its author
 * can change, naming the file, its version and the line in it.
 */
final class DependencyTemplates {

    /**
     * How hints name prompd.json and the install, which only those on references to other packages do: a dependency's
     * manifest is not read, so its files' references to packages are not judged, and none of them is asked for.
     */
    private static final PackageSteps NO_STEPS = PackageSteps.here(SuggestedCommands.PLAIN);

    private DependencyTemplates() {
    }

    /**
     * A file of another package a prompt's template loads, in the version the prompt gets, which has it.
     *
     * @param reference the reference as meant, naming the file's package and path
     */
    private record Target(PackageReference reference, VersionFiles version) {

        PackageName name() {
            return reference.packageName();
        }

        String path() {
            return reference.path();
        }
    }

    /**
     * The files of a version that prompts load, with the files they load in turn and the version's prompts, and the
     * problems of the rules of files a prompt loads found in them.
     *
     * @param within     the version as a package of which those files are loaded
     * @param loadable   the scan of each file of it a template may load
     * @param references the sites each of those files names
     * @param problems   the problems of those files, each at its own line
     */
    private record Dependency(PromptPackage within, Map<String, TemplateScan> loadable,
                              Map<String, List<ReferenceSite>> references, List<Problem> problems) {
    }

    /**
     * @param prompts  the package's prompts, by package path
     * @param versions the version of each package the prompts get; empty when it cannot be told, and its files go
     *                 unchecked
     */
    static List<Problem> check(SortedMap<String, PromptFile> prompts, Versions versions) throws IOException {
        Map<String, TemplateScan> bodies = new TreeMap<>();
        Map<String, Map<TemplateScan.FileUse, Target>> targets = new HashMap<>();
        Map<PackageName, SortedSet<String>> loadedFrom = new TreeMap<>();
        for (Map.Entry<String, PromptFile> prompt : prompts.entrySet()) {
            TemplateScan body = TemplateScan.of(prompt.getValue().body(), prompt.getValue().bodyLine());
            bodies.put(prompt.getKey(), body);
            Map<TemplateScan.FileUse, Target> named = new HashMap<>();
            for (TemplateScan.FileUse use : body.files()) {
                Optional<Target> target = target(use, prompt.getValue(), versions);
                if (target.isPresent()) {
                    named.put(use, target.get());
                    loadedFrom.computeIfAbsent(target.get().name(), name -> new TreeSet<>()).add(target.get().path());
                }
            }
            targets.put(prompt.getKey(), named);
        }
        Map<PackageName, Dependency> dependencies = new HashMap<>();
        for (Map.Entry<PackageName, SortedSet<String>> loaded : loadedFrom.entrySet()) {
            VersionFiles version = versions.of(loaded.getKey()).orElseThrow();
            dependencies.put(loaded.getKey(), read(loaded.getKey(), version, loaded.getValue()));
        }
        // the including prompts' own package, whose prompts alone tell the parameters a prompt declares
        PromptPackage pack = new PromptPackage(Optional.empty(), new TreeMap<>(), new TreeSet<>(), new TreeSet<>(),
                new TreeMap<>(), prompts, new TreeMap<>(), new TreeSet<>(), false);
        LocalParents parents = new LocalParents(pack, DependencyParents.read(pack, versions));
        Problems problems = new Problems();
        // a file included many times would repeat its problems at each include: each is told at the first
        Set<List<String>> told = new HashSet<>();
        bodies.forEach((file, body) -> {
            Map<TemplateScan.FileUse, Target> named = targets.get(file);
            for (TemplateScan.Inclusion inclusion : body.inclusions()) {
                Target target = named.get(inclusion.file());
                if (target != null) {
                    Dependency dependency = dependencies.get(target.name());
                    Consumer<Problem> once = problem -> {
                        if (told.add(List.of(file, target.name() + "/" + target.path(), problem.message()))) {
                            problems.add(problem);
                        }
                    };
                    loaded(file, inclusion, target, dependency, once);
                    Problems variables = new Problems();
                    if (dependency.loadable().containsKey(target.path())) {
                        IncludedVariables.check(pack, parents, file, inclusion, dependency.within(), target.path(),
                                dependency.loadable(), variables);
                    }
                    variables.sorted().forEach(problem -> once.accept(variable(file, inclusion, target, problem)));
                }
            }
            ImportedNames.check(file, body, imported -> Optional.ofNullable(named.get(imported.file()))
                    .flatMap(target -> source(imported, target, dependencies.get(target.name()))), problems);
        });
        Map<String, List<ReferenceSite>> references = new TreeMap<>();
        bodies.forEach((file, body) -> references.put(file, prompts.get(file).referenceSites(body)));
        IncludeExpansion.checkWithDependencies(prompts.keySet(), references, bodies, IncludeExpansion.lengths(pack),
                reference -> expansion(reference, dependencies), problems);
        return problems.sorted();
    }

    /**
     * The file of another package a template names, when the version the prompt gets has it: whether the package
     * is a dependency, and whether the version has the file, are {@link ReferenceRules}' and {@link DependencyFiles}'.
     */
    private static Optional<Target> target(TemplateScan.FileUse use, PromptFile prompt, Versions versions)
            throws IOException {
        Optional<Reference> reference = References.tryParse(use.written(), prompt.using());
        if (reference.isEmpty() || !(reference.get() instanceof PackageReference written)) {
            return Optional.empty();
        }
        Optional<PackageReference> meant = written.meant();
        if (meant.isEmpty()) {
            return Optional.empty();
        }
        Optional<VersionFiles> version = versions.of(written.packageName());
        return version.isPresent() && version.get().has(meant.get().path())
                ? Optional.of(new Target(meant.get(), version.get())) : Optional.empty();
    }

    /**
     * The files of the version prompts load, {@code paths}, with those they load in turn, checked by the rules of the
     * files a prompt loads, as if they were a prompt's of that version: its prompts are read too, which those files may
     * load, and which load files of their own.
     */
    private static Dependency read(PackageName name, VersionFiles version, SortedSet<String> paths)
            throws IOException {
        SortedSet<String> files = DependencyFiles.files(version);
        SortedMap<String, PromptFile> prompts = new TreeMap<>();
        for (String file : files) {
            if (PromptFile.hasPromptExtension(file)) {
                PromptParser.parse(file, version.files().read(file)).prompt()
                        .ifPresent(prompt -> prompts.put(file, prompt));
            }
        }
        LoadedTemplates.Loaded loaded = LoadedTemplates.read(prompts, List.copyOf(paths), files,
                path -> Utf8.text(version.files().read(path)));
        PromptPackage within = new PromptPackage(Optional.of(name), new TreeMap<>(), new TreeSet<>(), files,
                new TreeMap<>(), prompts, loaded.templates(), loaded.notText(), false);
        Map<String, TemplateScan> bodies = new TreeMap<>();
        Map<String, List<ReferenceSite>> references = new TreeMap<>();
        Problems problems = new Problems();
        prompts.forEach((file, prompt) -> {
            bodies.put(file, TemplateScan.of(prompt.body(), prompt.bodyLine()));
            references.put(file, prompt.referenceSites(bodies.get(file)));
            // a prompt of the version renders where another's template loads it, as a file it loads does: its tags,
            // and the files its template loads in turn, within its package; what its front matter names does not
            TemplateRule.checkLoaded(file, prompt, bodies.get(file), problems);
            ReferenceRules.checkLoaded(within, file, references.get(file).stream().filter(ReferenceSite::inTemplate)
                    .toList(), NO_STEPS, problems);
        });
        // the way to a file is told by the problem restated at the prompt, from the file it loads
        Map<String, TemplateScan> loadable = PromptValidator.checkLoaded(within, bodies, Set.of(), references,
                NO_STEPS, problems);
        return new Dependency(within, loadable, references, problems.sorted());
    }

    /**
     * The problems of the file the prompt loads, and of those it loads in turn, at the line that loads it: the way
     * from the file to each, which their own messages do not tell, and the line in it.
     */
    private static void loaded(String file, TemplateScan.Inclusion inclusion, Target target, Dependency dependency,
                               Consumer<Problem> problems) {
        int line = inclusion.file().line();
        if (dependency.within().notText().contains(target.path())) {
            problems.accept(ReferenceRules.notText(file, target.reference(), target.path(),
                    new ReferenceSite(target.reference(), "", line)).atLine(line).withHint("include another file or"
                    + " another version of " + target.name() + "; a binary file can only be a prompt's context: name"
                    + " it in 'context' instead"));
        }
        Map<String, List<String>> through = LoadedTemplates.through(Set.of(target.path()), dependency.references());
        for (Problem problem : dependency.problems()) {
            List<String> way = through.get(problem.file());
            if (way != null) {
                String hint = "include another file or another version of " + target.name()
                        + ", or ask its owners to fix it in a new version"
                        + (problem.hint().isEmpty() ? "" : " (" + problem.hint() + ")");
                problems.accept(new Problem(problem.severity(), file, "", line, whose(target, problem)
                        + ", which this " + inclusion.load().verb
                        + (way.isEmpty() ? "" : " through " + String.join(" → ", way)) + atLine(problem) + ": "
                        + problem.message(), hint));
            }
        }
    }

    /** What a file of another package renders to within it; empty when its version or its text is not known. */
    private static Optional<IncludeExpansion.Expansion> expansion(PackageReference reference,
                                                                  Map<PackageName, Dependency> dependencies) {
        Dependency dependency = dependencies.get(reference.packageName());
        return dependency == null || !dependency.references().containsKey(reference.path()) ? Optional.empty()
                : Optional.of(IncludeExpansion.of(reference.path(), dependency.references(), dependency.loadable(),
                        IncludeExpansion.lengths(dependency.within())));
    }

    /** A variable of the file, or of one it loads, that the prompt does not give it, at the line that loads it. */
    private static Problem variable(String file, TemplateScan.Inclusion inclusion, Target target, Problem problem) {
        return new Problem(problem.severity(), file, "", inclusion.file().line(), whose(target, problem)
                + atLine(problem) + ": " + problem.message(), problem.hint() + ", or include another file or another"
                + " version of " + target.name());
    }

    /** {@code @acme/frags 1.0.0's parts/intro.md}: the file of the problem. */
    private static String whose(Target target, Problem problem) {
        return target.name() + " " + target.version().version() + "'s " + problem.file();
    }

    private static String atLine(Problem problem) {
        return problem.line() > 0 ? ", at its line " + problem.line() : "";
    }

    /** The file of another package a name is imported from, which its owners alone may define it in. */
    private static Optional<ImportedNames.Source> source(TemplateScan.ImportedName imported, Target target,
                                                         Dependency dependency) {
        return Optional.ofNullable(dependency.loadable().get(target.path())).map(scan -> new ImportedNames.Source(scan,
                " in " + target.name() + " " + target.version().version(), "take '" + imported.name()
                        + "' from another file or another version of " + target.name()));
    }
}
