package io.prompd.core.prompt;

import io.prompd.core.PackageSteps;
import io.prompd.core.archive.LeftOut;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Decomposed;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.source.Utf8;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules on what a prompt points at: local files must exist inside the package, and other
 * packages must be declared dependencies, with the range the manifest gives when a reference writes one.
 */
final class ReferenceRules {

    private static final String INHERITS = "/inherits";
    /** What {@code files} and shells read as wildcards, which a file name rarely holds. */
    private static final Pattern PATTERN_CHARACTERS = Pattern.compile("[*?\\[]");
    /** How to write a path of a prompt that differs from a file's name only in Unicode normalization. */
    static final String NFC_HINT = Decomposed.hint("the path", "package file names are", "the prompt's");

    private ReferenceRules() {
    }

    /**
     * Each problem is placed at the line of the field, or of the body, that holds the reference.
     *
     * @param references the prompt's {@link PromptFile#referenceSites()}
     */
    static void check(PromptPackage pack, String file, PromptFile prompt, List<ReferenceSite> references,
                      PackageSteps steps, Problems problems) {
        Set<String> textPointers = prompt.textFiles().stream().map(PromptPart.FilePart::pointer)
                .collect(Collectors.toSet());
        AliasPrefixes.namedScopes(pack, file, prompt, references, problems);
        check(pack, file, prompt.using(), references, site -> site.lineIn(prompt),
                site -> site.inTemplate() || textPointers.contains(site.pointer()), steps, problems);
    }

    /**
     * The same rules for a {@link PromptPackage#templates() file a prompt's template loads}, whose references are
     * all in its body, and which defines no alias.
     *
     * @param references the sites its template names
     */
    static void checkLoaded(PromptPackage pack, String file, List<ReferenceSite> references,
                            PackageSteps steps, Problems problems) {
        check(pack, file, List.of(), references, ReferenceSite::line, ReferenceSite::inTemplate, steps, problems);
    }

    /**
     * @param takesText whether the file of a site is taken as text: one a template loads, or one the front matter names
     *                  for the prompt's text, where only a context may be any file
     * @param steps     how the hints name prompd.json and the install that tells whether a registry has a dependency
     */
    private static void check(PromptPackage pack, String file, List<Alias> aliases, List<ReferenceSite> references,
                              ToIntFunction<ReferenceSite> line, Predicate<ReferenceSite> takesText, PackageSteps steps,
                              Problems problems) {
        for (ReferenceSite site : references) {
            Problems found = new Problems();
            reference(pack, file, aliases, site, line, takesText, steps, found);
            found.sorted().forEach(problem -> problems.add(problem.atLine(line.applyAsInt(site))));
        }
    }

    private static void reference(PromptPackage pack, String file, List<Alias> aliases, ReferenceSite site,
                                  ToIntFunction<ReferenceSite> line, Predicate<ReferenceSite> takesText,
                                  PackageSteps steps, Problems problems) {
        Reference reference = site.reference();
        String pointer = site.pointer();
        if (reference instanceof PackageReference viaPackage) {
            viaPackage.dotSegment().ifPresent(segment -> problems.add(dotSegment(file, viaPackage, segment, pointer)));
            if (viaPackage.dotSegment().isEmpty() && viaPackage.leaves()) {
                problems.add(elsewhere(file, viaPackage, pointer));
            } else if (viaPackage.dotSegment().isEmpty() && viaPackage.path().contains("\\")) {
                reference = viaPackage.withSlashes();
                problems.add(Problem.error(file, pointer, WrittenPaths.backslashed(viaPackage.written()),
                        "write '" + reference.written() + "'"));
            }
        } else if (reference instanceof LocalReference local
                && local.resolveFrom(file).filter(resolved -> !isFolder(pack, resolved)).isPresent()) {
            // a folder is no file however it is written: its error alone is told, quoting the path as written
            reference = meant(file, local, pointer, problems);
        }
        if (pointer.equals(INHERITS) && inheritsExtensionLeftOff(pack, file, reference, problems)) {
            // the prompt file meant is in the package: its extension is all the path lacks
            return;
        }
        if (reference instanceof LocalReference local) {
            localReference(pack, file, local, site, takesText.test(site), problems);
        } else if (reference instanceof PackageReference viaPackage && viaPackage.alias().isEmpty()) {
            // A reference through a 'using' alias is checked once, at the alias.
            packageReference(pack, file, aliases, site, line, steps, problems);
        }
    }

