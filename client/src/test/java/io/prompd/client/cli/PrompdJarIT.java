package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.testing.Polls;
import io.prompd.core.testing.Processes;
import io.prompd.core.testing.Processes.Run;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code target/prompd.jar}, and its launcher, in a separate JVM, as a user types it. */
class PrompdJarIT {

    private static final Path JAR = Path.of("target/prompd.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("target/prompd").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private Run prompd(String... args) throws IOException, InterruptedException {
        return Processes.run(Processes.java(List.of(), JAR, args), work,
                Map.of("PROMPD_HOME", work.resolve("home").toString()),
                "", TIMEOUT);
    }

    private Run launch(Path launcher, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return Processes.run(Processes.command(launcher, args), work, environment, "", TIMEOUT);
    }

    @Test
    void theLauncherMapsTheArchiveMadeAtBuildTime() throws Exception {
        Path classes = work.resolve("classes.log");
        Run version = launch(LAUNCHER, Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes), "--version").ok();
        assertTrue(version.out().startsWith("prompd "), version.out());
        assertTrue(Files.readString(classes, StandardCharsets.UTF_8)
                .contains("io.prompd.client.cli.PrompdCommand source: shared objects file"));
    }

    @Test
    void aLauncherMovedAwayFromItsArchiveStartsWithoutSayingSo() throws Exception {
        Path moved = Files.createDirectories(work.resolve("moved"));
        for (String file : List.of("prompd", "prompd.jar", "prompd.jsa")) {
            Files.copy(Path.of("target", file), moved.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Run version = launch(moved.resolve("prompd"), Map.of(), "--version").ok();
        assertTrue(version.out().startsWith("prompd "), version.out());
        assertEquals("", version.err(), "the archive that does not fit is not reported");
    }

    @Test
    void aLinkToTheLauncherFindsTheJarBesideTheLauncher() throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path relative = Files.createSymbolicLink(bin.resolve("prompd-relative"), bin.relativize(LAUNCHER));
        Path chained = Files.createSymbolicLink(bin.resolve("prompd"), Path.of("prompd-relative"));
        Path classes = work.resolve("classes.log");

        Run version = launch(chained, Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes), "--version").ok();

        assertTrue(version.out().startsWith("prompd "), version.out());
        assertTrue(Files.readString(classes, StandardCharsets.UTF_8)
                .contains("io.prompd.client.cli.PrompdCommand source: shared objects file"), "with its archive too");
        assertTrue(Files.isSymbolicLink(relative));
    }

    @Test
    void theLauncherTakesJavaHomeElseSaysWhatToInstall() throws Exception {
        // a PATH with the tools the launcher itself runs, and no java
        Path tools = Files.createDirectories(work.resolve("tools"));
        Path dirname = Stream.of(System.getenv("PATH").split(":")).map(folder -> Path.of(folder, "dirname"))
                .filter(Files::isExecutable).findFirst().orElseThrow();
        Files.createSymbolicLink(tools.resolve("dirname"), dirname);

        Run fromJavaHome = launch(LAUNCHER,
                Map.of("PATH", tools.toString(), "JAVA_HOME", System.getProperty("java.home")),
                "--version").ok();
        assertTrue(fromJavaHome.out().startsWith("prompd "), fromJavaHome.out());

        Run none = launch(LAUNCHER, Map.of("PATH", tools.toString(), "JAVA_HOME", ""), "--version");
        assertEquals(1, none.exitCode());
        assertEquals("error: prompd needs Java 17 or later, and found no java\nhint: install a JDK or JRE 17+, and put"
                + " its bin folder on the PATH or set JAVA_HOME\n", none.err());

        Path empty = Files.createDirectories(work.resolve("no-jdk"));
        Run wrongHome = launch(LAUNCHER, Map.of("PATH", tools.toString(), "JAVA_HOME", empty.toString()), "--version");
        assertEquals(1, wrongHome.exitCode());
        assertEquals("error: prompd needs Java 17 or later, and found no " + empty
                + "/bin/java\nhint: set JAVA_HOME to a"
                + " JDK or JRE 17+, or unset it to use the java on the PATH\n", wrongHome.err());
    }

    @Test
    void theLauncherTellsAnOlderJavaByItsReleaseFileWithoutStartingIt() throws Exception {
        Path tools = Files.createDirectories(work.resolve("tools"));
        for (String tool : List.of("dirname", "readlink", "sed")) {
            Files.createSymbolicLink(tools.resolve(tool), Stream.of(System.getenv("PATH").split(":"))
                    .map(folder -> Path.of(folder, tool)).filter(Files::isExecutable).findFirst().orElseThrow());
        }
        // Java 8's layout: the java of its JRE, in the JDK's jre folder, the release file beside that folder
        Path oldJava = Files.createDirectories(work.resolve("jdk8/jre/bin")).resolve("java");
        Files.writeString(oldJava, "#!/bin/sh\necho started\n");
        oldJava.toFile().setExecutable(true);
        Files.writeString(work.resolve("jdk8/release"), "IMPLEMENTOR=\"Old\"\nJAVA_VERSION=\"1.8.0_292\"\n");
        Path onPath = Files.createDirectories(work.resolve("path"));
        Files.createSymbolicLink(onPath.resolve("java"), oldJava);

        Run old = launch(LAUNCHER, Map.of("PATH", tools + ":" + onPath, "JAVA_HOME", ""), "--version");

        assertEquals(1, old.exitCode());
        assertEquals("", old.out(), "the old java was not started");
        assertEquals("error: prompd needs Java 17 or later, and " + oldJava.toRealPath() + " is Java 8\nhint: install a"
                + " JDK or JRE 17+, and put its bin folder first on the PATH or set JAVA_HOME to it\n", old.err());

        Run oldHome = launch(LAUNCHER,
                Map.of("PATH", tools.toString(), "JAVA_HOME", work.resolve("jdk8/jre").toString()),
                "--version");

        assertEquals(1, oldHome.exitCode());
        assertEquals("error: prompd needs Java 17 or later, and " + oldJava.toRealPath() + " is Java 8\nhint: set"
                + " JAVA_HOME to a JDK or JRE 17+, or unset it to use the java on the PATH\n", oldHome.err());
    }

    @Test
    void versionAndHelpWithExitCodes() throws Exception {
        Run version = prompd("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("prompd "), version.out());
        Run help = prompd("--help");
        assertTrue(help.out().contains("Exit codes:"), help.out());
        Run unknown = prompd("instal", "@acme/x");
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertEquals("error: unknown command 'instal'\nhint: did you mean install? see 'prompd --help'\n",
                unknown.err());
        Run unlike = prompd("search", "x");
        assertEquals(2, unlike.exitCode(), unlike.err());
        assertEquals("error: unknown command 'search'\nhint: 'prompd --help' lists the commands\n", unlike.err(),
                "no command shares enough of it to be the one meant");
    }

    @Test
    void initValidatePackGivesTheSameBytesTwice() throws Exception {
        assertEquals(0, prompd("init", "pkg", "--name", "@smoke/pkg").exitCode());
        Run validate = prompd("validate", "pkg");
        assertEquals(0, validate.exitCode(), validate.out() + validate.err());
        Run first = prompd("pack", "pkg", "--out", "first.tgz");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("integrity:     sha512-"), first.out());
        Run second = prompd("pack", "pkg", "--out", "second.tgz");
        assertEquals(0, second.exitCode(), second.err());
        assertArrayEquals(Files.readAllBytes(work.resolve("first.tgz")),
                Files.readAllBytes(work.resolve("second.tgz")));
    }

    @Test
    void outputIsUtf8EvenInTheCLocale() throws Exception {
        Map<String,
                String> cLocale = Map.of("PROMPD_HOME", work.resolve("home").toString(), "LANG", "C", "LC_ALL", "C");
        Files.writeString(work.resolve("prompd.lock"), "{\"lockfileVersion\": 1, \"packages\": {}}\n");
        Files.writeString(work.resolve("prompd.json"), "{\"name\": \"app\", \"version\": \"1.0.0\","
                + " \"dependencies\": {\"@acme/caf\u00e9\": \"^1.0.0\"}}\n");

        Run misnamed = Processes.run(Processes.java(List.of(), JAR, "tree"), work, cLocale, "", TIMEOUT);
        assertTrue(misnamed.err().contains("invalid package name '@acme/caf\u00e9'"), "not '?': " + misnamed.err());

        Files.writeString(work.resolve("prompd.json"), "{\"name\": \"app\", \"version\": \"1.0.0\","
                + " \"dependencies\": {\"@acme/cafe\": \"^1.0.0\"}}\n");
        Run tree = Processes.run(Processes.java(List.of(), JAR, "tree"), work, cLocale, "", TIMEOUT);
        assertEquals(1, tree.exitCode(), "a dependency not locked, as npm ls exits 1 for a missing one: " + tree.err());
        assertEquals("app@1.0.0\n\u2514\u2500\u2500 @acme/cafe ^1.0.0 (not locked: run 'prompd install')\n",
                tree.out());
    }

    @Test
    void theLauncherReadsNonAsciiFileNamesWithoutAUtf8LocaleInEffect() throws Exception {
        assertEquals(0, prompd("init", "pkg", "--name", "@smoke/pkg").exitCode());
        // made by the shell: the JVM running the tests may have no UTF-8 locale to name the file with
        Processes.run(List.of("sh", "-c", "printf 'menu' > \"pkg/prompts/$(printf 'caf\\303\\251')-menu.md\""), work,
                Map.of(), "",
                TIMEOUT).ok();
        String home = work.resolve("home").toString();
        // the C locale, and a UTF-8 one named but not installed, as LANG=en_US.UTF-8 in an image without locales
        for (Map<String, String> locale : List.of(Map.of("PROMPD_HOME", home, "LANG", "C", "LC_ALL", "C"),
                Map.of("PROMPD_HOME", home, "LANG", "xx_XX.UTF-8", "LC_ALL", "", "LC_CTYPE", ""))) {
            Run launched = launch(LAUNCHER, locale, "validate", "pkg").ok();
            assertTrue(launched.out().startsWith("@smoke/pkg@0.1.0: 5 files"), launched.out());

            Run bare = Processes.run(Processes.java(List.of(), JAR, "validate", "pkg"), work, locale, "", TIMEOUT);
            assertEquals(1, bare.exitCode(), bare.err());
            assertTrue(bare.err().contains("hint: run with a UTF-8 locale, as in LC_ALL=C.UTF-8"), bare.err());
        }
    }

    @Test
    void theJarWithoutAUtf8LocaleSaysToRunInOneForANonAsciiArgumentOrCurrentFolder() throws Exception {
        // named by the shell: the JVM running the tests may have no UTF-8 locale to name the folder with
        String cafe = "\"$(printf 'caf\\303\\251')\"";
        Processes.run(List.of("sh", "-c", "mkdir " + cafe), work, Map.of(), "", TIMEOUT).ok();
        Map<String, String> cLocale = Map.of("PROMPD_HOME", work.resolve("home").toString(), "LANG", "C", "LC_ALL", "C");
        List<String> validate = Processes.java(List.of(), JAR, "validate");

        Run argument = Processes.run(Stream.concat(Stream.of("sh", "-c", "exec \"$@\" " + cafe, "sh"),
                validate.stream()).toList(), work, cLocale, "", TIMEOUT);
        Run inFolder = Processes.run(Stream.concat(Stream.of("sh", "-c", "cd " + cafe + " && exec \"$@\"", "sh"),
                validate.stream()).toList(), work, cLocale, "", TIMEOUT);

        assertEquals(2, argument.exitCode(), argument.err());
        assertTrue(argument.err().startsWith("error: the argument 'caf"), argument.err());
        assertTrue(argument.err().contains("\nhint: run with a UTF-8 locale, as in LC_ALL=C.UTF-8"), argument.err());
        assertEquals(3, inFolder.exitCode(), inFolder.err());
        assertTrue(inFolder.err().startsWith("error: the name of the current folder does not fit this locale's"
                + " character set"), inFolder.err());
        assertTrue(inFolder.err().contains("\nhint: run with a UTF-8 locale, as in LC_ALL=C.UTF-8"), inFolder.err());
    }

    @Test
    void theJarWithoutAUtf8LocaleRefusesARegistryUrlWhoseLettersItLostWhereverItIsGiven() throws Exception {
        Map<String, String> cLocale = Map.of("PROMPD_HOME", work.resolve("home").toString(), "LANG", "C",
                "LC_ALL", "C");
        // typed by the shell: the JVM running the tests may have no UTF-8 locale to pass the letter with
        String url = "\"http://127.0.0.1:9/r$(printf '\\303\\251')gistry/\"";
        List<String> prompd = Processes.java(List.of(), JAR);

        for (String arguments : List.of("registry add rr " + url, "--offline --registry " + url + " info x",
                "--offline --registry=" + url + " info x")) {
            Run given = Processes.run(Stream.concat(Stream.of("sh", "-c", "exec \"$@\" " + arguments, "sh"),
                    prompd.stream()).toList(), work, cLocale, "", TIMEOUT);

            assertEquals(2, given.exitCode(), arguments + ": " + given.err());
            assertTrue(given.err().startsWith("error: the argument '"), given.err());
            assertTrue(given.err().contains("\nhint: run with a UTF-8 locale, as in LC_ALL=C.UTF-8"), given.err());
        }
        Run fromVariable = Processes.run(Stream.concat(Stream.of("sh", "-c", "PROMPD_REGISTRY=" + url
                + " exec \"$@\" --offline info x", "sh"), prompd.stream()).toList(), work, cLocale, "", TIMEOUT);

        assertEquals(2, fromVariable.exitCode(), fromVariable.err());
        assertTrue(fromVariable.err().startsWith("error: $PROMPD_REGISTRY holds letters this locale's character set"),
                fromVariable.err());
        assertTrue(fromVariable.err().contains("\nhint: run with a UTF-8 locale, as in LC_ALL=C.UTF-8"),
                fromVariable.err());
        assertFalse(Files.exists(work.resolve("home/config.json")), "no registry with the letters lost was added");
    }

    @Test
    void theJarWithoutAUtf8LocaleSaysToRunInOneForARegistryFolderWhoseNameDoesNotFit() throws Exception {
        // an ASCII URL, of a folder named öut: only the path it names does not fit the locale's character set
        String folder = work.toUri() + "%C3%B6ut/";
        assertEquals(0, prompd("registry", "add", "ou", folder, "--default").exitCode());
        Map<String, String> cLocale = Map.of("PROMPD_HOME", work.resolve("home").toString(), "LANG", "C",
                "LC_ALL", "C");

        for (List<String> arguments : List.of(List.of("info", "sql-explainer"),
                List.of("--registry", folder, "info", "sql-explainer"))) {
            Run info = Processes.run(Processes.java(List.of(), JAR, arguments.toArray(String[]::new)), work, cLocale,
                    "", TIMEOUT);

            assertEquals(1, info.exitCode(), info.err());
            assertTrue(info.err().startsWith("error: a file name does not fit this locale's character set ("),
                    info.err());
            assertTrue(info.err().endsWith(work + "/\u00f6ut/packages/sql-explainer/index.json\nhint: run with a"
                    + " UTF-8 locale, as in LC_ALL=C.UTF-8 (the prompd launcher sets one)\n"), info.err());
        }
    }

    @Test
    void theLauncherInAFolderDeletedSaysSoWithoutStartingJava() throws Exception {
        Run gone = Processes.run(List.of("sh", "-c", "mkdir gone && cd gone && rmdir ../gone && exec \"$0\" --version",
                LAUNCHER.toString()), work, Map.of(), "", TIMEOUT);

        assertEquals(3, gone.exitCode(), gone.err());
        assertEquals("", gone.out());
        // after the line the shell itself prints when it starts in such a folder
        assertTrue(gone.err().endsWith("error: the current folder was deleted, so prompd cannot run in it\nhint: cd"
                + " into an existing folder (cd \"$PWD\" if one was made again under its name), then run this again\n"),
                gone.err());
    }

    @Test
    void aClosedStandardStreamIsEmptyInputOrDiscardedOutput() throws Exception {
        assertEquals(0, prompd("registry", "add", "web", "http://127.0.0.1:9/").exitCode());
        Map<String, String> home = Map.of("PROMPD_HOME", work.resolve("home").toString());

        Run noInput = Processes.run(List.of("sh", "-c", "exec \"$0\" login --registry web --username bob <&-",
                LAUNCHER.toString()), work, home, "", TIMEOUT);
        assertEquals(2, noInput.exitCode(), noInput.err());
        assertEquals("error: no password of bob for web (http://127.0.0.1:9/) was given\nhint: type it when asked, or"
                + " pipe it in on standard input: run the same command again with '< password.txt' after it\n", noInput.err(),
                "as from </dev/null, not the JDK's lib/modules that the JVM opened first");

        Run noOutput = Processes.run(List.of("sh", "-c", "exec \"$0\" --version >&-", LAUNCHER.toString()), work, home,
                "", TIMEOUT);
        assertEquals(0, noOutput.exitCode(), noOutput.err());
        assertEquals("", noOutput.err());
    }

    /**
     * Ctrl-\\ (SIGQUIT) while the output goes to a file: the JVM's thread dump goes to stderr, and stdout holds only
     * what prompd wrote. The signal is sent once the JVM catches it, as a person's key comes long after the start.
     */
    @Test
    void aThreadDumpAskedForWithSigquitStaysOutOfStandardOutput() throws Exception {
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(Processes.command(LAUNCHER, "login", "--offline", "--registry",
                "http://127.0.0.1:18340/")).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("PROMPD_HOME", work.resolve("home").toString());
        Process login = builder.start();
        try {
            Path status = Path.of("/proc", String.valueOf(login.pid()), "status");
            // the mask of caught signals, SIGQUIT its third bit: the JVM has set its handler, waiting for the token
            Polls.until("the JVM to catch SIGQUIT", () -> Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("SigCgt:")).toList(), caught -> caught.stream()
                    .anyMatch(line -> (Long.parseLong(line.substring("SigCgt:".length()).strip(), 16) & 4) != 0));
            assertEquals(0, new ProcessBuilder("kill", "-QUIT", String.valueOf(login.pid())).start().waitFor());
            Polls.until("the thread dump", () -> "stdout:\n" + Files.readString(out) + "\nstderr:\n"
                    + Files.readString(err), printed -> printed.contains("Full thread dump"));
            login.getOutputStream().write("token\n".getBytes(StandardCharsets.UTF_8));
            login.getOutputStream().close();
            assertEquals(0, login.waitFor());
        } finally {
            login.destroyForcibly();
        }

        assertTrue(Files.readString(err).contains("Full thread dump"), "the dump goes to stderr");
        String printed = Files.readString(out);
        assertTrue(printed.startsWith("logged in to http://127.0.0.1:18340/") && !printed.contains("thread dump"),
                printed);
    }

    /**
     * SIGTERM while a large tarball is written, as a terminal's Ctrl-C (SIGINT, handled alike, but ignored by a job a
     * script starts in the background, as a CI may run the build): the JVM's shutdown hooks delete its temporary, which
     * no later run would look for in the folder --out names, while the tarball itself is never half-written. Random
     * bytes, which deflate cannot shrink, make the write last the seconds that the signal comes within.
     */
    @Test
    void aPackStoppedWhileWritingLeavesNothingInTheOutputFolder() throws Exception {
        assertEquals(0, prompd("init", "big").exitCode());
        Path contexts = Files.createDirectories(work.resolve("big/contexts"));
        Random random = new Random(1);
        byte[] image = new byte[96 << 10];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        for (int i = 0; i < 300; i++) {
            random.nextBytes(image);
            System.arraycopy(signature, 0, image, 0, signature.length);
            Files.write(contexts.resolve("image-" + i + ".png"), image);
        }
        Path out = Files.createDirectories(work.resolve("out"));
        ProcessBuilder builder = new ProcessBuilder(Processes.java(List.of(), JAR, "pack", "big", "--out",
                "out/big.tgz")).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PROMPD_HOME", work.resolve("home").toString());
        Process pack = builder.start();
        try {
            Polls.until("the tarball's temporary", () -> entries(out), written -> !written.isEmpty());
            pack.destroy();
            assertTrue(pack.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "pack did not end");
            assertEquals(143, pack.exitValue(), "stopped by the signal, not by the tarball's end");
        } finally {
            pack.destroyForcibly();
        }

        assertEquals(List.of(), entries(out));
    }

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }

    @Test
    void aPromptThisUserMayNotReadIsSaidToBeUnreadableNotUnwritable() throws Exception {
        assertEquals(0, prompd("init", "pkg", "--name", "@smoke/pkg").exitCode());
        Path prompt = Files.writeString(work.resolve("pkg/prompts/x.prmd"), "---\nid: x\n---\nHello.\n");
        Files.setPosixFilePermissions(prompt, PosixFilePermissions.fromString("---------"));
        List<String> validate = new ArrayList<>(Processes.java(List.of(), JAR, "validate", "pkg"));
        if (Files.isReadable(prompt)) {
            // root reads any file: validate runs as nobody, as a colleague reading the package would
            validate.addAll(0, List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        Run run = Processes.run(validate, work, Map.of("PROMPD_HOME", work.resolve("home").toString()), "", TIMEOUT);

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: permission denied: " + prompt + "\nhint: this user may not read " + prompt + ": check the"
                + " rights of it and of its folder (ls -ld " + prompt.getParent() + "), or choose another folder\n",
                run.err());
    }

    @Test
    void validationErrorsExitNonZeroWithTheProblemsOnStdout() throws Exception {
        Files.createDirectories(work.resolve("bad"));
        Files.writeString(work.resolve("bad/prompd.json"), "{\"name\": \"bad\", \"version\": \"1.0\"}\n");
        Run run = prompd("validate", "bad");
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("/version"), run.out());
    }

    @Test
    void theProxyLoginOfHttpsProxyGoesWithTheTunnelOfAnHttpsRequest() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> refuseEveryTunnel(proxy, seen));
            answering.setDaemon(true);
            answering.start();
            String address = "127.0.0.1:" + proxy.getLocalPort();

            Run info = Processes.run(Processes.java(List.of(), JAR, "info", "@acme/util", "--registry",
                            "https://registry.example/"), work, Map.of("PROMPD_HOME", work.resolve("home").toString(),
                            "https_proxy", "http://me:s3cret@" + address), "", TIMEOUT);

            assertEquals(5, info.exitCode(), info.err());
            assertTrue(info.err()
                    .startsWith("error: the proxy " + address + " asks for a login and refused the one given"),
                    info.err());
            assertFalse(info.err().contains("s3cret"), info.err());
        }
        String login = "proxy-authorization: basic " + Base64.getEncoder()
                .encodeToString("me:s3cret".getBytes(StandardCharsets.UTF_8));
        assertTrue(seen.contains("CONNECT registry.example:443 HTTP/1.1"), seen.toString());
        assertTrue(seen.stream().anyMatch(line -> line.toLowerCase(Locale.ROOT).equals(login.toLowerCase(Locale.ROOT))),
                "the JDK sends a Basic login to a tunnel only when told to: " + seen);
    }

    /** Reads each request head, records its lines, and answers 407 as a proxy refusing every login does. */
    private static void refuseEveryTunnel(ServerSocket proxy, List<String> seen) {
        while (!proxy.isClosed()) {
            try (Socket connection = proxy.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    seen.add(line);
                    if (line.isEmpty()) {
                        connection.getOutputStream().write(("HTTP/1.1 407 Proxy Authentication Required\r\n"
                                + "Proxy-Authenticate: Basic realm=\"corp\"\r\nContent-Length: 0\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
            } catch (IOException closed) {
                return;
            }
        }
    }
}
