package io.prompd.generator.cli;

import io.prompd.generator.source.PackageVersion;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A package version as the commands' JSON gives it, {@code {"name", "version"}}, the one shape of it for check's
 * report and build's warnings. Sorted, as the written JSON is whatever a map's order: a view adds its own fields.
 */
final class VersionJson {

    private VersionJson() {
    }

    static SortedMap<String, Object> of(PackageVersion version) {
        SortedMap<String, Object> json = new TreeMap<>();
        json.put("name", version.name().toString());
        json.put("version", version.version().toString());
        return json;
    }

    /**
     * Versions taken down, each with its {@code reason}, left out when its takedown gave none, as {@code check --json}
     * gives a takedown.
     */
    static List<SortedMap<String, Object>> takenDown(SortedMap<PackageVersion, String> reasons) {
        return reasons.entrySet().stream().map(taken -> {
            SortedMap<String, Object> version = of(taken.getKey());
            if (!taken.getValue().isBlank()) {
                version.put("reason", taken.getValue());
            }
            return version;
        }).toList();
    }
}
