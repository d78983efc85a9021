package io.prompd.client.install;

import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.core.name.PackageName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** What tells two locks apart, one phrase per package, for messages such as {@code --frozen}'s refusal. */
final class LockChanges {

    private LockChanges() {
    }

    /** {@code add @a/x@1.0.0}, {@code remove …}, {@code change @a/y 1.0.0 -> 1.1.0}, in name order. */
    static List<String> between(LockFile before, LockFile after) {
        SortedSet<PackageName> names = new TreeSet<>(before.packages().keySet());
        names.addAll(after.packages().keySet());
        List<String> changes = new ArrayList<>();
        for (PackageName name : names) {
            Optional<LockedPackage> old = before.get(name);
            Optional<LockedPackage> changed = after.get(name);
            if (old.isEmpty()) {
                changes.add("add " + name + "@" + changed.orElseThrow().version());
            } else if (changed.isEmpty()) {
                changes.add("remove " + name + "@" + old.get().version());
            } else if (!old.get().version().equals(changed.get().version())) {
                changes.add("change " + name + " " + old.get().version() + " -> " + changed.get().version());
            } else if (!old.equals(changed)) {
                changes.add("change " + name + "@" + old.get().version() + " (tarball URL, integrity or dependencies)");
            }
        }
        return List.copyOf(changes);
    }
}
