package io.prompd.generator.check;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.packaging.RepositoryPaths;
import io.prompd.core.packaging.Secrets;
import io.prompd.core.problem.Pointer;
import io.prompd.generator.source.Parsed;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.Scopes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One change a pull request makes to the registry's settings, in {@code registry.json} (a field's value, its
 * maintainers, its reserved names and external scopes) or {@code scopes.json} (scopes, their owners and teams, the
 * teams' members), as a reviewer wants to read it rather than as a diff of JSON, as {@link MetaChange} tells a
 * meta.json's.
 *
 * @param file   registry.json or scopes.json
 * @param action what happens
 * @param target the login, reserved name, scope (external or of scopes.json) or team it happens to, or the field of
 *               registry.json whose value changes, as {@code policy.maxFiles}
 * @param place  the scope or team it happens in; empty for registry.json, or a scope or team added or removed
 * @param value  the value a field of registry.json changes to; empty otherwise
 * @param was    the value that field had; empty otherwise
 */
public record SettingsChange(String file, Action action, String target, String place, String value, String was) {

    public enum Action {
        CHANGES_FIELD, SETS_FIELD, LOWERS_FIELD, RAISES_FIELD, ADDS_MAINTAINER, REMOVES_MAINTAINER,
        ADDS_RESERVED_NAME, REMOVES_RESERVED_NAME, ADDS_EXTERNAL_SCOPE, REMOVES_EXTERNAL_SCOPE, ADDS_SCOPE,
        REMOVES_SCOPE, ADDS_OWNER, REMOVES_OWNER,
        ADDS_SCOPE_TEAM, REMOVES_SCOPE_TEAM, ADDS_TEAM, REMOVES_TEAM, ADDS_MEMBER, REMOVES_MEMBER
    }

    /**
     * The fields of registry.json in the order the file and its documentation give them, every field of
     * {@link RegistryConfig} and of its policy.
     */
    private static final List<ConfigField> CONFIG_FIELDS = Stream.of(
            Stream.<ConfigField>of(new OneValue("/name", RegistryConfig::name),
                    new OneValue("/baseUrl", RegistryConfig::baseUrl), new OneValue("/git", RegistryConfig::git),
                    new Names("/maintainers", RegistryConfig::maintainers, Action.ADDS_MAINTAINER,
                            Action.REMOVES_MAINTAINER),
                    new OneValue("/private", RegistryConfig::isPrivate)),
            Arrays.stream(ArchiveLimits.Bound.values()).<ConfigField>map(bound -> new OneValue(
                    Pointer.of("policy", bound.field()), config -> bound.of(config.policy().limits()))),
            Stream.<ConfigField>of(new OneValue(Pointer.of("policy", RepositoryPaths.MAX_LENGTH_FIELD),
                    config -> (long) config.policy().maxPathLength())),
            Stream.<ConfigField>of(new Names("/policy/reservedNames", config -> config.policy().reservedNames(),
                    Action.ADDS_RESERVED_NAME, Action.REMOVES_RESERVED_NAME),
                    new Names(Pointer.of("policy", RegistryConfig.EXTERNAL_SCOPES),
                            config -> config.policy().externalScopes(), Action.ADDS_EXTERNAL_SCOPE,
                            Action.REMOVES_EXTERNAL_SCOPE))
    ).flatMap(Function.identity()).toList();

    public SettingsChange {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(place, "place");
        // the registry's name is free text, which the check's report is not to repeat a leaked key from
        value = Secrets.masked(Objects.requireNonNull(value, "value"));
        was = Secrets.masked(Objects.requireNonNull(was, "was"));
    }

    SettingsChange(String file, Action action, String target, String place) {
        this(file, action, target, place, "", "");
    }

    /**
     * What differs between the settings before and after: registry.json's fields in its order, then scopes in name
     * order (each added or removed, and its owners and teams), then teams (each added or removed, and its members). A
     * scope or team added comes with what it holds, one removed alone, since all it held goes with it. Only parts
     * that read on both sides are compared, as {@link MetaChange#between} compares a meta.json's, and a field by the
     * value the registry takes from it: one left out and one written with its default are the same setting.
     */
    static List<SettingsChange> between(RegistrySnapshot before, RegistrySnapshot after) {
        List<SettingsChange> changes = new ArrayList<>();
        Parsed<RegistryConfig> configBefore = before.parsedConfig();
        Parsed<RegistryConfig> configAfter = after.parsedConfig();
        if (configBefore.value().isPresent() && configAfter.value().isPresent()) {
            CONFIG_FIELDS.stream()
                    .filter(field -> configBefore.reads(field.pointer()) && configAfter.reads(field.pointer()))
                    .forEach(field -> field.compare(configBefore.value().get(), configAfter.value().get(), changes));
        }
        Parsed<Scopes> scopesBefore = before.parsedScopes();
        Parsed<Scopes> scopesAfter = after.parsedScopes();
        Scopes.ScopeOwnership unowned = new Scopes.ScopeOwnership(Collections.emptySortedSet(),
                Collections.emptySortedSet());
        entries("scopes", before.scopes().scopes(), after.scopes().scopes(), unowned, scopesBefore, scopesAfter,
                Action.ADDS_SCOPE, Action.REMOVES_SCOPE, (scope, ownershipBefore, ownership) -> {
                    names(Scopes.FILE, ownershipBefore.owners(), ownership.owners(), scope, Action.ADDS_OWNER,
                            Action.REMOVES_OWNER, changes);
                    names(Scopes.FILE, ownershipBefore.teams(), ownership.teams(), scope, Action.ADDS_SCOPE_TEAM,
                            Action.REMOVES_SCOPE_TEAM, changes);
                }, changes);
        entries("teams", before.scopes().teams(), after.scopes().teams(), Collections.emptySortedSet(), scopesBefore,
                scopesAfter, Action.ADDS_TEAM, Action.REMOVES_TEAM, (team, membersBefore, members) -> names(
                        Scopes.FILE, membersBefore, members, team, Action.ADDS_MEMBER, Action.REMOVES_MEMBER, changes),
                changes);
        return List.copyOf(changes);
    }

    /** What changed within one entry of scopes.json kept on both sides, or added (compared with an empty one). */
    @FunctionalInterface
    private interface EntryChanges<T> {
        void compare(String key, T before, T after);
    }

    /**
     * Each entry of one of scopes.json's maps (scopes, teams) that reads on both sides, as {@link #between} says: one
     * kept whose error judges it as a whole reads as written ({@link Parsed#readsKept}), so that a pull request leaving
     * a scope with no owners and no teams, an error, is told to remove its owners, where it was said to change
     * scopes.json alone.
     */
    private static <T> void entries(String field, SortedMap<String, T> was, SortedMap<String, T> is, T empty,
                                    Parsed<Scopes> before, Parsed<Scopes> after, Action adds, Action removes,
                                    EntryChanges<T> within, List<SettingsChange> changes) {
        for (String key : union(was.keySet(), is.keySet())) {
            String pointer = Pointer.of(field, key);
            boolean readBefore = was.containsKey(key) ? before.readsKept(pointer) : before.reads(pointer);
            boolean readAfter = is.containsKey(key) ? after.readsKept(pointer) : after.reads(pointer);
            if (!readBefore || !readAfter) {
                continue;
            }
            if (!is.containsKey(key)) {
                changes.add(new SettingsChange(Scopes.FILE, removes, key, ""));
                continue;
            }
            if (!was.containsKey(key)) {
                changes.add(new SettingsChange(Scopes.FILE, adds, key, ""));
            }
            within.compare(key, was.getOrDefault(key, empty), is.get(key));
        }
    }

    /** A field of registry.json, by its pointer, and how to tell what changes in it. */
    private sealed interface ConfigField permits OneValue, Names {

        String pointer();

        void compare(RegistryConfig before, RegistryConfig after, List<SettingsChange> changes);

        /** The field as the summary names it, {@code policy.maxFiles} for {@code /policy/maxFiles}. */
        default String shownName() {
            return Pointer.field(pointer()).replace('/', '.');
        }
    }

    /**
     * A field of one value, told by its kind: a number lowered or raised, a flag set, a text changed.
     *
     * @param value the field's value in a config, the default when it is left out
     */
    private record OneValue(String pointer, Function<RegistryConfig, Object> value) implements ConfigField {

        @Override
        public void compare(RegistryConfig before, RegistryConfig after, List<SettingsChange> changes) {
            Object was = value.apply(before);
            Object is = value.apply(after);
            if (was.equals(is)) {
                return;
            }
            Action action;
            if (is instanceof Long number && was instanceof Long earlier) {
                action = number < earlier ? Action.LOWERS_FIELD : Action.RAISES_FIELD;
            } else {
                action = is instanceof Boolean ? Action.SETS_FIELD : Action.CHANGES_FIELD;
            }
            changes.add(new SettingsChange(RegistryConfig.FILE, action, shownName(), "", is.toString(),
                    was.toString()));
        }
    }

    /** A field listing names, told name by name. */
    private record Names(String pointer, Function<RegistryConfig, SortedSet<String>> names, Action added,
                         Action removed) implements ConfigField {

        @Override
        public void compare(RegistryConfig before, RegistryConfig after, List<SettingsChange> changes) {
            SettingsChange.names(RegistryConfig.FILE, names.apply(before), names.apply(after), "", added, removed,
                    changes);
        }
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
}
