package io.prompd.core.archive;

import io.prompd.core.source.SourceEntry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which packed file is a package's README: the one a registry's version document serves as {@code readme}, and so
 * the one {@code prompd info} shows. This class alone decides it.
 *
 * <p>The file the manifest's {@code readme} names; without one, among the files at the root whose names start with
 * README (all packed, whatever {@code files} and {@code ignore} say), the first of {@code README.md},
 * {@code README.markdown}, {@code README} and {@code README.txt}, each in any letter case, as npm finds
 * {@code readme.md} as well; else the first other one in name order ({@code README-de.md}, {@code README.fr.md}). A
 * translation or a {@code README-FIRST.txt} beside {@code README.md} thus never takes its place, as it did when the
 * first in name order won, and a package whose only README is another keeps serving it. Two names differing only in
 * letter case are refused by the selection, so at most one file has each of these names.
 */
public final class PackageReadme {

    /** The start of the name of a README, in lower case: each one at the root is packed whatever the rules say. */
    static final String PREFIX = "readme";

    /** The names preferred, in lower case, the first found winning: Markdown first, as npm and code hosts show it. */
    private static final List<String> PREFERRED = List.of("readme.md", "readme.markdown", "readme", "readme.txt");

    private PackageReadme() {
    }

    /**
     * The path of the package's README, or empty when it has none.
     *
     * @param named     the manifest's {@code readme}, which wins when it names a packed file
     * @param selection what pack packs
     */
    public static Optional<String> path(Optional<String> named, PackSelection selection) {
        List<String> packed = selection.included().stream().map(SourceEntry::path).toList();
        Optional<String> chosen = named.filter(packed::contains);
        if (chosen.isPresent()) {
            return chosen;
        }
        // the selection is sorted by path, so the first of two names in one letter case is the same in every build
        List<String> atRoot = packed.stream().filter(path -> path.indexOf('/') < 0 && lower(path).startsWith(PREFIX))
                .toList();
        return PREFERRED.stream().flatMap(preferred -> atRoot.stream().filter(name -> lower(name).equals(preferred)))
                .findFirst().or(() -> atRoot.stream().findFirst());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
