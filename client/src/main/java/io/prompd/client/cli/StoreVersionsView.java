package io.prompd.client.cli;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

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

    /** One {@code <prefix>@acme/pkg@1.0.0} line per version. */
    static String asLines(SortedMap<PackageName, SortedSet<Version>> versions, String prefix) {
        StringBuilder text = new StringBuilder();
        versions.forEach((name, ofName) -> ofName.forEach(version ->
                text.append(prefix).append(name).append('@').append(version).append('\n')));
        return text.toString();
    }
}