    /**
     * The reference as meant, in normal form with {@code /} for each {@code \}, after reporting how it is written
     * otherwise: the rules that follow check that path and quote it, so that writing it as told is not met by another
     * error about the same. A path may start with {@code ./} or with {@code ../} steps, which lead from the prompt's
     * folder to the package's others, and then holds names only: a file system follows {@code nothere/..} only
     * through a folder {@code nothere} that exists, which the text alone does not tell, where the normal form names
     * the same file on every one, whichever folders there are.
     */
    private static LocalReference meant(String file, LocalReference reference, String pointer, Problems problems) {
        String written = reference.written();
        String slashed = WrittenPaths.withSlashes(written);
        String normal = WrittenPaths.normalForm(slashed);
        if (normal.isEmpty()) {
            // the prompt's own folder: no file, which the rule of files that exist says
            return reference;
        }
        String path = slashed.startsWith("./") && !WrittenPaths.climbs(normal) ? "./" + normal : normal;
        WrittenPaths.miswritten(written, true, "a prompt's path may start with './' or '../' steps, then holds names"
                + " only, as a file system follows 'name/..' only through a folder that exists").ifPresent(message ->
                        problems.add(Problem.error(file, pointer, message, "write '" + path + "'")));
        return path.equals(written) ? reference : new LocalReference(path);
    }

    /**
     * A prompt inherits a prompt: the same rule as for the manifest's {@code main} and {@code prompts}. Of a
     * package reference only the dependency's files tell which prompt file was meant: {@link DependencyFiles} restates
     * the error with that hint where it knows them.
     *
     * @return whether the path stands for a prompt file of this package, which the error names
     */
    private static boolean inheritsExtensionLeftOff(PromptPackage pack, String file, Reference reference,
                                                    Problems problems) {
        String path = reference instanceof PackageReference viaPackage ? viaPackage.path() : reference.written();
        if (path.isEmpty() || PromptFile.hasPromptExtension(path)) {
            return false;
        }
        Optional<Problem> meant = reference instanceof LocalReference local
                ? local.resolveFrom(file).flatMap(resolved -> PromptFile.extensionLeftOff(file, INHERITS,
                        local.written(), resolved, pack.files()))
                : Optional.empty();
        problems.add(meant.orElseGet(() -> PromptFile.notAPromptFile(file, INHERITS, reference.written(),
                "inherit from a prompt file")));
        return meant.isPresent();
    }

    /** @param takesText whether the file is taken as text, which one that is not UTF-8 text cannot be */
    private static void localReference(PromptPackage pack, String file, LocalReference reference, ReferenceSite site,
                                       boolean takesText, Problems problems) {
        String pointer = site.pointer();
        Optional<String> resolved = reference.resolveFrom(file);
        if (EscapingReferences.leaves(file, reference)) {
            problems.add(Problem.error(file, pointer, "'" + reference.written() + "' points outside the package",
                    "refer only to files inside the package, relative to the folder of " + file));
        } else if (resolved.isEmpty()) {
            problems.add(namesFolder(pack, file, reference, "", pointer));
        } else if (pack.leftOut().containsKey(resolved.get())) {
            LeftOut.Reason reason = pack.leftOut().get(resolved.get());
            problems.add(Problem.error(file, pointer, "'" + reference.written() + "' resolves to '" + resolved.get()
                    + "', which is in the folder but left out of the package: " + reason.why(),
                    reason.howToNeedAnother()));
        } else if (!pack.files().contains(resolved.get()) && site.needed(other -> isThere(pack, file, other))) {
            problems.add(notAFile(pack, file, reference, resolved.get(), pointer));
        } else if (takesText && pack.notText().contains(resolved.get())) {
            problems.add(notText(file, reference, resolved.get(), site));
        }
    }

