package io.prompd.core.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files and folders {@link AtomicFiles} writes under, told by their names, and the
 * removal of those a run killed midway left.
 *
 * <p>A temporary name is {@code .<target>.<pid>-<start>.<random>.part}: hidden, never a package,
 * version or cache entry name, and it holds the id of the process writing it and the moment that
 * process started (in milliseconds since 1970). So the leftovers of a run killed midway can be told
 * from what another run is writing right now, without any lock ({@link #removeOrphans}), even once
 * the id is taken again: by a new process after the ids wrapped around, or, for a prompd that ran
 * as PID 1 of a container, by the host's own init. Where the system does not tell a process's start,
 * the name is {@code .<target>.<pid>.<random>.part}, as earlier versions wrote it. A target's name too long
 * for the rest to fit beside it within what the system takes is cut short ({@link #held}).
 */
public final class TemporaryFiles {

    private static final String SUFFIX = ".part";
    /** The most digits of a writer's process id or start that a temporary's name is read with. */
    private static final int MOST_NUMBER_DIGITS = 18;
    /**
     * The most bytes {@link #nameBeside} adds to the target's name: a dot before it, then a dot, the writer (process
     * id, '-', start), a dot, the unsigned random number and the suffix. Earlier versions, which kept the target's
     * whole name, could not write a name longer than the system allows by less than this through a temporary.
     */
    public static final int MOST_ADDED_BYTES = 2 + MOST_NUMBER_DIGITS + 1 + MOST_NUMBER_DIGITS + 1
            + Long.toUnsignedString(-1L).length() + SUFFIX.length();
    /** The most bytes of the target's name a temporary's name holds, for it to stay within what the system takes. */
    private static final int MOST_HELD_BYTES = LongNames.MAX_NAME_BYTES - MOST_ADDED_BYTES;
    /**
     * The target's name, the writer's process id and start when known, then what makes the name
     * unique. The target's name may hold dots and digits itself ({@code pkg@1.2.0}): the numbers
     * are the last ones.
     */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.(\\d{1," + MOST_NUMBER_DIGITS + "})(?:-(\\d{1,"
            + MOST_NUMBER_DIGITS + "}))?\\.\\d+" + Pattern.quote(SUFFIX));
    /** A temporary's name as messages show it, with the parts {@link #TEMPORARY} reads. */
    public static final String NAME_FORMAT = ".<name>.<pid>-<start>.<random>" + SUFFIX;
    /** {@code <pid>-<start>} of this process, or {@code <pid>} alone where its start is unknown. */
    private static final String THIS_WRITER = ProcessHandle.current().pid() + startOf(ProcessHandle.current())
            .map(start -> "-" + start).orElse("");

    private TemporaryFiles() {
    }

    /**
     * A new name for a temporary of {@code target}, beside it: what {@link AtomicFiles} writes a file
     * or folder under before renaming it into place.
     */
    static Path nameBeside(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + held(absolute.getFileName().toString()) + "." + THIS_WRITER + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + SUFFIX);
    }

    /**
     * The target's name as its temporaries' names hold it: whole, or cut at a character's start to {@link
     * #MOST_HELD_BYTES}, so that a name the system takes, such as a folder {@code prompd init} is given, can be
     * written through a temporary though the temporary's name would be longer than the system takes with it whole.
     */
    private static String held(String targetName) {
        byte[] bytes = targetName.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MOST_HELD_BYTES) {
            return targetName;
        }
        int end = MOST_HELD_BYTES;
        // a UTF-8 continuation byte is 10xxxxxx: the cut moves back to the start of its character
        while ((bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** Whether the path is a temporary's name, whoever writes it. */
    public static boolean isTemporary(Path path) {
        return temporary(path).isPresent();
    }

    /**
     * Whether a file or folder name is a temporary's name, whoever writes it: for names
     * that are not on this disk, such as those of a package's files in a Git commit.
     */
    public static boolean isTemporaryName(String name) {
        return temporary(name).isPresent();
    }

    /**
     * Deletes the temporary files and folders whose writer has ended, in {@code folder} and its
     * subfolders down to {@code depth} (1: the folder's own entries), so that the content of
     * complete folders is never walked. Safe while other runs write there: a live process's
     * temporaries are kept.
     *
     * @return what was deleted, sorted
     */
    public static List<Path> removeOrphans(Path folder, int depth) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> orphans = new ArrayList<>();
        Files.walkFileTree(folder, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                if (isOrphan(directory)) {
                    orphans.add(directory);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            /** Also called for folders at the depth limit. */
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (isOrphan(file)) {
                    orphans.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return deleted(orphans);
    }

    /**
     * Deletes the temporaries of {@code target} whose writer has ended, and nothing else beside it:
     * for targets in a user's own folders, where only what prompd wrote itself may go.
     *
     * @return what was deleted, sorted
     */
    public static List<Path> removeOrphansOf(Path target) throws IOException {
        // a write of a link's target leaves its temporaries beside that target
        Path absolute = AtomicFiles.throughLinks(target).toAbsolutePath().normalize();
        return removeOrphansIn(absolute.getParent(), held(absolute.getFileName().toString())::equals);
    }

    /**
     * Deletes the temporaries among the entries of {@code folder} whose writer has ended and whose
     * target's name, as they hold it ({@link #held}), {@code targets} accepts: as {@link #removeOrphansOf},
     * for several targets of a user's folder, such as the files prompd writes at a package's root.
     *
     * @return what was deleted, sorted
     */
    public static List<Path> removeOrphansIn(Path folder, Predicate<String> targets) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> orphans = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, entry -> isOrphan(entry)
                && temporary(entry).filter(temporary -> targets.test(temporary.target())).isPresent())) {
            for (Path orphan : entries) {
                orphans.add(orphan);
            }
        }
        return deleted(orphans);
    }

    /** @return the paths, sorted, once deleted */
    private static List<Path> deleted(List<Path> orphans) throws IOException {
        for (Path orphan : orphans) {
            Folders.deleteRecursively(orphan);
        }
        return orphans.stream().sorted().toList();
    }

    /** A temporary whose writer has ended. */
    private static boolean isOrphan(Path path) {
        return temporary(path).filter(TemporaryFiles::hasEnded).isPresent();
    }

    /**
     * Whether no process has the writer's id, or the one that has it started at another moment, so
     * took the id over. A name without the start, or a process whose start the system does not
     * tell, is taken to be the writer's: deleting a temporary under a live writer would fail its write.
     */
    private static boolean hasEnded(Temporary temporary) {
        Optional<ProcessHandle> process = ProcessHandle.of(temporary.writer());
        if (process.isEmpty()) {
            return true;
        }
        Optional<Long> start = startOf(process.get());
        return temporary.started().isPresent() && start.isPresent() && !start.equals(temporary.started());
    }

    /** When the process started, in milliseconds since 1970, where the system tells. */
    private static Optional<Long> startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }

    /**
     * What a temporary's name tells: the name of the file or folder it becomes, and the process
     * writing it, with when that process started unless an earlier version wrote the name.
     */
    private record Temporary(String target, long writer, Optional<Long> started) {
    }

    /** What the name of a temporary tells; empty for any other name. */
    private static Optional<Temporary> temporary(Path path) {
        Path name = path.getFileName();
        return name == null ? Optional.empty() : temporary(name.toString());
    }

    private static Optional<Temporary> temporary(String name) {
        Matcher temporary = TEMPORARY.matcher(name);
        if (!temporary.matches()) {
            return Optional.empty();
        }
        String started = temporary.group(3);
        return Optional.of(new Temporary(temporary.group(1), Long.parseLong(temporary.group(2)),
                Optional.ofNullable(started).map(Long::parseLong)));
    }
}
