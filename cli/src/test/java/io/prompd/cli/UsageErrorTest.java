package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageErrorTest {

    private static String described(UsageError error) {
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.USAGE.code(), Failures.reportUsage(error, new PrintWriter(err, true)));
        return err.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void anOptionAfterTheEndOfOptionsIsSaidToBeTakenAsAPositionalArgument() {
        assertEquals("error: unexpected argument '--json': after '--' it is taken as PACKAGE, not as an option, and"
                + " 'prompd info' takes no more\nhint: put options before '--'; see 'prompd info --help'\n",
                described(new UsageError("Unknown option: '--json'", List.of("--json"), List.of("--json"),
                        "prompd info",
                        false, true, List.of("PACKAGE"), false, List.of(), Optional.empty(), Optional.empty())));
        assertEquals("error: unexpected argument '--json', '-x': after '--' they are taken as arguments,"
                + " not as options,"
                + " and 'prompd config list' takes none\nhint: put options before '--'; see 'prompd config"
                + " list --help'\n",
                described(new UsageError("Unknown options: '--json', '-x'", List.of("--json", "-x"), List.of(),
                        "prompd config list", false, true, List.of(), false, List.of(), Optional.empty(),
                        Optional.empty())));
        assertEquals("error: unexpected argument '--json': after '--' it is taken as PACKAGE, not as an option, and is"
                + " not a valid one\nhint: put options before '--'; see 'prompd install --help'\n",
                described(new UsageError("Invalid value for PACKAGE: '--json' does not name a package",
                        List.of("--json"),
                        List.of(), "prompd install", false, true, List.of("PACKAGE"), true, List.of(),
                        Optional.empty(), Optional.empty())),
                "a parameter taking any number of values took it, and refused it");
        assertEquals("error: unexpected argument 'extra'\nhint: see 'prompd info --help'\n",
                described(new UsageError("Unmatched argument at index 2: 'extra'", List.of("extra"), List.of(),
                        "prompd info", false, true, List.of("PACKAGE"), false, List.of(), Optional.empty(),
                        Optional.empty())),
                "a word no option name is unexpected alone");
    }

    @Test
    void aParserSentenceBecomesAnErrorWithWhereTheHelpIs() {
        assertEquals("error: unknown option '--jsn'\nhint: did you mean --json? see 'prompd install --help'\n",
                described(new UsageError("Unknown option: '--jsn'", List.of("--jsn"), List.of("--json"),
                        "prompd install",
                        false, false, List.of(), false, List.of(), Optional.empty(), Optional.empty())));
        assertEquals("error: missing required parameter: '<repo>'\nhint: see 'prompd-registry check --help'\n",
                described(new UsageError("Missing required parameter: '<repo>'", List.of(), List.of(),
                        "prompd-registry check", false, false, List.of(), false, List.of(), Optional.empty(),
                        Optional.empty())));
        assertEquals("error: --json, --dot are mutually exclusive (specify only one)\nhint: see 'prompd tree --help'\n",
                described(new UsageError("Error: --json, --dot are mutually exclusive (specify only one)", List.of(),
                        List.of(),
                        "prompd tree", false, false, List.of(), false, List.of(),
                        Optional.empty(), Optional.empty())), "no second 'error:'");
        assertEquals("error: PACKAGE is wrong\nhint: see 'prompd --help'\n",
                described(new UsageError("PACKAGE is wrong", List.of(), List.of(), "prompd", true, false, List.of(),
                        false, List.of(), Optional.empty(), Optional.empty())),
                "not a sentence: as it is");
    }

    @Test
    void anUnmatchedWordIsAnUnknownCommandWhereOneIsExpectedAndAnUnexpectedArgumentElsewhere() {
        assertEquals("error: unknown command 'instal'\nhint: did you mean install? see 'prompd --help'\n",
                described(new UsageError("Unmatched arguments from index 0: 'instal', 'x'", List.of("instal", "x"),
                        List.of("install"), "prompd", true, false, List.of(), false, List.of(), Optional.empty(),
                        Optional.empty())));
        assertEquals("error: unknown command 'cach'\nhint: did you mean cache, catch or cacheable? see"
                + " 'prompd --help'\n",
                described(new UsageError("Unmatched argument at index 0: 'cach'", List.of("cach"),
                        List.of("cache", "catch", "cacheable"), "prompd", true, false, List.of(), false, List.of(),
                        Optional.empty(), Optional.empty())),
                "as every other list of names");
        assertEquals("error: unexpected argument 'a', 'b'\nhint: see 'prompd list --help'\n",
                described(new UsageError("Unmatched arguments from index 0: 'a', 'b'", List.of("a", "b"), List.of(),
                        "prompd list", false, false, List.of(), false, List.of(), Optional.empty(), Optional.empty())));
    }

    @Test
    void onlySuggestionsNearTheWordTypedAreMadeAndWithoutOneTheHelpIsSaidToListTheCommands() {
        assertEquals("error: unknown command 'search'\nhint: 'prompd --help' lists the commands\n",
                described(new UsageError("Unmatched argument at index 0: 'search'", List.of("search"), List.of("cache"),
                        "prompd", true, false, List.of(), false, List.of(), Optional.empty(), Optional.empty())));
        assertEquals("error: unknown command 'run'\nhint: 'prompd --help' lists the commands\n",
                described(new UsageError("Unmatched argument at index 0: 'run'", List.of("run"), List.of("uninstall"),
                        "prompd", true, false, List.of(), false, List.of(), Optional.empty(), Optional.empty())));
        assertEquals("error: unknown command 'instal'\nhint: did you mean install? see 'prompd --help'\n",
                described(new UsageError("Unmatched argument at index 0: 'instal'", List.of("instal"),
                        List.of("install", "uninstall", "info"), "prompd", true, false, List.of(), false, List.of(),
                        Optional.empty(), Optional.empty())),
                "uninstall and info are 3 edits away");
        assertEquals("error: unknown command 'conf'\nhint: did you mean config? see 'prompd --help'\n",
                described(new UsageError("Unmatched argument at index 0: 'conf'", List.of("conf"), List.of("config"),
                        "prompd", true, false, List.of(), false, List.of(),
                        Optional.empty(), Optional.empty())), "the beginning of a command is near it");
        assertEquals("error: unknown option '--verbos'\nhint: see 'prompd install --help'\n",
                described(new UsageError("Unknown option: '--verbos'", List.of("--verbos"), List.of("--version"),
                        "prompd install", false, false, List.of(), false, List.of(), Optional.empty(),
                        Optional.empty())),
                "an option as far from the one meant as a command is");
    }

    @Test
    void adviceOnWritingValuesComesWithTheProblemsItIsToldFor() {
        assertThrows(IllegalArgumentException.class, () -> new UsageError("Missing required parameter: 'NAME'",
                List.of(), List.of(), "prompd update", false, false, List.of("NAME"), false, List.of(),
                Optional.of("write @org/pkg or pkg, without a version"), Optional.empty()));
    }
}