    /**
     * Why a path names no file of the package: written decomposed, or in NFC where the file's name is decomposed, a
     * folder, or a pattern, which the user may take a prompt's paths for, as {@code files} reads them, said as such
     * rather than as a file missing; else a file missing, with the one likely meant.
     */
    private static Problem notAFile(PromptPackage pack, String file, LocalReference reference, String resolved,
                                    String pointer) {
        String written = reference.written();
        if (Decomposed.nfcOtherwise(resolved).filter(pack.files()::contains).isPresent()) {
            return Problem.error(file, pointer, Decomposed.path(written, "the package has '" + resolved + "'"),
                    NFC_HINT);
        }
        if (Decomposed.heldDecomposed(resolved, pack.files())) {
            return Problem.error(file, pointer, Decomposed.file(written, "the package has '" + resolved + "'"),
                    Decomposed.renameHint(file + " writes it"));
        }
        Optional<Problem> folder = folder(pack, file, reference, resolved, pointer);
        if (folder.isPresent()) {
            return folder.get();
        }
        if (PATTERN_CHARACTERS.matcher(written).find()) {
            return Problem.error(file, pointer, "'" + written + "' reads as a pattern, and a prompt names files, each"
                    + " by its own path, never read as a pattern", nameEachFile(file));
        }
        return Problem.error(file, pointer, "'" + written + "' resolves to '" + resolved + "', which is not in the"
                + " package", PromptFile.didYouMean(written, resolved, pack.files(),
                        path -> reference.writtenFor(file, path)).map(meant -> meant + " ").orElse("")
                + "add the file, or fix the path: it is relative to the folder of " + file);
    }

    /**
     * The error of a path that names a folder of the package ({@link #namesFolder}); empty when the package has no file
     * in such a folder.
     */
    private static Optional<Problem> folder(PromptPackage pack, String file, LocalReference reference, String resolved,
                                            String pointer) {
        return filesIn(pack, resolved).isEmpty() ? Optional.empty()
                : Optional.of(namesFolder(pack, file, reference, resolved, pointer));
    }

    /**
     * The error of a path that names a folder, the root ({@code ""}) among them, where a prompt names files: the hint's
     * example is a file in it other than the prompt itself, which a prompt does not name, one of the kinds a prompt
     * names ({@link #likeAFilePromptsName}) where the folder has one; no example where it has no other file.
     */
    private static Problem namesFolder(PromptPackage pack, String file, LocalReference reference, String resolved,
                                       String pointer) {
        String folder = resolved.isEmpty() ? "the package's root folder" : "the folder '" + resolved + "'";
        List<String> others = filesIn(pack, resolved).stream().filter(path -> !path.equals(file)).toList();
        return Problem.error(file, pointer, "'" + reference.written() + "' resolves to " + folder
                + ", and a prompt names files, each by its own path", others.stream()
                .filter(ReferenceRules::likeAFilePromptsName).findFirst().or(() -> others.stream().findFirst())
                .map(example -> "name each file, such as '" + reference.writtenFor(file, example) + "'")
                .orElseGet(() -> nameEachFile(file)));
    }

    /**
     * Whether a file is of the kinds prompts name, a prompt or a text file, and none of those every package has
     * ({@code prompd.json}, its README and LICENSE), which sort first in the root and would be odd examples.
     */
    private static boolean likeAFilePromptsName(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return !PackSelector.isPackedAnyway(path)
                && (PromptFile.hasPromptExtension(path) || lower.endsWith(".md") || lower.endsWith(".txt"));
    }

    private static String nameEachFile(String file) {
        return "name each file by its path, relative to the folder of " + file;
    }

    /** Whether a package path is a folder of the package's files, not one of them. */
    private static boolean isFolder(PromptPackage pack, String resolved) {
        return !pack.files().contains(resolved) && !filesIn(pack, resolved).isEmpty();
    }

    /** The files of the package in a folder, at any depth; every file for the root, {@code ""}. */
    private static List<String> filesIn(PromptPackage pack, String folder) {
        return pack.files().stream().filter(path -> folder.isEmpty() || path.startsWith(folder + "/")).toList();
    }

