package io.prompd.generator.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The paths under {@code packages/} where a working tree may differ from the commit it was checked out from, found by
 * comparing the two down to the version folders, which are compared by their names alone, and the files beside them
 * ({@code meta.json}) by their bytes. Git's status of the whole of {@code packages/} lstats and, on a fresh checkout
 * whose files are as new as Git's index, hashes every file: seconds on a registry of 100,000 files, at every CI run,
 * where nothing is ever uncommitted. The outline costs a listing of the folders above the versions. A version folder
 * added, deleted or left out of the commit, a {@code meta.json} edited, is found; a file changed inside a version
 * folder the commit holds is not looked for: a published version is immutable, and the check refuses such a change
 * once committed, naming the file (the check has the folders of the versions its pull request adds looked inside,
 * {@link RegistryRepository#uncommitted}). Left out too, as rare and harmless to what is read: a change staged in
 * Git's index that the working tree has undone since, a folder replaced by a symbolic link to a copy of itself, and
 * a {@code meta.json} made executable.
 *
 * <p>A path found may still be the same to Git (a file Git ignores, line endings Git converts): Git's status of those
 * paths alone tells.
 */
final class UncommittedSuspects {

    /** What a folder of the outline holds, which says how far below it to compare. */
    private enum Level {
        PACKAGES, SCOPE, PACKAGE;

        Level below(String name) {
            return this == PACKAGES && name.startsWith("@") ? SCOPE : PACKAGE;
        }
    }

    private final ObjectReader reader;
    private final Set<String> suspects = new TreeSet<>();

    private UncommittedSuspects(ObjectReader reader) {
        this.reader = reader;
    }

    /** The paths to ask Git's status about, by their paths in the repository; empty when the outlines agree. */
    static Set<String> of(Repository repository, ObjectId commit) throws IOException {
        Path folder = repository.getWorkTree().toPath().resolve(RepositoryLayout.PACKAGES);
        try (ObjectReader reader = repository.newObjectReader(); RevWalk commits = new RevWalk(reader);
             TreeWalk packages = TreeWalk.forPath(reader, RepositoryLayout.PACKAGES,
                     commits.parseCommit(commit).getTree())) {
            UncommittedSuspects outline = new UncommittedSuspects(reader);
            boolean committed = packages != null && packages.getFileMode(0) == FileMode.TREE;
            if (committed && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                outline.compare(RepositoryLayout.PACKAGES, packages.getObjectId(0), folder, Level.PACKAGES);
            } else if (committed || Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                outline.suspects.add(RepositoryLayout.PACKAGES);
            }
            return Set.copyOf(outline.suspects);
        }
    }

    private void compare(String path, ObjectId tree, Path folder, Level level) throws IOException {
        // File.list, not a DirectoryStream: no Path made per entry, a third of this listing's time
        String[] listed = folder.toFile().list();
        if (listed == null) {
            // no longer a folder, or one this user may not list: Git's status tells which
            suspects.add(path);
            return;
        }
        Set<String> present = new HashSet<>(Arrays.asList(listed));
        for (CanonicalTreeParser entries = new CanonicalTreeParser(null, reader, tree); !entries.eof();
             entries.next()) {
            String name = new String(entries.getEntryPathBuffer(), 0, entries.getEntryPathLength(),
                    StandardCharsets.UTF_8);
            String below = path + "/" + name;
            FileMode mode = entries.getEntryFileMode();
            if (!present.remove(name)) {
                suspects.add(below);
            } else if (mode == FileMode.TREE) {
                // a version folder present under its name is taken as one without a look: a stat of each would cost
                // as much as the rest of the listing, for the rare file put in a folder's place
                if (level != Level.PACKAGE) {
                    compare(below, entries.getEntryObjectId(), folder.resolve(name), level.below(name));
                }
            } else if (!Change.isFile(mode)
                    || !sameFile(entries.getEntryObjectId(), folder.resolve(name))) {
                suspects.add(below);
            }
        }
        present.forEach(name -> suspects.add(path + "/" + name));
    }

    /** Whether the path is a regular file holding the blob's bytes; sizes first, since an edit mostly changes them. */
    private boolean sameFile(ObjectId blob, Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException deletedMeanwhile) {
            return false;
        }
        if (!attributes.isRegularFile() || attributes.size() != reader.getObjectSize(blob, Constants.OBJ_BLOB)) {
            return false;
        }
        try (ObjectInserter.Formatter formatter = new ObjectInserter.Formatter()) {
            return formatter.idFor(Constants.OBJ_BLOB, Files.readAllBytes(file)).equals(blob);
        }
    }
}
