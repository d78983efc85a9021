package io.prompd.client.cli;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/** Versions of the store, as {@code list --installed} and {@code uninstall --global} print them. */
final class StoreVersionsView {

    private StoreVersionsView() {
    }

    /** {@code {"@acme/pkg": ["1.0.0", "1.2.0"]}}, by name. */
    static Map<String, List<String>> asJson(SortedMap<PackageName, SortedSet<Version>> versions) {
        Map<String, List<String>> json = new LinkedHashMap<>();
        versions.forEach((name, ofName) -> json.put(name.toString(), ofName.stream().map(Version::toString).toList()));
        return json;
    }

    /**
     * {@code {"@acme/pkg": [{"version": "1.0.0", "damaged": false, "folder": "/home/u/.prompd/packages/..."}]}}, by
     * name: each version says what it is found and where, as each row of {@code list --json} does.
     */
    static Map<String, List<Map<String, Object>>> asJson(SortedMap<PackageName, SortedSet<Version>> versions,
                                                         BiPredicate<PackageName, Version> damaged,
                                                         BiFunction<PackageName, Version, Path> folder) {
        Map<String, List<Map<String, Object>>> json = new LinkedHashMap<>();
        versions.forEach((name, ofName) -> json.put(name.toString(), ofName.stream()
                .map(version -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("version", version);
                    fields.put("damaged", damaged.test(name, version));
                    fields.put("folder", folder.apply(name, version).toString());
                    return fields;
                })
                .toList()));
        return json;
    }

    /** One {@code <prefix>@acme/pkg@1.0.0} line per version. */
    static String asLines(SortedMap<PackageName, SortedSet<Version>> versions, String prefix) {
        return asLines(versions, prefix, (name, version) -> "");
    }

    /** One {@code <prefix>@acme/pkg@1.0.0<mark>} line per version, the mark empty for a version with nothing to say. */
    static String asLines(SortedMap<PackageName, SortedSet<Version>> versions, String prefix,
                          BiFunction<PackageName, Version, String> mark) {
        StringBuilder text = new StringBuilder();
        versions.forEach((name, ofName) -> ofName.forEach(version -> text.append(prefix).append(name).append('@')
                .append(version).append(mark.apply(name, version)).append('\n')));
        return text.toString();
    }
}