    /**
     * A file taken as text that is not UTF-8 text: a template renders one it loads as a template, and a prompt sends
     * one named for its text as it is, neither of which binary bytes or another encoding can be, while a version,
     * immutable, would stay broken. A context alone may be any file.
     *
     * @param resolved the file's path in its package, which may be another's ({@link DependencyTemplates})
     */
    static Problem notText(String file, Reference reference, String resolved, ReferenceSite site) {
        String taken = site.inTemplate() ? "so the template cannot include, import or extend it: Jinja renders such a"
                + " file as a template, which is text" : "so it cannot be the prompt's '"
                + site.pointer().split("/")[1] + "' text";
        return Problem.error(file, site.pointer(), "'" + reference.written() + "' resolves to '" + resolved
                + "', which is not UTF-8 text (it is binary, or saved in another encoding), " + taken,
                Utf8.HINT + "; a binary file can only be a prompt's context:"
                        + " name it in 'context' instead");
    }

    /**
     * Whether the package has the file of a local reference; a file of another package is taken as there, as
     * {@link DependencyFiles} alone can tell.
     */
    private static boolean isThere(PromptPackage pack, String file, Reference reference) {
        return !(reference instanceof LocalReference local)
                || local.resolveFrom(file).filter(pack.files()::contains).isPresent();
    }

    private static void packageReference(PromptPackage pack, String file, List<Alias> aliases, ReferenceSite site,
                                         ToIntFunction<ReferenceSite> line, PackageSteps steps,
                                         Problems problems) {
        PackageReference reference = (PackageReference) site.reference();
        String pointer = site.pointer();
        if (isItself(pack, reference)) {
            problems.add(Problem.error(file, pointer, "'" + reference.written() + "' refers to this package ("
                    + reference.packageName() + ") by name", "refer to files of the same package with a relative path,"
                    + " such as ./" + (reference.path().isEmpty() ? "file.prmd" : reference.path())));
        } else if (!pack.manifestRead()) {
            return;
        } else if (readsAsAlias(pack, aliases, reference)) {
            problems.add(undefinedAlias(file, aliases, reference, pointer));
        } else {
            mismatch(pack, file, site, line).ifPresent(mismatch -> problems.add(problem(pack, mismatch, steps)));
        }
    }

    /**
     * The references among {@code references} that {@code "dependencies"} do not back as written, by the rule of
     * validate's errors; one naming no dependency included where validate takes it for an undefined alias, which
     * a command that just removed that dependency knows it is not.
     *
     * @param line the file line of a site
     */
    static List<DependencyMismatch> mismatches(PromptPackage pack, String file, List<ReferenceSite> references,
                                               ToIntFunction<ReferenceSite> line) {
        return references.stream().flatMap(site -> mismatch(pack, file, site, line).stream()).toList();
    }

    /**
     * A reference to another package that {@code "dependencies"} do not back as written; none for a reference
     * through an alias (the alias's is checked), to this package itself (an error of its own) or to a dependency
     * whose range is invalid (which has its error in prompd.json, and no other would be true).
     */
    private static Optional<DependencyMismatch> mismatch(PromptPackage pack, String file, ReferenceSite site,
                                                         ToIntFunction<ReferenceSite> line) {
        if (!(site.reference() instanceof PackageReference reference) || reference.alias().isPresent()
                || isItself(pack, reference) || pack.invalidRanges().contains(reference.packageName())) {
            return Optional.empty();
        }
        Optional<VersionRange> declared = Optional.ofNullable(pack.dependencies().get(reference.packageName()));
        // The dependencies decide which version is installed; a different range here would only mislead a reader.
        boolean agrees = declared.isPresent() && (reference.selector().isEmpty()
                || VersionRange.parse(reference.selector()).desugared().equals(declared.get().desugared()));
        return agrees ? Optional.empty() : Optional.of(new DependencyMismatch(file, site.pointer(),
                line.applyAsInt(site), reference, declared));
    }

    private static boolean isItself(PromptPackage pack, PackageReference reference) {
        return pack.name().filter(reference.packageName()::equals).isPresent();
    }

