package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoped names start with '@', so no argument is ever read as picocli's file of more arguments. */
class AtArgumentsTest {

    @TempDir
    Path work;

    @Test
    void anArgumentNamedLikeAnExistingFileIsStillAnArgument() throws IOException {
        Path file = Files.writeString(work.resolve("acme"), "--version\n");

        CliRun run = CliRun.in(work, work.resolve("home"), "info", "@" + file);

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("is not a valid package name"), run.err());
        assertEquals("", run.out(), "the file's --version was not read as an argument");
    }
}
