package io.prompd.generator.build;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.concurrent.Futures;
import io.prompd.core.files.NamedWrites;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folder a build writes into, beside the output folder, swapped into place only when the
 * build succeeds, so a sync to a CDN never sees half a build. Files carried over from the previous
 * output are hard links to it, keeping their bytes, inode and mtime (copies keeping bytes and mtime
 * when their permissions are not those {@link OutputModes} gives); changed files are always new
 * files, so a hard-linked file is never modified in place. Closing an area that was not published
 * removes it and leaves the previous output untouched, unless {@link #publish} could put neither
 * build in place: both are then kept for the next build's recovery.
 *
 * <p>Paths are relative to the output root, with {@code /} separators. Methods may be called from
 * several threads for different paths.
 */
final class StagingArea implements OutputFiles, AutoCloseable {

    private final Path out;
    private final Path staging;
    private final Path retired;
    private final Optional<Path> previous;
    private final CompletableFuture<Void> retiredDeleted;
    private final OutputModes modes;
    private final Rename rename;
    /** Folders this area created: a build writes tens of thousands of files into a few thousand folders. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    /**
     * Whether close leaves the staging folder: it was published, or publish could put neither build in
     * place, and the next build's recovery needs it to tell so and put the retired build back.
     */
    private boolean keepStaging;
    /** Whether the retired build's deletion was waited for: its failure is reported once, by publish or close. */
    private boolean retiredAwaited;

    private StagingArea(Path out, Optional<Path> previous, Path retired, CompletableFuture<Void> retiredDeleted,
                        OutputModes modes, Rename rename) {
        this.out = out;
        this.staging = OutputFolder.staging(out);
        this.retired = retired;
        this.previous = previous;
        this.retiredDeleted = retiredDeleted;
        this.modes = modes;
        this.rename = rename;
    }

    /**
     * Creates the staging folder beside {@code out}, new and so empty, and starts deleting the build
     * that the last publish retired, in the background while this build reads and packs: its files
     * are hard links to the live output's, so it costs little room until then, and deleting tens of
     * thousands of them took as long as the rest of an incremental build. Call
     * {@link OutputFolder#recoverFromKilledBuild} first, which removes a staging folder a killed build left.
     *
     * @param previous the previous output to carry files over from, if any
     * @throws java.nio.file.FileAlreadyExistsException when a staging folder is there already
     * @throws PrompdException USAGE when {@code out} is a mount point
     */
    static StagingArea create(Path out, Optional<Path> previous) throws IOException {
        return create(out, previous, OutputFolder::deleteTree, StagingArea::atomicMove);
    }

    /**
     * As {@link #create(Path, Optional)}, deleting the retired build with {@code deleteRetired} and
     * publishing with {@code rename}: tests make them fail, which neither permissions, ignored by
     * root, nor the immutable attribute, which not everyone may set, can do everywhere.
     */
    static StagingArea create(Path out, Optional<Path> previous, TreeDeletion deleteRetired, Rename rename)
            throws IOException {
        // before the area starts deleting the retired build, which a refused area would leave running
        OutputFolder.refuseMountPoint(out);
        OutputModes modes = OutputModes.forOutput(Files.createDirectory(OutputFolder.staging(out)), out);
        Path retired = OutputFolder.retired(out);
        return new StagingArea(out, previous, retired, Futures.inBackground("retired-build-deletion", () -> {
            // before any deletion, the seam's too: it is given the folder a deletion of a real one gets
            OutputModes.ownerMayEmpty(retired);
            deleteRetired.delete(retired);
            return null;
        }), modes, rename);
    }

    /**
     * Deletes a folder, which its owner may write in, and everything in it, as {@link OutputFolder#deleteTree} does.
     */
    @FunctionalInterface
    interface TreeDeletion {
        void delete(Path folder) throws IOException;
    }

    /** Renames a file or folder in one step, as {@link #atomicMove} does. */
    @FunctionalInterface
    interface Rename {
        void move(Path from, Path to) throws IOException;
    }

    static void atomicMove(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes a file, or links the previous output's file when it has these very bytes, so unchanged files stay as they
     * were.
     */
    @Override
    public void write(String path, byte[] bytes) throws IOException {
        Optional<Path> old = previousFile(path);
        if (old.isPresent() && Arrays.equals(Files.readAllBytes(old.get()), bytes)) {
            link(path);
            return;
        }
        try (OutputStream out = create(path)) {
            out.write(bytes);
        }
    }

    /**
     * A new file to stream into, unbuffered: callers write in large chunks. The caller closes it.
     * Its write failures name the file, so that a full disk says which.
     */
    OutputStream create(String path) throws IOException {
        Path target = target(path);
        OutputStream created = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            modes.file(target);
        } catch (IOException failed) {
            created.close();
            throw failed;
        }
        return NamedWrites.naming(created, target);
    }

    /**
     * Puts the previous output's file in place of one just {@linkplain #create created} and closed when the two hold
     * the same bytes, as {@link #write} does for a file written at once, so that a tarball packed again to the same
     * bytes keeps its inode and mtime and a sync by mtime does not upload it again.
     */
    void keepPreviousIfSame(String path) throws IOException {
        Optional<Path> old = previousFile(path);
        Path created = staging.resolve(path);
        if (old.isPresent() && Files.mismatch(old.get(), created) == -1) {
            Files.delete(created);
            link(path);
        }
    }

    /** Whether the previous output has this file, so it can be {@linkplain #link linked}. */
    boolean hasPrevious(String path) {
        return previousFile(path).isPresent();
    }

    /** The previous output's file at the path, when it has one. */
    private Optional<Path> previousFile(String path) {
        return previous.map(folder -> folder.resolve(path)).filter(Files::isRegularFile);
    }

    /** A document of the previous output, such as one to carry over; one that does not read is refused as damaged. */
    <T> T readPrevious(String path, Class<T> type) throws IOException {
        return OutputFolder.readDocument(previous.orElseThrow(() -> new NoSuchFileException(path, null,
                "no previous output")), path, type);
    }

    /** Carries a file of the previous output over unchanged. */
    void link(String path) throws IOException {
        Path old = previous.orElseThrow(() -> new NoSuchFileException(path, null, "no previous output")).resolve(path);
        carryOver(old, target(path), Files.readAttributes(old, BasicFileAttributes.class));
    }

    /**
     * Links a file of the previous output, or copies it when it may not be linked
     * ({@link OutputModes#mayLink}), to give the copy a file's permissions and the group of new files. The copy keeps
     * the mtime, to the nanosecond, which a copy with its attributes rounds to microseconds, so that a
     * sync to a CDN sees it unchanged.
     */
    private void carryOver(Path old, Path target, BasicFileAttributes attributes) throws IOException {
        if (modes.mayLink(old)) {
            Files.createLink(target, old);
        } else {
            Files.copy(old, target);
            Files.setLastModifiedTime(target, attributes.lastModifiedTime());
            modes.file(target);
        }
    }

    /**
     * Carries every file below a folder of the previous output over unchanged. One walk creates
     * each folder once and links each file, with no further look-ups: a registry has tens of
     * thousands of files to carry over, and on network disks each file system call counts.
     */
    void linkFolder(String folder) throws IOException {
        Path from = previous.orElseThrow(() -> new NoSuchFileException(folder, null, "no previous output"))
                .resolve(folder);
        Path to = staging.resolve(folder);
        // the parent is the scope's folder for nearly every package: created once, not tried again
        ensureFolder(to.getParent());
        Deque<Path> targets = new ArrayDeque<>();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                Path target = targets.isEmpty() ? to : targets.peek().resolve(directory.getFileName());
                Files.createDirectory(target);
                modes.folder(target);
                targets.push(target);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    carryOver(file, targets.element().resolve(file.getFileName()), attributes);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                targets.pop();
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private Path target(String path) throws IOException {
        Path target = staging.resolve(path);
        ensureFolder(target.getParent());
        return target;
    }

    /**
     * Creates the folder and its missing parents, parents first: {@link Files#createDirectories}
     * tries the folder first and pays for an exception whenever its parent is missing, as it is
     * for every new package.
     */
    private void ensureFolder(Path folder) throws IOException {
        if (!folder.startsWith(staging) || folder.equals(staging) || folders.contains(folder)) {
            return;
        }
        ensureFolder(folder.getParent());
        try {
            Files.createDirectory(folder);
            modes.folder(folder);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw createdMeanwhile;
            }
        }
        folders.add(folder);
    }

    /**
     * Puts the staged output in place of {@code out} with renames: out to a retired folder, the
     * staging folder to out; the next build deletes the retired folder. A reader of {@code out}
     * sees the old build or the new one, never a mix. When the second rename fails, the first is
     * undone; when that fails too, {@code out} is missing, and both folders stay for the next build,
     * which puts the retired one back ({@link OutputFolder#recoverFromKilledBuild}).
     *
     * @throws PrompdException FAILURE naming both folders when neither build could be put in place
     */
    void publish() throws IOException {
        awaitRetiredDeleted();
        modes.finish(staging);
        boolean replacing = Files.exists(out);
        if (replacing) {
            rename.move(out, retired);
        }
        try {
            rename.move(staging, out);
        } catch (IOException failed) {
            if (replacing) {
                try {
                    rename.move(retired, out);
                } catch (IOException notPutBack) {
                    // the staging folder beside the retired build tells the next build's recovery to put it back
                    keepStaging = true;
                    failed.addSuppressed(notPutBack);
                    throw new PrompdException(ExitCode.FAILURE, "cannot put the new build in place of " + out + " ("
                            + reason(failed) + "), nor the output it replaced back (" + reason(notPutBack) + "): "
                            + out + " is missing; the output served until now is in " + retired + ", the new build in "
                            + staging, "delete neither; fix the cause, then build again, which puts " + retired
                            + " back and builds on it (or rename it back yourself to serve it now: mv "
                            + ShellWords.path(retired.toString()) + " " + ShellWords.path(out.toString()) + ")",
                            failed);
                }
            }
            throw failed;
        }
        keepStaging = true;
    }

    /**
     * Deletes the output that {@link #publish} retired now, not in the next build: what it holds beyond the
     * new output, such as the tarball of a version taken down, must not stay where a web server may reach it.
     */
    void deleteRetired() throws IOException {
        OutputFolder.deleteTree(retired);
    }

    /** An I/O failure's cause as a message says it, with the file a permission is denied on. */
    private static String reason(IOException failed) {
        return failed instanceof AccessDeniedException denied
                ? "permission denied: " + denied.getFile() : failed.getMessage();
    }

    private void awaitRetiredDeleted() throws IOException {
        if (retiredAwaited) {
            return;
        }
        retiredAwaited = true;
        try {
            Futures.join(retiredDeleted);
        } catch (IOException failed) {
            throw new PrompdException(ExitCode.FAILURE, "cannot delete " + retired + ", the output that the last"
                    + " build replaced (" + reason(failed) + ")", "delete " + retired + " yourself (it holds only that"
                    + " old output; check the permissions of its files and folders), then build again", failed);
        }
    }

    /**
     * Removes the staging folder unless it was published or must stay for the next build's recovery,
     * once the retired build is deleted, so no deletion outlives the build.
     */
    @Override
    public void close() throws IOException {
        awaitRetiredDeleted();
        if (!keepStaging) {
            OutputFolder.deleteTree(staging);
        }
    }

}
