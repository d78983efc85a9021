package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.testing.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate looks for the files a package's prompts take from its dependencies in the versions installed. */
class ValidateDependencyFilesTest {

    private static final String STILL_HERE = "; run 'prompd install', then 'prompd validate' again\n";

    private static final String NOT_CHECKED = "note: the files the prompts take from @acme/util were not checked:"
            + " prompd.lock pins no installed version of it" + STILL_HERE;

    @TempDir
    Path work;

    Path home;
    Path pkg;
    TestRegistry registry;

    @BeforeEach
    void setUp() throws IOException {
        home = work.resolve("home");
        pkg = Files.createDirectories(work.resolve("greeter"));
        registry = new TestRegistry(work.resolve("registry")).publish("@acme/util", "1.0.0");
        Files.writeString(pkg.resolve("prompd.json"), """
                {
                  "name": "@acme/greeter",
                  "version": "1.0.0",
                  "description": "Greets people",
                  "license": "MIT",
                  "dependencies": {"@acme/util": "^1.0.0"}
                }
                """);
        Files.writeString(pkg.resolve("README.md"), "# Greeter\n");
        Files.writeString(pkg.resolve("LICENSE"), "MIT License\n");
    }

    private void inherit(String reference) throws IOException {
        inherit(reference, "# User\n\nHello.\n");
    }

    /** prompts/hello.prmd inheriting the reference, with the body, which starts at line 6. */
    private void inherit(String reference, String body) throws IOException {
        Files.createDirectories(pkg.resolve("prompts"));
        Files.writeString(pkg.resolve("prompts/hello.prmd"), """
                ---
                id: hello
                description: Says hello
                inherits: "%s"
                ---
                """.formatted(reference) + body);
    }

    /** A prompt whose contexts are these, beside one inheriting a prompt of @acme/util, with @acme/util installed. */
    private void installWithContexts(String... contexts) throws IOException {
        inherit("@acme/util@^1.0.0/prompts/greet.prmd");
        StringBuilder list = new StringBuilder();
        for (String context : contexts) {
            list.append("  - '").append(context).append("'\n");
        }
        Files.writeString(pkg.resolve("prompts/ctx.prmd"),
                "---\nid: ctx\ndescription: Takes contexts\ncontexts:\n" + list + "---\nHi\n");
        assertEquals(0, prompd("install").exitCode());
    }

    private CliRun prompd(String... args) {
        return CliRun.in(pkg, home, "", Map.of("PROMPD_REGISTRY", registry.fileUrl().toString()), args);
    }

    /** A lock Git left in conflict pins nothing that can be read: the note says so, not that nothing is installed. */
    @Test
    void aLockWithConflictMarkersIsToldAsTheReasonTheFilesWentUnchecked() throws IOException {
        inherit("@acme/util@^1.0.0/prompts/base.prmd");
        assertEquals(0, prompd("install").exitCode());
        String lock = Files.readString(pkg.resolve("prompd.lock"));
        Files.writeString(pkg.resolve("prompd.lock"), "<<<<<<< HEAD\n" + lock + "=======\n" + lock + ">>>>>>> b\n");

        CliRun run = prompd("validate");

        assertEquals(0, run.exitCode(), run.out());
        assertEquals("note: the files the prompts take from @acme/util were not checked: prompd.lock cannot be read:"
                + " line 1: a Git merge left conflict markers here (<<<<<<<, =======, >>>>>>>)" + STILL_HERE,
                run.err());
    }

    /** validate run after an install, in a package whose prompt inherits the reference: a run finding errors. */
    private CliRun invalidInheriting(String reference) throws IOException {
        inherit(reference);
        assertEquals(0, prompd("install").exitCode());
        CliRun run = prompd("validate");
        assertEquals(1, run.exitCode(), run.out());
        return run;
    }

