package io.prompd.core.source;

import io.prompd.core.problem.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A package's text files are UTF-8, read strictly: a file saved in another encoding (Windows-1252
 * from an old editor, say) is refused where its first foreign byte is, never read with characters
 * silently replaced.
 */
public final class Utf8 {

    private static final String HINT = "save it as UTF-8 (most editors offer an encoding when saving)";

    private Utf8() {
    }

    /** Where the bytes first stop being UTF-8: a 1-based line, and the byte found there; problems give the line. */
    public record Fault(int line, int value) {

        public String message() {
            return String.format(Locale.ROOT, "the file is not UTF-8: this line holds the byte 0x%02X, which UTF-8"
                    + " does not allow there", value);
        }

        /** The problem of {@code file}, at the line, with how to fix it. */
        public Problem problem(String file) {
            return Problem.error(file, "", message(), HINT).atLine(line);
        }
    }

    /** The text, when the bytes are UTF-8. */
    public static Optional<String> decode(byte[] bytes) {
        CharBuffer text = CharBuffer.allocate(bytes.length);
        return decodeInto(ByteBuffer.wrap(bytes), text) ? Optional.of(text.flip().toString()) : Optional.empty();
    }

    /** Where the bytes first stop being UTF-8; empty when they never do. */
    public static Optional<Fault> firstFault(byte[] bytes) {
        ByteBuffer input = ByteBuffer.wrap(bytes);
        if (decodeInto(input, CharBuffer.allocate(bytes.length))) {
            return Optional.empty();
        }
        int at = Math.min(input.position(), bytes.length - 1);
        int line = 1;
        for (int index = 0; index < at; index++) {
            if (bytes[index] == '\n') {
                line++;
            }
        }
        return Optional.of(new Fault(line, bytes[at] & 0xFF));
    }

    /** Decodes as far as the bytes are UTF-8, leaving the input at the first byte that is not; UTF-8 never needs more chars than bytes. */
    private static boolean decodeInto(ByteBuffer input, CharBuffer output) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(input, output, true);
        return !result.isError() && !decoder.flush(output).isError();
    }
}
