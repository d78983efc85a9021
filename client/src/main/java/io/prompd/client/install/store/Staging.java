package io.prompd.client.install.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * How the client makes files and folders appear whole or not at all: written under a temporary
 * name beside their target (so the final rename stays on one file system), then renamed. A run
 * killed midway leaves only names marked by {@link #MARK}, which {@link #removeLeftovers} deletes.
 */
public final class Staging {

    /** Every temporary name holds this; no package name or version can, as neither may contain '~'. */
    public static final String MARK = ".~staging-";

    private Staging() {
    }

    /** Replaces {@code target} with {@code bytes}: readers see the old file or the new one, never a mix. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path temporary = temporaryFile(target);
        try {
            Files.write(temporary, bytes);
            moveIntoPlace(temporary, target, true);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A new empty temporary file beside {@code target}. Not {@link Files#createTempFile}: its
     * owner-only permissions would stay on the file once renamed, and a rewritten prompd.json
     * should be as readable as one written by an editor.
     */
    public static Path temporaryFile(Path target) throws IOException {
        Path staged = stagedName(target);
        Files.createFile(staged);
        return staged;
    }

    /** A new empty temporary folder beside {@code target}, with the default permissions for the same reason. */
    public static Path temporaryFolder(Path target) throws IOException {
        Path staged = stagedName(target);
        Files.createDirectory(staged);
        return staged;
    }

    private static Path stagedName(Path target) throws IOException {
        Path folder = target.toAbsolutePath().normalize().getParent();
        // a look first: mkdir on an existing folder fails only after taking the lock that parallel installs contend for
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        return folder.resolve(MARK + target.getFileName() + "-" + UUID.randomUUID());
    }

    /**
     * Renames {@code staged} to {@code target} in one step.
     *
     * @param replace whether an existing target is replaced; a folder never is, and then
     *                {@link java.nio.file.FileAlreadyExistsException} says another run was first
     */
    public static void moveIntoPlace(Path staged, Path target, boolean replace) throws IOException {
        StandardCopyOption[] atomic = replace
                ? new StandardCopyOption[] {StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING}
                : new StandardCopyOption[] {StandardCopyOption.ATOMIC_MOVE};
        try {
            Files.move(staged, target, atomic);
        } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
            if (replace) {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(staged, target);
            }
        }
    }

    /**
     * Deletes what killed runs left in {@code folder} and its subfolders down to {@code depth}
     * (1: the folder's own entries), so that the content of complete folders is never walked. Only
     * safe while no other run can be writing there, that is while holding the {@link RunLock}.
     *
     * @return the leftovers deleted
     */
    public static List<Path> removeLeftovers(Path folder, int depth) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> leftovers = new ArrayList<>();
        Files.walkFileTree(folder, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                if (isStaged(directory)) {
                    leftovers.add(directory);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            /** Also called for folders at the depth limit. */
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (isStaged(file)) {
                    leftovers.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path leftover : leftovers) {
            deleteRecursively(leftover);
        }
        return leftovers.stream().sorted().toList();
    }

    private static boolean isStaged(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(MARK);
    }

    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    deleteRecursively(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }

}
