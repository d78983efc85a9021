package io.prompd.core.prompt;

import io.prompd.core.SortedCopies;
import io.prompd.core.template.TemplateScan;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
import java.util.stream.Collectors;

/**
 * The files other than prompts that the prompts' templates include, import or extend: Jinja and
 * Nunjucks render such a file as a template too, whatever its extension, so it is validated as a
 * prompt's body is ({@link PromptPackage#templates()}).
 */
public final class LoadedTemplates {

    /** Reads a file of the package as a template would. */
    @FunctionalInterface
    public interface TextReader {

        /** The file's text; empty when it is not UTF-8 text (binary, or saved in another encoding). */
        Optional<String> text(String path) throws IOException;
    }

    /**
     * The files the prompts take as text.
     *
     * @param templates the text of each file that is no prompt file and that a prompt's template loads by a local
     *                  path, directly or through other such files
     * @param notText   the files so loaded, or named by a prompt's {@code system}, {@code user}, {@code assistant} or
     *                  {@code response}, that are not UTF-8 text: no prompt's text can be such a file, which only a
     *                  {@code context} may name
     */
    public record Loaded(SortedMap<String, String> templates, SortedSet<String> notText) {

        public Loaded {
            templates = SortedCopies.map(templates);
            notText = SortedCopies.set(notText);
        }
    }

    private LoadedTemplates() {
    }

    /**
     * Reads what the prompts take as text: the files their templates load, following the files those load in turn,
     * and those their front matter names for their text; a file that is not text is no template to check, and
     * is told apart (whether a binary file may be packed is the content check's).
     *
     * @param prompts  the package's prompts, by package path
     * @param readable every packed file the reader may read: a file over the per-file limit is not, which is an error
     *                 of its own
     */
    public static Loaded read(SortedMap<String, PromptFile> prompts, Set<String> readable, TextReader reader)
            throws IOException {
        return read(prompts, List.of(), readable, reader);
    }

    /**
     * {@link #read(SortedMap, Set, TextReader)}, and also the files {@code more} names, which no prompt of the package
     * may load: those a prompt of another package loads from it.
     */
    static Loaded read(SortedMap<String, PromptFile> prompts, List<String> more, Set<String> readable,
                       TextReader reader) throws IOException {
        Deque<String> pending = new ArrayDeque<>(more);
        prompts.forEach((file, prompt) -> pending.addAll(loaded(file, prompt.referenceSites())));
        Set<String> seen = new HashSet<>();
        SortedMap<String, String> texts = new TreeMap<>();
        SortedSet<String> notText = new TreeSet<>();
        while (!pending.isEmpty()) {
            String file = pending.removeFirst();
            if (PromptFile.hasPromptExtension(file) || !readable.contains(file) || !seen.add(file)) {
                continue;
            }
            Optional<String> text = reader.text(file);
            if (text.isPresent()) {
                texts.put(file, text.get());
                pending.addAll(loaded(file, referenceSites(text.get())));
            } else {
                notText.add(file);
            }
        }
        for (Map.Entry<String, PromptFile> prompt : prompts.entrySet()) {
            for (String file : textFiles(prompt.getKey(), prompt.getValue())) {
                if (!PromptFile.hasPromptExtension(file) && readable.contains(file) && seen.add(file)
                        && reader.text(file).isEmpty()) {
                    notText.add(file);
                }
            }
        }
        return new Loaded(texts, notText);
    }

    /** The package paths of the files a prompt's front matter names for its text ({@link PromptFile#textFiles}). */
    private static List<String> textFiles(String file, PromptFile prompt) {
        return prompt.textFiles().stream().map(PromptPart.FilePart::reference)
                .filter(LocalReference.class::isInstance)
                .flatMap(reference -> ((LocalReference) reference).resolveFrom(file).stream())
                .toList();
    }

    /**
     * What a loaded file's template names in turn (the files it includes, imports or extends), each at its line:
     * also for a caller following them through files not yet in a package, as {@code prompd init --from} does.
     */
    public static List<ReferenceSite> referenceSites(String text) {
        return ReferenceSite.ofTemplate(TemplateScan.of(text, 1), List.of());
    }

