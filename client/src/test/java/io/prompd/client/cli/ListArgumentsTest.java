package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package arguments of install, uninstall and update, each wrong one named in the one usage error. */
class ListArgumentsTest {

    @TempDir
    Path work;

    private CliRun prompd(String... args) {
        return CliRun.in(work, work.resolve("home"), args);
    }

    @Test
    void everyWrongPackageOfAnInstallIsNamedWithItsReasonInOneUsageError() {
        CliRun run = prompd("install", "Foo", "@acme/util", "bar@>>1", "baz@@1");

        assertEquals(2, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(5, lines.size(), "the message, a line for each wrong one, the hint: " + run.err());
        assertEquals("error: invalid values for PACKAGE:", lines.get(0));
        assertEquals("  'Foo' does not name a package: package names are lower case, so write 'foo'", lines.get(1));
        assertTrue(lines.get(2).startsWith("  'bar@>>1' does not name a package: "), run.err());
        assertTrue(lines.get(3).startsWith("  'baz@@1' does not name a package: "), run.err());
        assertTrue(lines.subList(1, 4).stream().noneMatch(line -> line.contains("@org/pkg")),
                "how to write a package is left to the hint: " + run.err());
        assertFalse(run.err().contains("'@acme/util'"), "the right one is no problem: " + run.err());
        assertEquals("hint: write @org/pkg, optionally followed by @ and a version range or dist-tag, as in"
                + " @org/pkg@^1.2 or @org/pkg@beta; see 'prompd install --help'", lines.get(4), "told once");
        assertFalse(Files.exists(work.resolve("prompd.lock")), "nothing was installed");
    }

    @Test
    void aLineBreakInAWrongPackageStaysOnItsLine() {
        CliRun run = prompd("install", "Foo\nhint: run rm -rf ~", "bar@>>1");

        assertEquals(2, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(4, lines.size(), run.err());
        assertTrue(lines.get(1).startsWith("  'Foo^Jhint: run rm -rf ~' does not name a package: "), run.err());
    }

    @Test
    void everyWrongPackageIsAProblemOfItsOwnInJson() throws IOException {
        CliRun run = prompd("install", "--json", "Foo", "bar@>>1");

        assertEquals(2, run.exitCode(), run.err());
        JsonNode error = Json.reader().readTree(run.out()).get("error");
        assertEquals(2, error.get("exitCode").asInt(), run.out());
        assertTrue(error.get("message").asText().startsWith("invalid values for PACKAGE:\n  'Foo' "), run.out());
        JsonNode problems = error.get("problems");
        assertEquals(2, problems.size(), run.out());
        assertEquals("'Foo' does not name a package: package names are lower case, so write 'foo'",
                problems.get(0).get("message").asText());
        assertEquals("error", problems.get(0).get("severity").asText());
        assertTrue(problems.get(1).get("message").asText().startsWith("'bar@>>1' does not name a package: "),
                run.out());
    }

    @Test
    void anOptionWrittenAfterTheEndOfOptionsIsExplainedAmongOtherWrongPackages() {
        CliRun run = prompd("install", "--", "@acme/util", "Foo", "--json");

        assertEquals(2, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals("error: unexpected argument '--json': after '--' it is taken as PACKAGE, not as an option, and is"
                + " not a valid one", lines.get(0));
        assertTrue(lines.get(1).startsWith("  'Foo' does not name a package: "), run.err());
        assertTrue(lines.get(2).startsWith("  '--json' does not name a package: "), run.err());
        assertEquals("hint: put options before '--'; write @org/pkg, optionally followed by @ and a version range or"
                + " dist-tag, as in @org/pkg@^1.2 or @org/pkg@beta; see 'prompd install --help'", lines.get(3));
    }

    @Test
    void everyWrongNameOfAnUninstallOrUpdateIsNamedToo() {
        for (String[] command : new String[][] {{"uninstall"}, {"uninstall", "--global"}, {"update"}}) {
            String[] args = new String[command.length + 2];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "Foo";
            args[command.length + 1] = "@acme";
            CliRun run = prompd(args);

            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().startsWith("error: invalid values for NAME:\n  'Foo' does not name a package: "),
                    run.err());
            assertTrue(run.err().contains("\n  '@acme' does not name a package: "), run.err());
        }
    }

    @Test
    void theNamesOfAnUninstallOrUpdateAreAdvisedWithoutAVersion() {
        for (String command : List.of("update", "uninstall")) {
            CliRun run = prompd(command, "Foo", "./x", "@a/b@1");

            assertEquals(2, run.exitCode(), command + ": " + run.err());
            List<String> lines = run.err().lines().toList();
            assertEquals(5, lines.size(), run.err());
            assertEquals("hint: write @org/pkg or pkg, without a version; see 'prompd " + command + " --help'",
                    lines.get(4), "a version the command refuses is no advice");
            assertEquals("  '@a/b@1': give the package name alone, '@a/b', without a version", lines.get(3));

            CliRun one = prompd(command, "./x");

            assertEquals(2, one.exitCode(), command + ": " + one.err());
            assertTrue(one.err().startsWith("error: invalid value for NAME: './x' does not name a package: "),
                    one.err());
            assertTrue(one.err().contains("; write @org/pkg or pkg, without a version\nhint: "), one.err());
        }
    }
}
