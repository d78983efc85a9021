package io.prompd.generator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    private static final long RUN_MINUTES = 5;

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: CdsTraining JAR ARCHIVE WORK_FOLDER");
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
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
    }

    private static void build(Path jar, List<String> options, Path registry, Path out, Path work)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(LAUNCHER_OPTIONS);
        command.addAll(List.of("-jar", jar.toString(), "build", registry.toString(), "--out", out.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("training.log").toFile())).start();
        if (!process.waitFor(RUN_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the training build did not finish in " + RUN_MINUTES + " minutes");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the training build failed with exit code " + process.exitValue()
                    + "; see " + work.resolve("training.log"));
        }
        if (!Files.isDirectory(out)) {
            throw new IllegalStateException("the training build wrote no " + out);
        }
    }
}
