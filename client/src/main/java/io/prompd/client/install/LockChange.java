package io.prompd.client.install;

import io.prompd.client.config.RegistryUrl;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How one package's entry differs between two locks: added, removed, moved to another version, or
 * kept at its version with another tarball URL, integrity, dependencies or registry recorded.
 *
 * @param before    its version in the old lock, empty when it is added
 * @param after     its version in the new lock, empty when it is removed
 * @param differing for an entry kept at its version, what else changed ({@code tarball URL},
 *                  {@code integrity}, {@code dependencies}, {@code registry}); empty for one added, removed or moved
 *                  to another version, whose tarball differs as a matter of course
 * @param registry  the registry the new entry records, where {@code registry} differs: the change line names it, as
 *                  a registry recorded is what a later run judges the entry by; empty when it no longer records one
 */
public record LockChange(PackageName name, Optional<Version> before, Optional<Version> after, List<String> differing,
                         Optional<RegistryUrl> registry) {

    /** What {@link #differing} names a change of the registry an entry records ({@link LockedPackage#registry}). */
    public static final String REGISTRY = "registry";

    public LockChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        differing = List.copyOf(differing);
        Objects.requireNonNull(registry, "registry");
        if (before.isEmpty() && after.isEmpty()) {
            throw new IllegalArgumentException("a change of " + name + " needs a version before or after it");
        }
        if (!differing.isEmpty() && !before.equals(after)) {
            // a script takes a non-empty differing for the same version with other bytes
            throw new IllegalArgumentException("only an entry kept at its version has other differences: " + name
                    + " " + before + " -> " + after);
        }
        if (registry.isPresent() && !differing.contains(REGISTRY)) {
            throw new IllegalArgumentException("a registry is named only where it changed: " + name);
        }
    }

    public LockChange(PackageName name, Optional<Version> before, Optional<Version> after) {
        this(name, before, after, List.of(), Optional.empty());
    }

    /** Every package whose entry differs, in name order. */
    static List<LockChange> between(LockFile before, LockFile after) {
        SortedSet<PackageName> names = new TreeSet<>(before.packages().keySet());
        names.addAll(after.packages().keySet());
        List<LockChange> changes = new ArrayList<>();
        for (PackageName name : names) {
            Optional<LockedPackage> old = before.get(name);
            Optional<LockedPackage> changed = after.get(name);
            if (!old.equals(changed)) {
                List<String> differing = old.isPresent() && changed.isPresent()
                        && old.get().version().equals(changed.get().version())
                        ? differing(old.get(), changed.get()) : List.of();
                changes.add(new LockChange(name, old.map(LockedPackage::version), changed.map(LockedPackage::version),
                        differing, changed.filter(entry -> differing.contains(REGISTRY))
                                .flatMap(LockedPackage::registry)));
            }
        }
        return List.copyOf(changes);
    }

    /** What differs besides the version, which the change line shows already. */
    private static List<String> differing(LockedPackage old, LockedPackage changed) {
        List<String> differing = new ArrayList<>();
        if (!old.resolved().equals(changed.resolved())) {
            differing.add("tarball URL");
        }
        if (!old.integrity().equals(changed.integrity())) {
            differing.add("integrity");
        }
        if (!old.dependencies().equals(changed.dependencies())) {
            differing.add("dependencies");
        }
        if (!old.registry().equals(changed.registry())) {
            differing.add(REGISTRY);
        }
        return differing;
    }

    public Kind kind() {
        return before.isEmpty() ? Kind.ADD : after.isEmpty() ? Kind.REMOVE : Kind.CHANGE;
    }

    /**
     * The package and its versions: {@code @a/x@1.0.0} when added or removed, {@code @a/y 1.0.0 -> 1.1.0} when
     * moved, {@code @a/y@1.0.0 (integrity, dependencies)} when kept at its version, {@code @a/y@1.0.0 (registry
     * recorded: https://r.example/)} when it records the registry whose index gave it.
     */
    public String subject() {
        return switch (kind()) {
            case ADD -> name + "@" + after.get();
            case REMOVE -> name + "@" + before.get();
            case CHANGE -> before.equals(after)
                    ? name + "@" + before.get() + " (" + String.join(", ", differing.stream()
                            .map(what -> what.equals(REGISTRY) ? registryChange() : what).toList()) + ")"
                    : name + " " + before.get() + " -> " + after.get();
        };
    }

    private String registryChange() {
        return registry.map(root -> "registry recorded: " + root).orElse("registry no longer recorded");
    }

    /** {@code add @a/x@1.0.0}, {@code remove …}, {@code change @a/y 1.0.0 -> 1.1.0}. */
    public String phrase() {
        return kind().name().toLowerCase(Locale.ROOT) + " " + subject();
    }

    public enum Kind { ADD, REMOVE, CHANGE }
}
