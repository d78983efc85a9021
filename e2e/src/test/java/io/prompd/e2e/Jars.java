package io.prompd.e2e;

import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs the packaged jars in their own JVMs, with a home folder and working folder of the test's choosing. */
final class Jars {

    static final Path PROMPD = Path.of("../client/target/prompd.jar").toAbsolutePath().normalize();
    static final Path REGISTRY = Path.of("../generator/target/prompd-registry.jar").toAbsolutePath().normalize();

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Jars() {
    }

    static Processes.Run run(Path jar, Path workingDirectory, Map<String, String> environment, String stdin,
                             String... args) throws IOException, InterruptedException {
        return Processes.run(Processes.java(List.of(), jar, args), workingDirectory, environment, stdin, TIMEOUT);
    }
}
