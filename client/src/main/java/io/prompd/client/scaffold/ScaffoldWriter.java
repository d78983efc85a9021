package io.prompd.client.scaffold;

import io.prompd.client.files.DanglingLinks;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.files.AtomicFiles;
import io.prompd.core.files.Folders;
import io.prompd.core.files.NamedWrites;
import io.prompd.core.files.TemporaryFiles;
import io.prompd.core.manifest.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a {@link Scaffold} without ever overwriting a file or leaving half a package: a new folder
 * is built beside its final place and renamed into it; into an existing folder, every file is
 * first written in full in a temporary folder, then all are moved into place, {@code prompd.json} last, so that a
 * folder holding it holds the rest. What a killed run left of the same folder is deleted first.
 */
public final class ScaffoldWriter {

    /** Inside an existing folder, the temporary folder is named after this. */
    private static final String STAGING_TARGET = "init";
    /** Moved after every other file: a folder holding it is a package, which init refuses to write again. */
    private static final Comparator<String> MANIFEST_LAST = Comparator
            .comparing((String path) -> path.equals(ManifestReader.FILE_NAME)).thenComparing(Comparator.naturalOrder());

    private ScaffoldWriter() {
    }

    /** @return the files written, in the order they were */
    public static List<Path> write(Path folder, Scaffold scaffold) throws IOException {
        // before any refusal: the files a killed init had moved in are refused, and its temporary would stay for good
        TemporaryFiles.removeOrphansOf(folder.resolve(STAGING_TARGET));
        refuseExistingFiles(folder, scaffold);
        SortedMap<String, byte[]> files = new TreeMap<>(MANIFEST_LAST);
        files.putAll(scaffold.files());
        if (Files.exists(folder)) {
            return writeInto(folder, files);
        }
        TemporaryFiles.removeOrphansOf(folder);
        Path staging = AtomicFiles.temporaryFolder(folder);
        try {
            writeFiles(staging, folder, files);
            AtomicFiles.moveIntoFreePlace(staging, folder);
        } finally {
            Folders.deleteRecursively(staging);
        }
        return files.keySet().stream().map(folder::resolve).toList();
    }

    private static void refuseExistingFiles(Path folder, Scaffold scaffold) {
        // the link stands in the way of the new folder, and the system would say no more than "already exists"
        Optional<String> dangling = DanglingLinks.described(folder);
        if (dangling.isPresent()) {
            throw new PrompdException(ExitCode.CONFLICT, dangling.get(), "create the folder it leads to, then run init"
                    + " again to create the package there; or remove the link");
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new PrompdException(ExitCode.CONFLICT, folder + " exists and is not a folder",
                    "choose another folder for the package");
        }
        List<String> existing = scaffold.files().keySet().stream()
                .filter(path -> Files.exists(folder.resolve(path)))
                .toList();
        if (!existing.isEmpty()) {
            String them = Plural.itOrThem(existing.size());
            throw new PrompdException(ExitCode.CONFLICT,
                    "refusing to overwrite " + String.join(", ", existing) + " in " + folder,
                    "init never overwrites files: remove or move " + them + " (an init that was interrupted leaves"
                            + " those it had written), then run init again; or run init in another folder");
        }
    }

    private static List<Path> writeInto(Path folder, SortedMap<String, byte[]> files) throws IOException {
        Path staging = AtomicFiles.temporaryFolder(folder.resolve(STAGING_TARGET));
        List<Path> moved = new ArrayList<>();
        try {
            writeFiles(staging, folder, files);
            for (String path : files.keySet()) {
                Path target = folder.resolve(path);
                Folders.create(target.getParent());
                AtomicFiles.moveIntoFreePlace(staging.resolve(path), target);
                moved.add(target);
            }
        } catch (IOException | RuntimeException failure) {
            AtomicFiles.deleteAfter(failure, moved);
            throw failure;
        } finally {
            Folders.deleteRecursively(staging);
        }
        return moved;
    }

    /**
     * Writes the files into {@code staging}; a failure names the file in {@code folder}, where the
     * user will look for it, rather than in a temporary folder that is gone by then.
     */
    static void writeFiles(Path staging, Path folder, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = staging.resolve(file.getKey());
            try {
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            } catch (IOException failure) {
                // a full disk says "No space left on device" and nothing else
                throw NamedWrites.naming(failure, folder.resolve(file.getKey()));
            }
        }
    }
}
