package io.prompd.cli;

import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.TerminalText;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Spelling;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A command line the parser could not make sense of, in the terms a user typed it in.
 *
 * @param message        the parser's message, such as {@code Unknown option: '-y'}
 * @param unmatched      arguments that fit nowhere, when that is the trouble
 * @param suggestions    arguments the user may have meant, nearest first; those far from the word typed are left out
 * @param command        the command as typed, such as {@code prompd init}, to point to its help
 * @param hasSubcommands whether the command takes a subcommand, so that an unmatched word names one
 * @param afterEndOfOptions whether the unmatched arguments came after {@value #END_OF_OPTIONS}, which makes every
 *                       argument after it a positional one, an option's name too
 * @param positionals    the labels of the command's positional parameters, such as {@code PACKAGE}
 * @param refused        whether a positional parameter took the unmatched argument and refused it as its value,
 *                       rather than the command taking no more arguments
 * @param problems       what the message sums up, when it is several problems ({@link InvalidValuesException}), each
 *                       told on a line of its own below it
 * @param advice         how to write what those problems name, which they leave to the hint to tell once; empty
 *                       when they need none, as when there are no problems
 * @param otherToolsWord this command line's answer to the unmatched word, another tool's ({@link OtherToolsWords}):
 *                       its own word, suggested in place of the suggestions however far it is from the word typed,
 *                       or, where it has none, the hint saying what to do instead
 */
public record UsageError(String message, List<String> unmatched, List<String> suggestions, String command,
                         boolean hasSubcommands, boolean afterEndOfOptions, List<String> positionals, boolean refused,
                         List<String> problems, Optional<String> advice,
                         Optional<OtherToolsWords.Answer> otherToolsWord) {

    /** The argument after which none is an option, as POSIX utilities and picocli read it. */
    public static final String END_OF_OPTIONS = "--";
    /** How far each problem a message sums up is indented under it. */
    private static final String SUMMED_UP = "  ";

    public UsageError {
        Objects.requireNonNull(message, "message");
        unmatched = List.copyOf(unmatched);
        suggestions = List.copyOf(suggestions);
        Objects.requireNonNull(command, "command");
        positionals = List.copyOf(positionals);
        problems = List.copyOf(problems);
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(otherToolsWord, "otherToolsWord");
        if (advice.isPresent() && problems.isEmpty()) {
            throw new IllegalArgumentException("advice on writing values is told with the problems it leaves out: '"
                    + advice.get() + "' with none");
        }
    }

    /** The problem, and a hint with the suggestions, the advice on writing the values and where the help is. */
    public Failures.Explanation explain() {
        String seeHelp = advice.map(words -> words + "; ").orElse("") + "see '" + command + " --help'";
        if (optionAfterEndOfOptions()) {
            // an option suggested here would be taken as a positional argument all the same
            return explained("put options before '" + END_OF_OPTIONS + "'; " + seeHelp);
        }
        if (otherToolsWord.orElse(null) instanceof OtherToolsWords.NoneHere none) {
            return explained(none.hint());
        }
        List<String> close = otherToolsWord.orElse(null) instanceof OtherToolsWords.OwnWord own ? List.of(own.word())
                : closeSuggestions();
        if (close.isEmpty() && unknownCommand()) {
            return explained("'" + command + " --help' lists the commands");
        }
        String meant = close.isEmpty() ? "" : "did you mean " + Plural.series(close, "or") + "? ";
        return explained(meant + seeHelp);
    }

    /** The problem with this hint, and the problems it sums up, as {@code --json} gives a file's. */
    private Failures.Explanation explained(String hint) {
        return new Failures.Explanation(ExitCode.USAGE, problem(), hint, Optional.empty(), Map.of(),
                problems.stream().map(problem -> Problem.error("", "", problem, "")).toList());
    }

    /**
     * The suggestions that are near the word typed: within the edits {@link Spelling#maxEdits} allows a word of its
     * letters, or one beginning the other with two letters or more ('conf' for 'config', 'installs' for 'install'):
     * one letter begins too many words ('i', install's short name, begins 'iffy'). Whatever merely shares a few letters
     * ('cache' for 'search') only sends the user to read about a command they never meant.
     */
    private List<String> closeSuggestions() {
        if (unmatched.isEmpty()) {
            return suggestions;
        }
        String typed = optionName(unmatched.get(0)).toLowerCase(Locale.ROOT);
        return suggestions.stream().filter(candidate -> {
            String lower = candidate.toLowerCase(Locale.ROOT);
            return Spelling.distance(typed, lower) <= Spelling.maxEdits(letters(typed))
                    || lower.startsWith(typed) && letters(typed) > 1 || typed.startsWith(lower) && letters(lower) > 1;
        }).toList();
    }

    /** The letters of a command's or option's name, without an option's dashes. */
    private static int letters(String name) {
        return name.replaceFirst("^-+", "").length();
    }

    /** The option's name in a word typed as an option, without the value an '=' gives it: {@code --out=x}. */
    static String optionName(String word) {
        int equals = word.indexOf('=');
        return word.startsWith("-") && equals > 0 ? word.substring(0, equals) : word;
    }

    /** Whether the trouble is a word where the command's subcommand goes, which names none. */
    public boolean unknownCommand() {
        return hasSubcommands && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-");
    }

    /** Whether the trouble is a word written as an option after {@value #END_OF_OPTIONS}, where it is none. */
    private boolean optionAfterEndOfOptions() {
        return afterEndOfOptions && !unmatched.isEmpty() && unmatched.get(0).startsWith("-");
    }

    /**
     * The problem, in one line, and each it sums up on one of its own: the parser's words and ours quote arguments as
     * typed, and a line break in one would start a line that passes for prompd's own, a {@code hint:} one, so it is
     * spelt out ({@code ^J}).
     */
    private String problem() {
        return TerminalText.oneLine(quotingArguments()) + problems.stream()
                .map(problem -> "\n" + SUMMED_UP + TerminalText.oneLine(problem)).collect(Collectors.joining());
    }

    private String quotingArguments() {
        if (optionAfterEndOfOptions()) {
            boolean one = unmatched.size() == 1;
            String takenAs = positionals.isEmpty() ? (one ? "an argument" : "arguments")
                    : Plural.series(positionals, "or");
            return "unexpected argument " + quoted(unmatched) + ": after '" + END_OF_OPTIONS + "' "
                    + (one ? "it is" : "they are") + " taken as " + takenAs + ", not as "
                    + (one ? "an option" : "options") + ", and "
                    + (refused ? "is not a valid one"
                            : "'" + command + "' takes " + (positionals.isEmpty() ? "none" : "no more"));
        }
        if (!unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
            return unknownCommand() ? "unknown command '" + unmatched.get(0) + "'"
                    : "unexpected argument " + quoted(unmatched);
        }
        if (!unmatched.isEmpty()) {
            // The value typed after an unknown option, or the argument it left to the parameter before, is unmatched
            // with it: they are the option's, so the options alone are unknown. A value given with '=' is left out
            // too: a mistyped '--password=...' must not put the secret in a terminal's scrollback or a CI log.
            List<String> options = unmatched.stream().filter(word -> word.startsWith("-"))
                    .map(UsageError::optionName).toList();
            // as an unknown command is said: 'unknown command 'x''
            return "unknown option" + (options.size() == 1 ? "" : "s") + " " + quoted(options);
        }
        // some parser messages come with their own "Error: " in front
        String bare = message.regionMatches(true, 0, "error: ", 0, "error: ".length())
                ? message.substring("error: ".length())
                : message;
        boolean sentence = bare.length() > 1 && Character.isUpperCase(bare.charAt(0))
                && Character.isLowerCase(bare.charAt(1));
        return sentence ? bare.substring(0, 1).toLowerCase(Locale.ROOT) + bare.substring(1) : bare;
    }

    private static String quoted(List<String> words) {
        return words.stream().map(word -> "'" + word + "'").collect(Collectors.joining(", "));
    }
}
