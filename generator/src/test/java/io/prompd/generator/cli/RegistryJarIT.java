package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.testing.Processes;
import io.prompd.generator.testing.TestRegistryRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar in a JVM of its own, for what the tests' JVM cannot change: the umask it builds under.
 */
class RegistryJarIT {

    private static final Path JAR = Path.of("target/prompd-registry.jar").toAbsolutePath();

    @TempDir
    Path work;

    /** As cron, sudo or a systemd unit's UMask= run it on a hardened host. */
    @Test
    void underUmask077TheFoldersMadeAboveTheOutputAre0755AsTheOutputIs() throws Exception {
        try (TestRegistryRepo registry = TestRegistryRepo.initRegistry(work.resolve("registry"))) {
            registry.publish("@common/util", "1.0.0");
            registry.commit("a package");
        }
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 077 && exec \"$@\"", "sh"));
        command.addAll(Processes.java(List.of(), JAR, "build", "registry", "--out", "www/site/registry"));

        Processes.run(command, work, Map.of(), "", Duration.ofSeconds(120)).ok();

        for (String folder : List.of("www", "www/site", "www/site/registry", "www/site/registry/packages")) {
            assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve(folder))),
                    folder);
        }
    }
}
