package io.prompd.client.install;

import io.prompd.client.files.DanglingLinks;
import io.prompd.client.install.lock.ConflictedLock;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockFiles;
import io.prompd.client.install.lock.ReadLock;
import io.prompd.client.install.store.ProjectStateFolder;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.files.AtomicFiles;
import io.prompd.core.files.NamedWrites;
import io.prompd.core.files.TemporaryFiles;
import io.prompd.core.json.LineEndings;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.manifest.ManifestDraft;
import io.prompd.core.manifest.ManifestEditor;
import io.prompd.core.manifest.ManifestFields;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.manifest.ManifestResult;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.FileProblemsException;
import io.prompd.core.problem.Problem;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * A folder with a {@code prompd.json} whose dependencies are installed, and its {@code prompd.lock}.
 *
 * @param folder       the project folder
 * @param manifest     its {@code prompd.json}
 * @param manifestRead {@code prompd.json}'s bytes as read, to tell whether the user changed it since (kept
 *                     rather than hashed: a few hundred bytes, and a digest's start-up costs a warm install more)
 * @param lock         its {@code prompd.lock}, when it has one; for one a Git merge left with conflict markers, the
 *                     merge of its sides
 * @param conflicted   the sides of such a lock, whose merge an install takes as any lock and writes in its place
 * @param unknownFields the warnings of the fields of prompd.json prompd does not know ({@link
 *                      ManifestResult#unknownFields}), which a run says: a misspelt {@code dependancies} installs
 *                      nothing
 */
public record Project(Path folder, Manifest manifest, byte[] manifestRead, Optional<LockFile> lock,
                      Optional<ConflictedLock> conflicted, List<Problem> unknownFields) {

    /** The fields of prompd.json the project's commands read, as pointers. */
    private static final List<String> READ_FIELDS = List.of(Pointer.of(ManifestFields.NAME),
            Pointer.of(ManifestFields.VERSION), Pointer.of(ManifestFields.DEPENDENCIES));

    public Project {
        folder = folder.toAbsolutePath().normalize();
        Objects.requireNonNull(manifest, "manifest");
        manifestRead = manifestRead.clone();
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(conflicted, "conflicted");
        if (conflicted.isPresent() && lock.isEmpty()) {
            throw new IllegalArgumentException("a conflicted lock is read as the merge of its sides");
        }
        unknownFields = List.copyOf(unknownFields);
    }

    /**
     * Reads the project in {@code folder}, as a command that reads it alone does: a lock a Git merge left with
     * conflict markers is refused, as what its merge locks is known only once an install checked it.
     *
     * @param commands how the hints spell the prompd commands they suggest
     * @throws PrompdException NOT_FOUND without a {@code prompd.json}; FAILURE listing the errors of one
     *                         in the fields the project's commands read, or the problems of an unreadable lock file
     */
    public static Project load(Path folder, SuggestedCommands commands) throws IOException {
        Project project = loadMerging(folder, commands);
        if (project.conflicted.isPresent()) {
            throw LockFiles.unmerged(project.conflicted.get(), commands);
        }
        return project;
    }

    /**
     * Reads the project in {@code folder}, as an install does: a lock a Git merge left with conflict markers is read
     * as the merge of its sides, which the install takes as any lock.
     *
     * @throws PrompdException as {@link #load}, and FAILURE for a conflicted lock with a side that is no lock
     */
    public static Project loadMerging(Path folder, SuggestedCommands commands) throws IOException {
        requireIn(folder, commands);
        byte[] json;
        try {
            json = Files.readAllBytes(folder.resolve(ManifestReader.FILE_NAME));
        } catch (NoSuchFileException removedMeanwhile) {
            throw notAProject(folder, commands);
        } catch (IOException unreadable) {
            // a folder named prompd.json fails with the system's "Is a directory" alone
            throw NamedWrites.naming(unreadable, folder.resolve(ManifestReader.FILE_NAME));
        }
        ManifestResult result = ManifestReader.read(ManifestReader.FILE_NAME, json, commands);
        List<Problem> blocking = result.problems().stream().filter(Project::blocksTheProject).toList();
        if (!blocking.isEmpty()) {
            throw new FileProblemsException(ExitCode.FAILURE, ManifestReader.FILE_NAME + " has errors:", blocking,
                    "fix them, then run this again (" + commands.quoted("validate") + " shows them with the"
                            + " warnings)");
        }
        ManifestDraft draft = result.draft();
        Manifest manifest = new Manifest(draft.name().orElseThrow(), draft.version().orElseThrow(), draft.body());
        Optional<ReadLock> lock = LockFiles.readMerging(folder.resolve(LockFile.FILE_NAME), commands);
        return new Project(folder, manifest, json, lock.map(ReadLock::lock),
                lock.flatMap(ReadLock::conflicted), result.unknownFields());
    }

    /**
     * Whether a problem of prompd.json stops the project's commands: an error in the document as a whole or in a field
     * they read. The others (a license written in words, an author without a name, a missing description) matter to
     * a package being published, which validate and pack check, as npm and cargo install whatever a project's license
     * says; the field with the error is left out of the manifest, and prompd.json is only ever edited in place.
     */
    private static boolean blocksTheProject(Problem problem) {
        String pointer = problem.pointer();
        return problem.isError() && (pointer.isEmpty() || READ_FIELDS.stream()
                .anyMatch(field -> Pointer.isWithin(pointer, field)));
    }

    /**
     * The nearest folder, from {@code start} up, that holds a {@code prompd.json}: a command run
     * anywhere inside a project works on that project, as npm and cargo find theirs. One that is not
     * a file (a folder, a link to nothing) counts, so that reading it says what is wrong with it, rather than that
     * there is none or that a project above is this one; so does one named in other letter case ({@link #miscased}).
     */
    public static Optional<Path> enclosing(Path start) {
        for (Path folder = start.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
            // a link to no file counts too, so that the project it was meant to be is not mistaken for one above
            if (Files.exists(folder.resolve(ManifestReader.FILE_NAME), LinkOption.NOFOLLOW_LINKS)
                    || listedMiscased(folder).isPresent()) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /**
     * The name of the file in the folder that is its {@code prompd.json} in other letter case ({@code Prompd.json}), if
     * one is, where there is no prompd.json: a Windows or macOS colleague's project, whose manifest Linux and Git do
     * not take for one. A folder that cannot be listed holds none that prompd can tell of.
     */
    public static Optional<String> miscased(Path folder) {
        if (Files.exists(folder.resolve(ManifestReader.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return listedMiscased(folder);
    }

    /** {@link #miscased} of a folder already known to hold no prompd.json, which is not looked for again. */
    private static Optional<String> listedMiscased(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(entry -> ManifestReader.isMiscased(entry.getFileName().toString())
                    && Files.isRegularFile(entry)).map(entry -> entry.getFileName().toString()).findFirst();
        } catch (IOException | UncheckedIOException unlisted) {
            return Optional.empty();
        }
    }

    /**
     * The project folder a command run in {@code start} works on.
     *
     * @throws PrompdException NOT_FOUND, saying what to do, when neither it nor a folder above holds
     *                         a {@code prompd.json}
     */
    public static Path enclosingOrFail(Path start, SuggestedCommands commands) {
        return enclosing(start).orElseThrow(() -> new NoProject(start, "no "
                + ManifestReader.FILE_NAME + " in " + start.toAbsolutePath() + " or any folder above it",
                notAProjectHint(start, commands)));
    }

    /** @throws PrompdException NOT_FOUND, saying what to do, when the folder holds no {@code prompd.json} */
    public static void requireIn(Path folder, SuggestedCommands commands) {
        Path manifest = folder.resolve(ManifestReader.FILE_NAME);
        if (Files.exists(manifest)) {
            return;
        }
        Optional<String> dangling = DanglingLinks.described(manifest);
        if (dangling.isPresent()) {
            throw new PrompdException(ExitCode.NOT_FOUND, dangling.get(),
                    "point the link at the project's prompd.json, or put the file in its place");
        }
        Optional<String> miscased = listedMiscased(folder);
        if (miscased.isPresent()) {
            // validate's hint, for a project's manifest as for a package's
            throw new NoProject(folder, "no " + ManifestReader.FILE_NAME + " in "
                    + folder.toAbsolutePath(), ManifestResult.miscasedHint(ManifestReader.FILE_NAME, miscased.get()));
        }
        throw notAProject(folder, commands);
    }

    private static NoProject notAProject(Path folder, SuggestedCommands commands) {
        return new NoProject(folder, "no " + ManifestReader.FILE_NAME + " in "
                + folder.toAbsolutePath(), notAProjectHint(folder, commands));
    }

    /**
     * How to make {@code folder} a project: init scaffolds a package to publish (a README, a LICENSE, an example
     * prompt), which a project using packages needs none of, so the least prompd.json is spelt out, each field on a
     * line of its own as branches adding dependencies merge then, named after the folder when that name is a
     * package's.
     */
    private static String notAProjectHint(Path folder, SuggestedCommands commands) {
        String name = Optional.ofNullable(folder.toAbsolutePath().getFileName()).map(Path::toString)
                .filter(folderName -> PackageName.check(folderName).isEmpty()).orElse("my-project");
        return "run this in a project folder, or make this one a project by writing a " + ManifestReader.FILE_NAME
                + " holding {\"name\": \"" + name + "\", \"version\": \"1.0.0\"}, each field on a line of its own ("
                + commands.quoted("init") + " scaffolds a package to publish instead); without a project, "
                + commands.quoted("install --global") + " installs into the store and "
                + commands.quoted("list --installed") + " lists it";
    }

    /**
     * Deletes the half-written {@code prompd.json}, {@code prompd.lock}, tarball (pack writes one
     * at a package's root by default) or {@code .prompd} folder a killed run may have left in the folder, and what one
     * left in that {@code .prompd} folder ({@link ProjectStateFolder#removeLeftovers}), and nothing else: the folder is
     * the user's.
     *
     * @return what was deleted, sorted
     */
    public static List<Path> removeLeftovers(Path folder) throws IOException {
        List<Path> removed = new ArrayList<>(TemporaryFiles.removeOrphansIn(folder,
                name -> name.equals(ManifestReader.FILE_NAME) || name.equals(LockFile.FILE_NAME)
                        || name.equals(ProjectStateFolder.NAME) || PackSelector.isTarball(name)));
        removed.addAll(ProjectStateFolder.removeLeftovers(folder));
        return removed.stream().sorted().toList();
    }

    public Path manifestFile() {
        return folder.resolve(ManifestReader.FILE_NAME);
    }

    public Path lockFile() {
        return folder.resolve(LockFile.FILE_NAME);
    }

    @Override
    public byte[] manifestRead() {
        return manifestRead.clone();
    }

    /** By the bytes read, as a record of values: an array's own equality is its identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Project that && folder.equals(that.folder) && manifest.equals(that.manifest)
                && Arrays.equals(manifestRead, that.manifestRead) && lock.equals(that.lock)
                && conflicted.equals(that.conflicted) && unknownFields.equals(that.unknownFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(folder, manifest, Arrays.hashCode(manifestRead), lock, conflicted, unknownFields);
    }

    @Override
    public String toString() {
        return "Project[" + folder + ", " + manifest.name() + ", " + manifestRead.length + " bytes read, lock="
                + lock.isPresent() + ", conflicted=" + conflicted.isPresent() + ", unknownFields="
                + unknownFields.size() + "]";
    }

    /** The lock, or an empty one for a project never installed. */
    public LockFile lockOrEmpty() {
        return lock.orElseGet(LockFile::empty);
    }

    /**
     * Refuses, as {@link #write} would, a {@code prompd.json} or {@code prompd.lock} to be written that
     * is a link into a folder that does not exist: before the packages are installed, not after.
     */
    public void requireWritable(boolean dependencies, boolean changedLock) throws IOException {
        if (changedLock) {
            AtomicFiles.destination(lockFile());
        }
        if (dependencies) {
            AtomicFiles.destination(manifestFile());
        }
    }

    /** The line ending of {@code prompd.lock} as it is, or for a new one that of {@code prompd.json}. */
    private String lockLineEnding() {
        try {
            return LineEndings.of(Files.readAllBytes(lockFile()));
        } catch (IOException none) {
            // none yet, or what cannot be read (a folder in its place), which the write then names
            return LineEndings.of(manifestRead);
        }
    }

    /**
     * Writes the dependencies into {@code prompd.json}, every other byte as it is (see
     * {@link ManifestEditor}), and the lock into {@code prompd.lock} with the line endings it has, each when given,
     * with {@link AtomicFiles#writeAll}: a failure writing either changes neither. prompd.lock is renamed
     * first, since something in its place (a folder) can still refuse that, and prompd.json, the
     * user's own file, then stays as it was; a crash between the two renames leaves the new lock
     * beside the old prompd.json, which the next install fits the lock to again.
     *
     * @throws PrompdException CONFLICT when {@code prompd.json} changed since it was read: the
     *                         dependencies were worked out from the old text, and writing them would
     *                         drop what the user added meanwhile (an edit, another tool)
     */
    public void write(Optional<SortedMap<PackageName, VersionRange>> dependencies, Optional<LockFile> changedLock)
            throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        if (changedLock.isPresent()) {
            files.put(lockFile(), LineEndings.applied(LockFiles.toBytes(changedLock.get()), lockLineEnding()));
        }
        if (dependencies.isPresent()) {
            byte[] current = Files.readAllBytes(manifestFile());
            if (!Arrays.equals(manifestRead, current)) {
                throw new PrompdException(ExitCode.CONFLICT, ManifestReader.FILE_NAME + " changed while the install"
                        + " ran; nothing was written to it (or the lock)", "run the install again");
            }
            files.put(manifestFile(), ManifestEditor.withDependencies(current, dependencies.get()));
        }
        AtomicFiles.writeAll(files);
    }
}
