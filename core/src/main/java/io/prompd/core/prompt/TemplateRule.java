package io.prompd.core.prompt;

import io.prompd.core.problem.Decomposed;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.problem.Spelling;
import io.prompd.core.template.TemplateScan;
import io.prompd.core.template.VariableUse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The body's template: tags that do not fit together, and names of files to include, import or
 * extend that are no reference, are errors, since Jinja would not render the prompt at all
 * (whether the files are there is {@link ReferenceRules}'s), and names computed at render time, which no check can
 * follow, warnings; variables no parameter declares,
 * neither the prompt's own nor those of the prompts it inherits from within the package (nor of one of another
 * package whose version is at hand, {@link DependencyParents}), are warnings, since rendering leaves them empty; and
 * so are legacy {@code {name}} placeholders, which rendering leaves as they are written. Where the scan of the
 * template fails, a defect of Prompd's own, that is a warning at its line, which says nothing of the template and
 * hides none of the other problems.
 */
final class TemplateRule {

    private static final String NFC_HINT = Decomposed.hint("the name", "it is declared", "this file's");
    /** The declaration may be a local parent's, or the prompt's where the variable is an included file's. */
    private static final String DECLARED_NFC_HINT = Decomposed.hint("the parameter's declaration", "it is used",
            "the declaring prompt's");

    private TemplateRule() {
    }

    /**
     * @param parents  the package's local inheritance
     * @param template the scan of the prompt's body
     */
    static void check(PromptPackage pack, LocalParents parents, String file, PromptFile prompt, TemplateScan template,
                      Problems problems) {
        checkLoaded(file, prompt, template, problems);
        Set<String> declared = declaredThroughLocalParents(pack, parents, file);
        boolean inFull = declaredInFull(pack, parents, file);
        if (inFull) {
            undeclaredVariables(pack, parents, file, template, declared, problems);
        }
        singleBraces(file, template, declared, inFull, problems);
    }

    /**
     * A prompt's template as another prompt's template loads it ({@link DependencyTemplates}), rendered as a file it
     * loads is: its tags and the names of the files it loads in turn, through its own aliases; its variables are the
     * including prompt's to give ({@link IncludedVariables}), as its own parameters are its own.
     */
    static void checkLoaded(String file, PromptFile prompt, TemplateScan template, Problems problems) {
        renders(file, template, "", problems);
        computedNames(file, template, problems);
        if (prompt.frontMatterRead()) {
            // without the aliases of 'using', which did not read, a name may be one through an alias
            namesThatAreNoReference(file, template, prompt.using(), problems);
        }
    }

    /**
     * A file a prompt's template loads, which is rendered as a template too: its tags and the names of the files it
     * loads in turn; its variables are checked against each prompt including it ({@link IncludedVariables}).
     *
     * @param through the files that load it, from a prompt to the one that loads it itself; empty when unknown
     */
    static void checkLoaded(String file, TemplateScan template, List<String> through, Problems problems) {
        renders(file, template, LoadedTemplates.loadedThrough(through), problems);
        computedNames(file, template, problems);
        namesThatAreNoReference(file, template, List.of(), problems);
    }

    /**
     * A file named by an expression computed at render time is one no check sees: it may be missing from the
     * package, or, from a parameter's value, lie outside it, where a renderer that does not confine its loader would
     * read it. Jinja itself renders such a tag, so it is a warning.
     */
    private static void computedNames(String file, TemplateScan template, Problems problems) {
        for (TemplateScan.ComputedFile computed : template.computedFiles()) {
            problems.add(Problem.warning(file, "", "'" + computed.written() + "' names its file by an expression"
                    + " computed at render time, so neither validate nor a registry's check can tell that the file"
                    + " exists or lies inside the package", "name the file by a string, {% include \"./part.md\" %},"
                    + " or by a list of strings of which the first found is loaded, {% include [\"a.md\", \"b.md\"]"
                    + " %}").atLine(computed.line()));
        }
    }

