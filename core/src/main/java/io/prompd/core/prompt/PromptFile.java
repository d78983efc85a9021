package io.prompd.core.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.Plural;
import io.prompd.core.json.FieldLines;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Spelling;
import io.prompd.core.template.TemplateScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A parsed {@code .prmd} / {@code .prompd} file: its front matter, typed, and its Markdown body.
 *
 * @param file       the path of the file in its package, with {@code /} separators
 * @param parametersInFull whether every parameter the front matter declares is in {@code parameters}, but those of
 *                   the wrong shape: false when a refused value (a YAML tag, read as absent) left out
 *                   {@code parameters} or a parameter, so that the variables the body uses are not told undeclared on
 *                   its account
 * @param frontMatterRead whether the front matter read as a map of keys: a file whose front matter did not, with its
 *                   error, is a draft of its body alone ({@link #bodyAlone}), each field of which is unknown, not
 *                   absent
 * @param contexts   {@code context} and {@code contexts} together, in that order
 * @param override   the {@code override} value as written; its meaning belongs to the renderer
 * @param extra      front-matter keys prompd does not know ({@code content-type}, {@code license}), by key
 * @param bodyLine   the 1-based line of the file where the body starts
 * @param fieldLines where each front-matter field is in the file, for messages
 */
public record PromptFile(
        String file,
        Optional<String> id,
        Optional<String> name,
        Optional<String> version,
        Optional<String> description,
        Optional<String> author,
        List<String> tags,
        List<Parameter> parameters,
        boolean parametersInFull,
        boolean frontMatterRead,
        Optional<Reference> inherits,
        List<Alias> using,
        List<PromptPart> contexts,
        List<PromptPart> system,
        List<PromptPart> user,
        List<PromptPart> assistant,
        List<PromptPart> response,
        Optional<JsonNode> override,
        Optional<String> provider,
        Optional<String> model,
        OptionalDouble temperature,
        OptionalInt maxTokens,
        SortedMap<String, JsonNode> extra,
        String body,
        int bodyLine,
        FieldLines fieldLines) {

    public PromptFile {
        Objects.requireNonNull(file, "file");
        Stream.of(id, name, version, description, author, inherits, override, provider, model, temperature, maxTokens)
                .forEach(value -> Objects.requireNonNull(value, "an optional field of " + file));
        tags = List.copyOf(tags);
        parameters = List.copyOf(parameters);
        using = List.copyOf(using);
        contexts = List.copyOf(contexts);
        system = List.copyOf(system);
        user = List.copyOf(user);
        assistant = List.copyOf(assistant);
        response = List.copyOf(response);
        override = override.map(JsonNode::deepCopy);
        extra = JsonTrees.deepCopies(extra);
        Objects.requireNonNull(body, "body");
        if (bodyLine < 1) {
            throw new IllegalArgumentException("bodyLine must be positive: " + bodyLine);
        }
        Objects.requireNonNull(fieldLines, "fieldLines");
    }

    /**
     * The draft of a file whose front matter did not read as a map of keys, told in its error, so that its body, which
     * the closing {@code ---} sets apart, is checked all the same: nothing is known of its fields, parameters included.
     */
    static PromptFile bodyAlone(String file, FrontMatter frontMatter) {
        return new PromptFile(file, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), false, false, Optional.empty(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalInt.empty(), new TreeMap<>(), frontMatter.body(),
                frontMatter.bodyLine(), FieldLines.none());
    }

    /**
     * The body's sections, split at its {@code #} headings: made from the body when asked rather than with the file,
     * since reading the body as Markdown is a good part of parsing a prompt, and a registry build, which parses every
     * version's prompts, never asks.
     */
    public List<Section> sections() {
        return new MarkdownBody(body, bodyLine).sections();
    }

    /** Whether a path names a prompt file: {@code .prmd}, or {@code .prompd} as older packages have it. */
    public static boolean hasPromptExtension(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".prmd") || lower.endsWith(".prompd");
    }

    /**
     * The error for a path that must name a prompt file and does not.
     *
     * @param written the path as written, which the message quotes
     */
    public static Problem notAPromptFile(String file, String pointer, String written, String hint) {
        return Problem.error(file, pointer, "'" + written + "' is not a prompt file, which ends in .prmd or .prompd",
                hint);
    }

    /**
     * {@link #notAPromptFile}, hinting {@code did you mean './example.prmd'?}, when a path written without its
     * extension stands for a prompt file of the package, as in {@code inherits: ./example}; empty when it does not.
     *
     * @param written  the path as written
     * @param resolved the package path it names
     * @param files    every file of the package
     */
    public static Optional<Problem> extensionLeftOff(String file, String pointer, String written, String resolved,
                                                     Set<String> files) {
        return didYouMean(written, resolved, files).map(hint -> notAPromptFile(file, pointer, written, hint));
    }

    /**
     * {@code did you mean 'prompts/example.prmd'?} when {@code written}, naming {@code resolved}, is a prompt
     * file of {@code files} but for its extension; failing that, but for its extension and the letter case of the
     * path as written ({@code ./Example} for {@code example.prmd}), which Linux takes for another name though macOS
     * and Windows find the file. The folders {@code written} leaves unwritten, as that of the prompt it is relative
     * to, are as the files have them: a file in a folder of other letter case is not the one it names.
     */
    public static Optional<String> didYouMean(String written, String resolved, Set<String> files) {
        if (hasPromptExtension(written)) {
            return Optional.empty();
        }
        List<String> meant = Stream.of(".prmd", ".prompd").filter(extension -> files.contains(resolved + extension))
                .map(extension -> "'" + written + extension + "'").toList();
        if (meant.isEmpty()) {
            int tail = writtenTail(written, resolved);
            String unwritten = resolved.substring(0, resolved.length() - tail);
            // the file's own letter case in place of the end of written that names it
            String kept = written.substring(0, written.length() - tail);
            meant = Stream.of(".prmd", ".prompd").map(extension -> resolved + extension)
                    .flatMap(path -> files.stream().filter(file -> file.equalsIgnoreCase(path)))
                    .filter(file -> file.startsWith(unwritten)).sorted()
                    .map(file -> "'" + kept + file.substring(unwritten.length()) + "'").toList();
        }
        return meant.isEmpty() ? Optional.empty() : Optional.of("did you mean " + Plural.series(meant, "or") + "?");
    }

    /** How many characters at the end of {@code written} write those at the end of {@code resolved}, in any case. */
    private static int writtenTail(String written, String resolved) {
        int tail = 0;
        while (tail < written.length() && tail < resolved.length() && Character.toLowerCase(written.charAt(
                written.length() - 1 - tail)) == Character.toLowerCase(resolved.charAt(resolved.length() - 1 - tail))) {
            tail++;
        }
        return tail;
    }

    /**
     * {@code did you mean '../contexts/Style.md'?} for a path that names no file of {@code files}: the prompt file it
     * names but for its extension ({@link #didYouMean(String, String, Set)}), or else the file it likely misspells or
     * writes in other letter case ({@link Spelling#didYouMean}), which Linux takes for another name though macOS and
     * Windows find the file; the same hint for a file of the package, of prompd.json or of another package.
     *
     * @param written   the path as written, to which the file meant is compared
     * @param resolved  the package path it names
     * @param files     every file of the package
     * @param asWritten how the path is written that names a file of {@code files}, as {@code written} is
     */
    public static Optional<String> didYouMean(String written, String resolved, Set<String> files,
                                              UnaryOperator<String> asWritten) {
        return didYouMean(written, resolved, files)
                .or(() -> Spelling.didYouMean(written, files.stream().map(asWritten).toList()));
    }

    /**
     * Every reference with where it is written: in the front matter, what the prompt inherits, the
     * package of each {@code using} alias and the file parts of its context and role entries; then
     * the files its body includes, imports or extends by name. A name in the body that is no valid
     * reference is left out: validation reports it.
     */
    public List<ReferenceSite> referenceSites() {
        return referenceSites(TemplateScan.of(body, bodyLine));
    }

    /**
     * {@link #referenceSites()}, from a scan of the body already made. Of a {@link #bodyAlone} draft, the body's names
     * of files of this package only: any other may start with a prefix of {@code using}, which did not read.
     */
    List<ReferenceSite> referenceSites(TemplateScan template) {
        List<ReferenceSite> sites = new ArrayList<>();
        inherits.ifPresent(reference -> sites.add(new ReferenceSite(reference, "/inherits", 0)));
        using.forEach(alias -> sites.add(new ReferenceSite(alias.target(), alias.pointer() + "/name", 0)));
        Stream.of(contexts, system, user, assistant, response).flatMap(List::stream)
                .filter(PromptPart.FilePart.class::isInstance)
                .map(PromptPart.FilePart.class::cast)
                .forEach(part -> sites.add(new ReferenceSite(part.reference(), part.pointer(), 0)));
        ReferenceSite.ofTemplate(template, using).stream()
                .filter(site -> frontMatterRead || site.reference() instanceof LocalReference).forEach(sites::add);
        return List.copyOf(sites);
    }

    /**
     * The files the front matter names for the prompt's text, in {@code system}, {@code user}, {@code assistant} and
     * {@code response}: unlike a context, which may be any file, each is text the prompt sends.
     */
    public List<PromptPart.FilePart> textFiles() {
        return Stream.of(system, user, assistant, response).flatMap(List::stream)
                .filter(PromptPart.FilePart.class::isInstance).map(PromptPart.FilePart.class::cast).toList();
    }

    /** The line of the front-matter field at this JSON pointer, or of the nearest field holding it; 0 when none. */
    public int lineOf(String pointer) {
        return fieldLines.lineOf(pointer);
    }
}
