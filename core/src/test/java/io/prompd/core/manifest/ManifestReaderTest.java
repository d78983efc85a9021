package io.prompd.core.manifest;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestReaderTest {

    private static final String MINIMAL = """
            {"name": "@acme/prompts", "version": "1.0.0", "description": "d", "license": "MIT"
            """;

    static ManifestResult read(String json) {
        return ManifestReader.read("prompd.json", json.getBytes(StandardCharsets.UTF_8), PLAIN);
    }

    /** The minimal valid manifest with more fields; {@code more} starts with a comma. */
    static ManifestResult readWith(String more) {
        return read(MINIMAL.strip() + more + "}");
    }

    static Problem only(ManifestResult result, Severity severity, String pointer) {
        List<Problem> matching = result.problems().stream()
                .filter(problem -> problem.severity() == severity && problem.pointer().equals(pointer))
                .toList();
        assertEquals(1, matching.size(), () -> "one " + severity + " at " + pointer + " in " + result.problems());
        return matching.get(0);
    }

    @Test
    void aManifestOverItsLimitIsAnErrorWhateverItsFieldsHoldAndOneAtTheLimitPasses() {
        String keywords = ", \"keywords\": [" + "\"kw\",".repeat(20_000) + "\"kw\"]";
        ManifestResult tooLarge = readWith(", \"author\": \"" + "a".repeat(ManifestReader.MAX_BYTES) + "\"");

        Problem problem = only(tooLarge, Severity.ERROR, "");
        assertTrue(problem.message().startsWith("the manifest has 64.1 KiB, more than the limit of 64.0 KiB"),
                problem.message());
        assertTrue(problem.hint().contains("the description first"), problem.hint());
        assertTrue(tooLarge.manifest().isEmpty());
        assertEquals(1, readWith(keywords).problems().stream().filter(Problem::isError).count());

        String atLimit = MINIMAL.strip() + ", \"author\": \"\"}";
        String padded = MINIMAL.strip() + ", \"author\": \"" + "a".repeat(ManifestReader.MAX_BYTES - atLimit.length())
                + "\"}";
        assertEquals(ManifestReader.MAX_BYTES, padded.length());
        assertTrue(read(padded).manifest().isPresent(), () -> read(padded).problems().toString());
    }

    @Test
    void readsEveryKnownField() throws IOException {
        String everyField = """
                {
                  "name": "@acme/prompts",
                  "version": "1.2.3-beta.1",
                  "description": "Prompts for Acme",
                  "author": {"name": "Ada", "email": "ada@acme.io", "url": "https://acme.io"},
                  "license": "(MIT OR Apache-2.0)",
                  "keywords": ["acme", "sales"],
                  "category": "sales",
                  "main": "prompts/main.prmd",
                  "prompts": {"summary": "prompts/summary.prmd", "main": "prompts/main.prmd"},
                  "dependencies": {"@prompd/core": "^0.0.2", "helpers": "~1.2"},
                  "engines": {"prompd": ">=0.1"},
                  "repository": {"type": "git", "url": "https://github.com/acme/prompts"},
                  "files": ["prompts/", "README.md"],
                  "ignore": ["*.log"],
                  "readme": "README.md",
                  "type": "prompts"
                }
                """;
        List<String> written = new ArrayList<>();
        Json.reader().readTree(everyField).fieldNames().forEachRemaining(written::add);
        assertEquals(ManifestFields.KNOWN, written, "a field added to ManifestFields.KNOWN is read here too");

        ManifestResult result = read(everyField);

        assertEquals(List.of(), result.problems());
        Manifest manifest = result.manifest().orElseThrow();
        assertEquals(PackageName.parse("@acme/prompts"), manifest.name());
        assertEquals(Version.parse("1.2.3-beta.1"), manifest.version());
        assertEquals(Optional.of("Prompts for Acme"), manifest.description());
        assertEquals(Optional.of(new Person("Ada", "ada@acme.io", "https://acme.io")), manifest.author());
        assertEquals(Optional.of("(MIT OR Apache-2.0)"), manifest.license());
        assertEquals(List.of("acme", "sales"), manifest.keywords());
        assertEquals(Optional.of("sales"), manifest.category());
        assertEquals(Optional.of("prompts/main.prmd"), manifest.main());
        assertEquals(List.of("main", "summary"), List.copyOf(manifest.prompts().keySet()));
        assertEquals(Map.of(PackageName.parse("@prompd/core"), VersionRange.parse("^0.0.2"),
                PackageName.parse("helpers"), VersionRange.parse("~1.2")), manifest.dependencies());
        assertEquals(Map.of("prompd", ">=0.1"), manifest.engines());
        assertEquals(Optional.of(new Repository("git", "https://github.com/acme/prompts")), manifest.repository());
        assertEquals(List.of("prompts/", "README.md"), manifest.files());
        assertEquals(List.of("*.log"), manifest.ignore());
        assertEquals(Optional.of("README.md"), manifest.readme());
        assertEquals(Optional.of("prompts"), manifest.type());
        assertTrue(manifest.extra().isEmpty());
    }

    @Test
    void malformedJsonIsOneErrorWithLineAndColumn() {
        ManifestResult result = read("{\n  \"name\": \"a\",\n  \"version\": 1.0.0\n}");

        Problem problem = result.problems().get(0);
        assertEquals(1, result.problems().size());
        assertEquals(Severity.ERROR, problem.severity());
        assertEquals(3, problem.line());
        assertEquals("not valid JSON (column 17): expected ',' or '}' after a field", problem.message());
        assertTrue(result.manifest().isEmpty());
        assertEquals(ManifestDraft.empty(), result.draft());
    }

    @Test
    void gitMergeConflictMarkersAreNamedAtTheFirstOne() {
        ManifestResult result = read("{\n  \"name\": \"@a/b\",\n<<<<<<< HEAD\n  \"version\": \"1.1.0\"\n=======\n"
                + "  \"version\": \"1.2.0\"\n>>>>>>> feature\n}\n");

        Problem problem = result.problems().get(0);
        assertEquals(1, result.problems().size());
        assertEquals(3, problem.line());
        assertEquals("a Git merge left conflict markers here (<<<<<<<, =======, >>>>>>>)", problem.message());
    }

    @Test
    void aFieldGivenAgainIsAnErrorAtItsLineAndTheLastOneCounts() {
        ManifestResult result = read("{\"name\": \"@acme/a\",\n\"version\": \"1.0.0\",\n\"name\": \"@acme/b\"}");

        Problem problem = only(result, Severity.ERROR, "/name");
        assertEquals("the field 'name' is given again in the same object, first on line 1: prompd reads the last one"
                + " given", problem.message());
        assertEquals("keep one of them, the one meant", problem.hint());
        assertEquals(3, problem.line());
        assertEquals(Optional.of(PackageName.parse("@acme/b")), result.draft().name());
        assertTrue(result.manifest().isEmpty());
    }

    @Test
    void aFieldGivenAgainLeavesTheRestReadAndItsProblemsReported() {
        ManifestResult result = read("""
                {
                  "name": "@acme/a",
                  "version": "1.0.0",
                  "description": "d",
                  "license": "Apache 2.0",
                  "dependencies": {"@acme/base": "^2.0.0", "@acme/base": "^3.0.0"},
                  "description": "d again"
                }
                """);

        assertEquals(List.of("/dependencies/@acme~1base:6", "/description:7", "/license:5"), result.problems().stream()
                .filter(Problem::isError).map(problem -> problem.pointer() + ":" + problem.line()).sorted().toList());
        assertEquals(Map.of(PackageName.parse("@acme/base"), VersionRange.parse("^3.0.0")),
                result.draft().dependencies());
        assertEquals("the field 'dependencies/@acme/base' is given again in the same object, first on line 6: prompd"
                + " reads the last one given", only(result, Severity.ERROR, "/dependencies/@acme~1base").message());
    }

    @Test
    void contentAfterTheObjectIsAnError() {
        ManifestResult result = read("{\"name\": \"a\", \"version\": \"1.0.0\"}\n{}");

        assertTrue(result.hasErrors());
        assertTrue(result.problems().get(0).message().contains("after the end"), result.problems().toString());
    }

    @Test
    void anEmptyFileIsAnError() {
        assertEquals("the manifest is empty", only(read(" \n"), Severity.ERROR, "").message());
    }

    @Test
    void theDocumentMustBeAnObject() {
        ManifestResult result = read("[\"name\"]");

        assertEquals("the manifest must be a JSON object, not an array", only(result, Severity.ERROR, "").message());
    }

    @Test
    void nameAndVersionAreRequiredAndBothAreReported() {
        ManifestResult result = read("{\"description\": \"d\", \"license\": \"MIT\"}");

        assertEquals("the required field 'name' is missing", only(result, Severity.ERROR, "/name").message());
        assertEquals("the required field 'version' is missing", only(result, Severity.ERROR, "/version").message());
        assertTrue(result.manifest().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            /license      | ,"license": 1             | 'license' must be a string, not a number
            /description  | ,"description": true      | 'description' must be a string, not a boolean
            /author       | ,"author": []             | 'author' must be a string or an object {name, email, url}, not an array
            /keywords     | ,"keywords": "a"          | 'keywords' must be an array of strings, not a string
            /prompts      | ,"prompts": ["a"]         | 'prompts' must be an object of strings, not an array
            /dependencies | ,"dependencies": ["a"]    | 'dependencies' must be an object of package names to version ranges, not an array
            /repository   | ,"repository": 1          | 'repository' must be a URL string or an object {type, url}, not a number
            /files        | ,"files": {}              | 'files' must be an array of strings, not an object
            /main         | ,"main": null             | 'main' must be a string, not a null
            /engines/node | ,"engines": {"node": 18} | 'engines/node' must be a string, not a number
            /ignore/0     | ,"ignore": [true]         | 'ignore/0' must be a string, not a boolean
            /category     | ,"category": {}           | 'category' must be a string, not an object
            /readme       | ,"readme": ["a"]          | 'readme' must be a string, not an array
            /type         | ,"type": 2                | 'type' must be a string, not a number
            """)
    void aFieldOfTheWrongTypeNamesTheExpectedType(String pointer, String field, String message) {
        ManifestResult result = read("{\"name\": \"a\", \"version\": \"1.0.0\"" + field + "}");

        assertEquals(message, only(result, Severity.ERROR, pointer).message());
    }

    @Test
    void aFieldOfTheWrongTypeIsToldHowToWriteOne() {
        assertEquals("write a string there, in quotes", only(read("{\"name\": \"a\","
                + " \"version\": \"1.0.0\", \"engines\": {\"node\": 18}}"), Severity.ERROR, "/engines/node").hint());
        assertEquals("write an array of strings there, such as \"keywords\": [\"sql\", \"explain\"]",
                only(read("{\"name\":"
                + " \"a\", \"version\": \"1.0.0\", \"keywords\": \"a\"}"), Severity.ERROR, "/keywords").hint());
        assertEquals("write a string there, in quotes", only(read("{\"name\": \"a\","
                + " \"version\": \"1.0.0\", \"ignore\": [true]}"), Severity.ERROR, "/ignore/0").hint());
    }

    @Test
    void nameAndVersionMustBeStrings() {
        ManifestResult result = read("{\"name\": 1, \"version\": 1.0}");

        assertEquals("'name' must be a string, not a number", only(result, Severity.ERROR, "/name").message());
        assertEquals("'version' must be a string, not a number", only(result, Severity.ERROR, "/version").message());
    }

    @Test
    void anInvalidNameIsAnErrorOnItsLine() {
        ManifestResult result = read("{\n\"version\": \"1.0.0\",\n\"name\": \"@Acme/Prompts\"\n}");

        Problem problem = only(result, Severity.ERROR, "/name");
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("use only lowercase letters a-z"), problem.message());
        assertTrue(result.draft().name().isEmpty());
    }

    @Test
    void aVersionMustBeStrictSemVer() {
        ManifestResult result = read("{\"name\": \"a\", \"version\": \"v1.0\"}");

        assertTrue(only(result, Severity.ERROR, "/version").message().contains("not a SemVer 2.0 version"));
    }

    /** A project's title as its name, or npm's and pip's short versions: the hint gives the value to write. */
    @Test
    void aNameWithCapitalsAndSpacesOrAShortVersionIsHintedTheValueMeant() {
        ManifestResult result = read("{\"name\": \"My Prompt  Kit\", \"version\": \"1.0\"}");

        assertEquals("package names are lower case and write '-' for a space, so write \"name\": \"my-prompt-kit\"",
                only(result, Severity.ERROR, "/name").hint());
        assertEquals("write \"version\": \"1.0.0\"", only(result, Severity.ERROR, "/version").hint());
        assertEquals("write \"version\": \"2.0.0\"",
                only(read("{\"name\": \"a\", \"version\": \"2\"}"), Severity.ERROR, "/version").hint());
        assertEquals("", only(read("{\"name\": \"a\", \"version\": \"01.0\"}"), Severity.ERROR, "/version").hint());
    }

    @Test
    void aDependencyNameMustBeValidAndItsPointerIsEscaped() {
        ManifestResult result = readWith(", \"dependencies\": {\"@A/b\": \"^1.0.0\", \"ok\": \"1.0.0\"}");

        assertTrue(only(result, Severity.ERROR, "/dependencies/@A~1b").message()
                .contains("invalid package name '@A/b'"));
        assertEquals(Map.of(PackageName.parse("ok"), VersionRange.parse("1.0.0")), result.draft().dependencies());
    }

    @Test
    void aDependencyRangeMustParse() {
        ManifestResult result = readWith(", \"dependencies\": {\"@acme/x\": \">=99999999999999999999\"}");

        assertTrue(only(result, Severity.ERROR, "/dependencies/@acme~1x").message()
                .contains("not a valid version range"));
    }

    @Test
    void aDistTagAsADependencyIsRefusedWithTheWayToTheRangeToWriteInsteadAndNoInstallWhichTheFileWouldStop() {
        ManifestResult result = readWith(", \"dependencies\": {\"@acme/x\": \"latest\", \"@acme/y\": \"1.x.y\"}");

        assertEquals("dist-tags are for the command line, not prompd.json: write a range in its place, such as ^1.2.0"
                + " ('prompd info @acme/x' shows the version each of its dist-tags points to)",
                only(result, Severity.ERROR, "/dependencies/@acme~1x").hint());
        assertEquals("use a range such as ^1.2.0 or ~1.2.3",
                only(result, Severity.ERROR, "/dependencies/@acme~1y").hint());
    }

    @Test
    void aGitUrlOrFolderAsADependencyIsRefusedSayingThatPackagesComeFromRegistries() {
        for (String source : List.of("github:acme/x", "git+https://example.org/x.git", "file:../x")) {
            ManifestResult result = readWith(", \"dependencies\": {\"@acme/x\": \"" + source + "\"}");

            assertEquals("prompd installs packages from registries only, not from Git, URLs or folders: publish @acme/x"
                    + " to a registry and use a range such as ^1.2.0",
                    only(result, Severity.ERROR, "/dependencies/@acme~1x")
                    .hint(), source);
        }
    }

    /** An alias names a registry's package: told it came from Git, a URL or a folder, its author was misled. */
    @Test
    void anNpmAliasAsADependencyIsRefusedWithThePackageUnderItsOwnName() {
        ManifestResult result = readWith(", \"dependencies\": {\"@acme/x\": \"npm:@acme/tiny@^0.0.1\","
                + " \"@acme/y\": \"npm:@acme/small\"}");

        assertEquals("aliases (npm:) are not supported: depend on @acme/tiny under its own name, as in \"@acme/tiny\":"
                + " \"^0.0.1\"", only(result, Severity.ERROR, "/dependencies/@acme~1x").hint());
        assertEquals("aliases (npm:) are not supported: depend on @acme/small under its own name, as in"
                + " \"@acme/small\": \"^1.2.0\"", only(result, Severity.ERROR, "/dependencies/@acme~1y").hint());
    }

    @Test
    void prompdsEngineIsAVersionRangeAndOtherEnginesAreAsWritten() {
        ManifestResult result = readWith(", \"engines\": {\"prompd\": \"latest\", \"gpt-4o\": \"2024-08-06\"}");

        assertTrue(only(result, Severity.ERROR, "/engines/prompd").message().contains("not a valid version range"));
        assertEquals(Map.of("gpt-4o", "2024-08-06", "prompd", "latest"), result.draft().engines());
    }

    @Test
    void aPackageMayNotDependOnItself() {
        ManifestResult result = readWith(", \"dependencies\": {\"@acme/prompts\": \"1.0.0\"}");

        assertEquals("the package depends on itself",
                only(result, Severity.ERROR, "/dependencies/@acme~1prompts").message());
    }

    @Test
    void aMissingLicenseIsAWarning() {
        ManifestResult result = read("{\"name\": \"a\", \"version\": \"1.0.0\", \"description\": \"d\"}");

        assertTrue(only(result, Severity.WARNING, "/license").message().contains("no license"));
        assertTrue(result.manifest().isPresent());
    }

    @Test
    void anInvalidLicenseExpressionIsAnError() {
        ManifestResult result = read("{\"name\": \"a\", \"version\": \"1.0.0\", \"description\": \"d\","
                + " \"license\": \"MIT AND\"}");

        assertTrue(only(result, Severity.ERROR, "/license").message().contains("not a valid SPDX license expression"));
    }

    @Test
    void anUnknownLicenseIsAWarningWithASuggestion() {
        ManifestResult result = read("{\"name\": \"a\", \"version\": \"1.0.0\", \"description\": \"d\","
                + " \"license\": \"MTI\"}");

        assertEquals("'MTI' is not a known SPDX license identifier; did you mean MIT?",
                only(result, Severity.WARNING, "/license").message());
    }

    @Test
    void unknownFieldsAreWarnedAboutAndKept() {
        ManifestResult result = readWith(", \"devDependencies\": {\"x\": \"1\"}, \"dependancies\": {}");

        assertEquals("unknown field 'devDependencies'", only(result, Severity.WARNING, "/devDependencies").message());
        assertEquals("did you mean 'dependencies'?", only(result, Severity.WARNING, "/dependancies").hint());
        Manifest manifest = result.manifest().orElseThrow();
        assertEquals(List.of("dependancies", "devDependencies"), List.copyOf(manifest.extra().keySet()));
        assertEquals("1", manifest.extra().get("devDependencies").get("x").textValue());
    }

    @Test
    void aMissingDescriptionIsAWarning() {
        ManifestResult result = read("{\"name\": \"a\", \"version\": \"1.0.0\", \"license\": \"MIT\"}");

        assertEquals("the manifest has no description, which a registry requires to publish the package",
                only(result, Severity.WARNING, "/description").message());
    }

    @Test
    void keywordsMustBeStrings() {
        ManifestResult result = readWith(", \"keywords\": [\"a\", 2]");

        assertEquals("'keywords/1' must be a string, not a number",
                only(result, Severity.ERROR, "/keywords/1").message());
        assertEquals(List.of("a"), result.draft().keywords());
    }

    @Test
    void aBlankKeywordAndOneRepeatedInAnotherCaseAreWarnedOfAndKept() {
        ManifestResult result = readWith(", \"keywords\": [\"sql\", \" \", 2, \"SQL\", \"explain\"]");

        assertEquals("keyword 1 is blank, so it describes nothing",
                only(result, Severity.WARNING, "/keywords/1").message());
        Problem repeated = only(result, Severity.WARNING, "/keywords/3");
        assertEquals("keyword 3 'SQL' repeats keyword 0 'sql'", repeated.message());
        assertEquals("remove it", repeated.hint());
        assertEquals(List.of("sql", " ", "SQL", "explain"), result.draft().keywords());
    }

    @Test
    void anEmptyOptionalTextCountsAsAbsentWithAWarning() {
        ManifestResult result = readWith(", \"repository\": \"\"");

        assertEquals("'repository' is empty, so prompd treats it as absent",
                only(result, Severity.WARNING, "/repository").message());
        assertEquals(Optional.empty(), result.manifest().orElseThrow().repository());
    }

    @Test
    void anEmptyFilesListIsAWarningThatEveryFileIsPacked() {
        ManifestResult result = readWith(",\n\"files\": []");

        assertEquals(Problem.warning("prompd.json", "/files",
                "'files' is empty, so it restricts nothing and every file of"
                + " the package is packed", "list the files to pack in it, or remove it").atLine(2),
                only(result, Severity.WARNING, "/files"));
        assertEquals(List.of(), result.manifest().orElseThrow().files());
    }

    @Test
    void aRepositoryUrlAloneIsAGitRepository() {
        assertEquals(Optional.of(Repository.git("https://x.io/r.git")),
                readWith(", \"repository\": \"https://x.io/r.git\"").manifest().orElseThrow().repository());
        assertEquals(Optional.of(Repository.git("https://x.io/r.git")),
                readWith(", \"repository\": {\"url\": \"https://x.io/r.git\"}").manifest().orElseThrow().repository());
    }

    /** npm's directory of a package in a repository of many, which the registry's documents carry on. */
    @Test
    void aRepositoryKeepsTheDirectoryOfThePackageInIt() {
        assertEquals(Optional.of(new Repository("git", "https://x.io/r.git", "packages/b")),
                readWith(", \"repository\": {\"type\": \"git\", \"url\": \"https://x.io/r.git\", \"directory\":"
                        + " \"packages/b\"}").manifest().orElseThrow().repository());
        ManifestResult blank = readWith(", \"repository\": {\"url\": \"https://x.io/r.git\", \"directory\": \" \"}");
        assertEquals(Optional.of(Repository.git("https://x.io/r.git")), blank.manifest().orElseThrow().repository());
        assertEquals(Severity.WARNING, only(blank, Severity.WARNING, "/repository/directory").severity());
    }

    /** A repository's URL is a link wherever it is shown: one a browser would run or read locally is refused. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"javascript:alert(1)\"                     | /repository     | 'repository' | javascript:",
            "{\"url\": \"JavaScript:alert(1)\"}          | /repository/url | 'repository/url' | javascript:",
            "{\"type\": \"git\", \"url\": \"data:text/html,x\"} | /repository/url | 'repository/url' | data:",
            "\"file:///etc/passwd\"                      | /repository     | 'repository' | file:",
            "\"  java\\tscript:alert(1)\"                 | /repository     | 'repository' | javascript:",
            "\"npm:@acme/prompts\"                       | /repository     | 'repository' | npm:"})
    void aRepositoryUrlOfAnotherSchemeThanARepositorysIsRefused(String repository, String pointer, String field,
                                                               String scheme) {
        ManifestResult result = readWith(", \"repository\": " + repository);

        Problem refused = only(result, Severity.ERROR, pointer);
        assertTrue(refused.message().startsWith(field + " has the scheme " + scheme + ", which no repository's"
                + " address has: the schemes allowed are https:, http:, git:, ssh:, git+https:, git+ssh: and"
                + " git+http:"), refused.message());
        assertEquals("write the address of the package's sources, such as https://github.com/owner/repo",
                refused.hint());
        assertEquals(Optional.empty(), result.draft().repository());
    }

    /**
     * npm reads {@code owner/repo} as {@code github:owner/repo}, whose scheme a browser knows not, and a browser reads
     * it as a link relative to the page: both are refused alike, the hint giving the repository's web address.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "github:acme/prompts | 'repository' has the scheme github:, which no | https://github.com/acme/prompts",
            "acme/prompts        | 'repository' is npm's shorthand owner/repo of | https://github.com/acme/prompts",
            "acme/prompts#v1     | 'repository' is npm's shorthand owner/repo of | https://github.com/acme/prompts",
            "gitlab:acme/prompts | 'repository' has the scheme gitlab:, which no | https://gitlab.com/acme/prompts"})
    void npmsShorthandOfARepositoryIsRefusedWithItsAddress(String url, String message, String address) {
        ManifestResult result = readWith(", \"repository\": \"" + url + "\"");

        Problem refused = only(result, Severity.ERROR, "/repository");
        assertTrue(refused.message().startsWith(message), refused.message());
        assertEquals("write the address of the package's sources, " + address, refused.hint());
        assertEquals(Optional.empty(), result.draft().repository());
    }

    /**
     * git's scp address without a user, {@code host:path}, reads in a browser as of the scheme {@code host:}, so it is
     * refused too, but as what it is, the hint giving the two ways to write it that a browser follows.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "github.com:o/r.git       | github.com  | git@github.com:o/r.git       | https://github.com/o/r.git",
            "git.acme.io:/srv/prompts | git.acme.io | git@git.acme.io:/srv/prompts | https://git.acme.io/srv/prompts"})
    void aRepositoryUrlThatIsAnScpAddressWithoutAUserIsRefusedAsOne(String url, String scheme, String withUser,
                                                                   String overHttps) {
        ManifestResult result = readWith(", \"repository\": {\"url\": \"" + url + "\"}");

        Problem refused = only(result, Severity.ERROR, "/repository/url");
        assertEquals("'repository/url' is " + url + ", git's scp address without a user: a browser follows it as a"
                + " link of the scheme " + scheme + ":, which no repository's address has; the schemes allowed are"
                + " https:, http:, git:, ssh:, git+https:, git+ssh: and git+http:", refused.message());
        assertEquals("write it with a user, " + withUser + ", or as " + overHttps, refused.hint());
        assertEquals(Optional.empty(), result.draft().repository());
    }

    /**
     * A host, a port and a path is a URL without its scheme, or git's scp address whose path starts with a number, as
     * git reads it: the hint gives both.
     */
    @Test
    void aRepositoryUrlThatIsAHostPortAndPathIsRefusedAsAUrlWithoutItsScheme() {
        ManifestResult result = readWith(", \"repository\": \"git.example.com:8443/team/repo\"");

        Problem refused = only(result, Severity.ERROR, "/repository");
        assertEquals("'repository' is a host, a port and a path without a scheme: a browser follows it as a link of"
                + " the scheme git.example.com:, which no repository's address has; the schemes allowed are https:,"
                + " http:, git:, ssh:, git+https:, git+ssh: and git+http:", refused.message());
        assertEquals("write it with its scheme, https://git.example.com:8443/team/repo, or, if git clones it as an"
                + " scp address with the path 8443/team/repo, as git@git.example.com:8443/team/repo", refused.hint());
        assertEquals(Optional.empty(), result.draft().repository());
    }

    /** Without a scheme, a URL is a link relative to the page showing it, whatever it looks like. */
    @ParameterizedTest
    @ValueSource(strings = {"./acme/prompts", "../acme/prompts", "/acme/prompts", "@acme/prompts",
        "acme/prompts/tree/main"})
    void aRepositoryUrlWithoutASchemeIsRefusedAsARelativeLink(String url) {
        ManifestResult result = readWith(", \"repository\": \"" + url + "\"");

        Problem refused = only(result, Severity.ERROR, "/repository");
        assertEquals("'repository' has no scheme: a browser follows it as a link relative to the page showing it; the"
                + " schemes allowed are https:, http:, git:, ssh:, git+https:, git+ssh: and git+http:",
                refused.message());
        assertEquals("write the address of the package's sources, such as https://github.com/owner/repo",
                refused.hint());
    }

    @Test
    void aRepositoryUrlThatIsADotlessHostAPortAndAPathIsRefusedAsAUrlWithoutItsScheme() {
        Problem refused = only(readWith(", \"repository\": \"localhost:3000/acme/prompts\""), Severity.ERROR,
                "/repository");

        assertTrue(refused.message().startsWith("'repository' is a host, a port and a path without a scheme: a"
                + " browser follows it as a link of the scheme localhost:"), refused.message());
        assertEquals("write it with its scheme, https://localhost:3000/acme/prompts", refused.hint());
    }

    /**
     * A page joins the directory to the repository's address: it is a path inside, in '/' between folders, in normal
     * form. A URL, a home folder's path and an empty folder were kept.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "packages\\\\tone | has a backslash   | write 'packages/tone'",
            "/abs/tone         | is absolute       | write it as from the repository's root, such as",
            "C:/repo/tone      | is absolute       | write it as from the repository's root, such as",
            "packages/../tone  | has a '..' folder | write it as from the repository's root, such as",
            "packages//tone    | has '//'          | write 'packages/tone'",
            "./packages/tone   | has '.'           | write 'packages/tone'",
            "packages/tone/    | has a final '/'   | write 'packages/tone'",
            ".                 | has '.'           | leave 'directory' out: the package is at the repository's root",
            "~/x               | starts with '~', a home folder | write it as from the repository's root, such as",
            "https://x/y       | is a URL          | write it as from the repository's root, such as",
            "C:                | is absolute       | write it as from the repository's root, such as",
            "%2e%2e/x          | has '%', which a link to the folder reads as the start of an escape ('%2e' as '.')"
                    + " | write the folders' names as they are, without escapes, such as \"directory\":"
                    + " \"packages/tone\"",
            "packages/tone%20kit | has '%', which a link to the folder reads as the start of an escape ('%2e' as"
                    + " '.') | write the folders' names as they are, without escapes"})
    void aRepositoryDirectoryThatIsNoFolderFromTheRepositorysRootIsRefused(String directory, String wrong,
                                                                          String hint) {
        ManifestResult result = readWith(", \"repository\": {\"url\": \"https://github.com/acme/p\","
                + " \"directory\": \"" + directory + "\"}");

        Problem refused = only(result, Severity.ERROR, "/repository/directory");
        assertEquals("'repository/directory' " + wrong + ": it is the package's folder in the repository, from the"
                + " repository's root, with '/' between folders", refused.message());
        assertTrue(refused.hint().startsWith(hint), refused.hint());
        assertEquals(Optional.empty(), result.manifest());
    }

    /** A colon inside a folder's name is no drive: a link to the folder takes it as it is. */
    @ParameterizedTest
    @ValueSource(strings = {"packages/tone", "x:y", "packages/a:b", "C:x"})
    void aRepositoryDirectoryFromTheRootIsKept(String directory) {
        assertEquals(Optional.of(new Repository("git", "https://github.com/acme/p", directory)), readWith(
                ", \"repository\": {\"url\": \"https://github.com/acme/p\", \"directory\": \"" + directory + "\"}")
                .manifest().orElseThrow().repository());
    }

    /** A host and a path without a scheme would be a link relative to the page showing it, as npm's shorthand. */
    @ParameterizedTest
    @ValueSource(strings = {"github.com/acme/prompts", "git.acme.io/team/prompts.git", "gitlab.com/acme"})
    void aRepositoryUrlThatIsAHostAndAPathIsRefusedAsAUrlWithoutItsScheme(String url) {
        ManifestResult result = readWith(", \"repository\": {\"url\": \"" + url + "\"}");

        Problem refused = only(result, Severity.ERROR, "/repository/url");
        assertEquals("'repository/url' is a host and a path without a scheme: a browser follows it as a link relative"
                + " to the page showing it; the schemes allowed are https:, http:, git:, ssh:, git+https:, git+ssh:"
                + " and git+http:", refused.message());
        assertEquals("write it with its scheme, https://" + url, refused.hint());
        assertEquals(Optional.empty(), result.draft().repository());
    }

    /**
     * An IP address as the host, which no scheme can be, so a browser follows it as a relative link: it was told it has
     * no scheme, or taken for npm's shorthand of a GitHub repository, with no hint of the URL meant.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1:8080/x          | a host, a port and a path",
            "192.168.1.20:8443/team/r  | a host, a port and a path",
            "[::1]:8080/team/r         | a host, a port and a path",
            "127.0.0.1/x               | a host and a path"})
    void aRepositoryUrlThatIsAnIpAddressAndAPathIsRefusedAsAUrlWithoutItsScheme(String url, String what) {
        Problem refused = only(readWith(", \"repository\": \"" + url + "\""), Severity.ERROR, "/repository");

        assertEquals("'repository' is " + what + " without a scheme: a browser follows it as a link relative to the"
                + " page showing it; the schemes allowed are https:, http:, git:, ssh:, git+https:, git+ssh: and"
                + " git+http:", refused.message());
        assertEquals("write it with its scheme, https://" + url, refused.hint());
    }

    /** A host alone is the address of a site, without its scheme: it was told it has none, with an example's hint. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "github.com                | a host",
            "127.0.0.1                 | a host",
            "localhost:3000            | a host and a port"})
    void aRepositoryUrlThatIsAHostIsRefusedAsAUrlWithoutItsScheme(String url, String what) {
        Problem refused = only(readWith(", \"repository\": \"" + url + "\""), Severity.ERROR, "/repository");

        assertTrue(refused.message().startsWith("'repository' is " + what + " without a scheme: a browser follows it"),
                refused.message());
        assertTrue(refused.hint().startsWith("write it with its scheme, https://" + url), refused.hint());
    }

    /**
     * A URL starting with '//' and a host takes the scheme of the page showing it: it was called a link relative to the
     * page, with an example's hint.
     */
    @Test
    void aSchemeRelativeRepositoryUrlIsOfferedHttps() {
        Problem refused = only(readWith(", \"repository\": \"//github.com/acme/prompts\""), Severity.ERROR,
                "/repository");

        assertEquals("'repository' starts with '//' and a host, without a scheme: a browser follows it by the scheme"
                + " of the page showing it; the schemes allowed are https:, http:, git:, ssh:, git+https:, git+ssh: and"
                + " git+http:", refused.message());
        assertEquals("write it with its scheme, https://github.com/acme/prompts", refused.hint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/o/r", "HTTP://x.example/r", "git://x.example/r.git",
        "ssh://git@x.example/r.git", "git+https://x.example/r.git", "git+ssh://git@x.example/r.git",
        "git@github.com:owner/repo.git"})
    void aRepositoryUrlOfARepositorysSchemeOrNoneIsKept(String url) {
        assertEquals(Optional.of(Repository.git(url)),
                readWith(", \"repository\": \"" + url + "\"").manifest().orElseThrow().repository());
    }

    @Test
    void aRepositoryObjectNeedsAUrl() {
        ManifestResult result = readWith(", \"repository\": {\"type\": \"git\"}");

        assertEquals("the repository needs a url", only(result, Severity.ERROR, "/repository/url").message());
    }

    @Test
    void anAuthorStringIsReadAsNpmShorthand() {
        ManifestResult result = readWith(", \"author\": \"Ada Lovelace <ada@acme.io> (https://acme.io)\"");

        assertEquals(Optional.of(new Person("Ada Lovelace", "ada@acme.io", "https://acme.io")),
                result.manifest().orElseThrow().author());
    }

    @Test
    void anAuthorObjectNeedsAName() {
        ManifestResult result = readWith(", \"author\": {\"email\": \"ada@acme.io\"}");

        assertEquals("the author needs a name", only(result, Severity.ERROR, "/author/name").message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/author/name    | ,\"author\": {\"name\": \" \", \"email\": \"ada@acme.io\"} | the author needs a name",
            "/repository/url | ,\"repository\": {\"type\": \"git\", \"url\": \"\"}     | the repository needs a url"})
    void aBlankNameOrUrlInAnObjectIsMissingNotAPersonOrRepositoryWithoutOne(String pointer, String field,
                                                                          String message) {
        ManifestResult result = readWith(field);

        assertEquals(message, only(result, Severity.ERROR, pointer).message());
        assertEquals(1, result.problems().size(), () -> result.problems().toString());
        assertEquals(Optional.empty(), result.draft().author());
        assertEquals(Optional.empty(), result.draft().repository());
    }

    @Test
    void onlyTheManifestsOwnNameInOtherLetterCaseIsMiscased() {
        assertTrue(ManifestReader.isMiscased("Prompd.json"));
        assertTrue(ManifestReader.isMiscased("PROMPD.JSON"));
        assertFalse(ManifestReader.isMiscased("prompd.json"), "the manifest itself");
        assertFalse(ManifestReader.isMiscased("package.json"));
        assertFalse(ManifestReader.isMiscased("Prompd.json5"));
    }

    @Test
    void aResultHasErrorsOnlyWhenAProblemIsAnError() {
        ManifestResult warned = read("{\"name\": \"@acme/prompts\", \"version\": \"1.0.0\"}");
        ManifestResult failed = readWith(", \"keywords\": [1]");

        assertFalse(warned.problems().isEmpty());
        assertFalse(warned.hasErrors());
        assertTrue(failed.hasErrors());
    }

    /** The indexes map a later check's pointer into a list back to the file's; a list read whole needs none. */
    @Test
    void theIndexesOfAListAreKeptOnlyWhenSomeOfItsEntriesWereLeftOut() {
        assertEquals(Map.of(), readWith(", \"files\": [\"a.prmd\", \"b.prmd\"]").kept());
        assertEquals(Map.of("/files", List.of(1, 2)), readWith(", \"files\": [1, \"a.prmd\", \"b.prmd\"]").kept());
    }

    @Test
    void anEntryWhoseNameHoldsAControlCharacterIsLeftOutOfTheDraft() {
        ManifestResult result = readWith(", \"prompts\": {\"a\\u001b\": \"a.prmd\", \"b\": \"b.prmd\"}");

        assertTrue(result.hasErrors());
        assertEquals(Map.of("b", "b.prmd"), result.draft().prompts());
    }

    @Test
    void everyProblemIsReportedTogetherAndTheDraftKeepsWhatParsed() {
        ManifestResult result = read("""
                {
                  "name": "Bad Name",
                  "version": "1",
                  "license": "MIT OR",
                  "keywords": [1],
                  "main": "prompts/main.prmd",
                  "readme": "README.md",
                  "files": ["prompts/"],
                  "ignore": ["*.log"],
                  "prompts": {"main": "prompts/main.prmd"},
                  "dependencies": {"ok": "^1.0.0", "bad": ">=99999999999999999999"}
                }
                """);

        List<String> errors = result.problems().stream().filter(Problem::isError)
                .map(problem -> problem.line() + " " + problem.pointer()).toList();
        assertEquals(List.of("2 /name", "3 /version", "4 /license", "5 /keywords/0", "11 /dependencies/bad"), errors);
        assertFalse(result.manifest().isPresent());
        ManifestDraft draft = result.draft();
        assertEquals(Optional.of("prompts/main.prmd"), draft.main());
        assertEquals(Optional.of("README.md"), draft.readme());
        assertEquals(List.of("prompts/"), draft.files());
        assertEquals(List.of("*.log"), draft.ignore());
        assertEquals(Map.of("main", "prompts/main.prmd"), draft.prompts());
        assertEquals(Map.of(PackageName.parse("ok"), VersionRange.parse("^1.0.0")), draft.dependencies());
    }

    /**
     * JSON reads a CR as white space, where a diff and a terminal show it inside its line, the terminal going back to
     * the line's start: "dependencies" before it hidden from a reviewer. It is named as in any text file of the
     * package, at its position counted in characters, as a diff and an editor count them, not in bytes (the
     * "café ☕" before it is 8 bytes, and 6 characters), with how many more lines hold one. CR LF line ends are
     * fine.
     */
    @Test
    void aCarriageReturnThatEndsNoLineIsAnErrorAtItsLineAndPosition() {
        ManifestResult hidden = read("\uFEFF{\"name\": \"a\", \"version\": \"1.0.0\", \"license\": \"MIT\",\n"
                + "  \"keywords\": [\"caf\u00e9 \u2615\"], \"dependencies\": {\"b\": \"^1.0.0\"},\r"
                + "  \"description\": \"Prompts explained at length.\"\r\n}\r");
        ManifestResult windows = read("{\"name\": \"a\", \"version\": \"1.0.0\", \"license\": \"MIT\",\r\n"
                + "  \"description\": \"Prompts.\"\r\n}\r\n");

        List<Problem> errors = hidden.problems().stream().filter(Problem::isError).toList();
        assertEquals(List.of("2 the line holds the control character U+000D (^M) at position 59 (and 1 more line"
                + " holds some)"), errors.stream().map(problem -> problem.line() + " " + problem.message()).toList());
        assertEquals("remove them: a terminal showing the file (cat, git diff, a pager) would act on them instead of"
                + " showing them, and could hide from a reviewer text that prompd or a model reads (a tab, a line"
                + " break or a page break is fine)", errors.get(0).hint());
        assertFalse(hidden.manifest().isPresent());
        assertEquals(List.of(), windows.problems().stream().filter(Problem::isError).toList());
    }

    /**
     * An invisible character in prompd.json's text, written as itself or as an escape, is warned of at its field, as
     * in any text file at its line; a name refuses it, once.
     */
    @Test
    void anInvisibleCharacterInTheManifestsTextIsAWarningAtItsField() {
        ManifestResult text = read("{\"name\": \"a\", \"version\": \"1.0.0\", \"license\": \"MIT\",\n"
                + "  \"description\": \"Prompts ex\u00ADplained at length.\",\n  \"keywords\": [\"x\\u2062y\"]\n}\n");
        ManifestResult name = readWith(", \"x-site\": {\"t\u200Bheme\": \"dark\"}");

        assertEquals(List.of("2 warning 'description' holds the invisible Unicode character U+00AD at position 11",
                        "3 warning 'keywords/0' holds the invisible Unicode character U+2062 at position 2"),
                text.problems().stream().map(problem -> problem.line() + " " + problem.severity().label() + " "
                        + problem.message()).toList());
        assertTrue(text.manifest().isPresent(), "a warning keeps the manifest");
        assertEquals(List.of("error the name of 'x-site/t<U+200B>heme' holds the invisible Unicode character U+200B"
                + " at position 2"), name.problems().stream().filter(problem -> problem.message().contains("invisible"))
                .map(problem -> problem.severity().label() + " " + problem.message()).toList());
    }

    /** A prompt is run by its name, typed: names that differ only in letter case or normalization are warned of. */
    @Test
    void promptNamesThatReadAlikeAreWarnedOf() {
        ManifestResult result = read("""
                {"name": "a", "version": "1.0.0", "description": "Prompts", "license": "MIT",
                 "prompts": {"caf\u00e9": "prompts/a.prmd", "cafe\u0301": "prompts/b.prmd",
                             "Review": "prompts/c.prmd", "review": "prompts/d.prmd", "summary": "prompts/e.prmd"}}
                """);

        List<String> warnings = result.problems().stream().filter(problem -> !problem.isError())
                .map(problem -> problem.pointer() + " " + problem.message()).toList();
        assertEquals(List.of("/prompts/cafe\u0301 the prompt name 'cafe\u0301' reads as 'caf\u00e9', another name of"
                + " 'prompts': they differ only in their Unicode normalization (one is written decomposed (not in"
                + " Unicode NFC, as macOS gives names out))", "/prompts/review the prompt name 'review' reads as"
                + " 'Review', another name of 'prompts': they differ only in letter case"), warnings);
        assertTrue(result.manifest().isPresent(), "a warning keeps the manifest");
    }

    @Test
    void problemsAreSortedByLine() {
        ManifestResult result = read("{\n\"version\": \"x\",\n\"name\": \"X\"\n}");

        assertEquals(List.of(1, 1, 2, 3), result.problems().stream().map(Problem::line).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "/description          | ,\"description\": \"red \\u001b[31malert\" | 'description' holds the control"
                    + " character U+001B (^[) at position 5",
            "/author               | ,\"author\": \"Eve \\u0007\" | 'author' holds the control character U+0007"
                    + " (^G) at position 5",
            "/author/name          | ,\"author\": {\"name\": \"Eve\\r\"} | 'author/name' holds the control character"
                    + " U+000D (^M) at position 4",
            "/keywords/1           | ,\"keywords\": [\"a\", \"\\u009bb\"] | 'keywords/1' holds the control character"
                    + " U+009B (M-^[) at position 1",
            "/x-site               | ,\"x-site\": \"\\u001b]0;owned\\u0007\" | 'x-site' holds the control characters"
                    + " U+001B (^[) at position 1 and U+0007 (^G) at position 10",
            "/x-site/theme/0       | ,\"x-site\": {\"theme\": [\"dark\\u007f\"]} | 'x-site/theme/0' holds the control"
                    + " character U+007F (^?) at position 5",
            "/author/twitter       | ,\"author\": {\"name\": \"Ada\", \"twitter\": \"\\u009b2J\"} | 'author/twitter'"
                    + " holds the control character U+009B (M-^[) at position 1",
            "/repository/directory | ,\"repository\": {\"url\": \"https://a.io\", \"directory\": \"a\\rb\"} |"
                    + " 'repository/directory' holds the control character U+000D (^M) at position 2"})
    void aControlCharacterInATextFieldIsAnErrorSinceATerminalWouldActOnIt(String pointer, String field,
            String message) {
        Problem problem = only(read("{\"name\": \"a\", \"version\": \"1.0.0\"" + field + "}"), Severity.ERROR, pointer);

        assertEquals(message, problem.message());
        assertTrue(problem.hint().startsWith(message.contains("characters") ? "remove them and write plain text"
                : "remove it and write plain text"), problem.hint());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "/x-\\u001b[2J              | ,\"x-\\u001b[2J\": 1 | the name of 'x-^[[2J' holds the control character"
                    + " U+001B (^[) at position 3",
            "/x-site/a\\u000ab          | ,\"x-site\": {\"a\\nb\": \"c\"} | the name of 'x-site/a^Jb' holds the control"
                    + " character U+000A (^J) at position 2",
            "/prompts/main\\u0085       | ,\"prompts\": {\"main\\u0085\": \"m.prmd\"} | the name of 'prompts/mainM-^E'"
                    + " holds the control character U+0085 (M-^E) at position 5",
            "/engines/gpt\\u0007        | ,\"engines\": {\"gpt\\u0007\": \"4\"} | the name of 'engines/gpt^G' holds the"
                    + " control character U+0007 (^G) at position 4",
            "/dependencies/@a~1b\\u001b | ,\"dependencies\": {\"@a/b\\u001b\": \"^1.0.0\"} | the name of"
                    + " 'dependencies/@a/b^[' holds the control character U+001B (^[) at position 5",
            "/author/\\u001b            | ,\"author\": {\"name\": \"Ada\", \"\\u001b\": \"\"} | the name of 'author/^['"
                    + " holds the control character U+001B (^[) at position 1"})
    void aControlCharacterOrLineBreakInTheNameOfAFieldIsAnErrorReportedOnce(String pointer, String field,
                                                                          String message) {
        ManifestResult result = readWith(field);
        Problem problem = only(result, Severity.ERROR, unescape(pointer));

        assertEquals(message, problem.message());
        assertEquals("rename it without the character: a terminal would act on it instead of showing it",
                problem.hint());
        assertEquals(1, result.problems().stream().filter(Problem::isError).count(),
                () -> result.problems().toString());
    }

    /** The characters a CSV source cannot hold, written there as Java's escapes. */
    private static String unescape(String written) {
        return Pattern.compile("\\\\u([0-9a-f]{4})").matcher(written)
                .replaceAll(escape -> String.valueOf((char) Integer.parseInt(escape.group(1), 16)));
    }

    @Test
    void aCarriageReturnIsRefusedWithAHintSayingHowToEndALineNotThatALineBreakIsFine() {
        Problem problem = only(readWith(", \"category\": \"one\\r\\ntwo\""), Severity.ERROR, "/category");

        assertTrue(problem.hint().endsWith("(a tab or a line break is fine; end a line with \\n alone, not \\r\\n)"),
                problem.hint());
    }

    @Test
    void theValueOfAFieldWhoseNameHoldsAControlCharacterIsCheckedTooAndNamedSpeltOut() {
        ManifestResult result = readWith(", \"prompts\": {\"a\\u0007\": \"b\\u0007\"}");

        assertEquals(List.of("'prompts/a^G' holds the control character U+0007 (^G) at position 2",
                "the name of 'prompts/a^G' holds the control character U+0007 (^G) at position 2"),
                result.problems().stream().map(Problem::message).toList());
    }

    @Test
    void theLineOfAFieldWhoseNameHoldsAControlCharacterIsFound() {
        ManifestResult result = readWith(",\n\"x-site\": {\n\"ok\": 1,\n\"\\u001b\": 2}");

        assertEquals(4, only(result, Severity.ERROR, "/x-site/\u001b").line());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "/dependencies/@acme~1x | ,\"dependencies\": {\"@acme/x\": \"^1.0.0\\u001b[2J\"}",
            "/engines/prompd        | ,\"engines\": {\"prompd\": \">=0.1\\u0007\"}",
            "/version               | ,\"version\": \"1.0.0\\u001b\"",
            "/repository/url        | ,\"repository\": {\"url\": \"\\u001b\"}",
            "/author/name           | ,\"author\": {\"name\": \"\\u001b\"}"})
    void aFieldHoldingAControlCharacterHasThatErrorAloneNotAlsoTheErrorOfItsReading(String pointer, String field) {
        ManifestResult result = read("{\"name\": \"@acme/prompts\", \"description\": \"d\", \"license\": \"MIT\""
                + (field.contains("\"version\"") ? "" : ", \"version\": \"1.0.0\"") + field + "}");

        assertEquals(List.of(only(result, Severity.ERROR, pointer)), result.problems());
        assertTrue(result.problems().get(0).message().contains(" holds the control character U+"),
                result.problems().get(0).message());
    }

    @Test
    void aTabOrLineBreakInADescriptionIsFine() {
        assertEquals(List.of(), read("{\"name\": \"a\", \"version\": \"1.0.0\", \"license\": \"MIT\","
                + " \"description\": \"one\\ttwo\\nthree\"}").problems());
    }

    /**
     * A bidi control would make the diff read as other text; an escape can write half a surrogate pair, which no
     * UTF-8 text holds nor strict JSON reader takes (in a name, Jackson refuses it itself), the pair being one
     * character.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "/category       | ,\"category\": \"safe \\u202etxt.exe\"             | 'category' holds the bidi control"
                    + " U+202E at position 6",
            "/keywords/0     | ,\"keywords\": [\"\\u2066a\\u2069\"]                | 'keywords/0' holds the bidi"
                    + " controls U+2066 at position 1 and U+2069 at position 3",
            "/x-site/title   | ,\"x-site\": {\"title\": \"\\u2067x\"}              | 'x-site/title' holds the bidi"
                    + " control U+2067 at position 1",
            "/x-\\u202ey      | ,\"x-\\u202ey\": 1                                | the name of 'x-<U+202E>y' holds the"
                    + " invisible Unicode character U+202E at position 3",
            "/x-site/a\\u200bb | ,\"x-site\": {\"a\\u200bb\": \"c\"}             | the name of 'x-site/a<U+200B>b'"
                    + " holds the invisible Unicode character U+200B at position 2",
            "/category       | ,\"category\": \"lone \\ud800 here\"                | 'category' holds the lone UTF-16"
                    + " surrogate U+D800 at position 6",
            "/keywords/0     | ,\"keywords\": [\"\\udfff\\ud83d\\ude00\\ud83d\"]     | 'keywords/0' holds the lone"
                    + " UTF-16 surrogates U+DFFF at position 1 and U+D83D at position 3",
            "/x-site/a/0     | ,\"x-site\": {\"a\": [\"\\udc00\"]}                   | 'x-site/a/0' holds the lone"
                    + " UTF-16 surrogate U+DC00 at position 1",
            "/x\\ud800        | ,\"x\\ud800\": 1                                 | the name of 'x<U+D800>' holds the"
                    + " lone UTF-16 surrogate U+D800 at position 2"})
    void aBidiControlOrLoneSurrogateInTextOrAnInvisibleCharacterInANameIsAnError(String pointer, String field,
                                                                               String message) {
        ManifestResult result = readWith(field);
        Problem problem = only(result, Severity.ERROR, unescape(pointer));

        assertEquals(message, problem.message());
        assertEquals(1, result.problems().stream().filter(Problem::isError).count(),
                () -> result.problems().toString());
    }

    @Test
    void accentsScriptsAndEmojiWithTheirJoinersAndRightToLeftMarksAreFine() {
        assertEquals(List.of(), read("{\"name\": \"a\", \"version\": \"1.0.0\", \"license\": \"MIT\", \"description\":"
                + " \"Résumés, 日本語, العربية, نمی\u200cخواهم, \uD83D\uDC69\u200D\uD83D\uDCBB,"
                + " שלום (C++)\u200F,"
                + " \u061Cمرحبا\u200E\","
                + " \"keywords\": [\"\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08\"]}").problems());
    }

    /** Windows' .NET and some editors save "Unicode" with no byte order mark: Jackson would guess the encoding. */
    @ParameterizedTest
    @CsvSource({"UTF-16LE", "UTF-16BE"})
    void aManifestSavedAsUtf16WithoutItsByteOrderMarkIsRefusedAtItsFirstNul(String encoding) {
        ManifestResult result = ManifestReader.read("prompd.json",
                ("\n" + MINIMAL).getBytes(Charset.forName(encoding)), PLAIN);

        assertTrue(result.manifest().isEmpty());
        Problem problem = result.problems().get(0);
        assertEquals(List.of(problem), result.problems());
        assertEquals("the file holds a NUL byte, which JSON text never does: it looks saved as UTF-16 without a byte"
                + " order mark", problem.message());
        assertEquals(encoding.endsWith("LE") ? 2 : 1, problem.line());
        assertEquals("save it as UTF-8 (most editors offer an encoding when saving)", problem.hint());
    }

    @Test
    void aNulByteInAManifestSavedAsUtf8IsToldToBeRemoved() {
        ManifestResult result = ManifestReader.read("prompd.json",
                (MINIMAL.replace("\"d\"", "\"a\u0000b\"") + "\n").getBytes(StandardCharsets.UTF_8), PLAIN);

        assertEquals(List.of("the file holds a NUL byte, which JSON text never does"),
                result.problems().stream().map(Problem::message).toList());
        assertEquals("remove it, or write it as \\u0000 inside a string", result.problems().get(0).hint());
    }
}
