package io.prompd.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program in a process of its own, as a user or a CI job would, and keeps what it printed:
 * the packaged jars, their launchers, the class-data sharing training runs.
 */
public final class Processes {

    /** What a finished process printed, and its exit code. */
    public record Run(int exitCode, String out, String err) {

        /** This run, when it exited with 0; otherwise the test fails, showing both streams. */
        public Run ok() {
            assertEquals(0, exitCode, () -> "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }
    }

    private Processes() {
    }

    /**
     * The id of a process that has ended: what the temporary files of a run killed midway name.
     * (The id may be taken again by a new process, but not in the moment a test needs it.)
     */
    public static long endedPid() throws IOException, InterruptedException {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        return ended.pid();
    }

    /**
     * Writes in a {@link io.prompd.core.files.RunLock}'s file what a run killed while holding it leaves
     * there: the name of its process, which only a release wipes.
     */
    public static void killedWhileHolding(Path lockFile) throws IOException, InterruptedException {
        Files.createDirectories(lockFile.toAbsolutePath().getParent());
        Files.writeString(lockFile, "pid=" + endedPid() + "\nstarted=\n");
    }

    /** The command that runs a program, such as a launcher script, with these arguments. */
    public static List<String> command(Path program, String... args) {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The JVM option that gives a JVM a test starts the tests' own home (the pom's {@code tests.userHome}): a JVM takes
     * {@code user.home} from the account's entry in passwd, not from {@code $HOME}, and JGit reads the Git config of
     * the real home there.
     */
    public static String testsUserHome() {
        return "-Duser.home=" + System.getProperty("user.home");
    }

    /** The command that runs a jar, with JVM options, on the JVM running the tests, in the tests' home. */
    public static List<String> java(List<String> options, Path jar, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(testsUserHome());
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs the command in a folder, with these variables added to the environment and {@code stdin}
     * as its input, and fails the test when it takes longer than the timeout. Output goes through
     * temporary files, so a process that prints a lot never waits on a full pipe.
     */
    public static Run run(List<String> command, Path folder, Map<String, String> environment, String stdin,
                          Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("process-out", ".txt");
        Path err = Files.createTempFile("process-err", ".txt");
        Path in = Files.createTempFile("process-in", ".txt");
        try {
            Files.writeString(in, stdin, StandardCharsets.UTF_8);
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(in.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("did not finish in " + timeout.toSeconds() + " s: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(in);
        }
    }
}
