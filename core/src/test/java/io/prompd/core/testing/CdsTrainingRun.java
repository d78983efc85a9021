package io.prompd.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A build's training run for a launcher's class-data sharing archive (the client's and the
 * generator's {@code CdsTraining}): its arguments {@code JAR ARCHIVE WORK_FOLDER}, and the runs of
 * the jar it makes, with the launcher's JVM options, the last one recording the archive.
 *
 * @param launcherOptions the launcher's JVM options, which the archive must be made with
 */
public record CdsTrainingRun(Path jar, Path archive, Path work, List<String> launcherOptions) {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    public CdsTrainingRun {
        launcherOptions = List.copyOf(launcherOptions);
    }

    /**
     * The training of a {@code main(args)}; creates the work folder. The launcher's JVM options come
     * from the pom, which also writes them into the launcher, so that the two cannot disagree.
     */
    public static CdsTrainingRun of(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: CdsTraining JAR ARCHIVE WORK_FOLDER LAUNCHER_JVM_OPTIONS");
        }
        return new CdsTrainingRun(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath(),
                Files.createDirectories(Path.of(args[2]).toAbsolutePath()), List.of(args[3].trim().split("\\s+")));
    }

    /** Runs the jar as the launcher would, to prepare what the recorded run starts from. */
    public void prepare(Path folder, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        run(launcherOptions, folder, environment, args);
    }

    /** Runs the jar as the launcher would, writing the classes it loads into the archive. */
    public void record(Path folder, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(launcherOptions);
        options.add("-XX:ArchiveClassesAtExit=" + archive);
        run(options, folder, environment, args);
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run recorded no " + archive);
        }
    }

    private void run(List<String> options, Path folder, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Processes.run(Processes.java(options, jar, args), folder, environment, "", TIMEOUT).ok();
    }
}
