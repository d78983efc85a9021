package io.prompd.client.install;

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
 * kept at its version with another tarball URL, integrity or dependencies.
 *
 * @param before its version in the old lock, empty when it is added
 * @param after  its version in the new lock, empty when it is removed
 */
public record LockChange(PackageName name, Optional<Version> before, Optional<Version> after) {

    public LockChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.isEmpty() && after.isEmpty()) {
            throw new IllegalArgumentException("a change of " + name + " needs a version before or after it");
        }
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
                changes.add(new LockChange(name, old.map(LockedPackage::version), changed.map(LockedPackage::version)));
            }
        }
        return List.copyOf(changes);
    }

    public Kind kind() {
        return before.isEmpty() ? Kind.ADD : after.isEmpty() ? Kind.REMOVE : Kind.CHANGE;
    }

    /**
     * The package and its versions: {@code @a/x@1.0.0} when added or removed, {@code @a/y 1.0.0 -> 1.1.0} when
     * moved, {@code @a/y@1.0.0 (tarball URL, integrity or dependencies)} when kept at its version.
     */
    public String subject() {
        return switch (kind()) {
            case ADD -> name + "@" + after.get();
            case REMOVE -> name + "@" + before.get();
            case CHANGE -> before.equals(after)
                    ? name + "@" + before.get() + " (tarball URL, integrity or dependencies)"
                    : name + " " + before.get() + " -> " + after.get();
        };
    }

    /** {@code add @a/x@1.0.0}, {@code remove …}, {@code change @a/y 1.0.0 -> 1.1.0}. */
    public String phrase() {
        return kind().name().toLowerCase(Locale.ROOT) + " " + subject();
    }

    public enum Kind { ADD, REMOVE, CHANGE }
}
