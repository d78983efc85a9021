package io.prompd.core.files;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Files and folders appear whole or not at all: each is written under a temporary name beside its
 * target (so the final rename stays on one file system), then renamed in one step. A crash or a
 * parallel reader never sees half of one.
 *
 * <p>A file replaced keeps what makes it the user's: a symbolic link stays a link, its target
 * rewritten (as an editor's save or a shell's {@code >} does), and the file its POSIX permissions.
 * A link into a folder that does not exist is refused: the folder is not created. So is a file its
 * owner may not write, as npm and cargo refuse one: the rename of a file written beside it would
 * replace it all the same. Refused for root too, whom no mode stops, so that what the mode asks does
 * not hang on who runs prompd.
 *
 * <p>A temporary is named after the process writing it ({@link TemporaryFiles}), so that what a run
 * killed midway left can be told from what another run is writing right now.
 */
public final class AtomicFiles {

    /** As Linux's own limit on a chain of links. */
    private static final int MAX_LINKS = 40;

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code bytes}: readers see the old file or the new one, never a
     * mix. The bytes reach the disk before the rename, so a power cut after it cannot leave an empty
     * file where the user's {@code prompd.json} was.
     *
     * @param attributes those of the new file, such as owner-only permissions for secrets; it has them from its
     *                   creation
     */
    public static void write(Path target, byte[] bytes, FileAttribute<?>... attributes) throws IOException {
        Path destination = destination(target);
        Path temporary = staged(destination, bytes, attributes);
        try {
            moveIntoPlace(temporary, destination);
        } catch (IOException | RuntimeException failure) {
            deleteAfter(failure, List.of(temporary));
            throw failure;
        }
    }

    /**
     * Replaces files that belong together, as {@link #write} replaces one: each is written in full
     * beside its target before the first rename, so a failure writing any (a full disk) changes
     * none. The renames then follow back to back in the map's order; one that fails (a folder in the
     * target's place), or a crash among them, leaves the targets before it new and the rest as they were.
     */
    public static void writeAll(Map<Path, byte[]> files) throws IOException {
        Map<Path, Path> temporaries = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, byte[]> file : files.entrySet()) {
                Path destination = destination(file.getKey());
                temporaries.put(destination, staged(destination, file.getValue()));
            }
            for (Map.Entry<Path, Path> file : temporaries.entrySet()) {
                moveIntoPlace(file.getValue(), file.getKey());
            }
        } catch (IOException | RuntimeException failure) {
            deleteAfter(failure, temporaries.values());
            throw failure;
        }
    }

    /**
     * Deletes the files a failed operation left, each one, even after another could not be: a failure
     * a deletion meets is added to {@code failure}, which stays the one to throw, since why the
     * operation failed is what the user needs, and the user still learns which file stayed.
     */
    public static void deleteAfter(Exception failure, Collection<Path> leftovers) {
        for (Path leftover : leftovers) {
            try {
                Files.deleteIfExists(leftover);
            } catch (IOException | RuntimeException leftBehind) {
                failure.addSuppressed(leftBehind);
            }
        }
    }

    /**
     * Deletes a temporary as the JVM stops: a failure is told to no one, the run's output being over, and what stays
     * is a killed run's leftover as any other, which {@link TemporaryFiles} tells by its writer that has ended.
     */
    private static void deleteAtExit(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException | RuntimeException leftBehind) {
            // left as a killed run's leftover
        }
    }

    /**
     * Where a write of {@code target} lands: the file a chain of symbolic links ends at, whether or
     * not it exists yet. Renaming over the link itself would make it a file of its own, and the file
     * it pointed to (in a dotfiles repository, say) would never see the change.
     */
    static Path throughLinks(Path target) throws IOException {
        Path current = target;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINKS) {
                throw new PrompdException(ExitCode.FAILURE, target + " is a link that leads to itself",
                        "make " + target + " a file, or a link to one");
            }
            current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
        }
        return current;
    }

    /**
     * Where a write of {@code target} lands, as {@link #throughLinks}, but never into a folder a link
     * names and that does not exist: creating it would put the user's file where a typo or a dotfiles
     * repository not cloned yet says; nor over a file its owner may not write. For a caller to refuse
     * such a target before work the write ends.
     *
     * @throws PrompdException       FAILURE naming the link, where it leads and the folder missing
     * @throws ReadOnlyFileException naming the file the write lands on
     */
    public static Path destination(Path target) throws IOException {
        Path destination = throughLinks(target);
        Path folder = destination.toAbsolutePath().getParent();
        if (Files.isSymbolicLink(target) && Files.notExists(folder)) {
            throw new PrompdException(ExitCode.FAILURE, target + " is a link to " + destination.toAbsolutePath()
                    + ", in a folder that does not exist: " + folder, "create that folder, or make " + target
                    + " a file or a link to one in a folder that exists, then run this again");
        }
        if (permissionsOf(destination).filter(mode -> !mode.contains(PosixFilePermission.OWNER_WRITE)).isPresent()) {
            throw new ReadOnlyFileException(destination.toString());
        }
        return destination;
    }

    /** A temporary beside {@code target} holding {@code bytes}, on the disk already, for the caller to rename. */
    private static Path staged(Path target, byte[] bytes, FileAttribute<?>... attributes) throws IOException {
        Path temporary = temporaryFile(target, attributes);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer content = ByteBuffer.wrap(bytes);
            while (content.hasRemaining()) {
                channel.write(content);
            }
            channel.force(true);
            return temporary;
        } catch (IOException failure) {
            IOException named = NamedWrites.naming(failure, target);
            deleteAfter(named, List.of(temporary));
            throw named;
        }
    }

    /**
     * Content written to a stream, with what the writing found out (a hash, a count).
     *
     * @param <E> what else than an {@link IOException} the writing may throw, such as a download's retryable failure
     */
    @FunctionalInterface
    public interface StreamContent<T, E extends Exception> {

        /** Writes the content; throwing instead leaves the target as it was. */
        T writeTo(OutputStream out) throws IOException, E;
    }

    /**
     * Replaces {@code target} with the content written, through a temporary file beside it moved
     * into place once the content is complete and closed: readers see the old file or the new one,
     * and a content that throws (a download whose hash is wrong) leaves no trace. Unlike
     * {@link #write(Path, byte[], FileAttribute[])}, the bytes are not forced to the disk first:
     * this is for files that can be made again, such as tarballs and cache entries. A run stopped midway (Ctrl-C,
     * {@code kill}) leaves the temporary, for a later run to sweep ({@link TemporaryFiles#removeOrphans}).
     */
    public static <T, E extends Exception> T writeStream(Path target, StreamContent<T, E> content)
            throws IOException, E {
        return writeStream(target, ExitHooks.NONE, content);
    }

    /**
     * As {@link #writeStream(Path, StreamContent)}, and a run stopped midway deletes the temporary as it ends,
     * through {@code exitHooks}: for a file in a folder of the user's, such as a tarball {@code prompd pack --out}
     * writes, where no later run looks. A JVM that stops ends the write where it stands, reaching no catch.
     */
    public static <T, E extends Exception> T writeStream(Path target, ExitHooks exitHooks, StreamContent<T, E> content)
            throws IOException, E {
        Path destination = destination(target);
        Path temporary = temporaryFile(destination);
        Thread deletion = new Thread(() -> deleteAtExit(temporary), "prompd-delete-" + temporary.getFileName());
        try {
            exitHooks.add(deletion);
            try {
                T result;
                // the target, not the temporary, is the name the user knows
                try (OutputStream out = NamedWrites.naming(Files.newOutputStream(temporary), destination)) {
                    result = content.writeTo(out);
                }
                moveIntoPlace(temporary, destination);
                return result;
            } finally {
                exitHooks.remove(deletion);
            }
        } catch (Exception failure) {
            deleteAfter(failure, List.of(temporary));
            throw failure;
        }
    }

    /**
     * A new empty temporary file beside {@code target}, creating the folder when needed. With no
     * attributes it gets the POSIX permissions of the file {@code target} it replaces, so that a
     * private prompd.json stays private, or for a new file the default ones, unlike
     * {@link Files#createTempFile}, whose owner-only ones would stay on the file once renamed: a
     * packed tarball should be as readable as any other file the user makes.
     */
    public static Path temporaryFile(Path target, FileAttribute<?>... attributes) throws IOException {
        Optional<Set<PosixFilePermission>> replaced = attributes.length == 0 ? permissionsOf(target) : Optional.empty();
        Path temporary;
        try {
            // created with them, so that not even the empty file is ever more open than the one it replaces
            temporary = Files.createFile(temporaryName(target), replaced
                    .<FileAttribute<?>[]>map(permissions -> new FileAttribute<?>[] {
                        PosixFilePermissions.asFileAttribute(permissions)})
                    .orElse(attributes));
        } catch (FileSystemException failure) {
            throw asTargets(failure, target);
        }
        if (replaced.isPresent()) {
            // the umask takes bits away from a new file (group write, say), which the replaced one had
            Files.setPosixFilePermissions(temporary, replaced.get());
        }
        return temporary;
    }

    /** The POSIX permissions of {@code file}, when it is a regular file on a file system that has them. */
    private static Optional<Set<PosixFilePermission>> permissionsOf(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.getPosixFilePermissions(file));
        } catch (NoSuchFileException deletedMeanwhile) {
            return Optional.empty();
        }
    }

    /** A new empty temporary folder beside {@code target}, with the default permissions for the same reason. */
    public static Path temporaryFolder(Path target) throws IOException {
        try {
            return Files.createDirectory(temporaryName(target));
        } catch (FileSystemException failure) {
            throw asTargets(failure, target);
        }
    }

    /**
     * A folder that refuses the temporary name refuses the target too, and the user knows only
     * the target: "permission denied: .x.tgz.4711.8812.part" would send them looking for a file
     * they never named.
     */
    private static FileSystemException asTargets(FileSystemException failure, Path target) {
        if (LongNames.refused(failure) && failure.getFile() != null
                && LongNames.wholePathTooLong(Path.of(failure.getFile())) && !LongNames.wholePathTooLong(target)) {
            // the temporary's path is longer than the target's by its name's additions: where the target's fits,
            // only the temporary's length shows that the folder lies too deep
            return failure;
        }
        FileSystemException named;
        if (failure instanceof AccessDeniedException) {
            named = new AccessDeniedException(target.toString(), null, failure.getReason());
        } else if (failure instanceof NoSuchFileException) {
            named = new NoSuchFileException(target.toString(), null, failure.getReason());
        } else if (failure.getReason() != null && failure.getClass() == FileSystemException.class) {
            named = new FileSystemException(target.toString(), null, failure.getReason());
        } else {
            return failure;
        }
        named.initCause(failure);
        return named;
    }

    /** A new name beside {@code target} for a temporary of it, creating the folder when needed. */
    private static Path temporaryName(Path target) throws IOException {
        Path temporary = TemporaryFiles.nameBeside(target);
        Path folder = temporary.getParent();
        // mkdir on an existing folder fails only after taking the folder's lock, which parallel
        // downloads and unpacks creating entries in it hold often: a look first is much cheaper
        if (!Files.isDirectory(folder)) {
            Folders.create(folder);
        }
        return temporary;
    }

    /** Renames {@code staged} to {@code target} in one step, replacing a file already there. */
    public static void moveIntoPlace(Path staged, Path target) throws IOException {
        try {
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException renameRefused) {
            throw targetsIfTooLong(renameRefused, target);
        }
    }

    /**
     * A rename refused as too long refuses the target's name (or path): a temporary's name always fits ({@link
     * TemporaryFiles}), so it is told as the target's, as {@link #asTargets} tells a temporary refused.
     */
    private static FileSystemException targetsIfTooLong(FileSystemException renameRefused, Path target) {
        return LongNames.refused(renameRefused) ? asTargets(renameRefused, target) : renameRefused;
    }

    /**
     * Renames {@code staged} to {@code target}, never over anything. Not with {@code ATOMIC_MOVE}:
     * rename(2) silently replaces a file or an empty folder, so the JDK's look for the target comes
     * first. A folder that another run puts there between that look and the rename makes rename(2) fail with
     * "Directory not empty", which is the same news as the look's, so it is told the same way.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code target} exists: another run was first
     */
    public static void moveIntoFreePlace(Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target);
        } catch (FileAlreadyExistsException lookedFirst) {
            throw lookedFirst;
        } catch (FileSystemException renameRefused) {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw targetsIfTooLong(renameRefused, target);
            }
            FileAlreadyExistsException cameBetween = new FileAlreadyExistsException(target.toString());
            cameBetween.initCause(renameRefused);
            throw cameBetween;
        }
    }
}
