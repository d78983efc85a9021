package io.prompd.generator.testing;

import io.prompd.generator.source.RegistryRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.DeflaterOutputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A real registry Git repository in a test folder, built with JGit, for writing pull-request
 * scenarios in a few lines:
 *
 * <pre>{@code
 * TestRegistryRepo repo = TestRegistryRepo.initRegistry(tempDir);   // registry.json + scopes.json, committed
 * repo.branch("pr").checkout("pr");
 * repo.publish("@common/base", "1.0.0", "@common/util@^1.0.0");
 * ObjectId head = repo.commit("publish base");                      // by alice, one hour after the last commit
 * }</pre>
 *
 * Files are written to the working tree and committed with everything they change, deletions
 * included. Commit times default to a fixed clock that moves one hour a commit, so histories and
 * anything derived from them are deterministic. Git failures surface as unchecked exceptions to
 * keep scenarios short.
 */
public final class TestRegistryRepo implements AutoCloseable {

    /** Time of the first commit made without an explicit time. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** Login of commits made without an explicit author. */
    public static final String DEFAULT_AUTHOR = "alice";

    /** Login listed as maintainer in the registry.json written by {@link #initRegistry}. */
    public static final String MAINTAINER = "maintainer";

    private final Git git;
    private final Path root;
    private Instant nextTime = START;

