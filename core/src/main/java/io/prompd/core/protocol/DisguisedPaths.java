package io.prompd.core.protocol;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder's URL whose path a server or file system reads otherwise than URL resolution does: a separator written
 * encoded ({@code %2f}, {@code %5c}), which resolution takes for part of a name, or a dot segment written with
 * {@code %2e}, which it keeps as a name; a server decodes either first, so the documents below the URL would come from
 * another folder than the one it seems to name. One rule for a registry's URL in the client's configuration, the
 * generator's {@code --base-url} and registry.json's {@code baseUrl}.
 */
public final class DisguisedPaths {

    private static final Pattern ENCODED_DOT = Pattern.compile("%2e", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%2f|%5c", Pattern.CASE_INSENSITIVE);

    private DisguisedPaths() {
    }

    /** What is wrong with the first separator written encoded in the raw path, if it holds one. */
    public static Optional<String> encodedSeparator(String rawPath) {
        Matcher separator = ENCODED_SEPARATOR.matcher(rawPath);
        if (!separator.find()) {
            return Optional.empty();
        }
        return Optional.of("the path holds '" + separator.group() + "', a '" + (separator.group().equalsIgnoreCase("%2f")
                ? "/" : "\\") + "' written encoded, which the file system or a server reads as a folder separator"
                + " though the URL does not: write the path with '/' between its folders");
    }

    /** What is wrong with the first {@code .} or {@code ..} segment written with {@code %2e}, if the path has one. */
    public static Optional<String> encodedDotSegment(String rawPath) {
        return Stream.of(rawPath.split("/")).filter(segment -> ENCODED_DOT.matcher(segment).find())
                .filter(segment -> Set.of(".", "..").contains(dotted(segment)))
                .findFirst()
                .map(segment -> "the path segment '" + segment + "' is '" + dotted(segment) + "' written with %2e,"
                        + " which a server reads as that dot segment though the URL does not: write the path without"
                        + " it");
    }

    /**
     * Whether the path holds a separator or a dot segment that URI normalization does not see as one, a segment's
     * parameters ({@code ;x}) left aside.
     */
    public static boolean disguise(String rawPath) {
        return ENCODED_SEPARATOR.matcher(rawPath).find() || Stream.of(rawPath.split("/", -1)).anyMatch(segment -> {
            String name = dotted(segment.split(";", -1)[0]);
            return Set.of(".", "..").contains(name) && !name.equals(segment);
        });
    }

    private static String dotted(String segment) {
        return ENCODED_DOT.matcher(segment).replaceAll(".");
    }
}
