package io.prompd.generator.source;

import io.prompd.core.SortedCopies;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.json.FieldLines;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The registry at one commit: its settings, its scopes, the folder of every published version and
 * every package's meta.json, with every problem found while reading them. Listing reads only
 * trees and the few settings files; a package's files are read when a {@link #source} is asked
 * for, and its meta.json when its {@link #meta} is: a pull request's check needs a handful of the
 * thousands a registry has. A snapshot is immutable (a meta.json is read at most once) and may be
 * shared between threads while its repository is open.
 */
public final class RegistrySnapshot {

    private final ObjectDatabase objects;
    private final ObjectId commit;
    /** The commit's root tree, so that a look-up by path does not parse the commit again. */
    private final ObjectId tree;
    private final Instant commitTime;
    private final Optional<RegistryConfig> config;
    /** registry.json field by field, as {@link RegistryConfig.Reading#asWritten} holds it. */
    private final Optional<RegistryConfig> configAsWritten;
    private final Parsed<Scopes> scopes;
    private final SortedMap<PackageName, SortedMap<Version, VersionFolder>> packages;
    private final SortedMap<PackageName, ObjectId> metaFiles;
    private final Map<PackageName, Parsed<PackageMeta>> metas = new ConcurrentHashMap<>();
    private final List<Problem> handWritten;
    private final List<Problem> problems;

    private RegistrySnapshot(ObjectDatabase objects, ObjectId commit, ObjectId tree, Instant commitTime,
                     Optional<RegistryConfig> config, Optional<RegistryConfig> configAsWritten,
                     Parsed<Scopes> scopes, SortedMap<PackageName, SortedMap<Version, VersionFolder>> packages,
                     Map<PackageName, ObjectId> metaFiles, List<Problem> handWritten, List<Problem> problems) {
        this.objects = objects;
        this.commit = commit.copy();
        this.tree = tree.copy();
        this.commitTime = commitTime;
        this.config = config;
        this.configAsWritten = configAsWritten;
        this.scopes = scopes;
        this.packages = SortedCopies.nested(packages);
        this.metaFiles = SortedCopies.map(metaFiles);
        this.handWritten = List.copyOf(handWritten);
        this.problems = problems.stream().sorted(Problem.ORDER).toList();
    }

    /** Reads the registry at the commit. Missing settings files and bad folders end up in its problems. */
    public static RegistrySnapshot read(RegistryRepository registry, ObjectId commitId) throws IOException {
        Repository repository = registry.repository();
        try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = RegistryRepository.parseCommit(walk, commitId);
            RevTree tree = commit.getTree();
            Problems problems = new Problems();
            Optional<RegistryConfig.Reading> configRead = readFile(reader, tree, RegistryConfig.FILE, true, problems)
                    .map(RegistryConfig::read);
            configRead.ifPresent(read -> problems.addAll(read.asWritten().problems()));
            Problems unread = new Problems();
            Parsed<Scopes> scopes = readFile(reader, tree, Scopes.FILE, false, unread).map(Scopes::parse)
                    .orElseGet(() -> unread.hasErrors() ? Parsed.failed(unread.sorted())
                            : Parsed.of(Scopes.EMPTY, List.of()));
            problems.addAll(scopes.problems());
            Optional<ObjectId> packagesTree = treeAt(reader, tree, RepositoryLayout.PACKAGES, problems);
            SortedMap<PackageName, SortedMap<Version, VersionFolder>> packages = Collections.emptySortedMap();
            Map<PackageName, ObjectId> metaFiles = Map.of();
            SortedSet<String> namedTwice = new TreeSet<>();
            List<TreeEntryName> notOneName = new ArrayList<>();
            readRoot(reader, tree, namedTwice, notOneName);
            if (packagesTree.isPresent()) {
                PackageListing listing = PackageListing.read(reader, packagesTree.get(), problems);
                packages = listing.packages();
                metaFiles = listing.metaFiles();
                namedTwice.addAll(listing.namedTwice());
                notOneName.addAll(listing.notOneName());
            }
            List<Problem> handWritten = Stream.concat(namedTwice.stream().map(RepositoryLayout::namedTwice),
                    notOneName.stream().map(RepositoryLayout::notOneName)).toList();
            problems.addAll(handWritten);
            return new RegistrySnapshot(repository.getObjectDatabase(), commit, tree,
                    PublicationHistory.committed(commit), configRead.flatMap(RegistryConfig.Reading::settings),
                    configRead.flatMap(read -> read.asWritten().value()), scopes, packages,
                    metaFiles, handWritten,
                    problems.sorted());
        }
    }

    /**
     * Adds the entries of the root tree that the registry reads (its settings files and packages/) that it holds
     * twice, of each of which the registry reads the first, and every entry whose name is no single name: the rest of
     * the root is the repository's own, which the registry never reads, but one named {@code packages/a/1.0.0/x.md}
     * passes for a file of the registry's own to whatever reads it by its path.
     */
    private static void readRoot(ObjectReader reader, RevTree tree, SortedSet<String> namedTwice,
                                 List<TreeEntryName> notOneName) throws IOException {
        Set<String> registryEntries = Set.of(RegistryConfig.FILE, Scopes.FILE, RepositoryLayout.PACKAGES);
        Set<String> listed = new HashSet<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            while (walk.next()) {
                String name = GitPaths.of(walk);
                if (!TreeEntryName.isOneName(walk)) {
                    notOneName.add(TreeEntryName.of(walk));
                } else if (registryEntries.contains(name) && !listed.add(name)) {
                    namedTwice.add(name);
                }
            }
        }
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
            if (!Change.isFile(walk.getFileMode(0))) {
                problems.error(path, "", path + " must be a regular file, not " + Change.kindOf(walk.getFileMode(0)),
                        "replace it with a plain JSON file");
                return Optional.empty();
            }
            // read before the policy it may hold, so the default per-file limit keeps a huge one from being read at all
            Optional<byte[]> bytes = RegistryRepository.readWithin(reader, walk.getObjectId(0), ArchiveLimits.DEFAULT);
            if (bytes.isEmpty()) {
                problems.error(path, "", ArchiveLimits.DEFAULT.notRead(reader.getObjectSize(walk.getObjectId(0),
                        Constants.OBJ_BLOB)), "keep " + path + " to its settings: it is read whole by"
                        + " every check and build");
            }
            return bytes;
        }
    }

    private static Optional<ObjectId> treeAt(ObjectReader reader, RevTree tree, String path, Problems problems)
            throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            if (walk == null) {
                return Optional.empty();
            }
            if (walk.getFileMode(0) != FileMode.TREE) {
                problems.error(path, "", path + " must be a folder", "remove the file and put packages below " + path
                        + "/");
                return Optional.empty();
            }
            return Optional.of(walk.getObjectId(0));
        }
    }

    public ObjectId commit() {
        return commit;
    }

    /** When the commit was made (committer time): the same on every machine, so builds can rely on it. */
    public Instant commitTime() {
        return commitTime;
    }

    /** The settings, or empty when registry.json is missing or invalid (see {@link #problems()}). */
    public Optional<RegistryConfig> config() {
        return config;
    }

    /**
     * registry.json as read, with which parts of it did not read, as {@link #parsedScopes} gives scopes.json: field by
     * field, a field that does not read holding a stand-in whatever the others hold, where {@link #config} is empty
     * when one the registry needs does not read.
     */
    public Parsed<RegistryConfig> parsedConfig() {
        return new Parsed<>(configAsWritten, problems.stream()
                .filter(problem -> problem.file().equals(RegistryConfig.FILE))
                .toList());
    }

    /** The policy of registry.json, or the default one when it is missing or invalid. */
    public RegistryConfig.Policy policy() {
        return config.map(RegistryConfig::policy).orElse(RegistryConfig.Policy.DEFAULT);
    }

    /**
     * The scopes, empty when there is no scopes.json or it does not read; invalid entries are left out and reported.
     */
    public Scopes scopes() {
        return scopes.value().orElse(Scopes.EMPTY);
    }

    /**
     * The scopes as read, with which parts of scopes.json did not read: a scope missing from {@link #scopes} may be
     * one whose entry, or the whole file, does not read, rather than one not declared.
     */
    public Parsed<Scopes> parsedScopes() {
        return scopes;
    }

    /** Every package with its version folders, both sorted. */
    public SortedMap<PackageName, SortedMap<Version, VersionFolder>> packages() {
        return packages;
    }

    public Optional<VersionFolder> folder(PackageName name, Version version) {
        return Optional.ofNullable(packages.getOrDefault(name, Collections.emptySortedMap()).get(version));
    }

    /**
     * The package's meta.json, or {@link PackageMeta#EMPTY} when it has none; invalid entries are left out (see
     * {@link #metaProblems}).
     */
    public PackageMeta meta(PackageName name) {
        return parsedMeta(name).value().orElse(PackageMeta.EMPTY);
    }

    /** What is wrong with the package's meta.json; none when it has none. */
    public List<Problem> metaProblems(PackageName name) {
        return parsedMeta(name).problems();
    }

    /** The packages that have a meta.json, whether or not they have a version. */
    public SortedSet<PackageName> packagesWithMeta() {
        return SortedCopies.set(metaFiles.keySet());
    }

    /**
     * Whether the name is in use: it has a version folder, or a meta.json alone, which a package keeps
     * after a takedown of every version, and with it its owners and its numbers taken.
     */
    public boolean inUse(PackageName name) {
        return packages.containsKey(name) || metaFiles.containsKey(name);
    }

    /** Every name {@link #inUse}, sorted. */
    public SortedSet<PackageName> namesInUse() {
        return namesInUse(packages, metaFiles);
    }

    /** The names of the packages with version folders and of those with a meta.json, sorted. */
    static SortedSet<PackageName> namesInUse(Map<PackageName, ?> packages, Map<PackageName, ?> metaFiles) {
        SortedSet<PackageName> names = new TreeSet<>(packages.keySet());
        names.addAll(metaFiles.keySet());
        return names;
    }

    /** Every name {@link #inUse} in the scope, given with its {@code @}, sorted. */
    public SortedSet<PackageName> namesInUse(String scope) {
        return SortedCopies.set(namesInUse().stream()
                .filter(name -> name.isScoped() && name.scopeWithAt().equals(scope)).toList());
    }

    /**
     * The package's meta.json as read, with which of its parts did not read; empty and without problems when it has
     * none.
     */
    public Parsed<PackageMeta> parsedMeta(PackageName name) {
        ObjectId file = metaFiles.get(name);
        if (file == null) {
            return Parsed.of(PackageMeta.EMPTY, List.of());
        }
        return metas.computeIfAbsent(name, unread -> {
            String path = RepositoryLayout.metaFile(name);
            try (ObjectReader reader = objects.newReader()) {
                Optional<byte[]> json = readWithinLimit(reader, file);
                if (json.isEmpty()) {
                    return Parsed.failed(List.of(Problem.error(path, "", ArchiveLimits.DEFAULT.notRead(
                            reader.getObjectSize(file, Constants.OBJ_BLOB)), PackageMeta.TOO_LARGE_HINT)));
                }
                return PackageMeta.parse(path, json.get());
            } catch (IOException failed) {
                throw new UncheckedIOException("cannot read " + path, failed);
            }
        });
    }

    /**
     * The error at each entry of a Git tree above the version folders that Git never writes: a name held twice
     * (registry.json, scopes.json or packages/ in the root, or an entry of packages/, a scope or a package folder),
     * or a name that is no single name, anywhere in the root or those folders. They are among {@link #problems}
     * too; one inside a version folder is its source's ({@link VersionFolder#handWritten}).
     */
    public List<Problem> handWritten() {
        return handWritten;
    }

    /**
     * Everything wrong with the registry's layout and settings files: a missing or invalid
     * registry.json, invalid scopes.json entries, folders under packages/ that are not a valid
     * name or version, and {@linkplain #handWritten entries Git never writes}. A meta.json's problems are
     * {@link #metaProblems}; the contents of version folders are not checked here.
     */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One regular file of a version folder, without listing the folder: cheaper than
     * {@link #source} when only, say, the manifests of many versions are needed.
     *
     * @param path path inside the folder, {@code /}-separated
     * @return its bytes, or empty when there is no regular file at that path or it is over the
     *         per-file limit (its version reports that itself)
     */
    public Optional<byte[]> file(VersionFolder folder, String path) throws IOException {
        return file(folder.treeId(), path);
    }

    /**
     * A regular file of the commit, such as a .gitattributes below its root.
     *
     * @param path repository path, {@code /}-separated
     * @return its bytes, or empty when there is no regular file at that path or it is over the per-file limit
     */
    public Optional<byte[]> file(String path) throws IOException {
        return file(tree, path);
    }

    private Optional<byte[]> file(ObjectId root, String path) throws IOException {
        try (ObjectReader reader = objects.newReader(); TreeWalk walk = TreeWalk.forPath(reader, path, root)) {
            if (walk == null || !Change.isFile(walk.getFileMode(0))) {
                return Optional.empty();
            }
            return readWithinLimit(reader, walk.getObjectId(0));
        }
    }

    /**
     * The blob's bytes when it fits the per-file limit every client applies: {@link RegistryRepository#readWithin}.
     * Not the policy's, which may be lower: it holds for new versions, which the check judges, while the build
     * reads published ones too.
     */
    private Optional<byte[]> readWithinLimit(ObjectReader reader, ObjectId blob) throws IOException {
        return RegistryRepository.readWithin(reader, blob, ArchiveLimits.DEFAULT);
    }

    /** Whether the commit has a file or folder at the path. */
    public boolean has(String path) throws IOException {
        try (ObjectReader reader = objects.newReader(); TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            return walk != null;
        }
    }

    /**
     * The problems with the line of their field where they lack one and name a JSON file of this
     * commit: rules name the fields of meta.json and of the settings files by pointer, and a
     * reviewer or maintainer looks for the line. Only a file with such a problem is read again, and
     * one that is not JSON any more is left without lines (its syntax error has its own).
     */
    public List<Problem> withLines(List<Problem> found) throws IOException {
        Set<String> unplaced = found.stream().filter(problem -> problem.line() == 0 && problem.file().endsWith(".json"))
                .map(Problem::file).collect(Collectors.toSet());
        if (unplaced.isEmpty()) {
            return found;
        }
        Map<String, FieldLines> lines = new HashMap<>();
        try (ObjectReader reader = objects.newReader()) {
            for (String file : unplaced) {
                try (TreeWalk walk = TreeWalk.forPath(reader, file, tree)) {
                    if (walk != null && Change.isFile(walk.getFileMode(0))) {
                        readWithinLimit(reader, walk.getObjectId(0)).filter(RegistrySnapshot::parses)
                                .ifPresent(json -> lines.put(file, FieldLines.ofJson(json)));
                    }
                }
            }
        }
        return found.stream().map(problem -> lines.getOrDefault(problem.file(), FieldLines.none()).locate(problem))
                .toList();
    }

    private static boolean parses(byte[] json) {
        try {
            JsonTrees.read(json);
            return true;
        } catch (IOException invalid) {
            return false;
        }
    }

    /** The files of a version folder, read from Git objects. */
    public GitTreeSource source(VersionFolder folder) throws IOException {
        try (ObjectReader reader = objects.newReader()) {
            return GitTreeSource.read(objects, reader, folder.treeId(),
                    RegistryRepository.shortId(commit) + ":" + folder.path());
        }
    }
}