    private TestRegistryRepo(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    /**
     * An empty repository on branch {@code main}, with a working tree, and no commit yet; or the one already there, as
     * {@code git init} opens it.
     */
    public static TestRegistryRepo init(Path folder) {
        // not Git.init(), which reads git's environment: the GIT_DIR or GIT_INDEX_FILE of a hook or 'rebase -x'
        // running the build would have the test write into that repository
        try {
            Repository repository = new FileRepositoryBuilder().setGitDir(folder.resolve(Constants.DOT_GIT).toFile())
                    .setWorkTree(folder.toFile()).setInitialBranch("main").build();
            if (!repository.getObjectDatabase().exists()) {
                repository.create();
            }
            return new TestRegistryRepo(Git.wrap(repository), folder);
        } catch (IOException | GitAPIException failed) {
            throw new IllegalStateException("cannot create a Git repository in " + folder, failed);
        }
    }

    /**
     * A repository whose first commit holds a valid {@code registry.json} (maintainer
     * {@value #MAINTAINER}) and a {@code scopes.json} where alice owns {@code @common}.
     */
    public static TestRegistryRepo initRegistry(Path folder) {
        TestRegistryRepo repo = init(folder);
        repo.write("registry.json", """
                {
                  "name": "Test registry",
                  "baseUrl": "https://registry.example.test/",
                  "git": "https://git.example.test/registry.git",
                  "maintainers": ["maintainer"]
                }
                """);
        repo.write("scopes.json", """
                {"scopes": {"@common": {"owners": ["alice"], "teams": ["core"]}}, "teams": {"core": ["bob"]}}
                """);
        repo.commit("registry settings", MAINTAINER);
        return repo;
    }

    public Path root() {
        return root;
    }

    /**
     * Opens the repository the way the generator does, run in its folder, where the git commands its hints suggest
     * need no {@code -C}; close it after use.
     */
    public RegistryRepository open() {
        try {
            return RegistryRepository.open(root, root);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** A bare clone of this repository, as CI usually has, in the given folder. */
    public Path bareClone(Path folder) {
        try {
            Git.cloneRepository().setURI(root.toUri().toString()).setDirectory(folder.toFile())
                    .setBare(true).setCloneAllBranches(true).call().close();
            return folder;
        } catch (GitAPIException failed) {
            throw new IllegalStateException("cannot clone " + root, failed);
        }
    }

    public TestRegistryRepo write(String path, String text) {
        return writeBytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public TestRegistryRepo writeBytes(String path, byte[] bytes) {
        Path file = file(path);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return this;
    }

    /** Makes a written file executable (mode 100755 in Git). */
    public TestRegistryRepo executable(String path) {
        try {
            Files.setPosixFilePermissions(file(path), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return this;
    }

    /** Writes a symbolic link (mode 120000 in Git) pointing at {@code target}, which need not exist. */
    public TestRegistryRepo symlink(String path, String target) {
        Path link = file(path);
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return this;
    }

    /**
     * Stages the file at the path, already committed or staged, under another mode with its blob unchanged: a
     * symbolic link whose target is the file's bytes, which only a push past the check could bring. Commit it
     * with {@link #commitStaged}.
     */
    public TestRegistryRepo restage(String path, FileMode mode) {
        try {
            ObjectId blob = git.getRepository().readDirCache().getEntry(path).getObjectId();
            return stage(new DirCacheEntry(path), mode, blob);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Stages a Git submodule entry (mode 160000) pointing at a commit, as a pull request could add one. */
    public TestRegistryRepo gitlink(String path, ObjectId commit) {
        return stage(new DirCacheEntry(path), FileMode.GITLINK, commit);
    }

    /**
     * Stages a file under a name of raw bytes, which need not be UTF-8: Git stores any bytes,
     * though Java can name no such file on disk to add. Commit it with {@link #commitStaged}.
     */
    public TestRegistryRepo rawNamedFile(byte[] path, String text) {
        try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
            inserter.flush();
            return stage(new DirCacheEntry(path), FileMode.REGULAR_FILE, blob);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * Stages a file whose blob's header claims {@code size} bytes though it holds a handful: Git
     * reads a blob's size from its header alone, so this stands for a blob of gigabytes, which only
     * a reader of its content would notice (failing at once, on the missing bytes). Commit it with
     * {@link #commitStaged}.
     */
    public TestRegistryRepo hugeBlob(String path, long size) {
        byte[] start = ("the first bytes of " + size).getBytes(StandardCharsets.US_ASCII);
        // any id not taken will do: Git checks a blob against its id only once it reads the content
        ObjectId id = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, start);
        Path loose = root.resolve(".git/objects").resolve(id.name().substring(0, 2)).resolve(id.name().substring(2));
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try {
            try (DeflaterOutputStream deflater = new DeflaterOutputStream(compressed)) {
                deflater.write(Constants.encodedTypeString(Constants.OBJ_BLOB));
                deflater.write((" " + size + "\0").getBytes(StandardCharsets.US_ASCII));
                deflater.write(start);
            }
            Files.createDirectories(loose.getParent());
            Files.write(loose, compressed.toByteArray());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return stage(new DirCacheEntry(path), FileMode.REGULAR_FILE, id);
    }

    private TestRegistryRepo stage(DirCacheEntry path, FileMode mode, ObjectId object) {
        try {
            DirCache index = git.getRepository().lockDirCache();
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(mode);
                    entry.setObjectId(object);
                }
            });
            editor.commit();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return this;
    }

    /** Deletes a file or a whole folder. */
    public TestRegistryRepo delete(String path) {
        try (Stream<Path> files = Files.walk(file(path))) {
            for (Path each : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return this;
    }

    /** Moves a file or folder, as a rename in a pull request would. */
    public TestRegistryRepo move(String from, String to) {
        try {
            Files.createDirectories(file(to).getParent());
            Files.move(file(from), file(to));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return this;
    }

    /**
     * Writes a minimal valid version folder {@code packages/<name>/<version>/}: prompd.json,
     * README.md, LICENSE and prompts/x.prmd.
     *
     * @param dependencies each as {@code name@range}, such as {@code @common/util@^1.0.0}
     * @return the folder's path in the repository
     */
    public String publish(String name, String version, String... dependencies) {
        String folder = "packages/" + name + "/" + version;
        Map<String, String> ranges = new LinkedHashMap<>();
        for (String dependency : dependencies) {
            int at = dependency.lastIndexOf('@');
            if (at <= 0) {
                throw new IllegalArgumentException("write a dependency as name@range, not " + dependency);
            }
            ranges.put(dependency.substring(0, at), dependency.substring(at + 1));
        }
        String dependencyJson = ranges.entrySet().stream()
                .map(range -> "\"" + range.getKey() + "\": \"" + range.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
        write(folder + "/prompd.json", """
                {
                  "name": "%s",
                  "version": "%s",
                  "description": "Test package %s",
                  "license": "MIT",
                  "main": "prompts/x.prmd",
                  "dependencies": %s
                }
                """.formatted(name, version, name, dependencyJson));
        write(folder + "/README.md", "# " + name + "\n\nA test package.\n");
        write(folder + "/LICENSE", "MIT License\n");
        write(folder + "/prompts/x.prmd", """
                ---
                id: x
                name: X
                version: %s
                description: A test prompt
                ---
                # User

                Say hello.
                """.formatted(version));
        return folder;
    }

    /** Writes {@code packages/<name>/meta.json} with the given JSON text. */
    public TestRegistryRepo meta(String name, String json) {
        return write("packages/" + name + "/meta.json", json);
    }

    /** Commits every change in the working tree by {@value #DEFAULT_AUTHOR} at the next tick of the test clock. */
    public ObjectId commit(String message) {
        return commit(message, DEFAULT_AUTHOR);
    }

    public ObjectId commit(String message, String login) {
        return commit(message, login, nextTime);
    }

    /** Commits every change in the working tree, deletions included; author and committer are the login. */
    public ObjectId commit(String message, String login, Instant time) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
        } catch (GitAPIException failed) {
            throw new IllegalStateException("cannot stage '" + message + "'", failed);
        }
        return commitStaged(message, login, time);
    }

    /**
     * Commits the index as it is, by {@value #DEFAULT_AUTHOR}: what {@link #rawNamedFile} staged
     * has no file on disk, so staging the working tree would take it out again.
     */
    public ObjectId commitStaged(String message) {
        return commitStaged(message, DEFAULT_AUTHOR, nextTime);
    }

    private ObjectId commitStaged(String message, String login, Instant time) {
        try {
            ObjectId id = git.commit().setMessage(message).setAuthor(person(login, time))
                    .setCommitter(person(login, time)).setSign(false).setAllowEmpty(true).call().copy();
            nextTime = time.plus(Duration.ofHours(1));
            return id;
        } catch (GitAPIException failed) {
            throw new IllegalStateException("cannot commit '" + message + "'", failed);
        }
    }

    /**
     * Commits, on the current branch, a tree holding the file at {@code path} twice: the entry
     * committed, and one more of the same name with {@code otherText}, as only a tool writing trees
     * by hand (git mktree) makes one. The index and the working tree are left as they were.
     */
    public ObjectId commitNamedTwice(String path, String otherText, String message) {
        try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, otherText.getBytes(StandardCharsets.UTF_8));
            return commitWithSecondEntry(inserter, path, FileMode.REGULAR_FILE, blob, message);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * As {@link #commitNamedTwice(String, String, String)}, the second entry named as {@code path} holding what the
     * current commit has at {@code like}, a folder or a file: a scope, package or version folder given twice.
     */
    public ObjectId commitNamedTwiceLike(String path, String like, String message) {
        Repository repository = git.getRepository();
        try (ObjectInserter inserter = repository.newObjectInserter();
             TreeWalk walk = TreeWalk.forPath(repository, like, repository.parseCommit(head()).getTree())) {
            if (walk == null) {
                throw new IllegalArgumentException("the current commit has nothing at " + like);
            }
            return commitWithSecondEntry(inserter, path, walk.getFileMode(0), walk.getObjectId(0), message);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * Commits, on the current branch, a file at {@code path} holding {@code text}, written into the trees by hand: JGit's
     * index refuses a name Git guards its own folder against on Windows ({@code GIT~1}), which git commits with
     * {@code -c core.protectNTFS=false}. The index and the working tree are left as they were.
     */
    public ObjectId commitUnguardedFile(String path, String text, String message) {
        try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
            RevCommit parent = git.getRepository().parseCommit(head());
            return commitTree(inserter, parent, withFile(inserter, parent.getTree(), path.split("/"), 0, blob),
                    message);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The tree with the file at {@code names} from {@code depth} on added; {@code tree} null for a new folder. */
    private ObjectId withFile(ObjectInserter inserter, ObjectId tree, String[] names, int depth, ObjectId blob)
            throws IOException {
        boolean last = depth == names.length - 1;
        // Git sorts a tree's entries by name, a folder's as if it ended in '/'
        Map<String, Map.Entry<FileMode, ObjectId>> entries = new TreeMap<>();
        ObjectId folder = null;
        if (tree != null) {
            try (TreeWalk walk = new TreeWalk(git.getRepository())) {
                walk.addTree(tree);
                while (walk.next()) {
                    boolean isTree = walk.getFileMode(0) == FileMode.TREE;
                    if (!last && isTree && walk.getNameString().equals(names[depth])) {
                        folder = walk.getObjectId(0);
                    } else {
                        entries.put(walk.getNameString() + (isTree ? "/" : ""),
                                Map.entry(walk.getFileMode(0), walk.getObjectId(0)));
                    }
                }
            }
        }
        entries.put(last ? names[depth] : names[depth] + "/", last ? Map.entry(FileMode.REGULAR_FILE, blob)
                : Map.entry(FileMode.TREE, withFile(inserter, folder, names, depth + 1, blob)));
        TreeFormatter formatter = new TreeFormatter();
        entries.forEach((name, entry) -> formatter.append(name.endsWith("/") ? name.substring(0, name.length() - 1)
                : name, entry.getKey(), entry.getValue()));
        return inserter.insert(formatter);
    }

    /**
     * Commits, on the current branch, a tree holding at {@code folder} ({@code ""} for the root) a file entry named
     * {@code name} holding {@code text}, whatever the name: one with '/' in it, an empty one, {@code .} or {@code ..},
     * as only a tool writing trees by hand (git hash-object -t tree --literally) makes one. The index and the working
     * tree are left as they were.
     */
    public ObjectId commitRawEntry(String folder, String name, String text, String message) {
        try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
            return commitRawEntry(inserter, folder, name, FileMode.REGULAR_FILE, blob, message);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * As {@link #commitRawEntry(String, String, String, String)}, the entry of {@code mode} holding the object the
     * current commit has at {@code like}, whatever its type: a file entry given a tree, or a folder entry a blob.
     */
    public ObjectId commitRawEntry(String folder, String name, FileMode mode, String like, String message) {
        Repository repository = git.getRepository();
        try (ObjectInserter inserter = repository.newObjectInserter();
             TreeWalk walk = TreeWalk.forPath(repository, like, repository.parseCommit(head()).getTree())) {
            if (walk == null) {
                throw new IllegalArgumentException("the current commit has nothing at " + like);
            }
            return commitRawEntry(inserter, folder, name, mode, walk.getObjectId(0), message);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private ObjectId commitRawEntry(ObjectInserter inserter, String folder, String name, FileMode mode,
                                    ObjectId object, String message) throws IOException {
        RevCommit parent = git.getRepository().parseCommit(head());
        String[] names = folder.isEmpty() ? new String[0] : folder.split("/");
        return commitTree(inserter, parent, withRawEntry(inserter, parent.getTree(), names, 0,
                new RawEntry(name, mode, object)), message);
    }

    private record RawEntry(String name, FileMode mode, ObjectId object) {

        /** Where Git sorts the entry among a tree's: by name, a folder's as if it ended in '/'. */
        String sortKey() {
            return name + (mode == FileMode.TREE ? "/" : "");
        }
    }

    /** The tree with the entry added to the folder at {@code names} from {@code depth} on, in Git's order of names. */
    private ObjectId withRawEntry(ObjectInserter inserter, ObjectId tree, String[] names, int depth, RawEntry added)
            throws IOException {
        Map<String, RawEntry> entries = new TreeMap<>();
        boolean entered = depth == names.length;
        try (TreeWalk walk = new TreeWalk(git.getRepository())) {
            walk.addTree(tree);
            while (walk.next()) {
                String name = walk.getNameString();
                FileMode mode = walk.getFileMode(0);
                boolean enter = depth < names.length && mode == FileMode.TREE && name.equals(names[depth]);
                entered |= enter;
                RawEntry entry = new RawEntry(name, mode, enter
                        ? withRawEntry(inserter, walk.getObjectId(0), names, depth + 1, added) : walk.getObjectId(0));
                entries.put(entry.sortKey(), entry);
            }
        }
        if (!entered) {
            throw new IllegalArgumentException("the current commit has no folder " + String.join("/", names));
        }
        if (depth == names.length) {
            entries.put(added.sortKey(), added);
        }
        TreeFormatter formatter = new TreeFormatter();
        for (RawEntry entry : entries.values()) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            formatter.append(name, 0, name.length, entry.mode(), entry.object(), true);
        }
        return inserter.insert(formatter);
    }

    private ObjectId commitWithSecondEntry(ObjectInserter inserter, String path, FileMode mode, ObjectId object,
                                           String message) throws IOException {
        RevCommit parent = git.getRepository().parseCommit(head());
        return commitTree(inserter, parent, withSecondEntry(inserter, parent.getTree(), path.split("/"), 0, mode,
                object), message);
    }

    /** Commits the tree on the current branch, after {@code parent}, by {@value #DEFAULT_AUTHOR}. */
    private ObjectId commitTree(ObjectInserter inserter, RevCommit parent, ObjectId tree, String message)
            throws IOException {
        Repository repository = git.getRepository();
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentId(parent);
        commit.setAuthor(person(DEFAULT_AUTHOR, nextTime));
        commit.setCommitter(person(DEFAULT_AUTHOR, nextTime));
        commit.setMessage(message);
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        RefUpdate update = repository.updateRef(Constants.HEAD);
        update.setNewObjectId(id);
        update.forceUpdate();
        nextTime = nextTime.plus(Duration.ofHours(1));
        return id;
    }

    private ObjectId withSecondEntry(ObjectInserter inserter, ObjectId tree, String[] names, int depth, FileMode mode,
                                     ObjectId object) throws IOException {
        boolean last = depth == names.length - 1;
        TreeFormatter formatter = new TreeFormatter();
        try (TreeWalk walk = new TreeWalk(git.getRepository())) {
            walk.addTree(tree);
            while (walk.next()) {
                String name = walk.getNameString();
                boolean named = name.equals(names[depth]);
                formatter.append(name, walk.getFileMode(0), named && !last
                        ? withSecondEntry(inserter, walk.getObjectId(0), names, depth + 1, mode, object)
                        : walk.getObjectId(0));
                if (named && last) {
                    formatter.append(name, mode, object);
                }
            }
        }
        return inserter.insert(formatter);
    }

    /** Creates a branch at the current commit, without switching to it. */
    public TestRegistryRepo branch(String name) {
        try {
            git.branchCreate().setName(name).call();
        } catch (GitAPIException failed) {
            throw new IllegalStateException("cannot create branch " + name, failed);
        }
        return this;
    }

    public TestRegistryRepo checkout(String name) {
        try {
            git.checkout().setName(name).call();
        } catch (GitAPIException failed) {
            throw new IllegalStateException("cannot check out " + name, failed);
        }
        return this;
    }

    /**
     * Puts in the working tree the files {@code path} holds at {@code revision}, as {@code git checkout <revision> --
     * <path>} does, the revision written as Git reads it ({@code abc1234~1}).
     */
    public TestRegistryRepo checkoutPath(String revision, String path) {
        try {
            git.checkout().setStartPoint(revision).addPath(path).call();
        } catch (GitAPIException failed) {
            throw new IllegalStateException("cannot check out " + path + " from " + revision, failed);
        }
        return this;
    }

    /** Merges a branch into the current one with a merge commit (as a pull request merge button does). */
    public ObjectId merge(String branch, String message, String login) {
        Instant time = nextTime;
        startMerge(branch);
        return commit(message, login, time);
    }

    /**
     * Merges a branch into the working tree without committing, as {@code git merge --no-commit} does: the next
     * commit is the merge commit, holding whatever the working tree holds by then.
     */
    public TestRegistryRepo startMerge(String branch) {
        try {
            git.merge().include(git.getRepository().resolve(branch)).setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setCommit(false).call();
        } catch (GitAPIException | IOException failed) {
            throw new IllegalStateException("cannot merge " + branch, failed);
        }
        return this;
    }

    /** Moves the current branch on to a branch holding it, as {@code git merge --ff-only} does, with no commit. */
    public ObjectId fastForward(String branch) {
        try {
            MergeResult result = git.merge().include(git.getRepository().resolve(branch))
                    .setFastForward(MergeCommand.FastForwardMode.FF_ONLY).call();
            if (result.getMergeStatus() != MergeResult.MergeStatus.FAST_FORWARD) {
                throw new IllegalStateException("cannot fast-forward to " + branch + ": " + result.getMergeStatus());
            }
            return head();
        } catch (GitAPIException | IOException failed) {
            throw new IllegalStateException("cannot fast-forward to " + branch, failed);
        }
    }

    /**
     * Records in the config what {@code git clone --filter=<filter>} does: the remote it may fetch
     * missing objects from, with the filter. Delete the objects such a clone lacks with
     * {@link #deleteBlob}.
     */
    public TestRegistryRepo markPartialClone(String filter) {
        StoredConfig config = git.getRepository().getConfig();
        config.setString("remote", "origin", "url", "https://git.example.test/registry.git");
        config.setBoolean("remote", "origin", "promisor", true);
        config.setString("remote", "origin", "partialclonefilter", filter);
        try {
            config.save();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return this;
    }

    /**
     * Deletes the object of a file as a revision holds it, as a partial clone lacks it, or a
     * damaged repository lost it. Commits here store their objects loose, one file each.
     *
     * @return the blob's id
     */
    public ObjectId deleteBlob(String revision, String path) {
        ObjectId blob = blob(revision, path);
        try {
            Files.delete(looseObject(blob));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return blob;
    }

    /**
     * Cuts the object of a file as a revision holds it short, as a disk error or a copy cut off leaves it, so that
     * its compressed bytes end before the object does.
     *
     * @return the blob's id
     */
    public ObjectId truncateBlob(String revision, String path) {
        ObjectId blob = blob(revision, path);
        Path file = looseObject(blob);
        try {
            file.toFile().setWritable(true);
            Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 20));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return blob;
    }

    private ObjectId blob(String revision, String path) {
        try (TreeWalk walk = TreeWalk.forPath(git.getRepository(), path,
                git.getRepository().parseCommit(git.getRepository().resolve(revision)).getTree())) {
            return walk.getObjectId(0);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private Path looseObject(ObjectId id) {
        return root.resolve(".git/objects").resolve(id.name().substring(0, 2)).resolve(id.name().substring(2));
    }

    /** The commit the current branch points at. */
    public ObjectId head() {
        try {
            return git.getRepository().resolve(Constants.HEAD);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The first commit of the current branch's history: {@link #initRegistry}'s settings, for a history rewritten. */
    public ObjectId firstCommit() {
        try (RevWalk walk = new RevWalk(git.getRepository())) {
            walk.markStart(walk.parseCommit(head()));
            walk.sort(RevSort.REVERSE);
            return walk.next().copy();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private Path file(String path) {
        return root.resolve(path);
    }

    private static PersonIdent person(String login, Instant time) {
        return new PersonIdent(login, login + "@users.noreply.github.com", time, ZoneOffset.UTC);
    }

    @Override
    public void close() {
        git.getRepository().close();
    }
}
