package io.prompd.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prompd.core.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where each field of a JSON or YAML document starts: JSON pointer to 1-based line. A problem found
 * on the parsed tree gets its line from here, so a report can say {@code prompd.json:7}, or the line
 * of {@code type:} in a prompt's third parameter.
 *
 * <p>The document is read again for its lines only when a line is first asked for: most manifests
 * and prompts have no problem to locate, and a registry build reads tens of thousands of them.
 * Two instances are equal when they read the same text the same way.
 */
public final class FieldLines {

    private enum Format { JSON, YAML }

    private static final FieldLines NONE = new FieldLines(new byte[0], Format.JSON, 0);

    /**
     * Made on the first YAML scan, not with this class: reading a manifest, as every command does,
     * must not load the YAML parser.
     */
    private static final class Yaml {
        static final YAMLFactory FACTORY = new YAMLFactory();
    }

    private final byte[] text;
    private final Format format;
    /** Added to the parser's lines: the line of the file where the document starts, less one. */
    private final int lineShift;
    private SortedMap<String, Integer> lines;
    /** Each scalar value as the document writes it, by pointer; read in the same scan as the lines. */
    private Map<String, String> scalars;

    private FieldLines(byte[] text, Format format, int lineShift) {
        this.text = text;
        this.format = format;
        this.lineShift = lineShift;
    }

    /** No lines known: every problem keeps line 0. */
    public static FieldLines none() {
        return NONE;
    }

    /** The lines of a document that parsed as one JSON value. */
    public static FieldLines ofJson(byte[] json) {
        return new FieldLines(json.clone(), Format.JSON, 0);
    }

    /**
     * The lines of a YAML document that parsed, such as a prompt's front matter.
     *
     * @param firstLine the line of the file where the document's first line is
     */
    public static FieldLines ofYaml(String yaml, int firstLine) {
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be positive: " + firstLine);
        }
        return new FieldLines(yaml.getBytes(StandardCharsets.UTF_8), Format.YAML, firstLine - 1);
    }

    /**
     * JSON pointer ({@code ""} for the document) to the line of the field's name, or of the element
     * for an array element.
     */
    public synchronized SortedMap<String, Integer> lines() {
        if (text.length == 0) {
            return Collections.emptySortedMap();
        }
        scanOnce();
        return lines;
    }

    /**
     * The scalar value at the pointer as the document writes it: YAML reads {@code NO}, {@code on} or
     * {@code 1.10} as false, true and 1.1, and a message that quoted the value read would show the
     * author a value they never wrote. Empty when the pointer names no scalar.
     */
    public synchronized Optional<String> scalarAt(String pointer) {
        if (text.length == 0) {
            return Optional.empty();
        }
        scanOnce();
        return Optional.ofNullable(scalars.get(pointer));
    }

    private void scanOnce() {
        if (lines == null) {
            SortedMap<String, Integer> found = new TreeMap<>();
            Map<String, String> written = new TreeMap<>();
            scan(found, written);
            lines = Collections.unmodifiableSortedMap(found);
            scalars = written;
        }
    }

    private void scan(SortedMap<String, Integer> found, Map<String, String> written) {
        try (JsonParser parser = format == Format.JSON ? JsonTrees.parser(text) : Yaml.FACTORY.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token.isStructEnd()) {
                    continue;
                }
                int line = lineShift + parser.currentTokenLocation().getLineNr();
                // An object or array opens its own context; the field or element it is belongs to the enclosing one.
                JsonStreamContext holder = token.isStructStart()
                        ? parser.getParsingContext().getParent()
                        : parser.getParsingContext();
                if (token == JsonToken.FIELD_NAME || holder.inArray()) {
                    found.put(holder.pathAsPointer().toString(), line);
                } else if (holder.inRoot()) {
                    found.putIfAbsent("", line);
                }
                if (token.isScalarValue()) {
                    written.put(holder.pathAsPointer().toString(), parser.getText());
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException("the document parsed once and must parse again", impossible);
        }
    }

    /** The line of the field, or else of the nearest field holding it; 0 when nothing is known. */
    public int lineOf(String pointer) {
        SortedMap<String, Integer> known = lines();
        JsonPointer field = JsonPointer.compile(pointer);
        while (field != null) {
            Integer line = known.get(field.toString());
            if (line != null) {
                return line;
            }
            field = field.head();
        }
        return 0;
    }

    /** The problem with its line filled in from its pointer, unless it already has one. */
    public Problem locate(Problem problem) {
        return problem.line() > 0 ? problem : problem.atLine(lineOf(problem.pointer()));
    }

    public List<Problem> locate(List<Problem> problems) {
        return problems.stream().map(this::locate).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldLines that && format == that.format && lineShift == that.lineShift
                && Arrays.equals(text, that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, lineShift, Arrays.hashCode(text));
    }

    @Override
    public String toString() {
        return "FieldLines[" + format + ", " + text.length + " bytes from line " + (lineShift + 1) + "]";
    }
}
