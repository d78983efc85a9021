package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

    @TempDir
    Path temp;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        return PrompdRegistryCommand.commandLine(new PrintWriter(stdout, true), new PrintWriter(stderr, true))
                .execute(args);
    }

    @Test
    void aMissingFolderIsNotFoundWithHowToBuildOne() {
        Path nowhere = temp.resolve("nowhere\nhint: x");
        assertEquals(ExitCode.NOT_FOUND.code(), run("serve", nowhere.toString(), "--port", "0"));
        Path shown = temp.resolve("nowhere^Jhint: x");
        assertEquals("error: there is no folder " + shown
                + " to serve\nhint: build one first with 'prompd-registry build"
                + " REPO --out '" + shown + "'', then serve it\n", stderr.toString());
    }

    @Test
    void aFileIsNoRegistryFolder() throws IOException {
        Path file = Files.writeString(temp.resolve("registry.json"), "{}");
        assertEquals(ExitCode.USAGE.code(), run("serve", file.toString(), "--port", "0"));
        assertTrue(stderr.toString().startsWith("error: " + file + " is a file, not a folder\nhint: give the folder"),
                stderr.toString());
    }

    @Test
    void aFolderThatIsNoBuiltRegistryIsNotFoundWithHowToBuildOne() throws IOException {
        Files.writeString(temp.resolve("registry.json"), "{\"name\": \"the repository's settings\"}");

        assertEquals(ExitCode.NOT_FOUND.code(), run("serve", temp.toString(), "--port", "0"));

        assertTrue(stderr.toString()
                .startsWith("error: " + temp + " holds no packages.json, so it is not a built registry"
                + "\nhint: build one first"), stderr.toString());
    }

    @Test
    void aPortInUseIsAConflictThatSaysHowToChooseAnother() throws IOException {
        Files.writeString(temp.resolve("packages.json"), "{\"packages\": []}");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(ExitCode.CONFLICT.code(),
                    run("serve", temp.toString(), "--port", String.valueOf(taken.getLocalPort())));
        }
        assertTrue(stderr.toString().startsWith("error: cannot listen on 127.0.0.1 port "), stderr.toString());
        assertTrue(stderr.toString().contains("hint: choose another port with --port"), stderr.toString());
    }

    @Test
    void anAddressOfAnotherMachineIsAConflictThatSaysHowToChooseTheHost() throws IOException {
        Files.writeString(temp.resolve("packages.json"), "{\"packages\": []}");
        // TEST-NET-1, reserved for documentation: never an address of this machine
        assertEquals(ExitCode.CONFLICT.code(), run("serve", temp.toString(), "--host", "192.0.2.1", "--port", "0"));
        assertTrue(stderr.toString().contains("hint: choose an address of this machine with --host"),
                stderr.toString());
    }

    @Test
    void aHostThatIsNoAddressIsAUsageError() throws IOException {
        Files.writeString(temp.resolve("packages.json"), "{\"packages\": []}");
        assertEquals(ExitCode.USAGE.code(), run("serve", temp.toString(), "--host", "bad host", "--port", "0"));
        assertTrue(stderr.toString().contains("error: cannot listen on 'bad host': it is no host name or address"),
                stderr.toString());
        assertEquals(ExitCode.USAGE.code(), run("serve", temp.toString(), "--host", "", "--port", "0"));
        assertTrue(stderr.toString().contains("--host is empty"), stderr.toString());
    }

    @Test
    void aMistypedOptionIsNamedAloneWithTheOptionMeantNotWithItsValue() {
        assertEquals(ExitCode.USAGE.code(), run("serve", temp.toString(), "--prt", "18300"));
        assertEquals("error: unknown option '--prt'\nhint: did you mean --port? see 'prompd-registry serve --help'\n",
                stderr.toString());
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        assertEquals(ExitCode.USAGE.code(), run("serve", temp.toString(), "--port", "70000"));
        assertTrue(stderr.toString().contains("--port must be from 0 to 65535"), stderr.toString());
    }

    @Test
    void servesUntilInterruptedAndSaysHowAClientUsesIt() throws Exception {
        Files.writeString(temp.resolve("packages.json"), "{\"packages\": []}");
        Thread serving = new Thread(() -> run("serve", temp.toString(), "--port", "0"));
        serving.start();
        try {
            while (!stdout.toString().contains("\ntry it:") && serving.isAlive()) {
                Thread.sleep(10);
            }
            String url = stdout.toString().replaceFirst("(?s).* at (http://127\\.0\\.0\\.1:\\d+/) .*", "$1");
            assertEquals("serving " + temp + " at " + url + " (Ctrl-C to stop)\n"
                    + "try it: prompd info --registry " + url + " PACKAGE, naming one of its packages\n", stdout.toString());
            HttpResponse<String> list = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url + "packages.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"packages\": []}", list.body());
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertFalse(serving.isAlive());
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(ExitCode.OK.code(), run("serve", "--help"));
        assertTrue(stdout.toString().contains("--port") && stdout.toString().contains("--host"), stdout.toString());
    }
}
