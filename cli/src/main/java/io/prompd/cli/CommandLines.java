package io.prompd.cli;

import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.problem.Spelling;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/** The set-up both command lines share: how they read arguments, list exit codes and report failures. */
public final class CommandLines {

    /** The check's {@code --format json}, which its {@value JsonOption#NAME} abbreviates. */
    private static final String FORMAT_OPTION = "--format";
    private static final String JSON_FORMAT = "json";
    /** How picocli begins its message of an option given without its value, at the end of the arguments. */
    private static final String MISSING_OPTION_VALUE = "Missing required parameter for option ";
    /** Picocli's message of an option given without its value, another option following it. */
    private static final Pattern OPTION_FOUND = Pattern.compile(
            "Expected parameter for option '[^']*' but found '(.*)'", Pattern.DOTALL);
    /** What the system says when the reader of a pipe has closed it. */
    private static final String BROKEN_PIPE = "Broken pipe";

    private CommandLines() {
    }

    /**
     * Gives the command line its streams, lays out its help as wide as {@link Terminal#helpColumns} says, with no word
     * split across lines ({@link WholeWordHelp}), lists the exit codes the program uses in the help of every command,
     * gives every subcommand the root's {@code --version}, and reports a command line that does not parse as a usage
     * error, and a failed command with its message and hint (its stack trace too when {@code verbose} says so), both
     * also as JSON on standard output when the arguments hold {@value JsonOption#NAME}. Call it once every subcommand
     * is added.
     *
     * @param environment the process's, where {@code TERM} may say the terminal is a dumb one and {@code COLUMNS} how
     *                    wide the help is
     */
    public static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err, BooleanSupplier verbose,
                                        Set<ExitCode> exitCodes, Map<String, String> environment) {
        // Picocli would read '@acme' as a file of arguments when one is named so; here it is a scope.
        cli.setExpandAtFiles(false);
        // a flag given twice says the same twice, as a wrapper adding --json to a command line that has it does;
        // an option's value given twice is refused all the same (refuseValueGivenTwice)
        cli.setOverwrittenOptionsAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        if (Terminal.isDumb(environment)) {
            // picocli colours the help on any terminal, and a dumb one prints the escapes as text
            cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        // every command's, as picocli sets it on those the command line has by now
        cli.setUsageHelpWidth(Terminal.helpColumns(environment, Terminal.isStandardOutput()));
        cli.setHelpFactory(WholeWordHelp::new);
        listExitCodes(cli, ExitCode.helpList(exitCodes));
        shareVersion(cli, cli.getCommandSpec());
        // Picocli asks this mapper for the exit code of a command line it could not parse.
        cli.setExitCodeExceptionMapper(failure -> failure instanceof CommandLine.ParameterException
                ? ExitCode.USAGE.code() : Failures.exitCode(failure).code());
        CommandLine.IExecutionStrategy execution = cli.getExecutionStrategy();
        cli.setExecutionStrategy(parsed -> {
            Optional<UnmatchedArgumentException> besideHelp = unmatchedBesideHelp(parsed);
            if (besideHelp.isPresent()) {
                throw besideHelp.get();
            }
            refuseValueGivenTwice(parsed);
            if (!helpAsked(parsed)) {
                FileNameCharset charset = FileNameCharset.ofThisJvm();
                // An argument whose letters Java lost is refused when the command line parsed too (a URL, a
                // parameter's value): used, it would be taken with U+FFFD in their place, as a registry URL saved so.
                Optional<Failures.Explanation> misread = charset.misreadArgument(parsed.originalArgs());
                if (misread.isPresent()) {
                    return reportMisread(cli, misread.get(), parsed.originalArgs());
                }
                Optional<PrompdException> lost = charset.unreadableCurrentFolder(System.getProperty("user.dir"));
                if (lost.isPresent()) {
                    throw new CommandLine.ExecutionException(cli, lost.get().getMessage(), lost.get());
                }
            }
            try {
                return failWhenOutputLost(execution.execute(parsed), out, err);
            } catch (StackOverflowError | OutOfMemoryError exhausted) {
                // picocli hands on only exceptions to the handler below; these would end in the JVM's stack trace
                throw new CommandLine.ExecutionException(cli, String.valueOf(exhausted), exhausted);
            }
        });
        cli.setParameterExceptionHandler((parserFailure, args) -> {
            // picocli keeps no cause of a failed conversion, such as a path of letters lost in decoding
            Optional<Failures.Explanation> misread = FileNameCharset.ofThisJvm().misreadArgument(List.of(args));
            if (misread.isPresent()) {
                return reportMisread(parserFailure.getCommandLine(), misread.get(), List.of(args));
            }
            CommandLine.ParameterException failure = unmatchedBeforeOtherFailures(parserFailure);
            CommandLine command = failure.getCommandLine();
            String message = inOwnWords(failure);
            Optional<String> refusedOption = optionRefusedAsPositional(failure, command, List.of(args));
            List<String> unmatched = failure instanceof UnmatchedArgumentException unmatchedFailure
                    ? unmatchedFailure.getUnmatched() : refusedOption.stream().toList();
            Optional<InvalidValuesException> several = failure instanceof InvalidValuesException invalid
                    ? Optional.of(invalid) : Optional.empty();
            UsageError error = new UsageError(message, unmatched,
                    failure instanceof UnmatchedArgumentException unmatchedFailure ? suggestions(unmatchedFailure)
                            : List.of(),
                    command.getCommandSpec().qualifiedName(), !command.getSubcommands().isEmpty(),
                    afterEndOfOptions(command, unmatched, List.of(args)),
                    command.getCommandSpec().positionalParameters().stream().filter(positional -> !positional.hidden())
                            .map(CommandLine.Model.PositionalParamSpec::paramLabel).toList(),
                    refusedOption.isPresent(),
                    several.map(InvalidValuesException::reasons).orElse(List.of()),
                    several.flatMap(InvalidValuesException::advice), otherToolsWord(command, unmatched));
            if (asksForJson(List.of(args))) {
                Failures.printJson(error.explain(), Map.of(), command.getOut());
            }
            return Failures.reportUsage(error, command.getErr());
        });
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) -> Failures.report(failure,
                verbose.getAsBoolean(), asksForJson(parseResult.expandedArgs()), Map.of(), commandLine.getOut(),
                commandLine.getErr()));
        return cli;
    }

    /**
     * The usage error of options given together that contradict each other, in one wording for both tools
     * ({@code tree --json --dot}, {@code check --json --format markdown}).
     *
     * @param given the options as the user gave them, with their values where those contradict
     */
    public static CommandLine.ParameterException notTogether(CommandLine command, List<String> given) {
        return new CommandLine.ParameterException(command, notTogether(given, Optional.empty()));
    }

    /**
     * The same usage error, in the same words, from a command that can say why the options contradict each other and
     * how to mend its command line better than its help does ({@code login --token-env T --password-env P}).
     *
     * @param given the options as the user gave them
     * @param why   what the options mean that rules out giving them together, said after the shared words
     * @param hint  the command lines to give instead
     */
    public static PrompdException notTogether(List<String> given, String why, String hint) {
        return new PrompdException(ExitCode.USAGE, notTogether(given, Optional.of(why)), hint);
    }

    private static String notTogether(List<String> given, Optional<String> why) {
        return Plural.series(given, "and") + " cannot be used together" + why.map(reason -> ": " + reason).orElse("")
                + "; give one of them";
    }

    /**
     * The parser's message in the words of the rest of prompd where picocli's are its own: it calls options of an
     * exclusive group "mutually exclusive (specify only one)", and names an option or a positional parameter as it
     * knows them ({@code option '--from' at index 0 (FILE|DIR)}, {@code positional parameter at index 0 (NAME)}),
     * which prompd's messages name as typed ({@code --from}) and as the help shows them ({@code NAME}).
     */
    private static String inOwnWords(CommandLine.ParameterException failure) {
        CommandLine command = failure.getCommandLine();
        if (failure.getCause() instanceof CommandLine.TypeConversionException invalid
                && failure.getArgSpec() != null) {
            return "invalid value for " + shown(failure.getArgSpec()) + ": " + invalid.getMessage();
        }
        if (failure instanceof CommandLine.MissingParameterException missing && missing.getMissing().size() == 1
                && missing.getMissing().get(0) instanceof CommandLine.Model.OptionSpec option) {
            String wanting = "missing value for " + option.longestName() + " (" + option.paramLabel() + ")";
            if (missing.getMessage().startsWith(MISSING_OPTION_VALUE)) {
                return wanting;
            }
            Matcher found = OPTION_FOUND.matcher(missing.getMessage());
            if (found.matches()) {
                return wanting + ": '" + found.group(1) + "' after it is taken as an option (write "
                        + option.longestName() + "=VALUE for a value starting with '-')";
            }
        }
        return failure.getMessage();
    }

    /** An option by its longest name, a positional parameter by its label, as the help shows it. */
    private static String shown(CommandLine.Model.ArgSpec argument) {
        return argument instanceof CommandLine.Model.OptionSpec option ? option.longestName() : argument.paramLabel();
    }

    /**
     * The usage error of a command that only groups others run without one, in one wording for every such command of
     * both tools, naming the subcommands it takes by their names (not their short names, nor help): {@code a
     * subcommand is required: get, set, unset or list}. A tool given only {@code -v}, which npm and pip read as
     * their version's option, is told which option that is here.
     */
    public static CommandLine.ParameterException subcommandRequired(CommandLine.Model.CommandSpec spec) {
        List<String> names = spec.subcommands().values().stream().distinct().map(CommandLine::getCommandSpec)
                .filter(subcommand -> !subcommand.helpCommand() && !subcommand.usageMessage().hidden())
                .map(CommandLine.Model.CommandSpec::name).toList();
        boolean versionMeant = spec.parent() == null
                && spec.commandLine().getParseResult().originalArgs().equals(List.of(VerboseOption.SHORT_NAME));
        return new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: "
                + Plural.series(names, "or") + (versionMeant ? " (" + VerboseOption.SHORT_NAME + " is "
                + VerboseOption.NAME + "; -V or --version prints the version)" : ""));
    }

    /**
     * Reports an argument whose letters Java lost in decoding ({@link FileNameCharset#misreadArgument}), also as JSON
     * when the arguments ask for it, and returns the usage error's exit code.
     */
    private static int reportMisread(CommandLine command, Failures.Explanation misread, List<String> args) {
        if (asksForJson(args)) {
            Failures.printJson(misread, Map.of(), command.getOut());
        }
        command.getErr().println(misread.text());
        return ExitCode.USAGE.code();
    }

    /** Whether the command line asks for a help or version text, which needs no current folder. */
    private static boolean helpAsked(CommandLine.ParseResult parsed) {
        return parsed.asCommandLineList().stream()
                .anyMatch(command -> command.isUsageHelpRequested() || command.isVersionHelpRequested());
    }

    /**
     * The arguments a command line asking for help could not match, which picocli leaves unchecked once help is asked
     * for: {@code prompd serach --help} would print the root's help, exit 0, as if {@code serach} were a command.
     */
    private static Optional<UnmatchedArgumentException> unmatchedBesideHelp(CommandLine.ParseResult parsed) {
        if (!helpAsked(parsed)) {
            return Optional.empty();
        }
        return parsed.asCommandLineList().stream()
                .filter(command -> !command.isUnmatchedArgumentsAllowed() && command.getParseResult() != null
                        && !command.getParseResult().unmatched().isEmpty())
                .map(command -> new UnmatchedArgumentException(command, command.getParseResult().unmatched()))
                .findFirst();
    }

    /** Whether a write failed as its pipe's reader went away ({@code | head -1}), having taken what it wanted. */
    public static boolean readerGone(IOException failure) {
        return BROKEN_PIPE.equals(failure.getMessage());
    }

    /**
     * A command whose output was lost to a full disk or a closed stream failed, as {@code ls} and
     * cargo say, or {@code prompd list --json > deps.json} would leave a script an empty file and a
     * success. A reader gone ({@code | head -1}) took what it wanted: that is no failure.
     */
    private static int failWhenOutputLost(int exitCode, PrintWriter out, PrintWriter err) {
        if (!out.checkError()) {
            return exitCode;
        }
        Optional<IOException> failure = out instanceof FailureKeepingWriter kept ? kept.failure() : Optional.empty();
        Optional<String> reason = failure.map(IOException::getMessage);
        if (failure.filter(CommandLines::readerGone).isPresent()) {
            return exitCode;
        }
        err.println(new Failures.Explanation(ExitCode.FAILURE,
                "could not write the output" + reason.map(text -> ": " + text).orElse(""), "").text());
        return exitCode == ExitCode.OK.code() ? ExitCode.FAILURE.code() : exitCode;
    }

    /**
     * The arguments picocli could not match, where it failed on another problem first: a required argument missing,
     * which it checks before it reports the unmatched ones, or a value it could not convert, which it meets while it
     * parses, so that a mistyped {@code --bsae} came out as {@code --base} missing, and {@code registry add --scpoe
     * @acme work URL} as the invalid registry name '@acme'. The word typed is the one to fix, with its suggestion. The
     * failing command's own come first, then those of the commands it is a subcommand of, in the order picocli
     * reports them when nothing else fails.
     */
    private static CommandLine.ParameterException unmatchedBeforeOtherFailures(
            CommandLine.ParameterException failure) {
        if (failure instanceof UnmatchedArgumentException) {
            return failure;
        }
        for (CommandLine command = failure.getCommandLine(); command != null; command = command.getParent()) {
            // a failure in the middle of parsing may come before picocli has a result for a command
            List<String> unmatched = command.getParseResult() == null ? List.of()
                    : command.getParseResult().unmatched();
            if (!unmatched.isEmpty() && !command.isUnmatchedArgumentsAllowed()) {
                return new UnmatchedArgumentException(command, unmatched);
            }
        }
        return failure;
    }

    /**
     * An option taking one value given it twice at one place, as {@code --out a --out b}: which was meant is for the
     * user to say, and with the last winning silently a wrapper's {@code --registry} would lose to the user's without
     * a word (so clap refuses it for cargo). A flag given twice says the same twice, and a list takes each value.
     */
    private static void refuseValueGivenTwice(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            for (CommandLine.Model.OptionSpec option : level.matchedOptions()) {
                if (!option.typeInfo().isBoolean() && !option.isMultiValue()
                        && option.originalStringValues().size() > 1) {
                    throw new CommandLine.ParameterException(level.commandSpec().commandLine(), "option '"
                            + option.longestName() + "' is given more than once; it takes one value");
                }
            }
        }
    }

    /** The command's answer to the first unmatched word when another tool uses that ({@link OtherToolsWords}). */
    private static Optional<OtherToolsWords.Answer> otherToolsWord(CommandLine command, List<String> unmatched) {
        return unmatched.isEmpty() || !(command.getCommandSpec().userObject() instanceof OtherToolsWords words)
                ? Optional.empty()
                : Optional.ofNullable(words.otherToolsWords().get(
                        UsageError.optionName(unmatched.get(0)).toLowerCase(Locale.ROOT)));
    }

    /**
     * The words the first unmatched argument may have meant, nearest first ({@link Spelling#distance}, which counts a
     * swap of neighbours as one edit), for {@link UsageError} to keep those near enough. For an option, every option
     * of the command written as it is (long or short): picocli suggests only those beginning with its first two
     * letters, which a slip in those misses ({@code --ot} for {@code --out}, {@code --prt} for {@code --port}). For a
     * command, each visible subcommand by the one of its names nearest the word, its own name on a tie: picocli
     * suggests the three sharing the most pairs of letters, which a swap breaks ('lsit' got 'ls' and 'init', not
     * 'list'; 'gte' got nothing), and a command and its short name as two.
     */
    private static List<String> suggestions(UnmatchedArgumentException failure) {
        List<String> unmatched = failure.getUnmatched();
        if (unmatched.isEmpty()) {
            return List.of();
        }
        CommandLine.Model.CommandSpec spec = failure.getCommandLine().getCommandSpec();
        String typed = UsageError.optionName(unmatched.get(0));
        Comparator<String> nearest = Comparator.comparingInt((String name) -> Spelling.distance(
                typed.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)));
        if (!typed.startsWith("-")) {
            return spec.subcommands().values().stream().distinct()
                    .map(CommandLine::getCommandSpec).filter(command -> !command.usageMessage().hidden())
                    .map(command -> Stream.concat(Stream.of(command.name()), Stream.of(command.aliases()))
                            .min(nearest).orElseThrow())
                    .sorted(nearest.thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
        boolean longOption = typed.startsWith("--");
        return spec.options().stream().filter(option -> !option.hidden())
                .flatMap(option -> Stream.of(option.names())).filter(name -> name.startsWith("--") == longOption)
                .sorted(nearest.thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /**
     * Whether the first unmatched argument came after the end of options: picocli takes every argument there as a
     * positional one, and reads one of them that looks like an option, beyond those the command takes, as an unknown
     * option. Before the delimiter, a word naming one of the command's options matched it, so only after it can such
     * a word be unmatched.
     */
    private static boolean afterEndOfOptions(CommandLine command, List<String> unmatched, List<String> args) {
        int end = args.indexOf(UsageError.END_OF_OPTIONS);
        if (end < 0 || unmatched.isEmpty()) {
            return false;
        }
        String word = unmatched.get(0);
        return args.subList(end + 1, args.size()).contains(word)
                && (!args.subList(0, end).contains(word) || command.getCommandSpec().optionsMap().containsKey(word));
    }

    /**
     * The word written as an option after the end of options that a positional parameter took and refused as its
     * value: one taking any number of values ({@code prompd install -- @acme/util --json}), or one left to fill
     * ({@code prompd info -- --json}), takes it rather than leaving it unmatched.
     */
    private static Optional<String> optionRefusedAsPositional(CommandLine.ParameterException failure,
                                                              CommandLine command,
                                                              List<String> args) {
        if (failure instanceof UnmatchedArgumentException
                || !(failure.getArgSpec() instanceof CommandLine.Model.PositionalParamSpec)) {
            return Optional.empty();
        }
        return Optional.ofNullable(failure.getValue()).filter(value -> value.startsWith("-"))
                .filter(value -> afterEndOfOptions(command, List.of(value), args));
    }

    /**
     * Whether the arguments before the end of options hold {@value JsonOption#NAME} or {@code --format json},
     * wherever they stand: a script that adds the option wants JSON, even when it is the usage error (given before the
     * subcommand, to a command without it, or with a value that is no boolean). They are read as given rather than as
     * parsed: a usage error stops picocli before it reaches the option.
     */
    private static boolean asksForJson(List<String> arguments) {
        int endOfOptions = arguments.indexOf(UsageError.END_OF_OPTIONS);
        List<String> options = endOfOptions < 0 ? arguments : arguments.subList(0, endOfOptions);
        // Each option's last word wins, as picocli lets a later one override an earlier one; either asks for JSON
        // whatever the other says, so that --json with --format text, which contradict each other, is answered
        // in JSON in either order.
        boolean json = false;
        boolean jsonFormat = false;
        for (int index = 0; index < options.size(); index++) {
            String option = options.get(index);
            if (option.equals(JsonOption.NAME)) {
                json = true;
            } else if (option.startsWith(JsonOption.NAME + "=")) {
                // Only the word picocli reads as no turns JSON off; one it refuses is asked for all the same.
                json = !option.substring(JsonOption.NAME.length() + 1).equalsIgnoreCase(Boolean.FALSE.toString());
            } else if (option.equals(FORMAT_OPTION) && index + 1 < options.size()) {
                jsonFormat = options.get(index + 1).equalsIgnoreCase(JSON_FORMAT);
            } else if (option.startsWith(FORMAT_OPTION + "=")) {
                jsonFormat = option.substring(FORMAT_OPTION.length() + 1).equalsIgnoreCase(JSON_FORMAT);
            }
        }
        return json || jsonFormat;
    }

    /** Every subcommand's help offers --version: it prints the tool's version, as the root's does. */
    private static void shareVersion(CommandLine command, CommandLine.Model.CommandSpec root) {
        if (root.versionProvider() != null) {
            command.getCommandSpec().versionProvider(root.versionProvider());
        } else {
            command.getCommandSpec().version(root.version());
        }
        command.getSubcommands().values().forEach(subcommand -> shareVersion(subcommand, root));
    }

    private static void listExitCodes(CommandLine command, Map<String, String> exitCodes) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
        command.getSubcommands().values().forEach(subcommand -> listExitCodes(subcommand, exitCodes));
    }
}
