package io.prompd.client.config;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.problem.Problem;
import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

    @TempDir
    Path home;

    Path file() {
        return home.resolve("config.json");
    }

    ConfigStore store() {
        return new ConfigStore(file(), PLAIN);
    }

    static Config full() {
        RegistryName work = RegistryName.parse("work");
        RegistryUrl workUrl = RegistryUrl.parse("https://prompd.work.example/");
        RegistryUrl local = RegistryUrl.parse("file:///srv/registry/");
        return Config.EMPTY.withRegistry(work, workUrl).withRegistry(RegistryName.parse("local"), local)
                .withDefaultRegistry(Optional.of(work))
                .withScope(Scope.parse("@acme"), work)
                .withScope(Scope.parse("@mirror"), RegistryUrl.parse("https://mirror.example/"))
                .withCredentials(workUrl, new Credentials.Token("t0ken"))
                .withCredentials(local, new Credentials.Basic("alice", "pass word"))
                .withCredentials(RegistryUrl.parse("https://mirror.example/"),
                        new Credentials.FromEnvironment("MIRROR_TOKEN"))
                .withCredentials(RegistryUrl.parse("https://ci.example/"),
                        new Credentials.FromEnvironment(Optional.of("ci"), "CI_PASSWORD"))
                .withHttp(new HttpLimits(OptionalInt.of(60), OptionalInt.of(0)));
    }

    @Test
    void changesMadeAtOnceAreAllKept() throws Exception {
        int runs = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(runs);
        try {
            List<Future<?>> changes = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                RegistryName name = RegistryName.parse("r" + run);
                changes.add(threads.submit(() -> {
                    start.await();
                    return store()
                            .update(config -> config.withRegistry(name, RegistryUrl.parse("file:///srv/" + name)),
                                    lock -> { });
                }));
            }
            start.countDown();
            for (Future<?> change : changes) {
                change.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(runs, store().read().registries().size());
    }

    @Test
    void aLinkedFileStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path dotfiles = Files.createDirectories(home.resolve("dotfiles"));
        Files.writeString(dotfiles.resolve("prompd.json"), "{}");
        Files.createSymbolicLink(file(), Path.of("dotfiles/prompd.json"));

        store().write(full());

        assertTrue(Files.isSymbolicLink(file()));
        assertEquals(full(), new ConfigStore(dotfiles.resolve("prompd.json"), PLAIN).read());
        assertEquals(full(), store().read());
    }

    @Test
    void aFolderWhereTheFileShouldBeIsNamedWithWhatToDo() throws IOException {
        Files.createDirectories(file());

        PrompdException failure = assertThrows(PrompdException.class, () -> store().read());

        assertEquals("the configuration file " + file() + " is a folder, not a regular file", failure.getMessage());
        assertTrue(failure.hint().contains("move what is there away"), failure.hint());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeIsNeitherReadNorReplacedButNamed() throws Exception {
        Processes.run(List.of("mkfifo", file().toString()), home, Map.of(), "", Duration.ofSeconds(10)).ok();

        PrompdException read = assertThrows(PrompdException.class, () -> store().read());
        PrompdException written = assertThrows(PrompdException.class, () -> store().write(full()));

        assertEquals(ExitCode.FAILURE, read.exitCode());
        assertEquals("the configuration file " + file() + " is a pipe (FIFO), not a regular file", read.getMessage());
        assertEquals(read.getMessage(), written.getMessage());
        assertTrue(Files.readAttributes(file(), BasicFileAttributes.class).isOther(), "still the pipe");
        try (var files = Files.list(home)) {
            assertEquals(List.of(file()), files.toList());
        }
    }

    @Test
    void aMissingFileIsTheEmptyConfiguration() throws IOException {
        assertEquals(Config.EMPTY, store().read());
    }

    @Test
    void whatIsWrittenIsReadBack() throws IOException {
        store().write(full());
        assertEquals(full(), store().read());
    }

    @Test
    void theFileIsSortedJsonWithTheDocumentedFields() throws IOException {
        store().write(full());
        assertEquals("""
                {
                  "credentials": {
                    "file:///srv/registry/": {
                      "password": "pass word",
                      "username": "alice"
                    },
                    "https://ci.example/": {
                      "passwordEnv": "CI_PASSWORD",
                      "username": "ci"
                    },
                    "https://mirror.example/": {
                      "tokenEnv": "MIRROR_TOKEN"
                    },
                    "https://prompd.work.example/": {
                      "token": "t0ken"
                    }
                  },
                  "http": {
                    "retries": 0,
                    "timeout": 60
                  },
                  "registries": {
                    "local": "file:///srv/registry/",
                    "work": "https://prompd.work.example/"
                  },
                  "registry": "work",
                  "scopes": {
                    "@acme": "work",
                    "@mirror": "https://mirror.example/"
                  }
                }
                """, Files.readString(file()));
    }

    @Test
    void theFileIsReadableByItsOwnerOnlyEvenWhenItWasNot() throws IOException {
        Files.writeString(file(), "{}");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        store().write(full());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    }

    @Test
    void writingReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
        store().write(full());
        store().write(Config.EMPTY);
        assertEquals(Config.EMPTY, store().read());
        try (var files = Files.list(home)) {
            assertEquals(List.of(file()), files.toList());
        }
    }

    @Test
    void aFolderInTheFilesPlaceIsRefusedBeforeATemporaryFileIsWritten() throws IOException {
        Files.createDirectories(file().resolve("occupied"));

        PrompdException failure = assertThrows(PrompdException.class, () -> store().write(full()));

        assertEquals("the configuration file " + file() + " is a folder, not a regular file", failure.getMessage());
        try (var files = Files.list(home)) {
            assertEquals(List.of(file()), files.toList());
        }
    }


    @Test
    void theTemporaryFileOfAKilledWriteGoesWithTheNextWrite() throws Exception {
        long killed = Processes.endedPid();
        Files.writeString(home.resolve(".config.json.%d.7.part".formatted(killed)), "{\"credentials\": half");
        Path otherFile = Files.writeString(home.resolve(".other.%d.7.part".formatted(killed)), "not the config's");

        store().write(full());

        try (var files = Files.list(home)) {
            assertEquals(List.of(otherFile, file()), files.sorted().toList());
        }
    }
    @Test
    void theHomeFolderIsCreatedWhenMissing() throws IOException {
        ConfigStore nested = new ConfigStore(home.resolve("new/home/config.json"), PLAIN);
        nested.write(full());
        assertEquals(full(), nested.read());
    }

    @Test
    void anEmptyFileIsTheEmptyConfiguration() throws IOException {
        Files.writeString(file(), "");
        assertEquals(Config.EMPTY, store().read());
    }

    @Test
    void everyProblemOfAMalformedFileIsReportedAtItsField() throws IOException {
        Files.writeString(file(), """
                {
                  "registry": "nowhere",
                  "registries": {"Work": "https://a.example/", "ok": "ftp://b.example/"},
                  "scopes": {"acme": "ok", "@x": 3},
                  "credentials": {"https://a.example/": {"token": "s3cr3t", "tokenEnv": "X"}},
                  "proxy": "http://proxy/"
                }
                """);
        ConfigException failure = assertThrows(ConfigException.class, () -> store().read());
        assertEquals(ExitCode.FAILURE, failure.exitCode());
        List<String> pointers = failure.problems().stream().map(Problem::pointer).toList();
        assertEquals(List.of("/credentials/https:~1~1a.example~1", "/proxy", "/registries/Work", "/registries/ok",
                "/registry", "/scopes/@x", "/scopes/acme"), pointers);
        assertTrue(failure.getMessage().contains(file().toString()), failure.getMessage());
        assertFalse(failure.getMessage().contains("s3cr3t"), failure.getMessage());
    }

    @Test
    void theUserAndPasswordOfAUrlGivenAsAKeyAreMaskedInThePointerOfItsProblem() throws IOException {
        Files.writeString(file(), """
                {
                  "registries": {"company": "http://127.0.0.1:18402/"},
                  "credentials": {"http://alice:Hunter2-SECRET@127.0.0.1:18402/": {"token": "tok-123"}}
                }
                """);

        ConfigException failure = assertThrows(ConfigException.class, () -> store().read());

        assertEquals("/credentials/http:~1~1***@127.0.0.1:18402~1", failure.problems().get(0).pointer());
        assertEquals(3, failure.problems().get(0).line());
        assertTrue(failure.getMessage()
                .contains("\n  /credentials/http://***@127.0.0.1:18402/, line 3: invalid registry"
                + " URL 'http://***@127.0.0.1:18402/'"), failure.getMessage());
        assertFalse(failure.getMessage().contains("Hunter2") || failure.getMessage().contains("alice"),
                failure.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsReportedAtItsLineSayingWhatItShouldBe() throws IOException {
        Files.writeString(file(), """
                {
                  "registries": {
                    "company": "http://127.0.0.1:18402/"
                  },
                  "scopes": {
                    "@company": 7
                  }
                }
                """);

        ConfigException failure = assertThrows(ConfigException.class, () -> store().read());

        assertEquals(List.of("/scopes/@company, line 6: must be a string, not a number (write the name of a configured"
                + " registry, or a registry's URL there, in double quotes)"), lines(failure));
    }

    @Test
    void registriesOfTheWrongTypeAreOneErrorWithoutTheReferencesToTheNamesTheyWouldHaveHeld() throws IOException {
        Files.writeString(file(), """
                {"registries": ["co", "http://127.0.0.1:18402/"], "registry": "co", "scopes": {"@co": "co"}}
                """);

        ConfigException failure = assertThrows(ConfigException.class, () -> store().read());

        assertEquals(List.of("/registries, line 1: 'registries' must be a JSON object, not an array"), lines(failure));
    }

    @Test
    void aLimitThatIsNoWholeNumberInItsRangeIsReportedAtItsFieldAndAnUnknownOneAsANewerPrompdsField()
            throws IOException {
        Files.writeString(file(), """
                {
                  "http": {
                    "timeout": "60",
                    "retries": 11,
                    "speed": 3
                  }
                }
                """);

        ConfigException failure = assertThrows(ConfigException.class, () -> store().read());

        assertEquals(ExitCode.FAILURE, failure.exitCode());
        assertEquals(List.of("/http/retries, line 4: must be a whole number from 0 to 10, not 11 (write one there,"
                        + " without quotes, or drop the field for the default)",
                "/http/speed, line 5: unknown field 'speed' (if a newer prompd wrote it, update prompd rather than"
                        + " change the file; else remove it: the fields are retries, timeout)",
                "/http/timeout, line 3: must be a whole number of seconds from 1 to 3600, not a string (write one"
                        + " there, without quotes, or drop the field for the default)"), lines(failure));
        assertTrue(failure.hint().startsWith("if a newer prompd wrote it, update prompd"), failure.hint());
    }

    @Test
    void limitsOfTheWrongShapeAreReportedSayingWhatTheyShouldBe() throws IOException {
        Files.writeString(file(), """
                {"http": {"timeout": 1e40, "retries": 2.0}}
                """);
        ConfigException numbers = assertThrows(ConfigException.class, () -> store().read());
        Files.writeString(file(), """
                {"http": 60}
                """);
        ConfigException notAnObject = assertThrows(ConfigException.class, () -> store().read());

        assertEquals(List.of("/http/retries, line 1: must be a whole number from 0 to 10, not 2.0 (write one there,"
                        + " without quotes, or drop the field for the default)",
                "/http/timeout, line 1: must be a whole number of seconds from 1 to 3600, not 1E+40 (write one"
                        + " there, without quotes, or drop the field for the default)"), lines(numbers));
        assertEquals(List.of("/http, line 1: 'http' must be a JSON object, not a number (write {\"timeout\": SECONDS,"
                + " \"retries\": COUNT}, either field left out for its default)"), lines(notAnObject));
    }

    /** The lines of the message that each tell a problem, as the user reads them. */
    private static List<String> lines(ConfigException failure) {
        return failure.getMessage().lines().skip(1).map(String::strip).toList();
    }

    @Test
    void aLoneSurrogateEscapeIsAnErrorAtItsFieldSinceTheUrlWouldBeReadWithAQuestionMarkInItsPlace() throws IOException {
        Files.writeString(file(), "{\"registries\": {\"a\": \"https://a.example/r\\ud800/\"}}");

        ConfigException failure = assertThrows(ConfigException.class, () -> store().read());

        assertEquals(List.of("/registries/a: 'registries/a' holds the lone UTF-16 surrogate U+D800 at position 20"),
                failure.problems().stream().map(problem -> problem.pointer() + ": " + problem.message()).toList());
    }

    @Test
    void malformedJsonIsReportedByLineWithoutQuotingTheText() throws IOException {
        Files.writeString(file(), "{\n  \"credentials\": {\"https://a.example/\": {\"token\": s3cr3t}}\n}\n");
        ConfigException failure = assertThrows(ConfigException.class, () -> store().read());
        assertEquals(2, failure.problems().get(0).line());
        assertFalse(failure.getMessage().contains("s3cr3t"), failure.getMessage());
    }

    @Test
    void contentAfterTheDocumentIsReportedAtItsLine() throws IOException {
        Files.writeString(file(), "{\"registry\": \"https://a.example/\"}\n{\"registry\": \"https://b.example/\"}\n");
        ConfigException failure = assertThrows(ConfigException.class, () -> store().read());
        assertEquals(2, failure.problems().get(0).line());
        assertTrue(failure.problems().get(0).message().startsWith("not valid JSON"), failure.getMessage());
    }

    @Test
    void aKeyGivenTwiceIsAnError() throws IOException {
        Files.writeString(file(), "{\"registry\": \"https://a.example/\", \"registry\": \"https://b.example/\"}",
                StandardCharsets.UTF_8);
        assertThrows(ConfigException.class, () -> store().read());
    }

    @Test
    void oneUrlSpelledTwiceIsAnError() throws IOException {
        Files.writeString(file(), "{\"registries\": {\"a\": \"https://a.example\"}, \"credentials\": {"
                + "\"https://a.example/\": {\"token\": \"one\"}, \"HTTPS://A.EXAMPLE\": {\"token\": \"two\"}}}");
        ConfigException failure = assertThrows(ConfigException.class, () -> store().read());
        assertEquals(1, failure.problems().size());
        assertTrue(failure.problems().get(0).message().contains("given twice"), failure.getMessage());
    }

    @Test
    void credentialsOfAnInvalidKindAreNamedWithoutTheirSecret() throws IOException {
        Files.writeString(file(), "{\"credentials\": {\"https://a.example/\": {\"token\": \"two words\"}}}");
        ConfigException failure = assertThrows(ConfigException.class, () -> store().read());
        assertEquals("/credentials/https:~1~1a.example~1", failure.problems().get(0).pointer());
        assertFalse(failure.getMessage().contains("two words"), failure.getMessage());
    }
}
