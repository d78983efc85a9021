package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.client.testing.RegistryServer;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.Integrity;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.archive.PackageLocation;
import io.prompd.core.archive.Packer;
import io.prompd.core.files.Folders;
import io.prompd.core.json.Json;
import io.prompd.core.source.MemorySource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tarballs refused as tampered with or beyond the archive limits, and integrities of prompd.lock, the registry and the
 * store that do not agree.
 */
class IntegrityTest extends InstallCommandsFixture {

    private static final String OUT_OF_PACKAGE_HINT = "hint: prompd validate refuses a reference out of the package,"
            + " and a registry's check refuses to publish it, so the registry's host served what the registry never"
            + " published, or the archive was tampered with; tell the registry's maintainers\n";

    @Test
    void anEntryAnEditOfPrompdJsonAloneBringsIntoReachIsAuditedThoughTheLockAndTheStoreAreUnchanged()
            throws IOException {
        registry.publish("@acme/lone", "1.0.0");
        assertEquals(0, prompd("install", "@acme/util", "@acme/lone").exitCode());
        String recorded = Integrity.of(Files.readAllBytes(registry.tarball("@acme/lone", "1.0.0"))).toString();
        String edited = editIntegrity(recorded);
        editDependencies("\"@acme/util\": \"^1.1.0\"");
        assertEquals(4, prompd("install", "--frozen").exitCode(), "the lock keeps @acme/lone, out of reach");

        editDependencies("\"@acme/util\": \"^1.1.0\", \"@acme/lone\": \"^1.0.0\"");
        CliRun reached = prompd("install", "--frozen");

        assertEquals(6, reached.exitCode(), "as a fresh audit of the lock fails: " + reached.err());
        assertTrue(reached.err().startsWith("error: the store's copy of @acme/lone@1.0.0 ("
                + home.resolve("packages/@acme/lone@1.0.0") + ") came from other bytes (" + recorded + ") than"
                + " prompd.lock pins (" + edited + ")\n"), reached.err());
    }

    @Test
    void aTamperedTarballExitsWithSix() throws IOException {
        registry.tamper("@acme/util", "1.1.0");
        CliRun run = prompd("install", "@acme/util");
        assertEquals(6, run.exitCode(), run.err());
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")));
        assertFalse(Files.readString(project.resolve("prompd.json")).contains("util"));
    }

    @Test
    void aGitFolderInATarballWhoseIntegrityMatchesIsRefusedWithSixNamingThePackageAndNothingIsInstalledOrCached()
            throws IOException {
        registry.addToTarball("@acme/util", "1.1.0", "package/.git/config",
                "[core]\n\tfsmonitor = \"touch pwned; false\"\n".getBytes(StandardCharsets.UTF_8));

        CliRun run = prompd("install", "@acme/util");

        assertEquals(6, run.exitCode(), run.err());
        assertEquals("error: the tarball of @acme/util@1.1.0 was refused, and nothing of it was installed: the archive"
                + " entry 'package/.git/config' is refused: pack never packs .git/, .prompd/, node_modules/\n"
                + "hint: prompd pack never writes such entries, so the archive was damaged or tampered with; tell the"
                + " registry's maintainers\n", run.err().replace(System.lineSeparator(), "\n"));
        assertEquals(List.of(), filesIn(home.resolve("packages")), "neither the version nor what its unpack began is"
                + " left, nor a folder of its scope");
        assertNoTarballCached();
        assertFalse(Files.readString(project.resolve("prompd.json")).contains("util"));
    }

    @Test
    void aTarballWhoseManifestGivesAKeyTwiceIsRefusedWithSixAsValidateRefusesItAndIsNotCached() throws IOException {
        MemorySource source = MemorySource.ofText("util", Map.of("prompd.json", "{\n  \"name\": \"@acme/decoy\",\n"
                + "  \"name\": \"@acme/util\",\n  \"version\": \"1.1.0\"\n}\n"));
        ByteArrayOutputStream tarball = new ByteArrayOutputStream();
        Packer.pack(source, PackSelector.select(source, List.of(), List.of(), ArchiveLimits.DEFAULT,
                PackageLocation.WORKING_FOLDER), tarball);
        registry.serveAsTarball("@acme/util", "1.1.0", tarball.toByteArray());

        CliRun run = prompd("install", "@acme/util");

        assertEquals(6, run.exitCode(), run.err());
        assertEquals("error: the tarball of @acme/util@1.1.0 was refused, and nothing of it was installed: its"
                + " prompd.json gives /name again on line 3, first on line 2\n"
                + "hint: prompd validate refuses a key given twice, and a registry's check refuses to publish it, so"
                + " the archive was damaged or tampered with; tell the registry's maintainers\n",
                run.err().replace(System.lineSeparator(), "\n"));
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")));
        assertNoTarballCached();
        assertFalse(Files.readString(project.resolve("prompd.json")).contains("util"));
    }

    @Test
    void aTarballBeyondTheArchiveLimitsIsRefusedWithSixAsPackNeverWritesItAndIsNotCached() throws IOException {
        registry.addToTarball("@acme/util", "1.1.0", "package/prompts/big.prmd",
                new byte[(int) ArchiveLimits.DEFAULT.maxFileBytes() + 1]);

        CliRun run = prompd("install", "@acme/util");

        assertEquals(6, run.exitCode(), run.err());
        assertNoTarballCached();
        assertEquals("error: the tarball of @acme/util@1.1.0 was refused, and nothing of it was installed: the archive"
                + " is refused: package/prompts/big.prmd has 5242881 bytes, more than the limit of 5242880 bytes per"
                + " file\nhint: prompd pack never writes an archive beyond these limits, nor a registry's build, so"
                + " it was damaged or tampered with, or made by a prompd with larger limits than this one; tell the"
                + " registry's maintainers\n", run.err().replace(System.lineSeparator(), "\n"));
    }

