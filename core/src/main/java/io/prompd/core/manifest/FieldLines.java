package io.prompd.core.manifest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.prompd.core.problem.Problem;
import java.io.IOException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where each field of a JSON document starts: JSON pointer to 1-based line. A problem found on the
 * parsed tree gets its line from here, so a report can say {@code prompd.json:7}.
 *
 * @param lines JSON pointer ({@code ""} for the document) to the line of the field's name, or of the
 *              element for an array element
 */
public record FieldLines(SortedMap<String, Integer> lines) {

    public FieldLines {
        lines = Copies.sorted(lines);
    }

    public static FieldLines none() {
        return new FieldLines(new TreeMap<>());
    }

    /**
     * Reads the whole document from the parser, noting where each field and element starts.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the text is not one JSON value
     */
    static FieldLines scan(JsonParser parser) throws IOException {
        SortedMap<String, Integer> lines = new TreeMap<>();
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
                lines.put(holder.pathAsPointer().toString(), line);
            } else if (holder.inRoot()) {
                if (lines.containsKey("")) {
                    throw new JsonParseException(parser, "unexpected content after the end of the JSON document");
                }
                lines.put("", line);
            }
        }
        return new FieldLines(lines);
    }

    /** The line of the field, or else of the nearest field holding it; 0 when nothing is known. */
    public int lineOf(String pointer) {
        JsonPointer field = JsonPointer.compile(pointer);
        while (field != null) {
            Integer line = lines.get(field.toString());
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
