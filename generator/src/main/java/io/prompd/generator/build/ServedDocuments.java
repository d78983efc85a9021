package io.prompd.generator.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.PrompdException;
import io.prompd.core.SortedCopies;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import io.prompd.core.json.JsonSyntaxError;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What an output whose build state this generator cannot use serves, as the first build after an upgrade that changed
 * the state's format finds: the versions and takedowns read from the served {@code index.json} files, whose shape is
 * the protocol's and does not change with the generator, and the numbers kept for tarballs served once, read from the
 * state's {@code vanished}. The first build after an upgrade rebuilds everything, and must still refuse to leave out,
 * change or bring back what the output serves, as any other build does.
 *
 * @param format    the format of the output's build state
 * @param versions  every version the output serves, to the integrity of its tarball
 * @param takedowns the takedowns the output serves
 * @param vanished  the versions served once and left out with no takedown record, to the integrity of the tarball
 *                  served, as {@link BuildState#vanished}
 */
record ServedDocuments(int format, SortedMap<PackageName, SortedMap<Version, Integrity>> versions,
                       ServedTakedowns takedowns, SortedMap<PackageName, SortedMap<Version, Integrity>> vanished) {

    ServedDocuments {
        Objects.requireNonNull(takedowns, "takedowns");
        versions = SortedCopies.nested(versions);
        vanished = SortedCopies.nested(vanished);
    }

    /**
     * Reads the served documents of an output whose state file is of another format.
     *
     * @throws PrompdException when an {@code index.json} or the state's {@code vanished} does not read, or a package
     *                         that the state or {@code packages.json} lists has no {@code index.json} file: a build
     *                         must not take it for nothing served, which would turn its guards off
     */
    static ServedDocuments read(Path out, BuildState.StateFile stateFile) throws IOException {
        requirePackuments(out, stateFile);
        SortedMap<PackageName, SortedMap<Version, Integrity>> versions = new TreeMap<>();
        SortedMap<PackageVersion, String> reasons = new TreeMap<>();
        for (Path packument : packuments(out.resolve(RegistryLayout.PACKAGES_FOLDER))) {
            String path = out.relativize(packument).toString().replace('\\', '/');
            JsonNode document = document(out, path);
            String name = document.path("name").asText();
            if (!PackageName.check(name).isEmpty()) {
                throw damaged(out, path, "it names no valid package");
            }
            PackageName packageName = PackageName.parse(name);
            SortedMap<Version, Integrity> served = new TreeMap<>();
            for (Map.Entry<String, JsonNode> version : document.path("versions").properties()) {
                served.put(version(out, path, version.getKey()),
                        integrity(out, path, version.getKey(), version.getValue().at("/dist/integrity")));
            }
            versions.put(packageName, served);
            for (Map.Entry<String, JsonNode> record : document.path("takenDown").properties()) {
                reasons.put(new PackageVersion(packageName, version(out, path, record.getKey())),
                        record.getValue().asText());
            }
        }
        return new ServedDocuments(stateFile.header().format(), versions,
                new ServedTakedowns(stateFile.header().commit(), reasons), stateFile.vanished());
    }

    /**
     * Refuses a package listed as served, by the state or by {@code packages.json}, whose {@code index.json} is missing
     * or is no file: the documents read are found by listing the folders, which would pass over it.
     */
    private static void requirePackuments(Path out, BuildState.StateFile stateFile) throws IOException {
        SortedMap<PackageName, String> listed = new TreeMap<>();
        listedInPackageList(out).forEach(name -> listed.put(name, RegistryLayout.PACKAGE_LIST));
        stateFile.indexedPackages().forEach(name -> listed.put(name, BuildState.FILE));
        for (Map.Entry<PackageName, String> served : listed.entrySet()) {
            String path = RegistryLayout.packument(served.getKey());
            Path packument = out.resolve(path);
            if (!Files.isRegularFile(packument)) {
                throw damaged(out, path, (Files.exists(packument, LinkOption.NOFOLLOW_LINKS) ? "it is no file"
                        : "it is missing") + ", though " + served.getValue() + " lists " + served.getKey()
                        + " as served");
            }
        }
    }

    /** The names {@code packages.json} lists; none when the output has none. */
    private static List<PackageName> listedInPackageList(Path out) throws IOException {
        Path file = out.resolve(RegistryLayout.PACKAGE_LIST);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        if (!Files.isRegularFile(file)) {
            throw damaged(out, RegistryLayout.PACKAGE_LIST, "it is no file");
        }
        List<PackageName> names = new ArrayList<>();
        for (JsonNode summary : document(out, RegistryLayout.PACKAGE_LIST).path("packages")) {
            String name = summary.path("name").asText();
            if (!PackageName.check(name).isEmpty()) {
                throw damaged(out, RegistryLayout.PACKAGE_LIST, "'" + name + "' is no package name");
            }
            names.add(PackageName.parse(name));
        }
        return names;
    }

    private static JsonNode document(Path out, String path) throws IOException {
        byte[] text = Files.readAllBytes(out.resolve(path));
        try {
            return Json.reader().readTree(text);
        } catch (JsonProcessingException unreadable) {
            throw damaged(out, path, JsonSyntaxError.of(unreadable, text).placeAndReason());
        }
    }

    private static Version version(Path out, String path, String text) {
        if (!Version.isValid(text)) {
            throw damaged(out, path, "'" + text + "' is no version");
        }
        return Version.parse(text);
    }

    private static Integrity integrity(Path out, String path, String version, JsonNode integrity) {
        try {
            return Integrity.parse(integrity.textValue() == null ? "" : integrity.textValue());
        } catch (IllegalArgumentException unreadable) {
            throw damaged(out, path, "version " + version + " has no integrity: " + unreadable.getMessage());
        }
    }

    private static PrompdException damaged(Path out, String path, String why) {
        return OutputFolder.damaged(out, path, why, "the build state of " + out + " is of another format, and a"
                + " build reads what it serves from its documents, to refuse leaving out or changing a version it"
                + " serves");
    }

    /** {@code packages/name/index.json} and {@code packages/@scope/name/index.json}. */
    private static List<Path> packuments(Path packages) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(packages)) {
            return found;
        }
        try (Stream<Path> entries = Files.list(packages)) {
            for (Path entry : entries.sorted().toList()) {
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
