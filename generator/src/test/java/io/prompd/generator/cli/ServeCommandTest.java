package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path temp;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        return RegistryCommand.commandLine(new PrintWriter(stdout, true), new PrintWriter(stderr, true)).execute(args);
    }

    @Test
    void aMissingFolderIsNotFound() {
        assertEquals(3, run("serve", temp.resolve("nowhere").toString(), "--port", "0"));
        assertTrue(stderr.toString().startsWith("error: no such file or folder"), stderr.toString());
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        assertEquals(2, run("serve", temp.toString(), "--port", "70000"));
        assertTrue(stderr.toString().contains("--port must be from 0 to 65535"), stderr.toString());
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(0, run("serve", "--help"));
        assertTrue(stdout.toString().contains("--port") && stdout.toString().contains("--host"), stdout.toString());
    }
}
