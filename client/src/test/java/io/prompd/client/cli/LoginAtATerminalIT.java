package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.prompd.core.ShellWords;
import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prompd login} typed at a terminal that script(1) gives it, as a person types it. */
class LoginAtATerminalIT {

    private static final Path JAR = Path.of("target/prompd.jar").toAbsolutePath();
    private static final String PROMPT = "token for http://127.0.0.1:18340/: ";
    private static final String SECRET = "s3cr3t-typed";

    @TempDir
    Path work;

    private Process script;
    private final StringBuffer shown = new StringBuffer();

    @AfterEach
    void stop() {
        if (script != null) {
            script.destroyForcibly();
        }
    }

    /**
     * Starts the shell command at a terminal, {@code $LOGIN} standing for the login command, offline: no registry
     * is there to check the token.
     */
    private OutputStream start(String command) throws IOException {
        String login = Processes.java(List.of(), JAR, "login", "--offline", "--registry",
                "http://127.0.0.1:18340/").stream()
                .map(ShellWords::quote).collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", command.replace("$LOGIN", login), "/dev/null")
                .directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("PROMPD_HOME", work.resolve("home").toString());
        script = builder.start();
        InputStream terminal = script.getInputStream();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int read = terminal.read(buffer); read >= 0; read = terminal.read(buffer)) {
                    shown.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();
        return script.getOutputStream();
    }

    private void awaitShown(String text, int times) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (shown.toString().split(java.util.regex.Pattern.quote(text), -1).length - 1 < times) {
            if (Instant.now().isAfter(giveUp)) {
                fail("the terminal never showed '" + text + "' " + times + " time(s):\n" + shown);
            }
            Thread.sleep(50);
        }
    }

    private void finish() throws Exception {
        assertTrue(script.waitFor(60, TimeUnit.SECONDS), "login did not finish:\n" + shown);
        assertEquals(0, script.exitValue(), shown.toString());
        assertTrue(Files.readString(work.resolve("home/config.json")).contains("\"token\": \"" + SECRET + "\""));
    }

    @Test
    void withStandardOutputRedirectedTheTokenIsStillAskedForAtTheTerminalWithoutEcho() throws Exception {
        OutputStream keys = start("$LOGIN > out.txt");
        awaitShown(PROMPT, 1);
        keys.write((SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
        finish();

        assertFalse(shown.toString().contains(SECRET), shown.toString());
        assertTrue(Files.readString(work.resolve("out.txt")).startsWith("logged in to http://127.0.0.1:18340/"));
    }

    /**
     * Ctrl-Z, then {@code fg}: the shell sets its own modes, echo on, while the job is stopped, so the prompt must turn
     * echo off again when it goes on. The test plays the shell's part: it turns echo on, and sends SIGCONT to script,
     * which stopped itself as its child stopped, and continues the child as it goes on.
     */
    @Test
    void afterCtrlZAndFgEchoIsOffAgainAndThePromptShownAgain() throws Exception {
        OutputStream keys = start("tty > tty.txt; exec $LOGIN");
        awaitShown(PROMPT, 1);
        keys.write(0x1A);
        keys.flush();
        String pid = String.valueOf(script.pid());
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (!stopped(pid)) {
            assertTrue(Instant.now().isBefore(giveUp), "Ctrl-Z did not stop login:\n" + shown);
            Thread.sleep(50);
        }
        String tty = Files.readString(work.resolve("tty.txt")).strip();
        assertEquals(0, new ProcessBuilder("sh", "-c", "stty echo < " + tty).start().waitFor());
        assertEquals(0, new ProcessBuilder("kill", "-CONT", pid).start().waitFor());

        awaitShown(PROMPT, 2);
        keys.write((SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
        finish();

        assertFalse(shown.toString().contains(SECRET), shown.toString());
    }

    /**
     * With no terminal to open, as setsid leaves the session, the prompt goes to standard error, which must stay open
     * for what login writes there after it.
     */
    @Test
    void withNoTerminalToOpenThePromptGoesToStandardErrorAndWhatLoginSaysAfterItToo() throws Exception {
        OutputStream keys = start("setsid -w $LOGIN 2> err.txt");
        Path err = work.resolve("err.txt");
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(err) || !Files.readString(err).contains(PROMPT)) {
            assertTrue(Instant.now().isBefore(giveUp), "the prompt never came:\n" + shown);
            Thread.sleep(50);
        }
        keys.write((SECRET + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
        finish();

        assertEquals(PROMPT + "\nnote: --offline: the credentials were stored without asking the registry whether it"
                + " takes them; a mistake in them shows at the first command that reads http://127.0.0.1:18340/\n",
                Files.readString(err));
        assertFalse(shown.toString().contains(SECRET), shown.toString());
    }

    private static boolean stopped(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("T");
    }
}
