package io.prompd.core.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.problem.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where each field of a JSON document starts: JSON pointer to 1-based line. A problem found on the
 * parsed tree gets its line from here, so a report can say {@code prompd.json:7}.
 *
 * <p>The document is read again for its lines only when a line is first asked for: most manifests
 * have no problem to locate, and a registry build reads tens of thousands of them.
 */
public final class FieldLines {

    private static final FieldLines NONE = new FieldLines(new byte[0]);

    private final byte[] json;
    private SortedMap<String, Integer> lines;

    private FieldLines(byte[] json) {
        this.json = json;
    }

    /** No lines known: every problem keeps line 0. */
    public static FieldLines none() {
        return NONE;
    }

    /** The lines of a document that parsed as one JSON value. */
    static FieldLines of(byte[] json) {
        return new FieldLines(json.clone());
    }

    /**
     * JSON pointer ({@code ""} for the document) to the line of the field's name, or of the element
     * for an array element.
     */
    public synchronized SortedMap<String, Integer> lines() {
        if (json.length == 0) {
            return Collections.emptySortedMap();
        }
        if (lines == null) {
            lines = Collections.unmodifiableSortedMap(scan());
        }
        return lines;
    }

    private SortedMap<String, Integer> scan() {
        SortedMap<String, Integer> found = new TreeMap<>();
        try (JsonParser parser = JsonTrees.parser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token.isStructEnd()) {
                    continue;
                }
                int line = parser.currentTokenLocation().getLineNr();
                // An object or array opens its own context; the field or element it is belongs to the enclosing one.
                JsonStreamContext holder = token.isStructStart()
                        ? parser.getParsingContext().getParent()
                        : parser.getParsingContext();
                if (token == JsonToken.FIELD_NAME || holder.inArray()) {
                    found.put(holder.pathAsPointer().toString(), line);
                } else if (holder.inRoot()) {
                    found.putIfAbsent("", line);
                }
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException("the document parsed once and must parse again", impossible);
        }
        return found;
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
}
