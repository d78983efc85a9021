package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.testing.Processes;
import io.prompd.core.testing.Processes.Run;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged launcher {@code target/prompd-registry} in a separate JVM, as a registry's CI runs it. */
class RegistryLauncherIT {

    private static final Path LAUNCHER = Path.of("target/prompd-registry").toAbsolutePath();

    @TempDir
    Path work;

    /** Runs the launcher in the tests' home with JAVA_OPTS, which its options end with. */
    private Run launch(String javaOptions, String... args) throws IOException, InterruptedException {
        return Processes.run(Processes.command(LAUNCHER, args), work,
                Map.of("JAVA_OPTS", Processes.testsUserHome() + " " + javaOptions), "", Duration.ofSeconds(120));
    }

    @Test
    void buildsThroughTheLauncherWithTheClassesOfItsArchive() throws Exception {
        Path classes = work.resolve("classes.log");
        try (TestRegistryRepo registry = TestRegistryRepo.initRegistry(work.resolve("registry"))) {
            registry.publish("@common/util", "1.0.0");
            registry.commit("a package");
            Run build = launch("-Xmx256m -Xlog:class+load:file=" + classes, "build", registry.root().toString(),
                    "--out", work.resolve("out").toString()).ok();
            assertTrue(build.out().contains("built 1 package, 1 version"), build.out());
        }
        assertTrue(Files.isRegularFile(work.resolve("out/packages/@common/util/-/util-1.0.0.tgz")));
        String loaded = Files.readString(classes, StandardCharsets.UTF_8);
        assertTrue(loaded.contains("io.prompd.generator.cli.PrompdRegistryCommand source: shared objects file"),
                "the launcher maps the archive made at build time");
    }

    @Test
    void aLinkToTheLauncherFindsTheJarBesideTheLauncher() throws Exception {
        Path link = Files.createSymbolicLink(work.resolve("prompd-registry"), work.relativize(LAUNCHER));

        Run version = Processes.run(Processes.command(link, "--version"), work, Map.of(), "", Duration.ofSeconds(120))
                .ok();

        assertTrue(version.out().startsWith("prompd-registry "), version.out());
    }

    /**
     * A JDK folder under the work folder whose release file says {@code version} and whose java runs {@code script}.
     */
    private Path fakeJava(String folder, String version, String script) throws IOException {
        Path java = Files.createDirectories(work.resolve(folder + "/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n" + script + "\n");
        java.toFile().setExecutable(true);
        Files.writeString(work.resolve(folder + "/release"), "JAVA_VERSION=\"" + version + "\"\n");
        return java;
    }

    @Test
    void anOlderJavaIsToldFromItsReleaseFile() throws Exception {
        Path java = fakeJava("jdk11", "11.0.2", "echo started");

        Run old = Processes.run(Processes.command(LAUNCHER, "--version"), work,
                Map.of("JAVA_HOME", work.resolve("jdk11").toString()), "", Duration.ofSeconds(120));

        assertEquals(1, old.exitCode());
        assertTrue(old.err().startsWith("error: prompd-registry needs Java 17 or later, and " + java.toRealPath()
                        + " is Java 11"),
                old.err());
    }

    @Test
    void theHeapAsksForHugePagesOnlyWhereLinuxOffersThemAndJavaOptsComeAfter() throws Exception {
        fakeJava("jdk", "17.0.2", "echo \"$@\"");
        Path modes = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean offered = Files.isReadable(modes) && Files.readString(modes).matches("(?s).*\\[(always|madvise)].*");

        Run run = Processes.run(Processes.command(LAUNCHER, "--version"), work,
                Map.of("JAVA_HOME", work.resolve("jdk").toString(), "JAVA_OPTS", "-XX:-UseTransparentHugePages"), "",
                Duration.ofSeconds(120)).ok();

        String options = run.out().strip();
        assertEquals(offered, options.contains("-XX:+UseTransparentHugePages "), options);
        assertTrue(options.contains("-XX:-UseTransparentHugePages -jar "),
                "JAVA_OPTS last, to turn it off: " + options);
    }

    @Test
    void aStandardStreamClosedReachesJavaAsDevNullSoNoFileTheJvmOpensTakesItsPlace() throws Exception {
        // read in a subshell, as a redirection of the command itself may be made in the shell, on its own streams
        fakeJava("jdk", "17.0.2", "echo \"$(readlink /proc/$$/fd/0 /proc/$$/fd/1 /proc/$$/fd/2)\" >&3");
        Path seen = work.resolve("seen");

        Processes.run(List.of("sh", "-c", "exec \"$0\" --version 3>\"$1\" <&- >&- 2>&-", LAUNCHER.toString(),
                seen.toString()), work, Map.of("JAVA_HOME", work.resolve("jdk").toString()), "", Duration.ofSeconds(120))
                .ok();
        assertEquals("/dev/null\n/dev/null\n/dev/null\n", Files.readString(seen));

        Processes.run(List.of("sh", "-c", "exec \"$0\" --version 3>\"$1\"", LAUNCHER.toString(), seen.toString()),
                work, Map.of("JAVA_HOME", work.resolve("jdk").toString()), "", Duration.ofSeconds(120)).ok();
        assertFalse(Files.readString(seen).contains("/dev/null"), "the streams given go on: " + Files.readString(seen));
    }

    @Test
    void checksAndBuildsANonAsciiFolderInAUtf8LocaleNamedButNotInstalled() throws Exception {
        try (TestRegistryRepo registry = TestRegistryRepo.initRegistry(work.resolve("registry"))) {
            registry.publish("@common/util", "1.0.0");
            registry.commit("a package");
        }
        // renamed by the shell, and named to the launcher by it: the JVM running the tests may have no UTF-8 locale
        String named = "mv registry \"$(printf 'reg \\303\\251')\" && cd \"$(printf 'reg \\303\\251')\" && ";
        // as LANG=en_US.UTF-8 in an image without locales, where the C library falls back to ASCII
        Map<String, String> locale = Map.of("LANG", "xx_XX.UTF-8", "LC_ALL", "", "LC_CTYPE", "", "JAVA_OPTS",
                Processes.testsUserHome());

        Run check = Processes.run(List.of("sh", "-c", named + "exec \"$0\" check . --base HEAD~1 --actor alice",
                LAUNCHER.toString()), work, locale, "", Duration.ofSeconds(120)).ok();
        assertTrue(check.out().startsWith("PASSED: registry check of "), check.out());

        Run build = Processes.run(List.of("sh", "-c", "exec \"$0\" build \"$(printf 'reg \\303\\251')\" --out out",
                LAUNCHER.toString()), work, locale, "", Duration.ofSeconds(120)).ok();
        assertTrue(build.out().contains("built 1 package, 1 version"), build.out());
    }

    @Test
    void versionAndAUsageErrorWithItsExitCode() throws Exception {
        Run version = launch("", "--version").ok();
        assertTrue(version.out().startsWith("prompd-registry "), version.out());
        Run unknown = launch("", "frobnicate");
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertEquals("error: unknown command 'frobnicate'\nhint: 'prompd-registry --help' lists the commands\n",
                unknown.err());
        Run misspelt = launch("", "buidl", "repo");
        assertEquals("error: unknown command 'buidl'\nhint: did you mean build? see 'prompd-registry --help'\n",
                misspelt.err());
    }
}
