package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments after {@code --}, which are all positional, and options mistyped, as a user types them. */
class EndOfOptionsTest {

    @TempDir
    Path work;

    private CliRun prompd(String... args) {
        return CliRun.in(work, work.resolve("home"), args);
    }

    @Test
    void anOptionAfterTheEndOfOptionsIsSaidToBeTakenAsAPackageNotSuggestedAgain() {
        String expected = "error: unexpected argument '--json': after '--' it is taken as PACKAGE, not as"
                + " an option, and"
                + " 'prompd info' takes no more\nhint: put options before '--'; see 'prompd info --help'\n";

        CliRun run = prompd("info", "--", "@acme/util", "--json");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(expected, run.err().replace(System.lineSeparator(), "\n"));

        CliRun given = prompd("info", "--json", "--", "@acme/util", "--json");
        assertEquals(2, given.exitCode(), given.err());
        assertEquals(expected, given.err().replace(System.lineSeparator(), "\n"),
                "the --json before '--' is an option");
    }

    @Test
    void anOptionAfterTheEndOfOptionsThatAPackageParameterTakesIsSaidToBeTakenAsOneNotCheckedAsAName() {
        CliRun install = prompd("install", "--", "@acme/util", "--json");
        assertEquals(2, install.exitCode(), install.err());
        assertEquals("error: unexpected argument '--json': after '--' it is taken as PACKAGE, not as an option, and is"
                + " not a valid one\nhint: put options before '--'; see 'prompd install --help'\n",
                install.err().replace(System.lineSeparator(), "\n"));
        assertEquals("", install.out(), "the --json after '--' asks for no JSON");

        CliRun info = prompd("info", "--", "-x");
        assertEquals(2, info.exitCode(), info.err());
        assertEquals("error: unexpected argument '-x': after '--' it is taken as PACKAGE, not as an option, and is not"
                + " a valid one\nhint: put options before '--'; see 'prompd info --help'\n",
                info.err().replace(System.lineSeparator(), "\n"), "a parameter taking one value refuses it alike");
    }

    @Test
    void aWrongPackageAfterTheEndOfOptionsIsStillExplainedAsOne() {
        CliRun run = prompd("install", "--", "@acme/Util");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: invalid value for PACKAGE: '@acme/Util'"), run.err());
    }

    @Test
    void anUnknownOptionBeforeTheEndOfOptionsIsStillOneWithItsSuggestion() {
        CliRun run = prompd("info", "--jsn", "--", "@acme/util");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: unknown option '--jsn'\nhint: did you mean --json? see 'prompd info --help'\n",
                run.err().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void anUnknownOptionIsReportedBeforeTheRequiredPackageMissing() {
        CliRun run = prompd("info", "--jsn");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: unknown option '--jsn'\nhint: did you mean --json? see 'prompd info --help'\n",
                run.err().replace(System.lineSeparator(), "\n"), "a mistyped option is no missing PACKAGE");
    }
}
