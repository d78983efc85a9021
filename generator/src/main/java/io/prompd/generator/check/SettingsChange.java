package io.prompd.generator.check;

import io.prompd.core.problem.Pointer;
import io.prompd.generator.source.Parsed;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.Scopes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * One change a pull request makes to who may do what, in {@code registry.json} (its maintainers) or
 * {@code scopes.json} (scopes, their owners and teams, the teams' members), as a reviewer wants to read it rather than
 * as a diff of JSON, as {@link MetaChange} tells a meta.json's.
 *
 * @param file   registry.json or scopes.json
 * @param action what happens
 * @param target the login, scope or team it happens to
 * @param place  the scope or team it happens in; empty for a maintainer, or a scope or team added or removed
 */
public record SettingsChange(String file, Action action, String target, String place) {

    public enum Action {
        ADDS_MAINTAINER, REMOVES_MAINTAINER, ADDS_SCOPE, REMOVES_SCOPE, ADDS_OWNER, REMOVES_OWNER, ADDS_SCOPE_TEAM,
        REMOVES_SCOPE_TEAM, ADDS_TEAM, REMOVES_TEAM, ADDS_MEMBER, REMOVES_MEMBER
    }

    public SettingsChange {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(place, "place");
    }

    /**
     * What differs between the settings before and after: maintainers, then scopes in name order (each added or
     * removed, and its owners and teams), then teams (each added or removed, and its members). A scope or team added
     * comes with what it holds, one removed alone, since all it held goes with it. Only parts that read on both sides
     * are compared, as {@link MetaChange#between} compares a meta.json's.
     */
    static List<SettingsChange> between(RegistrySnapshot before, RegistrySnapshot after) {
        List<SettingsChange> changes = new ArrayList<>();
        Optional<SortedSet<String>> maintainersBefore = maintainers(before);
        Optional<SortedSet<String>> maintainersAfter = maintainers(after);
        if (maintainersBefore.isPresent() && maintainersAfter.isPresent()) {
            names(RegistryConfig.FILE, maintainersBefore.get(), maintainersAfter.get(), "", Action.ADDS_MAINTAINER,
                    Action.REMOVES_MAINTAINER, changes);
        }
        Parsed<Scopes> scopesBefore = before.parsedScopes();
        Parsed<Scopes> scopesAfter = after.parsedScopes();
        SortedMap<String, Scopes.ScopeOwnership> was = before.scopes().scopes();
        SortedMap<String, Scopes.ScopeOwnership> is = after.scopes().scopes();
        for (String scope : union(was.keySet(), is.keySet())) {
            String pointer = Pointer.of("scopes", scope);
            if (!scopesBefore.reads(pointer) || !scopesAfter.reads(pointer)) {
                continue;
            }
            if (!is.containsKey(scope)) {
                changes.add(new SettingsChange(Scopes.FILE, Action.REMOVES_SCOPE, scope, ""));
                continue;
            }
            if (!was.containsKey(scope)) {
                changes.add(new SettingsChange(Scopes.FILE, Action.ADDS_SCOPE, scope, ""));
            }
            Scopes.ScopeOwnership ownershipBefore = was.getOrDefault(scope, new Scopes.ScopeOwnership(
                    Collections.emptySortedSet(), Collections.emptySortedSet()));
            names(Scopes.FILE, ownershipBefore.owners(), is.get(scope).owners(), scope, Action.ADDS_OWNER,
                    Action.REMOVES_OWNER, changes);
            names(Scopes.FILE, ownershipBefore.teams(), is.get(scope).teams(), scope, Action.ADDS_SCOPE_TEAM,
                    Action.REMOVES_SCOPE_TEAM, changes);
        }
        SortedMap<String, SortedSet<String>> teamsBefore = before.scopes().teams();
        SortedMap<String, SortedSet<String>> teamsAfter = after.scopes().teams();
        for (String team : union(teamsBefore.keySet(), teamsAfter.keySet())) {
            String pointer = Pointer.of("teams", team);
            if (!scopesBefore.reads(pointer) || !scopesAfter.reads(pointer)) {
                continue;
            }
            if (!teamsAfter.containsKey(team)) {
                changes.add(new SettingsChange(Scopes.FILE, Action.REMOVES_TEAM, team, ""));
                continue;
            }
            if (!teamsBefore.containsKey(team)) {
                changes.add(new SettingsChange(Scopes.FILE, Action.ADDS_TEAM, team, ""));
            }
            names(Scopes.FILE, teamsBefore.getOrDefault(team, Collections.emptySortedSet()), teamsAfter.get(team),
                    team, Action.ADDS_MEMBER, Action.REMOVES_MEMBER, changes);
        }
        return List.copyOf(changes);
    }

    /** The maintainers as registry.json lists them, when they read. */
    private static Optional<SortedSet<String>> maintainers(RegistrySnapshot snapshot) {
        Parsed<RegistryConfig> config = snapshot.parsedConfig();
        return config.value().filter(read -> config.reads("/maintainers")).map(RegistryConfig::maintainers);
    }

    /** A change for each name only {@code after} holds, then for each only {@code before} holds, in their order. */
    private static void names(String file, SortedSet<String> before, SortedSet<String> after, String place,
                               Action added, Action removed, List<SettingsChange> changes) {
        after.stream().filter(name -> !before.contains(name))
                .forEach(name -> changes.add(new SettingsChange(file, added, name, place)));
        before.stream().filter(name -> !after.contains(name))
                .forEach(name -> changes.add(new SettingsChange(file, removed, name, place)));
    }

    private static SortedSet<String> union(Collection<String> first, Collection<String> second) {
        SortedSet<String> names = new TreeSet<>(first);
        names.addAll(second);
        return names;
    }

    /** The line of the check's summary, with logins, scopes and teams set off as code in the style. */
    String describe(CheckReportRenderer.Style style) {
        UnaryOperator<String> code = style.code();
        String what = code.apply(target);
        String where = code.apply(place);
        return switch (action) {
            case ADDS_MAINTAINER -> "adds " + what + " to the maintainers";
            case REMOVES_MAINTAINER -> "removes " + what + " from the maintainers";
            case ADDS_SCOPE -> "adds the scope " + what;
            case REMOVES_SCOPE -> "removes the scope " + what;
            case ADDS_OWNER -> "adds " + what + " to the owners of " + where;
            case REMOVES_OWNER -> "removes " + what + " from the owners of " + where;
            case ADDS_SCOPE_TEAM -> "adds the team " + what + " to the teams of " + where;
            case REMOVES_SCOPE_TEAM -> "removes the team " + what + " from the teams of " + where;
            case ADDS_TEAM -> "adds the team " + what;
            case REMOVES_TEAM -> "removes the team " + what;
            case ADDS_MEMBER -> "adds " + what + " to the team " + where;
            case REMOVES_MEMBER -> "removes " + what + " from the team " + where;
        };
    }

    /** Its action as the JSON report writes it, such as {@code adds_member}. */
    String actionName() {
        return action.name().toLowerCase(Locale.ROOT);
    }
}
