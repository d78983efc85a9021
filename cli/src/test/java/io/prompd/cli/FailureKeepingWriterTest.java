package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureKeepingWriterTest {

    /** Prints a line, and an error with its hint, as a command and a failure print them. */
    public static final class Printing {

        public static void main(String[] args) {
            PrintWriter out = Terminal.utf8(new FileOutputStream(FileDescriptor.out));
            out.println("created @acme/util");
            out.println(new Failures.Explanation(ExitCode.USAGE, "wrong", "do this").text());
            out.flush();
        }
    }

    /**
     * Windows' separator is "\r\n"; a JVM told that it is so writes as one there would, where the separator of the
     * JVM running the tests is fixed when it starts.
     */
    @Test
    void linesEndInANewlineWhateverTheSystemsLineSeparator(@TempDir Path folder)
            throws IOException, InterruptedException {
        Path out = folder.resolve("out.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dline.separator=\r\n", "-cp", System.getProperty("java.class.path"), Printing.class.getName())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertEquals("created @acme/util\nerror: wrong\nhint: do this\n",
                Files.readString(out, StandardCharsets.UTF_8));
    }
}
