package io.prompd.core.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.prompd.core.json.Json;
import io.prompd.core.json.LineEndings;
import io.prompd.core.name.PackageName;
import io.prompd.core.source.Utf8;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;

/**
 * Changes the dependencies of a {@code prompd.json} within its own text, as {@code npm install} and
 * {@code cargo add} do: every other byte stays as its author wrote it (order of fields, indentation,
 * line endings, a byte-order mark, fields prompd does not know), so the diff shows the
 * dependencies alone.
 */
public final class ManifestEditor {

    private ManifestEditor() {
    }

    /**
     * The manifest with {@code "dependencies"} holding exactly these, sorted: the member's value is
     * replaced where it stands; without one, a member is added where {@code prompd init} would have
     * put it (before the first of the fields that follow it there), or else at the end.
     *
     * @param original a manifest that parses, as read from disk
     * @throws IOException when it is not a JSON object
     */
    public static byte[] withDependencies(byte[] original, SortedMap<PackageName, VersionRange> dependencies)
            throws IOException {
        String text = new String(original, StandardCharsets.UTF_8);
        String mark = text.startsWith(Utf8.BYTE_ORDER_MARK) ? Utf8.BYTE_ORDER_MARK : "";
        String json = text.substring(mark.length());
        Layout layout = Layout.of(json);
        Members members = Members.of(json);
        String edited;
        if (members.dependencies().isPresent()) {
            Span value = members.dependencies().get();
            edited = json.substring(0, value.start()) + layout.object(dependencies) + json.substring(value.end());
        } else if (dependencies.isEmpty()) {
            return original;
        } else if (members.followerStart().isPresent()) {
            int at = members.followerStart().getAsInt();
            edited = json.substring(0, at) + layout.member(dependencies) + "," + layout.between()
                    + json.substring(at);
        } else {
            int end = json.lastIndexOf('}');
            // the object's own '{', which Members.of has read, ends the walk at the latest
            while (Character.isWhitespace(json.charAt(end - 1))) {
                end--;
            }
            boolean empty = json.charAt(end - 1) == '{';
            edited = json.substring(0, end) + (empty ? "" : ",") + layout.between() + layout.member(dependencies)
                    + json.substring(end);
        }
        return (mark + edited).getBytes(StandardCharsets.UTF_8);
    }

    /** Where a piece of the text begins, and where it ends (exclusive). */
    private record Span(int start, int end) {
    }

    /**
     * Where, in the text, the top-level members that matter to the edit are.
     *
     * @param dependencies  the value of {@code "dependencies"}, when there is one
     * @param followerStart where the first member that {@code prompd init} puts after the dependencies begins
     */
    private record Members(Optional<Span> dependencies, OptionalInt followerStart) {

        static Members of(String json) throws IOException {
            Optional<Span> dependencies = Optional.empty();
            OptionalInt followerStart = OptionalInt.empty();
            int rank = ManifestFields.KNOWN.indexOf(ManifestFields.DEPENDENCIES);
            try (JsonParser parser = Json.reader().createParser(json)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("prompd.json does not hold a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    if (followerStart.isEmpty() && ManifestFields.KNOWN.indexOf(field) > rank) {
                        followerStart = OptionalInt.of((int) parser.currentTokenLocation().getCharOffset());
                    }
                    parser.nextToken();
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    if (field.equals(ManifestFields.DEPENDENCIES) && parser.currentToken() == JsonToken.END_OBJECT) {
                        dependencies = Optional.of(new Span(start, (int) parser.currentLocation().getCharOffset()));
                    }
                }
            }
            return new Members(dependencies, followerStart);
        }
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /**
     * How the file lays out its members.
     *
     * @param newline its line ending, empty when the object is on one line
     * @param indent  the indent of one level
     * @param between what follows the comma after a member
     */
    private record Layout(String newline, String indent, String between) {

        /** As the whitespace before the first member has it: a line break and an indent, or one line. */
        static Layout of(String json) {
            int first = json.indexOf('{') + 1;
            while (first < json.length() && Character.isWhitespace(json.charAt(first))) {
                first++;
            }
            int lineBreak = json.lastIndexOf('\n', first - 1);
            if (lineBreak < json.indexOf('{')) {
                return new Layout("", "", json.contains(", \"") || json.contains("\": ") ? " " : "");
            }
            String newline = LineEndings.of(json);
            String indent = json.substring(lineBreak + 1, first);
            return new Layout(newline, indent, newline + indent);
        }

        String member(SortedMap<PackageName, VersionRange> dependencies) {
            return quoted(ManifestFields.DEPENDENCIES) + ": " + object(dependencies);
        }

        /** The dependencies as an object one level deep: one per line, or all on one line as the file has them. */
        String object(SortedMap<PackageName, VersionRange> dependencies) {
            if (dependencies.isEmpty()) {
                return "{}";
            }
            List<String> members = new ArrayList<>();
            for (Map.Entry<PackageName, VersionRange> dependency : dependencies.entrySet()) {
                members.add(quoted(dependency.getKey().toString()) + ": " + quoted(dependency.getValue().text()));
            }
            if (newline.isEmpty()) {
                return "{" + String.join(", ", members) + "}";
            }
            String inner = newline + indent + indent;
            return "{" + inner + String.join("," + inner, members) + newline + indent + "}";
        }
    }
}
