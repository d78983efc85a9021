package io.prompd.client.scaffold;

import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.manifest.LicenseCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The README and license files a folder init is run in holds already, which the user wrote: they serve the package
 * better than templates, and init keeps them in place of its own, as {@code cargo init} does. They are found by every
 * name people give them, in any letter case: a {@code README.md} written beside a {@code readme.md} would be one file
 * on Windows and macOS, which validate refuses, and one beside a {@code README.txt} or a {@code LICENSE} beside a
 * {@code COPYING} would stand in for the user's own.
 *
 * @param readme   the README kept, by its name in the folder
 * @param licenses the license files kept, by their names in the folder, sorted
 */
record FoundDocuments(Optional<String> readme, List<String> licenses) {

    private static final Pattern README = Pattern.compile("(?i)README(\\.(md|markdown|txt|rst))?");
    /**
     * The license names init's LICENSE is written in place of, which one that is no regular file makes init refuse.
     * Any other name of a terms file ({@link LicenseCheck#isTermsFileName}), a license under a name of its own as a
     * dual-licensed project keeps each ({@code LICENSE-MIT} beside {@code LICENSE-APACHE}, Rust's way) or a GNU one
     * its second ({@code COPYING.LESSER}), is kept too, since a LICENSE of init's would claim other terms; standing in
     * the way of no file init writes, one that is no regular file is passed over rather than refused.
     */
    private static final Pattern LICENSE = Pattern.compile("(?i)(LICEN[CS]E|COPYING)(\\.(md|markdown|txt|rst))?");
    /** As the registry prefers a README where there are several: Markdown first, as npm and code hosts show it. */
    private static final List<String> README_ORDER = List.of(".md", ".markdown", "", ".txt", ".rst");

    FoundDocuments {
        licenses = List.copyOf(licenses);
    }

    /**
     * The README and license files {@code folder} holds; refused when one of those names is a symbolic link, which is
     * never packed, a folder or any other file that is not a regular one, since init could neither keep it nor write
     * its own without one of them standing in the other's way.
     */
    static FoundDocuments in(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return new FoundDocuments(Optional.empty(), List.of());
        }
        List<String> names;
        try (Stream<Path> children = Files.list(folder)) {
            names = children.map(child -> child.getFileName().toString())
                    .filter(name -> README.matcher(name).matches() || LICENSE.matcher(name).matches()
                            || LicenseCheck.isTermsFileName(name) && isRegularFile(folder.resolve(name)))
                    .sorted().toList();
        }
        refuseIrregular(folder, names);
        Optional<String> readme = names.stream().filter(name -> README.matcher(name).matches())
                .min(Comparator.comparing(FoundDocuments::readmeRank));
        List<String> licenses = names.stream().filter(name -> !README.matcher(name).matches()).toList();
        return new FoundDocuments(readme, licenses);
    }

    /**
     * Whether {@code folder} holds {@code path}, the terms file SEE LICENSE IN names, which init keeps in place of its
     * own; refused as {@link #in} refuses a README that is no regular file, and when the folder holds it in other
     * letter case: one written beside that would be the same file on Windows and macOS, which validate refuses.
     */
    static boolean holdsTermsFile(Path folder, String path) throws IOException {
        refuseIrregular(folder, List.of(path));
        Path file = folder.resolve(path);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        Path parent = file.getParent();
        String name = file.getFileName().toString();
        if (Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> siblings = Files.list(parent)) {
                Optional<String> otherCase = siblings.map(sibling -> sibling.getFileName().toString())
                        .filter(sibling -> sibling.equalsIgnoreCase(name)).sorted().findFirst();
                if (otherCase.isPresent()) {
                    String held = folder.relativize(parent.resolve(otherCase.get())).toString().replace('\\', '/');
                    throw new PrompdException(ExitCode.CONFLICT, "the folder holds " + held + ", which differs from "
                            + path + " only in letter case: init would write " + path + " beside it, the same file on"
                            + " Windows and macOS", "name the file as the folder has it (--license 'SEE LICENSE IN "
                            + held + "'), or rename " + held + " to " + path + ", then run init again");
                }
            }
        }
        return false;
    }

    private static boolean isRegularFile(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static int readmeRank(String name) {
        int dot = name.indexOf('.');
        return README_ORDER.indexOf(dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT));
    }

    private static void refuseIrregular(Path folder, List<String> names) throws IOException {
        List<String> irregular = new ArrayList<>();
        for (String name : names) {
            Path file = folder.resolve(name);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                irregular.add(name + " (a symbolic link)");
            } else if (attributes.isDirectory()) {
                irregular.add(name + " (a folder)");
            } else if (!attributes.isRegularFile()) {
                irregular.add(name + " (no regular file)");
            }
        }
        if (!irregular.isEmpty()) {
            String them = Plural.itOrThem(irregular.size());
            throw new PrompdException(ExitCode.CONFLICT, "refusing to keep " + Plural.series(irregular, "and") + " in "
                    + folder + ": init keeps a README or license the folder holds in place of its own only when it is"
                    + " a regular file", "move " + them + " away or replace " + them + " with a regular file (a copy of"
                    + " the file a link leads to), then run init again; or run init in another folder");
        }
    }
}
