package io.prompd.core.prompt;

import io.prompd.core.Plural;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.problem.Spelling;
import io.prompd.core.template.TemplateScan;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The names a template takes from a file of the package, {@code {% from "./m.md" import name %}}, which the file must
 * define: Jinja refuses to render otherwise ("does not export the requested name"), and so does Nunjucks ("cannot
 * import"). A file defines a name by {@code {% macro %}} or {@code {% set %}} outside its loops and macros; one that
 * extends another may take names from it, and one whose template does not render has its own errors, so neither is
 * judged, nor a file named by a list or a condition, whichever is rendered. A file of another package a prompt imports
 * from is judged so too, in the version the prompt gets ({@link DependencyTemplates}).
 */
final class ImportedNames {

    private ImportedNames() {
    }

    /** @param loadable the scan of each prompt's body and of each file the prompts' templates load */
    static void check(PromptPackage pack, Map<String, TemplateScan> loadable, Problems problems) {
        loadable.forEach((file, scan) -> check(file, scan, imported -> local(pack, file, imported, loadable),
                problems));
    }

    /** The file of the package a name is imported from, which its owner may define it in. */
    private static Optional<Source> local(PromptPackage pack, String file, TemplateScan.ImportedName imported,
                                          Map<String, TemplateScan> loadable) {
        String name = imported.name();
        return References.loadedFrom(file, imported.file().written(), pack)
                .flatMap(target -> Optional.ofNullable(loadable.get(target)).map(loaded -> new Source(loaded, "",
                        "define '" + name + "' in " + target + " with {% macro " + name + "() %} or {% set " + name
                                + " = ... %}, outside its loops and macros")));
    }

    /**
     * A file names are imported from, as a message tells it.
     *
     * @param scan  the file's template
     * @param where what the message tells after the file's name, such as the version of another package it is in
     * @param mend  how the hint mends a name the file lacks beside importing one it defines
     */
    record Source(TemplateScan scan, String where, String mend) {
    }

    /** @param sources the file each name is imported from, where it can be told */
    static void check(String file, TemplateScan scan, Function<TemplateScan.ImportedName, Optional<Source>> sources,
                      Problems problems) {
        for (TemplateScan.ImportedName imported : scan.importedNames()) {
            TemplateScan.FileUse use = imported.file();
            if (use.mayBeMissing() || !use.alternatives().isEmpty()) {
                continue;
            }
            sources.apply(imported).filter(source -> judged(source.scan()))
                    .filter(source -> !source.scan().exports().contains(imported.name()))
                    .ifPresent(source -> problems.add(undefined(file, imported, source)));
        }
    }

    /** Whether the file's own template tells every name it defines: it renders, and extends no other. */
    private static boolean judged(TemplateScan loaded) {
        return loaded.faults().isEmpty()
                && loaded.inclusions().stream().noneMatch(load -> load.load() == TemplateScan.Load.EXTEND);
    }

    private static Problem undefined(String file, TemplateScan.ImportedName imported, Source source) {
        String name = imported.name();
        Set<String> defined = source.scan().exports();
        String defines = defined.isEmpty() ? "it defines no macro or variable"
                : "it defines " + Plural.series(defined.stream().map(each -> "'" + each + "'").toList(), "and");
        return Problem.error(file, "", "the template does not render: '" + name + "' is imported from '"
                + imported.file().written() + "', which does not define it" + source.where() + " (" + defines + ")",
                Spelling.didYouMean(name, defined).map(meant -> meant + " ").orElse("")
                        + "import a name it defines, or " + source.mend()).atLine(imported.file().line());
    }
}