    /** @param loadedThrough how the file is reached from a prompt, for a file that is none; empty for a prompt */
    private static void renders(String file, TemplateScan template, String loadedThrough, Problems problems) {
        template.faults().forEach(fault -> problems.add(Problem.error(file, "", "the template does not render"
                + loadedThrough + ": " + fault.message(), fault.hint()).atLine(fault.line())));
        // a defect of the check says nothing of whether the template renders: a warning, never hiding the others
        template.defects().forEach(defect -> problems.add(Problem.warning(file, "", defect.message(), defect.hint())
                .atLine(defect.line())));
    }

    /**
     * A placeholder of a declared parameter is most likely meant to be replaced; one of another name may as well be
     * the prompt's own text (a set in prose), and is said to name no parameter, in the words of the legacy form, but
     * where the parameters are not known in full ({@link #declaredInFull}), which may declare it.
     */
    private static void singleBraces(String file, TemplateScan template, Set<String> declared, boolean inFull,
                                     Problems problems) {
        String asItIs = "to show the braces as they are, set them as `code` or in {% raw %}...{% endraw %}";
        for (TemplateScan.Placeholder placeholder : template.placeholders()) {
            if (!inFull && !declared.contains(placeholder.root())) {
                continue;
            }
            String jinja = "{{ " + placeholder.expression() + " }}";
            problems.add((declared.contains(placeholder.root())
                    ? Problem.warning(file, "", "'" + placeholder.written() + "' is left in the text as it is written:"
                            + " only '" + jinja + "' is replaced by the parameter's value", "write " + jinja + ", or, "
                            + asItIs)
                    : Problem.warning(file, "", "the legacy placeholder '" + placeholder.written() + "' names no"
                            + " declared parameter, and is left in the text as it is written",
                            "to fill it in, declare '" + placeholder.root() + "' under \"parameters\" and write "
                            + jinja + "; " + asItIs))
                    .atLine(placeholder.line()));
        }
    }

    /** A file the template loads is checked with the prompt's other references; a name that is none is told here. */
    private static void namesThatAreNoReference(String file, TemplateScan template, List<Alias> aliases,
                                                Problems problems) {
        for (TemplateScan.FileUse use : template.files()) {
            try {
                References.parse(use.written(), aliases);
            } catch (IllegalArgumentException invalid) {
                problems.add(Problem.error(file, "", "'" + use.written() + "' is not a valid reference: "
                        + invalid.getMessage(),
                        References.HOW_TO_WRITE).atLine(use.line()));
            }
        }
    }

    private static void undeclaredVariables(PromptPackage pack, LocalParents parents, String file,
                                            TemplateScan template,
                                            Set<String> declared, Problems problems) {
        String hint = declareHint(pack, parents, file, "");
        for (VariableUse use : template.freeVariables()) {
            if (!declared.contains(use.name())) {
                problems.add(Problem.warning(file, "", "the variable '" + use.name()
                        + "' is used in the body but not declared as a parameter" + decomposed(use.name(), declared),
                        undeclaredHint(use.name(), declared, hint)).atLine(use.line()));
            }
        }
    }

    /**
     * The hint on a variable that no parameter declares: to write it in NFC when it is one the template sees
     * ({@code known}) written decomposed, or the declaration in NFC when it is declared so ({@link #decomposed}); else
     * first the name it likely misspells, by the rule of every "did you mean" ({@link Spelling}), among those and
     * Jinja's own.
     *
     * @param declareHint how to declare it
     */
    static String undeclaredHint(String name, Set<String> known, String declareHint) {
        if (isDecomposed(name, known)) {
            return NFC_HINT;
        }
        if (Decomposed.heldDecomposed(name, known)) {
            return DECLARED_NFC_HINT;
        }
        Set<String> candidates = new HashSet<>(known);
        candidates.addAll(TemplateScan.globalNames());
        return Spelling.didYouMean(name, candidates).map(meant -> meant + " ").orElse("") + declareHint;
    }

