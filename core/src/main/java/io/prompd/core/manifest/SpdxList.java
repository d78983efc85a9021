package io.prompd.core.manifest;

import io.prompd.core.problem.Spelling;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The SPDX license and exception identifiers prompd knows, read from the resources
 * {@code spdx-licenses.txt} and {@code spdx-exceptions.txt} beside this class.
 *
 * @param licenses   current license identifiers
 * @param deprecated deprecated license identifier to what to write instead
 * @param exceptions exception identifiers, for {@code WITH}
 */
record SpdxList(Set<String> licenses, Map<String, String> deprecated, Set<String> exceptions) {

    private static final String DEPRECATION_ARROW = " -> ";

    /** Loaded once: the lists are immutable and the same for every check. */
    static final SpdxList BUNDLED = load();

    SpdxList {
        licenses = Set.copyOf(licenses);
        deprecated = Map.copyOf(deprecated);
        exceptions = Set.copyOf(exceptions);
    }

    boolean isLicense(String id) {
        return licenses.contains(id);
    }

    boolean isException(String id) {
        return exceptions.contains(id);
    }

    Optional<String> replacementOf(String deprecatedId) {
        return Optional.ofNullable(deprecated.get(deprecatedId));
    }

    Optional<String> closestLicense(String id) {
        return Spelling.closest(id, licenses);
    }

    Optional<String> closestException(String id) {
        return Spelling.closest(id, exceptions);
    }

    private static SpdxList load() {
        Set<String> licenseLines = lines("spdx-licenses.txt");
        return new SpdxList(current(licenseLines), deprecated(licenseLines), lines("spdx-exceptions.txt"));
    }

    private static Set<String> current(Set<String> lines) {
        Set<String> ids = new TreeSet<>();
        lines.stream().filter(line -> !line.contains(DEPRECATION_ARROW)).forEach(ids::add);
        return ids;
    }

    private static Map<String, String> deprecated(Set<String> lines) {
        Map<String, String> replacements = new TreeMap<>();
        for (String line : lines) {
            int arrow = line.indexOf(DEPRECATION_ARROW);
            if (arrow > 0) {
                replacements.put(line.substring(0, arrow), line.substring(arrow + DEPRECATION_ARROW.length()));
            }
        }
        return replacements;
    }

    private static Set<String> lines(String resource) {
        try (InputStream in = SpdxList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " beside " + SpdxList.class.getName());
            }
            Set<String> lines = new TreeSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(lines::add);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
