package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code target/prompd.jar}, and its launcher, in a separate JVM, as a user types it. */
class PrompdJarIT {

    private static final Path JAR = Path.of("target/prompd.jar").toAbsolutePath();

    @TempDir
    Path work;

    private record Run(int exitCode, String out, String err) {
    }

    private Run prompd(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().put("PROMPD_HOME", work.resolve("home").toString());
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "prompd did not finish in time");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theLauncherMapsTheArchiveMadeAtBuildTime() throws Exception {
        Path classes = work.resolve("classes.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of("target/prompd").toAbsolutePath().toString(), "--version")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("launcher.txt").toFile());
        builder.environment().put("JAVA_OPTS", "-Xlog:class+load:file=" + classes);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish in time");
        String output = Files.readString(work.resolve("launcher.txt"), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.startsWith("prompd "), output);
        assertTrue(Files.readString(classes, StandardCharsets.UTF_8)
                .contains("io.prompd.client.cli.PrompdCommand source: shared objects file"));
    }

    @Test
    void aLauncherMovedAwayFromItsArchiveStartsWithoutSayingSo() throws Exception {
        Path moved = Files.createDirectories(work.resolve("moved"));
        for (String file : List.of("prompd", "prompd.jar", "prompd.jsa")) {
            Files.copy(Path.of("target", file), moved.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Process process = new ProcessBuilder(moved.resolve("prompd").toString(), "--version").directory(work.toFile())
                .redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish in time");
        assertEquals(0, process.exitValue());
        assertTrue(Files.readString(work.resolve("out.txt")).startsWith("prompd "));
        assertEquals("", Files.readString(work.resolve("err.txt")), "the archive that does not fit is not reported");
    }

    @Test
    void versionAndHelpWithExitCodes() throws Exception {
        Run version = prompd("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("prompd "), version.out());
        Run help = prompd("--help");
        assertTrue(help.out().contains("Exit codes:"), help.out());
        Run unknown = prompd("frobnicate");
        assertEquals(2, unknown.exitCode(), unknown.err());
    }

    @Test
    void initValidatePackGivesTheSameBytesTwice() throws Exception {
        assertEquals(0, prompd("init", "pkg", "--name", "@smoke/pkg").exitCode());
        Run validate = prompd("validate", "pkg");
        assertEquals(0, validate.exitCode(), validate.out() + validate.err());
        Run first = prompd("pack", "pkg", "--out", "first.tgz");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("integrity:     sha512-"), first.out());
        Run second = prompd("pack", "pkg", "--out", "second.tgz");
        assertEquals(0, second.exitCode(), second.err());
        assertArrayEquals(Files.readAllBytes(work.resolve("first.tgz")), Files.readAllBytes(work.resolve("second.tgz")));
    }

    @Test
    void validationErrorsExitNonZeroWithTheProblemsOnStdout() throws Exception {
        Files.createDirectories(work.resolve("bad"));
        Files.writeString(work.resolve("bad/prompd.json"), "{\"name\": \"bad\", \"version\": \"1.0\"}\n");
        Run run = prompd("validate", "bad");
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("/version"), run.out());
    }
}
