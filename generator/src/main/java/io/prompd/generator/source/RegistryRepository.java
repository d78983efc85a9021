package io.prompd.generator.source;

import io.prompd.core.Causes;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.TerminalText;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.concurrent.IoSupplier;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * A registry Git repository, bare or with a working tree; only its objects are read. Close it
 * when done: snapshots and sources read from it until then. It opens the repository, checks that
 * this user may read it and that it holds the history the work needs, and resolves revisions;
 * {@link RegistrySnapshot#read} reads the registry at a commit, and {@link CommitRange} compares commits.
 */
public final class RegistryRepository implements AutoCloseable {


    /** How many branches a message names before it counts the others. */
    private static final int LISTED_BRANCHES = 10;

    /** Length of abbreviated commit ids in messages. */
    private static final int SHORT_ID_LENGTH = 7;

    /**
     * What of a Git folder JGit reads; a file or folder of these that this user may not read, it takes for one not
     * there.
     */
    private static final Set<String> GIT_FILES = Set.of(Constants.HEAD, Constants.CONFIG, Constants.PACKED_REFS,
            Constants.SHALLOW, "refs", Constants.OBJECTS);

    /** JGit's words for an object read as of another type than it is: its id, and the type it was read as. */
    private static final Pattern WRONG_TYPE = Pattern.compile("Object ([0-9a-f]{40}) is not a (\\w+)\\.");

    /** Whether this user may read a file, or list and enter a folder. */
    private static final Predicate<Path> READABLE = path -> Files.isReadable(path)
            && (!Files.isDirectory(path) || Files.isExecutable(path));

    private final Repository repository;
    private final Predicate<Path> readable;
    /** {@code git} as the hints spell it to run on this repository: see {@link #git(Path, Repository, Path)}. */
    private final String git;

    private RegistryRepository(Repository repository, Predicate<Path> readable, String git) {
        this.repository = repository;
        this.readable = readable;
        this.git = git;
    }

    /**
     * Opens the repository at the folder: a bare repository, a {@code .git} folder, or a working
     * tree containing one, for a run in {@code workingFolder}, from where the git commands its hints suggest are to
     * find the repository. The caller says where it runs (the command's context does): this never reads the process's
     * working folder.
     */
    public static RegistryRepository open(Path folder, Path workingFolder) throws IOException {
        return open(folder, READABLE, workingFolder);
    }

    /**
     * As {@link #open(Path, Path)}, telling what this user may read by {@code readable}: tests deny what
     * they choose, which permissions cannot do for root.
     */
    static RegistryRepository open(Path folder, Predicate<Path> readable, Path workingFolder) throws IOException {
        File gitDir = gitDir(folder, readable);
        Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
        try {
            requireSha1(repository);
        } catch (PrompdException unsupported) {
            repository.close();
            throw unsupported;
        }
        return new RegistryRepository(repository, readable, git(folder, repository, workingFolder));
    }

    /**
     * The folder of the repository that {@code folder} is in, as git and {@code prompd validate} find it from a
     * subfolder: its working tree, or the folder itself when bare. Empty when the folder is that very repository (its
     * working tree, its {@code .git} or the bare repository), so that a command tells which repository it read only
     * when it was found above the folder given.
     *
     * @throws PrompdException NOT_FOUND when neither the folder nor one above it is a Git repository
     */
    public static Optional<Path> foundAbove(Path folder) throws IOException {
        File gitDir = gitDir(folder, READABLE);
        if (RepositoryCache.FileKey.resolve(folder.toFile(), FS.DETECTED) != null) {
            return Optional.empty();
        }
        try (Repository repository = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build()) {
            return Optional.of((repository.isBare() ? repository.getDirectory() : repository.getWorkTree()).toPath());
        }
    }

    /**
     * The Git folder of the repository at {@code folder} (a bare repository, a {@code .git} folder, or a working tree
     * containing one) or, failing that, of the nearest folder above it that is one, as git looks for it.
     */
    private static File gitDir(Path folder, Predicate<Path> readable) throws IOException {
        if (!Files.isDirectory(folder)) {
            requireReadable(folder, readable);
            String hint = "give the folder of a clone of the registry repository (bare or not)";
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new PrompdException(ExitCode.NOT_FOUND, "no such folder: " + TerminalText.oneLine(
                        folder.toString()), hint);
            }
            throw notARepository(folder, hint);
        }
        File gitDir = RepositoryCache.FileKey.resolve(folder.toFile(), FS.DETECTED);
        if (gitDir != null) {
            return gitDir;
        }
        // the folder itself when bare, else the .git of its working tree: one this user may not read is no reason to
        // read another repository above it
        requireReadable(folder, readable);
        requireReadable(folder.resolve(Constants.DOT_GIT), readable);
        gitDir = new FileRepositoryBuilder().findGitDir(folder.toAbsolutePath().normalize().toFile()).getGitDir();
        if (gitDir == null) {
            throw notARepository(folder, "give the folder of a clone of the registry repository (bare or not), or a"
                    + " folder inside it");
        }
        return gitDir;
    }

    private static PrompdException notARepository(Path folder, String hint) {
        return new PrompdException(ExitCode.NOT_FOUND, "not a Git repository: "
                + TerminalText.oneLine(folder.toString()), hint);
    }

    /**
     * {@code git} as a hint suggests running it on the repository: {@code git -C clone} with the folder as given, so
     * that pasted where the run was it acts on that repository, as {@code git fetch upstream late} run beside the clone
     * fails; plain {@code git} where the run is in the repository, where git finds it.
     */
    private static String git(Path folder, Repository repository, Path workingFolder) {
        Path here = workingFolder.toAbsolutePath().normalize();
        Path top = (repository.isBare() ? repository.getDirectory() : repository.getWorkTree()).toPath()
                .toAbsolutePath().normalize();
        return here.startsWith(top) || here.startsWith(repository.getDirectory().toPath().toAbsolutePath().normalize())
                ? "git" : "git -C " + ShellWords.path(TerminalText.oneLine(folder.toString()));
    }

    /** The hint for the history a shallow clone lacks. */
    private String wholeHistoryHint() {
        return "fetch the whole history (" + git + " fetch --unshallow, or fetch-depth: 0 in actions/checkout)";
    }

    /**
     * Refuses a repository in another object format than SHA-1 ({@code git init --object-format=sha256}): JGit reads
     * only SHA-1 and opens such a repository without a word, then finds none of its 64-digit ids, and every revision
     * was missing, with a hint to fetch it. JGit names no setting for the format, so Git's is read here.
     */
    private static void requireSha1(Repository repository) {
        String format = repository.getConfig().getString(ConfigConstants.CONFIG_EXTENSIONS_SECTION, null,
                "objectFormat");
        if (format != null && !format.equalsIgnoreCase("sha1")) {
            Path gitDir = repository.getDirectory().toPath();
            throw new PrompdException(ExitCode.NOT_FOUND, gitDir + " is a repository in the " + format
                    + " object format (extensions.objectFormat), which is not supported: prompd-registry reads Git"
                    + " with JGit, which reads only SHA-1 repositories", "give a SHA-1 mirror of it instead, made and"
                    + " updated with git fast-export: git init --bare --object-format=sha1 registry-sha1.git, then"
                    + " git -C " + ShellWords.path(gitDir.toString()) + " fast-export --all --signed-tags=strip"
                    + " | git -C registry-sha1.git"
                    + " fast-import --force");
        }
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
                + " included (ls -ld " + ShellWords.path(path.toString()) + "), or give a clone it may read");
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
            throw new PrompdException(ExitCode.NOT_FOUND, shownDirectory() + " is a shallow clone, and " + work
                    + " reads each version's publishing commit from the whole history", wholeHistoryHint());
        }
    }

    private boolean isShallow() throws IOException {
        return !repository.getObjectDatabase().getShallowCommits().isEmpty();
    }

    /**
     * Runs work that reads this repository's objects, and reports an object it lacks as what it
     * is: one a partial clone was made without ({@code git clone --filter}), fetched only when Git
     * needs it, which JGit cannot do, or one a damaged repository lost. Either was a bare
     * "input/output error" with no hint, and exited as a failed check would. So was a tree entry
     * whose object is of another type (a file's a tree), as only a tool writing trees by hand writes
     * one, which is a repository damaged as well. A partial clone is not
     * refused up front: one that holds every object the work reads, as a blobless clone does for the
     * commit checked out, works.
     *
     * @param work what reads, as in "the build", for the message
     * @throws PrompdException NOT_FOUND when an object is missing, as for a shallow clone, damaged, or of another
     *                         type than a tree records
     */
    public <T> T readingObjects(String work, IoSupplier<T> reading) throws IOException {
        return readingObjects(work, Optional.empty(), reading);
    }

    /**
     * As {@link #readingObjects(String, IoSupplier)}, for work that reads a pull request: the commits of {@code head}
     * which {@code base} lacks. An entry of another type than its object that one of them brings is no repository
     * damaged, which cloning again would mend, but that commit written by hand, which only writing it again does.
     */
    public <T> T readingPullRequest(String work, ObjectId base, ObjectId head, IoSupplier<T> reading)
            throws IOException {
        return readingObjects(work, Optional.of(new PullRequestCommits(base, head)), reading);
    }

    /** The commits of {@code head} which {@code base} lacks. */
    private record PullRequestCommits(ObjectId base, ObjectId head) {

        PullRequestCommits {
            base = base.copy();
            head = head.copy();
        }
    }

    private <T> T readingObjects(String work, Optional<PullRequestCommits> pullRequest, IoSupplier<T> reading)
            throws IOException {
        try {
            return reading.get();
        } catch (IOException | UncheckedIOException failure) {
            Optional<IOException> damaged = damagedObject(failure);
            if (damaged.isPresent()) {
                throw new PrompdException(ExitCode.NOT_FOUND, shownDirectory()
                        + " holds a damaged object that " + work + " reads (" + damaged.get().getMessage()
                        + "): the repository is damaged", fsckHint(),
                        damaged.get());
            }
            Optional<IncorrectObjectTypeException> wrongType = Causes.find(failure,
                    IncorrectObjectTypeException.class);
            if (wrongType.isPresent()) {
                throw ofAnotherType(work, wrongType.get(), pullRequest);
            }
            Optional<MissingObjectException> missing = Causes.find(failure, MissingObjectException.class);
            if (missing.isEmpty()) {
                throw failure;
            }
            // JGit takes an object file it may not read for one not there
            requireReadable(repository.getDirectory().toPath(), readable);
            // "Missing blob 1ae78f…", as JGit words it
            String object = missing.get().getMessage().replaceFirst("^Missing ", "");
            Optional<String> filter = partialCloneFilter();
            if (filter.isPresent()) {
                throw new PrompdException(ExitCode.NOT_FOUND, shownDirectory() + " is a partial clone ("
                        + filter.get() + "), and " + work + " needs objects it does not have, such as " + object,
                        "clone without --filter (in actions/checkout, drop `filter:`)", missing.get());
            }
            throw new PrompdException(ExitCode.NOT_FOUND, shownDirectory() + " lacks the " + object + " that "
                    + work + " reads: the repository is incomplete or damaged", fsckHint(), missing.get());
        }
    }

    /**
     * A tree entry that records an object as of another type, {@code records the tree 4b825dc… as a blob}, which Git
     * never writes, but a tool writing trees by hand may, and which git fsck reports as a broken link: the commit
     * of the pull request that brought it, or else the repository damaged.
     */
    private PrompdException ofAnotherType(String work, IncorrectObjectTypeException wrongType,
                                          Optional<PullRequestCommits> pullRequest) throws IOException {
        // "Object 4b825dc… is not a blob.", as JGit words it
        Matcher words = WRONG_TYPE.matcher(wrongType.getMessage());
        if (!words.matches()) {
            return damaged(work, "records an object as of another type than it is (" + wrongType.getMessage() + ")",
                    wrongType);
        }
        ObjectId object = ObjectId.fromString(words.group(1));
        String recorded = "records the " + typeOf(object) + " " + object.name() + " as a " + words.group(2);
        Optional<CommitRange.EntryInCommit> brought;
        try {
            brought = pullRequest.isEmpty() ? Optional.empty() : CommitRange.bringing(this, pullRequest.get().base(),
                    pullRequest.get().head(), object, words.group(2));
        } catch (IOException unread) {
            // a tree the search reads is damaged or hand-written too, so that the commit cannot be told
            return damaged(work, recorded, wrongType);
        }
        if (brought.isEmpty()) {
            return damaged(work, recorded, wrongType);
        }
        // the path is the pull request's
        return new PrompdException(ExitCode.NOT_FOUND, TerminalText.oneLine("commit " + shortId(brought.get()
                .commit()) + " of the pull request holds a tree that " + recorded + ", at " + brought.get().path()
                + ", which " + work + " reads: Git never writes such an entry, so the commit was written by hand,"
                + " and cloning the registry again does not mend it"), RepositoryLayout.WRITTEN_BY_HAND, wrongType);
    }

    private PrompdException damaged(String work, String recorded, IncorrectObjectTypeException wrongType) {
        return new PrompdException(ExitCode.NOT_FOUND, shownDirectory() + " holds a tree that " + recorded + ", which "
                + work + " reads: the repository is incomplete or damaged", fsckHint(), wrongType);
    }

    /** The repository's folder as messages name it, kept to their line: a line break in it could pass for a hint. */
    private String shownDirectory() {
        return TerminalText.oneLine(repository.getDirectory().toString());
    }

    private String fsckHint() {
        return "see what is damaged with git fsck in " + shownDirectory() + ", then clone the registry again";
    }

    /**
     * A damaged object in the failure's causes: one JGit found corrupt, or one whose compressed bytes end short
     * or do not inflate, which the JDK's inflater reports without naming the object.
     */
    private static Optional<IOException> damagedObject(Throwable failure) {
        return Causes.find(failure, IOException.class, cause -> cause instanceof CorruptObjectException
                || ((cause instanceof EOFException || cause instanceof ZipException)
                && Arrays.stream(cause.getStackTrace())
                        .anyMatch(frame -> frame.getClassName().startsWith("org.eclipse.jgit."))));
    }

    /** Runs a read of one object, naming the object when its stored bytes are damaged. */
    static <T> T readingObject(AnyObjectId id, IoSupplier<T> reading) throws IOException {
        try {
            return reading.get();
        } catch (EOFException | ZipException damaged) {
            CorruptObjectException named = new CorruptObjectException(id, damaged.getMessage());
            named.initCause(damaged);
            throw named;
        }
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

    /**
     * The commit a revision names: a branch, a tag, a full or abbreviated id, or an expression such as {@code HEAD~1}.
     *
     * @param option the option that gave the revision, as in {@code --rev}, for the hint that gives another
     */
    public ObjectId resolve(String option, String revision) throws IOException {
        ObjectId id;
        try {
            id = repository.resolve(revision);
        } catch (AmbiguousObjectException ambiguous) {
            throw new PrompdException(ExitCode.USAGE, "the abbreviated id " + TerminalText.quoted(revision)
                    + " matches " + ambiguous.getCandidates().size() + " objects", "give more characters of the"
                    + " commit id");
        } catch (RevisionSyntaxException invalid) {
            throw new PrompdException(ExitCode.USAGE, TerminalText.quoted(revision)
                    + " is not a valid revision",
                    "give a branch, a tag, a commit id or an expression such as HEAD~1");
        }
        if (id == null) {
            requireReadable(repository.getDirectory().toPath(), readable);
        }
        if (id == null && !repository.getRefDatabase().hasRefs()) {
            throw new PrompdException(ExitCode.NOT_FOUND, shownDirectory() + " has no commits yet",
                    "commit the registry's files (registry.json, scopes.json, packages/) first");
        }
        if (id == null) {
            pastTheHistory(revision);
            unbornBranch(option, revision);
            throw noRevision(option, revision, null);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id).copy();
        } catch (MissingObjectException missing) {
            // a full commit id resolves without a look at the objects: only reading it finds it missing
            requireReadable(repository.getDirectory().toPath(), readable);
            throw noRevision(option, revision, missing);
        } catch (IncorrectObjectTypeException notCommit) {
            throw new PrompdException(ExitCode.USAGE, TerminalText.quoted(revision) + " names a " + typeOf(id)
                    + ", not a commit",
                    "give a branch, a tag or a commit id");
        }
    }

    /**
     * The commit HEAD names, as a rule the branch the registry serves; empty when it names none: no HEAD, a branch not
     * born yet, or an object this repository does not hold as a commit.
     */
    public Optional<ObjectId> head() throws IOException {
        Ref head = repository.exactRef(Constants.HEAD);
        if (head == null || head.getObjectId() == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return Optional.of(walk.parseCommit(head.getObjectId()).copy());
        } catch (MissingObjectException | IncorrectObjectTypeException noCommit) {
            return Optional.empty();
        }
    }

    /**
     * The files under {@code packages/} of the working tree that {@code commit} does not hold as they are, when it is
     * the commit HEAD names, which the working tree was checked out from; empty when there are none, when the
     * repository is bare, or when another commit is read, to which the working tree is no guide. Git's status, but of
     * the paths where {@link UncommittedSuspects} finds the working tree may differ, and of the version folders
     * {@code unpublished} names in full, since one of all the packages takes seconds on a large registry. Files Git
     * ignores are left out, as {@code git status} leaves them.
     *
     * @param unpublished the folders of versions still being written, such as those a pull request adds, whose files
     *                    an author may have edited since the commit: the outline compares a version folder the commit
     *                    holds by its name alone
     */
    public Optional<UncommittedFiles> uncommitted(ObjectId commit, Collection<String> unpublished) throws IOException {
        if (repository.isBare() || !head().filter(commit::equals).isPresent()) {
            return Optional.empty();
        }
        Status status;
        try {
            Set<String> suspects = new TreeSet<>(UncommittedSuspects.of(repository, commit));
            suspects.addAll(unpublished);
            if (suspects.isEmpty()) {
                return Optional.empty();
            }
            StatusCommand command = Git.wrap(repository).status();
            suspects.forEach(command::addPath);
            status = command.call();
        } catch (IOException | GitAPIException | JGitInternalException unreadable) {
            // a damaged tree of HEAD's, or a folder of the working tree this user may not list: the work reading that
            // commit fails on the first with the message saying so and never reads the second, where the status, a
            // courtesy, would fail it with JGit's
            return Optional.empty();
        }
        Set<String> paths = new TreeSet<>(status.getUntracked());
        List.of(status.getModified(), status.getAdded(), status.getChanged(), status.getRemoved(), status.getMissing(),
                status.getConflicting()).forEach(paths::addAll);
        return paths.isEmpty() ? Optional.empty()
                : Optional.of(new UncommittedFiles(commit.name(), List.copyOf(paths)));
    }

    /**
     * The branch HEAD names, by its short name; empty when HEAD is detached or names none. A build of another commit
     * names it with HEAD's takedowns: on a clone with a work branch checked out, those are the branch's, not the
     * served one's.
     */
    public Optional<String> headBranch() throws IOException {
        Ref head = repository.exactRef(Constants.HEAD);
        return head == null || !head.isSymbolic() ? Optional.empty()
                : Optional.of(Repository.shortenRefName(head.getTarget().getName()));
    }

    private PrompdException noRevision(String option, String revision, Exception cause) throws IOException {
        String start = revision.substring(0, startLength(revision));
        String hint = new MissingRevisionHint(repository, git, option, shownDirectory())
                .of(start, revision.substring(start.length()));
        return new PrompdException(ExitCode.NOT_FOUND, "no revision " + TerminalText.quoted(revision) + " in "
                + shownDirectory(), hint, cause);
    }

    /**
     * Refuses a revision that starts at a symbolic ref naming a branch that does not exist, HEAD above all: a bare
     * repository made by {@code git init --bare} points HEAD at main (or master) whatever branch the team pushes,
     * and a clone of it checks out no branch. Such a HEAD was a revision missing, with a hint to fetch HEAD, which
     * brings nothing.
     */
    private void unbornBranch(String option, String revision) throws IOException {
        String start = revision.substring(0, startLength(revision));
        Ref ref = start.isEmpty() ? null : repository.findRef(start);
        if (ref == null || !ref.isSymbolic() || ref.getObjectId() != null) {
            return;
        }
        List<String> branches = branchNames(Constants.R_HEADS);
        if (branches.isEmpty()) {
            // a clone of such a repository has its branches as remote-tracking ones only
            branches = branchNames(Constants.R_REMOTES);
        }
        String message = start + " in " + shownDirectory() + " points to " + ref.getLeaf().getName()
                + ", which does not exist";
        if (branches.isEmpty()) {
            throw new PrompdException(ExitCode.NOT_FOUND, message + ", and there is no branch",
                    "give a tag or a commit id with " + option + " in place of " + start);
        }
        int listed = Math.min(branches.size(), LISTED_BRANCHES);
        List<String> named = new ArrayList<>(branches.subList(0, listed));
        if (branches.size() > listed) {
            named.add(Plural.count(branches.size() - listed, "other"));
        }
        throw new PrompdException(ExitCode.NOT_FOUND, message + "; the branches there are "
                + Plural.series(named, "and"), TerminalText.oneLine("give one of them in place of " + start + ", as in "
                + option + " " + branches.get(0) + revision.substring(start.length())));
    }

    /** The short names of the branches below {@code prefix}, sorted, leaving out symbolic refs (origin/HEAD). */
    private List<String> branchNames(String prefix) throws IOException {
        return repository.getRefDatabase().getRefsByPrefix(prefix).stream()
                .filter(ref -> !ref.isSymbolic())
                .map(ref -> Repository.shortenRefName(ref.getName()))
                .sorted()
                .toList();
    }

    /** How long the name a revision starts at is: all of it, or up to its first step back, as in {@code HEAD~1}. */
    private static int startLength(String revision) {
        int steps = revision.replace('^', '~').indexOf('~');
        return steps < 0 ? revision.length() : steps;
    }

    /**
     * Refuses an expression such as {@code HEAD~1} whose start exists but which goes back past the
     * commits at hand, as in the one-commit shallow clone CI checks out by default.
     */
    private void pastTheHistory(String revision) throws IOException {
        int steps = startLength(revision);
        if (steps == 0 || steps == revision.length()) {
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
        throw new PrompdException(ExitCode.NOT_FOUND, TerminalText.oneLine("'" + revision + "' goes back further than"
                + " the history of '" + start + "' in " + shownDirectory()), isShallow() ? wholeHistoryHint()
                : "give a commit that exists, such as '" + start + "'");
    }

    private String typeOf(ObjectId id) throws IOException {
        return Constants.typeString(repository.open(id).getType());
    }

    /**
     * The blob's bytes when the size its header gives fits the per-file limit: a larger one is refused
     * by its size alone, and reading it would cost as much as it is large.
     */
    static Optional<byte[]> readWithin(ObjectReader reader, ObjectId blob, ArchiveLimits limits) throws IOException {
        return readingObject(blob, () -> {
            if (!limits.fitsOneFile(reader.getObjectSize(blob, Constants.OBJ_BLOB))) {
                return Optional.empty();
            }
            return Optional.of(reader.open(blob, Constants.OBJ_BLOB)
                    .getBytes((int) Math.min(limits.maxFileBytes(), Integer.MAX_VALUE)));
        });
    }

    /** The size Git records for the blob, read from its header alone. */
    public long size(ObjectId blob) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.getObjectSize(blob, Constants.OBJ_BLOB);
        }
    }

    /** Whether the object is a blob, as every file's and link's entry that Git writes holds. */
    public boolean isBlob(ObjectId object) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            return reader.open(object).getType() == Constants.OBJ_BLOB;
        }
    }

    /** The blob's bytes when its size fits the per-file limit ({@link #readWithin}). */
    public Optional<byte[]> read(ObjectId blob, ArchiveLimits limits) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            return readWithin(reader, blob, limits);
        }
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
