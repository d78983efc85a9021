package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
        String error = run.err().lines().findFirst().orElseThrow();
        assertTrue(error.startsWith("error: invalid values for PACKAGE: 'Foo' does not name a package: package names"
                + " are lower case, so write 'foo'; 'bar@>>1' does not name a package: "), error);
        assertTrue(error.contains("; 'baz@@1' does not name a package: "), error);
        assertFalse(error.contains("'@acme/util'"), "the right one is no problem: " + error);
        assertTrue(run.err().endsWith("\nhint: see 'prompd install --help'\n"), run.err());
        assertFalse(Files.exists(work.resolve("prompd.lock")), "nothing was installed");
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
            assertTrue(run.err().startsWith("error: invalid values for NAME: 'Foo' does not name a package: "),
                    run.err());
            assertTrue(run.err().contains("; '@acme' does not name a package: "), run.err());
        }
    }
}