    /**
     * How each loaded file is reached from a prompt, for its messages: the files that load it, from the first
     * prompt in path order to the file that loads it itself, along the fewest loads.
     *
     * @param references the sites each prompt and each loaded file names
     */
    static Map<String, List<String>> through(Set<String> prompts, Map<String, List<ReferenceSite>> references) {
        Map<String, List<String>> through = new HashMap<>();
        Deque<String> pending = new ArrayDeque<>(new TreeSet<>(prompts));
        pending.forEach(prompt -> through.put(prompt, List.of()));
        while (!pending.isEmpty()) {
            String file = pending.removeFirst();
            List<String> chain = new ArrayList<>(through.get(file));
            chain.add(file);
            for (String target : loaded(file, references.getOrDefault(file, List.of()))) {
                if (references.containsKey(target) && !through.containsKey(target)) {
                    through.put(target, List.copyOf(chain));
                    pending.addLast(target);
                }
            }
        }
        return through;
    }

    /**
     * What needs each of {@code paths} that the package's files name: the files naming it, and the prompts that would
     * break without it, reaching it themselves or through the files their templates load; a path nothing names is
     * left out.
     *
     * @param prompts   the package's prompts, by package path
     * @param templates the files the prompts' templates load, as {@link #read} gives them
     */
    public static SortedMap<String, Needs> needs(Set<String> paths, SortedMap<String, PromptFile> prompts,
                                                 SortedMap<String, String> templates) {
        Map<String, List<ReferenceSite>> references = new TreeMap<>();
        prompts.forEach((file, prompt) -> references.put(file, prompt.referenceSites()));
        templates.forEach((file, text) -> references.put(file, referenceSites(text)));
        Map<String, List<String>> through = through(prompts.keySet(), references);
        SortedMap<String, Needs> needs = new TreeMap<>();
        for (String path : paths) {
            List<String> naming = references.entrySet().stream()
                    .filter(entry -> named(entry.getKey(), entry.getValue()).contains(path))
                    .map(entry -> entry.getKey() + (prompts.containsKey(entry.getKey()) ? ""
                            : loadedThrough(through.getOrDefault(entry.getKey(), List.of()))))
                    .toList();
            if (!naming.isEmpty()) {
                needs.put(path, new Needs(naming, prompts.keySet().stream()
                        .filter(prompt -> reached(prompt, references).contains(path)).toList()));
            }
        }
        return needs;
    }

    /**
     * What needs a file.
     *
     * @param files   the files naming it, in path order, one a prompt loads told with how:
     *                {@code parts/x.md (loaded through prompts/a.prmd)}
     * @param prompts the prompts that would break without it, in path order
     */
    public record Needs(List<String> files, List<String> prompts) {

        public Needs {
            files = List.copyOf(files);
            prompts = List.copyOf(prompts);
        }
    }

    /** {@code  (loaded through prompts/a.prmd → parts/x.md)}; nothing when the way from a prompt is unknown. */
    static String loadedThrough(List<String> through) {
        return through.isEmpty() ? "" : " (loaded through " + String.join(" → ", through) + ")";
    }

    /** The package paths a prompt needs: those it names, and those the templates it loads name in turn. */
    private static Set<String> reached(String prompt, Map<String, List<ReferenceSite>> references) {
        Set<String> reached = new HashSet<>(named(prompt, references.get(prompt)));
        Deque<String> pending = new ArrayDeque<>(loaded(prompt, references.get(prompt)));
        Set<String> followed = new HashSet<>();
        while (!pending.isEmpty()) {
            String file = pending.removeFirst();
            if (followed.add(file) && references.containsKey(file)) {
                List<String> loads = loaded(file, references.get(file));
                reached.addAll(loads);
                pending.addAll(loads);
            }
        }
        return reached;
    }

    /** The package paths a file names by a local path, in its front matter or its template. */
    private static Set<String> named(String file, List<ReferenceSite> sites) {
        return sites.stream().map(ReferenceSite::reference).filter(LocalReference.class::isInstance)
                .flatMap(reference -> ((LocalReference) reference).resolveFrom(file).stream())
                .collect(Collectors.toSet());
    }

    /** The package paths a file's template loads by a local path, those of its front matter left out. */
    private static List<String> loaded(String file, List<ReferenceSite> sites) {
        return IncludeCycles.loads(file, sites).stream().map(IncludeCycles.Load::target).toList();
    }
}