    /**
     * What the warning on a variable no parameter declares adds when it is a name the template sees ({@code known})
     * written decomposed, or one declared decomposed written in NFC, which Jinja takes for another, as its lookup
     * compares the names as written; empty otherwise.
     */
    static String decomposed(String name, Set<String> known) {
        String how = isDecomposed(name, known) ? "it is written " + Decomposed.HOW + ", and declared in NFC"
                : Decomposed.heldDecomposed(name, known) ? "it is declared " + Decomposed.HOW + ", and written in NFC"
                : "";
        return how.isEmpty() ? "" : ": " + how + ", which Jinja takes for another name";
    }

    private static boolean isDecomposed(String name, Set<String> known) {
        return Decomposed.nfcOtherwise(name).filter(known::contains).isPresent();
    }

    /**
     * How to mend a variable the prompt's parameters lack, which may come from a parent in another package: one whose
     * version was at hand ({@link DependencyParents}) is known to lack it too.
     *
     * @param whose names the prompt for a variable used in another file, {@code " of prompts/a.prmd"}; empty otherwise
     */
    static String declareHint(PromptPackage pack, LocalParents parents, String prompt, String whose) {
        String ordinary = "declare it under \"parameters\"" + whose + ", or fix its spelling";
        Optional<Reference> outside = outermostParent(pack, parents, prompt)
                .filter(PackageReference.class::isInstance);
        if (outside.isEmpty()) {
            return ordinary;
        }
        String parent = "the inherited prompt " + outside.get().written();
        return parents.declaredOutside(outside.get())
                .map(declared -> ordinary + " (" + parent + " does not declare it either, in " + declared.version()
                        + ")")
                .orElse("declare it under \"parameters\"" + whose + " (" + parent
                        + " may declare it, but it cannot be checked here)");
    }

    /**
     * The parameters of the prompt and of the prompts it inherits from within the package, and those of the prompt of
     * another package the chain ends in, where its version was at hand ({@link DependencyParents}).
     */
    static Set<String> declaredThroughLocalParents(PromptPackage pack, LocalParents parents, String file) {
        Set<String> declared = localChain(pack, parents, file).stream().flatMap(prompt -> prompt.parameters().stream())
                .map(Parameter::name).collect(Collectors.toCollection(HashSet::new));
        declaredOutside(pack, parents, file).ifPresent(outside -> declared.addAll(outside.names()));
        return declared;
    }

    /**
     * Whether {@link #declaredThroughLocalParents} are all the parameters those prompts declare: one left out for a
     * refused value ({@link PromptFile#parametersInFull}), told there, may be the one a variable names, which no
     * warning then says undeclared.
     */
    static boolean declaredInFull(PromptPackage pack, LocalParents parents, String file) {
        return localChain(pack, parents, file).stream().allMatch(PromptFile::parametersInFull)
                && declaredOutside(pack, parents, file).map(DependencyParents.Declared::inFull).orElse(true);
    }

    /** What the prompt of another package the local chain ends in declares, when its version was at hand. */
    private static Optional<DependencyParents.Declared> declaredOutside(PromptPackage pack, LocalParents parents,
                                                                        String file) {
        return outermostParent(pack, parents, file).flatMap(parents::declaredOutside);
    }

    /** The prompt and those it inherits from within the package, nearest first, but for any that did not parse. */
    private static List<PromptFile> localChain(PromptPackage pack, LocalParents parents, String file) {
        List<PromptFile> chain = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (Optional<String> current = Optional.of(file); current.isPresent() && visited.add(current.get());
                current = parents.of(current.get())) {
            Optional.ofNullable(pack.prompts().get(current.get())).ifPresent(chain::add);
        }
        return chain;
    }

    /** The {@code inherits} of the last prompt of the local chain: the parent this package cannot see. */
    private static Optional<Reference> outermostParent(PromptPackage pack, LocalParents parents, String file) {
        Set<String> visited = new HashSet<>();
        String current = file;
        while (visited.add(current)) {
            Optional<String> parent = parents.of(current);
            if (parent.isEmpty() || !pack.prompts().containsKey(parent.get())) {
                return Optional.ofNullable(pack.prompts().get(current)).flatMap(PromptFile::inherits);
            }
            current = parent.get();
        }
        return Optional.empty();
    }
}
