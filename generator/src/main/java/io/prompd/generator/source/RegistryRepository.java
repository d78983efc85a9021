package io.prompd.generator.source;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.concurrent.IoSupplier;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problems;
import io.prompd.core.version.Version;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FS;

/**
 * A registry Git repository, bare or with a working tree; only its objects are read. Close it
 * when done: snapshots and sources read from it until then.
 */
public final class RegistryRepository implements AutoCloseable {

    private static final String WHOLE_HISTORY_HINT =
            "fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)";

    /** Length of abbreviated commit ids in messages. */
    private static final int SHORT_ID_LENGTH = 7;

    /** What of a Git folder JGit reads; a file or folder of these that this user may not read, it takes for one not there. */
    private static final Set<String> GIT_FILES = Set.of(Constants.HEAD, Constants.CONFIG, Constants.PACKED_REFS,
            Constants.SHALLOW, "refs", Constants.OBJECTS);

    /** Whether this user may read a file, or list and enter a folder. */
    private static final Predicate<Path> READABLE = path -> Files.isReadable(path)
            && (!Files.isDirectory(path) || Files.isExecutable(path));

    private final Repository repository;
    private final Predicate<Path> readable;

    private RegistryRepository(Repository repository, Predicate<Path> readable) {
        this.repository = repository;
        this.readable = readable;
    }

    /**
     * Opens the repository at the folder: a bare repository, a {@code .git} folder, or a working
     * tree containing one.
     */
    public static RegistryRepository open(Path folder) throws IOException {
        return open(folder, READABLE);
    }

    /**
     * As {@link #open(Path)}, telling what this user may read by {@code readable}: tests deny what
     * they choose, which permissions cannot do for root.
     */
    static RegistryRepository open(Path folder, Predicate<Path> readable) throws IOException {
        File gitDir = Files.isDirectory(folder)
                ? RepositoryCache.FileKey.resolve(folder.toFile(), FS.DETECTED) : null;
        if (gitDir == null) {
            // the folder itself when bare, else the .git of its working tree
            requireReadable(folder, readable);
            requireReadable(folder.resolve(Constants.DOT_GIT), readable);
            throw new PrompdException(ExitCode.NOT_FOUND, "not a Git repository: " + folder,
                    "give the folder of a clone of the registry repository (bare or not)");
        }
        return new RegistryRepository(new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build(),
                readable);
    }

