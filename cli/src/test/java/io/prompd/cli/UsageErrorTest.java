package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageErrorTest {

    private static String described(UsageError error) {
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.USAGE.code(), Failures.reportUsage(error, new PrintWriter(err, true)));
        return err.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void aParserSentenceBecomesAnErrorWithWhereTheHelpIs() {
        assertEquals("error: unknown option: '--jsn'\nhint: did you mean --json? see 'prompd install --help'\n",
                described(new UsageError("Unknown option: '--jsn'", List.of("--jsn"), List.of("--json"), "prompd install",
                        false)));
        assertEquals("error: missing required parameter: '<repo>'\nhint: see 'prompd-registry check --help'\n",
                described(new UsageError("Missing required parameter: '<repo>'", List.of(), List.of(),
                        "prompd-registry check", false)));
        assertEquals("error: --json, --dot are mutually exclusive (specify only one)\nhint: see 'prompd tree --help'\n",
                described(new UsageError("Error: --json, --dot are mutually exclusive (specify only one)", List.of(), List.of(),
                        "prompd tree", false)), "no second 'error:'");
        assertEquals("error: PACKAGE is wrong\nhint: see 'prompd --help'\n",
                described(new UsageError("PACKAGE is wrong", List.of(), List.of(), "prompd", true)), "not a sentence: as it is");
    }

    @Test
    void anUnmatchedWordIsAnUnknownCommandWhereOneIsExpectedAndAnUnexpectedArgumentElsewhere() {
        assertEquals("error: unknown command 'instal'\nhint: did you mean install or uninstall? see 'prompd --help'\n",
                described(new UsageError("Unmatched arguments from index 0: 'instal', 'x'", List.of("instal", "x"),
                        List.of("install", "uninstall"), "prompd", true)));
        assertEquals("error: unknown command 'instal'\nhint: did you mean install, uninstall or info? see 'prompd --help'\n",
                described(new UsageError("Unmatched argument at index 0: 'instal'", List.of("instal"),
                        List.of("install", "uninstall", "info"), "prompd", true)), "as every other list of names");
        assertEquals("error: unexpected argument 'a', 'b'\nhint: see 'prompd list --help'\n",
                described(new UsageError("Unmatched arguments from index 0: 'a', 'b'", List.of("a", "b"), List.of(),
                        "prompd list", false)));
    }
}