    @Test
    void aFileTheInstalledVersionLacksIsAnErrorNamingWhatItHas() throws IOException {
        CliRun run = invalidInheriting("@acme/util@^1.0.0/prompts/base.prmd");

        assertTrue(run.out().contains("""
                prompts/hello.prmd
                  error   /inherits, line 4: '@acme/util@^1.0.0/prompts/base.prmd' points to prompts/base.prmd, which\
                 @acme/util 1.0.0 (the version prompd.lock pins) does not have
                          hint: @acme/util 1.0.0 has prompts/greet.prmd; correct the path, or require a version of\
                 @acme/util that has the file
                """), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aMisspeltFileGetsTheOneMeant() throws IOException {
        inherit("@acme/util@^1.0.0/prompts/gret.prmd");
        assertEquals(0, prompd("install").exitCode());

        CliRun run = prompd("validate", "--json");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("\"hint\": \"did you mean 'prompts/greet.prmd'? correct the path"), run.out());
    }

    /** Both errors at once, as for a path of the package: following the first hint met the second only then. */
    @Test
    void aPathWithABackslashIsCheckedAsMeantBesideItsError() throws IOException {
        CliRun run = invalidInheriting("@acme/util@^1.0.0/prompts\\\\Greet.prmd");

        String out = run.out();
        assertTrue(out.contains("line 4: '@acme/util@^1.0.0/prompts\\Greet.prmd' contains '\\'; package paths use '/'"
                + " on every system\n          hint: write '@acme/util@^1.0.0/prompts/Greet.prmd'\n"), out);
        assertTrue(out.contains("line 4: '@acme/util@^1.0.0/prompts/Greet.prmd' points to prompts/Greet.prmd, which"
                + " @acme/util 1.0.0 (the version prompd.lock pins) does not have\n          hint: did you mean"
                + " 'prompts/greet.prmd'? correct the path"), out);
        assertTrue(out.endsWith("\n2 errors, 0 warnings\n"), out);
        inherit("@acme/util@^1.0.0/prompts\\\\greet");
        CliRun extensionLeftOff = prompd("validate");
        assertTrue(extensionLeftOff.out().contains("""
                  error   /inherits, line 4: '@acme/util@^1.0.0/prompts/greet' is not a prompt file, which ends in\
                 .prmd or .prompd
                          hint: did you mean '@acme/util@^1.0.0/prompts/greet.prmd'?
                """), extensionLeftOff.out());
        assertTrue(extensionLeftOff.out().endsWith("\n2 errors, 0 warnings\n"), extensionLeftOff.out());
    }

    @Test
    void anInheritedPromptWithoutItsExtensionIsOneErrorNamingIt() throws IOException {
        inherit("@acme/util@^1.0.0/prompts/greet");
        assertEquals(0, prompd("install").exitCode());

        CliRun run = prompd("validate");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("""
                prompts/hello.prmd
                  error   /inherits, line 4: '@acme/util@^1.0.0/prompts/greet' is not a prompt file, which ends in\
                 .prmd or .prompd
                          hint: did you mean '@acme/util@^1.0.0/prompts/greet.prmd'?
                """), run.out());
        assertEquals(1, run.out().split("error ", -1).length - 1, run.out());
    }

    /**
     * A dependency's path written as an absolute path (a Windows drive, a share, a leading '\\') or a home path
     * passed, or was told only to be written with '/', or stopped validate with an internal error: as only '..' led
     * out of a dependency, a prompt rendered on Windows, or by a tool that expands '~', read that file of the
     * machine's. Each is an error of its own, with exit 1.
     */
    @Test
    void aDependencysAbsoluteOrHomePathIsAnErrorThatItPointsOutsideIt() throws IOException {
        installWithContexts("@acme/util@^1.0.0/C:/Windows/win.ini", "@acme/util@^1.0.0/C:\\x.md",
                "@acme/util@^1.0.0/\\\\server\\share\\x.md", "@acme/util@^1.0.0/\\etc\\hostname",
                "@acme/util@^1.0.0/~/.ssh/id_rsa");

        CliRun run = prompd("validate");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        String why = "the path is the file's from the root of @acme/util, never an absolute path, a home path or a URL";
        assertEquals("""
                @acme/greeter@1.0.0: 5 files, 530 bytes unpacked
                prompts/ctx.prmd
                  error   /contexts/0, line 5: '@acme/util@^1.0.0/C:/Windows/win.ini' points outside @acme/util: %s
                          hint: refer only to files inside @acme/util, by their path from its root
                  error   /contexts/1, line 6: '@acme/util@^1.0.0/C:\\x.md' points outside @acme/util: %s
                          hint: refer only to files inside @acme/util, by their path from its root
                  error   /contexts/2, line 7: '@acme/util@^1.0.0/\\\\server\\share\\x.md' points outside @acme/util: %s
                          hint: refer only to files inside @acme/util, by their path from its root
                  error   /contexts/3, line 8: '@acme/util@^1.0.0/\\etc\\hostname' points outside @acme/util: %s
                          hint: refer only to files inside @acme/util, by their path from its root
                  error   /contexts/4, line 9: '@acme/util@^1.0.0/~/.ssh/id_rsa' points outside @acme/util: %s
                          hint: refer only to files inside @acme/util, by their path from its root
                5 errors, 0 warnings
                """.formatted(why, why, why, why, why), run.out().replace(System.lineSeparator(), "\n"));
        assertEquals("", run.err());
    }

