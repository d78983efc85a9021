package io.prompd.core.manifest;

import io.prompd.core.problem.Spelling;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SPDX license and exception identifiers prompd knows, read from the resources
 * {@code spdx-licenses.txt} and {@code spdx-exceptions.txt} beside this class.
 *
 * @param licenses             current license identifiers
 * @param deprecated           deprecated license identifier to what to write instead
 * @param exceptions           current exception identifiers, for {@code WITH}
 * @param deprecatedExceptions deprecated exception identifier to what to write instead
 */
record SpdxList(Set<String> licenses, Map<String, String> deprecated, Set<String> exceptions,
                Map<String, String> deprecatedExceptions) {

    private static final String DEPRECATION_ARROW = " -> ";
    /** Shorter identifiers are a letter away from other licenses': {@code GPL} from {@code NGPL}. */
    private static final int SHORT_ID = 5;
    /** {@code GPL} and {@code 3} of {@code GPLv3}, {@code GPL-3} and {@code GPL3}. */
    private static final Pattern STEM_AND_VERSION = Pattern.compile("(.+?)[-.]?[vV]?(\\d+(?:\\.\\d+)*)");

    /** Loaded once: the lists are immutable and the same for every check. */
    static final SpdxList BUNDLED = load();

    SpdxList {
        licenses = Set.copyOf(licenses);
        deprecated = Map.copyOf(deprecated);
        exceptions = Set.copyOf(exceptions);
        deprecatedExceptions = Map.copyOf(deprecatedExceptions);
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

    Optional<String> replacementOfException(String deprecatedId) {
        return Optional.ofNullable(deprecatedExceptions.get(deprecatedId));
    }

    /**
     * The licenses an unknown identifier likely means, best first: the one it spells in another case; else the
     * family it names, {@code GPL-*} for {@code GPL}, those of the version it writes ({@code GPL-3.0-*} for
     * {@code GPLv3}) when there are; else the one a typo away. An identifier names its family without a version or
     * clause, and whatever is a letter away from it is mostly another license ({@code NGPL}, {@code 0BSD}): a
     * short identifier is taken as a typo only of one with the same letters ({@code MTI} or {@code MITT} for
     * {@code MIT}).
     */
    List<String> licensesMeant(String id) {
        List<String> named = licensesNamed(id);
        if (!named.isEmpty()) {
            return named;
        }
        Collection<String> typos = id.length() < SHORT_ID
                ? licenses.stream().filter(license -> sameLetters(id, license)).toList() : licenses;
        return Spelling.closest(id, typos).map(List::of).orElse(List.of());
    }

    /**
     * The licenses an identifier names without a typo: the one it spells in another case, else the family it names
     * ({@code GPL-*} for {@code GPL}, {@code GPL-3.0-*} for {@code GPLv3}); empty for words that name no license.
     */
    List<String> licensesNamed(String id) {
        Optional<String> otherCase = licenses.stream().filter(id::equalsIgnoreCase).findFirst();
        if (otherCase.isPresent()) {
            return List.of(otherCase.get());
        }
        List<String> family = family(id, "");
        Matcher versioned = STEM_AND_VERSION.matcher(id);
        if (family.isEmpty() && versioned.matches() && versioned.group(2) != null) {
            family = family(versioned.group(1), versioned.group(2));
        }
        return family;
    }

    /**
     * The licenses named {@code stem-…}, those with a version after the stem when there are ({@code CC-BY-4.0} of
     * {@code CC-BY}, not {@code CC-BY-NC-4.0}), narrowed to {@code version} when it leaves any: those whose version is
     * a plain number first ({@code BSD-4-Clause} before {@code BSD-4.3TAHOE}, named for a release), then the plainest
     * ({@code BSD-3-Clause} before {@code BSD-3-Clause-Clear}), then the newest.
     */
    private List<String> family(String stem, String version) {
        String prefix = stem.toLowerCase(Locale.ROOT) + "-";
        List<String> members = licenses.stream().filter(license -> license.toLowerCase(Locale.ROOT).startsWith(prefix))
                .toList();
        List<String> withVersion = members.stream()
                .filter(license -> Character.isDigit(license.charAt(prefix.length()))).toList();
        if (!withVersion.isEmpty()) {
            members = withVersion;
        }
        List<String> ofVersion = members.stream().filter(license -> {
            String written = firstSegment(license.substring(prefix.length()));
            return written.equals(version) || written.startsWith(version + ".");
        }).toList();
        if (!version.isEmpty() && !ofVersion.isEmpty()) {
            members = ofVersion;
        }
        Function<String, List<Integer>> versionIn =
                license -> versionOf(firstSegment(license.substring(prefix.length())));
        Comparator<String> versionWritten = Comparator.comparing(license -> versionIn.apply(license).isEmpty());
        Comparator<String> plainest = Comparator.comparingInt(license -> license.split("-").length);
        Comparator<String> newest = Comparator.comparing(versionIn, SpdxList::compareVersions).reversed();
        return members.stream().sorted(versionWritten.thenComparing(plainest).thenComparing(newest)
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    private static String firstSegment(String rest) {
        int hyphen = rest.indexOf('-');
        return hyphen < 0 ? rest : rest.substring(0, hyphen);
    }

    /** {@code [3, 0]} of {@code 3.0}; empty for a segment that is no version, as {@code Clause}. */
    private static List<Integer> versionOf(String segment) {
        return segment.matches("\\d+(\\.\\d+)*")
                ? Arrays.stream(segment.split("\\.")).map(Integer::valueOf).toList() : List.of();
    }

    private static int compareVersions(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = Integer.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * Whether the two are written with the same characters ignoring case, as a swap or a doubled letter leaves them.
     */
    private static boolean sameLetters(String a, String b) {
        return letters(a).equals(letters(b));
    }

    private static Set<Integer> letters(String id) {
        return id.toLowerCase(Locale.ROOT).chars().boxed().collect(Collectors.toSet());
    }

    Optional<String> closestException(String id) {
        return Spelling.closest(id, exceptions);
    }

    private static SpdxList load() {
        Set<String> licenseLines = lines("spdx-licenses.txt");
        Set<String> exceptionLines = lines("spdx-exceptions.txt");
        return new SpdxList(current(licenseLines), deprecated(licenseLines), current(exceptionLines),
                deprecated(exceptionLines));
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
