package io.prompd.core.version;

import io.prompd.core.version.RangeSyntax.Hyphen;
import io.prompd.core.version.RangeSyntax.Intersection;
import io.prompd.core.version.RangeSyntax.RangeOperator;
import io.prompd.core.version.RangeSyntax.SimpleComparator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A strict reader of npm's range grammar: alternatives split on {@code ||}, each a hyphen range
 * or whitespace-separated comparators. Whitespace may separate an operator from its version, as
 * npm allows. Forms npm only accepts in loose mode, or that npm accepts by accident of its
 * regular expressions ({@code >==1.2}, {@code ~=1}), are refused.
 */
final class RangeParser {

    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f\\u000B]+");
    private static final String OPERATOR_CHARACTERS = "<>=~^";

    /** Longest first, so that {@code >=} is not read as {@code >} followed by {@code =}. */
    private static final List<RangeOperator> OPERATORS_LONGEST_FIRST = Stream.of(RangeOperator.values())
            .filter(operator -> operator != RangeOperator.NONE)
            .sorted(Comparator.comparingInt((RangeOperator operator) -> operator.symbol().length()).reversed())
            .toList();

    private RangeParser() {
    }

    /** @throws InvalidRangeException saying what is wrong, without repeating the whole range */
    static List<RangeSyntax> parse(String text) {
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            boolean printable = character >= 0x20 && character < 0x7F;
            if (!printable && !WHITESPACE.matcher(String.valueOf(character)).matches()) {
                throw new InvalidRangeException("it holds the character U+" + String.format("%04X", (int) character)
                        + " at position " + (index + 1) + "; ranges are plain ASCII text");
            }
        }
        List<RangeSyntax> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\|\\|", -1)) {
            alternatives.add(parseAlternative(alternative));
        }
        return List.copyOf(alternatives);
    }

    private static RangeSyntax parseAlternative(String alternative) {
        if (alternative.contains("|")) {
            throw new InvalidRangeException("it has a single '|'; alternatives are separated by '||'");
        }
        String trimmed = WHITESPACE.matcher(alternative).replaceAll(" ").trim();
        if (trimmed.isEmpty()) {
            return new Intersection(List.of());
        }
        List<String> words = List.of(trimmed.split(" "));
        if (words.contains("-")) {
            return parseHyphen(words);
        }
        List<SimpleComparator> comparators = new ArrayList<>();
        for (int index = 0; index < words.size(); index++) {
            String word = words.get(index);
            RangeOperator operator = leadingOperator(word);
            String version = word.substring(operator.symbol().length());
            if (version.isEmpty() && operator != RangeOperator.NONE) {
                if (index + 1 == words.size()) {
                    throw new InvalidRangeException("'" + word + "' is not followed by a version");
                }
                index++;
                version = words.get(index);
            }
            comparators.add(new SimpleComparator(operator, bareVersion(operator.symbol(), version)));
        }
        return new Intersection(comparators);
    }

    private static Hyphen parseHyphen(List<String> words) {
        if (words.size() != 3 || !words.get(1).equals("-")) {
            throw new InvalidRangeException("'" + String.join(" ", words) + "' is not a hyphen range; write it as"
                    + " 1.0.0 - 2.0.0, alone between '||', with no operators");
        }
        return new Hyphen(bareVersion("", words.get(0)), bareVersion("", words.get(2)));
    }

    /** Parses a version that must not start with another operator, as in {@code ^^1} or {@code >=>1}. */
    private static PartialVersion bareVersion(String operator, String version) {
        if (!version.isEmpty() && OPERATOR_CHARACTERS.indexOf(version.charAt(0)) >= 0) {
            throw new InvalidRangeException("'" + operator + version + "' has more than one operator; write one of"
                    + " < <= > >= = ~ ^ followed by a version, as in >=1.2.0");
        }
        return PartialVersion.parse(version);
    }

    private static RangeOperator leadingOperator(String word) {
        return OPERATORS_LONGEST_FIRST.stream()
                .filter(operator -> word.startsWith(operator.symbol()))
                .findFirst()
                .orElse(RangeOperator.NONE);
    }
}
