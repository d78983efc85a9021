package io.prompd.client.http;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Files appear whole or not at all, so a crash or a parallel reader never sees half of one. */
final class AtomicFiles {

    private static final String TEMPORARY_SUFFIX = ".part";
    /** {@code .<target>.<pid>.<random>.part}: the process that writes it, then what makes the name unique. */
    private static final Pattern WRITER = Pattern.compile("\\.(\\d{1,18})\\.\\d+\\.part$");

    private AtomicFiles() {
    }

    /**
     * A fresh temporary file beside {@code target}, on the same file system so the move can be
     * atomic. Its name holds this process's id, so the leftovers of a killed run can be told from
     * the files another run is writing ({@link #removeOrphans}).
     */
    static Path temporaryBeside(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        // mkdir on an existing folder fails only after taking the folder's lock, which the parallel
        // downloads creating files in it hold often: a look first is much cheaper
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        return Files.createTempFile(folder, "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".",
                TEMPORARY_SUFFIX);
    }

    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes the temporary files in the folder whose process has ended: what runs killed midway
     * left. Safe while other runs write there, without any lock: a live process's files are kept.
     *
     * @return the files deleted, sorted
     */
    static List<Path> removeOrphans(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> orphans = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX) && writer(name).isEmpty()) {
                    Files.deleteIfExists(entry);
                    orphans.add(entry);
                }
            }
        }
        return orphans.stream().sorted().toList();
    }

    /** The live process writing the temporary file of that name; empty once it has ended, or for a name without one. */
    private static Optional<ProcessHandle> writer(String name) {
        Matcher writer = WRITER.matcher(name);
        return writer.find() ? ProcessHandle.of(Long.parseLong(writer.group(1))) : Optional.empty();
    }
}
