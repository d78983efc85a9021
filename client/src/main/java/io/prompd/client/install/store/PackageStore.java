package io.prompd.client.install.store;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.Integrity;
import io.prompd.core.archive.SafeUnpacker;
import io.prompd.core.files.AtomicFiles;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Installed packages, one folder per version shared by every project: {@code <home>/packages/@scope/name@1.2.0/}.
 * A version folder only ever appears complete, unpacked beside it and renamed into place, and is
 * never changed afterwards: a version's content is fixed once published.
 */
public final class PackageStore {

    private final Path root;
    private final ArchiveLimits limits;

    /** @param packagesFolder {@code <home>/packages} */
    public PackageStore(Path packagesFolder, ArchiveLimits limits) {
        this.root = packagesFolder.toAbsolutePath().normalize();
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public Path root() {
        return root;
    }

    /** The folder of an installed version, {@code <root>/@scope/name@1.2.0}. */
    public Path folderOf(PackageName name, Version version) {
        return root.resolve(name + "@" + version);
    }

    public boolean contains(PackageName name, Version version) {
        return Files.isDirectory(folderOf(name, version));
    }

    /**
     * Unpacks a tarball into the version's folder after checking every byte against its integrity.
     * When another run put the version in place first, its folder is kept and this one dropped.
     *
     * @throws io.prompd.core.PrompdException INTEGRITY when the tarball does not match or is unsafe;
     *                                        nothing is installed then
     */
    public Path install(PackageName name, Version version, Path tarball, Integrity integrity) throws IOException {
        Path target = folderOf(name, version);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path staged = AtomicFiles.temporaryFolder(target);
        try {
            try (InputStream in = Files.newInputStream(tarball)) {
                SafeUnpacker.unpackVerified(in, integrity, staged, limits);
            }
            AtomicFiles.moveIntoFreePlace(staged, target);
        } catch (FileAlreadyExistsException installedMeanwhile) {
            // an equal copy is in place; versions never change, so either copy will do
        } finally {
            AtomicFiles.deleteRecursively(staged);
        }
        return target;
    }

    /**
     * Removes an installed version. Its folder is first renamed aside, in one step, so that every
     * other run sees the version either whole or gone; a run killed while deleting it leaves a
     * temporary folder that {@link #removeLeftovers} deletes.
     */
    public void remove(PackageName name, Version version) throws IOException {
        Path target = folderOf(name, version);
        Path aside = AtomicFiles.temporaryFolder(target);
        try {
            // a rename onto the empty temporary folder replaces it
            AtomicFiles.moveIntoPlace(target, aside);
        } finally {
            AtomicFiles.deleteRecursively(aside);
        }
    }

    /**
     * Deletes folders of unpacks that a killed run left: beside the version folders, so at most two
     * levels down ({@code @scope/}). An unpack still running is left alone.
     */
    public List<Path> removeLeftovers() throws IOException {
        return AtomicFiles.removeOrphans(root, 2);
    }

    /** Every installed version, by package. */
    public SortedMap<PackageName, SortedSet<Version>> installed() throws IOException {
        SortedMap<PackageName, SortedSet<Version>> installed = new TreeMap<>();
        for (Path folder : versionFolders()) {
            String relative = root.relativize(folder).toString().replace('\\', '/');
            int at = relative.lastIndexOf('@');
            if (at <= 0) {
                continue;
            }
            String nameText = relative.substring(0, at);
            String versionText = relative.substring(at + 1);
            if (PackageName.check(nameText).isEmpty() && Version.isValid(versionText)) {
                installed.computeIfAbsent(PackageName.parse(nameText), key -> new TreeSet<>()).add(Version.parse(versionText));
            }
        }
        installed.replaceAll((name, versions) -> Collections.unmodifiableSortedSet(versions));
        return Collections.unmodifiableSortedMap(installed);
    }

    /** Folders named like a version: {@code name@v} at the top, or {@code @scope/name@v} one level down. */
    private List<Path> versionFolders() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> folders = new ArrayList<>();
        for (Path entry : list(root)) {
            String fileName = entry.getFileName().toString();
            if (fileName.startsWith("@")) {
                folders.addAll(list(entry));
            } else {
                folders.add(entry);
            }
        }
        return folders.stream().filter(Files::isDirectory)
                .filter(folder -> !AtomicFiles.isTemporary(folder)).toList();
    }

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        }
    }
}