    /** A context written as a file of a package is one with or without an extension, as an inherited file is. */
    @Test
    void contextsWithoutAnExtensionAreCheckedAsFilesOfTheirPackage() throws IOException {
        installWithContexts("@acme/util@^1.0.0/../../../../etc/passwd", "@acme/util@^1.0.0/prompts/nothere",
                "@zzz/notadep@^1.0.0/x", "@acme/util@^1.0.0/prompts/../README.md");

        CliRun run = prompd("validate");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("""
                prompts/ctx.prmd
                  error   /contexts/0, line 5: '@acme/util@^1.0.0/../../../../etc/passwd' has '..' in its path, which is\
                 not allowed in a package reference: the path is the file's from the root of @acme/util, and this one\
                 leads out of it
                          hint: refer only to files inside @acme/util, by their path from its root
                  error   /contexts/1, line 6: '@acme/util@^1.0.0/prompts/nothere' points to prompts/nothere, which\
                 @acme/util 1.0.0 (the version prompd.lock pins) does not have
                          hint: correct the path, or require a version of @acme/util that has the file
                  error   /contexts/2, line 7: '@zzz/notadep@^1.0.0/x' refers to @zzz/notadep, which is not a dependency\
                 of @acme/greeter
                          hint: add "@zzz/notadep": "^1.0.0" to "dependencies" in prompd.json, then run\
                 'prompd install', which tells whether the registry has such a version (validate works offline)
                  error   /contexts/3, line 8: '@acme/util@^1.0.0/prompts/../README.md' has '..' in its path, which is\
                 not allowed in a package reference: the path is the file's from the root of @acme/util
                          hint: write '@acme/util@^1.0.0/README.md'
                """), run.out());
        assertEquals(4, run.out().split("error ", -1).length - 1, run.out());
    }

    /**
     * A range that holds spaces makes the entry no less a file of its package, as in inherits; prose that only starts
     * with a mention stays text.
     */
    @Test
    void contextsWithASpacedRangeAreCheckedAsFilesOfTheirPackage() throws IOException {
        inherit("@acme/util@>=1.0.0 <2.0.0/prompts/greet.prmd");
        Files.writeString(pkg.resolve("prompts/ctx.prmd"), """
                ---
                id: ctx
                description: Takes contexts
                contexts:
                  - "@acme/util@>=1.0.0 <2.0.0/prompts/nothere.md"
                  - "@zzz/notadep@1.0.0 - 2.0.0/x.md"
                  - "@acme/util@>=1.0.0 <2.0.0/prompts/greet.prmd"
                  - "@alice/bob please review this"
                  - "@alice/bob@1 - 2/3 of it is done"
                ---
                Hi
                """);
        Path manifest = pkg.resolve("prompd.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"^1.0.0\"", "\">=1.0.0 <2.0.0\""));
        assertEquals(0, prompd("install").exitCode());

        CliRun run = prompd("validate");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("""
                prompts/ctx.prmd
                  error   /contexts/0, line 5: '@acme/util@>=1.0.0 <2.0.0/prompts/nothere.md' points to\
                 prompts/nothere.md, which @acme/util 1.0.0 (the version prompd.lock pins) does not have
                          hint: @acme/util 1.0.0 has README.md; correct the path, or require a version of @acme/util that\
                 has the file
                  error   /contexts/1, line 6: '@zzz/notadep@1.0.0 - 2.0.0/x.md' refers to @zzz/notadep, which is not a\
                 dependency of @acme/greeter
                          hint: add "@zzz/notadep": "1.0.0 - 2.0.0" to "dependencies" in prompd.json, then run\
                 'prompd install', which tells whether the registry has such a version (validate works offline)
                """), run.out());
        assertEquals(2, run.out().split("error ", -1).length - 1, run.out());
    }

    @Test
    void aFileTheInstalledVersionHasPasses() throws IOException {
        inherit("@acme/util@^1.0.0/prompts/greet.prmd");
        assertEquals(0, prompd("install").exitCode());

        CliRun run = prompd("validate");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().endsWith("no problems\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void withoutAnInstallOneLineSaysWhatWasNotChecked() throws IOException {
        inherit("@acme/util@^1.0.0/prompts/base.prmd");

        CliRun run = prompd("validate");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().endsWith("no problems\n"), run.out());
        assertEquals(NOT_CHECKED, run.err());
    }

    /** "ok": true with "problems": [] read as checked all: the notes on what was not are in the JSON too. */
    @Test
    void validateJsonNamesThePackagesWhoseFilesWentUnchecked() throws IOException {
        inherit("@acme/util@^1.0.0/prompts/base.prmd");

        CliRun run = prompd("validate", "--json");

        assertEquals(0, run.exitCode(), run.out());
        String message = NOT_CHECKED.substring("note: ".length(), NOT_CHECKED.length() - 1);
        assertTrue(run.out().contains("\"notes\": [\n    {\n      \"kind\": \"unchecked\",\n      \"message\": \""
                + message + "\",\n      \"packages\": [\n        \"@acme/util\"\n      ]\n    }\n  ]"), run.out());
        assertEquals(NOT_CHECKED, run.err());

        assertEquals(0, prompd("install").exitCode());
        Files.writeString(pkg.resolve("prompd.json"), Files.readString(pkg.resolve("prompd.json"))
                .replace("\"^1.0.0\"", "\"^2.0.0\""));
        CliRun outOfDate = prompd("validate", "--json");
        assertTrue(outOfDate.out().contains("\"kind\": \"lockOutOfDate\""), outOfDate.out());
    }

    @Test
    void aLockedVersionOutsideARaisedRangeGoesUncheckedSayingTheLockIsOutOfDate() throws IOException {
        inherit("@acme/util/prompts/base.prmd");
        assertEquals(0, prompd("install").exitCode());
        Files.writeString(pkg.resolve("prompd.json"), Files.readString(pkg.resolve("prompd.json"))
                .replace("\"^1.0.0\"", "\"^2.0.0\""));

        CliRun run = prompd("validate");

        assertEquals(0, run.exitCode(), run.out());
        assertEquals("note: prompd.lock is out of date for @acme/util" + STILL_HERE, run.err());
    }

    /**
     * 'prompd validate greeter' was told to run 'prompd install', then validate again: run where validate ran, the
     * install finds no project, and validate no package. Each command names the folder as given.
     */
    @Test
    void aPackageGivenByItsFolderIsToldToInstallThereAndValidateItAgain() throws IOException {
        inherit("@acme/util@^1.0.0/prompts/base.prmd");
        String again = "; run '(cd greeter && prompd install)', then 'prompd validate greeter' again\n";

        CliRun outside = CliRun.in(work, home, "validate", "greeter");
        assertEquals(0, outside.exitCode(), outside.out());
        assertEquals(NOT_CHECKED.replace(STILL_HERE, again), outside.err());

        assertEquals(0, prompd("install").exitCode());
        Files.writeString(pkg.resolve("prompd.json"), Files.readString(pkg.resolve("prompd.json"))
                .replace("\"^1.0.0\"", "\"^2.0.0\""));
        CliRun outOfDate = CliRun.in(work, home, "validate", "greeter");
        assertEquals("note: prompd.lock is out of date for @acme/util" + again, outOfDate.err());

        CliRun within = CliRun.in(pkg.resolve("prompts"), home, "validate", "..");
        assertEquals("note: prompd.lock is out of date for @acme/util; run 'prompd install', then 'prompd validate ..'"
                + " again\n", within.err(), "install finds the package from where validate ran");
    }

    /**
     * The hint to declare a package the prompts take from named prompd.json and said to run 'prompd install', which
     * run where 'prompd validate greeter' ran edits and installs no project of greeter's: it names greeter's, as the
     * note on its lock does, and so does pack's.
     */
    @Test
    void aPackageGivenByItsFolderIsToldToDeclareADependencyInItsOwnPrompdJson() throws IOException {
        inherit("@common/base-prompts@^2.0.0/prompts/base.prmd");
        String hint = "hint: add \"@common/base-prompts\": \"^2.0.0\" to \"dependencies\" in greeter/prompd.json, then"
                + " run '(cd greeter && prompd install)', which tells whether the registry has such a version"
                + " (validate works offline)";

        CliRun validate = CliRun.in(work, home, "validate", "greeter");
        CliRun pack = CliRun.in(work, home, "pack", "greeter");
        CliRun within = prompd("validate");

        assertEquals(1, validate.exitCode(), validate.out());
        assertTrue(validate.out().contains(hint), validate.out());
        assertEquals(1, pack.exitCode(), pack.err());
        assertTrue(pack.err().contains(hint), pack.err());
        assertTrue(within.out().contains("hint: add \"@common/base-prompts\": \"^2.0.0\" to"
                + " \"dependencies\" in prompd.json, then run 'prompd install', which"), within.out());
    }

    /** In a subfolder of the package, install finds the package above, but the prompd.json to edit is up there too. */
    @Test
    void aRunInASubfolderOfThePackageNamesItsPrompdJsonFromThere() throws IOException {
        inherit("@common/base-prompts@^2.0.0/prompts/base.prmd");
        Path prompts = pkg.resolve("prompts");

        CliRun bare = CliRun.in(prompts, home, "validate");
        CliRun parent = CliRun.in(prompts, home, "validate", "..");
        CliRun pack = CliRun.in(prompts, home, "pack", "..");

        String hint = "hint: add \"@common/base-prompts\": \"^2.0.0\" to \"dependencies\" in ../prompd.json, then run"
                + " 'prompd install', which tells";
        assertEquals(1, bare.exitCode(), bare.out());
        assertTrue(bare.out().contains(hint), bare.out());
        assertEquals(1, parent.exitCode(), parent.out());
        assertTrue(parent.out().contains(hint), parent.out());
        assertEquals(1, pack.exitCode(), pack.err());
        assertTrue(pack.err().contains(hint), pack.err());
    }

    /**
     * An installed package was told to run '(cd … && prompd install)', which refuses to write into it, and its hint to
     * declare a dependency named the prompd.json there: each now says to copy the package out of the store first.
     */
    @Test
    void anInstalledPackageIsToldToBeCopiedOutOfTheStoreToInstallAndValidateItThere() throws IOException {
        inherit("@acme/util@^1.0.0/prompts/base.prmd");
        Files.writeString(pkg.resolve("prompts/other.prmd"), """
                ---
                id: other
                description: Takes from an undeclared package
                inherits: "@common/base-prompts@^2.0.0/prompts/base.prmd"
                ---
                Hello.
                """);
        registry.publish(pkg);
        Path project = Files.createDirectories(work.resolve("project"));
        Files.writeString(project.resolve("prompd.json"), "{\"name\": \"project\", \"version\": \"1.0.0\"}\n");
        assertEquals(0, CliRun.in(project, home, "", Map.of("PROMPD_REGISTRY", registry.fileUrl().toString()),
                "install", "@acme/greeter").exitCode());
        Path installed = home.resolve("packages/@acme/greeter@1.0.0");
        String copyOut = "copy the package out of " + home.resolve("packages") + " first";

        String hint = "hint: add \"@common/base-prompts\": \"^2.0.0\" to \"dependencies\" in the prompd.json of a copy"
                + " of the package out of " + home.resolve("packages") + ", then run 'prompd install' in that copy,"
                + " which tells";

        CliRun given = CliRun.in(work, home, "validate", installed.toString());
        CliRun within = CliRun.in(installed.resolve("prompts"), home, "validate");
        CliRun pack = CliRun.in(work, home, "pack", installed.toString());

        for (CliRun run : List.of(given, within)) {
            assertEquals(1, run.exitCode(), run.out());
            assertTrue(run.out().contains(hint), run.out());
            assertEquals(NOT_CHECKED.replace(STILL_HERE, "; " + copyOut + ", then run 'prompd install' and 'prompd"
                    + " validate' in that copy\n"), run.err());
        }
        assertEquals(1, pack.exitCode(), pack.err());
        assertTrue(pack.err().contains(hint), pack.err());
    }

    @Test
    void aHomeThatIsAFileSkipsTheCheckWithTheNote() throws IOException {
        inherit("@acme/util@^1.0.0/prompts/base.prmd");
        Files.writeString(home, "not a folder");

        CliRun run = prompd("validate");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(NOT_CHECKED, run.err());
    }

    @Test
    void anEmptyRegistryOptionDoesNotKeepTheCheckFromTheStore() throws IOException {
        inherit("@acme/util@^1.0.0/prompts/base.prmd");
        assertEquals(0, prompd("install").exitCode());

        CliRun run = prompd("validate", "--registry", "");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("which @acme/util 1.0.0 (the version prompd.lock pins) does not have"),
                run.out());
    }

    /** Publishes @acme/util 1.1.0 with these files beside its prompd.json. */
    private void publishUtil(Map<String, String> files) throws IOException {
        Path util = Files.createDirectories(work.resolve("util"));
        Files.writeString(util.resolve("prompd.json"), """
                {"name": "@acme/util", "version": "1.1.0", "description": "Parts", "license": "MIT"}
                """);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(util.resolve(file.getKey()).getParent());
            Files.writeString(util.resolve(file.getKey()), file.getValue());
        }
        registry.publish(util);
    }

    /**
     * A file of the dependency that none of its own prompts loads was published unchecked; included, it renders in
     * this package's prompt, which it breaks, and it reads the prompt's variables.
     */
    @Test
    void aFileTheTemplateIncludesFromTheInstalledVersionIsCheckedAsATemplateThere() throws IOException {
        publishUtil(Map.of("parts/broken.md", "{% if urgent %}URGENT: {{ summary | uper }}\n",
                "parts/tone.md", "{% if style == \"formal\" %}Formally.{% endif %}\n"));
        Files.createDirectories(pkg.resolve("prompts"));
        Files.writeString(pkg.resolve("prompts/hello.prmd"), """
                ---
                id: hello
                description: Says hello
                parameters:
                  - name: urgent
                  - name: summary
                ---
                Hello.
                {% include "@acme/util@^1.0.0/parts/broken.md" %}
                {% include "@acme/util@^1.0.0/parts/tone.md" %}
                """);
        assertEquals(0, prompd("install").exitCode());

        CliRun run = prompd("validate");

        assertEquals(1, run.exitCode(), run.out());
        assertEquals("""
                @acme/greeter@1.0.0: 4 files, 366 bytes unpacked
                prompts/hello.prmd
                  error   line 9: @acme/util 1.1.0's parts/broken.md, which this includes, at its line 1: the template\
                 does not render: no filter named 'uper' in Jinja, Nunjucks or Prompd
                          hint: include another file or another version of @acme/util, or ask its owners to fix it in a\
                 new version (did you mean 'upper'?)
                  error   line 9: @acme/util 1.1.0's parts/broken.md, which this includes, at its line 1: the template\
                 does not render: {% if %} is never closed
                          hint: include another file or another version of @acme/util, or ask its owners to fix it in a\
                 new version (add {% endif %} where the block ends)
                  warning line 10: @acme/util 1.1.0's parts/tone.md, at its line 1: the variable 'style' is used but\
                 not declared as a parameter of prompts/hello.prmd, which includes this file
                          hint: declare it under "parameters" of prompts/hello.prmd, or fix its spelling, or include\
                 another file or another version of @acme/util
                2 errors, 1 warning
                """, run.out());
    }

    /**
     * The prompt inherited from the installed version, and the one it inherits in turn within its package, are read:
     * a variable either declares is declared, and one neither declares is told as any other undeclared one.
     */
    @Test
    void aVariableThePromptInheritedFromTheInstalledVersionDeclaresIsDeclared() throws IOException {
        publishUtil(Map.of("prompts/root.prmd", """
                ---
                id: root
                description: The root
                parameters:
                  - name: tone
                ---
                Be {{ tone }}.
                """, "prompts/writer.prmd", """
                ---
                id: writer
                description: Writes
                inherits: "./root.prmd"
                parameters:
                  - name: audience
                ---
                Write for {{ audience }}.
                """));
        inherit("@acme/util@^1.0.0/prompts/writer.prmd", "Hello {{ audience }}, {{ tone }} {{ reader }}.\n");
        assertEquals(0, prompd("install").exitCode());

        CliRun run = prompd("validate");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().endsWith("""
                prompts/hello.prmd
                  warning line 6: the variable 'reader' is used in the body but not declared as a parameter
                          hint: declare it under "parameters", or fix its spelling (the inherited prompt\
                 @acme/util@^1.0.0/prompts/writer.prmd does not declare it either, in @acme/util 1.1.0)
                0 errors, 1 warning
                """), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aLockedVersionRemovedFromTheStoreGoesUnchecked() throws IOException {
        inherit("@acme/util@^1.0.0/prompts/base.prmd");
        assertEquals(0, prompd("install").exitCode());
        assertEquals(0, prompd("uninstall", "--global", "@acme/util").exitCode());

        CliRun run = prompd("validate");

        assertEquals(0, run.exitCode(), run.out());
        assertEquals(NOT_CHECKED, run.err());
    }
}
