package io.prompd.core.source;

import io.prompd.core.problem.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A package's text files are UTF-8, read strictly: a file saved in another encoding (Windows-1252
 * from an old editor, say) is refused where its first foreign byte is, never read with characters
 * silently replaced.
 */
public final class Utf8 {

    /** UTF-32's marks first: UTF-32LE's begins with UTF-16LE's. */
    private static final Map<String, byte[]> BYTE_ORDER_MARKS = orderedMarks();

    /**
     * U+FEFF at the start of a text, which some Windows editors write to mark UTF-8: a mark of the encoding, no
     * character of the text.
     */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    /** How to fix text that is not UTF-8. */
    public static final String HINT = "save it as UTF-8 (most editors offer an encoding when saving)";

    /** What bytes that {@link #unmarkedUtf16} reads look like, for a message about their first NUL byte. */
    public static final String LOOKS_UNMARKED_UTF16 = "it looks saved as UTF-16 without a byte order mark";

    /**
     * Of how many pairs of bytes one may be no Latin-1 character in UTF-16 for bytes without a byte order mark to look
     * like UTF-16 text: text in a Latin script has a few others (a dash, a quotation mark, a letter of another
     * script); compressed or random bytes, an image's or an archive's, have a NUL in about one byte of 256.
     */
    private static final int UNMARKED_UTF16_OTHER_PAIRS_PER = 10;

    private Utf8() {
    }

