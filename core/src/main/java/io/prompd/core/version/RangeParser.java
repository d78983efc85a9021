package io.prompd.core.version;

import io.prompd.core.version.RangeSyntax.Hyphen;
import io.prompd.core.version.RangeSyntax.Intersection;
import io.prompd.core.version.RangeSyntax.RangeOperator;
import io.prompd.core.version.RangeSyntax.SimpleComparator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /** @throws InvalidRangeException saying everything that is wrong, without repeating the whole range */
    static List<RangeSyntax> parse(String text) {
        List<String> problems = new ArrayList<>();
        checkCharacters(text, problems);
        List<RangeSyntax> alternatives = new ArrayList<>();
        if (problems.isEmpty()) {
            for (String alternative : text.split("\\|\\|", -1)) {
                alternatives.add(parseAlternative(alternative, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRangeException(String.join("; ", problems));
        }
        return List.copyOf(alternatives);
    }

    private static void checkCharacters(String text, List<String> problems) {
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            boolean printable = character >= 0x20 && character < 0x7F;
            if (!printable && !WHITESPACE.matcher(String.valueOf(character)).matches()) {
                problems.add(String.format(Locale.ROOT, "it holds the character U+%04X", (int) character)
                        + " at position " + (index + 1) + ", but ranges are plain ASCII text");
            }
        }
    }

    /**
     * Adds what is wrong to {@code problems}, returning what could be read so that later alternatives are checked too.
     */
    private static RangeSyntax parseAlternative(String alternative, List<String> problems) {
        if (alternative.contains("|")) {
            problems.add("'" + alternative.strip() + "' has a single '|'; alternatives are separated by '||'");
            return new Intersection(List.of());
        }
        String trimmed = WHITESPACE.matcher(alternative).replaceAll(" ").trim();
        if (trimmed.isEmpty()) {
            return new Intersection(List.of());
        }
        List<String> words = List.of(trimmed.split(" "));
        if (words.contains("-")) {
            return parseHyphen(words, problems);
        }
        List<SimpleComparator> comparators = new ArrayList<>();
        for (int index = 0; index < words.size(); index++) {
            String word = words.get(index);
            RangeOperator operator = leadingOperator(word);
            String version = word.substring(operator.symbol().length());
            if (version.isEmpty() && operator != RangeOperator.NONE) {
                if (index + 1 == words.size()) {
                    problems.add("'" + word + "' is not followed by a version");
                    break;
                }
                index++;
                version = words.get(index);
            }
            bareVersion(operator.symbol(), version, problems)
                    .ifPresent(parsed -> comparators.add(new SimpleComparator(operator, parsed)));
        }
        return new Intersection(comparators);
    }

    private static RangeSyntax parseHyphen(List<String> words, List<String> problems) {
        if (words.size() != 3 || !words.get(1).equals("-")) {
            problems.add("'" + String.join(" ", words) + "' is not a hyphen range; write it as"
                    + " 1.0.0 - 2.0.0, alone between '||', with no operators");
            return new Intersection(List.of());
        }
        Optional<PartialVersion> from = bareVersion("", words.get(0), problems);
        Optional<PartialVersion> to = bareVersion("", words.get(2), problems);
        if (from.isEmpty() || to.isEmpty()) {
            return new Intersection(List.of());
        }
        return new Hyphen(from.get(), to.get());
    }

    /** Parses a version that must not start with another operator, as in {@code ^^1} or {@code >=>1}. */
    private static Optional<PartialVersion> bareVersion(String operator, String version, List<String> problems) {
        if (!version.isEmpty() && OPERATOR_CHARACTERS.indexOf(version.charAt(0)) >= 0) {
            problems.add("'" + operator + version + "' has more than one operator; write one of"
                    + " < <= > >= = ~ ^ followed by a version, as in >=1.2.0");
            return Optional.empty();
        }
        try {
            return Optional.of(PartialVersion.parse(version));
        } catch (InvalidRangeException invalid) {
            problems.add(invalid.getMessage());
            return Optional.empty();
        }
    }

    private static RangeOperator leadingOperator(String word) {
        return OPERATORS_LONGEST_FIRST.stream()
                .filter(operator -> word.startsWith(operator.symbol()))
                .findFirst()
                .orElse(RangeOperator.NONE);
    }
}
