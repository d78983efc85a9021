package io.prompd.core.json;

import java.nio.charset.StandardCharsets;

/**
 * The line ending of a file prompd rewrites, kept as its author has it, as npm keeps that of package.json and
 * package-lock.json: without a {@code .gitattributes}, a Windows teammate's CRLF file rewritten with LF changes in
 * every line.
 */
public final class LineEndings {

    private static final String LF = "\n";
    private static final String CRLF = "\r\n";

    private LineEndings() {
    }

    /** CRLF when the text has one, else LF. */
    public static String of(String text) {
        return text.contains(CRLF) ? CRLF : LF;
    }

    /** As {@link #of(String)}, for a file's UTF-8 bytes. */
    public static String of(byte[] utf8) {
        return of(new String(utf8, StandardCharsets.UTF_8));
    }

    /** UTF-8 text written with LF line endings (as {@link Json#write} writes), with {@code newline} instead. */
    public static byte[] applied(byte[] lfText, String newline) {
        if (newline.equals(LF)) {
            return lfText;
        }
        return new String(lfText, StandardCharsets.UTF_8).replace(LF, newline).getBytes(StandardCharsets.UTF_8);
    }
}
