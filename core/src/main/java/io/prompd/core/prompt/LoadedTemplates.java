package io.prompd.core.prompt;

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

/**
 * The files other than prompts that the prompts' templates include, import or extend: Jinja and
 * Nunjucks render such a file as a template too, whatever its extension, so it is validated as a
 * prompt's body is ({@link PromptPackage#templates()}).
 */
public final class LoadedTemplates {

    /** Reads a file of the package as a template would. */
    @FunctionalInterface
    public interface TextReader {

        /** The file's text; empty when it is not text (binary) or is not read at all. */
        Optional<String> text(String path) throws IOException;
    }

    private LoadedTemplates() {
    }

    /**
     * The text of each file of {@code files} that is no prompt file and that a prompt's template
     * loads by a local path, directly or through other such files; a file that is not text is
     * left out, since it is no template to check (whether a binary file may be packed is the content check's).
     *
     * @param prompts the package's prompts, by package path
     * @param files   every packed file
     */
    public static SortedMap<String, String> read(SortedMap<String, PromptFile> prompts, SortedSet<String> files,
                                                 TextReader reader) throws IOException {
        Deque<String> pending = new ArrayDeque<>();
        prompts.forEach((file, prompt) -> pending.addAll(loaded(file, prompt.referenceSites())));
        Set<String> seen = new HashSet<>();
        SortedMap<String, String> texts = new TreeMap<>();
        while (!pending.isEmpty()) {
            String file = pending.removeFirst();
            if (PromptFile.hasPromptExtension(file) || !files.contains(file) || !seen.add(file)) {
                continue;
            }
            Optional<String> text = reader.text(file);
            if (text.isPresent()) {
                texts.put(file, text.get());
                pending.addAll(loaded(file, referenceSites(text.get())));
            }
        }
        return texts;
    }

    /**
     * What a loaded file's template names in turn (the files it includes, imports or extends), each at its line:
     * also for a caller following them through files not yet in a package, as {@code prompd init --from} does.
     */
    public static List<ReferenceSite> referenceSites(String text) {
        return TemplateScan.of(text, 1).referenceSites(List.of());
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

    /** The package paths a file's template loads by a local path, those of its front matter left out. */
    private static List<String> loaded(String file, List<ReferenceSite> sites) {
        return IncludeCycles.loads(file, sites).stream().map(IncludeCycles.Load::target).toList();
    }
}
