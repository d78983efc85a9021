package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class CommandLinesTest {

    @Command(name = "tool", version = "tool 9.9.9", subcommands = {Show.class, Plain.class, Compare.class, Deep.class,
            Hungry.class, Count.class})
    static final class Tool implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static final class Show implements Runnable {
        @Option(names = "--json")
        boolean json;

        @Option(names = "--format")
        String format;

        @Parameters(arity = "1")
        List<String> words;

        @Override
        public void run() {
        }
    }

    @Command(name = "plain")
    static final class Plain implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().getOut().println("a result");
        }
    }

    @Command(name = "compare")
    static final class Compare implements Runnable {
        @Option(names = "--base", required = true)
        String base;

        @Option(names = "--head", required = true)
        String head;

        @Parameters(arity = "1")
        String repository;

        @Override
        public void run() {
        }
    }

    @Command(name = "deep")
    static final class Deep implements Runnable {
        @Option(names = "--json")
        boolean json;

        @Override
        public void run() {
            down(0);
        }

        private static int down(int depth) {
            return down(depth + 1) + 1;
        }
    }

    @Command(name = "hungry")
    static final class Hungry implements Runnable {
        @Override
        public void run() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Command(name = "count")
    static final class Count implements Runnable {
        @Option(names = "--unit")
        String unit;

        @Parameters(index = "0")
        int number;

        @Override
        public void run() {
        }
    }

    /** A command of its own, or one of npm's short names: {@link #npmError} names each. */
    @Command
    static final class Npm implements Runnable {
        @Option(names = {"-g", "--global"})
        boolean global;

        @Override
        public void run() {
        }
    }

    /** A stream on a full disk, or one its reader has closed. */
    private static OutputStream failing(String reason) {
        return new OutputStream() {
            @Override
            public void write(int oneByte) throws IOException {
                throw new IOException(reason);
            }
        };
    }

    private static int runWriting(PrintWriter output, StringWriter errors, String... args) {
        CommandLine cli = CommandLines.configure(new CommandLine(new Tool()), output, new PrintWriter(errors, true),
                () -> false, Set.of(ExitCode.OK), Map.of());
        return cli.execute(args);
    }

    private final StringWriter out = new StringWriter();

    private static CommandLine configuredIn(Map<String, String> environment) {
        return CommandLines.configure(new CommandLine(new Tool()), new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true), () -> false, Set.of(ExitCode.OK), environment);
    }

    @Test
    void aCommandExhaustingTheStackOrTheHeapFailsWithAMessageAndAHintInsteadOfTheJvmsStackTrace() throws IOException {
        StringWriter errors = new StringWriter();
        assertEquals(1, runWriting(new PrintWriter(out, true), errors, "deep"));
        assertEquals("error: internal error (StackOverflowError): prompd went deeper than the Java stack allows\n"
                + "hint: run again with a larger stack (JAVA_OPTS=-Xss64m for the launcher, java -Xss64m -jar for the"
                + " jar), and report it as a bug", errors.toString().strip());

        assertEquals(1, run("deep", "--json"));
        assertEquals(1, Json.reader().readTree(out.toString()).path("error").path("exitCode").asInt(),
                "a script asking for JSON gets the failure as JSON: " + out);

        StringWriter hungryErrors = new StringWriter();
        assertEquals(1, runWriting(new PrintWriter(out, true), hungryErrors, "hungry"));
        assertEquals("error: out of memory: Java heap space\nhint: give Java more memory (JAVA_OPTS=-Xmx2g for the"
                + " launcher, java -Xmx2g -jar for the jar), then run this again", hungryErrors.toString().strip());
    }

    @Test
    void aDumbTerminalGetsHelpWithoutColoursInEveryCommand() {
        CommandLine dumb = configuredIn(Map.of("TERM", "dumb"));
        assertEquals(Ansi.OFF, dumb.getColorScheme().ansi());
        assertEquals(Ansi.OFF, dumb.getSubcommands().get("show").getColorScheme().ansi());
        assertEquals(Ansi.AUTO, configuredIn(Map.of("TERM", "xterm-256color")).getColorScheme().ansi());
        assertEquals(Ansi.AUTO, configuredIn(Map.of()).getColorScheme().ansi());
    }

    private int run(String... args) {
        CommandLine cli = CommandLines.configure(new CommandLine(new Tool()), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), () -> false, Set.of(ExitCode.OK), Map.of());
        return cli.execute(args);
    }

    @Test
    void aUsageErrorIsTheJsonFailureWhereTheArgumentsGiveJsonBeforeTheEndOfOptions() throws IOException {
        assertEquals(2, run("show", "--json", "--bogus", "a"));
        assertEquals(Json.reader()
                .readTree("{\"ok\": false, \"error\": {\"exitCode\": 2, \"kind\": \"usage\","
                + " \"message\": \"unknown option"
                + " '--bogus'\", \"hint\": \"see 'tool show --help'\"}}"), Json.reader().readTree(out.toString()));

        out.getBuffer().setLength(0);
        assertEquals(2, run("show", "--bogus", "--", "--json"));
        assertEquals("", out.toString(), "after '--', --json is a word, not the option");

    }

    @Test
    void jsonIsAskedForWhereverItStandsAndWhateverValueItIsGiven() throws IOException {
        assertEquals(2, run("plain", "--json"));
        assertEquals(Json.reader()
                .readTree("{\"ok\": false, \"error\": {\"exitCode\": 2, \"kind\": \"usage\","
                + " \"message\": \"unknown option"
                + " '--json'\", \"hint\": \"see 'tool plain --help'\"}}"), Json.reader().readTree(out.toString()),
                "a command without --json was asked for JSON all the same");

        out.getBuffer().setLength(0);
        assertEquals(2, run("--json", "show", "a"));
        assertEquals(Json.reader()
                .readTree("{\"ok\": false, \"error\": {\"exitCode\": 2, \"kind\": \"usage\","
                + " \"message\": \"unknown option"
                + " '--json'\", \"hint\": \"see 'tool --help'\"}}"), Json.reader().readTree(out.toString()),
                "--json before the subcommand");

        out.getBuffer().setLength(0);
        assertEquals(2, run("show", "a", "--json=maybe"));
        assertEquals(Json.reader().readTree("{\"ok\": false, \"error\": {\"exitCode\": 2, \"kind\": \"usage\","
                + " \"message\": \"invalid value"
                + " for --json: 'maybe' is not a boolean\", \"hint\": \"see 'tool show --help'\"}}"),
                Json.reader().readTree(out.toString()));

        out.getBuffer().setLength(0);
        assertEquals(2, run("--bogus", "show", "a", "--json=FALSE"));
        assertEquals(2, run("--bogus", "--", "--json"));
        assertEquals("", out.toString(), "only false says no JSON, and after '--' --json is no option");
    }

    @Test
    void aMisspelledCommandGivenJsonIsTheJsonFailure() throws IOException {
        assertEquals(2, run("shwo", "a", "--json"));
        assertEquals(Json.reader().readTree("{\"ok\": false, \"error\": {\"exitCode\": 2, \"kind\": \"usage\","
                + " \"message\": \"unknown"
                + " command 'shwo'\", \"hint\": \"did you mean show? see 'tool --help'\"}}"),
                Json.reader().readTree(out.toString()));

        out.getBuffer().setLength(0);
        assertEquals(2, run("shwo", "--", "--json"));
        assertEquals(2, run("shwo", "a"));
        assertEquals("", out.toString());
    }

    @Test
    void formatJsonAsksForTheJsonFailureAsJsonDoes() {
        for (List<String> format : List.of(List.of("--format", "json"), List.of("--format=json"),
                List.of("--format", "JSON"), List.of("--json=true"), List.of("--json=false", "--json"),
                List.of("--json", "--format", "text"), List.of("--format=markdown", "--json"),
                List.of("--json=false", "--format", "json"))) {
            out.getBuffer().setLength(0);
            List<String> args = new ArrayList<>(List.of("show", "--bogus"));
            args.addAll(format);
            assertEquals(2, run(args.toArray(String[]::new)));
            assertTrue(out.toString().startsWith("{"), format + " gave: " + out);
        }
        out.getBuffer().setLength(0);
        assertEquals(2, run("show", "--bogus", "--format", "text"));
        assertEquals(2, run("show", "--bogus", "--json=false"));
        assertEquals(2, run("show", "--bogus", "--json", "--json=false", "--format", "text"));
        assertEquals("", out.toString());
    }

    private static String npmError(String... args) {
        StringWriter errors = new StringWriter();
        // npm's short names, one of them with a shorter name still
        CommandLine npm = new CommandLine(new Npm()).setCommandName("npm").addSubcommand("list", new Npm(), "ls")
                .addSubcommand("get", new Npm()).addSubcommand("set", new Npm()).addSubcommand("init", new Npm())
                .addSubcommand("install", new Npm(), "i");
        CommandLine cli = CommandLines.configure(npm, new PrintWriter(new StringWriter(), true),
                new PrintWriter(errors, true), () -> false, Set.of(ExitCode.OK), Map.of());
        assertEquals(2, cli.execute(args), errors.toString());
        return errors.toString().strip().replace(System.lineSeparator(), "\n");
    }

    @Test
    void aCommandWithTwoLettersSwappedIsSuggestedByTheNameNearestItAndOnlyThat() {
        assertEquals("error: unknown command 'lsit'\nhint: did you mean list? see 'npm --help'", npmError("lsit"),
                "not ls, its short name, nor init, two edits away");
        assertEquals("error: unknown command 'gte'\nhint: did you mean get? see 'npm --help'", npmError("gte", "x"),
                "not set, two edits from a word of three letters");
        assertEquals("error: unknown command 'isntall'\nhint: did you mean install? see 'npm --help'",
                npmError("isntall"));
        assertEquals("error: unknown command 'sl'\nhint: did you mean ls? see 'npm --help'", npmError("sl"));
        assertEquals("error: unknown option '--glboal'\nhint: did you mean --global? see 'npm install --help'",
                npmError("i", "--glboal"));
    }

    @Test
    void optionsGivenTogetherThatContradictEachOtherAreSaidNotToGoTogether() {
        assertEquals("--json and --format yaml cannot be used together; give one of them",
                CommandLines.notTogether(new CommandLine(new Npm()), List.of("--json", "--format yaml"))
                        .getMessage());

        PrompdException explained = CommandLines.notTogether(List.of("--yaml", "--json"), "each names the format",
                "give --json alone");
        assertEquals(ExitCode.USAGE, explained.exitCode());
        assertEquals("--yaml and --json cannot be used together: each names the format; give one of them",
                explained.getMessage());
        assertEquals("give --json alone", explained.hint());
    }

    @Test
    void anOptionOrParameterIsNamedAsTypedOrAsTheHelpShowsItNotByItsIndex() {
        StringWriter missing = new StringWriter();
        assertEquals(2, runWriting(new PrintWriter(out, true), missing, "show", "a", "--format"));
        assertEquals("error: missing value for --format (<format>)\nhint: see 'tool show --help'",
                missing.toString().strip());

        StringWriter followed = new StringWriter();
        assertEquals(2, runWriting(new PrintWriter(out, true), followed, "show", "a", "--format", "--json"));
        assertEquals("error: missing value for --format (<format>): '--json' after it is taken as an option (write"
                + " --format=VALUE for a value starting with '-')\nhint: see 'tool show --help'",
                followed.toString().strip());

        StringWriter invalid = new StringWriter();
        assertEquals(2, runWriting(new PrintWriter(out, true), invalid, "count", "five"));
        assertEquals("error: invalid value for <number>: 'five' is not an int\nhint: see 'tool count --help'",
                invalid.toString().strip());
    }

    @Test
    void aWordFarFromEveryCommandOrBegunByOneOfOneLetterIsSuggestedNone() {
        for (String far : List.of("iffy", "run", "x", "c")) {
            assertEquals("error: unknown command '" + far + "'\nhint: 'npm --help' lists the commands", npmError(far),
                    far);
        }
        assertEquals("error: unknown command 'lis'\nhint: did you mean list? see 'npm --help'", npmError("lis"),
                "the beginning of a command");
    }

    @Test
    void anUnknownOptionIsReportedBeforeTheRequiredOptionsMissing() {
        StringWriter errors = new StringWriter();
        assertEquals(2, runWriting(new PrintWriter(out, true), errors, "compare", "repo", "--baes", "main"));
        assertEquals("error: unknown option '--baes'\nhint: did you mean --base? see 'tool compare --help'",
                errors.toString().strip(), "a mistyped --base is no missing --base");

        StringWriter parentErrors = new StringWriter();
        assertEquals(2, runWriting(new PrintWriter(out, true), parentErrors, "--bogus", "compare", "repo"));
        assertEquals("error: unknown option '--bogus'\nhint: see 'tool --help'", parentErrors.toString().strip(),
                "an unknown option before the subcommand");

        StringWriter convertingErrors = new StringWriter();
        assertEquals(2, runWriting(new PrintWriter(out, true), convertingErrors, "count", "--unti", "kg", "5"));
        assertEquals("error: unknown option '--unti'\nhint: did you mean --unit? see 'tool count --help'",
                convertingErrors.toString().strip(), "the value of a mistyped --unit is no invalid number");

        StringWriter missingErrors = new StringWriter();
        assertEquals(2, runWriting(new PrintWriter(out, true), missingErrors, "compare", "repo", "--base", "main"));
        assertEquals("error: missing required option: '--head=<head>'\nhint: see 'tool compare --help'",
                missingErrors.toString().strip());
    }

    @Test
    void aMistypedOptionIsTheOnlyWordUnknownOfItAndItsValueWithTheOptionNearestIt() {
        for (List<String> args : List.of(List.of("compare", "repo", "--bse", "main", "--head", "x"),
                List.of("compare", "--bse", "main", "repo", "--head", "x"),
                List.of("compare", "repo", "--head", "x", "--bse=main"))) {
            StringWriter errors = new StringWriter();
            assertEquals(2, runWriting(new PrintWriter(out, true), errors, args.toArray(String[]::new)));
            assertEquals("error: unknown option '--bse'\nhint: did you mean --base? see 'tool compare --help'",
                    errors.toString().strip(), args + ": its value, given with '=' or not, or the argument its value"
                            + " took the place of, is no option");
        }

        StringWriter errors = new StringWriter();
        assertEquals(2, runWriting(new PrintWriter(out, true), errors, "compare", "repo", "--hed", "x", "--bse",
                "main"));
        assertEquals("error: unknown options '--hed', '--bse'\nhint: did you mean --head? see 'tool compare --help'",
                errors.toString().strip());

        StringWriter shortErrors = new StringWriter();
        assertEquals(2, runWriting(new PrintWriter(out, true), shortErrors, "show", "a", "-x", "b"));
        assertEquals("error: unknown option '-x'\nhint: see 'tool show --help'", shortErrors.toString().strip(),
                "-h and -V are one edit from -x, but not what was meant");
    }

    @Test
    void outputThatCouldNotBeWrittenIsAFailureSaidOnStandardError() {
        StringWriter errors = new StringWriter();
        assertEquals(1, runWriting(Terminal.utf8(failing("No space left on device")), errors, "plain"));
        assertEquals("error: could not write the output: No space left on device", errors.toString().strip());

        StringWriter helpErrors = new StringWriter();
        assertEquals(1,
                runWriting(new PrintWriter(failing("Bad file descriptor"), true), helpErrors, "show", "--help"));
        assertEquals("error: could not write the output", helpErrors.toString().strip(),
                "a writer that does not keep the reason still fails");
    }

    @Test
    void aReaderThatClosedThePipeIsNoFailure() {
        StringWriter errors = new StringWriter();
        assertEquals(0, runWriting(Terminal.utf8(failing("Broken pipe")), errors, "plain"));
        assertEquals("", errors.toString());
    }

    @Test
    void aSubcommandsVersionIsTheTools() {
        assertEquals(0, run("show", "--version"));
        assertEquals("tool 9.9.9", out.toString().strip());
    }
}
