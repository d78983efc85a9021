package io.prompd.generator.source;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Lists the {@code packages/} tree down to the version folders and no deeper: the files inside a
 * version are never walked here, which keeps a registry of 20,000 versions cheap to list. Any
 * entry that does not fit the layout is reported rather than skipped, so a bad folder name in a
 * pull request cannot go unnoticed. Of a name a tree holds twice only the first entry is listed, as
 * {@link GitTreeSource} lists a version's files, and the name is kept for {@link #namedTwice}; an entry whose name is
 * no single name is kept for {@link #notOneName} alone, as there.
 */
final class PackageListing {

    private final SortedMap<PackageName, SortedMap<Version, VersionFolder>> packages = new TreeMap<>();
    private final SortedMap<PackageName, ObjectId> metaFiles = new TreeMap<>();
    /** Paths below packages/, folders too: a tree may hold a file and a folder of one name. */
    private final Set<String> listed = new HashSet<>();
    private final SortedSet<String> namedTwice = new TreeSet<>();
    private final List<TreeEntryName> notOneName = new ArrayList<>();
    /** Package folders whose name is no package name: their hints wait for every name in use to be listed. */
    private final SortedSet<String> misnamed = new TreeSet<>();
    private final ObjectReader reader;
    private final Problems problems;

    private PackageListing(ObjectReader reader, Problems problems) {
        this.reader = reader;
        this.problems = problems;
    }

    /** Lists the packages tree (absent when the registry has no packages yet), reporting into {@code problems}. */
    static PackageListing read(ObjectReader reader, ObjectId packagesTree, Problems problems) throws IOException {
        PackageListing listing = new PackageListing(reader, problems);
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(packagesTree);
            walk.setRecursive(false);
            while (walk.next()) {
                listing.visit(walk);
            }
        }
        problems.addAll(MisnamedPackageFolders.misfits(listing.misnamed,
                RegistrySnapshot.namesInUse(listing.packages, listing.metaFiles),
                Collections.emptySortedSet()));
        return listing;
    }

    /** Views, not copies: a snapshot copies them once, as it makes them immutable. */
    SortedMap<PackageName, SortedMap<Version, VersionFolder>> packages() {
        return Collections.unmodifiableSortedMap(packages);
    }

    Map<PackageName, ObjectId> metaFiles() {
        return Collections.unmodifiableMap(metaFiles);
    }

    /** The repository paths whose last name a tree of packages/ holds more than once. */
    SortedSet<String> namedTwice() {
        return Collections.unmodifiableSortedSet(namedTwice);
    }

    /** The entries of the trees of packages/ whose name is no single name, with their trees' repository paths. */
    List<TreeEntryName> notOneName() {
        return Collections.unmodifiableList(notOneName);
    }

    private void visit(TreeWalk walk) throws IOException {
        if (!TreeEntryName.isOneName(walk)) {
            notOneName.add(TreeEntryName.of(walk).below(RepositoryLayout.PACKAGES));
            return;
        }
        if (!listed.add(GitPaths.of(walk))) {
            namedTwice.add(repositoryPath(walk));
            return;
        }
        if (walk.getFileMode(0) == FileMode.GITLINK) {
            problems.add(RepositoryLayout.embeddedRepository(repositoryPath(walk)));
            return;
        }
        if (walk.getFileMode(0) == FileMode.SYMLINK) {
            problems.add(RepositoryLayout.symbolicLink(repositoryPath(walk)));
            return;
        }
        String[] parts = GitPaths.of(walk).split("/");
        boolean inScope = parts[0].startsWith("@");
        if (parts.length == 1 && inScope) {
            enterFolder(walk, RepositoryLayout.scopeMisfit(parts[0]));
        } else if (parts.length == (inScope ? 2 : 1)) {
            String name = inScope ? parts[0] + "/" + parts[1] : parts[0];
            Optional<Problem> misfit = RepositoryLayout.packageNameMisfit(name);
            if (misfit.isPresent() && walk.isSubtree()) {
                misnamed.add(name);
            } else {
                enterFolder(walk, misfit);
            }
        } else {
            PackageName name = PackageName.parse(inScope ? parts[0] + "/" + parts[1] : parts[0]);
            visitVersionLevel(walk, name, parts[parts.length - 1]);
        }
    }

    /**
     * Enters a scope or package folder whose name fits the layout; anything else is a problem. A file
     * is told that it is one before what its name lacks, as the check words it: packages/README.md is
     * no package folder misnamed.
     */
    private void enterFolder(TreeWalk walk, Optional<Problem> misfit) throws IOException {
        if (!walk.isSubtree()) {
            problems.add(RepositoryLayout.fileInsteadOfPackageFolder(repositoryPath(walk)));
        } else if (misfit.isPresent()) {
            problems.add(misfit.get());
        } else {
            walk.enterSubtree();
        }
    }

    private void visitVersionLevel(TreeWalk walk, PackageName name, String entry) throws IOException {
        String path = repositoryPath(walk);
        if (!walk.isSubtree()) {
            if (entry.equals(PackageMeta.FILE) && Change.isFile(walk.getFileMode(0))) {
                metaFiles.put(name, walk.getObjectId(0));
            } else {
                problems.add(RepositoryLayout.strayFileInPackageFolder(name, path));
            }
            return;
        }
        // only a folder that is no version is looked into, so the version folders stay unread here
        Optional<Problem> misfit = RepositoryLayout.versionFolderMisfit(name, entry,
                Version.isValid(entry) ? Optional.empty() : versionFolderInside(walk.getObjectId(0)));
        if (misfit.isPresent()) {
            problems.add(misfit.get());
        } else {
            Version version = Version.parse(entry);
            packages.computeIfAbsent(name, any -> new TreeMap<>())
                    .put(version, new VersionFolder(name, version, path, walk.getObjectId(0)));
        }
    }

    /**
     * The version folder that the first file below the tree lies in, if it lies in one: as the check reads the folder
     * from the first path of the pull request below it, so that both give the same hint.
     */
    private Optional<Version> versionFolderInside(ObjectId tree) throws IOException {
        try (TreeWalk inside = new TreeWalk(reader)) {
            inside.addTree(tree);
            inside.setRecursive(true);
            if (!inside.next() || inside.getDepth() == 0) {
                return Optional.empty();
            }
            String folder = GitPaths.of(inside).split("/")[0];
            return Version.isValid(folder) ? Optional.of(Version.parse(folder)) : Optional.empty();
        }
    }

    private static String repositoryPath(TreeWalk walk) {
        return RepositoryLayout.PACKAGES + "/" + GitPaths.of(walk);
    }
}
