package io.prompd.generator.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.files.Folders;
import io.prompd.core.files.LongNames;
import io.prompd.core.json.Json;
import io.prompd.core.json.JsonSyntaxError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The output folder of a build and the folders beside it that a build leaves: the checks that a
 * build may replace the folder, the lock a build holds on it, the cleanup after a build that
 * was killed, and which of them holds what the output serves. The build itself writes into a {@link StagingArea}.
 */
public final class OutputFolder {

    /** Scoped package folders ({@code packages/@scope/name}) and the subfolders of unscoped ones. */
    private static final int PARALLEL_DEPTH = 3;

    private OutputFolder() {
    }

    /**
     * Refuses an output folder that holds anything but a previous build, since publishing replaces
     * it as a whole. A previous build is told by its state and the root documents, which every
     * build writes: a state file with some of them, such as files copied there, is no proof that
     * the rest of the folder is a build's to replace, and a build of the commit it names would find
     * nothing to do and leave the folder without them. Refusing is safer than building afresh,
     * which would replace the folder with whatever it holds besides. A symbolic link is refused,
     * not followed: publishing would replace the link with a folder and leave its target as it was,
     * and building into the target would put the staging folder, lock and retired build beside the
     * target, not beside the path given.
     */
    static void checkReplaceable(Path out) throws IOException {
        requireRoomBeside(out);
        if (Files.isSymbolicLink(out)) {
            // the real path when the link leads somewhere; a dangling link's own target otherwise
            Path target = Files.exists(out) ? out.toRealPath() : out.resolveSibling(Files.readSymbolicLink(out));
            throw new PrompdException(ExitCode.USAGE, "--out " + out + " is a symbolic link to " + target + ": a build"
                    + " replaces its output folder with a rename, which would replace the link and leave " + target
                    + " as it was", "give the folder itself: --out " + target);
        }
        if (!Files.exists(out)) {
            requireFolderAbove(out);
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new PrompdException(ExitCode.CONFLICT, out + " is a file, not a folder",
                    "give a new or empty folder to --out: a build replaces the whole folder");
        }
        refuseMountPoint(out);
        try (Stream<Path> entries = Files.list(out)) {
            List<Path> content = entries.limit(1).toList();
            // a state file alone is no proof: the folder may be the user's; with the root documents, one that does
            // not read is a build's damaged state, refused as such
            if (!content.isEmpty() && (!RootDocumentWriter.PATHS.stream().allMatch(path -> Files.isRegularFile(
                    out.resolve(path))) || BuildState.readFile(out).isEmpty())) {
                throw new PrompdException(ExitCode.CONFLICT, out + " is not empty and not the output"
                        + " of a previous build",
                        "give a new or empty folder to --out: a build replaces the whole folder");
            }
        }
    }

    /**
     * A document of the output that a build reads to build on it, such as {@code packages.json}; one that does not
     * read is refused as damaged, as a damaged state is.
     */
    static <T> T readDocument(Path out, String path, Class<T> type) throws IOException {
        byte[] json = Files.readAllBytes(out.resolve(path));
        try {
            return Json.read(json, type);
        } catch (JsonProcessingException unreadable) {
            throw damaged(out, path, JsonSyntaxError.of(unreadable, json).placeAndReason(), "a build into " + out
                    + " reads it to build on that output");
        }
    }

    /**
     * The refusal of an output with a damaged file that a build reads. Rebuilding it is the user's call, as the
     * README says: a build afresh has no record of what the output served, so it would neither refuse nor warn of a
     * version it leaves out or serves with other files.
     *
     * @param path    the file, inside {@code out}
     * @param why     how it is damaged
     * @param purpose what a build needs it for
     */
    static PrompdException damaged(Path out, String path, String why, String purpose) {
        return damaged(out, path, why, purpose, Optional.empty());
    }

