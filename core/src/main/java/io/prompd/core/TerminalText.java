package io.prompd.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Text that others wrote (a registry's descriptions, README and messages, a pull request's paths)
 * as a terminal may show it: control characters spelt out as {@code cat -v} does ({@code ^[} for
 * ESC, {@code ^G} for BEL, {@code ^M} for CR, {@code M-^[} for C1's CSI), so that no such text can
 * move the cursor, overwrite a line, recolour the terminal, set its title or ring. Tab stays, being
 * only space. The bidi controls ({@link #isBidiControl}) are spelt out too, as {@code <U+202E>}: shown raw, one
 * would show the rest of its line, prompd's own words after it included, in another order than they are written;
 * and so are the line and paragraph separators ({@link #isLineSeparator}), line breaks to some readers of a log.
 * The readers of the fields shown this way refuse such characters in the first place
 * ({@link io.prompd.core.json.PlainText}); spelling them out covers what was published before, and paths.
 */
public final class TerminalText {

    /** How to fix a field holding one control character, for every reader that refuses one. */
    public static final String PLAIN_TEXT_HINT = plainTextHint(1);

    /** How many characters a message on them names, at most: a field of escapes needs no message as long. */
    private static final int NAMED = 4;

    private TerminalText() {
    }

    /** How to fix a field holding {@code count} control characters, with "it" or "them" as their number asks. */
    public static String plainTextHint(long count) {
        String them = Plural.itOrThem(count);
        return "remove " + them + " and write plain text: a terminal would act on " + them + " instead of showing "
                + them + " (a tab or a line break is fine; end a line with \\n alone, not \\r\\n)";
    }

    /** How to fix a name (a JSON object's key) holding {@code count} control characters, a line break included. */
    public static String plainNameHint(long count) {
        String them = Plural.itOrThem(count);
        return "rename it without " + (count == 1 ? "the character" : "the characters") + ": a terminal would act on "
                + them + " instead of showing " + them;
    }

    /**
     * The hint on bidi controls in text that a reviewer reads in a pull request's diff and {@code reader} (prompd, a
     * model) reads as stored.
     */
    public static String bidiHint(long count, String reader) {
        String them = Plural.itOrThem(count);
        return "remove " + them + ": a reviewer reading the diff would see the text around " + them
                + " in another order than " + reader + " reads it (text in a right-to-left script needs none of these;"
                + " the marks U+061C, U+200E and U+200F are fine)";
    }

    /** One line: a newline is spelt out too, so that the text cannot pass for lines of prompd's own. */
    public static String line(String text) {
        return visible(text, false);
    }

    /**
     * A message of one line quoting a file's text, kept to that line: the text's line breaks, Unicode's line and
     * paragraph separators too, spelt out as {@link #line} spells them, since a report cannot tell them from lines of
     * its own (a {@code hint:} one), and every other character left as it is, for a report to spell out as
     * {@link #message} does and JSON to carry exactly.
     */
    public static String oneLine(String message) {
        if (message.chars().noneMatch(c -> c == '\n' || isLineSeparator(c))) {
            return message;
        }
        StringBuilder joined = new StringBuilder(message.length() + 8);
        message.chars().forEach(c -> joined.append(c == '\n' ? caret('\n')
                : isLineSeparator(c) ? codePoint(c) : String.valueOf((char) c)));
        return joined.toString();
    }

    /**
     * A registry's reason (a yank's, a takedown's) as a sentence of prompd's quotes it: kept to one line, as
     * {@link #oneLine} keeps it, since a line break would pass for a line of prompd's own (a {@code hint:} one), and
     * without the full stop that ends it, as prompd's words go on after it ("yanked: use 1.1.0, so 1.0.0 is
     * installed", not "use 1.1.0., so"); an ellipsis stays, and every other character, for the terminal's output to
     * spell out and JSON to carry exactly.
     */
    public static String reason(String reason) {
        return oneLine(withoutFullStop(reason.strip()));
    }

    /**
     * A sentence as a clause of prompd's: without the full stop that ends it, which prompd's words would follow
     * ({@code use 1.1.0., so}); an ellipsis stays.
     */
    public static String withoutFullStop(String sentence) {
        boolean fullStop = sentence.endsWith(".") && !sentence.endsWith("..");
        return fullStop ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    /**
     * {@code yanked: reason}, or the bare label when the registry gave no reason: none, or nothing left of one as a
     * sentence quotes it ({@link #reason}), which a lone full stop is.
     */
    public static String labelled(String label, String reason) {
        return withLabel(label, reason(reason));
    }

    /**
     * {@code yanked: reason} where the reason ends what is shown (a cell of {@code prompd info}'s table), so nothing of
     * prompd's follows it: as {@link #labelled}, with the registry's full stop kept ({@code Old; use 1.2.0.}).
     */
    public static String labelledWhole(String label, String reason) {
        String stripped = reason.strip();
        return withLabel(label, stripped.equals(".") ? "" : oneLine(stripped));
    }

    private static String withLabel(String label, String said) {
        return said.isEmpty() ? label : label + ": " + said;
    }

    /**
     * What a user gave, in single quotes within a message of prompd's, kept to the message's line as {@link #oneLine}
     * keeps it: an argument's line break would otherwise start a line of its own, a {@code hint:} one.
     */
    public static String quoted(String given) {
        return "'" + oneLine(given) + "'";
    }

    /**
     * A path, as {@link #line} shows it, with its invisible characters spelt out too
     * ({@code notes<U+202E>dm.exe}): a name shown with them reads as another. Only paths and
     * {@link #message messages}, since free text has legitimate ones (the zero-width joiner inside an emoji, marks
     * in right-to-left text).
     */
    public static String path(String path) {
        return invisibleSpelt(line(path));
    }

    /**
     * A message or hint of prompd's own, which may quote a file's text (an enum value, a default, a name): its
     * lines as {@link #lines} keeps them, with control and invisible characters spelt out as {@link #path} does,
     * since what a message is about is the exact characters, and a bidi control quoted raw would show the rest of
     * its line in another order.
     */
    public static String message(String message) {
        return invisibleSpelt(lines(message));
    }

    private static String invisibleSpelt(String shown) {
        if (shown.codePoints().noneMatch(TerminalText::isSpeltInMessages)) {
            return shown;
        }
        StringBuilder spelt = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (isSpeltInMessages(c)) {
                spelt.append(codePoint(c));
            } else {
                spelt.appendCodePoint(c);
            }
        });
        return spelt.toString();
    }

    /** Whether a code point shows as nothing, or as a replacement character: a lone surrogate has no form to show. */
    private static boolean isSpeltInMessages(int codePoint) {
        return isInvisible(codePoint) || isLoneSurrogate(codePoint);
    }

    /**
     * Whether a character shows as nothing, or as another's space: Unicode's format characters (bidi
     * controls, zero-width ones, the BOM), line and paragraph separators, the variation selectors
     * ({@link #isVariationSelector}), and the fillers and joiner that fonts draw blank (U+034F, U+115F, U+1160,
     * U+3164, U+FFA0).
     */
    public static boolean isInvisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT || isLineSeparator(codePoint)
                || isVariationSelector(codePoint) || codePoint == 0x034F || codePoint == 0x115F || codePoint == 0x1160
                || codePoint == 0x3164 || codePoint == 0xFFA0;
    }

    /**
     * Whether a character is one of Unicode's variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF), which show as
     * nothing: one picks a form of the character before it (U+FE0F an emoji's, U+E0100 and on a CJK ideograph's
     * glyph), where any other shows no change at all.
     */
    public static boolean isVariationSelector(int codePoint) {
        return codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint >= 0xE0100 && codePoint <= 0xE01EF;
    }

    /**
     * Whether a character is Unicode's line or paragraph separator (U+2028, U+2029), which a terminal shows as nothing
     * and a log viewer in a browser, or JavaScript, takes for a line break: spelt out wherever a line break is, and in
     * text of several lines too, so that none passes for a line of prompd's own there.
     */
    public static boolean isLineSeparator(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Whether a character is one of Unicode's embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069):
     * invisible ones, as {@link #isInvisible} has them, that show the text around them in another order than it is
     * stored, as in Trojan Source (CVE-2021-42574). The marks U+061C, U+200E and U+200F, Bidi_Control too, are left
     * out, as rustc's lint leaves them: Arabic and Hebrew text needs them, and each only sets the direction of the
     * characters beside it rather than reordering a stretch.
     */
    public static boolean isBidiControl(int codePoint) {
        return codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2066 && codePoint <= 0x2069;
    }

    /**
     * Whether a code point of {@link String#codePoints} is a UTF-16 surrogate standing alone, as a JSON or YAML
     * escape such as {@code \uD800} gives one: a pair is read as the one character it encodes. Alone it is no
     * character: it has no UTF-8 form, and strict JSON readers refuse the file that holds it.
     */
    public static boolean isLoneSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    /** How to fix a field holding {@code count} lone surrogates, written as escapes: no editor shows one. */
    public static String loneSurrogateHint(long count) {
        String them = Plural.itOrThem(count);
        return "remove " + them + " or write the character meant as itself: an escape from \\uD800 to \\uDFFF is half"
                + " of a pair standing for one character beyond U+FFFF (\\uD83D\\uDE00 for U+1F600), and alone it is"
                + " none: it has no UTF-8 form, and strict JSON readers refuse a file holding it";
    }

    /** Several lines, such as a README or a whole report: newlines stay. */
    public static String lines(String text) {
        return visible(text, true);
    }

    /**
     * Whether a terminal would act on this character rather than show it: C0 and C1 controls and DEL, but tab, and
     * a line break when it is allowed (in text, not in a name, which is one line).
     */
    public static boolean isControl(int codePoint, boolean lineBreakAllowed) {
        return codePoint <= Character.MAX_VALUE && isControl((char) codePoint, lineBreakAllowed);
    }

    /**
     * {@code holds the <kind> U+001B (^[) at position 7}, or {@code holds the <kind>s U+001B (^[) at position 7 and
     * U+0007 (^G) at position 12}, of the characters of {@code text} that are {@code refused} ({@value #NAMED} at most,
     * then how many more), their positions counted in code points from 1, an emoji outside the BMP one and not two as
     * Java counts: empty when it holds none.
     */
    public static Optional<String> holds(String text, IntPredicate refused, String kind) {
        // nearly every text holds none: looked for first without the arrays the message is made from
        if (!holdsAny(text, refused)) {
            return Optional.empty();
        }
        int[] codePoints = text.codePoints().toArray();
        return holds(codePoints, IntStream.range(0, codePoints.length).filter(index -> refused.test(codePoints[index]))
                .toArray(), kind);
    }

    /**
     * {@link #holds(String, IntPredicate, String)} of the characters at {@code positions} (counted from 0, ascending)
     * of a text's {@code codePoints}.
     */
    private static Optional<String> holds(int[] codePoints, int[] positions, String kind) {
        if (positions.length == 0) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        for (int index : positions) {
            found.add(String.format(Locale.ROOT, "U+%04X%s at position %d", codePoints[index],
                    spelt(codePoints[index]), index + 1));
        }
        int shown = found.size() > NAMED ? NAMED - 1 : found.size();
        List<String> named = new ArrayList<>(found.subList(0, shown));
        if (shown < found.size()) {
            named.add((found.size() - shown) + " more");
        }
        int last = named.size() - 1;
        return Optional.of("holds the " + kind + (found.size() > 1 ? "s " : " ")
                + (last == 0 ? "" : String.join(", ", named.subList(0, last)) + " and ") + named.get(last));
    }

    /**
     * Whether any code point of {@code text}, as {@link String#codePoints} gives them, is {@code refused}: looked for
     * without the array of them, which nearly no text needs.
     */
    private static boolean holdsAny(String text, IntPredicate refused) {
        for (int index = 0; index < text.length(); ) {
            int codePoint = text.codePointAt(index);
            if (refused.test(codePoint)) {
                return true;
            }
            index += Character.charCount(codePoint);
        }
        return false;
    }

    /** How a character the terminal would act on is shown in a line, as {@code ^[}, after its code point. */
    private static String spelt(int codePoint) {
        return isControl(codePoint, false)
                ? " (" + caret((char) codePoint) + ")" : "";
    }

    private static String visible(String text, boolean keepNewlines) {
        StringBuilder shown = null;
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            boolean control = isControl(c, keepNewlines);
            boolean byCodePoint = isBidiControl(c) || isLineSeparator(c);
            if ((control || byCodePoint) && shown == null) {
                // text without control characters, nearly all of it, is returned as it is
                shown = new StringBuilder(text.length() + 8).append(text, 0, index);
            }
            if (control) {
                shown.append(caret(c));
            } else if (byCodePoint) {
                shown.append(codePoint(c));
            } else if (shown != null) {
                shown.append(c);
            }
        }
        return shown == null ? text : shown.toString();
    }

    /** How an invisible character is shown: {@code <U+202E>}. */
    private static String codePoint(int codePoint) {
        return String.format(Locale.ROOT, "<U+%04X>", codePoint);
    }

    private static boolean isControl(char c, boolean newlineAllowed) {
        return c < 0x20 ? c != '\t' && !(newlineAllowed && c == '\n') : c >= 0x7F && c <= 0x9F;
    }

    private static String caret(char control) {
        return control >= 0x80 ? "M-" + caret((char) (control - 0x80)) : "^" + (char) (control ^ 0x40);
    }
}
