package io.prompd.core.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Folders that prompd creates, with a failure that names what stands in the way, and deletes with
 * all they hold. Where a file has the name of a folder to create, {@link Files#createDirectories}
 * says "already exists" of that file, or "Not a directory" of the folder below it: neither tells
 * that a file is in the way, and the second not even which one.
 */
public final class Folders {

    private Folders() {
    }

    /**
     * Creates {@code folder} and the folders above it that are missing.
     *
     * @throws NotDirectoryException naming the file (or link, or device) that stands where one of them goes
     */
    public static Path create(Path folder) throws IOException {
        try {
            return Files.createDirectories(folder);
        } catch (FileSystemException failure) {
            Optional<Path> inTheWay = fileInTheWay(folder);
            if (inTheWay.isEmpty()) {
                throw failure;
            }
            NotDirectoryException named = new NotDirectoryException(inTheWay.get().toString());
            named.initCause(failure);
            throw named;
        }
    }

    /** The nearest of {@code folder} and the folders above it that exists but is no folder, if any. */
    public static Optional<Path> fileInTheWay(Path folder) {
        for (Path path = folder.toAbsolutePath().normalize(); path != null; path = path.getParent()) {
            if (Files.isDirectory(path)) {
                return Optional.empty();
            }
            // looked at again once found: another run may have made the folder between the two looks
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /**
     * The path as the system will follow it: the real path of the nearest of it and the folders above it that exists,
     * with the rest, still to be created, below that. A symbolic link on the way then shows where a file written at
     * the path lands, which the path as written does not tell.
     */
    public static Path real(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        return existing.toRealPath().resolve(existing.relativize(absolute));
    }

    /**
     * Where {@code inner} lies below {@code folder}, as a path relative to it with {@code /} separators, by real paths
     * (a link may lead either way); empty when it lies elsewhere or is the folder itself.
     */
    public static Optional<String> pathWithin(Path folder, Path inner) throws IOException {
        Path root = real(folder);
        Path real = real(inner);
        return real.startsWith(root) && !real.equals(root)
                ? Optional.of(root.relativize(real).toString().replace('\\', '/'))
                : Optional.empty();
    }

    /** Deletes a file, or a folder with everything in it; links are deleted, never followed. */
    public static void deleteRecursively(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            deleteContents(path);
        }
        Files.deleteIfExists(path);
    }

    /** Deletes everything in a folder, which stays, empty; links are deleted, never followed. */
    public static void deleteContents(Path folder) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                deleteRecursively(child);
            }
        }
    }
}
