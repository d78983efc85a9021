package io.prompd.generator.source;

import io.prompd.core.SortedCopies;
import io.prompd.core.source.EntryKind;
import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A package folder read straight from a Git tree, with no working tree. The listing is read once,
 * when the source is made, with the caller's reader: one tree walk, and sizes from object headers
 * without inflating any blob. Contents are read only when opened, each time with a fresh reader
 * from the object database, so one source may be read from several threads.
 */
public final class GitTreeSource implements PackageSource {

    private final ObjectDatabase objects;
    private final String description;
    private final List<SourceEntry> entries;
    private final Map<String, SourceEntry> entriesByPath;
    private final Map<String, ObjectId> blobs;
    private final Set<String> submodules;
    private final SortedSet<String> namedTwice;
    private final List<TreeEntryName> notOneName;

    private GitTreeSource(ObjectDatabase objects, String description, List<SourceEntry> entries,
                          Map<String, ObjectId> blobs, Set<String> submodules, SortedSet<String> namedTwice,
                          List<TreeEntryName> notOneName) {
        this.objects = objects;
        this.description = description;
        this.entries = List.copyOf(entries);
        this.entriesByPath = entries.stream().collect(Collectors.toUnmodifiableMap(SourceEntry::path, entry -> entry));
        this.blobs = Map.copyOf(blobs);
        this.submodules = Set.copyOf(submodules);
        this.namedTwice = SortedCopies.set(namedTwice);
        this.notOneName = List.copyOf(notOneName);
    }

    /**
     * Lists the tree. Of a name that a tree holds twice, which Git never writes but a tool writing
     * trees by hand may, only the first entry is listed (a folder with what it holds), and the name
     * is kept for {@link #namedTwice}. An entry whose name is no single name is neither listed nor entered, and kept
     * for {@link #notOneName}: read by its path, it would pass for a file of a folder that does not hold it.
     *
     * @param description where the files are, for messages, as {@code abc1234:packages/@a/b/1.0.0}
     */
    static GitTreeSource read(ObjectDatabase objects, ObjectReader reader, AnyObjectId tree, String description)
            throws IOException {
        List<SourceEntry> entries = new ArrayList<>();
        Map<String, ObjectId> blobs = new HashMap<>();
        Set<String> submodules = new HashSet<>();
        // folders too: a tree may hold a file and a folder of one name, which git fsck counts as named twice
        Set<String> listed = new HashSet<>();
        SortedSet<String> namedTwice = new TreeSet<>();
        List<TreeEntryName> notOneName = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(false);
            while (walk.next()) {
                String path = GitPaths.of(walk);
                if (!TreeEntryName.isOneName(walk)) {
                    notOneName.add(TreeEntryName.of(walk));
                } else if (!listed.add(path)) {
                    namedTwice.add(path);
                } else if (walk.isSubtree()) {
                    walk.enterSubtree();
                } else {
                    FileMode mode = walk.getFileMode(0);
                    ObjectId id = walk.getObjectId(0);
                    entries.add(entry(path, mode, reader, id));
                    if (mode.getObjectType() == Constants.OBJ_BLOB) {
                        blobs.put(path, id);
                    } else if (mode == FileMode.GITLINK) {
                        submodules.add(path);
                    }
                }
            }
        }
        // A tree walk orders "a/b" after "a.txt" as Git does; the PackageSource contract wants plain path order.
        entries.sort(Comparator.comparing(SourceEntry::path));
        return new GitTreeSource(objects, description, entries, blobs, submodules, namedTwice, notOneName);
    }

    private static SourceEntry entry(String path, FileMode mode, ObjectReader reader, ObjectId id) throws IOException {
        if (Change.isFile(mode)) {
            return new SourceEntry(path, EntryKind.FILE, RegistryRepository.readingObject(id,
                    () -> reader.getObjectSize(id, Constants.OBJ_BLOB)));
        }
        return new SourceEntry(path, mode == FileMode.SYMLINK ? EntryKind.SYMLINK : EntryKind.OTHER, 0);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public List<SourceEntry> entries() {
        return entries;
    }

    @Override
    public Optional<SourceEntry> entry(String path) {
        return Optional.ofNullable(entriesByPath.get(path));
    }

    /**
     * Whether the entry is a Git submodule, which a package's files never are: it is listed as
     * {@link EntryKind#OTHER}, as a device file is on disk, but has a cause and fix of its own.
     */
    public boolean isSubmodule(String path) {
        return submodules.contains(path);
    }

    /**
     * The paths whose last name a tree of the folder holds more than once (what {@code git fsck}
     * calls duplicateEntries): a checkout keeps one of the entries, and which one is up to the tool.
     */
    public SortedSet<String> namedTwice() {
        return namedTwice;
    }

    /** The entries whose name is no single name ({@link TreeEntryName#isOneName}), in the order of the walk. */
    List<TreeEntryName> notOneName() {
        return notOneName;
    }

    /** Streams a regular file's blob; a symbolic link is not followed, so opening one fails like a missing file. */
    @Override
    public InputStream open(String path) throws IOException {
        try (ObjectReader reader = objects.newReader()) {
            return reader.open(blob(path), Constants.OBJ_BLOB).openStream();
        }
    }

    /**
     * The blob's bytes in one array of the size its header gives, rather than grown while
     * streaming; without JGit's limit for loading a blob whole, as reading a file has none.
     */
    @Override
    public byte[] read(String path) throws IOException {
        try (ObjectReader reader = objects.newReader()) {
            ObjectId blob = blob(path);
            return RegistryRepository.readingObject(blob,
                    () -> reader.open(blob, Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE));
        }
    }

    private ObjectId blob(String path) throws NoSuchFileException {
        Optional<SourceEntry> entry = entry(path);
        if (entry.isEmpty() || !entry.get().isFile()) {
            throw new NoSuchFileException(description + "/" + path, null,
                    entry.isEmpty() ? "no such file" : "not a regular file but " + entry.get().kind());
        }
        return blobs.get(path);
    }
}
