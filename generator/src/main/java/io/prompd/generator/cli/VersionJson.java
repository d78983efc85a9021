package io.prompd.generator.cli;

import io.prompd.generator.source.PackageVersion;
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
}
