package io.prompd.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * Where and why a JSON text does not parse, in words for a person fixing it.
 *
 * @param line   1-based, or 0 when the parser did not say
 * @param column 1-based, or 0 when the parser did not say
 * @param reason the parser's explanation, with its own notation of places made readable
 */
public record JsonSyntaxError(int line, int column, String reason) {

    /**
     * How Jackson writes a place inside its messages, such as the start of an unclosed object:
     * {@code [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]}.
     */
    private static final Pattern PLACE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

    public static JsonSyntaxError of(JsonProcessingException malformed) {
        JsonLocation at = malformed.getLocation();
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        int column = at == null || line == 0 ? 0 : Math.max(at.getColumnNr(), 0);
        String reason = PLACE.matcher(malformed.getOriginalMessage()).replaceAll("line $1, column $2");
        return new JsonSyntaxError(line, column, reason);
    }

    /** {@code " at line 3, column 7"}, or nothing when the place is unknown. */
    public String where() {
        return line == 0 ? "" : " at line " + line + (column == 0 ? "" : ", column " + column);
    }
}