    /**
     * As {@link #damaged(Path, String, String, String)}, with a repair of the output in place offered first, where the
     * refusal knows one, since it keeps the record a rebuild loses.
     */
    static PrompdException damaged(Path out, String path, String why, String purpose, Optional<String> repair) {
        return new PrompdException(ExitCode.CONFLICT, out.resolve(path) + " is damaged (" + why + "): " + purpose,
                repair.map(first -> first + "; or ").orElse("") + "rebuild the output with a new --out, or delete "
                        + out + " and " + retired(out) + " first, as for any damaged output: that build has no record"
                        + " of what " + out + " served, so check that it serves every version " + out + " does");
    }

    /**
     * Refuses an output folder whose name leaves no room for the names of the lock and folders a build keeps beside
     * it, {@code .DIR.staging} the longest: the build failed on the lock file, with the hint to choose a shorter
     * name, where the name given was one the system takes.
     */
    private static void requireRoomBeside(Path out) {
        Path folder = out.toAbsolutePath().normalize();
        int nameBytes = LongNames.bytes(folder.getFileName().toString());
        int added = Stream.of(lockFile(folder), staging(folder), retired(folder))
                .mapToInt(beside -> LongNames.bytes(beside.getFileName().toString()) - nameBytes).max().orElseThrow();
        if (nameBytes + added > LongNames.MAX_NAME_BYTES) {
            throw new PrompdException(ExitCode.USAGE, "--out " + out + " has a name of " + nameBytes + " bytes in"
                    + " UTF-8, too long for the lock and folders a build keeps beside it (.DIR.lock, .DIR.staging"
                    + " and .DIR.old), whose names may have up to " + LongNames.MAX_NAME_BYTES + " bytes",
                    "give --out a folder whose name has " + (LongNames.MAX_NAME_BYTES - added) + " bytes or fewer");
        }
    }

    /**
     * Refuses a new output folder below a file, as in {@code --out notes.txt/site}: creating the
     * lock file's folder failed with "already exists", naming the file without a word on why that
     * was wrong.
     */
    private static void requireFolderAbove(Path out) {
        // out itself is not there, so what stands in the way is above it
        Optional<Path> inTheWay = Folders.fileInTheWay(out);
        if (inTheWay.isPresent()) {
            throw new PrompdException(ExitCode.CONFLICT, inTheWay.get() + " is a file, not a folder: --out " + out
                    + " cannot be made in it", "rename or remove the file, or give --out another path");
        }
    }

    /**
     * Refuses an output folder on another device than the folder it is in, a mount point such as a
     * Docker volume or a tmpfs: {@link StagingArea#publish} renames it, which a mount point refuses ("Device or
     * resource busy") only once the whole build is done, and the staging folder beside it could not
     * be renamed onto it either. A bind mount of a folder of the same file system has the same
     * device and is not told apart; its rename still fails, and the output stays as it was.
     */
    static void refuseMountPoint(Path out) throws IOException {
        Path folder = out.toAbsolutePath().normalize().getParent();
        if (folder == null || !Files.exists(out) || device(out).equals(device(folder))) {
            return;
        }
        throw new PrompdException(ExitCode.USAGE, "--out " + out + " is a mount point, another file system than"
                + " that of " + folder + ": a build replaces its output folder with a rename, which cannot move a"
                + " mount point", "build into a folder inside the mount, such as --out " + out.resolve("site"));
    }

    /** The device a file is on; the same for every file where the file system cannot tell, as on Windows. */
    private static Object device(Path file) throws IOException {
        try {
            return Files.getAttribute(file, "unix:dev");
        } catch (UnsupportedOperationException notUnix) {
            return "";
        }
    }

