package io.prompd.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.SuspectCharacters;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The rule that the text of a file people write and others are shown ({@code prompd.json}, a prompt's front
 * matter) holds no control character: not in a string, nor in the name of a member, to any depth, known field
 * or not. A terminal showing the text ({@code prompd info}, the check's comment, the registry's search once it has
 * one) would act on one.
 * Nor does it hold a bidi control, which shows the text around it in another order than it is stored, so that a
 * reviewer reading the pull request's diff reads other text than prompd does, nor a tag character but in a flag's
 * emoji sequence, which shows as nothing ({@link SuspectCharacters#IN_STRINGS}); a name holds no invisible character
 * at all, as a file name does not ({@link SuspectCharacters#IN_NAMES}). Free text keeps the other invisible ones,
 * such as the zero-width joiner inside an emoji. Nor does a string or a name hold a UTF-16 surrogate alone, which an
 * escape ({@code \uD800}) can write but no UTF-8 text can hold: the registry's JSON would carry it to readers that
 * refuse it. One rule for a JSON and a YAML tree alike, so that every reader
 * refuses the same characters with the same words.
 */
public final class PlainText {

    /** Where the text breaking the rule is (a JSON pointer), what breaks it and how to fix it. */
    @FunctionalInterface
    public interface Refusal {
        void refuse(String pointer, String message, String hint);
    }

    private static final Rules PLAIN = new Rules(PlainText::value, PlainText::name);

    /** The strings' characters a string is warned of holding; a name refuses them ({@link #PLAIN}). */
    private static final Rules WARNED = new Rules((text, at, warning) -> keeps(text,
            SuspectCharacters.WARNED_IN_STRINGS, at, PlainText::valueSubject, warning), (name, at, warning) -> true);

    private static final Rules WHOLE_CHARACTERS = new Rules(
            (text, at, refusal) -> wholeCharacters(text, at, PlainText::valueSubject, refusal),
            (name, at, refusal) -> wholeCharacters(name, at, PlainText::nameSubject, refusal));

    private PlainText() {
    }

    /** Whether the string at {@code at} is plain, refusing it if not. */
    public static boolean value(String text, String at, Refusal refusal) {
        return plain(text, SuspectCharacters.IN_STRINGS, at, PlainText::valueSubject, refusal);
    }

    /** Whether the name of the member at {@code at} is plain, refusing it if not: a name is one line. */
    public static boolean name(String name, String at, Refusal refusal) {
        return plain(name, SuspectCharacters.IN_NAMES, at, PlainText::nameSubject, refusal);
    }

    /** Whether {@code text} keeps {@code rules} and holds whole characters, refusing it for each it breaks. */
    private static boolean plain(String text, List<SuspectCharacters.Rule> rules, String at,
                                 UnaryOperator<String> subject, Refusal refusal) {
        return keeps(text, rules, at, subject, refusal) & wholeCharacters(text, at, subject, refusal);
    }

    /** Whether {@code text} keeps {@code rules}, refusing it for each it breaks. */
    private static boolean keeps(String text, List<SuspectCharacters.Rule> rules, String at,
                                 UnaryOperator<String> subject, Refusal refusal) {
        boolean plain = true;
        for (SuspectCharacters.Rule rule : rules) {
            // not &&: a text holding characters of several kinds gets every refusal at once
            plain &= plain(text, rule, at, subject, refusal);
        }
        return plain;
    }

    /** How a refusal of the text at {@code at} names it: {@code 'description' }. */
    private static String valueSubject(String at) {
        return "'" + Pointer.field(at) + "' ";
    }

    /** How a refusal of the name of the member at {@code at} names it: {@code the name of 'description' }. */
    private static String nameSubject(String at) {
        return "the name of '" + Pointer.field(at) + "' ";
    }

    private static boolean wholeCharacters(String text, String at, UnaryOperator<String> subject, Refusal refusal) {
        return plain(text, SuspectCharacters.LONE_SURROGATE, at, subject, refusal);
    }

    /**
     * Whether a name written as a string (a parameter's {@code name}) holds no invisible character, as a member's
     * name may not, refusing it if it does; its control and bidi characters are refused as those of any string.
     */
    public static boolean nameValue(String name, String at, Refusal refusal) {
        return plain(name, SuspectCharacters.INVISIBLE_IN_NAMES, at, PlainText::valueSubject, refusal);
    }

    /**
     * Whether {@code text} holds none of the characters of {@code rule}, refusing it if it does, with the hint
     * for their number. The subject, {@code at} as the message names it, is made only for a refusal: every string and
     * name of every manifest and front matter a registry build reads passes here, and nearly all are plain.
     */
    private static boolean plain(String text, SuspectCharacters.Rule rule, String at, UnaryOperator<String> subject,
                                 Refusal refusal) {
        Optional<SuspectCharacters.Found> wrong = rule.in(text);
        wrong.ifPresent(found -> refusal.refuse(at, subject.apply(at) + found.holds(),
                rule.hint().apply(found.count())));
        return wrong.isEmpty();
    }

    /** Whether every string and member name in {@code node}, to any depth, is plain, refusing each that is not. */
    public static boolean tree(JsonNode node, String at, Refusal refusal) {
        return walk(node, at, List.of(), PLAIN, refusal);
    }

    /**
     * Tells {@code warning} of every string in {@code node}, to any depth, holding characters it may hold with a
     * warning ({@link SuspectCharacters#WARNED_IN_STRINGS}), as a package's text file may, but of none that an error of
     * {@code found} names already, as one refusing a parameter's name, which is a name: a member's name refuses them
     * ({@link #tree}).
     */
    public static void warnings(JsonNode node, String at, Collection<Problem> found, Refusal warning) {
        Set<String> refused = found.stream().filter(Problem::isError).map(Problem::pointer).collect(Collectors.toSet());
        walk(node, at, List.of(), WARNED, (pointer, message, hint) -> {
            if (!refused.contains(pointer)) {
                warning.refuse(pointer, message, hint);
            }
        });
    }

    /** {@link #tree} of the names and values of an object's members but those named {@code skipped}. */
    public static boolean members(JsonNode object, String at, Collection<String> skipped, Refusal refusal) {
        return walk(object, at, skipped, PLAIN, refusal);
    }

    /**
     * Whether no string or member name in {@code node}, to any depth, holds a lone surrogate, refusing each that does:
     * the rule for a file whose text is not shown as a package's is, but written back or sent on (a configuration, a
     * lock file), where the surrogate would become a {@code ?} or an escape no strict reader takes.
     */
    public static boolean wholeCharacters(JsonNode node, String at, Refusal refusal) {
        return walk(node, at, List.of(), WHOLE_CHARACTERS, refusal);
    }

    /** The rules a walk holds a tree's strings and names to. */
    private record Rules(TextRule value, TextRule name) {
    }

    @FunctionalInterface
    private interface TextRule {
        boolean holds(String text, String at, Refusal refusal);
    }

    /**
     * Whether the strings and names in {@code node} keep {@code rules}; an object's members {@code skipped} are left.
     */
    private static boolean walk(JsonNode node, String at, Collection<String> skipped, Rules rules, Refusal refusal) {
        if (node.isTextual()) {
            return rules.value().holds(node.textValue(), at, refusal);
        }
        boolean plain = true;
        if (node.isObject()) {
            for (var member : node.properties()) {
                if (!skipped.contains(member.getKey())) {
                    String memberAt = at + Pointer.of(member.getKey());
                    plain &= rules.name().holds(member.getKey(), memberAt, refusal);
                    plain &= walk(member.getValue(), memberAt, List.of(), rules, refusal);
                }
            }
            return plain;
        }
        // an array's entries; a number, boolean or null has none
        for (int index = 0; index < node.size(); index++) {
            plain &= walk(node.get(index), at + Pointer.of(String.valueOf(index)), List.of(), rules, refusal);
        }
        return plain;
    }
}
