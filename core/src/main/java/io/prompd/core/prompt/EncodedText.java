package io.prompd.core.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.prompd.core.json.JsonSyntaxError;
import io.prompd.core.json.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a {@code json} or {@code base64} parameter, which is more than any text: JSON to parse, data in base64 to
 * decode. Text that is neither can never stand for the value it is given as.
 */
final class EncodedText {

    private static final Pattern SPACE = Pattern.compile("\\s+");
    /**
     * A character of neither alphabet, nor space: it is named, where one of the other alphabet is a mix-up of the two.
     */
    private static final Pattern NOT_BASE64 = Pattern.compile("[^A-Za-z0-9+/=_\\-\\s]");
    private static final Pattern STANDARD_ONLY = Pattern.compile(".*[+/].*");
    private static final Pattern URL_SAFE_ONLY = Pattern.compile(".*[_-].*");

    private EncodedText() {
    }

    /** Why the text is not one JSON document, or empty when it is. */
    static Optional<String> notJson(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            return JsonTrees.read(bytes).isMissingNode() ? Optional.of("it is blank") : Optional.empty();
        } catch (JsonProcessingException malformed) {
            JsonSyntaxError error = JsonSyntaxError.of(malformed, bytes);
            String place = error.column() == 0 ? "" : error.line() > 1 ? " (line " + error.line() + ", character "
                    + error.column() + " of it)" : " (at character " + error.column() + ")";
            return Optional.of(error.reason() + place);
        } catch (IOException impossible) {
            throw new UncheckedIOException("reading text in memory failed", impossible);
        }
    }

    /**
     * Why the text is not data in base64, or empty when it is: in the standard alphabet or the URL-safe one
     * (RFC 4648), padded with {@code =} or not, line breaks and spaces between its characters allowed, as a YAML block
     * holds a long one.
     */
    static Optional<String> notBase64(String text) {
        Matcher outside = NOT_BASE64.matcher(text);
        if (outside.find()) {
            int at = outside.start();
            return Optional.of("'" + Character.toString(text.codePointAt(at)) + "' (character "
                    + (text.codePointCount(0, at) + 1) + ") is not a character of base64");
        }
        String data = SPACE.matcher(text).replaceAll("");
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                decoder.decode(data);
                return Optional.empty();
            } catch (IllegalArgumentException notThisAlphabet) {
                // the other alphabet may read it
            }
        }
        return Optional.of(STANDARD_ONLY.matcher(data).matches() && URL_SAFE_ONLY.matcher(data).matches()
                ? "it mixes base64's '+' and '/' with the URL-safe alphabet's '-' and '_'"
                : "its " + data.length() + " characters do not make groups of 4, with '=' only as padding at the end");
    }
}