    /**
     * {@code @base/x.prmd}, with no range, naming no dependency nor a 'using' entry's package: likelier an alias no
     * 'using' entry defines than such a package.
     */
    private static boolean readsAsAlias(PromptPackage pack, List<Alias> aliases, PackageReference reference) {
        return reference.selector().isEmpty() && !pack.dependencies().containsKey(reference.packageName())
                && !pack.invalidRanges().contains(reference.packageName())
                && aliases.stream().map(Alias::target).noneMatch(reference::equals);
    }

    private static Problem problem(PromptPackage pack, DependencyMismatch mismatch, PackageSteps steps) {
        PackageReference reference = mismatch.reference();
        if (mismatch.declared().isEmpty()) {
            return Problem.error(mismatch.file(), mismatch.pointer(), "'" + reference.written() + "' refers to "
                    + reference.packageName() + ", which is not a dependency of "
                    + pack.name().map(PackageName::toString).orElse("this package"), "add \"" + reference.packageName()
                    + "\": \"" + (reference.selector().isEmpty() ? "*" : reference.selector())
                    + "\" to \"dependencies\" in " + steps.manifest() + ", then run " + steps.install()
                    + ", which tells whether the registry has such a version (validate works offline)");
        }
        return Problem.error(mismatch.file(), mismatch.pointer(), "'" + reference.written() + "' asks for "
                + reference.packageName() + " \"" + reference.selector() + "\", but \"dependencies\" in prompd.json"
                + " give \"" + mismatch.declared().get().text() + "\"", "write '" + mismatch.agreeing().orElseThrow()
                + "' here, with the range prompd.json gives, which prompd.lock follows");
    }

    /**
     * A package reference's path is the file's from the package's root, with nothing to resolve: one that is not would
     * read as one file and be another, or none of the package's ({@code @a/b@^1/../../etc/passwd}), which one leading
     * out of it ({@link EscapingReferences#leaves}, as an install refuses it) is said to.
     */
    private static Problem dotSegment(String file, PackageReference reference, String segment, String pointer) {
        String written = reference.written();
        String message = "'" + written + "' has '" + segment + "' in its path, which is not allowed in a package"
                + " reference: the path is the file's from the root of " + reference.packageName();
        Optional<String> resolved = new LocalReference(reference.path()).resolveFrom("");
        String beforePath = written.substring(0, written.length() - reference.path().length());
        if (resolved.isPresent()) {
            return Problem.error(file, pointer, message, "write '" + beforePath + resolved.get() + "'");
        }
        return Problem.error(file, pointer, message + (EscapingReferences.leaves(file, reference)
                ? ", and this one leads out of it" : ", and this one names no file inside it"), inside(reference));
    }

    /**
     * A package reference's path that is absolute, a home path or a URL ({@code @a/b@^1/C:/Windows/win.ini},
     * {@code @a/b@^1/~/.ssh/id_rsa}): the package's folder holds no such file, and where the prompt is rendered
     * the path would read one of that machine's, which an install refuses ({@link EscapingReferences}).
     */
    private static Problem elsewhere(String file, PackageReference reference, String pointer) {
        return Problem.error(file, pointer, "'" + reference.written() + "' points outside " + reference.packageName()
                + ": the path is the file's from the root of " + reference.packageName() + ", never an absolute path,"
                + " a home path or a URL", inside(reference));
    }

    private static String inside(PackageReference reference) {
        return "refer only to files inside " + reference.packageName() + ", by their path from its root";
    }

    /**
     * {@code @base/x.prmd} with no {@code using} entry for {@code @base} reads as the package
     * {@code @base/x.prmd}; outside {@code using} and without a range, an undefined alias is far
     * likelier than such a package.
     */
    private static Problem undefinedAlias(String file, List<Alias> aliases,
            PackageReference reference, String pointer) {
        String written = reference.written();
        String prefix = written.substring(0, written.indexOf('/'));
        String defined = aliases.isEmpty() ? "the prompt has no 'using' entry"
                : "the prompt's aliases are " + String.join(", ", aliases.stream().map(Alias::prefix).toList());
        return Problem.error(file, pointer, "'" + written + "' starts with the alias " + prefix
                + ", which no 'using' entry defines (" + defined + ")", "add a 'using' entry with prefix: \"" + prefix
                + "\", or write a package reference as @scope/name@range/path, with the package in \"dependencies\"");
    }
}
