package io.prompd.generator.build;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.SortedCopies;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The takedowns an output serves, which a build of an older commit must not undo unasked.
 *
 * @param commit  the registry commit the output was built from
 * @param reasons every version taken down, to its reason (empty when none was given)
 */
record ServedTakedowns(String commit, SortedMap<PackageVersion, String> reasons) {

    ServedTakedowns {
        Objects.requireNonNull(commit, "commit");
        reasons = SortedCopies.map(reasons);
    }

    static ServedTakedowns of(BuildState state) {
        SortedMap<PackageVersion, String> reasons = new TreeMap<>();
        state.packages().forEach((name, old) -> old.meta().takenDown().forEach((version, reason) ->
                reasons.put(new PackageVersion(name, version), reason)));
        return new ServedTakedowns(state.commit(), reasons);
    }

    /**
     * The takedowns of an output whose build state this generator cannot use, as the first build after an
     * upgrade that changed its format finds, read from the served {@code index.json} files: the protocol's
     * documents do not change with the generator, and the first build going back to an older commit after an
     * upgrade must be refused as any other.
     *
     * @param commit the commit the output's build state names
     */
    static ServedTakedowns readDocuments(Path out, String commit) throws IOException {
        SortedMap<PackageVersion, String> reasons = new TreeMap<>();
        for (Path packument : packuments(out.resolve(RegistryLayout.PACKAGES_FOLDER))) {
            JsonNode document;
            try {
                document = Json.reader().readTree(Files.readAllBytes(packument));
            } catch (IOException unreadable) {
                // a damaged document guards nothing, as a build into an empty folder does not
                continue;
            }
            String name = document.path("name").asText();
            if (!PackageName.check(name).isEmpty()) {
                continue;
            }
            document.path("takenDown").properties().forEach(record -> {
                if (Version.isValid(record.getKey())) {
                    reasons.put(new PackageVersion(PackageName.parse(name), Version.parse(record.getKey())),
                            record.getValue().asText());
                }
            });
        }
        return new ServedTakedowns(commit, reasons);
    }

    /** {@code packages/name/index.json} and {@code packages/@scope/name/index.json}. */
    private static List<Path> packuments(Path packages) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(packages)) {
            return found;
        }
        try (Stream<Path> entries = Files.list(packages)) {
            for (Path entry : entries.toList()) {
                if (entry.getFileName().toString().startsWith("@")) {
                    found.addAll(packuments(entry));
                } else if (Files.isRegularFile(entry.resolve(RegistryLayout.PACKUMENT_FILE))) {
                    found.add(entry.resolve(RegistryLayout.PACKUMENT_FILE));
                }
            }
        }
        return found;
    }
}