    /**
     * Refuses a Git folder that this user may not read in full, naming the first file or folder in
     * the way: JGit reads it as missing, and the repository was "not a Git repository", had "no
     * commits yet" or lacked the revision asked for, with a hint to fetch it. It looks at every
     * loose object, so it is called only once one of those is found.
     */
    private static void requireReadable(Path gitDir, Predicate<Path> readable) throws IOException {
        Files.walkFileTree(gitDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                if (!readByGit(folder)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!readable.test(folder)) {
                    throw denied(folder);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (readByGit(file) && !readable.test(file)) {
                    throw denied(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                // a folder that cannot be listed fails here, before preVisitDirectory; a file gone meanwhile is a
                // repacked object, and a Git folder not there none to read
                if (!readByGit(file) || failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                if (failure instanceof AccessDeniedException) {
                    throw denied(file);
                }
                throw failure;
            }

            private boolean readByGit(Path path) {
                return path.equals(gitDir) || GIT_FILES.contains(gitDir.relativize(path).getName(0).toString());
            }
        });
    }

    private static PrompdException denied(Path path) {
        return new PrompdException(ExitCode.FAILURE, "permission denied: " + path + ", a part of the Git repository"
                + " that this user may not read", "give this user the right to read the repository, its folders"
                + " included (ls -ld " + path + "), or give a clone it may read");
    }

    /**
     * Refuses a shallow clone: the build takes each version's publish time and commit from the whole
     * history, and the check names the commit that published a version a pull request changes. In
     * a shallow clone every older version would seem published by its oldest commit, and two clones
     * of one registry would build different documents.
     *
     * @param work what needs the history, as in "a build", for the message
     * @throws PrompdException NOT_FOUND in a shallow clone: the history the work reads is missing, as a
     *                         revision not fetched is, and the check's workflow tells "could not run" by that
     */
    public void requireWholeHistory(String work) throws IOException {
        if (isShallow()) {
            throw new PrompdException(ExitCode.NOT_FOUND, repository.getDirectory() + " is a shallow clone, and " + work
                    + " reads each version's publishing commit from the whole history", WHOLE_HISTORY_HINT);
        }
    }

    private boolean isShallow() throws IOException {
        return !repository.getObjectDatabase().getShallowCommits().isEmpty();
    }

    /**
     * Runs work that reads this repository's objects, and reports an object it lacks as what it
     * is: one a partial clone was made without ({@code git clone --filter}), fetched only when Git
     * needs it, which JGit cannot do, or one a damaged repository lost. Either was a bare
     * "input/output error" with no hint, and exited as a failed check would. A partial clone is not
     * refused up front: one that holds every object the work reads, as a blobless clone does for the
     * commit checked out, works.
     *
     * @param work what reads, as in "the build", for the message
     * @throws PrompdException NOT_FOUND when an object is missing, as for a shallow clone
     */
    public <T> T readingObjects(String work, IoSupplier<T> reading) throws IOException {
        try {
            return reading.get();
        } catch (IOException | UncheckedIOException failure) {
            Optional<MissingObjectException> missing = missingObject(failure);
            if (missing.isEmpty()) {
                throw failure;
            }
            // JGit takes an object file it may not read for one not there
            requireReadable(repository.getDirectory().toPath(), readable);
            // "Missing blob 1ae78f…", as JGit words it
            String object = missing.get().getMessage().replaceFirst("^Missing ", "");
            Optional<String> filter = partialCloneFilter();
            if (filter.isPresent()) {
                throw new PrompdException(ExitCode.NOT_FOUND, repository.getDirectory() + " is a partial clone ("
                        + filter.get() + "), and " + work + " needs objects it does not have, such as " + object,
                        "clone without --filter (in actions/checkout, drop `filter:`)", missing.get());
            }
            throw new PrompdException(ExitCode.NOT_FOUND, repository.getDirectory() + " lacks the " + object + " that "
                    + work + " reads: the repository is incomplete or damaged", "see what is damaged with git fsck"
                    + " in " + repository.getDirectory() + ", then clone the registry again", missing.get());
        }
    }

    private static Optional<MissingObjectException> missingObject(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingObjectException missing) {
                return Optional.of(missing);
            }
        }
        return Optional.empty();
    }

    /**
     * How the repository is a partial clone, when it is one: Git marks the remote it may fetch
     * missing objects from, in {@code extensions.partialClone} or by {@code promisor = true}.
     */
    private Optional<String> partialCloneFilter() {
        Config config = repository.getConfig();
        Optional<String> promisor = Optional.ofNullable(config.getString("extensions", null, "partialClone"))
                .or(() -> config.getSubsections("remote").stream()
                        .filter(remote -> config.getBoolean("remote", remote, "promisor", false)).sorted().findFirst());
        return promisor.map(remote -> Optional.ofNullable(config.getString("remote", remote, "partialCloneFilter"))
                .map(filter -> "--filter=" + filter + " from " + remote)
                .orElse("objects left to remote " + remote));
    }

    Repository repository() {
        return repository;
    }