    /**
     * Cleans up after a build that was killed: removes what it staged, and puts the previous build
     * back in place of {@code out} when it was stopped between the two renames of {@link StagingArea#publish}
     * ({@code out} is then missing, the previous build lies retired beside it, where the next build
     * would delete it and rebuild everything, and the staging folder, which the second rename takes
     * away, is still there). With {@code out} missing and no staging folder, the retired build is
     * left alone and the build refused: the user may have deleted {@code out} to rebuild a damaged
     * output, whose files the retired build shares as hard links, but the retired build may as well
     * be the only good copy left (a publish that could put neither build in place, by a generator
     * that then removed its staging folder, or a staging folder removed by hand), which only the
     * user can tell. Every build
     * calls it first, one that finds nothing to do too, so that no staged half-build outlives the
     * next run. Call it holding the {@linkplain #lockFile lock}, so that no other build is under way.
     */
    static void recoverFromKilledBuild(Path out) throws IOException {
        Path staging = staging(out);
        Path retired = retired(out);
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            // put back before the staging folder is deleted, which tells a kill between the renames: a
            // recovery killed in between then still finds what it needs
            if (stoppedBetweenRenames(out)) {
                StagingArea.atomicMove(retired, out);
            } else if (holdsBuild(retired)) {
                throw new PrompdException(ExitCode.CONFLICT, out + " is missing, and " + retired + " holds the"
                        + " output that an earlier build replaced, which may be the only good copy of the registry"
                        + " left: the build does not delete it", "to serve it again and build on it, rename it back"
                        + " (mv " + ShellWords.path(retired.toString()) + " " + ShellWords.path(out.toString())
                        + "); if you deleted " + out + " to build afresh, delete "
                        + retired + " too, since its files are hard links to the deleted output's; then build again");
            } else {
                // now, not in the background as create does: a build killed while that deletion ran would leave
                // a staging folder beside a retired build that still reads as one, and its recovery would put
                // that half-deleted build back
                deleteTree(retired);
            }
        }
        deleteTree(staging);
    }

    /**
     * The folder that holds what {@code out} serves: {@code out}, or the previous build while a build is stopped
     * between the two renames of {@link StagingArea#publish}, for a server to serve meanwhile: for a moment in every
     * publish, and until the next build puts it back when the build was killed there.
     */
    public static Path served(Path out) {
        return stoppedBetweenRenames(out) ? retired(out) : out;
    }

    /** Whether {@code out} is missing beside a retired build and a staging folder, as a publish half done leaves it. */
    private static boolean stoppedBetweenRenames(Path out) {
        return !Files.exists(out, LinkOption.NOFOLLOW_LINKS) && holdsBuild(retired(out))
                && Files.exists(staging(out), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Whether the folder holds a build's state: a damaged one still marks a build, whose files may be the only good
     * copy left.
     */
    private static boolean holdsBuild(Path folder) {
        return Files.exists(folder.resolve(BuildState.FILE), LinkOption.NOFOLLOW_LINKS);
    }

    /** The file whose lock a build holds while it builds into {@code out}. */
    static Path lockFile(Path out) {
        return sibling(out, "lock");
    }

    /** The folder a build stages its output in, beside {@code out}. */
    static Path staging(Path out) {
        return sibling(out, "staging");
    }

    /** The folder the output that a publish replaced waits in for the next build to delete it. */
    static Path retired(Path out) {
        return sibling(out, "old");
    }

    private static Path sibling(Path out, String role) {
        return out.resolveSibling("." + out.getFileName() + "." + role);
    }

    /**
     * Deletes a folder a build made, a staging folder or a retired build, and everything in it.
     * The folders {@value #PARALLEL_DEPTH} levels down (in a registry, the package folders) are
     * deleted in parallel: a retired build has tens of thousands of files, and deleting them one
     * after the other was a large part of an incremental build. They are deleted on threads of
     * their own, not the common pool's, whose few threads every parallel stream of the process
     * shares and which this would block on the disk while the build runs.
     */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        OutputModes.ownerMayEmpty(folder);
        List<Path> subtrees;
        try (Stream<Path> walk = Files.walk(folder, PARALLEL_DEPTH)) {
            subtrees = walk.filter(path -> folder.relativize(path).getNameCount() == PARALLEL_DEPTH
                    && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        ParallelTasks.map(subtrees, Runtime.getRuntime().availableProcessors(), subtree -> {
            try {
                Folders.deleteRecursively(subtree);
                return subtree;
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        });
        Folders.deleteRecursively(folder);
    }
}
