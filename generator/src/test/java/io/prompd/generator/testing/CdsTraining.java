package io.prompd.generator.testing;

import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The build's training run for the launcher's class-data sharing archive: an incremental build
 * of a registry made with JGit, after a full build of it, so the archive holds the classes of
 * reading the previous build, reading Git, checking and packing a version, and carrying the
 * other packages over.
 *
 * <p>Usage: {@code CdsTraining JAR ARCHIVE WORK_FOLDER}, run by the generator's build after shading.
 */
public final class CdsTraining {

    /** The launcher's JVM options that the archive must be made with. */
    private static final List<String> LAUNCHER_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: CdsTraining JAR ARCHIVE WORK_FOLDER");
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Path work = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
        Path out = work.resolve("out");
        try (TestRegistryRepo registry = TestRegistryRepo.initRegistry(work.resolve("registry"))) {
            registry.publish("@common/util", "1.0.0");
            registry.publish("@common/text", "1.0.0", "@common/util@^1.0.0");
            registry.commit("first packages");
            build(jar, List.of(), registry.root(), out, work);
            registry.publish("@common/util", "1.1.0");
            registry.commit("a new version");
            build(jar, List.of("-XX:ArchiveClassesAtExit=" + archive), registry.root(), out, work);
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training build recorded no " + archive);
        }
    }

    private static void build(Path jar, List<String> recording, Path registry, Path out, Path work)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(LAUNCHER_OPTIONS);
        options.addAll(recording);
        Processes.run(Processes.java(options, jar, "build", registry.toString(), "--out", out.toString()), work,
                Map.of(), "", TIMEOUT).ok();
    }
}