    /**
     * A prompt whose context or includes lead out of the package, which a registry's check never publishes, served by
     * its host: installed with exit 0, for a prompt rendered from the store to read a file of the machine's. Refused,
     * naming each, in the prompt and in the file its template loads, and nothing of it installed or cached.
     */
    @Test
    void aPromptReferringOutOfThePackageIsRefusedWithSixNamingEachReference() throws IOException {
        registry.addToTarball("@acme/util", "1.1.0", "package/prompts/evil.prmd", ("---\nid: evil\nname: Evil\n"
                + "description: reads the machine\ncontext: \"../../../../../.ssh/id_rsa\"\n---\n\n# User\n\n"
                + "{% include \"../../../../config.json\" %}\n{% include \"parts/a.md\" %}\n")
                .getBytes(StandardCharsets.UTF_8));
        registry.addToTarball("@acme/util", "1.1.0", "package/prompts/parts/a.md",
                "{% include \"/etc/passwd\" %}\n".getBytes(StandardCharsets.UTF_8));

        CliRun run = prompd("install", "@acme/util");

        assertEquals(6, run.exitCode(), run.err());
        assertEquals("error: the tarball of @acme/util@1.1.0 was refused, and nothing of it was installed: its prompts"
                + " refer to files outside the package, at prompts/evil.prmd, line 5 ('../../../../../.ssh/id_rsa');"
                + " prompts/evil.prmd, line 10 ('../../../../config.json'); prompts/parts/a.md, line 1"
                + " ('/etc/passwd')\n" + OUT_OF_PACKAGE_HINT, run.err().replace(System.lineSeparator(), "\n"));
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")));
        assertNoTarballCached();
    }

    /**
     * The same references written as a dependency's files, whose '..' climb out of the dependency's folder in the
     * store: validate refuses them, yet they installed with exit 0, as the install looked at a prompt's own paths only.
     * A '..' that stays inside the dependency, which validate refuses as miswritten only, is no reason to refuse it.
     */
    @Test
    void aPromptReferringOutOfADependencyIsRefusedWithSixNamingEachReference() throws IOException {
        registry.addToTarball("@acme/base", "1.0.0", "package/prompts/summarize.prmd", ("---\nid: summarize\n"
                + "name: Summarize\ndescription: reads the machine\nusing:\n  - name: \"@acme/util@^1.0.0\"\n"
                + "    prefix: \"@util\"\ncontext: \"@acme/util@^1.0.0/../../../.ssh/id_rsa\"\n---\n\n# User\n\n"
                + "{% include \"@acme/util@^1.0.0/../../../../../../../../etc/hostname\" %}\n"
                + "{% include \"@util/..\\..\\..\\etc/passwd\" %}\n"
                + "{% include \"@acme/util@^1.0.0/prompts/../README.md\" %}\n{% include \"parts/a.md\" %}\n")
                .getBytes(StandardCharsets.UTF_8));
        registry.addToTarball("@acme/base", "1.0.0", "package/prompts/parts/a.md",
                "\n{% include \"@acme/util@^1.0.0/prompts/../../@acme/other@1.0.0/secret.md\" %}\n"
                        .getBytes(StandardCharsets.UTF_8));

        assertInstallRefusedAsReferringOutOfThePackage("prompts/summarize.prmd, line 8"
                + " ('@acme/util@^1.0.0/../../../.ssh/id_rsa'); prompts/summarize.prmd, line 13"
                + " ('@acme/util@^1.0.0/../../../../../../../../etc/hostname'); prompts/summarize.prmd, line 14"
                + " ('@util/..\\..\\..\\etc/passwd'); prompts/parts/a.md, line 2"
                + " ('@acme/util@^1.0.0/prompts/../../@acme/other@1.0.0/secret.md')");
    }

    /**
     * An install of @acme/base fails with 6 naming each reference out of the package, {@code where}, and leaves nothing
     * unpacked nor cached.
     */
    private void assertInstallRefusedAsReferringOutOfThePackage(String where) throws IOException {
        CliRun run = prompd("install", "@acme/base");

        assertEquals(6, run.exitCode(), run.err());
        assertEquals("error: the tarball of @acme/base@1.0.0 was refused, and nothing of it was installed: its prompts"
                + " refer to files outside the package, at " + where + "\n" + OUT_OF_PACKAGE_HINT,
                run.err().replace(System.lineSeparator(), "\n"));
        assertEquals(List.of(), filesIn(home.resolve("packages")), "nothing unpacked is left, @acme/util's neither");
        assertNoTarballCached();
    }

    /**
     * A dependency's file written as an absolute path (a Windows drive, a leading '\\') or a home path installed with
     * exit 0, as only a dependency's '..' counted as leading out of it: a prompt rendered from the store on Windows, or
     * by a tool that expands '~', reads that file of the machine's. Refused as a path of the package's own is.
     */
    @Test
    void aPromptReferringToADependencysAbsoluteOrHomePathIsRefusedWithSix() throws IOException {
        registry.addToTarball("@acme/base", "1.0.0", "package/prompts/summarize.prmd", ("---\nid: summarize\n"
                + "name: Summarize\ndescription: reads the machine\ncontext: \"@acme/util@^1.0.0/C:/Windows/win.ini\"\n"
                + "---\n\n# User\n\n{% include \"@acme/util@^1.0.0/~/.ssh/id_rsa\" %}\n"
                + "{% include \"@acme/util@^1.0.0/\\etc\\hostname\" %}\n").getBytes(StandardCharsets.UTF_8));

        assertInstallRefusedAsReferringOutOfThePackage("prompts/summarize.prmd, line 5"
                + " ('@acme/util@^1.0.0/C:/Windows/win.ini'); prompts/summarize.prmd, line 10"
                + " ('@acme/util@^1.0.0/~/.ssh/id_rsa'); prompts/summarize.prmd, line 11"
                + " ('@acme/util@^1.0.0/\\etc\\hostname')");
    }

