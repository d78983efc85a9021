package io.prompd.core.prompt;

import io.prompd.core.TerminalText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * The references of a package's prompts, and of the files their templates load, that lead out of the package: too many
 * {@code ..}, an absolute or home path, a URL ({@link LocalReference#resolveFrom}). {@code prompd validate} refuses
 * them and a registry's check refuses to publish them, as a prompt rendered where the package is installed would read
 * a file of that machine's ({@code ../../.ssh/id_rsa}); an install finds them in what a registry's host served, which
 * may not be what the registry published.
 */
public final class EscapingReferences {

    private EscapingReferences() {
    }

    /** A reference out of the package: the package file and the line holding it, and the path as written. */
    public record Escaping(String file, int line, String written) {

        public Escaping {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(written, "written");
        }

        /** {@code prompts/a.prmd, line 5 ('../../.ssh/id_rsa')}, the path kept to the message's line. */
        public String describe() {
            return file + ", line " + line + " (" + TerminalText.quoted(written) + ")";
        }
    }

    /**
     * Every reference out of the package, in the order of the files' paths, prompts first.
     *
     * @param prompts  the package's prompts, by package path, as far as they parse
     * @param readable the package's files the reader may read
     */
    public static List<Escaping> of(SortedMap<String, PromptFile> prompts, Set<String> readable,
                                    LoadedTemplates.TextReader reader) throws IOException {
        List<Escaping> found = new ArrayList<>();
        prompts.forEach((file, prompt) -> prompt.referenceSites().stream().filter(site -> leaves(file, site))
                .forEach(site -> found.add(new Escaping(file, site.lineIn(prompt), site.reference().written()))));
        LoadedTemplates.read(prompts, readable, reader).templates().forEach((file, text) -> LoadedTemplates
                .referenceSites(text).stream().filter(site -> leaves(file, site))
                .forEach(site -> found.add(new Escaping(file, site.line(), site.reference().written()))));
        return List.copyOf(found);
    }

    /** Whether the site names a file out of the package, not the package's root folder, which holds no file. */
    private static boolean leaves(String file, ReferenceSite site) {
        return site.reference() instanceof LocalReference local && local.resolveFrom(file).isEmpty()
                && !local.namesRoot(file);
    }
}