    private static Map<String, byte[]> orderedMarks() {
        Map<String, byte[]> marks = new LinkedHashMap<>();
        marks.put("UTF-32LE", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});
        marks.put("UTF-32BE", new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF});
        marks.put("UTF-16LE", new byte[] {(byte) 0xFF, (byte) 0xFE});
        marks.put("UTF-16BE", new byte[] {(byte) 0xFE, (byte) 0xFF});
        return Collections.unmodifiableMap(marks);
    }

    /**
     * Where the bytes first stop being UTF-8: a 1-based line, and the byte found there; problems give the line.
     *
     * @param encoding the encoding the file announces with its byte order mark, as Windows Notepad saves
     *                 UTF-16; empty when it has none
     */
    public record Fault(int line, int value, Optional<String> encoding) {

        public Fault {
            Objects.requireNonNull(encoding, "encoding");
        }

        public String message() {
            return encoding.map(name -> "the file is " + name + ", not UTF-8: it starts with the byte order mark of "
                    + name).orElseGet(() -> String.format(Locale.ROOT, "the file is not UTF-8: this line holds the byte"
                    + " 0x%02X, which UTF-8 does not allow there", value));
        }

        /** The problem of {@code file}, at the line, with how to fix it. */
        public Problem problem(String file) {
            return Problem.error(file, "", message(), HINT).atLine(line);
        }
    }

    /**
     * The first NUL byte of bytes, at its 1-based line: no text file holds one, while UTF-16 text saved without a byte
     * order mark holds one in nearly every other byte.
     *
     * @param looksUtf16 whether the bytes look like such UTF-16 text ({@link #unmarkedUtf16}), rather than a binary
     *                   file or text holding a stray NUL
     */
    public record Nul(int line, boolean looksUtf16) {

        /** What the file is, for a text file, or one taken for it, with its first NUL byte at the line. */
        public String message() {
            return looksUtf16 ? "the file holds a NUL byte: " + LOOKS_UNMARKED_UTF16
                    : "the file is binary: this line holds a NUL byte";
        }

        /** The problem of {@code file}, at the line, with how to fix it, for a text file saved as UTF-16. */
        public Problem problem(String file) {
            return Problem.error(file, "", message(), HINT).atLine(line);
        }
    }

    /** The first NUL byte of the bytes, whatever else they are; empty when they hold none. */
    public static Optional<Nul> firstNul(byte[] bytes) {
        for (int index = 0; index < bytes.length; index++) {
            if (bytes[index] == 0) {
                return Optional.of(new Nul(lineAt(bytes, index), unmarkedUtf16(bytes).isPresent()));
            }
        }
        return Optional.empty();
    }

    /**
     * The UTF-16 that bytes without a byte order mark look like, as .NET's {@code Encoding.Unicode} and
     * {@code iconv -t UTF-16LE} write it: in all but one pair of bytes of {@value #UNMARKED_UTF16_OTHER_PAIRS_PER}, the
     * same byte of the pair, the high one, NUL, and the other not, as in text of Latin letters, digits and signs. One
     * pass over the bytes, which leaves random ones after about a tenth of them.
     */
    public static Optional<Charset> unmarkedUtf16(byte[] bytes) {
        int pairs = bytes.length / 2;
        int allowed = pairs / UNMARKED_UTF16_OTHER_PAIRS_PER;
        int otherLittleEndian = 0;
        int otherBigEndian = 0;
        for (int pair = 0; pair < pairs && (otherLittleEndian <= allowed || otherBigEndian <= allowed); pair++) {
            byte first = bytes[2 * pair];
            byte second = bytes[2 * pair + 1];
            if (second != 0 || first == 0) {
                otherLittleEndian++;
            }
            if (first != 0 || second == 0) {
                otherBigEndian++;
            }
        }
        if (pairs == 0 || otherLittleEndian > allowed && otherBigEndian > allowed) {
            return Optional.empty();
        }
        return Optional.of(otherLittleEndian <= allowed ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
    }

    /** The text without the {@link #BYTE_ORDER_MARK} it may start with. */
    public static String withoutByteOrderMark(String text) {
        return text.startsWith(BYTE_ORDER_MARK) ? text.substring(BYTE_ORDER_MARK.length()) : text;
    }

    /** The text, when the bytes are UTF-8. */
    public static Optional<String> decode(byte[] bytes) {
        CharBuffer text = CharBuffer.allocate(bytes.length);
        return decodeInto(ByteBuffer.wrap(bytes), text) ? Optional.of(text.flip().toString()) : Optional.empty();
    }

    /**
     * The text, when the bytes are UTF-8 without NUL characters, as a file read as text must be; empty for a binary
     * file.
     */
    public static Optional<String> text(byte[] bytes) {
        return firstNul(bytes).isPresent() ? Optional.empty() : decode(bytes);
    }

    /** Where the bytes first stop being UTF-8; empty when they never do. */
    public static Optional<Fault> firstFault(byte[] bytes) {
        Optional<String> marked = encodingByMark(bytes);
        if (marked.isPresent()) {
            return Optional.of(new Fault(1, bytes[0] & 0xFF, marked));
        }
        ByteBuffer input = ByteBuffer.wrap(bytes);
        if (decodeInto(input, CharBuffer.allocate(bytes.length))) {
            return Optional.empty();
        }
        int at = Math.min(input.position(), bytes.length - 1);
        return Optional.of(new Fault(lineAt(bytes, at), bytes[at] & 0xFF, Optional.empty()));
    }

    /** The 1-based line of the text that the byte at {@code offset} is on, for a problem found at that byte. */
    public static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int index = 0; index < offset; index++) {
            if (bytes[index] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The UTF-16 or UTF-32 encoding whose byte order mark the bytes start with: such text holds NUL
     * bytes, yet it is text in the wrong encoding, not a binary file.
     */
    public static Optional<String> encodingByMark(byte[] bytes) {
        for (Map.Entry<String, byte[]> mark : BYTE_ORDER_MARKS.entrySet()) {
            if (bytes.length >= mark.getValue().length
                    && Arrays.equals(bytes, 0, mark.getValue().length, mark.getValue(), 0, mark.getValue().length)) {
                return Optional.of(mark.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * Decodes as far as the bytes are UTF-8, leaving the input at the first byte that is not; UTF-8 never needs more
     * chars than bytes.
     */
    private static boolean decodeInto(ByteBuffer input, CharBuffer output) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(input, output, true);
        return !result.isError() && !decoder.flush(output).isError();
    }
}
