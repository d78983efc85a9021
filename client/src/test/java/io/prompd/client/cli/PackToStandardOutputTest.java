package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pack --out -}: the tarball on standard output, as {@code tar -f -} and {@code curl -o -} take '-'. */
class PackToStandardOutputTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @BeforeEach
    void writePackage() throws IOException {
        Path pkg = work.resolve("greeter");
        Files.createDirectories(pkg.resolve("prompts"));
        Files.writeString(pkg.resolve("prompd.json"), """
                {"name": "@acme/greeter", "version": "1.0.0", "description": "Greets people", "license": "MIT",
                 "main": "prompts/greet.prmd"}
                """, StandardCharsets.UTF_8);
        Files.writeString(pkg.resolve("prompts/greet.prmd"), "---\nid: greet\n---\n# User\n\nSay hello.\n",
                StandardCharsets.UTF_8);
        Files.writeString(pkg.resolve("LICENSE"), "MIT License\n", StandardCharsets.UTF_8);
    }

    private CliRun pack(boolean stdoutIsTerminal, String... args) {
        return CliRun.with(CliRun.context(Map.of("PROMPD_HOME", work.resolve("home").toString()), work,
                work.resolve("user-home"), new byte[0], stdout, stdoutIsTerminal), args);
    }

    @Test
    void outDashWritesTheTarballsBytesToStandardOutputAndTheSummaryToStandardError() throws IOException {
        CliRun toFile = pack(false, "pack", "greeter", "--out", "greeter.tgz");
        assertEquals(0, toFile.exitCode(), toFile.err());
        assertEquals(0, stdout.size());

        CliRun toStdout = pack(false, "pack", "greeter", "--out", "-");

        assertEquals(0, toStdout.exitCode(), toStdout.err());
        assertArrayEquals(Files.readAllBytes(work.resolve("greeter.tgz")), stdout.toByteArray());
        assertEquals("", toStdout.out(), "standard output holds the tarball alone");
        assertEquals(toFile.out().replace(work.resolve("greeter.tgz").toString(), "(standard output)"),
                toStdout.err());
        assertFalse(Files.exists(work.resolve("-")), "no file named '-'");
    }

    @Test
    void aReaderGoneAfterTheFirstBytesIsNoFailureAsForTextButAFullDiskIs() {
        CliRun readerGone = CliRun.with(CliRun.context(Map.of("PROMPD_HOME", work.resolve("home").toString()), work,
                work.resolve("user-home"), new byte[0], failingAfter(10, "Broken pipe"), false),
                "pack", "greeter", "--out", "-");

        assertEquals(0, readerGone.exitCode(), readerGone.err());
        assertTrue(readerGone.err().contains("file:          (standard output)\n"), readerGone.err());

        CliRun diskFull = CliRun.with(CliRun.context(Map.of("PROMPD_HOME", work.resolve("home").toString()), work,
                work.resolve("user-home"), new byte[0], failingAfter(10, "No space left on device"), false),
                "pack", "greeter", "--out", "-");

        assertEquals(1, diskFull.exitCode(), diskFull.err());
        assertTrue(diskFull.err().contains("No space left on device"), diskFull.err());
    }

    /** A pipe or disk that takes {@code taken} bytes, then fails every write with {@code reason}. */
    private static OutputStream failingAfter(int taken, String reason) {
        return new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (written++ >= taken) {
                    throw new IOException(reason);
                }
            }
        };
    }

    @Test
    void outDashWithJsonIsAUsageErrorAsBothWantStandardOutput() {
        CliRun run = pack(false, "pack", "greeter", "--out", "-", "--json");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: --out - and --json cannot be used together: both write to standard"
                + " output; give one of them\n"), run.err());
        assertEquals(0, stdout.size());
        assertFalse(Files.exists(work.resolve("-")));
    }

    @Test
    void outDashToATerminalIsRefusedWithAHintToRedirect() {
        CliRun run = pack(true, "pack", "greeter", "--out", "-");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: refusing to write the tarball to standard output, a terminal: its compressed bytes would"
                + " garble it\nhint: redirect it to a file or a pipe, as in 'prompd pack greeter --out - | tar -tzf -',"
                + " or give --out a file or a folder\n", run.err());
        assertEquals(0, stdout.size());
        assertFalse(Files.exists(work.resolve("-")));
    }
}