    private void assertNoTarballCached() throws IOException {
        assertEquals(List.of(), filesIn(home.resolve("cache/tarballs")).stream().filter(Files::isRegularFile).toList(),
                "a refused tarball is not kept for 'cache verify' to pass and the next run to refuse again");
    }

    /** All the folder holds, at any depth; none when it does not exist, as a refused first install leaves none. */
    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(path -> !path.equals(folder)).toList();
        }
    }

    /** Replaces an integrity in prompd.lock with another tarball's, as a hand edit or a merge may; returns that one. */
    private String editIntegrity(String recorded) throws IOException {
        String edited = Integrity.of("another tarball".getBytes(StandardCharsets.UTF_8)).toString();
        Path lock = project.resolve("prompd.lock");
        Files.writeString(lock, Files.readString(lock).replace(recorded, edited));
        return edited;
    }

    @Test
    void aLockWhoseIntegrityTheRegistryDoesNotRecordIsToldApartFromADamagedDownload() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        String recorded = Integrity.of(Files.readAllBytes(registry.tarball("@acme/util", "1.1.0"))).toString();
        String edited = editIntegrity(recorded);
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());

        CliRun run = prompd("install");

        assertEquals(6, run.exitCode(), run.err());
        assertEquals("error: integrity check failed for @acme/util@1.1.0: prompd.lock records " + edited
                + ", and the registry's index.json " + recorded + "\n"
                + "hint: if prompd.lock was edited (by hand or by a merge), delete the entry of @acme/util from it and"
                + " run 'prompd install' to lock what the registry lists; if not, the registry changed a published"
                + " version: tell"
                + " its maintainers, and take the new bytes the same way only once they confirm the change\n",
                run.err());
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.1.0")));
    }

    @Test
    void aVersionTheRegistryRepublishedWithOtherBytesIsRefusedByEveryRunKeepingItAtItsNumber() throws IOException {
        registry.publish("@acme/lone", "1.0.0");
        assertEquals(0, prompd("install", "@acme/greeter").exitCode());
        String locked = Integrity.of(Files.readAllBytes(registry.tarball("@acme/util", "1.1.0"))).toString();
        registry.addToTarball("@acme/util", "1.1.0", "package/NOTICE",
                "republished\n".getBytes(StandardCharsets.UTF_8));
        String listed = Integrity.of(Files.readAllBytes(registry.tarball("@acme/util", "1.1.0"))).toString();
        String lock = Files.readString(project.resolve("prompd.lock"));
        String manifest = Files.readString(project.resolve("prompd.json"));
        String error = "error: integrity check failed for @acme/util@1.1.0: prompd.lock records " + locked + ", and"
                + " the registry's index.json " + listed + "\nhint: if prompd.lock was edited (by hand or by a merge),"
                + " delete the entry of @acme/util from it and run 'prompd install' to lock what the registry lists;"
                + " if not, the"
                + " registry changed a published version: tell its maintainers, and take the new bytes the same way"
                + " only once they confirm the change";

        // this machine installed the locked bytes: the store's copy is no reason to take the listed ones
        CliRun withTheCopy = prompd("update");
        assertEquals(6, withTheCopy.exitCode(), withTheCopy.err());
        assertEquals(error + ", after 'prompd uninstall --global @acme/util@1.1.0', which removes the copy the store"
                + " holds\n", withTheCopy.err());
        // a CI machine with the committed lock
        Folders.deleteRecursively(home);
        for (List<String> command : List.of(List.of("install"), List.of("install", "--frozen"), List.of("update"),
                List.of("update", "@acme/util"), List.of("install", "@acme/lone"),
                List.of("install", "@acme/util@1.1.0"), List.of("outdated"))) {
            CliRun run = prompd(command.toArray(String[]::new));

            assertEquals(6, run.exitCode(), command + ": " + run.err());
            assertEquals(error + "\n", run.err(), command.toString());
            assertEquals(lock, Files.readString(project.resolve("prompd.lock")), command.toString());
            assertEquals(manifest, Files.readString(project.resolve("prompd.json")), command.toString());
            assertFalse(Files.exists(home.resolve("packages/@acme")), command + ": refused before any install");
        }
        CliRun json = prompd("update", "--json");
        assertEquals(6, json.exitCode(), json.out());
        assertEquals(6, Json.reader().readTree(json.out()).at("/error/exitCode").asInt(), json.out());

        // the way to take the new bytes, once the registry's maintainers confirm them, as client/README.md says
        ObjectNode edited = (ObjectNode) Json.reader().readTree(lock);
        ((ObjectNode) edited.get("packages")).remove("@acme/util");
        Files.write(project.resolve("prompd.lock"), Json.write(edited));
        assertEquals(0, prompd("install").exitCode());
        assertTrue(Files.readString(project.resolve("prompd.lock")).contains(listed));
    }

    @Test
    void aTarballDeclaringOtherDependenciesThanItsIndexListsIsRefusedAndNothingIsWritten() throws IOException {
        registry.publish("@acme/lone", "1.0.0");
        String manifest = Files.readString(project.resolve("prompd.json"));
        String hint = "hint: the registry's index.json of @acme/base must list the dependencies the version declares:"
                + " tell the registry's maintainers\n";
        // the index drops the dependency: util would never be installed, and the lock stale for good
        registry.listDependencies("@acme/base", "1.0.0");

        CliRun dropped = prompd("install", "@acme/base");

        assertEquals(6, dropped.exitCode(), dropped.err());
        assertEquals("error: the tarball of @acme/base@1.0.0 does not match its record: its own prompd.json declares"
                + " @acme/util ^1.0.0, and the registry's index.json lists no dependencies; nothing of it was"
                + " installed\n" + hint, dropped.err());
        assertEquals(manifest, Files.readString(project.resolve("prompd.json")));
        assertFalse(Files.exists(project.resolve("prompd.lock")));
        assertFalse(Files.exists(home.resolve("packages/@acme/base@1.0.0")));

        // or adds one the version does not need
        registry.listDependencies("@acme/base", "1.0.0", "@acme/util", "^1.0.0", "@acme/lone", "^1.0.0");
        CliRun added = prompd("install", "@acme/base");
        assertEquals(6, added.exitCode(), added.err());
        assertTrue(added.err().startsWith("error: the tarball of @acme/base@1.0.0 does not match its record: its own"
                + " prompd.json declares @acme/util ^1.0.0, and the registry's index.json lists @acme/lone ^1.0.0,"
                + " @acme/util ^1.0.0; "), added.err());
        assertFalse(Files.exists(project.resolve("prompd.lock")));
        assertFalse(Files.exists(home.resolve("packages/@acme/lone@1.0.0")), "only the index's lie needed it");

        // a range written otherwise that the resolver reads alike is the same dependency
        registry.listDependencies("@acme/base", "1.0.0", "@acme/util", "1.x");
        CliRun alike = prompd("install", "@acme/base");
        assertEquals(0, alike.exitCode(), alike.err());
    }

    @Test
    void aVersionInTheStoreWhoseIndexListsOtherDependenciesIsRefusedByUpdateAndInstallWithNothingWritten()
            throws IOException {
        registry.publish("@acme/lone", "1.0.0");
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        String manifest = Files.readString(project.resolve("prompd.json"));
        String lock = Files.readString(project.resolve("prompd.lock"));
        String copy = home.resolve("packages/@acme/base@1.0.0").toString();
        // the index adds a dependency the version does not declare, after the version was installed
        registry.listDependencies("@acme/base", "1.0.0", "@acme/util", "^1.0.0", "@acme/lone", "^1.0.0");
        String added = "error: the store's copy of @acme/base@1.0.0 (" + copy + ") does not match its record: its own"
                + " prompd.json declares @acme/util ^1.0.0, and the registry's index.json lists @acme/lone ^1.0.0,"
                + " @acme/util ^1.0.0; nothing was installed\nhint: the registry's index.json of @acme/base must list"
                + " the dependencies the version declares: tell the registry's maintainers\n";

        for (List<String> run : List.of(List.of("update"), List.of("update", "@acme/base"),
                List.of("install", "@acme/greeter"))) {
            CliRun refused = prompd(run.toArray(String[]::new));

            assertEquals(6, refused.exitCode(), run + ": " + refused.out() + refused.err());
            assertEquals(added, refused.err(), run.toString());
            assertEquals(manifest, Files.readString(project.resolve("prompd.json")));
            assertEquals(lock, Files.readString(project.resolve("prompd.lock")));
            assertFalse(Files.exists(home.resolve("packages/@acme/lone@1.0.0")), run.toString());
        }

        // or drops one it declares, which the lock would then lose
        registry.listDependencies("@acme/base", "1.0.0");
        CliRun dropped = prompd("update");
        assertEquals(6, dropped.exitCode(), dropped.err());
        assertTrue(dropped.err().startsWith("error: the store's copy of @acme/base@1.0.0 (" + copy + ") does not match"
                + " its record: its own prompd.json declares @acme/util ^1.0.0, and the registry's index.json lists no"
                + " dependencies; "), dropped.err());
        assertEquals(lock, Files.readString(project.resolve("prompd.lock")));

        // a range written otherwise that the resolver reads alike is the same dependency
        registry.listDependencies("@acme/base", "1.0.0", "@acme/util", "1.x");
        CliRun alike = prompd("update");
        assertEquals(0, alike.exitCode(), alike.err());
    }

    @Test
    void aLockedVersionWhoseIndexDropsItsDependenciesIsInstalledAsTheLockPinsOnEveryHome() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.listDependencies("@acme/base", "1.0.0");

        assertInstalledAsLocked("lists no dependencies");
    }

    @Test
    void aLockedVersionWhoseIndexAddsADependencyIsInstalledAsTheLockPinsOnEveryHome() throws IOException {
        registry.publish("@acme/lone", "1.0.0");
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        registry.listDependencies("@acme/base", "1.0.0", "@acme/util", "^1.0.0", "@acme/lone", "^1.0.0");

        assertInstalledAsLocked("lists @acme/lone ^1.0.0, @acme/util ^1.0.0");
        assertFalse(Files.exists(home.resolve("packages/@acme/lone@1.0.0")), "the version does not need it");
    }

    /**
     * After {@code @acme/base} was installed and its index then changed to list other dependencies for 1.0.0 than its
     * tarball declares, {@code listed}: every install, frozen or not, as text and as JSON, installs what prompd.lock
     * pins and records, as the tarball agrees with it, on the home holding the version as on clean ones, where the
     * index is warned of.
     */
    private void assertInstalledAsLocked(String listed) throws IOException {
        String lock = Files.readString(project.resolve("prompd.lock"));
        String warning = "warning: the registry's index.json of @acme/base (" + server.url()
                + "packages/@acme/base/index.json) " + listed + " for 1.0.0, and the version's own prompd.json"
                + " declares @acme/util ^1.0.0, as prompd.lock records: @acme/base@1.0.0 was installed as prompd.lock"
                + " pins it (tell the registry's maintainers)\n";
        for (List<String> command : List.of(List.of("install", "--frozen"), List.of("install"))) {
            CliRun warm = prompd(command.toArray(String[]::new));
            assertEquals(0, warm.exitCode(), command + ": " + warm.err());
            assertEquals("", warm.err(), "the home holding the version asks no registry: " + command);

            home = work.resolve("clean-" + String.join("-", command));
            CliRun clean = prompd(command.toArray(String[]::new));
            assertEquals(0, clean.exitCode(), command + ": " + clean.err());
            assertEquals(warning, clean.err(), command.toString());
            assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.1.0")), command.toString());
            assertEquals(lock, Files.readString(project.resolve("prompd.lock")), command.toString());

            List<String> asJson = new ArrayList<>(command);
            asJson.add("--json");
            home = work.resolve("clean-json-" + String.join("-", command));
            CliRun json = prompd(asJson.toArray(String[]::new));
            assertEquals(0, json.exitCode(), asJson + ": " + json.out());
            JsonNode note = Json.reader().readTree(json.out()).at("/warnings/0");
            assertEquals("indexListsOtherDependencies", note.at("/kind").asText(), json.out());
            assertEquals("{\"@acme/util\":\"^1.0.0\"}", note.at("/declared").toString(), json.out());
            assertEquals("downloaded", Json.reader().readTree(json.out()).at("/packages/0/origin").asText(),
                    "unpacked to compare, in this run: " + json.out());
            assertEquals(lock, Files.readString(project.resolve("prompd.lock")), asJson.toString());
            home = work.resolve("home");
        }
    }

    @Test
    void aLockedVersionWhoseIndexWritesARangeOtherwiseIsNotStaleAndKeepsTheLocksRange() throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        String lock = Files.readString(project.resolve("prompd.lock"));
        // ^1.0.0 and 1.x are one range to the resolver: the same requirement, whichever document writes which
        registry.listDependencies("@acme/base", "1.0.0", "@acme/util", "1.x");

        for (List<String> command : List.of(List.of("install", "--frozen"), List.of("install"))) {
            home = work.resolve("clean-" + String.join("-", command));
            CliRun clean = prompd(command.toArray(String[]::new));

            assertEquals(0, clean.exitCode(), command + ": " + clean.err());
            assertEquals("", clean.err(), command.toString());
            assertEquals(lock, Files.readString(project.resolve("prompd.lock")), command.toString());
        }
    }

    @Test
    void aLockTakingTheIndexsSpellingOfARangeIsNotStaleOnTheHomeHoldingTheVersionWhoseOwnPrompdJsonSpellsItOtherwise()
            throws IOException {
        // the index writes 1.x where the tarball's prompd.json writes ^1.0.0, so the resolution locks 1.x
        registry.listDependencies("@acme/base", "1.0.0", "@acme/util", "1.x");
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        String lock = Files.readString(project.resolve("prompd.lock"));
        assertTrue(lock.contains("\"@acme/util\": \"1.x\""), lock);

        for (List<String> command : List.of(List.of("install", "--frozen"), List.of("install"), List.of("list"),
                List.of("tree"))) {
            CliRun warm = prompd(command.toArray(String[]::new));

            assertEquals(0, warm.exitCode(), command + ": " + warm.err());
            assertEquals("", warm.err(), command.toString());
            assertEquals(lock, Files.readString(project.resolve("prompd.lock")), command.toString());
        }
        home = work.resolve("clean");
        CliRun clean = prompd("install", "--frozen");
        assertEquals(0, clean.exitCode(), clean.err());
    }

    @Test
    void aLockRecordingOtherDependenciesThanTheTarballIsStaleOnACleanHomeAsOnOneHoldingTheVersion()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/base").exitCode());
        // a careless merge: base's record of needing util lost, with util's entry
        ObjectNode edited = (ObjectNode) Json.reader().readTree(Files.readString(project.resolve("prompd.lock")));
        ((ObjectNode) edited.get("packages")).remove("@acme/util");
        ((ObjectNode) edited.get("packages").get("@acme/base")).remove("dependencies");
        Files.write(project.resolve("prompd.lock"), Json.write(edited));
        String stale = "prompd.lock records no dependencies for @acme/base@1.0.0, and its own prompd.json declares"
                + " @acme/util ^1.0.0";

        CliRun warm = prompd("install", "--frozen");
        home = work.resolve("clean");
        CliRun clean = prompd("install", "--frozen");

        assertEquals(4, warm.exitCode(), warm.err());
        assertTrue(warm.err().contains(stale), warm.err());
        assertEquals(warm.err(), clean.err());
        assertEquals(4, clean.exitCode());
        assertFalse(Files.exists(home.resolve("packages/@acme/base@1.0.0")), "refused, nothing installed");
        CliRun install = prompd("install");
        assertEquals(0, install.exitCode(), install.err());
        assertTrue(install.err().contains("prompd.lock was stale, so its versions were resolved again: " + stale),
                install.err());
    }

    @Test
    void anEmptyTarballWhereTheIndexRecordsItsSizeIsDownloadedAgainAsATransferCutShort() throws IOException {
        Path tarball = registry.tarball("@acme/util", "1.1.0");
        byte[] bytes = Files.readAllBytes(tarball);
        AtomicInteger tarballRequests = new AtomicInteger();
        server.onRequest(path -> {
            if (path.endsWith(".tgz")) {
                Files.write(tarball, tarballRequests.incrementAndGet() == 1 ? new byte[0] : bytes);
            }
        });

        CliRun run = prompd("install", "@acme/util");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: could not fetch " + server.url() + "packages/@acme/util/-/util-1.1.0.tgz (received 0 bytes of a"
                + " tarball whose index records " + bytes.length + "): trying again, attempt 2 of 4…\n", run.err());
        assertTrue(Files.isDirectory(home.resolve("packages/@acme/util@1.1.0")));
    }

    @Test
    void aLockWhoseResolvedUrlNamesAnotherTarballOfTheRegistryIsBlamedNotTheRegistry() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path lock = project.resolve("prompd.lock");
        Files.writeString(lock, Files.readString(lock).replace("util-1.1.0.tgz", "util-1.0.0.tgz"));
        Folders.deleteRecursively(home);

        CliRun run = prompd("install", "--frozen");

        assertEquals(6, run.exitCode(), run.err());
        assertEquals("error: integrity check failed for @acme/util@1.1.0: prompd.lock's resolved URL " + server.url()
                + "packages/@acme/util/-/util-1.0.0.tgz is not the registry's tarball of that version, " + server.url()
                + "packages/@acme/util/-/util-1.1.0.tgz\n"
                + "hint: if prompd.lock was edited (by hand or by a merge), delete the entry of @acme/util from it and"
                + " run 'prompd install' to lock what the registry lists\n", run.err());
    }

    @Test
    void aLockEntryRenumberedToAVersionNeverPublishedIsBlamedWithTheVersionItsTarballIs() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path lock = project.resolve("prompd.lock");
        String locked = Files.readString(lock);
        Files.writeString(lock, locked.replace("\"version\": \"1.1.0\"", "\"version\": \"1.7.0\""));
        Folders.deleteRecursively(home);
        String hint = "hint: if prompd.lock was edited (by hand or by a merge), delete the entry of @acme/util from it"
                + " and run 'prompd install' to lock what the registry lists\n";

        CliRun run = prompd("install", "--frozen");

        assertEquals(3, run.exitCode(), run.err());
        assertEquals("error: @acme/util@1.7.0 is locked in prompd.lock with the resolved URL and integrity of its"
                + " registry's 1.1.0, and the registry neither lists 1.7.0 nor records a takedown of it\n" + hint,
                run.err());
        Files.writeString(lock, locked.replace("1.1.0", "1.7.0"));
        CliRun withItsUrl = prompd("install", "--frozen");
        assertEquals(3, withItsUrl.exitCode(), withItsUrl.err());
        assertEquals("error: @acme/util@1.7.0 is locked in prompd.lock with the integrity of its registry's 1.1.0, and"
                + " the registry neither lists 1.7.0 nor records a takedown of it\n" + hint, withItsUrl.err());
        assertFalse(Files.exists(home.resolve("packages/@acme/util@1.7.0")));
    }

    /** The hint of a store whose copy of @acme/util@1.1.0 came from other bytes than prompd.lock pins. */
    private static final String OTHER_BYTES_HINT = "hint: if prompd.lock was edited (by hand or by a merge), delete the"
            + " entry of @acme/util from it and run 'prompd install' to lock what the registry lists; if another"
            + " registry"
            + " publishes the same version, the store holds one copy of each version: 'prompd uninstall --global"
            + " @acme/util@1.1.0', then 'prompd install' again\n";

    @Test
    void aLockWhoseIntegrityWasEditedFailsWhereTheVersionIsInstalledAsOnACleanMachine() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        String recorded = Integrity.of(Files.readAllBytes(registry.tarball("@acme/util", "1.1.0"))).toString();
        String edited = editIntegrity(recorded);

        String error = "error: the store's copy of @acme/util@1.1.0 (" + home.resolve("packages/@acme/util@1.1.0")
                + ") came from other bytes (" + recorded + ") than prompd.lock pins (" + edited + ")\n";
        for (List<String> command : List.of(List.of("install", "--frozen"), List.of("install"), List.of("list"),
                List.of("tree"))) {
            CliRun run = prompd(command.toArray(String[]::new));
            assertEquals(6, run.exitCode(), command + ": " + run.err());
            assertTrue(run.err().endsWith(error + OTHER_BYTES_HINT), command + ": " + run.err());
        }
        CliRun listJson = prompd("list", "--json");
        CliRun treeJson = prompd("tree", "--json");
        assertEquals(6, listJson.exitCode(), listJson.err());
        assertTrue(Json.reader().readTree(listJson.out()).get(0).get("otherBytes").asBoolean(), listJson.out());
        assertEquals(6, treeJson.exitCode(), treeJson.err());
        assertTrue(Json.reader().readTree(treeJson.out()).at("/dependencies/0/otherBytes").asBoolean(), treeJson.out());
    }

    @Test
    void aLockEditedKeepingItsSizeAndTimeIsAuditedAgainByAWarmInstall() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("install", "--frozen").exitCode(), "audited, and noted so");
        Path lock = project.resolve("prompd.lock");
        FileTime written = Files.getLastModifiedTime(lock);
        long size = Files.size(lock);
        editIntegrity(Integrity.of(Files.readAllBytes(registry.tarball("@acme/util", "1.1.0"))).toString());
        Files.setLastModifiedTime(lock, written);
        assertEquals(size, Files.size(lock), "an integrity is as long as another");

        CliRun warm = prompd("install", "--frozen");

        assertEquals(6, warm.exitCode(), "as on a coarse clock, or after touch -r: " + warm.err());
        assertTrue(warm.err().endsWith(OTHER_BYTES_HINT), warm.err());
    }

    @Test
    void aVersionAnotherRegistryPutInTheStoreIsNotTakenForTheOneTheLockPins() throws IOException {
        TestRegistry other = new TestRegistry(work.resolve("other")).publish("@acme/util", "1.1.0");
        other.addToTarball("@acme/util", "1.1.0", "package/NOTICE",
                "from the other registry\n".getBytes(StandardCharsets.UTF_8));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.copy(project.resolve("prompd.json"), elsewhere.resolve("prompd.json"));
        try (RegistryServer otherServer = RegistryServer.serving(other.root())) {
            CliRun otherProject = CliRun.in(elsewhere, home, "",
                    Map.of("PROMPD_REGISTRY", otherServer.url().toString()),
                    "install", "@acme/util@1.1.0");
            assertEquals(0, otherProject.exitCode(), otherProject.err());

            CliRun resolving = prompd("install", "@acme/util@1.1.0");

            String recorded = Integrity.of(Files.readAllBytes(other.tarball("@acme/util", "1.1.0"))).toString();
            String listed = Integrity.of(Files.readAllBytes(registry.tarball("@acme/util", "1.1.0"))).toString();
            String fromTheRegistry = "error: the store's copy of @acme/util@1.1.0 ("
                    + home.resolve("packages/@acme/util@1.1.0") + ") came from other bytes (" + recorded + ") than the"
                    + " index.json of registry " + server.url() + " lists (" + listed + ")\nhint: the store holds one"
                    + " copy of each version, put there from another registry publishing other bytes under the same"
                    + " version, or from this one before it changed a published version (then tell its maintainers);"
                    + " only once you trust the bytes it lists now: 'prompd uninstall --global @acme/util@1.1.0',"
                    + " then '";
            assertEquals(6, resolving.exitCode(), resolving.err());
            // the refused run saved nothing to prompd.json: a bare install again would install none of what it named
            assertEquals(fromTheRegistry + "prompd install @acme/util@1.1.0' again\n", resolving.err(),
                    "before the lock is written, which is not blamed: " + resolving.err());
            assertFalse(Files.exists(project.resolve("prompd.lock")));
            CliRun byName = prompd("install", "@acme/util");
            assertEquals(6, byName.exitCode(), byName.err());
            assertEquals(fromTheRegistry + "prompd install @acme/util' again\n", byName.err(), "as it was given");
            CliRun global = prompd("install", "--global", "@acme/util@1.1.0");
            assertEquals(6, global.exitCode(), "as the project's install fails: " + global.err());
            assertEquals(fromTheRegistry + "prompd install --global @acme/util@1.1.0' again\n", global.err());

            // once this project's lock was found agreeing, the other registry's bytes replace the version
            assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());
            assertEquals(0, prompd("install", "@acme/util@1.1.0").exitCode());
            assertEquals(0, prompd("install").exitCode());
            assertEquals(0, CliRun.in(elsewhere, home, "", Map.of("PROMPD_REGISTRY", otherServer.url().toString()),
                    "uninstall", "--global", "@acme/util@1.1.0").exitCode());
            assertEquals(0, CliRun.in(elsewhere, home, "", Map.of("PROMPD_REGISTRY", otherServer.url().toString()),
                    "install").exitCode());

            CliRun warm = prompd("install", "--frozen");

            assertEquals(6, warm.exitCode(), "a changed store is compared again: " + warm.err());
            assertTrue(warm.err().endsWith(OTHER_BYTES_HINT), warm.err());
        }
    }

    /** Deletes every record of the store, as a home restored without its hidden files (a shell glob's) lacks them. */
    private void deleteTheStoresRecords() throws IOException {
        try (Stream<Path> all = Files.walk(home.resolve("packages"))) {
            for (Path record : all.filter(path -> path.getFileName().toString().endsWith(".integrity")).toList()) {
                Files.delete(record);
            }
        }
    }

    @Test
    void aCopyWithoutItsRecordIsPutBackFromTheCachedTarballTheLockPinsAndRecordedSoThatVerifyChecksIt()
            throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter").exitCode());
        Path record = home.resolve("packages/@acme/.util@1.1.0.integrity");
        String recorded = Files.readString(record);
        deleteTheStoresRecords();
        CliRun listed = prompd("list");
        assertEquals(1, listed.exitCode(), "install would put them back: " + listed.err());
        assertTrue(listed.out().contains("@acme/util@1.1.0  (transitive, unrecorded: run 'prompd install')"),
                listed.out());

        CliRun frozen = prompd("install", "--frozen");

        assertEquals(0, frozen.exitCode(), frozen.err());
        assertTrue(frozen.out().startsWith("3 packages: 0 downloaded, 3 from the cache, 0 already installed"),
                frozen.out());
        assertEquals(recorded, Files.readString(record), "recorded as any install records it");
        CliRun verify = prompd("cache", "verify");
        assertEquals(0, verify.exitCode(), verify.err());
        assertTrue(verify.out().contains("\n3 installed versions checked, 0 damaged\n"), verify.out());
        assertEquals(0, prompd("list").exitCode());
        assertTrue(prompd("install", "--frozen").out().startsWith("3 packages: 0 downloaded, 0 from the cache,"
                + " 3 already installed"));
    }

    @Test
    void aCopyWithoutItsRecordIsNotTakenForOtherBytesTheLockPins() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        String recorded = Integrity.of(Files.readAllBytes(registry.tarball("@acme/util", "1.1.0"))).toString();
        deleteTheStoresRecords();
        String edited = editIntegrity(recorded);

        CliRun frozen = prompd("install", "--frozen");
        CliRun list = prompd("list", "--json");

        assertEquals(6, frozen.exitCode(), "as on a clean machine: " + frozen.err());
        assertTrue(frozen.err().startsWith("error: integrity check failed for @acme/util@1.1.0: prompd.lock records "
                + edited + ", and the registry's index.json " + recorded), frozen.err());
        assertEquals(1, list.exitCode(), list.err());
        assertFalse(Json.reader().readTree(list.out()).get(0).get("installed").asBoolean(), list.out());
        assertTrue(list.err().startsWith("error: the store holds @acme/util@1.1.0 ("
                + home.resolve("packages/@acme/util@1.1.0") + ") with no record of the tarball it was unpacked from,"
                + " so nothing tells it is the bytes prompd.lock pins\nhint: run 'prompd install' to put it back from"
                + " those bytes\n"), list.err());
    }

    /**
     * A record left empty (a crash, a disk that filled up) binds the copy to no bytes, as a record missing: it was read
     * as a record of other bytes, '()', which list, tree and install refused with the way off of an edited lock.
     */
    @Test
    void aCopyWhoseRecordIsEmptyIsToldSoAndPutBackFromTheCachedTarballAsOneWithoutItsRecord() throws IOException {
        assertEquals(0, prompd("install", "@acme/greeter").exitCode());
        Path record = home.resolve("packages/@acme/.util@1.1.0.integrity");
        String recorded = Files.readString(record);
        Files.write(record, new byte[0]);
        String emptyRecord = "error: the store holds @acme/util@1.1.0 (" + home.resolve("packages/@acme/util@1.1.0")
                + ") with an empty record of the tarball it was unpacked from, so nothing tells it is the bytes"
                + " prompd.lock pins\nhint: run 'prompd install' to put it back from those bytes\n";

        CliRun listed = prompd("list");
        CliRun tree = prompd("tree");
        CliRun verify = prompd("cache", "verify");

        assertEquals(1, listed.exitCode(), listed.err());
        assertTrue(listed.out().contains("@acme/util@1.1.0  (transitive, unrecorded: run 'prompd install')"),
                listed.out());
        assertEquals(emptyRecord, listed.err());
        assertEquals(1, tree.exitCode(), tree.err());
        assertEquals(emptyRecord, tree.err());
        assertEquals(0, verify.exitCode(), verify.err());
        assertTrue(verify.out().contains("unverifiable: " + home.resolve("packages/@acme/util@1.1.0") + " (an empty"
                + " record of the tarball it was unpacked from)\n"), verify.out());
        assertTrue(Files.exists(home.resolve("packages/@acme/util@1.1.0")), "left for the install to put back");

        CliRun frozen = prompd("install", "--frozen");

        assertEquals(0, frozen.exitCode(), frozen.err());
        assertTrue(frozen.out().startsWith("3 packages: 0 downloaded, 1 from the cache, 2 already installed"),
                frozen.out());
        assertEquals(recorded, Files.readString(record), "recorded as any install records it");
        assertEquals(0, prompd("list").exitCode());
    }

    @Test
    void anOfflineInstallNamesTheCopyWithAnEmptyRecordAndOnlineDownloadsItAgain() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("cache", "clean").exitCode());
        Files.write(home.resolve("packages/@acme/.util@1.1.0.integrity"), new byte[0]);

        CliRun offline = prompd("install", "--offline", "--frozen");

        assertEquals(5, offline.exitCode(), offline.err());
        assertTrue(offline.err().startsWith("error: offline, and neither installed nor cached: @acme/util@1.1.0"
                + " (installed with an empty record of the tarball it was unpacked from)\n"), offline.err());
        CliRun online = prompd("install", "--frozen");
        assertEquals(0, online.exitCode(), online.err());
        assertTrue(online.out().startsWith("1 package: 1 downloaded"), online.out());
    }

    /** A record that holds no integrity at all names no bytes: it is told damaged, not of other bytes ('garbage'). */
    @Test
    void aCopyWhoseRecordHoldsNoIntegrityIsRefusedAsDamagedWithTheWayToInstallItAgain() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        Path record = home.resolve("packages/@acme/.util@1.1.0.integrity");
        Files.writeString(record, "\0\0\0\0");

        CliRun listed = prompd("list");
        CliRun install = prompd("install");

        for (CliRun run : List.of(listed, install)) {
            assertEquals(6, run.exitCode(), "never trusted: " + run.err());
            assertTrue(run.err().endsWith("error: the store's record of the tarball @acme/util@1.1.0 was unpacked"
                    + " from is damaged, holding no integrity (" + record + "), so nothing tells it is the bytes"
                    + " prompd.lock pins\nhint: 'prompd uninstall --global @acme/util@1.1.0', then 'prompd install'"
                    + " again, which puts it back with a record\n"), run.err());
        }
        assertEquals(0, prompd("uninstall", "--global", "@acme/util@1.1.0").exitCode());
        assertEquals(0, prompd("install").exitCode());
        assertEquals(0, prompd("list").exitCode());
    }

    @Test
    void anOfflineInstallNamesTheCopyWithoutItsRecordItCannotPutBack() throws IOException {
        assertEquals(0, prompd("install", "@acme/util").exitCode());
        assertEquals(0, prompd("cache", "clean").exitCode());
        deleteTheStoresRecords();

        CliRun offline = prompd("install", "--offline", "--frozen");

        assertEquals(5, offline.exitCode(), offline.err());
        assertEquals("error: offline, and neither installed nor cached: @acme/util@1.1.0 (installed with no record of"
                + " the tarball it was unpacked from)\nhint: run once without --offline to download it into the"
                + " cache\n", offline.err());
        assertEquals(0, prompd("install", "--frozen").exitCode(), "online, it is downloaded again");
    }
}
