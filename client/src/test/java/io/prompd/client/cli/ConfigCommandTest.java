package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.files.RunLock;
import io.prompd.core.json.Json;
import io.prompd.core.testing.Processes;
import io.prompd.core.testing.Unavailable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class ConfigCommandTest {

    @TempDir
    Path work;

    CliRun prompd(String... args) {
        return CliRun.in(work, work.resolve("home"), args);
    }

    @BeforeEach
    void addARegistry() {
        assertEquals(0, prompd("registry", "add", "acme", "https://prompd.acme.example/").exitCode());
    }

    /** npm's short name, as {@code prompd ls} and {@code registry ls} take it. */
    @Test
    void configLsIsConfigListAsEveryListCommandTakesLs() {
        CliRun ls = prompd("config", "ls");

        assertEquals(0, ls.exitCode(), ls.err());
        assertEquals(prompd("config", "list").out(), ls.out());
        List<String> lists = new ArrayList<>();
        collectLists(PrompdCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                CliRun.context(Map.of(), work, work, new byte[0])), lists);
        assertEquals(List.of("prompd config list", "prompd list", "prompd registry list"), lists.stream().sorted()
                .toList(), "every list command is found");
    }

    private static void collectLists(CommandLine command, List<String> lists) {
        if (command.getCommandName().equals("list")) {
            assertEquals(List.of("ls"), List.of(command.getCommandSpec().aliases()),
                    command.getCommandSpec().qualifiedName());
            lists.add(command.getCommandSpec().qualifiedName());
        }
        // a command's aliases map to it too
        command.getSubcommands().values().stream().distinct().forEach(subcommand -> collectLists(subcommand, lists));
    }

    @Test
    void aConfigLinkedIntoAFolderThatDoesNotExistIsNotWrittenThere() throws IOException {
        Path config = work.resolve("home/config.json");
        Files.delete(config);
        Files.createSymbolicLink(config, Path.of("../nowhere/config.json"));

        CliRun run = prompd("config", "set", "registry", "https://prompd.acme.example/");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: " + config + " is a link to " + work.resolve("nowhere/config.json")
                + ", in a folder that does not exist: " + work.resolve("nowhere") + "\n"), run.err());
        assertFalse(Files.exists(work.resolve("nowhere")));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aConfigThatIsAPipeFailsEveryCommandAtOnceNamingIt() throws Exception {
        Path config = work.resolve("home/config.json");
        Files.delete(config);
        Processes.run(List.of("mkfifo", config.toString()), work, Map.of(), "", Duration.ofSeconds(10)).ok();

        for (List<String> command : List.of(List.of("config", "list"), List.of("config", "get", "registry"),
                List.of("registry", "add", "other", "https://other.example/"), List.of("info", "@acme/a"))) {
            CliRun run = prompd(command.toArray(String[]::new));

            assertEquals(1, run.exitCode(), command + ": " + run.err());
            assertTrue(run.err()
                    .startsWith("error: the configuration file " + config + " is a pipe (FIFO), not a regular"
                    + " file\nhint: prompd keeps its configuration in a regular file"), command + ": " + run.err());
        }
        assertTrue(Files.readAttributes(config, BasicFileAttributes.class).isOther(), "the pipe stays");
    }

    @Test
    void aConfigLinkedToADeviceIsRefusedNamingWhereTheLinkLeads() throws IOException {
        Path config = work.resolve("home/config.json");
        Files.delete(config);
        Files.createSymbolicLink(config, Path.of("/dev/null"));

        CliRun run = prompd("config", "list");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err()
                .startsWith("error: the configuration file " + config + " is a link to /dev/null, a character"
                + " device, not a regular file\n"), run.err());
    }

    /**
     * Run as root, whom no permission stops, a write through the link would replace the device with a file: root
     * makes one of its own to link to. Anyone else, who may make none, links to /dev/null, which they cannot replace.
     */
    @Test
    void aDeviceTheConfigLinksToIsNotReplacedByAChange() throws Exception {
        Path device = work.resolve("null-device");
        Processes.Run made = Processes.run(List.of("mknod", device.toString(), "c", "1", "3"), work, Map.of(), "",
                Duration.ofSeconds(10));
        if (made.exitCode() != 0) {
            device = Path.of("/dev/null");
            if (Files.isWritable(device.getParent())) {
                Unavailable.here("mknod failed where /dev/null could be replaced (root without CAP_MKNOD): "
                        + made.err());
            }
        }
        Path config = work.resolve("home/config.json");
        Files.delete(config);
        Files.createSymbolicLink(config, device);

        CliRun added = prompd("registry", "add", "other", "https://other.example/");
        CliRun login = CliRun.in(work, work.resolve("home"), "s3cr3t\n", Map.of(), "login", "--offline", "--registry",
                "https://other.example/");

        for (CliRun run : List.of(added, login)) {
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("error: the configuration file " + config + " is a link to " + device
                    + ", a character device, not a regular file\n"), run.err());
        }
        assertTrue(Files.readAttributes(device, BasicFileAttributes.class).isOther(), "the device stays");
    }

    @Test
    void aReadOnlyConfigIsNotWrittenOverButNamedWithAFix() throws IOException {
        Path config = work.resolve("home/config.json");
        String before = Files.readString(config);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("r--------"));

        CliRun run = prompd("config", "set", "registry", "https://prompd.acme.example/");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals("error: read-only, so prompd did not change it: " + config + "\nhint: make it writable (chmod u+w "
                + config + "), then run this again\n", run.err());
        assertEquals(before, Files.readString(config));
        assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    }

    /**
     * A configuration is refused without the advice to delete it, which would lose the logins it holds; credentials of
     * a kind this prompd does not know, as a newer prompd may write, are a reason to update prompd.
     */
    @Test
    void aConfigThatCannotBeUsedIsToBeFixedNotDeletedAndANewerPrompdsToBeReadByUpdatingPrompd() throws IOException {
        Path config = work.resolve("home/config.json");
        Files.writeString(config, "{\"registries\": {\"acme\": \"https://prompd.acme.example/\"},"
                + " \"credentials\": {\"https://prompd.acme.example/\": {\"username\": \"ci\", \"passwordEnv\": \"PW\","
                + " \"otpEnv\": \"OTP\"}}}\n");

        CliRun newer = prompd("registry", "list");

        assertEquals(1, newer.exitCode(), newer.err());
        assertTrue(newer.err().contains("/credentials/https://prompd.acme.example/, line 1: credentials hold the"
                + " fields [otpEnv, passwordEnv, username], which are none of the four kinds (if a newer prompd wrote"
                + " it, update prompd rather than change the file; else write "), newer.err());
        assertTrue(newer.err().endsWith("\nhint: if a newer prompd wrote it, update prompd to one that reads it; else"
                + " fix each problem as its hint says, with the commands it names or in an editor; deleting the file"
                + " would lose the registries configured in it and the credentials 'prompd login' stored there\n"),
                newer.err());

        Files.writeString(config, "{\"registries\": {\"acme\": 7}}\n");
        CliRun broken = prompd("registry", "list");
        assertEquals(1, broken.exitCode(), broken.err());
        assertTrue(broken.err().endsWith("\nhint: fix each problem as its hint says, with the commands it names or in"
                + " an editor; deleting the file would lose the registries configured in it and the credentials"
                + " 'prompd login' stored there\n"), broken.err());
    }

    @Test
    void setThenGetEachKindOfKey() {
        assertEquals("registry = acme\n", prompd("config", "set", "registry", "acme").out());
        assertEquals("scopes.@tools = https://tools.example/\n",
                prompd("config", "set", "scopes.@tools", "https://tools.example").out());
        assertEquals("registries.mirror = file:///srv/mirror/\n",
                prompd("config", "set", "registries.mirror", "file:///srv/mirror").out());
        assertEquals("acme\n", prompd("config", "get", "registry").out());
        assertEquals("https://tools.example/\n", prompd("config", "get", "scopes.@tools").out());
        assertEquals("file:///srv/mirror/\n", prompd("config", "get", "registries.mirror").out());
    }

    @Test
    void listShowsEveryKeySortedAndSecretsAsSet() {
        prompd("config", "set", "registry", "acme");
        prompd("config", "set", "scopes.@acme", "acme");
        CliRun login = CliRun.in(work, work.resolve("home"), "s3cr3t-t0ken\n", java.util.Map.of(), "login",
                "--offline");
        assertEquals(0, login.exitCode(), login.err());
        CliRun list = prompd("config", "list");
        assertEquals(0, list.exitCode(), list.err());
        assertEquals("""
                credentials.https://prompd.acme.example/ = token (set)
                registries.acme = https://prompd.acme.example/
                registry = acme
                scopes.@acme = acme
                """, list.out());
        assertEquals("token (set)\n", prompd("config", "get", "credentials.https://prompd.acme.example/").out());
    }

    @Test
    void listAsJsonIsOneObject() throws IOException {
        prompd("config", "set", "registry", "acme");
        JsonNode json = Json.reader().readTree(prompd("config", "list", "--json").out());
        assertEquals("acme", json.get("registry").asText());
        assertEquals("https://prompd.acme.example/", json.get("registries.acme").asText());
    }

    @Test
    void getOfAKeyNotSetIsNotFound() {
        CliRun get = prompd("config", "get", "scopes.@nobody");
        assertEquals(3, get.exitCode());
        assertTrue(get.err().startsWith("error: 'scopes.@nobody' is not set"), get.err());
    }

    @Test
    void aMapAskedForWithoutItsEntrySaysHowToNameOne() {
        CliRun scopes = prompd("config", "get", "scopes");
        assertEquals(2, scopes.exitCode());
        assertEquals("error: 'scopes' holds one entry per key: give scopes.@SCOPE\nhint: 'prompd config"
                + " list' shows every"
                + " key set\n", scopes.err());
        assertTrue(prompd("config", "set", "registries.", "https://x.example/").err()
                .startsWith("error: 'registries.' holds one entry per key: give registries.NAME\n"));
        assertTrue(prompd("config", "unset", "credentials").err().contains("give credentials.URL"));
    }

    @Test
    void anUnknownKeyIsAUsageErrorListingTheKeys() {
        CliRun get = prompd("config", "get", "proxy");
        assertEquals(2, get.exitCode());
        assertTrue(get.err().contains("unknown configuration key 'proxy'"), get.err());
        assertTrue(get.err().contains("registries.NAME"), get.err());
    }

    @Test
    void aPasswordInAKeyIsShownAsStarsWhereverTheKeyIsQuoted() {
        String key = "credentials.http://u:SECRETPW@127.0.0.1:18120/";
        String refused = "error: invalid configuration key 'credentials.http://***@127.0.0.1:18120/':"
                + " invalid registry URL"
                + " 'http://***@127.0.0.1:18120/': the URL holds a user or password; remove it and log in instead,"
                + " with --registry naming this registry\n";

        CliRun get = prompd("config", "get", key);
        CliRun set = prompd("config", "set", key, "x");
        CliRun unset = prompd("config", "unset", key);
        CliRun unknown = prompd("config", "get", "credential.http://u:SECRETPW@127.0.0.1:18120/");

        for (CliRun run : List.of(get, set, unset)) {
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().startsWith(refused), run.err());
        }
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err()
                .startsWith("error: unknown configuration key 'credential.http://***@127.0.0.1:18120/'\n"),
                unknown.err());
        assertFalse((get.err() + set.err() + unset.err() + unknown.err()).contains("SECRETPW"));
    }

    @Test
    void settingAnUnknownRegistryNameIsNotFound() {
        CliRun set = prompd("config", "set", "registry", "nowhere");
        assertEquals(3, set.exitCode());
        assertTrue(set.err().contains("unknown registry 'nowhere'"), set.err());
    }

    @Test
    void settingAMalformedUrlIsAUsageError() {
        CliRun set = prompd("config", "set", "registries.x", "ftp://x.example/");
        assertEquals(2, set.exitCode());
        assertTrue(set.err().contains("invalid registry URL"), set.err());
    }

    @Test
    void credentialsAreNotSetOnTheCommandLine() {
        CliRun set = prompd("config", "set", "credentials.https://prompd.acme.example/", "s3cr3t");
        assertEquals(2, set.exitCode());
        assertTrue(set.err().contains("prompd login"), set.err());
    }

    /** A field of the credentials named after the URL, as npm's {@code //host/:_authToken}: the login is the URL's. */
    @Test
    void aCredentialsFieldAfterTheUrlIsLeftOutOfTheLoginTheHintSuggests() {
        for (String field : List.of("/.token", "/.password", "/.username")) {
            CliRun set = prompd("config", "set", "credentials.https://prompd.acme.example:8443" + field, "s3cr3t");

            assertEquals(2, set.exitCode(), set.err());
            assertTrue(set.err().endsWith("\nhint: run 'prompd login --registry https://prompd.acme.example:8443/',"
                    + " which reads the secret from standard input\n"), set.err());
        }
    }

    @Test
    void credentialsForAFolderAreRefusedAsAFolderTakesNone() {
        CliRun set = prompd("config", "set", "credentials.file:///x", "s3cr3t");

        assertEquals(2, set.exitCode(), set.err());
        assertEquals("error: file:///x/ is a folder read from disk, and prompd sends credentials only over HTTP:"
                + " nothing would ever use them\nhint: log in to a registry served over https:// or http://; a"
                + " folder's access is its file permissions\n", set.err(), "no 'prompd login' that refuses it");
    }

    @Test
    void aHomeThatIsAFileIsAUsageErrorSayingSo() throws IOException {
        Path file = Files.writeString(work.resolve("not-a-folder"), "x");

        CliRun run = CliRun.in(work, file, "config", "list");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: the prompd home " + file
                + " is a file, not a folder\nhint: point --home or $PROMPD_HOME at a"
                + " folder (it is created when missing)\n", run.err());
    }

    @Test
    void aRouteToARegistryWhoseUrlIsInvalidIsNotToldAsNotConfigured() throws IOException {
        Files.writeString(work.resolve("home/config.json"), """
                {"registries": {"acme": "https://prompd.acme.example/", "evil": "https://evil.example/a/%2e%2e/b/"},
                 "registry": "evil", "scopes": {"@common": "evil", "@tools": "gone"}}
                """);

        CliRun run = prompd("config", "list");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("\n  /registries/evil, line 1: invalid registry URL"), run.err());
        assertTrue(run.err()
                .contains("\n  /scopes/@tools, line 2: scope @tools is routed to registry 'gone', which is not"
                + " configured"), run.err());
        assertFalse(run.err().contains("'evil'"), "the URL is what to fix, not the references to evil: " + run.err());
        assertTrue(run.err().contains("scope @tools is routed to registry 'gone', which is not configured (name a"
                + " configured registry there, or drop the reference, with the file's other problems)"),
                "no command mends a file with other problems: " + run.err());
    }

    @Test
    void theCommandsThatAFileNamingARegistryItDoesNotConfigureAdvisesMakeItGood() throws IOException {
        Path config = work.resolve("home/config.json");
        String broken = """
                {"registries": {"mian": "https://prompd.main.example/"}, "registry": "main"}
                """;
        Files.writeString(config, broken);
        String problem = "\n  /registry, line 1: the default registry 'main' is not configured (add it with"
                + " 'prompd registry add"
                + " main URL', name a configured registry with 'prompd config set registry NAME', or drop the reference"
                + " with 'prompd config unset registry')\n";

        CliRun list = prompd("config", "list");
        CliRun unrelated = prompd("config", "set", "scopes.@acme", "mian");
        CliRun added = prompd("registry", "add", "main", "https://prompd.main.example/");

        assertEquals(1, list.exitCode(), list.err());
        assertTrue(list.err().contains(problem), list.err());
        assertEquals(list.err(), unrelated.err(), "a change that leaves the problem is refused for it");
        assertEquals(1, unrelated.exitCode());
        assertEquals(0, added.exitCode(), added.err());
        assertEquals("""
                registries.main = https://prompd.main.example/
                registries.mian = https://prompd.main.example/
                registry = main
                """, prompd("config", "list").out());

        Files.writeString(config, broken.replace("\"main\"}", "\"main\", \"scopes\": {\"@acme\": \"gone\"}}"));
        assertEquals(0, prompd("config", "set", "registry", "mian").exitCode(), "one of two problems mended");
        CliRun left = prompd("config", "list");
        assertEquals(1, left.exitCode());
        assertTrue(left.err().contains("/scopes/@acme, line 7: scope @acme is routed to registry 'gone'"), left.err());
        assertFalse(left.err().contains("/registry,"), left.err());
        assertEquals(0, prompd("registry", "add", "gone", "https://gone.example/").exitCode(), "then the other");
        assertEquals("mian\n", prompd("config", "get", "registry").out());
        Files.writeString(config, broken);
        assertEquals(0, prompd("config", "set", "registry", "mian").exitCode(), "naming a configured registry");
        assertEquals("mian\n", prompd("config", "get", "registry").out());
    }

    @Test
    void eachCommandTheProblemsOfAFileNamingSeveralRegistriesItDoesNotConfigureAdviseRunsOneAfterTheOther()
            throws IOException {
        Path config = work.resolve("home/config.json");
        String broken = """
                {"registries": {"o": "file:///srv/o/"}, "registry": "o", "scopes": {"@acme": "corp", "@b": "corp2"}}
                """;
        Files.writeString(config, broken);

        CliRun first = prompd("registry", "add", "corp", "file:///srv/corp/");
        CliRun again = prompd("registry", "add", "other", "file:///srv/other/");
        CliRun second = prompd("registry", "add", "corp2", "file:///srv/corp2/");

        assertEquals(0, first.exitCode(), first.err());
        assertEquals(1, again.exitCode(), "a change mending nothing is refused for the problem left");
        assertTrue(again.err().contains("/scopes/@b, line 9: scope @b is routed to registry 'corp2'"), again.err());
        assertFalse(again.err().contains("@acme"), again.err());
        assertEquals(0, second.exitCode(), second.err());
        assertEquals("""
                registries.corp = file:///srv/corp/
                registries.corp2 = file:///srv/corp2/
                registries.o = file:///srv/o/
                registry = o
                scopes.@acme = corp
                scopes.@b = corp2
                """, prompd("config", "list").out());
    }

    @Test
    void unsettingTheKeysThatNameARegistryNotConfiguredMakesTheFileGood() throws IOException {
        Path config = work.resolve("home/config.json");
        String broken = """
                {"registries": {"mian": "https://prompd.main.example/"}, "registry": "main",
                 "scopes": {"@acme": "gone", "@tools": "mian"}}
                """;
        Files.writeString(config, broken);

        CliRun unrelated = prompd("config", "unset", "scopes.@tools");
        assertEquals(1, unrelated.exitCode(), "the default and the route of @acme still name no registry");
        assertEquals(broken, Files.readString(config), "a refused change writes nothing");

        CliRun unset = prompd("config", "unset", "registry");
        assertEquals(0, unset.exitCode(), unset.err());
        assertEquals("unset registry\n", unset.out(), "the route of @acme left as it is");
        assertEquals(0, prompd("config", "unset", "scopes.@acme").exitCode());
        assertEquals("""
                registries.mian = https://prompd.main.example/
                scopes.@tools = mian
                """, prompd("config", "list").out());

        Files.writeString(config, broken.replace("\"registry\": \"main\",", ""));
        CliRun route = prompd("config", "unset", "scopes.@acme");
        assertEquals(0, route.exitCode(), route.err());
        assertEquals("unset scopes.@acme\n", route.out());

        Files.writeString(config, broken.replace("\"gone\"", "\"main\""));
        CliRun name = prompd("config", "unset", "registries.main");
        assertEquals(0, name.exitCode(), name.err());
        assertEquals("""
                registries.main was not set
                also unset registry (it was main)
                also unset scopes.@acme (it was main)
                """, name.out(), "the references to a name go along, as they do with a name configured");
        assertEquals("""
                registries.mian = https://prompd.main.example/
                scopes.@tools = mian
                """, prompd("config", "list").out());
    }

    @Test
    void movingANamedRegistryLeavesItsCredentialsWithTheOldUrlAndSaysSo() {
        assertEquals(0, CliRun.in(work, work.resolve("home"), "t0ken\n", Map.of(), "login", "--offline", "--registry",
                "acme").exitCode());

        CliRun moved = prompd("config", "set", "registries.acme", "https://mirror.acme.example/");

        assertEquals(0, moved.exitCode(), moved.err());
        assertEquals("note: the credentials stored for https://prompd.acme.example/ stay with that URL; 'prompd login"
                + " --registry acme' stores some for https://mirror.acme.example/\n", moved.err());
        assertEquals("token (set)\n", prompd("config", "get", "credentials.https://prompd.acme.example/").out(),
                "never sent to another host");
        assertEquals("", prompd("config", "set", "registries.acme", "https://mirror.acme.example/").err(),
                "said once, when the name moves");
    }

    @Test
    void unsetRemovesAKeyAndWhatDependsOnIt() {
        prompd("config", "set", "registry", "acme");
        prompd("config", "set", "scopes.@acme", "acme");
        assertEquals("""
                unset registries.acme
                also unset registry (it was acme)
                also unset scopes.@acme (it was acme)
                """, prompd("config", "unset", "registries.acme").out(),
                "what goes along is said, as registry remove does");
        CliRun empty = prompd("config", "list");
        assertEquals("", empty.out());
        assertEquals("note: nothing is set in " + work.resolve("home/config.json")
                + "; 'prompd registry add NAME URL --default'"
                + " sets a registry\n", empty.err(), "an empty list says why, where scripts do not read it");
        assertEquals("registry was not set\n", prompd("config", "unset", "registry").out());
    }

    /** As install says it waits for the home: a change of the configuration waits for its lock as long as 30 s. */
    @ParameterizedTest
    @ValueSource(strings = {"config set registry acme", "config unset registry", "registry add other"
            + " https://other.example/", "registry default acme", "registry remove acme", "login --offline --registry"
            + " acme", "logout --registry acme"})
    void theCommandsChangingTheConfigurationSayTheyWaitForARunHoldingIt(String command) throws Exception {
        Path home = work.resolve("home");
        StringWriter err = new StringWriter();
        CliContext context = CliRun.context(Map.of("PROMPD_HOME", home.toString()), work, work.resolve("user-home"),
                "s3cr3t\n".getBytes(StandardCharsets.UTF_8));
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> change;
            try (RunLock other = RunLock.acquire(home.resolve("config.lock"), Duration.ofSeconds(1), () -> { })) {
                change = background.submit(() -> PrompdCommand.commandLine(new PrintWriter(new StringWriter()),
                        new PrintWriter(err), context).execute(command.split(" ")));
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!err.toString().contains("waiting") && System.nanoTime() < giveUp) {
                    Thread.sleep(10);
                }
                assertFalse(change.isDone(), "it waits while the other run holds the configuration");
            }
            assertEquals(0, change.get(30, TimeUnit.SECONDS), err.toString());
            assertTrue(err.toString().startsWith("note: waiting for another prompd run to finish (process "
                    + ProcessHandle.current().pid() + " holds " + home.resolve("config.lock") + ")…\n"),
                    err.toString());
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void theHttpLimitsAreSetShownAsNumbersAndUnset() throws IOException {
        CliRun timeout = prompd("config", "set", "http.timeout", "60");
        CliRun retries = prompd("config", "set", "http.retries", "0");

        assertEquals("http.timeout = 60\n", timeout.out(), timeout.err());
        assertEquals("http.retries = 0\n", retries.out(), retries.err());
        assertEquals("60\n", prompd("config", "get", "http.timeout").out());
        assertTrue(Files.readString(work.resolve("home/config.json")).contains("""
                  "http": {
                    "retries": 0,
                    "timeout": 60
                  },
                """), "as numbers, as the file is documented");
        JsonNode json = Json.reader().readTree(prompd("config", "list", "--json").out());
        assertTrue(json.get("http.timeout").isInt() && json.get("http.timeout").intValue() == 60, json.toString());
        assertEquals("http.retries = 0\nhttp.timeout = 60\nregistries.acme = https://prompd.acme.example/\n",
                prompd("config", "list").out());
        assertEquals("unset http.timeout\n", prompd("config", "unset", "http.timeout").out());
        assertEquals(3, prompd("config", "get", "http.timeout").exitCode(), "not set: the default holds");
        assertEquals("0\n", prompd("config", "get", "http.retries").out());
    }

    /**
     * A limit's variable wins over the configuration's for the run, so config get gives the value in effect, as for
     * the registry, with a note on stderr naming the variable; config list lists the file and notes the variable.
     */
    @Test
    void configGetOfALimitGivesTheVariablesValueAndListSaysSo() {
        prompd("config", "set", "http.retries", "2");
        Map<String, String> variables = Map.of("PROMPD_HTTP_TIMEOUT", "30", "PROMPD_HTTP_RETRIES", "7");

        CliRun timeout = CliRun.in(work, work.resolve("home"), "", variables, "config", "get", "http.timeout");
        CliRun retries = CliRun.in(work, work.resolve("home"), "", variables, "config", "get", "http.retries");
        CliRun list = CliRun.in(work, work.resolve("home"), "", variables, "config", "list");
        CliRun fresh = CliRun.in(work, work.resolve("fresh"), "", Map.of("PROMPD_HTTP_TIMEOUT", "30"), "config", "get",
                "http.timeout");

        assertEquals(0, timeout.exitCode(), timeout.err());
        assertEquals("30\n", timeout.out());
        assertEquals("note: $PROMPD_HTTP_TIMEOUT sets it; no value is configured\n", timeout.err());
        assertEquals("7\n", retries.out(), retries.err());
        assertEquals("note: $PROMPD_HTTP_RETRIES sets it in place of the configured value, 2\n", retries.err());
        assertEquals(0, list.exitCode(), list.err());
        assertEquals("http.retries = 2\nregistries.acme = https://prompd.acme.example/\n", list.out());
        assertEquals("note: $PROMPD_HTTP_TIMEOUT sets http.timeout to 30 in place of the configuration's\n"
                + "note: $PROMPD_HTTP_RETRIES sets http.retries to 7 in place of the configuration's\n", list.err());
        assertEquals(0, fresh.exitCode(), fresh.err());
        assertEquals("30\n", fresh.out());
        assertEquals("2\n", prompd("config", "get", "http.retries").out(), "without the variable, the file's");
    }

    @Test
    void aLimitThatIsNoWholeNumberInItsRangeIsRefusedAndNothingIsWritten() throws IOException {
        Path config = work.resolve("home/config.json");
        String before = Files.readString(config);

        CliRun negative = prompd("config", "set", "http.timeout", "-5");
        CliRun absurd = prompd("config", "set", "http.retries", "1000");

        assertEquals(2, negative.exitCode(), negative.err());
        assertEquals("error: invalid value for http.timeout: '-5' is not a whole number of seconds from 1 to 3600\n"
                + "hint: give digits alone, as in 'prompd config set http.timeout 60'; 'prompd config unset"
                + " http.timeout' goes back to the default\n", negative.err());
        assertEquals(2, absurd.exitCode(), absurd.err());
        assertTrue(absurd.err().startsWith("error: invalid value for http.retries: '1000' is not a whole number from 0"
                + " to 10\n"), absurd.err());
        assertEquals(before, Files.readString(config));
    }

    /** As PROMPD_OFFLINE's: a typo in a CI job's setting would otherwise go unseen, the default taken in its place. */
    @Test
    void aLimitsVariableThatIsNoWholeNumberIsRefusedNamingTheVariable() {
        CliRun run = CliRun.in(work, work.resolve("home"), "", Map.of("PROMPD_HTTP_RETRIES", "lots"), "config",
                "list");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: $PROMPD_HTTP_RETRIES is invalid: 'lots' is not a whole number from 0 to 10\nhint: set it"
                + " to a whole number from 0 to 10, or unset it for the configuration's http.retries or the"
                + " default\n", run.err());
    }

    /** The file is written anew when a change mends it: the limits it holds are written with the rest. */
    @Test
    void theLimitsStayWhenAChangeMendsTheFile() throws IOException {
        Path config = work.resolve("home/config.json");
        Files.writeString(config, """
                {"registry": "main", "http": {"timeout": 90, "retries": 1}}
                """);
        CliRun added = prompd("registry", "add", "main", "https://prompd.main.example/");
        String afterAdd = prompd("config", "list").out();
        Files.writeString(config, """
                {"credentials": {"https://old.example/": {"cookie": "c"}}, "http": {"retries": 1}}
                """);
        CliRun logout = prompd("logout", "--registry", "https://old.example/");

        assertEquals(0, added.exitCode(), added.err());
        assertEquals("http.retries = 1\nhttp.timeout = 90\nregistries.main = https://prompd.main.example/\n"
                + "registry = main\n", afterAdd);
        assertEquals(0, logout.exitCode(), logout.err());
        assertEquals("http.retries = 1\n", prompd("config", "list").out());
    }
}
