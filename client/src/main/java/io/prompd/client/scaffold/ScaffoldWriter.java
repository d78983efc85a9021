package io.prompd.client.scaffold;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a {@link Scaffold} without ever overwriting a file or leaving half a package: a new folder
 * is built beside its final place and renamed into it; into an existing folder, every file is
 * first written in full under a temporary name, then all are moved into place.
 */
public final class ScaffoldWriter {

    private ScaffoldWriter() {
    }

    /** @return the files written, sorted */
    public static List<Path> write(Path folder, Scaffold scaffold) throws IOException {
        refuseExistingFiles(folder, scaffold);
        if (Files.exists(folder)) {
            return writeInto(folder, scaffold);
        }
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + folder.getFileName() + ".init-");
        try {
            writeFiles(staging, scaffold.files());
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException failure) {
            deleteTree(staging);
            throw failure;
        }
        return targets(folder, scaffold);
    }

    private static void refuseExistingFiles(Path folder, Scaffold scaffold) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new PrompdException(ExitCode.CONFLICT, folder + " exists and is not a folder",
                    "choose another folder for the package");
        }
        List<String> existing = scaffold.files().keySet().stream()
                .filter(path -> Files.exists(folder.resolve(path)))
                .toList();
        if (!existing.isEmpty()) {
            throw new PrompdException(ExitCode.CONFLICT,
                    "refusing to overwrite " + String.join(", ", existing) + " in " + folder,
                    "init never overwrites files: move them away, or run init in an empty folder");
        }
    }

    private static List<Path> writeInto(Path folder, Scaffold scaffold) throws IOException {
        Path staging = Files.createTempDirectory(folder, ".init-");
        List<Path> moved = new ArrayList<>();
        try {
            writeFiles(staging, scaffold.files());
            for (String path : scaffold.files().keySet()) {
                Path target = folder.resolve(path);
                Files.createDirectories(target.getParent());
                // No REPLACE_EXISTING: a file that appeared since the check is never overwritten.
                Files.move(staging.resolve(path), target, StandardCopyOption.ATOMIC_MOVE);
                moved.add(target);
            }
        } catch (IOException | RuntimeException failure) {
            for (Path written : moved) {
                Files.deleteIfExists(written);
            }
            throw failure;
        } finally {
            deleteTree(staging);
        }
        return targets(folder, scaffold);
    }

    private static void writeFiles(Path root, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    private static List<Path> targets(Path folder, Scaffold scaffold) {
        return scaffold.files().keySet().stream().map(folder::resolve).toList();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
