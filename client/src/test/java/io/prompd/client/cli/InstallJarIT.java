package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prompd.client.testing.RegistryServer;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code prompd install} in separate JVMs of the packaged jar: killed midway, and two at once. */
class InstallJarIT {

    private static final Path JAR = Path.of("target/prompd.jar").toAbsolutePath();

    @TempDir
    Path work;

    RegistryServer server;
    Path project;
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        TestRegistry registry = new TestRegistry(work.resolve("registry"))
                .publish("@acme/util", "1.0.0")
                .publish("@acme/base", "1.0.0", "@acme/util", "^1.0.0");
        server = RegistryServer.serving(registry.root());
        home = Files.createDirectories(work.resolve("home"));
        project = Files.createDirectories(work.resolve("app"));
        Files.writeString(project.resolve("prompd.json"),
                "{\"name\": \"@me/app\", \"version\": \"1.0.0\", \"dependencies\": {\"@acme/base\": \"^1.0.0\"}}\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Process start(String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Processes.java(List.of(), JAR, args)).directory(project.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PROMPD_HOME", home.toString());
        builder.environment().put("PROMPD_REGISTRY", server.url().toString());
        return builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int finish(Process process) throws InterruptedException {
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "prompd did not finish in time");
        return process.exitValue();
    }

    /** Hidden files but the store's own records: the integrity each version came from, and its change stamp. */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            return paths.filter(path -> {
                String name = path.getFileName().toString();
                return name.startsWith(".") && !name.endsWith(".integrity") && !name.equals(".changed");
            }).toList();
        }
    }

    private List<Path> tarballDownloads() throws IOException {
        return leftovers().stream().filter(path -> path.toString().contains("tarballs")).toList();
    }

    /**
     * SIGTERM, as a CI cancelling a job or a terminal's Ctrl-C (SIGINT, handled alike) ends it, runs the JVM's shutdown
     * hooks, none of which may release the home's lock as a finished run would: the next run would take it for one
     * that left nothing to repair. SIGKILL ends it where it stands.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRunKilledMidDownloadIsRepairedByTheNextRun(boolean forcibly) throws Exception {
        server.pauseInTarballs(Duration.ofSeconds(30));
        Process killed = start("install");
        Instant giveUp = Instant.now().plusSeconds(60);
        // the paused tarball's download, not a document's temporary file, which comes and goes at once
        while (tarballDownloads().isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }
        assertTrue(!tarballDownloads().isEmpty(), "the download had begun");
        if (forcibly) {
            killed.destroyForcibly();
        } else {
            killed.destroy();
        }
        assertEquals(forcibly ? 137 : 143, killed.waitFor(), "ended by the signal, not by the download's end");
        server.pauseInTarballs(Duration.ZERO);

        assertEquals(0, finish(start("install")));

        assertEquals(List.of(), leftovers());
        assertTrue(Files.isRegularFile(home.resolve("packages/@acme/base@1.0.0/prompd.json")));
        assertTrue(Files.isRegularFile(home.resolve("packages/@acme/util@1.0.0/prompd.json")));
        assertTrue(Files.isRegularFile(project.resolve("prompd.lock")));
    }

    /**
     * Runs {@code prompd install} at a terminal, as a person does: script(1) gives it one.
     *
     * @param redirections where the shell sends stdout and stderr instead
     * @return what the terminal showed
     */
    private String installAtATerminal(Path runHome, String redirections) throws Exception {
        String install = Processes.java(List.of(), JAR, "install").stream()
                .map(word -> "'" + word.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", install + " " + redirections, "/dev/null")
                .directory(project.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("PROMPD_HOME", runHome.toString());
        builder.environment().put("PROMPD_REGISTRY", server.url().toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String shown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, finish(process), shown);
        return shown;
    }

    @Test
    void progressIsShownAtATerminalAndKeptOutOfARedirectedStderr() throws Exception {
        String shown = installAtATerminal(home, "> out.txt");
        assertTrue(shown.contains("\rinstalling [") && shown.contains("2/2"), shown);
        assertTrue(Files.readString(project.resolve("out.txt")).startsWith("2 packages: 2 downloaded"));

        String summary = installAtATerminal(work.resolve("home-2"), "2> err.txt");
        assertTrue(summary.startsWith("2 packages: 2 downloaded"), summary);
        assertEquals("", Files.readString(project.resolve("err.txt")), "no progress in a log");
    }

    @Test
    void twoProcessesInstallingOneProjectAtOnceBothSucceed() throws Exception {
        server.pauseInTarballs(Duration.ofMillis(300));
        Process first = start("install");
        Process second = start("install");

        assertEquals(0, finish(first));
        assertEquals(0, finish(second));

        assertEquals(List.of(), leftovers());
        assertTrue(Files.isRegularFile(home.resolve("packages/@acme/util@1.0.0/prompd.json")));
        assertEquals(2, server.requests().stream().filter(path -> path.endsWith(".tgz")).count(),
                "the second run found both versions installed by the first");
    }

    /**
     * Runs prompd in the project as a user the rights of the home's files stop: root, running the tests, passes every
     * right, so it runs as nobody then, the home's folders made readable to others for what it may read.
     */
    private Processes.Run asAnotherUser(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Processes.java(List.of(), JAR, args));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(0, List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return Processes.run(command, project, Map.of("PROMPD_HOME", home.toString(), "PROMPD_REGISTRY",
                server.url().toString()), "", Duration.ofSeconds(90));
    }

    @Test
    void aStoreThisUserMayNotReadIsSaidToBeSoByListAndTreeNotCalledNotInstalled() throws Exception {
        assertEquals(0, finish(start("install")));
        Path packages = home.resolve("packages");
        Files.setPosixFilePermissions(packages, PosixFilePermissions.fromString("---------"));
        try {
            for (String[] command : new String[][] {{"list", "--json"}, {"tree"}}) {
                Processes.Run run = asAnotherUser(command);

                assertEquals(1, run.exitCode(), run.err());
                // the folder that refuses, whose ls -ld the hint gives, not a file inside it, whose ls -ld fails too
                assertTrue(run.err().startsWith("error: permission denied: " + packages + "\n"), run.err());
                assertFalse(run.err().contains("not installed"), run.err());
            }
        } finally {
            Files.setPosixFilePermissions(packages, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Gives every file and folder of the home the rights {@code folders} and {@code files}, the home's first. */
    private void chmodHome(String folders, String files) throws IOException {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path)
                        ? folders : files));
            }
        }
    }

    /**
     * As pip installs with a cache it cannot write: a frozen install finding every version installed has nothing to
     * write, and a home another user owns (a CI image's, say) refuses it only the lock; one finding a version to
     * install takes the lock, and fails as before.
     */
    @Test
    void aFrozenInstallWithNothingToWriteRunsInAHomeThisUserMayNotWrite() throws Exception {
        assertEquals(0, finish(start("install")));
        chmodHome("r-xr-xr-x", "r--r--r--");
        try {
            Processes.Run frozen = asAnotherUser("install", "--frozen");

            assertEquals(0, frozen.exitCode(), frozen.err());
            assertTrue(frozen.out().startsWith("2 packages: 0 downloaded, 0 from the cache, 2 already installed"),
                    frozen.out());
            assertEquals("", frozen.err());

            chmodHome("rwxr-xr-x", "rw-r--r--");
            assertEquals(0, finish(start("uninstall", "--global", "@acme/util@1.0.0")));
            chmodHome("r-xr-xr-x", "r--r--r--");
            Processes.Run missing = asAnotherUser("install", "--frozen");

            assertEquals(1, missing.exitCode(), missing.err());
            assertTrue(missing.err().startsWith("error: permission denied: " + home.resolve("install.lock")),
                    missing.err());
        } finally {
            chmodHome("rwxr-xr-x", "rw-r--r--");
        }
    }

    @Test
    void aFrozenInstallWithNothingToWriteRunsInAHomeOnADiskMountedReadOnly() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root mounts a folder read-only");
        assertEquals(0, finish(start("install")));
        Processes.Run frozen = onReadOnlyHome("install", "--frozen");
        assumeTrue(!frozen.err().contains("unshare:") && !frozen.err().contains("mount:"),
                "this machine lets no process mount: " + frozen.err());

        assertEquals(0, frozen.exitCode(), frozen.err());
        assertTrue(frozen.out().startsWith("2 packages: 0 downloaded, 0 from the cache, 2 already installed"),
                frozen.out());

        assertEquals(0, finish(start("uninstall", "--global", "@acme/util@1.0.0")));
        Processes.Run missing = onReadOnlyHome("install", "--frozen");

        assertEquals(1, missing.exitCode(), missing.err());
        assertTrue(missing.err().startsWith("error: the home " + home + " is on a disk mounted read-only, where"
                + " prompd cannot take its lock"), missing.err());
    }

    /** Runs prompd in the project with its home mounted read-only, in a mount namespace of its own. */
    private Processes.Run onReadOnlyHome(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "sh", "-c",
                "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"", home.toString()));
        command.addAll(Processes.java(List.of(), JAR, args));
        return Processes.run(command, project, Map.of("PROMPD_HOME", home.toString(), "PROMPD_REGISTRY",
                server.url().toString()), "", Duration.ofSeconds(90));
    }
}
