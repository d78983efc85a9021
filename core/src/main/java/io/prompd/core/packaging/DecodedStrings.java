package io.prompd.core.packaging;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.prompt.FrontMatter;
import io.prompd.core.problem.Severity;
import io.prompd.core.prompt.PromptFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The strings and member names of a document as its reader decodes them, escapes and all, which the registry serves
 * decoded: a {@code .json} file's, as JSON reads it (a manifest's text in {@code packages.json}, a meta.json's reason
 * in {@code index.json}), and a prompt file's front matter, as YAML reads it ({@code <version>.json}). A diff shows
 * {@code "\u0073k-…"} or {@code "\x73k-…"} as written, so a key written so is searched for as read.
 *
 * @param reader    who decodes the strings, as a message names it
 * @param parser    the document's tokens
 * @param written   the document as written from where a token starts, to name the escape a string used
 * @param lineShift added to the parser's lines: the file line where the document starts, less one
 */
record DecodedStrings(String reader, Source parser, Function<JsonLocation, String> written, int lineShift) {

    private static final String JSON_EXTENSION = ".json";

    /** The document's tokens, opened once, when searched. */
    @FunctionalInterface
    interface Source {
        JsonParser open() throws IOException;
    }

    /** Made on the first front matter searched, not with this class: a manifest's search needs no YAML parser. */
    private static final class Yaml {
        static final YAMLFactory FACTORY = new YAMLFactory();
    }

    /**
     * A likely credential in a string, at the lines the string spans.
     *
     * @param firstLine   the 1-based file line the string starts on
     * @param lastLine    the one it ends on
     * @param description what kind of credential it looks like
     * @param severity    as {@link SecretPatterns.Finding}'s
     * @param escape      the first escape that wrote a character of it, as {@code \x73 for s}, when one is known
     * @param passwordInUrl as {@link SecretPatterns.Finding}'s
     */
    record Secret(int firstLine, int lastLine, String description, Severity severity, Optional<String> escape,
                  boolean passwordInUrl) {

        /** Whether the file's text as written holds the same credential in the string's lines: named once, so. */
        boolean amongWritten(List<SecretPatterns.Finding> asWritten) {
            return asWritten.stream().anyMatch(written -> written.description().equals(description)
                    && written.line() >= firstLine && written.line() <= lastLine);
        }
    }

    /**
     * The decoded strings of a {@code .json} file, or of a prompt file's front matter.
     *
     * @param text the file's text, when it is text
     */
    static Optional<DecodedStrings> of(String path, byte[] bytes, Optional<String> text) {
        // every escape JSON or YAML decodes starts with a backslash, whose byte every encoding here holds: without
        // one the strings read as written, which the caller searched, so no file is parsed a second time for nothing
        if (!holdsBackslash(bytes)) {
            return Optional.empty();
        }
        if (path.toLowerCase(Locale.ROOT).endsWith(JSON_EXTENSION)) {
            // the parser reads bytes, and says where a token starts in bytes
            return Optional.of(new DecodedStrings("the JSON", () -> JsonTrees.parser(bytes), location -> from(
                    location.getByteOffset(), offset -> new String(bytes, offset, bytes.length - offset,
                            StandardCharsets.UTF_8)), 0));
        }
        if (!PromptFile.hasPromptExtension(path)) {
            return Optional.empty();
        }
        return text.flatMap(FrontMatter::of).map(frontMatter -> new DecodedStrings("the front matter's YAML",
                () -> Yaml.FACTORY.createParser(frontMatter.yaml()),
                location -> from(location.getCharOffset(), frontMatter.yaml()::substring),
                frontMatter.firstYamlLine() - 1));
    }

    /**
     * The likely credentials in the strings and member names, as far as the document reads: one that does not is
     * refused where it is read, and its text as written is searched.
     */
    List<Secret> secrets() {
        List<Secret> found = new ArrayList<>();
        try (JsonParser tokens = parser.open()) {
            for (JsonToken token = tokens.nextToken(); token != null; token = tokens.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    JsonLocation start = tokens.currentTokenLocation();
                    int firstLine = lineShift + start.getLineNr();
                    String decoded = tokens.getText();
                    int lastLine = Math.max(firstLine, lineShift + tokens.currentLocation().getLineNr());
                    SecretPatterns.find(decoded).forEach(secret -> found.add(new Secret(firstLine, lastLine,
                            secret.description(), secret.severity(), QuotedEscapes.first(written.apply(start),
                            decoded, secret.start(), secret.end()), secret.passwordInUrl())));
                }
            }
        } catch (IOException | YAMLException unreadable) {
            // what the document held up to where it stops reading is searched all the same
        }
        return found.stream().distinct().toList();
    }

    private static boolean holdsBackslash(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\\') {
                return true;
            }
        }
        return false;
    }

    /** The text from an offset on, or none where the parser knows no offset (JSON it reads as UTF-16). */
    private static String from(long offset, Function<Integer, String> text) {
        return offset < 0 ? "" : text.apply((int) offset);
    }
}
