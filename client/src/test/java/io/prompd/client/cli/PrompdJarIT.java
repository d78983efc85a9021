package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.testing.Processes;
import io.prompd.core.testing.Processes.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code target/prompd.jar}, and its launcher, in a separate JVM, as a user types it. */
class PrompdJarIT {

    private static final Path JAR = Path.of("target/prompd.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("target/prompd").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private Run prompd(String... args) throws IOException, InterruptedException {
        return Processes.run(Processes.java(List.of(), JAR, args), work, Map.of("PROMPD_HOME", work.resolve("home").toString()),
                "", TIMEOUT);
    }

    private Run launch(Path launcher, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return Processes.run(Processes.command(launcher, args), work, environment, "", TIMEOUT);
    }

    @Test
    void theLauncherMapsTheArchiveMadeAtBuildTime() throws Exception {
        Path classes = work.resolve("classes.log");
        Run version = launch(LAUNCHER, Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes), "--version").ok();
        assertTrue(version.out().startsWith("prompd "), version.out());
        assertTrue(Files.readString(classes, StandardCharsets.UTF_8)
                .contains("io.prompd.client.cli.PrompdCommand source: shared objects file"));
    }

    @Test
    void aLauncherMovedAwayFromItsArchiveStartsWithoutSayingSo() throws Exception {
        Path moved = Files.createDirectories(work.resolve("moved"));
        for (String file : List.of("prompd", "prompd.jar", "prompd.jsa")) {
            Files.copy(Path.of("target", file), moved.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Run version = launch(moved.resolve("prompd"), Map.of(), "--version").ok();
        assertTrue(version.out().startsWith("prompd "), version.out());
        assertEquals("", version.err(), "the archive that does not fit is not reported");
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
