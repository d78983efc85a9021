package io.prompd.generator.testing;

import io.prompd.core.testing.CdsTrainingRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The build's training run for the launcher's class-data sharing archive: an incremental build
 * of a registry made with JGit, after a full build of it, so the archive holds the classes of
 * reading the previous build, reading Git, checking and packing a version, and carrying the
 * other packages over.
 *
 * <p>Usage: {@code CdsTraining JAR ARCHIVE WORK_FOLDER LAUNCHER_JVM_OPTIONS}, run by the generator's build after
 * shading.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        CdsTrainingRun training = CdsTrainingRun.of(args);
        String out = training.work().resolve("out").toString();
        try (TestRegistryRepo registry = TestRegistryRepo.initRegistry(training.work().resolve("registry"))) {
            registry.publish("@common/util", "1.0.0");
            registry.publish("@common/text", "1.0.0", "@common/util@^1.0.0");
            registry.commit("first packages");
            Path repository = registry.root();
            training.prepare(training.work(), Map.of(), "build", repository.toString(), "--out", out);
            registry.publish("@common/util", "1.1.0");
            registry.commit("a new version");
            training.record(training.work(), Map.of(), "build", repository.toString(), "--out", out);
        }
    }
}
