package io.prompd.client.install.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What differs between a folder and the one it should equal, told by the paths inside them. */
final class FolderComparison {

    private FolderComparison() {
    }

    /**
     * Each path missing from {@code actual}, added to it, or of other bytes or another kind there (a link, a folder
     * for a file), sorted; a folder missing or added is told once, not with each thing in it. Links are compared, not
     * followed.
     */
    static List<String> differences(Path expected, Path actual) throws IOException {
        SortedMap<String, Path> wanted = entries(expected);
        SortedMap<String, Path> found = entries(actual);
        SortedSet<String> paths = new TreeSet<>(wanted.keySet());
        paths.addAll(found.keySet());
        List<String> differences = new ArrayList<>();
        String toldFolder = null;
        for (String path : paths) {
            if (toldFolder != null && path.startsWith(toldFolder)) {
                continue;
            }
            if (!found.containsKey(path) || !wanted.containsKey(path)) {
                differences.add(path + (found.containsKey(path) ? " is not in its tarball" : " is missing"));
                toldFolder = path.endsWith("/") ? path : null;
            } else if (!path.endsWith("/") && !sameFile(wanted.get(path), found.get(path))) {
                differences.add(path + " differs from its tarball's");
            }
        }
        return List.copyOf(differences);
    }

    /** Every file and folder inside {@code root} by its path there, a folder's ending in '/'. */
    private static SortedMap<String, Path> entries(Path root) throws IOException {
        SortedMap<String, Path> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(path -> !path.equals(root)).forEach(path -> entries.put(root.relativize(path).toString()
                    .replace('\\', '/') + (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "/" : ""), path));
        }
        return entries;
    }

    private static boolean sameFile(Path wanted, Path found) throws IOException {
        return Files.isRegularFile(found, LinkOption.NOFOLLOW_LINKS) && Files.mismatch(wanted, found) == -1;
    }
}
