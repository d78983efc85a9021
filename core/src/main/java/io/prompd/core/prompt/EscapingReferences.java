package io.prompd.core.prompt;

import io.prompd.core.SortedCopies;
import io.prompd.core.TerminalText;
import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import io.prompd.core.source.Utf8;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The references of a package's prompts, and of the files their templates load, that lead out of the package they
 * read from: a path of the package's own with too many {@code ..}, an absolute or home path, a URL ({@link
 * LocalReference#resolveFrom}), or a dependency's file whose path climbs out of that dependency
 * ({@code @acme/base@^2.1.0/../../etc/hostname}) or is such a path itself ({@code @acme/base@^2/C:/Windows/win.ini},
 * {@code @acme/base@^2/~/.ssh/id_rsa}). {@code prompd validate} refuses them and a registry's check refuses
 * to publish them, as a prompt rendered where the package is installed would read a file of that machine's
 * ({@code ../../.ssh/id_rsa}), or of another package in the store; an install finds them in what a registry's host
 * served, which may not be what the registry published. {@link #leaves} is the one rule of both.
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
     * A package's prompts as far as they parse, by package path, and the references out of their package among them.
     * An install keeps the prompts parsed to look, for what else it asks of them.
     */
    public record Read(SortedMap<String, PromptFile> prompts, List<Escaping> escaping) {

        public Read {
            prompts = SortedCopies.map(prompts);
            escaping = List.copyOf(escaping);
        }
    }

    /**
     * The references out of their package in a package's files, as far as its prompts parse: of every prompt file the
     * source holds, whatever the manifest selects, as each is there where the package is installed.
     */
    public static Read read(PackageSource source) throws IOException {
        Set<String> files = new TreeSet<>();
        SortedMap<String, PromptFile> prompts = new TreeMap<>();
        for (SourceEntry entry : source.entries()) {
            if (entry.isFile()) {
                files.add(entry.path());
            }
            if (entry.isFile() && PromptFile.hasPromptExtension(entry.path())) {
                PromptParser.parse(entry.path(), source.read(entry.path())).draft()
                        .ifPresent(prompt -> prompts.put(entry.path(), prompt));
            }
        }
        return new Read(prompts, of(prompts, files, path -> Utf8.text(source.read(path))));
    }

    /**
     * Every reference out of its package, in the order of the files' paths, prompts first.
     *
     * @param prompts  the package's prompts, by package path, as far as they parse
     * @param readable the package's files the reader may read
     */
    static List<Escaping> of(SortedMap<String, PromptFile> prompts, Set<String> readable,
                             LoadedTemplates.TextReader reader) throws IOException {
        List<Escaping> found = new ArrayList<>();
        prompts.forEach((file, prompt) -> prompt.referenceSites().stream()
                .filter(site -> leaves(file, site.reference()))
                .forEach(site -> found.add(new Escaping(file, site.lineIn(prompt), site.reference().written()))));
        LoadedTemplates.read(prompts, readable, reader).templates().forEach((file, text) -> LoadedTemplates
                .referenceSites(text).stream().filter(site -> leaves(file, site.reference()))
                .forEach(site -> found.add(new Escaping(file, site.line(), site.reference().written()))));
        return List.copyOf(found);
    }

    /**
     * Whether a reference written in {@code file} names a file out of the package it reads from: a path of the
     * package's own from the file's folder, a dependency's from that package's root, by the one rule of both
     * ({@link LocalReference#leavesFrom}, {@link PackageReference#leaves}). Validate refuses every {@code ..} of a
     * dependency's path, these with an error of their own ({@link ReferenceRules}).
     */
    public static boolean leaves(String file, Reference reference) {
        return reference instanceof LocalReference local ? local.leavesFrom(file)
                : ((PackageReference) reference).leaves();
    }
}
