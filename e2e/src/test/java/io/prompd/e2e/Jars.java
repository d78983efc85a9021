package io.prompd.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jars in their own JVMs, with a home folder and working folder of the test's choosing. */
final class Jars {

    static final Path PROMPD = Path.of("../client/target/prompd.jar").toAbsolutePath().normalize();
    static final Path REGISTRY = Path.of("../generator/target/prompd-registry.jar").toAbsolutePath().normalize();

    record Run(int exitCode, String out, String err) {
        Run ok() {
            assertTrue(exitCode == 0, "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }
    }

    private Jars() {
    }

    static Run run(Path jar, Path workingDirectory, Map<String, String> environment, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("e2e-out", ".txt");
        Path err = Files.createTempFile("e2e-err", ".txt");
        Path in = Files.createTempFile("e2e-in", ".txt");
        Files.writeString(in, stdin, StandardCharsets.UTF_8);
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(in.toFile()).start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "did not finish in time: " + command);
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(in);
        }
    }
}
