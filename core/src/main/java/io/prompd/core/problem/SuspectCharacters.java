package io.prompd.core.problem;

import io.prompd.core.Plural;
import io.prompd.core.TerminalText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * The characters that text people write and others read, a model or a terminal included, may not hold, or only with
 * a warning, each kind with why, and the one scanner that finds them line by line: the registry's review is a reading
 * of a pull request's diff, which would show text holding them otherwise than prompd, a model or a terminal takes it.
 * A text file a package packs ({@link #IN_TEXT_FILES}) and a prompt's front matter as written
 * ({@link #FRONT_MATTER_UNREAD}, {@link #FRONT_MATTER_LEFT_OUT}) are held to them here; the strings and names of a JSON
 * or YAML tree ({@link #IN_STRINGS}, {@link #IN_NAMES}, {@link #LONE_SURROGATE}) by
 * {@link io.prompd.core.json.PlainText}, which walks the tree.
 */
public final class SuspectCharacters {

    /**
     * C0 and C1 controls and DEL, but tab and line feed ({@link TerminalText#isControl}): a terminal showing the text
     * would act on one (ESC starts a sequence that can hide text, clear the screen or set the window's title).
     */
    public static final Rule CONTROL = new Rule("control character", c -> TerminalText.isControl(c, true),
            Severity.ERROR, TerminalText::plainTextHint);

    /**
     * {@link #CONTROL} in a text file, where a line may end in CR LF, and a form feed, a page break that a terminal
     * shows as a line break, is fine: GNU license texts hold some.
     */
    public static final Rule CONTROL_IN_FILES = new Rule("control character",
            c -> c != '\f' && TerminalText.isControl(c, true), Severity.ERROR, count -> {
                String them = Plural.itOrThem(count);
                return "remove " + them + ": a terminal showing the file (cat, git diff, a pager) would act on " + them
                        + " instead of showing " + them + ", and could hide from a reviewer text that prompd or a model"
                        + " reads (a tab, a line break or a page break is fine)";
            });

    /** {@link #CONTROL} in a name, a JSON or YAML object's key or a parameter's: a name is one line, no line break. */
    public static final Rule CONTROL_IN_NAMES = new Rule("control character", c -> TerminalText.isControl(c, false),
            Severity.ERROR, TerminalText::plainNameHint);

    /**
     * Unicode's line and paragraph separators (U+2028, U+2029, {@link TerminalText#isLineSeparator}) in a front matter
     * as written: the YAML reader breaks a line at one, as at NEL, so that what follows it on the line that the diff
     * and the editor show is read as a line of its own, a key of its own too, and every later line is numbered one
     * more than it is. In a JSON string or as a YAML escape one is only a character, which prompd spells out where it
     * shows one.
     */
    public static final Rule YAML_LINE_BREAK = new Rule("line or paragraph separator", TerminalText::isLineSeparator,
            Severity.ERROR, count -> {
                String them = Plural.itOrThem(count);
                return "write a line break or a space in place of " + them + ": YAML reads " + them + " as a line"
                        + " break, so what follows on the line is read as a line of its own (a key of its own too),"
                        + " where a diff and an editor show one line";
            });

    /**
     * {@link #YAML_LINE_BREAK} in a text file, which no YAML reader reads: a browser and some editors break the line
     * at one, git diff and a terminal do not, so the lines a reviewer reads are not those another viewer shows, as of
     * a CR alone, which {@link #CONTROL_IN_FILES} refuses, and text can sit on what one of them shows as a line apart.
     */
    public static final Rule LINE_SEPARATOR_IN_FILES = new Rule(YAML_LINE_BREAK.kind(), YAML_LINE_BREAK.character(),
            Severity.ERROR, count -> {
                String them = Plural.itOrThem(count);
                return "write a line break or a space in place of " + them + ": a browser and some editors show "
                        + them + " as a line break, git diff and a terminal do not, so a reviewer and a reader of"
                        + " the file may not see the same lines";
            });

    /** The bidi controls ({@link TerminalText#isBidiControl}) of text that prompd reads, a front matter's. */
    public static final Rule BIDI_CONTROL = bidiControl("prompd");

    /** The bidi controls of a text file, which a model reads. */
    public static final Rule BIDI_CONTROL_IN_FILES = bidiControl("a model");

    /**
     * Unicode's tag characters (U+E0000–U+E007F), which show as nothing while a model reads the ASCII each stands for
     * (U+E0065 for "e"): text no reviewer sees, "ASCII smuggling". Only an emoji tag sequence holds them rightly, the
     * flag of one of the parts of a country Unicode recommends ({@link #FLAG_CODES}): U+1F3F4 (WAVING BLACK FLAG), the
     * part's code in tags, then U+E007F (CANCEL TAG); those are left.
     */
    public static final Rule TAG = new Rule("tag character", SuspectCharacters::isTag, SuspectCharacters::flagsHidden,
            Severity.ERROR, count -> {
                String them = Plural.itOrThem(count);
                return "remove " + them + ": tag characters show as nothing, yet a model reads the text spelt by "
                        + them + ", which no reviewer sees (only a flag's emoji sequence, U+1F3F4 and tags ending in"
                        + " U+E007F as England's, holds them)";
            });

    /**
     * Unicode's variation selectors ({@link TerminalText#isVariationSelector}) but one right after a character it can
     * vary: each shows as nothing, and one of the 256 after a character stands for a byte, so that a run of them after
     * an emoji spells text a model can read and no reviewer sees ("emoji smuggling"), as tag characters do, and so
     * does one after each letter of a paragraph. A selector of U+FE00–U+FE0F varies only the bases Unicode names a
     * sequence of ({@link VariationSequences#varies}: U+FE0E or U+FE0F after an emoji or a keycap's digit, U+FE00
     * after U+2269 or a CJK ideograph with a compatibility form); one from U+E0100 on varies any CJK ideograph (an
     * ideographic variation sequence, which {@link #IDEOGRAPHIC_VARIATION} counts); a second selector after it varies
     * nothing, nor does one at the line's start.
     */
    public static final Rule VARIATION_SELECTOR = new Rule("variation selector", TerminalText::isVariationSelector,
            SuspectCharacters::lawfulSelectorsLeft, Severity.ERROR, count -> {
                String them = Plural.itOrThem(count);
                return "remove " + them + ": a variation selector shows as nothing, and one after a character it"
                        + " does not vary, as a run of them after an emoji, can spell text a model reads and no"
                        + " reviewer sees (U+FE0E or U+FE0F after an emoji, a sequence Unicode standardizes, as U+FE00"
                        + " after U+2269, or one selector from U+E0100 on after a CJK ideograph is fine)";
            });

    /**
     * How many ideographic variation selectors a text may hold without a warning: Japanese text picks a name's form
     * of an ideograph with one now and then, never one an ideograph.
     */
    private static final int IDEOGRAPHIC_SELECTORS_ALLOWED = 8;

    /**
     * Ideographic variation selectors (U+E0100–U+E01EF) each after a CJK ideograph, which {@link #VARIATION_SELECTOR}
     * lets pass, in a text holding more than {@value #IDEOGRAPHIC_SELECTORS_ALLOWED}: one after each ideograph of
     * ordinary Chinese text carries a byte (240 values), so that a paragraph of 54 ideographs spells a sentence a model
     * reads and no reviewer sees. Which selectors an ideograph rightly takes is registered in the Ideographic
     * Variation Database, tens of thousands of sequences in collections that grow, too many to ship for so rare a
     * use; a count is cheap and lets a name's form pass, and a warning, not an error, since a dictionary rightly
     * holds many.
     */
    public static final Rule IDEOGRAPHIC_VARIATION = new Rule("ideographic variation selector",
            SuspectCharacters::isIdeographicSelector, SuspectCharacters::otherSelectorsLeft, Severity.WARNING,
            count -> "remove them unless they are meant: " + count + " ideographic variation selectors each pick"
                    + " a form of the ideograph before them and show as nothing, and text names a form now and then,"
                    + " while one after each ideograph can spell a byte a model reads and no reviewer sees",
            IDEOGRAPHIC_SELECTORS_ALLOWED);

    /**
     * The invisible characters ({@link TerminalText#isInvisible}, the one definition a name's rule refuses too) that no
     * rule of their own names: Unicode's format characters, such as ZERO WIDTH SPACE (U+200B), the SOFT HYPHEN
     * (U+00AD), WORD JOINER (U+2060), the invisible operators (U+2061–U+2064), the MONGOLIAN VOWEL SEPARATOR (U+180E),
     * the deprecated format characters (U+206A–U+206F) and the byte order mark (U+FEFF) past a file's start, and the
     * Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the COMBINING GRAPHEME JOINER (U+034F), which fonts draw
     * blank. A reviewer cannot tell a word holding one from the word it looks like, nor see where one splits a word a
     * model reads, but each has rare uses rightly (a break opportunity, a hyphenation point, a filler of old Hangul),
     * so holding one is a warning, not an error as a tag character is: one spells no text alone. Left out are those
     * text needs, the joiners U+200C and U+200D (Persian, the Indic scripts and emoji sequences) and the bidi marks
     * U+061C, U+200E and U+200F (right-to-left text), and those a rule of their own names: the bidi controls, the tag
     * characters, the variation selectors and the line and paragraph separators, which end a line to some readers
     * rather than show as nothing.
     */
    public static final Rule INVISIBLE = new Rule("invisible Unicode character", SuspectCharacters::isInvisibleInText,
            Severity.WARNING, count -> {
                String them = Plural.itOrThem(count);
                boolean one = count == 1;
                return "remove " + them + " unless " + (one ? "it is meant: it shows" : "they are meant: they show")
                        + " as nothing or as a blank, so a reviewer cannot tell a word holding " + them + " from the"
                        + " word it looks like (the joiners U+200C and U+200D, which scripts and emoji need, and the"
                        + " marks U+061C, U+200E and U+200F, which right-to-left text needs, are fine)";
            });

    /**
     * Every invisible character ({@link TerminalText#isInvisible}) in a name, as in a file's name: free text has
     * legitimate ones (the zero-width joiner inside an emoji), a name none, and one makes it read as another.
     */
    public static final Rule INVISIBLE_IN_NAMES = new Rule("invisible Unicode character", TerminalText::isInvisible,
            Severity.ERROR, count -> "rename it without " + (count == 1 ? "the character: it makes"
                    : "the characters: they make") + " the name read as another");

    /**
     * A UTF-16 surrogate alone ({@link TerminalText#isLoneSurrogate}), which an escape ({@code \uD800}) can write in a
     * JSON or YAML string or name but no UTF-8 text can hold.
     */
    public static final Rule LONE_SURROGATE = new Rule("lone UTF-16 surrogate", TerminalText::isLoneSurrogate,
            Severity.ERROR, TerminalText::loneSurrogateHint);

    /**
     * What a text file may not hold, from its first line that no reader of its own checks, its byte order mark aside:
     * the only one that a file rightly holds, which nobody sees either.
     */
    public static final List<Rule> IN_TEXT_FILES = List.of(CONTROL_IN_FILES, LINE_SEPARATOR_IN_FILES,
            BIDI_CONTROL_IN_FILES, TAG, VARIATION_SELECTOR, IDEOGRAPHIC_VARIATION, INVISIBLE);

    /**
     * What no string of a JSON or YAML tree a package or registry file holds may hold ({@link
     * io.prompd.core.json.PlainText}): text shown by a terminal (prompd info, the check's report) and read by prompd.
     * Free text keeps the invisible characters that are a warning in a file ({@link #WARNED_IN_STRINGS}), since a name
     * refuses every invisible one.
     */
    public static final List<Rule> IN_STRINGS = List.of(CONTROL, BIDI_CONTROL, TAG, VARIATION_SELECTOR);

    /**
     * What a string of a package's JSON or YAML tree, its manifest's or a prompt's front matter's, is warned of holding
     * ({@link io.prompd.core.json.PlainText#warnings}), as a text file is: named at its field rather than its line,
     * and read as written, since left out, one in a key would make another key of it. A name refuses them instead.
     */
    public static final List<Rule> WARNED_IN_STRINGS = List.of(IDEOGRAPHIC_VARIATION, INVISIBLE);

    /**
     * What no name of a member of a JSON or YAML tree may hold, nor a name written as a string, a parameter's: a
     * name is one line, and holds no invisible character at all.
     */
    public static final List<Rule> IN_NAMES = List.of(CONTROL_IN_NAMES, INVISIBLE_IN_NAMES);

    /**
     * What a front matter may not hold as written, rather than as a YAML escape, for its YAML to be read at all: the
     * YAML reader would refuse a control character in words of its own, naming neither the character nor its place,
     * and read the lines a separator makes otherwise than they show.
     */
    public static final List<Rule> FRONT_MATTER_UNREAD = List.of(CONTROL, YAML_LINE_BREAK);

    /**
     * What a front matter may not hold as written either, named at its line and then left out of what is read, so that
     * no field's rule names it again at the field's line, a block scalar's lines below it.
     */
    public static final List<Rule> FRONT_MATTER_LEFT_OUT = List.of(BIDI_CONTROL, TAG, VARIATION_SELECTOR);

    /**
     * Stands, in the text a rule reads, for a character it leaves where it is ({@link #flagsHidden},
     * {@link #lawfulSelectorsLeft}).
     */
    private static final int LEFT = 0xFFFC;

    private static final int WAVING_BLACK_FLAG = 0x1F3F4;
    private static final int CANCEL_TAG = 0xE007F;

    private SuspectCharacters() {
    }

    /** The characters {@link #INVISIBLE} names. */
    private static boolean isInvisibleInText(int codePoint) {
        return TerminalText.isInvisible(codePoint) && codePoint != 0x200C && codePoint != 0x200D
                && codePoint != 0x061C && codePoint != 0x200E && codePoint != 0x200F
                && !TerminalText.isBidiControl(codePoint) && !isTag(codePoint)
                && !TerminalText.isLineSeparator(codePoint) && !TerminalText.isVariationSelector(codePoint);
    }

    private static boolean isTag(int codePoint) {
        return codePoint >= 0xE0000 && codePoint <= CANCEL_TAG;
    }

    /**
     * The codes of the flags Unicode recommends as emoji, spelt in tag characters between a black flag and a cancel
     * tag: England's, Scotland's and Wales's. Any other code, however short, spells text a model reads and no reviewer
     * sees ("ignore" is six letters), and no emoji keyboard writes one.
     */
    private static final Set<String> FLAG_CODES = Set.of("gbeng", "gbsct", "gbwls");

    /** The tag characters a flag's code is written in: the tag forms of a-z and 0-9, as CLDR's codes are. */
    private static boolean isFlagTag(int codePoint) {
        return codePoint >= 0xE0061 && codePoint <= 0xE007A || codePoint >= 0xE0030 && codePoint <= 0xE0039;
    }

    /**
     * {@code text} with the tag characters of its flags' emoji sequences ({@link #TAG}) each replaced by
     * {@link #LEFT}, in one pass, so that every other stays at its position.
     */
    private static String flagsHidden(String text) {
        int[] codePoints = text.codePoints().toArray();
        for (int index = 0; index < codePoints.length; index++) {
            if (codePoints[index] == WAVING_BLACK_FLAG) {
                int end = index + 1;
                while (end < codePoints.length && isFlagTag(codePoints[end])) {
                    end++;
                }
                if (end < codePoints.length && codePoints[end] == CANCEL_TAG
                        && FLAG_CODES.contains(code(codePoints, index + 1, end))) {
                    Arrays.fill(codePoints, index + 1, end + 1, LEFT);
                    index = end;
                }
            }
        }
        return new String(codePoints, 0, codePoints.length);
    }

    /** The letters and digits the tag characters from {@code from} to {@code to} (exclusive) stand for. */
    private static String code(int[] codePoints, int from, int to) {
        StringBuilder code = new StringBuilder(to - from);
        for (int index = from; index < to; index++) {
            code.appendCodePoint(codePoints[index] - 0xE0000);
        }
        return code.toString();
    }

    /**
     * {@code text} with each variation selector that varies the character before it ({@link #VARIATION_SELECTOR})
     * replaced by {@link #LEFT}, so that every other stays at its position.
     */
    private static String lawfulSelectorsLeft(String text) {
        return selectorsLeft(text, true);
    }

    /** {@code text} with each variation selector that {@link #VARIATION_SELECTOR} names replaced by {@link #LEFT}. */
    private static String otherSelectorsLeft(String text) {
        return selectorsLeft(text, false);
    }

    private static String selectorsLeft(String text, boolean lawful) {
        int[] written = text.codePoints().toArray();
        int[] read = written.clone();
        for (int index = 0; index < written.length; index++) {
            if (TerminalText.isVariationSelector(written[index]) && lawful(written, index) == lawful) {
                read[index] = LEFT;
            }
        }
        return new String(read, 0, read.length);
    }

    /** Whether the selector at {@code index} varies the character before it, and no selector follows it. */
    private static boolean lawful(int[] written, int index) {
        return index > 0 && varies(written[index], written[index - 1])
                && (index + 1 == written.length || !TerminalText.isVariationSelector(written[index + 1]));
    }

    /** Whether {@code selector} can vary {@code base}, as {@link #VARIATION_SELECTOR} has it. */
    private static boolean varies(int selector, int base) {
        return isIdeographicSelector(selector) ? Character.isIdeographic(base)
                : VariationSequences.varies(selector, base);
    }

    private static boolean isIdeographicSelector(int codePoint) {
        return codePoint >= 0xE0100 && codePoint <= 0xE01EF;
    }

    private static Rule bidiControl(String reader) {
        return new Rule("bidi control", TerminalText::isBidiControl, Severity.ERROR,
                count -> TerminalText.bidiHint(count, reader));
    }

    /**
     * One kind of character: what a message calls it, which code points are one, whether holding one is an error or a
     * warning, and how to fix a text holding that many.
     *
     * @param read    the text as the rule reads it: the characters of the kind that their neighbours make right (a
     *                flag's tag characters) each replaced by another, so that every other keeps its position
     * @param allowed how many of them a text, a string or a whole file, may hold without a problem: none but for a
     *                kind rightly used now and then that hides text only in numbers
     */
    public record Rule(String kind, IntPredicate character, UnaryOperator<String> read, Severity severity,
                       LongFunction<String> hint, int allowed) {

        public Rule {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(character, "character");
            Objects.requireNonNull(read, "read");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(hint, "hint");
            if (allowed < 0) {
                throw new IllegalArgumentException("allowed is a count: " + allowed);
            }
            for (char printable = ' '; printable <= '~'; printable++) {
                if (character.test(printable)) {
                    throw new IllegalArgumentException(kind + ": printable ASCII is never suspect, '" + printable
                            + "' is (noneIn passes over it)");
                }
            }
        }

        /** A rule that no character of the kind passes, but those their neighbours make right. */
        public Rule(String kind, IntPredicate character, UnaryOperator<String> read, Severity severity,
                    LongFunction<String> hint) {
            this(kind, character, read, severity, hint, 0);
        }

        /** A rule of the code points alone, whatever their neighbours. */
        public Rule(String kind, IntPredicate character, Severity severity, LongFunction<String> hint) {
            this(kind, character, UnaryOperator.identity(), severity, hint);
        }

        /** The characters of this kind in {@code text}, when more than {@link #allowed}: empty nearly always. */
        public Optional<Found> in(String text) {
            return found(text).filter(found -> found.count() > allowed);
        }

        /** The characters of this kind in {@code text}, however few. */
        private Optional<Found> found(String text) {
            if (noneIn(text)) {
                return Optional.empty();
            }
            String seen = read.apply(text);
            return TerminalText.holds(seen, character, kind)
                    .map(holds -> new Found(holds, seen.codePoints().filter(character).count()));
        }

        /**
         * Whether {@code text} holds none of its code points, before their neighbours are looked at: a quick look,
         * which nearly every text passes.
         */
        public boolean noneIn(String text) {
            for (int index = 0; index < text.length(); ) {
                char unit = text.charAt(index);
                // most of any text, and none of a rule's characters: passed over without asking the rule
                if (unit >= ' ' && unit <= '~') {
                    index++;
                    continue;
                }
                int codePoint = text.codePointAt(index);
                if (character.test(codePoint)) {
                    return false;
                }
                index += Character.charCount(codePoint);
            }
            return true;
        }

        /** {@code text} without its characters that {@link #in} names. */
        public String without(String text) {
            if (in(text).isEmpty()) {
                return text;
            }
            int[] written = text.codePoints().toArray();
            int[] seen = read.apply(text).codePoints().toArray();
            StringBuilder kept = new StringBuilder(text.length());
            for (int index = 0; index < written.length; index++) {
                if (!character.test(seen[index])) {
                    kept.appendCodePoint(written[index]);
                }
            }
            return kept.toString();
        }

        private Problem problem(String file, String message, long count, int line) {
            Problem problem = severity == Severity.ERROR ? Problem.error(file, "", message, hint.apply(count))
                    : Problem.warning(file, "", message, hint.apply(count));
            return problem.atLine(line);
        }
    }

    /**
     * Characters of one kind that a text holds.
     *
     * @param holds {@code holds the control character U+001B (^[) at position 7}, as {@link TerminalText#holds} says
     * @param count how many
     */
    public record Found(String holds, long count) {

        public Found {
            Objects.requireNonNull(holds, "holds");
            if (count < 1) {
                throw new IllegalArgumentException("found at least one: " + count);
            }
        }
    }

    /**
     * The text's lines as Git, a diff and an editor count them, ended by LF or CR LF: a CR alone is no line break
     * there but a control character of its line, which moves a terminal back to the line's start so that text after
     * it hides text before it; String.lines(), which ends a line at a CR too, would hide it from these rules, and
     * number every later line otherwise than a diff does. A CR ending the text is none either, with no LF after it;
     * and a text ending in a line break has no empty line after it, as Git counts none.
     */
    public static List<String> lines(String text) {
        String[] split = text.split("\n", -1);
        int ended = split.length - 1;
        List<String> lines = new ArrayList<>(split.length);
        for (int index = 0; index < split.length; index++) {
            String line = split[index];
            if (index < ended) {
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            } else if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return List.copyOf(lines);
    }

    /**
     * A problem of each line holding characters of each rule, more of them than it {@linkplain Rule#allowed allows}
     * in a text, at the line and the characters' positions there, as a front matter's reader tells them.
     *
     * @param first the number of the first of {@code lines} in the file
     */
    public static List<Problem> eachLine(String file, List<String> lines, int first, List<Rule> rules) {
        List<Problem> problems = new ArrayList<>();
        for (Rule rule : rules) {
            held(lines, first, rule).stream().filter(line -> line.found().count() > rule.allowed())
                    .forEach(line -> problems.add(rule.problem(file, "the line " + line.found().holds(),
                            line.found().count(), line.number())));
        }
        return problems;
    }

    /**
     * A problem of each rule whose characters the lines hold, more of them than it {@linkplain Rule#allowed allows}
     * in the file, at the first line holding some, saying how many more do, with the hint for all of them: a file may
     * hold hundreds, and a problem a line would bury the report.
     *
     * @param first the number of the first of {@code lines} in the file
     */
    public static List<Problem> atFirstLine(String file, List<String> lines, int first, List<Rule> rules) {
        List<Problem> problems = new ArrayList<>();
        for (Rule rule : rules) {
            List<Held> held = held(lines, first, rule);
            long count = held.stream().mapToLong(line -> line.found().count()).sum();
            if (count > rule.allowed()) {
                int more = held.size() - 1;
                String others = more == 0 ? "" : more == 1 ? " (and 1 more line holds some)"
                        : " (and " + more + " more lines hold some)";
                problems.add(rule.problem(file, "the line " + held.get(0).found().holds() + others, count,
                        held.get(0).number()));
            }
        }
        return problems;
    }

    /** The lines holding characters of {@code rule}, however few, numbered from {@code first}. */
    private static List<Held> held(List<String> lines, int first, Rule rule) {
        List<Held> held = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            int number = first + index;
            rule.found(lines.get(index)).ifPresent(found -> held.add(new Held(number, found)));
        }
        return held;
    }

    private record Held(int number, Found found) {
    }
}
