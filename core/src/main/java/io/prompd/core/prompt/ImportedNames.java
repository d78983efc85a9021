package io.prompd.core.prompt;

import io.prompd.core.Plural;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.problem.Spelling;
import io.prompd.core.template.TemplateScan;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names a template takes from a file of the package, {@code {% from "./m.md" import name %}}, which the file must
 * define: Jinja refuses to render otherwise ("does not export the requested name"), and so does Nunjucks ("cannot
 * import"). A file defines a name by {@code {% macro %}} or {@code {% set %}} outside its loops and macros; one that
 * extends another may take names from it, and one whose template does not render has its own errors, so neither is
 * judged, nor a file named by a list or a condition, whichever is rendered.
 */
final class ImportedNames {

    private ImportedNames() {
    }

    /** @param loadable the scan of each prompt's body and of each file the prompts' templates load */
    static void check(PromptPackage pack, Map<String, TemplateScan> loadable, Problems problems) {
        loadable.forEach((file, scan) -> check(pack, file, scan, loadable, problems));
    }

    private static void check(PromptPackage pack, String file, TemplateScan scan, Map<String, TemplateScan> loadable,
                              Problems problems) {
        for (TemplateScan.ImportedName imported : scan.importedNames()) {
            TemplateScan.FileUse use = imported.file();
            if (use.mayBeMissing() || !use.alternatives().isEmpty()) {
                continue;
            }
            References.loadedFrom(file, use.written(), pack)
                    .ifPresent(target -> Optional.ofNullable(loadable.get(target)).filter(ImportedNames::judged)
                            .filter(loaded -> !loaded.exports().contains(imported.name()))
                            .ifPresent(loaded -> problems.add(undefined(file, imported, target, loaded.exports()))));
        }
    }

    /** Whether the file's own template tells every name it defines: it renders, and extends no other. */
    private static boolean judged(TemplateScan loaded) {
        return loaded.faults().isEmpty()
                && loaded.inclusions().stream().noneMatch(load -> load.load() == TemplateScan.Load.EXTEND);
    }

    private static Problem undefined(String file, TemplateScan.ImportedName imported, String target,
                                     Set<String> defined) {
        String name = imported.name();
        String defines = defined.isEmpty() ? "it defines no macro or variable"
                : "it defines " + Plural.series(defined.stream().map(each -> "'" + each + "'").toList(), "and");
        String define = "define '" + name + "' in " + target + " with {% macro " + name + "() %} or {% set " + name
                + " = ... %}, outside its loops and macros";
        return Problem.error(file, "", "the template does not render: '" + name + "' is imported from '"
                + imported.file().written() + "', which does not define it (" + defines + ")",
                Spelling.didYouMean(name, defined).map(meant -> meant + " ").orElse("")
                        + "import a name it defines, or " + define).atLine(imported.file().line());
    }
}
