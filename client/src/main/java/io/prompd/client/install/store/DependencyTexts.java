package io.prompd.client.install.store;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Dependencies as messages give them, each range as written, for a lock, an index and a manifest alike. */
public final class DependencyTexts {

    private DependencyTexts() {
    }

    /** Dependencies by name, each range as written. */
    public static SortedMap<String, String> of(Map<PackageName, VersionRange> dependencies) {
        SortedMap<String, String> texts = new TreeMap<>();
        dependencies.forEach((name, range) -> texts.put(name.toString(), range.text()));
        return texts;
    }

    /** {@code @b/y ^1.1.0, @c/z ~2.0.0, @d/w *} (the empty range as people read it), or {@code no dependencies}. */
    public static String listed(SortedMap<String, String> dependencies) {
        return dependencies.isEmpty() ? "no dependencies" : String.join(", ", dependencies.entrySet().stream()
                .map(one -> one.getKey() + " " + VersionRange.shown(one.getValue())).toList());
    }
}
