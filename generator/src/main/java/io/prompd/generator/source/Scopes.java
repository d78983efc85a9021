package io.prompd.generator.source;

import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who may publish in which scope, from {@code scopes.json}: each scope lists owner logins and
 * teams, and each team lists its member logins.
 *
 * @param scopes scope with its {@code @} to its ownership
 * @param teams  team name to member logins
 */
public record Scopes(SortedMap<String, ScopeOwnership> scopes, SortedMap<String, SortedSet<String>> teams) {

    public static final String FILE = "scopes.json";

    public static final Scopes EMPTY = new Scopes(Collections.emptySortedMap(), Collections.emptySortedMap());

    public Scopes {
        scopes = SortedCopies.map(scopes);
        SortedMap<String, SortedSet<String>> immutableTeams = new TreeMap<>();
        teams.forEach((team, members) -> immutableTeams.put(team, Logins.of(members)));
        teams = Collections.unmodifiableSortedMap(immutableTeams);
    }

    /**
     * Owners and teams of one scope.
     *
     * @param owners logins that may publish in the scope
     * @param teams  teams whose members may publish in the scope
     */
    public record ScopeOwnership(SortedSet<String> owners, SortedSet<String> teams) {

        public ScopeOwnership {
            owners = Logins.of(owners);
            teams = SortedCopies.set(teams);
        }
    }

    /** Whether the scope (with its {@code @}, as in {@code @common}) is declared here. */
    public boolean isKnownScope(String scopeWithAt) {
        return scopes.containsKey(scopeWithAt);
    }

    /**
     * Whether the login owns the package's scope, directly or through a team. Unscoped names have
     * no scope owner, so this is false for them: their owners live in the package's meta.json.
     */
    public boolean mayPublish(String login, PackageName name) {
        return name.isScoped() && publishers(name.scopeWithAt()).contains(login);
    }

    /**
     * The logins that may publish in the scope: its owners and the members of its teams (a team
     * not declared has none); none when the scope is not declared here.
     */
    public SortedSet<String> publishers(String scopeWithAt) {
        ScopeOwnership ownership = scopes.get(scopeWithAt);
        if (ownership == null) {
            return Collections.emptySortedSet();
        }
        List<String> logins = new ArrayList<>(ownership.owners());
        ownership.teams().forEach(team -> logins.addAll(teams.getOrDefault(team, Collections.emptySortedSet())));
        return Logins.of(logins);
    }

    /**
     * Reads {@code scopes.json}. Malformed entries are reported and left out; a team that is used
     * but not declared is an error, since nobody could publish through it.
     */
    public static Parsed<Scopes> parse(byte[] json) {
        JsonFile.Opened read = JsonFile.parse(FILE, json);
        if (read.json().isEmpty()) {
            return Parsed.failed(read.problems());
        }
        JsonFile file = read.json().get();
        file.unknownFields("", "scopes", "teams");
        SortedMap<String, SortedSet<String>> teams = new TreeMap<>(file.entries("/teams",
                "an object of team name to member logins",
                (team, pointer) -> Optional.of(new TreeSet<>(file.logins(pointer)))));
        SortedMap<String, ScopeOwnership> scopes = new TreeMap<>(file.entries("/scopes",
                "an object of scope to owners and teams", (scope, pointer) -> ownership(file, scope, pointer, teams)));
        return Parsed.of(new Scopes(scopes, teams), file.problems());
    }

    private static Optional<ScopeOwnership> ownership(JsonFile file, String scope, String pointer,
                                                      SortedMap<String, SortedSet<String>> teams) {
        if (!scope.startsWith("@")) {
            file.error(pointer, "'" + scope + "' is not a valid scope: a scope starts with '@'",
                    "write it as @" + scope);
            return Optional.empty();
        }
        List<String> nameProblems = PackageName.check(scope + "/x");
        if (!nameProblems.isEmpty()) {
            file.error(pointer, "'" + scope + "' is not a valid scope: " + String.join("; ", nameProblems),
                    "write a scope as @name, in lower case");
            return Optional.empty();
        }
        file.unknownFields(pointer, "owners", "teams");
        List<String> scopeTeams = file.strings(pointer + "/teams");
        for (int i = 0; i < scopeTeams.size(); i++) {
            if (!teams.containsKey(scopeTeams.get(i))) {
                file.error(pointer + "/teams/" + i, "the team '" + scopeTeams.get(i) + "' is not declared",
                        "declare it under /teams with its members, or remove it");
            }
        }
        List<String> owners = file.logins(pointer + "/owners");
        if (owners.isEmpty() && scopeTeams.isEmpty()) {
            file.error(pointer, "the scope " + scope + " has no owners and no teams",
                    "list at least one owner login or team, so someone may publish in it");
        }
        return Optional.of(new ScopeOwnership(new TreeSet<>(owners), new TreeSet<>(scopeTeams)));
    }
}
