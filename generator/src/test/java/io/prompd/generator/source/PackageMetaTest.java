package io.prompd.generator.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.problem.Problem;
import io.prompd.core.version.Version;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackageMetaTest {

    private static final String FILE = "packages/@common/base/meta.json";

    private static Parsed<PackageMeta> parse(String json) {
        return PackageMeta.parse(FILE, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryField() {
        PackageMeta meta = parse("""
                {"distTags": {"latest": "2.1.0", "next": "3.0.0-beta.1"},
                 "yanked": {"1.0.1": "broken template"},
                 "deprecated": {"1.0.0": "use 2.x"},
                 "takenDown": {"0.9.0": "leaked an API key"},
                 "owners": ["alice"]}
                """).orElseThrow("invalid");

        assertEquals(Map.of("latest", Version.parse("2.1.0"), "next", Version.parse("3.0.0-beta.1")), meta.distTags());
        assertEquals(Map.of(Version.parse("1.0.1"), "broken template"), meta.yanked());
        assertEquals(Map.of(Version.parse("1.0.0"), "use 2.x"), meta.deprecated());
        assertEquals(Map.of(Version.parse("0.9.0"), "leaked an API key"), meta.takenDown());
        assertEquals(Set.of("alice"), meta.owners());
        assertTrue(meta.isYanked(Version.parse("1.0.1")));
        assertFalse(meta.isYanked(Version.parse("1.0.0")));
    }

    @Test
    void emptyObjectIsEmptyMeta() {
        assertEquals(PackageMeta.EMPTY, parse("{}").orElseThrow("invalid"));
    }

    @Test
    void reportsInvalidVersionsWithPointersAndKeepsTheRest() {
        Parsed<PackageMeta> parsed = parse("""
                {"distTags": {"latest": "v2", "next": "2.0.0"},
                 "yanked": {"1.0": "why", "1.0.1": 5}}
                """);

        assertEquals(List.of("/distTags/latest@1", "/yanked/1.0@2", "/yanked/1.0.1@2"),
                parsed.problems().stream().map(p -> p.pointer() + "@" + p.line()).toList());
        assertTrue(parsed.problems().stream().allMatch(p -> p.file().equals(FILE)));
        assertEquals(Map.of("next", Version.parse("2.0.0")), parsed.value().orElseThrow().distTags());
        assertTrue(parsed.problems().stream().map(Problem::message)
                .anyMatch(m -> m.contains("starts with 'v' (leave it out)")));
    }

    @Test
    void aTakedownIsAnObjectOfVersionToReason() {
        Parsed<PackageMeta> parsed = parse("""
                {"takenDown": {"1.0": "why", "1.0.1": 5, "1.0.2": "leaked a key"},
                 "takendown": {}}
                """);

        assertEquals(List.of("error /takenDown/1.0", "error /takenDown/1.0.1", "warning /takendown"),
                parsed.problems().stream().map(p -> (p.isError() ? "error " : "warning ") + p.pointer()).sorted()
                        .toList());
        assertEquals(Map.of(Version.parse("1.0.2"), "leaked a key"), parsed.value().orElseThrow().takenDown());
        assertTrue(parse("{\"takenDown\": [\"1.0.0\"]}").problems().get(0).message()
                .contains("an object of version to reason"));
    }

    @Test
    void anEmptyReasonOrMessageIsAWarningAndTheEntryStands() {
        Parsed<PackageMeta> parsed = parse("""
                {"yanked": {"1.0.0": " "},
                 "deprecated": {"1.1.0": ""}}
                """);

        assertEquals(List.of("warning /deprecated/1.1.0@2: the message for 1.1.0 is empty",
                        "warning /yanked/1.0.0@1: the reason for 1.0.0 is empty"),
                parsed.problems().stream().map(p -> (p.isError() ? "error " : "warning ") + p.pointer() + "@" + p.line()
                        + ": " + p.message()).sorted().toList());
        assertEquals(Set.of(Version.parse("1.0.0")), parsed.value().orElseThrow().yanked().keySet());
        assertEquals(Set.of(Version.parse("1.1.0")), parsed.value().orElseThrow().deprecated().keySet());
    }

    @Test
    void aDistTagClientsCannotAskForIsRefused() {
        Parsed<PackageMeta> parsed = parse("""
                {"distTags": {"latest": "2.0.0", "Beta": "2.0.0", "1.x": "2.0.0", "next gen": "2.0.0"}}
                """);

        assertEquals(List.of("/distTags/1.x", "/distTags/Beta", "/distTags/next gen"),
                parsed.problems().stream().map(Problem::pointer).sorted().toList());
        assertTrue(parsed.problems().stream().allMatch(p -> p.isError() && p.message().contains("is not a dist-tag")));
        assertEquals(Set.of("latest"), parsed.value().orElseThrow().distTags().keySet());
    }

    @Test
    void ownersMustBeLogins() {
        Parsed<PackageMeta> parsed = parse("""
                {"owners": ["ivan",
                            "bob smith"]}
                """);

        assertEquals(List.of("/owners/1@2: 'bob smith' is not a GitHub login: logins have no spaces"),
                parsed.problems().stream().map(p -> p.pointer() + "@" + p.line() + ": " + p.message()).toList());
        assertEquals(Set.of("ivan"), parsed.value().orElseThrow().owners());
    }

    @Test
    void anOwnerListedTwiceIgnoringCaseIsAWarning() {
        Parsed<PackageMeta> parsed = parse("""
                {"owners": ["ivan", "Ivan"]}
                """);

        assertEquals(List.of(Problem.warning(FILE, "/owners/1", "'Ivan' is listed already, as 'ivan' at 'owners/0':"
                + " logins compare ignoring case, as GitHub's do, so the entry adds nobody", "remove the entry")
                .atLine(1)), parsed.problems());
        assertEquals(Set.of("ivan"), parsed.value().orElseThrow().owners());
    }

    @Test
    void ownersAreGitHubLoginsSoNoBidiOrInvisibleCharacterHidesIn() {
        Parsed<PackageMeta> parsed = parse("""
                {"owners": ["ivan", "iv\\u202ean", "x\\u200by"]}
                """);

        assertEquals(List.of("/owners/1: 'iv\u202ean' is not a GitHub login: letters, digits and single hyphens"
                        + " inside (as in octo-cat), or an app's login such as dependabot[bot]",
                        "/owners/2: 'x\u200by' is not a GitHub login: letters, digits and single hyphens"
                                + " inside (as in octo-cat), or an app's login such as dependabot[bot]"),
                parsed.problems().stream().map(p -> p.pointer() + ": " + p.message()).toList());
        assertEquals(Set.of("ivan"), parsed.value().orElseThrow().owners());
    }

    @Test
    void aNameOfTheFileHoldsNoBidiControlWhereNoOtherRuleRefusesIt() {
        Parsed<PackageMeta> parsed = parse("{\"no\\u202ete\": {\"x\": \"a\\u2067b\"}}");

        assertEquals(List.of("/no\u202ete: the name of 'no<U+202E>te' holds the invisible Unicode character U+202E at"
                        + " position 3",
                        "/no\u202ete/x: 'no<U+202E>te/x' holds the bidi control U+2067 at position 2"),
                parsed.problems().stream().filter(Problem::isError).map(p -> p.pointer() + ": " + p.message())
                        .toList());
    }

    @Test
    void anInvalidTakedownKeyIsToldToNameTheVersionTakenDownNotAPublishedFolder() {
        Parsed<PackageMeta> parsed = parse("{\"takenDown\": {\"v1.0.0\": \"a key\"}, \"yanked\": {\"v1.0.0\": \"x\"}}");

        assertEquals(List.of("/takenDown/v1.0.0: use the exact version taken down, as its folder was"
                + " named, such as 1.2.3",
                        "/yanked/v1.0.0: use the exact version of a published folder, such as 1.2.3"),
                parsed.problems().stream().map(p -> p.pointer() + ": " + p.hint()).sorted().toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "yanked     | reason  | /yanked/1.0.0",
            "deprecated | message | /deprecated/1.0.0",
            "takenDown  | reason  | /takenDown/1.0.0"})
    void aControlCharacterInAMessageIsAnErrorSinceClientsPrintIt(String field, String text, String pointer) {
        Parsed<PackageMeta> parsed = parse("{\"" + field + "\": {\"1.0.0\": \"fine\\u001b[8m hidden\"}}");

        assertEquals(List.of("'" + pointer.substring(1) + "' holds the control character U+001B (^[) at position 5"),
                parsed.problems().stream().filter(problem -> problem.pointer().equals(pointer)).map(Problem::message)
                        .toList());
    }

    @ParameterizedTest
    @CsvSource({"yanked", "deprecated", "takenDown"})
    void aBidiControlInAMessageIsAnErrorAsInPrompdJsonSinceItShowsTheTextInAnotherOrder(String field) {
        Parsed<PackageMeta> parsed = parse("{\"" + field + "\": {\"1.0.0\": \"use \\u202e1.2.0\"}}");

        assertEquals(List.of("/" + field + "/1.0.0: '" + field + "/1.0.0' holds the bidi control U+202E at position 5"),
                parsed.problems().stream().map(p -> p.pointer() + ": " + p.message()).toList());
    }

    @ParameterizedTest
    @CsvSource({"yanked", "deprecated", "takenDown"})
    void aLoneSurrogateInAMessageIsAnErrorSinceTheRegistrysJsonWouldCarryItToClients(String field) {
        Parsed<PackageMeta> parsed = parse("{\"" + field + "\": {\"1.0.0\": \"use \\udfff1.2.0\"}}");

        assertEquals(List.of("/" + field + "/1.0.0: '" + field + "/1.0.0' holds the lone UTF-16 surrogate U+DFFF at"
                        + " position 5"),
                parsed.problems().stream().map(p -> p.pointer() + ": " + p.message()).toList());
    }

    @Test
    void theFilesOwnTextQuotedInAProblemIsLeftForTheReportToSpellOutButForALineBreak() {
        Parsed<PackageMeta> parsed = parse("""
                {"distTags": {"be\\u001bta": "1.0.0", "be\\nta": "1.0.0"},
                 "yanked": {"1.0.0\\u001b": "why"},
                 "owners": ["@iv\\u202ean", "al\\u001bice"]}
                """);

        assertEquals(List.of(
                "/distTags/be\nta: 'be^Jta' is not a dist-tag clients can ask for",
                "/distTags/be\u001bta: 'be\u001bta' is not a dist-tag clients can ask for",
                "/owners/0: '@iv\u202ean' is not a GitHub login: '@' belongs to a mention, not to the login"
                        + " | write the login without '@': iv\u202ean",
                "/owners/1: the login holds the control character U+001B (^[) at position 3",
                "/yanked/1.0.0\u001b: '1.0.0\u001b' is not a SemVer 2.0 version"),
                parsed.problems().stream()
                        .map(p -> p.pointer() + ": " + p.message().replaceAll("(: a tag|: '0).*", "")
                                + (p.message().contains("mention") ? " | " + p.hint() : ""))
                        .sorted().toList());
    }
}