    /** The commit a revision names: a branch, a tag, a full or abbreviated id, or an expression such as {@code HEAD~1}. */
    public ObjectId resolve(String revision) throws IOException {
        ObjectId id;
        try {
            id = repository.resolve(revision);
        } catch (AmbiguousObjectException ambiguous) {
            throw new PrompdException(ExitCode.USAGE, "the abbreviated id '" + revision + "' matches "
                    + ambiguous.getCandidates().size() + " objects", "give more characters of the commit id");
        } catch (RevisionSyntaxException invalid) {
            throw new PrompdException(ExitCode.USAGE, "'" + revision + "' is not a valid revision",
                    "give a branch, a tag, a commit id or an expression such as HEAD~1");
        }
        if (id == null) {
            requireReadable(repository.getDirectory().toPath(), readable);
        }
        if (id == null && !repository.getRefDatabase().hasRefs()) {
            throw new PrompdException(ExitCode.NOT_FOUND, repository.getDirectory() + " has no commits yet",
                    "commit the registry's files (registry.json, scopes.json, packages/) first");
        }
        if (id == null) {
            pastTheHistory(revision);
            throw noRevision(revision, null);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id).copy();
        } catch (MissingObjectException missing) {
            // a full commit id resolves without a look at the objects: only reading it finds it missing
            requireReadable(repository.getDirectory().toPath(), readable);
            throw noRevision(revision, missing);
        } catch (IncorrectObjectTypeException notCommit) {
            throw new PrompdException(ExitCode.USAGE, "'" + revision + "' names a " + typeOf(id) + ", not a commit",
                    "give a branch, a tag or a commit id");
        }
    }

    private PrompdException noRevision(String revision, Exception cause) {
        return new PrompdException(ExitCode.NOT_FOUND, "no revision '" + revision + "' in " + repository.getDirectory(),
                "fetch the branch or commit first (git fetch origin " + revision + "), or check its spelling", cause);
    }

    /**
     * Refuses an expression such as {@code HEAD~1} whose start exists but which goes back past the
     * commits at hand, as in the one-commit shallow clone CI checks out by default.
     */
    private void pastTheHistory(String revision) throws IOException {
        int steps = revision.replace('^', '~').indexOf('~');
        if (steps <= 0) {
            return;
        }
        String start = revision.substring(0, steps);
        try {
            if (repository.resolve(start) == null) {
                return;
            }
        } catch (RevisionSyntaxException | AmbiguousObjectException notUsable) {
            // the start is then no commit at all, which the caller reports as a missing revision
            return;
        }
        throw new PrompdException(ExitCode.NOT_FOUND, "'" + revision + "' goes back further than the history of '"
                + start + "' in " + repository.getDirectory(), isShallow() ? WHOLE_HISTORY_HINT
                : "give a commit that exists, such as '" + start + "'");
    }

    private String typeOf(ObjectId id) throws IOException {
        return Constants.typeString(repository.open(id).getType());
    }

    /** Reads the registry at the commit. Missing settings files and bad folders end up in its problems. */
    public RegistrySnapshot snapshot(ObjectId commitId) throws IOException {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = parseCommit(walk, commitId);
            RevTree tree = commit.getTree();
            Problems problems = new Problems();
            Optional<RegistryConfig> config = readFile(reader, tree, RegistryConfig.FILE, true, problems)
                    .flatMap(bytes -> collect(RegistryConfig.parse(bytes), problems));
            Scopes scopes = readFile(reader, tree, Scopes.FILE, false, problems)
                    .flatMap(bytes -> collect(Scopes.parse(bytes), problems)).orElse(Scopes.EMPTY);
            Optional<ObjectId> packagesTree = treeAt(reader, tree, RepositoryLayout.PACKAGES, problems);
            SortedMap<PackageName, SortedMap<Version, VersionFolder>> packages = Collections.emptySortedMap();
            Map<PackageName, ObjectId> metaFiles = Map.of();
            if (packagesTree.isPresent()) {
                PackageListing listing = PackageListing.read(reader, packagesTree.get(), problems);
                packages = listing.packages();
                metaFiles = listing.metaFiles();
            }
            return new RegistrySnapshot(repository.getObjectDatabase(), commit, tree,
                    Instant.ofEpochSecond(commit.getCommitTime()), config, scopes, packages, metaFiles, problems.sorted());
        }
    }

    private static <T> Optional<T> collect(Parsed<T> parsed, Problems problems) {
        problems.addAll(parsed.problems());
        return parsed.value();
    }

    /** The bytes of a regular file of the root tree; anything else there, or a required file missing, is a problem. */
    private static Optional<byte[]> readFile(ObjectReader reader, RevTree tree, String path, boolean required,
                                             Problems problems) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            if (walk == null) {
                if (required) {
                    problems.error(path, "", "the registry has no " + path,
                            "add " + path + " at the repository root; see the registry documentation for its fields");
                }
                return Optional.empty();
            }
            if (walk.getFileMode(0) != FileMode.REGULAR_FILE) {
                problems.error(path, "", path + " must be a regular file, not " + walk.getFileMode(0),
                        "replace it with a plain JSON file");
                return Optional.empty();
            }
            // read before the policy it may hold, so the default per-file limit keeps a huge one from being read at all
            Optional<byte[]> bytes = readWithin(reader, walk.getObjectId(0), ArchiveLimits.DEFAULT);
            if (bytes.isEmpty()) {
                problems.error(path, "", ArchiveLimits.DEFAULT.notRead(reader.getObjectSize(walk.getObjectId(0),
                        Constants.OBJ_BLOB)), "keep " + path + " to its settings: it is read whole by every check and build");
            }
            return bytes;
        }
    }

    /**
     * The blob's bytes when the size its header gives fits the per-file limit: a larger one is refused
     * by its size alone, and reading it would cost as much as it is large.
     */
    static Optional<byte[]> readWithin(ObjectReader reader, ObjectId blob, ArchiveLimits limits) throws IOException {
        if (!limits.fitsOneFile(reader.getObjectSize(blob, Constants.OBJ_BLOB))) {
            return Optional.empty();
        }
        return Optional.of(reader.open(blob, Constants.OBJ_BLOB)
                .getBytes((int) Math.min(limits.maxFileBytes(), Integer.MAX_VALUE)));
    }

    /** The size Git records for the blob, read from its header alone. */
    public long size(ObjectId blob) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.getObjectSize(blob, Constants.OBJ_BLOB);
        }
    }

    /** The blob's bytes when its size fits the per-file limit ({@link #readWithin}). */
    public Optional<byte[]> read(ObjectId blob, ArchiveLimits limits) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            return readWithin(reader, blob, limits);
        }
    }

    private static Optional<ObjectId> treeAt(ObjectReader reader, RevTree tree, String path, Problems problems)
            throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            if (walk == null) {
                return Optional.empty();
            }
            if (walk.getFileMode(0) != FileMode.TREE) {
                problems.error(path, "", path + " must be a folder", "remove the file and put packages below " + path + "/");
                return Optional.empty();
            }
            return Optional.of(walk.getObjectId(0));
        }
    }

    /** Every path that differs between two commits, sorted as Git sorts paths. */
    public List<Change> diff(ObjectId base, ObjectId head) throws IOException {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            return TreeDiff.between(reader, Optional.of(parseCommit(walk, base).getTree()),
                    parseCommit(walk, head).getTree(), TreeFilter.ALL);
        }
    }

    /**
     * Whether two trees hold the same files at the same paths, executable bits aside
     * ({@link Change#onlyExecutableBit}): two such version folders pack the same tarball. A tree this
     * repository no longer has (a history rewritten and collected since) cannot be told the same.
     */
    public boolean sameFiles(ObjectId oldTree, ObjectId newTree) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.has(oldTree, Constants.OBJ_TREE) && TreeDiff.between(reader, Optional.of(oldTree), newTree,
                    TreeFilter.ALL).stream().allMatch(Change::onlyExecutableBit);
        }
    }

    /**
     * The best common ancestor of two commits: a pull request is checked against the merge base,
     * so changes that reached the target branch after the branch point are not counted as its own.
     */
    public ObjectId mergeBase(ObjectId base, ObjectId head) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(parseCommit(walk, base));
            walk.markStart(parseCommit(walk, head));
            RevCommit common = walk.next();
            if (common == null) {
                throw new PrompdException(ExitCode.NOT_FOUND, "commits " + shortId(base) + " and " + shortId(head)
                        + " have no common history", "base the pull request on the registry's main branch");
            }
            return common.copy();
        }
    }

    /**
     * The file contents that the commits of {@code head} which {@code base} lacks brought to a path, but that neither
     * the merge base nor the head holds there: what a pull request added and then changed or deleted again. A content
     * counts where a commit differs from each of its parents, so that a merge brings in only what it resolved itself,
     * and is named with the oldest commit that brought it. Only those commits' trees are read, identical subtrees
     * skipped by id, so the cost follows the size of the pull request.
     */
    public List<IntermediateFile> intermediateFiles(ObjectId base, ObjectId mergeBase, ObjectId head) throws IOException {
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            walk.markStart(parseCommit(walk, head));
            walk.markUninteresting(parseCommit(walk, base));
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            Map<Map.Entry<String, ObjectId>, IntermediateFile> brought = new LinkedHashMap<>();
            for (RevCommit commit : walk) {
                try (TreeWalk tree = new TreeWalk(reader)) {
                    tree.addTree(commit.getTree());
                    if (commit.getParentCount() == 0) {
                        tree.addTree(new EmptyTreeIterator());
                    }
                    for (RevCommit parent : commit.getParents()) {
                        tree.addTree(walk.parseCommit(parent).getTree());
                    }
                    tree.setRecursive(true);
                    tree.setFilter(TreeFilter.ANY_DIFF);
                    while (tree.next()) {
                        if (Change.isFile(tree.getFileMode(0)) && newInCommit(tree)) {
                            String path = GitPaths.of(tree);
                            ObjectId blob = tree.getObjectId(0);
                            brought.putIfAbsent(Map.entry(path, blob), new IntermediateFile(commit, path, blob));
                        }
                    }
                }
            }
            if (brought.isEmpty()) {
                return List.of();
            }
            Set<String> paths = brought.values().stream().map(IntermediateFile::path).collect(Collectors.toSet());
            try (TreeWalk ends = new TreeWalk(reader)) {
                ends.addTree(parseCommit(walk, mergeBase).getTree());
                ends.addTree(parseCommit(walk, head).getTree());
                ends.setRecursive(true);
                ends.setFilter(PathFilterGroup.createFromStrings(paths));
                while (ends.next()) {
                    String path = GitPaths.of(ends);
                    brought.remove(Map.entry(path, ends.getObjectId(0)));
                    brought.remove(Map.entry(path, ends.getObjectId(1)));
                }
            }
            return List.copyOf(brought.values());
        }
    }

    /** Whether the first tree of the walk holds, at its path, a content none of the others (the parents) does. */
    private static boolean newInCommit(TreeWalk tree) {
        for (int parent = 1; parent < tree.getTreeCount(); parent++) {
            if (tree.getObjectId(parent).equals(tree.getObjectId(0))) {
                return false;
            }
        }
        return true;
    }

    static RevCommit parseCommit(RevWalk walk, ObjectId id) throws IOException {
        try {
            return walk.parseCommit(id);
        } catch (MissingObjectException | IncorrectObjectTypeException notFound) {
            throw new PrompdException(ExitCode.NOT_FOUND, "no commit " + id.name() + " in the repository",
                    "fetch it first, or resolve a revision with RegistryRepository.resolve", notFound);
        }
    }

    static String shortId(ObjectId id) {
        return shortId(id.name());
    }

    /** A commit's id as Git shows it in short, {@code 3f2a9c1}: enough for a person to find it. */
    public static String shortId(String commit) {
        return commit.substring(0, Math.min(SHORT_ID_LENGTH, commit.length()));
    }

    @Override
    public void close() {
        repository.close();
    }
}
