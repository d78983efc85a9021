package io.prompd.client.testing;

import io.prompd.core.testing.CdsTrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The build's training run for the launcher's class-data sharing archive: {@code prompd install}
 * of a project against a registry served over HTTP, so the archive holds the classes of a real
 * install (HTTP, JSON documents, resolution, unpacking, lock files) and not only those of start-up.
 * The project's lock is made by a first run and then outdated by a new dependency, so the recorded
 * run reads a lock, resolves, installs some versions and finds others in the store.
 *
 * <p>Usage: {@code CdsTraining JAR ARCHIVE WORK_FOLDER LAUNCHER_JVM_OPTIONS}, run by the client's build after shading.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        CdsTrainingRun training = CdsTrainingRun.of(args);
        Path work = training.work();
        TestRegistry registry = new TestRegistry(work.resolve("registry"))
                .publish("@train/util", "1.0.0")
                .publish("@train/util", "1.1.0")
                .publish("@train/text", "1.0.0", "@train/util", "^1.0.0")
                .publish("@train/base", "1.0.0", "@train/util", "^1.1.0", "@train/text", "^1.0.0")
                .publish("@train/extra", "2.0.0", "@train/text", "^1.0.0");
        Path project = Files.createDirectories(work.resolve("project"));
        try (RegistryServer server = RegistryServer.serving(registry.root())) {
            Map<String, String> environment = Map.of("PROMPD_HOME", work.resolve("home").toString(),
                    "PROMPD_REGISTRY", server.url().toString());
            writeProject(project, "\"@train/base\": \"^1.0.0\"");
            training.prepare(project, environment, "install");
            writeProject(project, "\"@train/base\": \"^1.0.0\", \"@train/extra\": \"^2.0.0\"");
            training.record(project, environment, "install");
        }
    }

    private static void writeProject(Path project, String dependencies) throws IOException {
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"@train/app\", \"version\": \"1.0.0\","
                + " \"license\": \"MIT\", \"dependencies\": {" + dependencies + "}}\n");
    }
}
