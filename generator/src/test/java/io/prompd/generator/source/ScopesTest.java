package io.prompd.generator.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopesTest {

    private static final Scopes SCOPES = parse("""
            {"scopes": {"@common": {"owners": ["alice"], "teams": ["core"]}, "@solo": {"owners": ["sam"]}},
             "teams": {"core": ["bob"]}}
            """).orElseThrow("invalid");

    private static Parsed<Scopes> parse(String json) {
        return Scopes.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsScopesAndTeams() {
        assertEquals(Set.of("@common", "@solo"), SCOPES.scopes().keySet());
        assertEquals(Set.of("alice"), SCOPES.scopes().get("@common").owners());
        assertEquals(Set.of("bob"), SCOPES.teams().get("core"));
        assertTrue(SCOPES.isKnownScope("@common"));
        assertFalse(SCOPES.isKnownScope("@other"));
    }

    @Test
    void ownerMayPublish() {
        assertTrue(SCOPES.mayPublish("alice", PackageName.parse("@common/base")));
    }

    @Test
    void teamMemberMayPublish() {
        assertTrue(SCOPES.mayPublish("bob", PackageName.parse("@common/base")));
    }

    @Test
    void ownersOfAnotherScopeMayNotPublish() {
        assertFalse(SCOPES.mayPublish("sam", PackageName.parse("@common/base")));
        assertFalse(SCOPES.mayPublish("bob", PackageName.parse("@solo/x")));
    }

    @Test
    void nobodyMayPublishInAnUnknownScopeOrUnscoped() {
        assertFalse(SCOPES.mayPublish("alice", PackageName.parse("@other/base")));
        assertFalse(SCOPES.mayPublish("alice", PackageName.parse("base")));
    }

    @Test
    void emptyWhenNothingDeclared() {
        Scopes scopes = parse("{}").orElseThrow("invalid");

        assertEquals(Scopes.EMPTY, scopes);
    }

    @Test
    void reportsBadEntriesAndKeepsTheRest() {
        Parsed<Scopes> parsed = parse("""
                {"scopes": {
                   "common": {"owners": ["alice"]},
                   "@ok": {"owners": ["amy"], "teams": ["ghost"]},
                   "@empty": {}
                 },
                 "teams": {"core": "bob"}}
                """);

        assertEquals(List.of("/scopes/@empty@4", "/scopes/@ok/teams/0@3", "/scopes/common@2", "/teams/core@6"),
                parsed.problems().stream().map(p -> p.pointer() + "@" + p.line()).sorted().toList());
        Scopes kept = parsed.value().orElseThrow();
        assertTrue(kept.mayPublish("amy", PackageName.parse("@ok/x")));
        assertFalse(kept.isKnownScope("common"));
        assertTrue(parsed.problems().stream().allMatch(Problem::isError));
    }

    @Test
    void ownersAndTeamMembersMustBeLoginsAndAScopeStartsWithAt() {
        Parsed<Scopes> parsed = parse("""
                {"scopes": {
                   "nosign": {"owners": ["alice"]},
                   "@ok": {"owners": ["amy", "", "@carol"], "teams": ["core"]}
                 },
                 "teams": {"core": ["bob smith", "  ", "dan"]}}
                """);

        assertEquals(List.of(
                        "/scopes/@ok/owners/1@3: the login is empty",
                        "/scopes/@ok/owners/2@3: '@carol' is not a GitHub login: '@' belongs to a mention,"
                                + " not to the login",
                        "/scopes/nosign@2: 'nosign' is not a valid scope: a scope starts with '@'",
                        "/teams/core/0@5: 'bob smith' is not a GitHub login: logins have no spaces",
                        "/teams/core/1@5: the login is empty"),
                parsed.problems().stream().map(p -> p.pointer() + "@" + p.line() + ": " + p.message()).sorted()
                        .toList());
        assertEquals("write the login without '@': carol", parsed.problems().stream()
                .filter(p -> p.message().contains("@carol")).findFirst().orElseThrow().hint());
        Scopes kept = parsed.value().orElseThrow();
        assertEquals(Set.of("amy"), kept.scopes().get("@ok").owners());
        assertEquals(Set.of("dan"), kept.teams().get("core"));
    }

    @Test
    void anOwnerOrMemberListedTwiceIgnoringCaseIsAWarningAtTheSecondEntry() {
        Parsed<Scopes> parsed = parse("""
                {"scopes": {"@ok": {"owners": ["amy", "AMY"], "teams": ["core"]}},
                 "teams": {"core": ["dan", "dan"]}}
                """);

        assertEquals(List.of(
                        "WARNING /scopes/@ok/owners/1: 'AMY' is listed already, as 'amy' at 'scopes/@ok/owners/0':"
                                + " logins compare ignoring case, as GitHub's do, so the entry adds nobody",
                        "WARNING /teams/core/1: 'dan' is listed already, at 'teams/core/0': the entry adds nobody"),
                parsed.problems().stream().map(p -> p.severity() + " " + p.pointer() + ": " + p.message()).toList());
        assertEquals(Set.of("amy"), parsed.value().orElseThrow().scopes().get("@ok").owners());
    }

    @Test
    void ownersAndTeamMembersAreGitHubLoginsAndATeamsNameHoldsNoControlNorInvisibleCharacter() {
        Parsed<Scopes> parsed = parse("""
                {"scopes": {"@ok": {"owners": ["amy", "iv\\u202ean"], "teams": ["te\\u0007am", "c\\u200bore"]}},
                 "teams": {"te\\u0007am": ["al\\u202eice", "bob"], "c\\u200bore": ["dan"]}}
                """);

        assertEquals(List.of(
                        "/scopes/@ok/owners/1@1: 'iv\u202ean' is not a GitHub login: letters, digits and single"
                                + " hyphens inside (as in octo-cat), or an app's login such as dependabot[bot]",
                        "/scopes/@ok/teams/0@1: 'scopes/@ok/teams/0' holds the control character U+0007 (^G) at"
                                + " position 3",
                        "/scopes/@ok/teams/1@1: 'scopes/@ok/teams/1' holds the invisible Unicode character U+200B"
                                + " at position 2",
                        "/teams/c\u200bore@2: the name of 'teams/c<U+200B>ore' holds the invisible Unicode character"
                                + " U+200B at position 2",
                        "/teams/te\u0007am/0@2: 'al\u202eice' is not a GitHub login: letters, digits and single"
                                + " hyphens inside (as in octo-cat), or an app's login such as dependabot[bot]",
                        "/teams/te\u0007am@2: the name of 'teams/te^Gam' holds the control character U+0007 (^G)"
                                + " at position 3"),
                parsed.problems().stream().map(p -> p.pointer() + "@" + p.line() + ": " + p.message()).sorted()
                        .toList());
    }
}
