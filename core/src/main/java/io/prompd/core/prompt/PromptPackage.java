package io.prompd.core.prompt;

import io.prompd.core.SortedCopies;
import io.prompd.core.archive.LeftOut;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The prompts of one package with what validating them together needs.
 *
 * @param name         the package's own name, from its manifest; empty when the manifest's is invalid or missing, which
 *                     has its own error and must not keep the prompts' problems from being reported with it
 * @param dependencies the manifest's declared dependencies
 * @param invalidRanges the packages the manifest declares with a range that is not valid, which has its error there
 * @param files        every file path of the package, relative to its root with {@code /}
 * @param leftOut      the files of the folder that pack leaves out, and why, so that a reference to one is explained
 * @param prompts      the parsed prompts by package path
 * @param templates    the text of each other file the prompts' templates load, by package path
 *                     ({@link LoadedTemplates#read}), since it is rendered as a template too
 * @param notText      the files a prompt's template loads, or its front matter names for its text, that are not UTF-8
 *                     text ({@link LoadedTemplates.Loaded#notText()})
 * @param manifestRead whether the manifest gave anything: one that cannot be read (not JSON, not UTF-8) has its own
 *                     error, and its dependencies are unknown, not none, so no reference is told it names none
 */
public record PromptPackage(Optional<PackageName> name, SortedMap<PackageName, VersionRange> dependencies,
                            SortedSet<PackageName> invalidRanges,
                            SortedSet<String> files, SortedMap<String, LeftOut.Reason> leftOut,
                            SortedMap<String, PromptFile> prompts, SortedMap<String, String> templates,
                            SortedSet<String> notText, boolean manifestRead) {

    public PromptPackage {
        Objects.requireNonNull(name, "name");
        dependencies = SortedCopies.map(dependencies);
        invalidRanges = SortedCopies.set(invalidRanges);
        files = SortedCopies.set(files);
        leftOut = SortedCopies.map(leftOut);
        prompts = SortedCopies.map(prompts);
        templates = SortedCopies.map(templates);
        notText = SortedCopies.set(notText);
    }

    /** The {@code using} aliases the references of a file may start with: a prompt's; none of another file. */
    List<Alias> aliasesOf(String file) {
        return prompts.containsKey(file) ? prompts.get(file).using() : List.of();
    }

    /** The prompts of a package whose manifest was read. */
    public PromptPackage(Optional<PackageName> name, SortedMap<PackageName, VersionRange> dependencies,
                         SortedSet<PackageName> invalidRanges, SortedSet<String> files,
                         SortedMap<String, LeftOut.Reason> leftOut, SortedMap<String, PromptFile> prompts,
                         LoadedTemplates.Loaded loaded) {
        this(name, dependencies, invalidRanges, files, leftOut, prompts, loaded.templates(), loaded.notText(), true);
    }
}
