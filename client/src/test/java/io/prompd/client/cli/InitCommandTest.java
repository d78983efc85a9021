package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.json.Json;
import io.prompd.core.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path work;

    private CliRun prompd(String... args) {
        return CliRun.in(work, work.resolve("home"), args);
    }

    @Test
    void aNewPackageValidatesAndPacksAsItIs() throws IOException {
        CliRun init = prompd("init", "code-helpers", "--name", "@acme/code-helpers", "--author",
                "Ada <ada@example.org>");
        assertEquals(0, init.exitCode(), init.err());
        Path pkg = work.resolve("code-helpers");
        for (String file : new String[] {"prompd.json", "README.md", "LICENSE", "prompts/example.prmd"}) {
            assertTrue(Files.isRegularFile(pkg.resolve(file)), file);
        }
        assertTrue(Files.readString(pkg.resolve("LICENSE")).contains("Copyright (c) 2026 Ada"));

        CliRun validate = prompd("validate", "code-helpers");
        assertEquals(0, validate.exitCode(), validate.out());
        assertTrue(validate.out().endsWith("no problems\n"), validate.out());
        CliRun pack = prompd("pack", "code-helpers");
        assertEquals(0, pack.exitCode(), pack.err());
        assertTrue(Files.isRegularFile(work.resolve("acme-code-helpers-0.1.0.tgz")));
    }

    /**
     * The README's Use section gives a user the line a prompt of their project takes the package's main prompt with:
     * with the package published and installed, that prompt validates as it is.
     */
    @Test
    void theReadmeShowsAnInheritsLineThatValidatesInAProjectThatInstalledThePackage() throws IOException {
        assertEquals(0, prompd("init", "greetings", "--name", "@acme/greetings").exitCode());
        String inherits = "inherits: \"@acme/greetings@^0.1.0/prompts/example.prmd\"\n";
        String readme = Files.readString(work.resolve("greetings/README.md"));
        assertTrue(readme.endsWith("""

                ## Use

                Add it to your project:

                ```sh
                prompd install @acme/greetings
                ```

                then take its prompts from a prompt of the project, in its front matter, and check it with `prompd\
                 validate .`:

                ```yaml
                """ + inherits + "```\n"), readme);

        TestRegistry registry = new TestRegistry(work.resolve("registry")).publish(work.resolve("greetings"));
        Path project = Files.createDirectories(work.resolve("app/prompts"));
        Files.writeString(work.resolve("app/prompd.json"), "{\"name\": \"app\", \"version\": \"1.0.0\"}\n");
        Files.writeString(project.resolve("welcome.prmd"), "---\nid: welcome\ndescription: Welcomes a user\n"
                + inherits + "---\n# User\n\nWelcome them.\n");
        Map<String, String> variables = Map.of("PROMPD_REGISTRY", registry.fileUrl().toString());
        Path home = work.resolve("home");
        assertEquals(0, CliRun.in(project.getParent(), home, "", variables, "install", "@acme/greetings").exitCode());
        CliRun validate = CliRun.in(project.getParent(), home, "", variables, "validate", ".");
        assertEquals(0, validate.exitCode(), validate.out());
        assertTrue(validate.out().endsWith("\n0 errors, 2 warnings\n"), validate.out());
    }

    /** A package made from several prompts has no main one: the README's line takes the first by name. */
    @Test
    void theReadmeOfAPackageWithoutAMainPromptInheritsItsFirstPrompt() throws IOException {
        Files.createDirectories(work.resolve("loose"));
        for (String prompt : List.of("b-second", "a-first")) {
            Files.writeString(work.resolve("loose/" + prompt + ".prmd"), "---\nid: p\n---\nSay " + prompt + ".\n");
        }

        assertEquals(0, prompd("init", "pkg", "--from", "loose").exitCode());

        String readme = Files.readString(work.resolve("pkg/README.md"));
        assertTrue(readme.endsWith("```yaml\ninherits: \"pkg@^0.1.0/prompts/a-first.prmd\"\n```\n"), readme);
    }

    @Test
    void initOfALinkToNothingNamesWhereItLeadsAndCreatesThePackageOnceItsFolderIsThere() throws IOException {
        Path link = Files.createSymbolicLink(work.resolve("outl"), Path.of("realout"));

        CliRun init = prompd("init", "outl");

        assertEquals(4, init.exitCode(), init.err());
        assertEquals("error: " + link + " is a link to realout, which does not exist\nhint: create the folder it leads"
                + " to, then run init again to create the package there; or remove the link\n", init.err());
        assertFalse(Files.exists(work.resolve("realout")));
        Files.createDirectory(work.resolve("realout"));
        assertEquals(0, prompd("init", "outl").exitCode());
        assertTrue(Files.isRegularFile(work.resolve("realout/prompd.json")));
    }

    @Test
    void theLicensesYearIsWrittenInAsciiDigitsWhateverTheLocale() throws IOException {
        Locale before = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-SA"));
        try {
            CliRun init = prompd("init", "notes", "--author", "Ada");
            assertEquals(0, init.exitCode(), init.err());
        } finally {
            Locale.setDefault(Locale.Category.FORMAT, before);
        }
        String license = Files.readString(work.resolve("notes/LICENSE"));
        assertTrue(license.contains("\nCopyright (c) 2026 Ada\n"), license);
    }

    @Test
    void aNewFolderGetsTheDefaultPermissionsAndWhatAKilledInitLeftOfItGoes() throws Exception {
        long killed = Processes.endedPid();
        Files.createDirectories(work.resolve(".notes.%d.1.part/prompts".formatted(killed)));
        Path elsewhere = Files.createDirectories(work.resolve(".other.%d.1.part".formatted(killed)));
        Path plain = Files.createDirectories(work.resolve("plain"));

        CliRun init = prompd("init", "notes");

        assertEquals(0, init.exitCode(), init.err());
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(work.resolve("notes")));
        try (var left = Files.list(work)) {
            assertEquals(List.of(elsewhere, plain, work.resolve("notes")).stream().sorted().toList(),
                    left.filter(path -> !path.equals(work.resolve("home"))).sorted().toList());
        }
    }

    @Test
    void aFileWhereAFolderOfThePackageGoesIsNamedWithWhatToDo() throws IOException {
        Path prompts = Files.writeString(Files.createDirectories(work.resolve("notes")).resolve("prompts"), "mine");

        CliRun init = prompd("init", "notes");

        assertEquals(4, init.exitCode(), init.err());
        assertEquals("error: a file stands where a folder is needed: " + prompts + "\nhint: move or rename that file,"
                + " then run this again\n", init.err());
        try (Stream<Path> left = Files.list(work.resolve("notes"))) {
            assertEquals(List.of(prompts), left.toList(), "nothing of the package is left");
        }
    }

    /** mkdir takes names of up to 255 bytes: so does init, which writes the folder under a temporary name first. */
    @Test
    void aFolderNamedAsLongAsTheSystemTakesIsCreatedAndALongerOneIsRefusedSayingHowLongANameMayBe() throws IOException {
        String longest = "c".repeat(255);

        CliRun init = prompd("init", "--name", "foo", longest);

        assertEquals(0, init.exitCode(), init.err());
        assertTrue(Files.isRegularFile(work.resolve(longest).resolve("prompd.json")));

        CliRun tooLong = prompd("init", "--name", "foo", longest + "c");

        assertEquals(1, tooLong.exitCode(), tooLong.err());
        assertEquals("error: " + work.resolve(longest + "c")
                + ": File name too long\nhint: choose a shorter name: Linux and"
                + " macOS take names of up to 255 bytes in UTF-8, some file systems fewer\n", tooLong.err());
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(work.resolve(longest)), left.filter(path -> !path.endsWith("home")).toList(),
                    "no temporary folder is left");
        }
    }

    /** Picocli's words named the option "option '--from' at index 0", as it counts the values it takes. */
    @Test
    void anOptionGivenNoValueIsSaidToMissItNamedAsTyped() {
        CliRun atTheEnd = prompd("init", "pkg", "--from");
        CliRun beforeAnOption = prompd("init", "pkg", "--name", "--from", "x");

        assertEquals(List.of(2, 2), List.of(atTheEnd.exitCode(), beforeAnOption.exitCode()), atTheEnd.err());
        assertEquals("error: missing value for --from (FILE|DIR)\nhint: see 'prompd init --help'\n", atTheEnd.err());
        assertEquals("error: missing value for --name (NAME): '--from' after it is taken as an option (write"
                + " --name=VALUE for a value starting with '-')\nhint: see 'prompd init --help'\n", beforeAnOption.err());
        assertFalse(Files.exists(work.resolve("pkg")));
    }

    @Test
    void theNameComesFromTheFolderWhenNotGiven() throws IOException {
        CliRun init = prompd("init", "My Prompts");
        assertEquals(0, init.exitCode());
        assertTrue(init.out().endsWith("next: prompd validate 'My Prompts' && prompd pack 'My Prompts'\n"), init.out());
        JsonNode manifest = Json.reader().readTree(Files.readAllBytes(work.resolve("My Prompts/prompd.json")));
        assertEquals("my-prompts", manifest.get("name").asText());
        assertEquals("0.1.0", manifest.get("version").asText());
        assertEquals("MIT", manifest.get("license").asText());
    }

    @Test
    void accentsComeOffAFolderNameAndAFolderLikeAnOptionIsSpelledSoInTheNextStep() throws IOException {
        CliRun init = prompd("init", "--", "-Café Prompts");
        assertEquals(0, init.exitCode(), init.err());
        assertTrue(init.out().endsWith("next: prompd validate './-Café Prompts' && prompd pack './-Café Prompts'\n"),
                init.out());
        assertEquals("cafe-prompts",
                Json.reader().readTree(Files.readAllBytes(work.resolve("-Café Prompts/prompd.json")))
                .get("name").asText());
    }

    /** A Latin letter that is no accented one is written as people write it in ASCII, not dropped. */
    @Test
    void latinLettersWithoutAccentsToTakeOffAreWrittenInAscii() throws IOException {
        Map<String, String> names = Map.of("ılık-istemler", "ilik-istemler", "Işık", "isik", "Ölçüm-aracı",
                "olcum-araci", "Größe", "grosse", "Ærø", "aero", "çiçek", "cicek", "Łódź-Þing", "lodz-thing",
                "Œuvre đak", "oeuvre-dak", "cafe\u0301 ﬁle", "cafe-file");
        for (Map.Entry<String, String> folder : names.entrySet()) {
            CliRun init = prompd("init", folder.getKey());

            assertEquals(0, init.exitCode(), init.err());
            assertEquals(folder.getValue(), Json.reader().readTree(Files.readAllBytes(work.resolve(folder.getKey())
                    .resolve("prompd.json"))).get("name").asText(), folder.getKey());
        }
    }

    /**
     * Letters no package name can spell are named, and the package is not made of the rest of the folder name
     * (日本語-prompts as prompts), nor said to hold no letter.
     */
    @Test
    void aFolderNameWithLettersNoPackageNameCanSpellIsRefusedNamingThemAndWritesNothing() throws IOException {
        String hint = "hint: pass --name name or --name @scope/name; the folder keeps its own name\n";
        Map<String, String> refused = Map.of(
                "Ελληνικά-2", "Ε, λ, η, ν, ι, κ and ά",
                "Ελληνικά", "Ε, λ, η, ν, ι, κ and ά",
                "日本語-prompts", "日, 本 and 語",
                "Привет-мир-как-дела", "П, р, и, в, е, т, м, к, а, д and 1 more");
        for (Map.Entry<String, String> folder : refused.entrySet()) {
            CliRun init = prompd("init", folder.getKey());

            assertEquals(2, init.exitCode(), init.err());
            assertEquals("error: cannot make a package name from the folder name '" + folder.getKey() + "': it holds "
                    + folder.getValue() + ", which a package name, written in a-z, 0-9, '.', '_' and '-', has no"
                    + " spelling of\n" + hint, init.err());
            assertFalse(Files.exists(work.resolve(folder.getKey())), folder.getKey());
        }

        CliRun scoped = prompd("init", "@ακμε/notes");
        assertEquals(2, scoped.exitCode(), scoped.err());
        assertEquals("error: cannot make a scoped package name from the folder names '@ακμε/notes': it holds α, κ, μ"
                + " and ε, which a package name, written in a-z, 0-9, '.', '_' and '-', has no spelling of\nhint: pass"
                + " --name @scope/name, or --name name for a package without a scope\n", scoped.err());
        assertFalse(Files.exists(work.resolve("@ακμε")));

        Files.createDirectories(work.resolve("日本語-prompts"));
        CliRun named = prompd("init", "日本語-prompts", "--name", "nihongo-prompts");
        assertEquals(0, named.exitCode(), named.err());
        assertEquals("nihongo-prompts", Json.reader().readTree(Files.readAllBytes(work.resolve("日本語-prompts")
                .resolve("prompd.json"))).get("name").asText());
    }

    @Test
    void aFolderInAFolderNamedAsAScopeGivesAScopedName() throws IOException {
        CliRun init = prompd("init", "@acme/foo");

        assertEquals(0, init.exitCode(), init.err());
        assertTrue(init.out().startsWith("created @acme/foo in " + work.resolve("@acme/foo") + "\n"), init.out());
        assertEquals("@acme/foo", Json.reader().readTree(Files.readAllBytes(work.resolve("@acme/foo/prompd.json")))
                .get("name").asText());
    }

    @Test
    void aParentFolderThatMakesNoScopeIsRefusedPointingAtName() {
        CliRun init = prompd("init", "@-/foo");

        assertEquals(2, init.exitCode(), init.err());
        assertEquals("error: cannot make a scoped package name from the folder names '@-/foo': the scope must not be"
                + " empty\nhint: pass --name @scope/name, or --name name for a package without a scope\n", init.err());
        assertFalse(Files.exists(work.resolve("@-")));
    }

    @Test
    void aFolderNameThatMakesNoPackageNameIsRefusedSayingWhyAndPointingAtName() {
        String longName = "a".repeat(65);
        String hint = "hint: pass --name name or --name @scope/name; the folder keeps its own name\n";

        CliRun tooLong = prompd("init", longName);
        CliRun reserved = prompd("init", "CON");
        CliRun noLetter = prompd("init", "--", "--_");

        assertEquals(2, tooLong.exitCode(), tooLong.err());
        assertEquals("error: cannot make a package name from the folder name '" + longName + "': the name '" + longName
                + "' is 65 characters long; shorten it to at most 64\n" + hint, tooLong.err());
        assertEquals(2, reserved.exitCode(), reserved.err());
        assertEquals("error: cannot make a package name from the folder name 'CON': the name 'con' is a reserved device"
                + " name on Windows; choose another, such as 'con-prompts'\n" + hint, reserved.err());
        assertEquals(2, noLetter.exitCode(), noLetter.err());
        assertEquals("error: cannot make a package name from the folder name '--_': it holds no letter or digit\n"
                + hint,
                noLetter.err());
        assertEquals(0, prompd("init", "CON", "--name", "con-prompts").exitCode());
    }

    /** A folder named @acme holds the scope's packages, so a package in it is most likely a /NAME forgotten. */
    @Test
    void aFolderNamedAsAScopeIsRefusedAsAPackagesFolderChangingNothing() throws IOException {
        CliRun init = prompd("init", "@Acme");

        assertEquals(2, init.exitCode(), init.err());
        assertEquals("error: the folder '@Acme' is named as a scope, which holds its packages in folders of their own,"
                + " not as a package\nhint: give the package a name in the scope: 'prompd init @acme/NAME', or --name"
                + " @acme/NAME\n", init.err());
        assertFalse(Files.exists(work.resolve("@Acme")));

        CliRun below = prompd("init", "my work/@Acme/");
        assertEquals(2, below.exitCode(), below.err());
        assertTrue(below.err().endsWith("\nhint: give the package a name in the scope: 'prompd init"
                + " 'my work/@acme/NAME'', or --name @acme/NAME\n"), "the folder as given, not one where the command runs: " + below.err());
        Files.createDirectories(work.resolve("@acme"));
        CliRun inside = CliRun.in(work.resolve("@acme"), work.resolve("home"), "init");
        assertTrue(inside.err().endsWith("\nhint: give the package a name in the scope: 'prompd init NAME', or --name"
                + " @acme/NAME\n"), inside.err());
        CliRun named = prompd("init", "@acme", "--name", "@acme/notes");
        assertEquals(0, named.exitCode(), named.err());
        assertTrue(Files.isRegularFile(work.resolve("@acme/prompd.json")));
    }

    /** The note of a prompt copied with its errors sent to 'prompd validate', which without the folder finds none. */
    @Test
    void aPromptCopiedWithItsErrorsIsLeftToTheNextStepWhichNamesTheFolder() throws IOException {
        Path loose = Files.createDirectories(work.resolve("loose"));
        Path broken = Files.writeString(loose.resolve("broken.prmd"), "---\nid: [\n---\n\nHi.\n");

        CliRun init = prompd("init", "new pkg", "--from", "loose");

        assertEquals(0, init.exitCode(), init.err());
        assertEquals("note: " + broken + " has errors and was copied as it is; validating the package, the next step,"
                + " shows them\n", init.err());
        assertTrue(init.out().endsWith("\nnext: prompd validate 'new pkg' && prompd pack 'new pkg'\n"), init.out());
    }

    @Test
    void anInvalidNameIsAUsageError() {
        CliRun run = prompd("init", "x", "--name", "@Bad/Name");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("invalid package name '@Bad/Name'"), run.err());
        assertFalse(Files.exists(work.resolve("x")));
    }

    /** The user did pass --name: the hint fixes what they passed, as install's does, not how to pass one. */
    @Test
    void anInvalidNameThatAFixMakesValidIsGivenTheFixAsInstallGivesIt() {
        CliRun init = prompd("init", "x", "--name", "@Acme/Greetings");
        assertEquals(2, init.exitCode(), init.err());
        assertTrue(init.err().endsWith("\nhint: package names are lower case, so write '@acme/greetings'\n"),
                init.err());
        CliRun install = prompd("install", "@Acme/Greetings");
        assertEquals(2, install.exitCode(), install.err());
        assertTrue(install.err().contains(": package names are lower case, so write '@acme/greetings'"),
                install.err());
        assertTrue(prompd("init", "x", "--name", "@bad!/name").err().endsWith(
                "\nhint: pass --name @scope/name or --name name\n"), "no fix makes it valid");
        assertFalse(Files.exists(work.resolve("x")));
    }

    /** The LICENSE ships in the tarball with a place for the text of the author's own license: the author is told. */
    @Test
    void aLicenseOfTheAuthorsOwnIsLeftForTheAuthorToAddWithANote() throws IOException {
        CliRun init = prompd("init", "x", "--license", "LicenseRef-Acme", "--author", "Ada");

        assertEquals(0, init.exitCode(), init.err());
        assertEquals("note: LICENSE has no text for LicenseRef-Acme, which SPDX does not publish: add the full text of"
                + " your license to LICENSE before you publish\n", init.err());
        assertTrue(Files.readString(work.resolve("x/LICENSE")).endsWith(
                "\n[The full text of LicenseRef-Acme is the author's to add here.]\n"));
        assertEquals("", prompd("init", "y", "--license", "UNLICENSED").err());
    }

    /**
     * What init leaves for the author to add is still to add when validate and pack read it: both warn, and pack packs.
     */
    @Test
    void validateAndPackWarnOfTheLineInitLeftForTheAuthorsLicenseTextUntilItIsReplaced() throws IOException {
        assertEquals(0, prompd("init", "x", "--license", "SEE LICENSE IN LICENSE", "--author", "Ada").exitCode());
        String warning = "LICENSE\n  warning line 3: the line 'prompd init' wrote in place of the full text of the"
                + " license is still there\n          hint: replace the line with that text before you publish: the"
                + " package ships this file with it\n0 errors, 1 warning\n";

        CliRun validate = prompd("validate", "x");

        assertEquals(0, validate.exitCode(), validate.out());
        assertTrue(validate.out().endsWith(warning), validate.out());
        CliRun pack = prompd("pack", "x");
        assertEquals(0, pack.exitCode(), pack.err());
        assertTrue(pack.err().endsWith(warning), pack.err());

        Files.writeString(work.resolve("x/LICENSE"), "Copyright (c) 2026 Ada\n\nAll the terms, in full.\n");

        assertTrue(prompd("validate", "x").out().endsWith("no problems\n"));
    }

    /** SEE LICENSE IN a file other than LICENSE: init writes that file, with the line validate warns of, not errs. */
    @Test
    void theFileSeeLicenseInNamesIsWrittenWithALineForTheTermsAndValidates() throws IOException {
        CliRun init = prompd("init", "x", "--license", "SEE LICENSE IN docs/TERMS.txt", "--author", "Ada");

        assertEquals(0, init.exitCode(), init.err());
        assertTrue(Files.readString(work.resolve("x/docs/TERMS.txt"))
                .endsWith("\n[The full text of the license is the author's to add here.]\n"));
        assertTrue(Files.readString(work.resolve("x/LICENSE")).endsWith("The license terms are in docs/TERMS.txt.\n"));
        CliRun validate = prompd("validate", "x");
        assertEquals(0, validate.exitCode(), validate.out());
        assertTrue(validate.out().endsWith("0 errors, 1 warning\n"), validate.out());
    }

    @Test
    void aLicenseFileValidateWouldNotFindIsAUsageErrorAndNothingIsWritten() {
        CliRun outside = prompd("init", "x", "--license", "SEE LICENSE IN ../LICENSE");
        assertEquals(2, outside.exitCode());
        assertEquals("error: invalid --license: '../LICENSE' leads outside the package\nhint: name only files inside"
                + " the package folder\n", outside.err());
        for (String written : List.of("/etc/passwd", "./TERMS.md", "docs\\TERMS.md")) {
            CliRun miswritten = prompd("init", "x", "--license", "SEE LICENSE IN " + written);
            assertEquals(2, miswritten.exitCode(), written);
            assertEquals(1, miswritten.err().lines().filter(line -> line.contains(written)).count(), miswritten.err());
            assertTrue(miswritten.err().startsWith("error: invalid --license: '" + written + "' "), miswritten.err());
        }
        assertFalse(Files.exists(work.resolve("x")));
    }

    @Test
    void seeLicenseInAUrlIsOneUsageErrorSayingToPutTheTermsInAFile() {
        CliRun init = prompd("init", "x", "--license", "SEE LICENSE IN https://acme.example/license");

        assertEquals(2, init.exitCode());
        assertEquals("error: invalid --license: 'SEE LICENSE IN https://acme.example/license' names a URL: SEE LICENSE"
                + " IN takes a file of the package, as npm reads it\nhint: put the terms in a file such as LICENSE.txt"
                + " and write \"SEE LICENSE IN LICENSE.txt\"\n", init.err());
        assertFalse(Files.exists(work.resolve("x")));
    }

    /** The check refuses a likely credential in prompd.json and in the README and LICENSE init writes it into. */
    @Test
    void anOptionHoldingALikelyCredentialIsAUsageErrorThatDoesNotQuoteIt() {
        String token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
        for (String option : List.of("--author", "--description")) {
            CliRun init = prompd("init", "x", option, "ci " + token);
            assertEquals(2, init.exitCode(), option);
            assertEquals("error: invalid " + option + ": it holds what looks like a GitHub token (ghp_, gho_, ghu_,"
                    + " ghs_, ghr_)\nhint: leave the credential out of " + option + ", and revoke it if it is real: it is in your shell's history\n",
                    init.err());
        }
        assertEquals(2, prompd("init", "x", "--license", "SEE LICENSE IN " + token).exitCode());
        assertFalse(Files.exists(work.resolve("x")));
    }

    @Test
    void aLicenseValidationWouldFlagIsAUsageErrorAndNothingIsWritten() throws IOException {
        CliRun unknown = prompd("init", "x", "--license", "MITT");
        assertEquals(2, unknown.exitCode());
        assertEquals("error: invalid --license: 'MITT' is not a known SPDX license identifier; did you mean MIT?\n"
                + "hint: write an SPDX expression such as MIT, Apache-2.0 or (MIT OR Apache-2.0); see"
                + " https://spdx.org/licenses/\n", unknown.err());
        assertFalse(Files.exists(work.resolve("x")));

        assertEquals(2, prompd("init", "x", "--license", "MIT AND").exitCode());
        assertEquals("error: invalid --license: 'Apache 2.0' is not a valid SPDX license expression; did you mean"
                + " Apache-2.0?\nhint: write an SPDX expression such as MIT, Apache-2.0 or (MIT OR Apache-2.0); see"
                + " https://spdx.org/licenses/\n", prompd("init", "x", "--license", "Apache 2.0").err());
        CliRun twoUnknown = prompd("init", "x", "--license", "MITT OR Apache-2.1");
        assertEquals(2, twoUnknown.exitCode());
        assertTrue(twoUnknown.err()
                .startsWith("error: invalid --license:\n  'MITT' is not a known SPDX license identifier;"
                + " did you mean MIT?\n  'Apache-2.1' is not a known SPDX license identifier"), twoUnknown.err());
        assertEquals(0, prompd("init", "x", "--license", "(MIT OR Apache-2.0)").exitCode());
        assertEquals("(MIT OR Apache-2.0)",
                Json.reader().readTree(Files.readAllBytes(work.resolve("x/prompd.json"))).get("license")
                .asText());
    }

    /** validate warns of Proprietary; init refuses it, and its hint offers the ways to write terms of one's own. */
    @Test
    void anUnknownIdentifierOfOnesOwnIsAUsageErrorOfferingUnlicensedOrALicenseRef() {
        CliRun proprietary = prompd("init", "x", "--license", "Proprietary");

        assertEquals(2, proprietary.exitCode());
        assertTrue(proprietary.err().startsWith("error: invalid --license: 'Proprietary' is not a known SPDX license"
                + " identifier\nhint: for terms of your own, write UNLICENSED (no license granted) or"
                + " LicenseRef-Proprietary with its terms in a file of the package such as LICENSE;"),
                proprietary.err());
        assertEquals(0, prompd("init", "x", "--license", "LicenseRef-Proprietary").exitCode());
    }

    /** init promises a package ready to validate: text validate refuses in prompd.json is refused by its rule. */
    @Test
    void aDescriptionOrAuthorValidateWouldRefuseIsAUsageErrorAndNothingIsWritten() {
        CliRun description = prompd("init", "x", "--description", "two\nlines \u001b[31mred");
        assertEquals(2, description.exitCode());
        assertEquals("error: invalid --description: 'description' holds the control character U+001B (^[) at position"
                + " 11\nhint: remove it and write plain text: a terminal would act on it instead of showing"
                + " it (a tab or a"
                + " line break is fine; end a line with \\n alone, not \\r\\n)\n", description.err());

        CliRun author = prompd("init", "x", "--author", "Eve \u202eved\u0007");
        assertEquals(2, author.exitCode());
        assertTrue(author.err()
                .startsWith("error: invalid --author:\n  'author' holds the control character U+0007 (^G)"
                + " at position 9\n  'author' holds the bidi control U+202E at position 5\n"), author.err());
        assertFalse(Files.exists(work.resolve("x")));
    }

    /**
     * An empty --description wrote "description": "", which validate warns of as absent, so that the package init had
     * just made failed validate --strict.
     */
    @Test
    void anEmptyOrBlankDescriptionIsAUsageErrorAndNothingIsWritten() {
        for (String blank : new String[] {"", "   "}) {
            CliRun description = prompd("init", "x", "--description", blank);
            assertEquals(2, description.exitCode(), description.err());
            assertEquals("error: invalid --description: the description is empty\nhint: pass one sentence on what the"
                    + " package is for, or leave --description out for a default one\n", description.err());
            assertFalse(Files.exists(work.resolve("x")));
        }
    }

    /** validate refuses an author object without a name; an --author of only blanks names nobody either. */
    @Test
    void anEmptyOrBlankAuthorIsAUsageErrorAndNothingIsWritten() {
        for (String blank : new String[] {"", "   ", "\t"}) {
            CliRun author = prompd("init", "x", "--author", blank);
            assertEquals(2, author.exitCode(), author.err());
            assertEquals("error: invalid --author: the author needs a name\nhint: pass --author 'Your Name"
                    + " <you@example.org>', or leave --author out\n", author.err());
            assertFalse(Files.exists(work.resolve("x")));
        }
    }

    @Test
    void itNeverOverwritesAndWritesNothingWhenAnyFileExists() throws IOException {
        Path pkg = Files.createDirectories(work.resolve("existing"));
        Files.writeString(pkg.resolve("README.md"), "mine\n");
        Files.createDirectories(pkg.resolve("prompts"));
        Files.writeString(pkg.resolve("prompts/example.prmd"), "mine\n");
        CliRun run = prompd("init", "existing");
        assertEquals(4, run.exitCode());
        assertTrue(run.err().contains("refusing to overwrite prompts/example.prmd"), run.err());
        assertEquals("mine\n", Files.readString(pkg.resolve("README.md")));
        assertFalse(Files.exists(pkg.resolve("prompd.json")));
        try (var left = Files.list(pkg)) {
            assertEquals(2, left.count(), "no staging folder or partial file is left behind");
        }
    }

    /** As cargo init in a folder with a README: the user's own README and LICENSE serve better than templates. */
    @Test
    void aReadmeAndLicenseTheFolderHoldsAreKeptAndTheRestWritten() throws IOException {
        Path pkg = Files.createDirectories(work.resolve("notes"));
        Files.writeString(pkg.resolve("README.md"), "# my notes\n");
        Files.writeString(pkg.resolve("LICENSE"), "Apache License\n");

        CliRun run = prompd("init", "notes", "--license", "Apache-2.0");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("created notes in " + pkg + "\n  prompts/example.prmd\n  prompd.json\nnext: prompd validate"
                + " notes && prompd pack notes\n", run.out());
        assertEquals("note: kept README.md, which the folder held already, as the package's README, which"
                + " prompd.json's \"readme\" names\nnote: kept LICENSE, which the folder held already, as the"
                + " package's license terms: make sure prompd.json's \"license\" says the same\n", run.err());
        assertEquals("# my notes\n", Files.readString(pkg.resolve("README.md")));
        assertEquals("Apache License\n", Files.readString(pkg.resolve("LICENSE")));
        assertEquals(0, prompd("validate", "notes").exitCode());
    }

    /**
     * A README.md beside a readme.md would be one file on Windows and macOS, which validate refuses, and one beside a
     * README.txt, or a LICENSE beside a COPYING, would stand in for the user's: each name people give them is kept.
     */
    @Test
    void aReadmeAndLicenseUnderAnotherNameOrLetterCaseAreKeptAndTheManifestNamesTheReadme() throws IOException {
        Map<String, String> readmeAndLicense = Map.of("readme.md", "LICENSE.md", "README", "COPYING",
                "README.markdown", "LICENCE", "Readme.txt", "license.txt", "README.rst", "copying.md");
        for (Map.Entry<String, String> names : readmeAndLicense.entrySet()) {
            String folder = "notes-" + names.getKey().toLowerCase(Locale.ROOT).replace('.', '-');
            Path pkg = Files.createDirectories(work.resolve(folder));
            Files.writeString(pkg.resolve(names.getKey()), "# my notes\n");
            Files.writeString(pkg.resolve(names.getValue()), "Copyright the author. MIT License.\n");

            CliRun init = prompd("init", folder);

            assertEquals(0, init.exitCode(), init.err());
            assertEquals("created " + folder + " in " + pkg + "\n  prompts/example.prmd\n  prompd.json\nnext: prompd"
                    + " validate " + folder + " && prompd pack " + folder + "\n", init.out());
            assertEquals("note: kept " + names.getKey() + ", which the folder held already, as the package's README,"
                    + " which prompd.json's \"readme\" names\nnote: kept " + names.getValue() + ", which the folder"
                    + " held already, as the package's license terms: make sure prompd.json's \"license\" says the"
                    + " same\n", init.err());
            try (Stream<Path> files = Files.list(pkg)) {
                assertEquals(List.of(names.getKey(), names.getValue(), "prompd.json", "prompts").stream().sorted()
                        .toList(), files.map(file -> file.getFileName().toString()).sorted().toList());
            }
            assertEquals(names.getKey(), Json.reader().readTree(Files.readAllBytes(pkg.resolve("prompd.json")))
                    .get("readme").asText());
            CliRun validate = prompd("validate", folder);
            assertEquals(0, validate.exitCode(), validate.out() + validate.err());
            assertTrue(validate.out().endsWith("no problems\n"), validate.out());
        }
    }

    /**
     * A README that is a link, which validate refuses as never packed, or a LICENSE that is a folder can be neither
     * kept nor stood beside: init refuses them, as any file in its way, before writing anything.
     */
    @Test
    void aReadmeThatIsALinkOrALicenseThatIsAFolderIsRefusedAndNothingWritten() throws IOException {
        Path pkg = Files.createDirectories(work.resolve("notes"));
        Files.writeString(pkg.resolve("notes.md"), "# my notes\n");
        Files.createSymbolicLink(pkg.resolve("README.md"), Path.of("notes.md"));
        Files.createDirectories(pkg.resolve("license"));

        CliRun init = prompd("init", "notes");

        assertEquals(4, init.exitCode(), init.err());
        assertEquals("error: refusing to keep README.md (a symbolic link) and license (a folder) in " + pkg + ": init"
                + " keeps a README or license the folder holds in place of its own only when it is a regular file\n"
                + "hint: move them away or replace them with a regular file (a copy of the file a link leads to),"
                + " then run init again; or run init in another folder\n", init.err());
        try (Stream<Path> files = Files.list(pkg)) {
            assertEquals(List.of("README.md", "license", "notes.md"), files.map(file -> file.getFileName().toString())
                    .sorted().toList());
        }
    }

    /**
     * A dual-licensed project keeps each license under a name of its own: a LICENSE of init's beside them would claim
     * other terms. A folder under such a name is no license and stands in no file's way, so it is passed over.
     */
    @Test
    void licensesUnderNamesOfTheirOwnAreKeptAndNoLicenseIsWrittenBesideThem() throws IOException {
        Path pkg = Files.createDirectories(work.resolve("notes"));
        Files.writeString(pkg.resolve("LICENSE-APACHE"), "Apache License\n");
        Files.writeString(pkg.resolve("LICENSE-MIT"), "MIT License\n");
        Files.createDirectories(pkg.resolve("license-templates"));

        CliRun init = prompd("init", "notes", "--license", "MIT OR Apache-2.0");

        assertEquals(0, init.exitCode(), init.err());
        assertEquals("created notes in " + pkg + "\n  README.md\n  prompts/example.prmd\n  prompd.json\n"
                + "next: prompd validate notes && prompd pack notes\n", init.out());
        assertEquals("note: kept LICENSE-APACHE, which the folder held already, as the package's license terms: make"
                + " sure prompd.json's \"license\" says the same\nnote: kept LICENSE-MIT, which the folder held"
                + " already, as the package's license terms: make sure prompd.json's \"license\" says the same\n",
                init.err());
        assertFalse(Files.exists(pkg.resolve("LICENSE")));
        assertEquals(0, prompd("validate", "notes").exitCode());
    }

    /**
     * A script or settings file named for what it does with licenses, with an extension or without, or notes on them
     * hold no terms: kept as the license, they would leave the package with none, while init said it had kept them.
     */
    @Test
    void aFileOfCodeOrSettingsNamedForLicensesIsNoLicenseAndInitWritesItsOwn() throws IOException {
        Path pkg = Files.createDirectories(work.resolve("notes"));
        Files.writeString(pkg.resolve("license-check.sh"), "#!/bin/sh\necho check\n");
        Files.writeString(pkg.resolve("license.json"), "{}\n");
        Files.writeString(pkg.resolve("license_finder.yml"), "permitted: []\n");
        Files.writeString(pkg.resolve("license-check"), "#!/bin/sh\nlicense_finder\n");
        Files.writeString(pkg.resolve("LICENSE-NOTES"), "Ask legal before changing the license.\n");
        Files.writeString(pkg.resolve("license-faq.md"), "# Which license?\n");

        CliRun init = prompd("init", "notes");

        assertEquals(0, init.exitCode(), init.err());
        assertEquals("created notes in " + pkg + "\n  LICENSE\n  README.md\n  prompts/example.prmd\n  prompd.json\n"
                + "next: prompd validate notes && prompd pack notes\n", init.out());
        assertEquals("", init.err());
        assertTrue(Files.readString(pkg.resolve("LICENSE")).startsWith("MIT License\n"));
        assertEquals(0, prompd("validate", "notes").exitCode());
    }

    /** The terms a SEE LICENSE IN names are kept where the folder holds them, as a LICENSE is. */
    @Test
    void theTermsFileASeeLicenseInNamesIsKeptWhereFound() throws IOException {
        Path pkg = Files.createDirectories(work.resolve("notes"));
        Files.writeString(pkg.resolve("TERMS.md"), "Use it as you like.\n");

        CliRun init = prompd("init", "notes", "--license", "SEE LICENSE IN TERMS.md");

        assertEquals(0, init.exitCode(), init.err());
        assertEquals("created notes in " + pkg + "\n  LICENSE\n  README.md\n  prompts/example.prmd\n  prompd.json\n"
                + "next: prompd validate notes && prompd pack notes\n", init.out());
        assertTrue(init.err().startsWith("note: kept TERMS.md, which the folder held already, as the package's"
                + " license terms"), init.err());
        assertEquals("Use it as you like.\n", Files.readString(pkg.resolve("TERMS.md")));
        assertEquals(0, prompd("validate", "notes").exitCode());
    }

    /**
     * The terms file SEE LICENSE IN names, held in other letter case: one written beside it would be the same file on
     * Windows and macOS, which validate refuses, so init refuses before writing anything and says how to name it.
     */
    @Test
    void aTermsFileHeldInOtherLetterCaseIsRefusedAndNothingWritten() throws IOException {
        Path pkg = Files.createDirectories(work.resolve("notes"));
        Files.writeString(pkg.resolve("license"), "My terms.\n");

        CliRun init = prompd("init", "notes", "--license", "SEE LICENSE IN LICENSE");

        assertEquals(4, init.exitCode(), init.err());
        assertEquals("error: the folder holds license, which differs from LICENSE only in letter case: init would write"
                + " LICENSE beside it, the same file on Windows and macOS\nhint: name the file as the folder has it"
                + " (--license 'SEE LICENSE IN license'), or rename license to LICENSE, then run init again\n",
                init.err());
        try (Stream<Path> files = Files.list(pkg)) {
            assertEquals(List.of("license"), files.map(file -> file.getFileName().toString()).toList());
        }
        CliRun named = prompd("init", "notes", "--license", "SEE LICENSE IN license");
        assertEquals(0, named.exitCode(), named.err());
        assertEquals("My terms.\n", Files.readString(pkg.resolve("license")));
        assertEquals(0, prompd("validate", "notes").exitCode());
    }

    /** prompd.json is moved in last: a run killed before it leaves a folder a second init completes. */
    @Test
    void whatAnInitKilledBetweenItsMovesLeftIsRefusedSayingHowToGoOnAndItsTemporaryFolderGoes() throws Exception {
        Path pkg = Files.createDirectories(work.resolve("existing"));
        Path example = Files.writeString(Files.createDirectories(pkg.resolve("prompts")).resolve("example.prmd"),
                "---\nid: example\n---\nHello.\n");
        Path staging = Files.createDirectories(pkg.resolve(".init.%d.5.part/prompts".formatted(Processes.endedPid())))
                .getParent();
        Files.writeString(staging.resolve("README.md"), "# existing\n");

        CliRun run = prompd("init", "existing");

        assertEquals(4, run.exitCode(), run.err());
        assertEquals("error: refusing to overwrite prompts/example.prmd in " + pkg + "\nhint: init never overwrites"
                + " files: remove or move it (an init that was interrupted leaves those it had written), then run init"
                + " again; or run init in another folder\n", run.err());
        try (Stream<Path> left = Files.walk(pkg)) {
            assertEquals(List.of(pkg, example.getParent(), example), left.sorted().toList());
        }
        Files.delete(example);
        assertEquals(0, prompd("init", "existing").exitCode());
    }

    @Test
    void fromLooseFilesCopiesPromptsAndWhatTheyReferenceAndDeclaresPackages() throws IOException {
        Path loose = Files.createDirectories(work.resolve("loose"));
        Files.writeString(loose.resolve("base.prmd"), """
                ---
                id: base
                parameters:
                  - name: topic
                    type: string
                ---
                Think about {{ topic }}.
                """);
        Files.createDirectories(work.resolve("notes"));
        Files.writeString(work.resolve("notes/style.md"), "Be brief.\n");
        Files.writeString(loose.resolve("child.prmd"), """
                ---
                id: child
                inherits: ./base.prmd
                context: ../notes/style.md
                using:
                  - name: "@common/base-prompts@^2.0.0"
                    prefix: "@base"
                ---
                More.
                """);
        CliRun run = prompd("init", "--from", "loose", "--name", "@me/imported", "imported");
        assertEquals(0, run.exitCode(), run.err());

        Path pkg = work.resolve("imported");
        assertTrue(Files.isRegularFile(pkg.resolve("prompts/loose/child.prmd")));
        assertEquals("Be brief.\n", Files.readString(pkg.resolve("prompts/notes/style.md")));
        JsonNode manifest = Json.reader().readTree(Files.readAllBytes(pkg.resolve("prompd.json")));
        assertEquals("prompts/loose/base.prmd", manifest.at("/prompts/base").asText());
        assertEquals("prompts/loose/child.prmd", manifest.at("/prompts/child").asText());
        assertEquals("^2.0.0", manifest.at("/dependencies/@common~1base-prompts").asText());

        CliRun validate = prompd("validate", "imported");
        assertEquals(0, validate.exitCode(), validate.out());
    }

    /**
     * Init knows what it writes: a package over the limits validate applies, as every registry does, is written with a
     * warning naming each limit it is over and how to come within it, as validate would, and init does not advise
     * validate and pack as if they would pass.
     */
    @Test
    void fromMorePromptsThanAPackageMayHoldWarnsOfEachLimitAndDoesNotAdviseValidateAndPackAsIfTheyWouldPass()
            throws IOException {
        Path loose = Files.createDirectories(work.resolve("mp"));
        for (int i = 0; i < 1_000; i++) {
            Files.writeString(loose.resolve("p%04d.prmd".formatted(i)), "---\nid: p%d\n---\n\n# User\n\nHi.\n"
                    .formatted(i));
        }
        Files.writeString(loose.resolve("big.prmd"), "---\nid: big\ncontext: ./big.md\n---\n\n# User\n\nRead.\n");
        Files.write(loose.resolve("big.md"), "dat\n".repeat(6 << 18).getBytes(StandardCharsets.UTF_8));

        CliRun init = prompd("init", "initp", "--name", "@s/initp", "--description", "x", "--from", "mp");

        assertEquals(0, init.exitCode(), init.err());
        assertEquals("""
                warning: the package is over the limits every registry holds packages to, so 'prompd validate initp' \
                and 'prompd pack initp' will refuse it:
                  the package has 1005 files, more than the limit of 1000
                    hint: add what the package does not need to "ignore" in prompd.json, or split it into several \
                packages
                  prompts/big.md: the file has 6.0 MiB, more than the limit of 5.0 MiB per file
                    hint: prompts/big.prmd refers to it, so leaving it out alone breaks it: make it smaller, or remove \
                it with the references to it in that prompt and any entry of "files" in prompd.json naming it alone
                """, init.err());
        assertTrue(init.out().endsWith("\nnext: bring the package within the limits, then prompd validate initp && prompd"
                + " pack initp\n"), init.out());
        assertTrue(Files.isRegularFile(work.resolve("initp/prompts/p0999.prmd")));
        CliRun validate = prompd("validate", "initp");
        assertEquals(1, validate.exitCode(), validate.out());
        assertTrue(validate.out().contains("the package has 1005 files, more than the limit of 1000"), validate.out());
    }

    /** A package within the limits is not warned of them, and init advises validate and pack as its next step. */
    @Test
    void fromAsManyPromptsAsAPackageMayHoldWarnsOfNothing() throws IOException {
        Path loose = Files.createDirectories(work.resolve("mp"));
        // with prompd.json, README.md and LICENSE, 1000 files
        for (int i = 0; i < 997; i++) {
            Files.writeString(loose.resolve("p%04d.prmd".formatted(i)), "---\nid: p%d\n---\n\n# User\n\nHi.\n"
                    .formatted(i));
        }

        CliRun init = prompd("init", "initp", "--name", "@s/initp", "--description", "x", "--from", "mp");

        assertEquals(0, init.exitCode(), init.err());
        assertEquals("", init.err());
        assertTrue(init.out().endsWith("\nnext: prompd validate initp && prompd pack initp\n"), init.out());
    }

    @Test
    void fromPromptsWhoseNamesClashGivesEachOneItsOwnName() throws IOException {
        Files.createDirectories(work.resolve("loose/x"));
        for (String prompt : List.of("a", "x-a", "x/a")) {
            Files.writeString(work.resolve("loose/" + prompt + ".prmd"), "---\nid: p\n---\nSay " + prompt + ".\n");
        }

        CliRun run = prompd("init", "pkg", "--from", "loose");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode prompts = Json.reader().readTree(Files.readAllBytes(work.resolve("pkg/prompd.json"))).get("prompts");
        assertEquals(Json.reader().readTree("{\"a\": \"prompts/a.prmd\", \"x-a\": \"prompts/x-a.prmd\","
                + " \"x-a-2\": \"prompts/x/a.prmd\"}"), prompts);
        assertTrue(Files.readString(work.resolve("pkg/README.md")).contains("- `x-a`: [prompts/x-a.prmd]"));
        assertEquals(0, prompd("validate", "pkg").exitCode());
    }

    /** macOS tools often name files in NFD, which looks the same as NFC and which no package name may be in. */
    @Test
    void fromAFileNamedInNfdCopiesItUnderItsNfcNameSayingSo() throws IOException {
        Files.createDirectories(work.resolve("src"));
        Files.writeString(work.resolve("src/cafe\u0301.prmd"), "---\nid: c\ndescription: d\n---\n# User\nhi\n");

        CliRun run = prompd("init", "x2", "--from", "src");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(work.resolve("x2/prompts/caf\u00e9.prmd")));
        assertEquals(Json.reader().readTree("{\"caf\u00e9\": \"prompts/caf\u00e9.prmd\"}"),
                Json.reader().readTree(Files.readAllBytes(work.resolve("x2/prompd.json"))).get("prompts"));
        assertTrue(run.err()
                .contains("cafe\u0301.prmd is named in Unicode NFD; copied as prompts/caf\u00e9.prmd, in NFC"
                + " as a package's names must be"), run.err());
        CliRun validate = prompd("validate", "x2");
        assertEquals(0, validate.exitCode(), validate.out());
    }

    /** A name validate refuses is refused before anything is written, not copied as it is nor mangled. */
    @Test
    void fromAFileWhoseNameIsNotUtf8OrHoldsABidiControlIsAUsageErrorAndNothingIsWritten() throws Exception {
        Path source = Files.createDirectories(work.resolve("src"));
        Files.writeString(source.resolve("z\u202ew.prmd"), "---\nid: z\ndescription: d\n---\n# User\nhi\n");

        CliRun bidi = prompd("init", "x3", "--from", "src");

        assertEquals(2, bidi.exitCode(), bidi.err());
        assertEquals("error: cannot copy " + source.resolve("z<U+202E>w.prmd") + " into a package, whose file names may"
                + " not break validate's rules: the path holds the invisible Unicode character U+202E at position 10 (a"
                + " bidi control, a zero-width character or a blank filler), which makes a name read as another\nhint:"
                + " rename it, then run init again\n", bidi.err());
        assertFalse(Files.exists(work.resolve("x3")));

        Files.delete(source.resolve("z\u202ew.prmd"));
        // made by the shell, since Java writes every name it is given as UTF-8
        Processes.run(List.of("sh", "-c", "printf -- '---\\nid: b\\n---\\nhi\\n' > \"$(printf 'b\\377d.prmd')\""),
                source,
                Map.of(), "", Duration.ofSeconds(30)).ok();
        CliRun notUtf8 = prompd("init", "x3", "--from", "src");

        assertEquals(2, notUtf8.exitCode(), notUtf8.err());
        assertTrue(notUtf8.err().contains("the path is not valid UTF-8"), notUtf8.err());
        assertFalse(Files.exists(work.resolve("x3")));
    }

    /** Validate refuses the package: Windows and macOS hold the two as one, as they would a folder and another. */
    @Test
    void fromTwoFilesNamedAlikeButForTheirLetterCaseIsAUsageErrorNamingBothAndNothingIsWritten() throws IOException {
        Path source = Files.createDirectories(work.resolve("src"));
        Files.writeString(source.resolve("Review.prmd"), "---\r\nid: review\r\ndescription: d\r\n---\r\nHi\r\n");
        Files.writeString(source.resolve("review.prmd"), "---\r\nid: old\r\ndescription: d\r\n---\r\nHi\r\n");

        CliRun run = prompd("init", "x4", "--from", "src");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("error: cannot copy " + source.resolve("review.prmd") + " into a package beside "
                + source.resolve("Review.prmd") + ", whose file names may not break validate's rules: as"
                + " prompts/review.prmd, the path differs from 'prompts/Review.prmd' only in letter case, so they would"
                + " be one file on Windows and macOS\nhint: rename one of them, then run init again\n", run.err());
        assertFalse(Files.exists(work.resolve("x4")));

        Files.delete(source.resolve("review.prmd"));
        Files.createDirectories(source.resolve("A"));
        Files.createDirectories(source.resolve("a"));
        Files.writeString(source.resolve("A/x.prmd"), "---\nid: x\ndescription: d\n---\nHi\n");
        Files.writeString(source.resolve("a/y.prmd"), "---\nid: y\ndescription: d\n---\nHi\n");
        CliRun folders = prompd("init", "x4", "--from", "src");
        assertEquals(2, folders.exitCode(), folders.err());
        assertTrue(folders.err().startsWith("error: cannot copy " + source.resolve("a/y.prmd") + " into a package"
                + " beside " + source.resolve("A/x.prmd") + ", whose file names may not break validate's rules: as"
                + " prompts/a/, the folder differs from 'prompts/A/' only in letter case"), folders.err());
        assertFalse(Files.exists(work.resolve("x4")));
    }

    @Test
    void fromTwoFilesNamedAlikeButForTheirUnicodeFormIsRefusedSinceThePackageWouldHoldOne() throws IOException {
        Files.createDirectories(work.resolve("src"));
        Files.writeString(work.resolve("src/cafe\u0301.prmd"), "---\nid: c\n---\nhi\n");
        Files.writeString(work.resolve("src/caf\u00e9.prmd"), "---\nid: c\n---\nhi\n");

        CliRun run = prompd("init", "x2", "--from", "src");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("are both named prompts/caf\u00e9.prmd in Unicode NFC"), run.err());
        assertFalse(Files.exists(work.resolve("x2")));
    }

    @Test
    void fromAPackageKeepsItsPromptsFolderRatherThanNestingIt() throws IOException {
        assertEquals(0, prompd("init", "old").exitCode());
        Files.createDirectories(work.resolve("old/prompts/review"));
        Files.writeString(work.resolve("old/prompts/review/deep.prmd"),
                "---\nid: deep\ncontext: ../../contexts/style.md\n---\nLook deeper.\n");
        Files.createDirectories(work.resolve("old/contexts"));
        Files.writeString(work.resolve("old/contexts/style.md"), "Be brief.\n");

        CliRun run = prompd("init", "new", "--from", "old/prompts");

        assertEquals(0, run.exitCode(), run.err());
        try (Stream<Path> files = Files.walk(work.resolve("new"))) {
            assertEquals(List.of("LICENSE", "README.md", "contexts/style.md", "prompd.json", "prompts/example.prmd",
                            "prompts/review/deep.prmd"), files.filter(Files::isRegularFile)
                    .map(file -> work.resolve("new").relativize(file).toString().replace('\\', '/')).sorted()
                    .toList());
        }
        CliRun validate = prompd("validate", "new");
        assertEquals(0, validate.exitCode(), validate.out());
    }

    @Test
    void fromAFolderHoldingAPackageIsRefusedNamingItsManifestAndNothingIsWritten() throws IOException {
        assertEquals(0, prompd("init", "old", "--name", "@acme/old", "--author", "Ada").exitCode());

        // a package's folder, and one that holds a package further down
        for (String from : new String[] {"old", "."}) {
            CliRun run = prompd("init", "new", "--from", from);

            assertEquals(2, run.exitCode(), run.err());
            Path folder = work.resolve("old");
            assertEquals("error: " + folder + " already holds a package, " + folder.resolve("prompd.json") + ": init"
                    + " --from would write a new prompd.json and README, dropping that package's name, version, author"
                    + " and README\nhint: to keep the package as it is, copy its folder (cp -R) rather"
                    + " than run init; to"
                    + " make a new package of its prompts alone, give --from its prompt files or the folder that holds"
                    + " them, as " + folder.resolve("prompts") + "\n", run.err());
            assertFalse(Files.exists(work.resolve("new")));
        }
    }

    @Test
    void fromCopiesNoFileThatAnAbsolutePathOrOneAboveTheRootNames() throws IOException {
        Path loose = Files.createDirectories(work.resolve("loose"));
        String up = "../".repeat(loose.getNameCount() + 2);
        Files.writeString(loose.resolve("q.prmd"), "---\nid: q\nsystem: " + up + "etc/hostname\n---\n"
                + "{% include \"/etc/hostname\" %}\n");

        CliRun run = prompd("init", "pkg", "--from", "loose/q.prmd");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains(loose.resolve("q.prmd") + " refers to /etc/hostname, which no package can hold:"
                + " not copied"), run.err());
        assertTrue(run.err().contains(" refers to " + up + "etc/hostname, which no package can hold"), run.err());
        try (Stream<Path> files = Files.walk(work.resolve("pkg/prompts"))) {
            assertEquals(List.of(work.resolve("pkg/prompts/q.prmd")), files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void fromALoosePromptAlsoCopiesTheFilesItsBodyIncludes() throws IOException {
        Path loose = Files.createDirectories(work.resolve("loose"));
        Files.writeString(loose.resolve("part.prmd"), "---\nid: part\n---\nA shared part.\n");
        Files.createDirectories(loose.resolve("macros"));
        Files.writeString(loose.resolve("macros/lib.prmd"), "---\nid: lib\n---\n{% macro m() %}x{% endmacro %}\n");
        Files.writeString(loose.resolve("main.prmd"),
                "---\nid: main\n---\n{% include \"./part.prmd\" %}\n{% import './macros/lib.prmd' as lib"
                        + " %}{{ lib.m() }}\n");

        assertEquals(0, prompd("init", "pkg", "--from", "loose/main.prmd").exitCode());

        assertEquals("---\nid: part\n---\nA shared part.\n", Files.readString(work.resolve("pkg/prompts/part.prmd")));
        assertTrue(Files.isRegularFile(work.resolve("pkg/prompts/macros/lib.prmd")));
        CliRun validate = prompd("validate", "pkg");
        assertEquals(0, validate.exitCode(), validate.out());
    }

    @Test
    void fromALoosePromptAlsoCopiesWhatAFileItIncludesIncludesInTurnButNotWhatAContextNames() throws IOException {
        Path loose = Files.createDirectories(work.resolve("loose/parts"));
        Files.writeString(loose.resolve("intro.md"), "Intro on {{ topic }}. {% include \"more.txt\" %}\n");
        Files.writeString(loose.resolve("more.txt"), "More.\n");
        Files.writeString(loose.resolve("data.md"), "Data, not rendered: {% include \"unrendered.txt\" %}\n");
        Files.writeString(loose.resolve("unrendered.txt"), "Never loaded.\n");
        Files.writeString(work.resolve("loose/main.prmd"), "---\nid: main\nname: main\nversion: 1.0.0\n"
                + "description: \"Main\"\ncontext: parts/data.md\nparameters:\n  - name: topic\n    type: string\n"
                + "    default: \"x\"\n---\n# User\n{% include \"parts/intro.md\" %}\n");

        assertEquals(0, prompd("init", "pkg", "--from", "loose/main.prmd").exitCode());

        assertEquals("More.\n", Files.readString(work.resolve("pkg/prompts/parts/more.txt")));
        assertTrue(Files.isRegularFile(work.resolve("pkg/prompts/parts/data.md")));
        assertFalse(Files.exists(work.resolve("pkg/prompts/parts/unrendered.txt")),
                "a context is given to the model as it is, so what it seems to include is not needed");
        CliRun validate = prompd("validate", "pkg");
        assertEquals(0, validate.exitCode(), validate.out());
    }

    /** A file the prompt renders without, when it is missing, is no file to add by hand. */
    @Test
    void fromALoosePromptCopiesTheFilesItMayRenderWithoutThatAreThereAndNotesNoneThatIsNot() throws IOException {
        Path loose = Files.createDirectories(work.resolve("loose"));
        Files.writeString(loose.resolve("b.md"), "B {% include ['c.md'] ignore missing %}\n");
        Files.writeString(loose.resolve("c.md"), "C\n");
        Files.writeString(loose.resolve("main.prmd"), "---\nid: main\n---\n{% include ['gone.md', 'b.md'] %}\n"
                + "{% include 'maybe.md' ignore missing %}\n");

        CliRun init = prompd("init", "pkg", "--from", "loose/main.prmd");

        assertEquals(0, init.exitCode(), init.err());
        assertEquals("", init.err());
        assertEquals("C\n", Files.readString(work.resolve("pkg/prompts/c.md")));
        CliRun validate = prompd("validate", "pkg");
        assertEquals(0, validate.exitCode(), validate.out());
    }

    /** As {@code cp -R link/} copies it: a folder named through a link is the folder it leads to. */
    @Test
    void fromAFolderGivenAsALinkImportsThePromptsOfTheFolderItLeadsTo() throws IOException {
        String prompt = "---\nid: a\nname: A\nversion: 1.0.0\n---\nHi\n";
        Files.writeString(Files.createDirectories(work.resolve("src")).resolve("a.prmd"), prompt);
        Files.createSymbolicLink(work.resolve("link"), Path.of("src"));

        CliRun init = prompd("init", "out", "--from", "link");

        assertEquals(0, init.exitCode(), init.err());
        assertEquals(prompt, Files.readString(work.resolve("out/prompts/a.prmd")));
        assertEquals(0, prompd("validate", "out").exitCode());
    }

    @Test
    void fromSomethingThatIsNotAPromptIsRefused() throws IOException {
        Files.writeString(work.resolve("notes.txt"), "hello\n");
        CliRun run = prompd("init", "out", "--from", "notes.txt");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("is not a prompt file"), run.err());
    }

    @Test
    void aFolderWrittenAfterFromIsExplainedNotImported() throws IOException {
        Files.writeString(work.resolve("style.prmd"), "---\nid: style\n---\nBe brief.\n");
        CliRun run = prompd("init", "--from", "style.prmd", "my-pkg");

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: --from took 'my-pkg' as a file to import, and there is none\n"
                + "hint: --from takes every value after it: to create the package in my-pkg, name it first"),
                run.err());
        assertFalse(Files.exists(work.resolve("prompd.json")), "nothing was written in the current folder");

        assertEquals(0, prompd("init", "my-pkg", "--from", "style.prmd").exitCode());
        assertTrue(Files.isRegularFile(work.resolve("my-pkg/prompts/style.prmd")));
    }
}
