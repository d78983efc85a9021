package io.prompd.core.packaging;

import io.prompd.core.files.LongNames;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Optional;

/**
 * Paths in a registry's Git repository, where each version's files lie in {@code packages/<name>/<version>/}, and how
 * long one may be: whoever clones the registry checks out every path in it, on Windows too. The registry's check
 * holds a pull request to the limit, and {@code prompd validate} warns of a package whose files would go past the
 * default one once published.
 */
public final class RepositoryPaths {

    /** The folder of a registry's repository that holds the packages' folders. */
    public static final String PACKAGES = "packages";

    /**
     * The longest path in a registry's repository, in characters as Windows counts them (UTF-16 units), that its check
     * lets a pull request add unless its policy sets another ({@link #MAX_LENGTH_FIELD}). Git for Windows, without
     * {@code core.longpaths} (off by default), checks out no path longer than Windows' MAX_PATH allows, 259 characters
     * counted from the drive, the folder the clone is made in included: 200 leaves 59 for that folder, where
     * {@code C:\Users\<name>\source\repos\<registry>\} takes some 50.
     */
    public static final int DEFAULT_MAX_LENGTH = 200;

    /** The field of {@code policy} in registry.json that sets the limit. */
    public static final String MAX_LENGTH_FIELD = "maxPathLength";

    /** The most a registry's policy may set: Linux's PATH_MAX, beyond which no clone anywhere holds a path. */
    public static final int MAX_LENGTH_CEILING = LongNames.LINUX_MAX_PATH_BYTES;

    /** How to bring a path within the limit. */
    public static final String SHORTEN = "give the folders and files on the path shorter names, or fewer levels";

    private RepositoryPaths() {
    }

    /** The folder holding a version's files, {@code packages/@scope/name/1.0.0}. */
    public static String versionFolder(PackageName name, Version version) {
        return PACKAGES + "/" + name + "/" + version;
    }

    /** The length of a path as Windows counts it, in UTF-16 units: a character beyond U+FFFF, an emoji, counts two. */
    public static int length(String path) {
        return path.length();
    }

    /**
     * The part of a path that first goes past the limit: the shortest folder longer than it, as written with its
     * {@code /} (the fix of the folder serves every file in it), or else the whole path; empty when the path fits.
     */
    public static Optional<String> overLimit(String path, int limit) {
        if (length(path) <= limit) {
            return Optional.empty();
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (length(path.substring(0, slash)) > limit) {
                return Optional.of(path.substring(0, slash + 1));
            }
        }
        return Optional.of(path);
    }

    /**
     * What a path of {@code length} characters in a registry's repository goes past, and why it matters, for the
     * check's error and validate's warning: {@code more than the 200 ...}.
     *
     * @param allowed how the limit is set, such as {@code a path in the registry's repository may have}
     */
    public static String beyond(int length, int limit, String allowed) {
        return length + " characters, more than the " + limit + " " + allowed + " (policy." + MAX_LENGTH_FIELD
                + " in registry.json), so that Git for Windows can check it out: without core.longpaths, off by"
                + " default, it takes no path of more than 259 characters counted from the drive, the folder a clone"
                + " is made in included";
    }

    /** How a path over the limit is told: the file's, or the folder's, which ends in {@code /}. */
    public static String whose(String place) {
        return place.endsWith("/") ? "the folder's path" : "the path";
    }

    /** The length of the place {@link #overLimit} gives, a folder's without its {@code /}. */
    public static int lengthOf(String place) {
        return length(place.endsWith("/") ? place.substring(0, place.length() - 1) : place);
    }
}
