package io.prompd.generator.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import io.prompd.core.problem.ValidationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryConfigTest {

    private static Parsed<RegistryConfig> parse(String json) {
        return RegistryConfig.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryField() {
        RegistryConfig config = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "maintainers": ["zed", "amy"], "private": true,
                 "policy": {"maxFiles": 10, "maxFileBytes": 100, "maxUnpackedBytes": 1000, "reservedNames": ["prompd"]}}
                """).orElseThrow("invalid");

        assertEquals("Acme", config.name());
        assertEquals(URI.create("https://r.acme.test/"), config.baseUrl());
        assertEquals(URI.create("https://g.acme.test/r.git"), config.git());
        assertEquals(List.of("amy", "zed"), List.copyOf(config.maintainers()));
        assertTrue(config.isPrivate());
        assertTrue(config.isMaintainer("amy"));
        assertEquals(new ArchiveLimits(10, 100, 1000), config.policy().limits());
        assertEquals(Set.of("prompd"), config.policy().reservedNames());
    }

    @Test
    void optionalFieldsDefault() {
        RegistryConfig config = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git"}
                """).orElseThrow("invalid");

        assertFalse(config.isPrivate());
        assertTrue(config.maintainers().isEmpty());
        assertEquals(RegistryConfig.Policy.DEFAULT, config.policy());
    }

    /** The repository's own clones, not clients, need the path limit: a registry may raise it as well as lower it. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {60, 200, 400, 4095})
    void aPolicySetsTheLongestPathAPullRequestMayAddEitherWay(int maxPathLength) {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "policy": {"maxPathLength": %d}}
                """.formatted(maxPathLength));

        assertEquals(List.of(), parsed.problems());
        assertEquals(maxPathLength, parsed.orElseThrow("invalid").policy().maxPathLength());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-5", "12.5", "4096", "1e400"})
    void aPathLimitThatIsNoWholeNumberFrom1To4095IsAnErrorAndTheDefaultApplies(String maxPathLength) {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "policy": {"maxPathLength": %s}}
                """.formatted(maxPathLength));

        assertEquals(List.of("/policy/maxPathLength|must be a whole number from 1 to 4095, not "),
                parsed.problems().stream().filter(Problem::isError)
                        .map(problem -> problem.pointer() + "|" + problem.message().replaceAll("not .*", "not "))
                        .toList());
        assertEquals(200, parsed.value().orElseThrow().policy().maxPathLength());
    }

    @Test
    void absentPolicyFieldsKeepTheirDefaults() {
        RegistryConfig config = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "policy": {"maxFiles": 7}}
                """).orElseThrow("invalid");

        assertEquals(7, config.policy().limits().maxFiles());
        assertEquals(ArchiveLimits.DEFAULT.maxFileBytes(), config.policy().limits().maxFileBytes());
    }

    @Test
    void aMisspelledFieldIsAWarningAtItsLineAndTheRestStillCounts() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "maintainer": ["amy"],
                 "policy": {"maxFile": 10, "maxFileBytes": 100}}
                """);

        assertEquals(List.of("/maintainer@2 warning", "/policy/maxFile@3 warning"), parsed.problems().stream()
                .map(p -> p.pointer() + "@" + p.line() + (p.isError() ? " error" : " warning")).toList());
        assertEquals(100, parsed.value().orElseThrow().policy().limits().maxFileBytes());
    }

    /** Clients refuse a registry URL a server would read as another folder: registry.json's is the one they add. */
    @Test
    void aBaseUrlWithASeparatorOrADotSegmentWrittenEncodedIsAnError() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/a%2Fb/%2e%2E/", "git": "https://g.acme.test/r.git"}
                """);

        assertEquals(List.of("in the base URL, the path holds '%2F', a '/' written encoded, which the file system or a"
                        + " server reads as a folder separator though the URL does not: write the path with '/' between"
                        + " its folders", "the base URL must name its folder directly, without '.' or '..' segments"
                        + " or empty ones ('//'), which one host resolves and another serves as written, not"
                        + " 'https://r.acme.test/a%2Fb/%2e%2E/': use https://r.acme.test/"),
                parsed.problems().stream().filter(Problem::isError).map(Problem::message).toList());
    }

    /** The rules of build --base-url: a registry set up with a URL its own build refuses could never be built. */
    @Test
    void aBaseUrlTheBuildWouldRefuseAsBaseUrlIsAnError() {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("https://r.acme.test/a/../r/", "the base URL must name its folder directly, without '.' or '..'"
                + " segments or empty ones ('//'), which one host resolves and another serves as written, not"
                + " 'https://r.acme.test/a/../r/': use https://r.acme.test/r/");
        refusals.put("https://deploy:s3cr3t@r.acme.test//r/", "the base URL must name its folder directly, without"
                + " '.' or '..' segments or empty ones ('//'), which one host resolves and another serves as written,"
                + " not 'https://***@r.acme.test//r/': use https://r.acme.test/r/");
        // the query of a URL refused is not quoted: it may hold a token
        refusals.put("https://r.acme.test/r/?v=1", "the base URL must be an absolute https://, http:// or file:// URL"
                + " (what prompd reads) without query or fragment, such as https://example.org/registry/, not"
                + " 'https://r.acme.test/r/?…'");
        refusals.put("ftp://r.acme.test/r/", "the base URL must be an absolute https://, http:// or file:// URL"
                + " (what prompd reads) without query or fragment, such as https://example.org/registry/, not"
                + " 'ftp://r.acme.test/r/'");
        refusals.put("https://r.acme.test:99999/r/", "in the base URL, the port 99999 is out of range: use 1 to 65535");
        refusals.put("https://r.acme.test:0/r/", "in the base URL, the port 0 is out of range: use 1 to 65535");
        refusals.put("https://r.acme.test:/r/", "in the base URL, the ':' after the host names no port: leave it out,"
                + " or write the port");
        String notReadable = "the base URL must be an absolute https://, http:// or file:// URL (what prompd reads)"
                + " without query or fragment, such as https://example.org/registry/, not ";
        // no escape mends a space in a host name
        refusals.put("https://r.acme test/r/", notReadable + "'https://r.acme test/r/' (illegal character in authority"
                + " at position 15)");
        refusals.put("https://r.acme.test/r 1/", notReadable + "'https://r.acme.test/r 1/' (illegal character in path"
                + " at position 22: write a space as %20)");
        refusals.put("ht!tp://r.acme.test/r/", notReadable + "'ht!tp://r.acme.test/r/' (illegal character in scheme"
                + " name at position 3)");
        // the parser names no character
        refusals.put("https://[::1%]/r/", notReadable + "'https://[::1%]/r/' (scope id expected)");
        refusals.put("https://r_acme.test/r/", notReadable + "'https://r_acme.test/r/' (no host name that reads)");
        refusals.put("r.acme.test/r/", notReadable + "'r.acme.test/r/'");
        refusals.forEach((baseUrl, refusal) -> {
            Parsed<RegistryConfig> parsed = parse("""
                    {"name": "Acme", "baseUrl": "%s", "git": "https://g.acme.test/r.git"}
                    """.formatted(baseUrl));

            List<Problem> errors = parsed.problems().stream().filter(Problem::isError).toList();
            assertEquals(refusal, errors.get(errors.size() - 1).message(), baseUrl);
            assertTrue(errors.stream().allMatch(problem -> problem.pointer().equals("/baseUrl")), baseUrl);
            assertFalse(parsed.problems().toString().contains("s3cr3t"), parsed.problems()::toString);
        });
    }

    @Test
    void reportsEveryMissingRequiredFieldAtOnce() {
        Parsed<RegistryConfig> parsed = parse("{\"private\": false}");

        assertTrue(parsed.value().isEmpty());
        assertEquals(List.of("/baseUrl", "/git", "/name"), parsed.problems().stream().map(Problem::pointer).toList());
        assertTrue(parsed.problems().stream().allMatch(p -> p.file().equals("registry.json") && !p.hint().isEmpty()));
    }

    @Test
    void reportsWrongTypesWithPointerAndLine() {
        Parsed<RegistryConfig> parsed = parse("""
                {
                  "name": "Acme",
                  "baseUrl": "https://r.acme.test/",
                  "git": "https://g.acme.test/r.git",
                  "maintainers": ["amy", 3],
                  "private": "yes",
                  "policy": {"maxFiles": -1, "reservedNames": "prompd"}
                }
                """);

        assertEquals(List.of(
                        "/maintainers/1@5", "/private@6", "/policy/maxFiles@7", "/policy/reservedNames@7"),
                parsed.problems().stream().map(p -> p.pointer() + "@" + p.line()).toList());
        assertTrue(parsed.hasErrors());
    }

    @Test
    void aPolicyCanLowerTheLimitsButNotRaiseThemPastWhatClientsUnpack() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "policy": {"maxFiles": 1001, "maxFileBytes": 5242881, "maxUnpackedBytes": 52428800}}
                """);

        assertEquals(List.of("warning /policy/maxFileBytes", "warning /policy/maxFiles"), parsed.problems().stream()
                .map(problem -> problem.severity().name().toLowerCase(Locale.ROOT) + " " + problem.pointer()).toList());
        assertEquals("5242881 is above the default, 5242880, which applies instead",
                parsed.problems().get(0).message());
        assertTrue(parsed.problems().get(0).hint().startsWith("a policy can lower a limit, not raise it: clients"
                + " refuse to install a package beyond the default"), parsed.problems().get(0).hint());
        assertFalse(parsed.hasErrors(), "a registry.json written before the rule still builds");
        assertEquals(ArchiveLimits.DEFAULT, parsed.value().orElseThrow().policy().limits());
    }

    @Test
    void aLimitTooLargeForALongIsRaisedAsAnyOtherNotAnError() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "policy": {"maxFiles": 99999999999999999999, "maxFileBytes": 1e400, "maxUnpackedBytes": 1e20}}
                """);

        assertEquals(List.of("warning /policy/maxFileBytes", "warning /policy/maxFiles",
                "warning /policy/maxUnpackedBytes"), parsed.problems().stream()
                .map(problem -> problem.severity().name().toLowerCase(Locale.ROOT) + " " + problem.pointer()).toList());
        assertFalse(parsed.hasErrors(), parsed.problems()::toString);
        assertEquals(ArchiveLimits.DEFAULT, parsed.value().orElseThrow().policy().limits());
        assertTrue(parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "policy": {"maxFiles": -1e400}}
                """).hasErrors(), "a negative one is still no limit");
    }

    @Test
    void baseUrlMustBeAbsoluteAndEndWithSlash() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test", "git": "registry.git"}
                """);

        assertEquals(List.of("/baseUrl", "/git"), parsed.problems().stream().map(Problem::pointer).toList());
        assertTrue(parsed.problems().get(0).message().contains("must end with '/'"));
        assertTrue(parsed.problems().get(1).message().contains("not an absolute URL"));
    }

    /** Every reader of registry.json would see the user part; the error, for CI logs, quotes no password. */
    @Test
    void aBaseUrlWithAUserOrPasswordIsAnErrorAtItsLineThatDoesNotRepeatThePassword() {
        for (String withUser : List.of("https://deploy:s3cr3t@r.acme.test/r/", "https://deploy@r.acme.test/r/",
                "HTTPS://deploy:s3cr3t@r.acme.test:8443/r/")) {
            Parsed<RegistryConfig> parsed = parse("""
                    {"name": "Acme",
                     "baseUrl": "%s", "git": "https://g.acme.test/r.git", "maintainers": ["amy"]}
                    """.formatted(withUser));

            Problem problem = parsed.problems().get(0);
            assertEquals(List.of("/baseUrl@2 error"), parsed.problems().stream()
                    .map(p -> p.pointer() + "@" + p.line() + (p.isError() ? " error" : " warning")).toList(), withUser);
            assertEquals("the base URL holds a user or password, which every reader of the repository sees and every"
                    + " client set up with this URL would copy", problem.message());
            assertEquals("give the URL without it, such as https://r.acme.test" + (withUser.contains(":8443") ? ":8443"
                    : "") + "/r/, and let each client keep its credentials in its own config (prompd login)",
                    problem.hint());
            assertTrue(parsed.value().orElseThrow().isMaintainer("amy"), "who the maintainers are still reads");
        }
    }

    @Test
    void aBaseUrlWithAPasswordAndNoFinalSlashIsToldToEndWithOneWithoutThePassword() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://deploy:s3cr3t@r.acme.test/r", "git": "https://g.acme.test/r.git"}
                """);

        assertEquals(List.of("the base URL holds a user or password, which every reader of the repository sees and"
                + " every client set up with this URL would copy", "the base URL must end with '/'"),
                parsed.problems().stream().map(Problem::message).toList());
        assertEquals("write 'https://r.acme.test/r/' so paths resolve below it", parsed.problems().get(1).hint());
        assertFalse(parsed.problems().toString().contains("s3cr3t"), parsed.problems()::toString);
    }

    /** The build publishes the git URL; a token in it, as GitHub takes one for the user, would go with it. */
    @Test
    void aGitUrlWithAPasswordOrAnHttpUserIsAnErrorThatDoesNotRepeatIt() {
        for (String withCredential : List.of("https://ghp_t0ken@g.acme.test/r.git",
                "https://x-access-token:t0ken@g.acme.test/r.git", "ssh://git:t0ken@g.acme.test/r.git")) {
            Parsed<RegistryConfig> parsed = parse("""
                    {"name": "Acme", "baseUrl": "https://r.acme.test/",
                     "git": "%s", "maintainers": ["amy"]}
                    """.formatted(withCredential));

            assertEquals(List.of("/git@2 error"), parsed.problems().stream()
                    .map(p -> p.pointer() + "@" + p.line() + (p.isError() ? " error" : " warning")).toList(),
                    withCredential);
            Problem problem = parsed.problems().get(0);
            assertEquals("the git URL holds a user or password, which every reader of the repository sees and the"
                    + " build copies into the registry.json it publishes", problem.message());
            assertEquals("give the URL without it, such as " + withCredential.substring(0, withCredential.indexOf(':'))
                    + "://g.acme.test/r.git, and let Git find credentials where it keeps them: a credential helper, or"
                    + " the CI's secrets", problem.hint());
            assertFalse(parsed.problems().toString().contains("t0ken"), parsed.problems()::toString);
            assertTrue(parsed.value().orElseThrow().isMaintainer("amy"), "who the maintainers are still reads");
        }
    }

    /** ssh's user names the account every clone uses, as in GitHub's ssh://git@github.com/ URLs. */
    @Test
    void aGitUrlWithAnSshUserAndNoPasswordIsRead() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "ssh://git@g.acme.test/r.git"}
                """);

        assertEquals(List.of(), parsed.problems());
        assertEquals("ssh://git@g.acme.test/r.git", parsed.value().orElseThrow().git().toString());
    }

    @Test
    void aUrlThatDoesNotParseIsQuotedWithoutItsUserPart() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://deploy:s3cr3t@r.acme test/", "git": "https://t0ken@/r.git"}
                """);

        // the space counted in the text shown: counted as written, the position would tell the password's length
        assertEquals(List.of("the base URL must be an absolute https://, http:// or file:// URL (what prompd reads)"
                + " without query or fragment, such as https://example.org/registry/, not 'https://***@r.acme test/'"
                + " (illegal character in authority at position 19)",
                "'https://***@/r.git' is not an absolute URL"),
                parsed.problems().stream().map(Problem::message).toList());
        assertFalse(parsed.problems().toString().contains("s3cr3t"), parsed.problems()::toString);
        assertFalse(parsed.problems().toString().contains("t0ken"), parsed.problems()::toString);
    }

    /** As a base URL's: the parser's reason alone would not tell where the git URL goes wrong. */
    @Test
    void aGitUrlThatDoesNotParseIsPointedAtInTheTextShownWithoutItsUserPart() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/",
                 "git": "https://x-access-token:t0ken@g.acme test/r.git"}
                """);

        assertEquals(List.of("'https://***@g.acme test/r.git' is not a valid URL: illegal character in authority at"
                + " position 19"), parsed.problems().stream().map(Problem::message).toList());
        assertEquals(List.of("/git"), parsed.problems().stream().map(Problem::pointer).toList());
        assertFalse(parsed.problems().toString().contains("t0ken"), parsed.problems()::toString);
    }

    /** As a base URL's: where %20 mends the URL, the message says so. */
    @Test
    void aGitUrlWithASpaceInItsPathIsToldToWriteItAsAnEscape() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/acme/my registry.git"}
                """);

        assertEquals(List.of("'https://g.acme.test/acme/my registry.git' is not a valid URL: illegal character in path"
                + " at position 28: write a space as %20"), parsed.problems().stream().map(Problem::message).toList());
    }

    @Test
    void aFolderIsABaseUrlWhateverTheCaseOfItsScheme() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "FILE:///srv/registry/", "git": "https://g.acme.test/r.git"}
                """);

        assertEquals(List.of(), parsed.problems());
        assertEquals(URI.create("FILE:///srv/registry/"), parsed.value().orElseThrow().baseUrl());
    }

    @Test
    void syntaxErrorGivesTheLine() {
        Parsed<RegistryConfig> parsed = parse("{\n  \"name\": \"Acme\"\n  \"git\": 1\n}");

        assertEquals(1, parsed.problems().size());
        assertEquals(3, parsed.problems().get(0).line());
        assertEquals("not valid JSON (column 3): expected ',' or '}' after a field",
                parsed.problems().get(0).message());
    }

    @Test
    void blankNameIsAnError() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": " ", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git"}
                """);

        assertTrue(parsed.value().isEmpty());
        assertEquals("/name", parsed.problems().get(0).pointer());
    }

    @Test
    void rootMustBeAnObject() {
        Parsed<RegistryConfig> parsed = parse("[1, 2]");

        assertTrue(parsed.problems().get(0).message().contains("JSON object"));
    }

    @Test
    void orElseThrowCarriesAllProblems() {
        ValidationException thrown = assertThrows(ValidationException.class,
                () -> parse("{}").orElseThrow("registry.json is invalid"));
        assertEquals(3, thrown.problems().size());
    }

    @Test
    void maintainersMustBeLogins() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "maintainers": ["amy", "@zed"]}
                """);

        Problem problem = parsed.problems().get(0);
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        assertEquals("/maintainers/1", problem.pointer());
        assertEquals(2, problem.line());
        assertEquals("write the login without '@': zed", problem.hint());
        assertEquals(Set.of("amy"), parsed.value().orElseThrow().maintainers());
    }

    @Test
    void aMaintainerIsAGitHubLoginByTheRuleOfActorSoNoBidiOrInvisibleCharacterHidesIn() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "maintainers": ["amy", "mallory\\u202e", "x\\u200by", "al_ice", "-bob", "dependabot[bot]"]}
                """);

        assertEquals(List.of(
                        "/maintainers/1@2: 'mallory\u202e' is not a GitHub login: letters, digits and single hyphens"
                                + " inside (as in octo-cat), or an app's login such as dependabot[bot]",
                        "/maintainers/2@2: 'x\u200by' is not a GitHub login: letters, digits and single hyphens"
                                + " inside (as in octo-cat), or an app's login such as dependabot[bot]",
                        "/maintainers/3@2: 'al_ice' is not a GitHub login: letters, digits and single hyphens"
                                + " inside (as in octo-cat), or an app's login such as dependabot[bot]",
                        "/maintainers/4@2: '-bob' is not a GitHub login: letters, digits and single hyphens"
                                + " inside (as in octo-cat), or an app's login such as dependabot[bot]"),
                parsed.problems().stream().map(p -> p.pointer() + "@" + p.line() + ": " + p.message()).toList());
        assertEquals("write the login as it appears in the address of the person's profile, github.com/<login>",
                parsed.problems().get(0).hint());
        assertEquals(Set.of("amy", "dependabot[bot]"), parsed.value().orElseThrow().maintainers());
    }

    /** Logins compare ignoring case, so 'Alice' and 'alice' are one maintainer listed twice. */
    @Test
    void aMaintainerListedTwiceIsAWarningAtTheSecondEntry() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "maintainers": ["Alice", "bob", "alice", "bob"]}
                """);

        assertEquals(List.of(
                        Problem.warning(RegistryConfig.FILE, "/maintainers/2", "'alice' is listed already, as 'Alice'"
                                + " at 'maintainers/0': logins compare ignoring case, as GitHub's do, so the entry adds"
                                + " nobody", "remove the entry").atLine(2),
                        Problem.warning(RegistryConfig.FILE, "/maintainers/3", "'bob' is listed already, at"
                                + " 'maintainers/1': the entry adds nobody", "remove the entry").atLine(2)),
                parsed.problems());
        assertEquals(List.of("Alice", "bob"), List.copyOf(parsed.value().orElseThrow().maintainers()));
    }

    /**
     * Only new unscoped packages are held to the reserved names: an entry that is no package name, a scope (which
     * only maintainers add anyway) or a scoped name reserves nothing, and draws a warning, not an error, so that a
     * registry written before still builds; one that is not plain text draws its error alone.
     */
    @Test
    void aReservedNameThatReservesNothingIsAWarning() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "policy": {"reservedNames": ["admin", "", "Foo Bar", "@Data", "@common/admin", "Official",
                                             "ad\\u2066min"]}}
                """);

        assertEquals(List.of(
                        "/policy/reservedNames/1: the reserved name is empty, so it reserves nothing | write the"
                                + " unscoped package name it is to reserve, or remove the entry",
                        "/policy/reservedNames/2: 'Foo Bar' is not a package name, so it reserves nothing: the name"
                                + " 'Foo Bar' holds 'F' at position 1; use only lowercase letters a-z, digits, '.', '_'"
                                + " and '-', starting with a letter or digit | write the unscoped package name it is to"
                                + " reserve, or remove the entry",
                        "/policy/reservedNames/3: '@Data' is written as a scope, which reserves nothing: only"
                                + " maintainers add scopes to scopes.json, so no scope needs reserving, and reserved"
                                + " names are unscoped package names | write data to reserve the unscoped name, or"
                                + " remove the entry",
                        "/policy/reservedNames/4: '@common/admin' is a scoped name, which reserves nothing: only the"
                                + " owners of @common publish in it, and reserved names are unscoped package names |"
                                + " write admin to reserve the unscoped name, or remove the entry",
                        "/policy/reservedNames/5: 'Official' is not a package name, so it reserves nothing: the name"
                                + " 'Official' holds 'O' at position 1; use only lowercase letters a-z, digits, '.',"
                                + " '_' and '-', starting with a letter or digit | write official to reserve the"
                                + " unscoped name, or remove the entry",
                        "/policy/reservedNames/6: 'policy/reservedNames/6' holds the bidi control U+2066 at"
                                + " position 3"),
                parsed.problems().stream().map(p -> p.pointer() + ": " + p.message()
                        + (p.isError() ? "" : " | " + p.hint())).toList());
        assertEquals(List.of(Severity.WARNING, Severity.WARNING, Severity.WARNING, Severity.WARNING, Severity.WARNING,
                Severity.ERROR), parsed.problems().stream().map(Problem::severity).toList());
        assertEquals(7, parsed.value().orElseThrow().policy().reservedNames().size());
    }

    @Test
    void externalScopesNameTheScopesWhosePackagesAnotherRegistryHolds() {
        RegistryConfig.Policy policy = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "policy": {"externalScopes": ["@prompd", "@common"]}}
                """).orElseThrow("invalid").policy();

        assertEquals(List.of("@common", "@prompd"), List.copyOf(policy.externalScopes()));
        assertTrue(policy.isExternal(PackageName.parse("@common/base-prompts")));
        assertFalse(policy.isExternal(PackageName.parse("@acme/app")));
        assertFalse(policy.isExternal(PackageName.parse("common")));
        assertTrue(RegistryConfig.Policy.DEFAULT.externalScopes().isEmpty());
    }

    /**
     * Only a whole scope can be external, as clients route scopes: an entry that names none is a warning, as a reserved
     * name that reserves nothing is, and matches no package, so that the build never fails for it.
     */
    @Test
    void anExternalScopeThatNamesNoScopeIsAWarningAndMakesNothingExternal() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Acme", "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "policy": {"externalScopes": ["@common", "", "prompd", "@common/base-prompts", "@Data", "base-prompts",
                                              7]}}
                """);

        assertEquals(List.of(
                        "/policy/externalScopes/1: the external scope is empty, so it makes nothing external | write"
                                + " the scope as @name, in lower case, or remove the entry",
                        "/policy/externalScopes/2: 'prompd' is not a scope (a scope starts with '@'), so it makes"
                                + " nothing external: only a scope can be, as clients route scopes to another registry"
                                + " and send an unscoped package to their default one | write @prompd for the scope,"
                                + " or remove the entry",
                        "/policy/externalScopes/3: '@common/base-prompts' is a package name, not a scope, so it makes"
                                + " nothing external: clients route a whole scope to another registry, never one of its"
                                + " packages | write @common for the scope, or remove the entry",
                        "/policy/externalScopes/4: '@Data' is not a valid scope, so it makes nothing external: the"
                                + " scope 'Data' holds 'D' at position 1; use only lowercase letters a-z, digits, '.',"
                                + " '_' and '-', starting with a letter or digit | write @data for the scope, or remove"
                                + " the entry",
                        "/policy/externalScopes/5: 'base-prompts' is not a scope (a scope starts with '@'), so it"
                                + " makes nothing external: only a scope can be, as clients route scopes to another"
                                + " registry and send an unscoped package to their default one | write @base-prompts"
                                + " for the scope, or remove the entry",
                        "/policy/externalScopes/6: must be a string | write it between double quotes"),
                parsed.problems().stream().map(p -> p.pointer() + ": " + p.message() + " | " + p.hint()).toList());
        RegistryConfig.Policy policy = parsed.value().orElseThrow().policy();
        assertEquals(6, policy.externalScopes().size());
        assertTrue(policy.isExternal(PackageName.parse("@common/x")));
        assertFalse(policy.isExternal(PackageName.parse("@data/x")));
        assertFalse(policy.isExternal(PackageName.parse("prompd")));
    }

    @Test
    void theRegistrysTextHoldsNoControlNorBidiCharacterAsAManifestsDoesNot() {
        Parsed<RegistryConfig> parsed = parse("""
                {"name": "Evil\\u001b]0;pwned\\u0007 Registry\\u202egnp.exe",
                 "baseUrl": "https://r.acme.test/", "git": "https://g.acme.test/r.git",
                 "maintainers": ["amy"], "policy": {"reservedNames": ["ad\\u2066min"]}, "no\\u202ete": 1}
                """);

        assertEquals(List.of(
                        "/name@1: 'name' holds the bidi control U+202E at position 24",
                        "/name@1: 'name' holds the control characters U+001B (^[) at position 5 and U+0007 (^G)"
                                + " at position 14",
                        "/no\u202ete@3: the name of 'no<U+202E>te' holds the invisible Unicode character U+202E at"
                                + " position 3",
                        "/policy/reservedNames/0@3: 'policy/reservedNames/0' holds the bidi control"
                                + " U+2066 at position 3"),
                parsed.problems().stream().filter(Problem::isError)
                        .map(p -> p.pointer() + "@" + p.line() + ": " + p.message()).sorted().toList());
    }
}
