package io.prompd.client.install.store;

import io.prompd.core.archive.Integrity;
import io.prompd.client.files.OwnerOnly;
import io.prompd.core.files.AtomicFiles;
import io.prompd.core.files.Folders;
import io.prompd.core.files.TemporaryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Downloaded tarballs, addressed by their integrity: {@code <cache>/tarballs/sha512/ab/ab12…ef.tgz}.
 * The same bytes are stored once whichever package or registry they came from, and an entry's name
 * says what its content must hash to, so it can always be checked again. An entry appears only
 * complete (it is written beside and renamed); any other file in the folder is a leftover.
 */
public final class TarballCache {

    public static final String FOLDER = "tarballs";

    private static final String SUFFIX = ".tgz";
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]+\\.tgz");

    private final Path root;

    /** @param cacheFolder the prompd cache folder, {@code <home>/cache} */
    public TarballCache(Path cacheFolder) {
        this.root = cacheFolder.toAbsolutePath().normalize().resolve(FOLDER);
    }

    /** The tarballs' folder, {@code <cache>/tarballs}. */
    public Path root() {
        return root;
    }

    /** Where the tarball with this integrity is, or would be, kept; to write it, ask {@link #entryToWrite}. */
    public Path pathOf(Integrity integrity) {
        String hex = integrity.hex();
        return root.resolve(integrity.algorithm().sriName()).resolve(hex.substring(0, 2)).resolve(hex + SUFFIX);
    }

    /**
     * Where a download of the tarball with this integrity goes: {@link #pathOf}, in the cache's
     * folder made first and reachable by its owner only, since a private registry's tarballs land
     * here as much as public ones. A folder in that place (made by hand or a disk tool) is deleted,
     * as the download's rename could not replace it.
     */
    public Path entryToWrite(Integrity integrity) throws IOException {
        OwnerOnly.folder(root);
        Path entry = pathOf(integrity);
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            Folders.deleteRecursively(entry);
        }
        return entry;
    }

    /**
     * A new empty temporary file in the cache's folder for a download of the tarball with this integrity to replace:
     * no entry until {@link #keep} renames it into place, so that an install keeps in the cache only the tarballs it
     * knows to be wanted, and a run killed meanwhile leaves a leftover for {@link #removeLeftovers}. At the folder's
     * top, so that no folder of entries is made for a tarball never kept.
     */
    public Path downloadTarget(Integrity integrity) throws IOException {
        OwnerOnly.folder(root);
        return AtomicFiles.temporaryFile(root.resolve(pathOf(integrity).getFileName()));
    }

    /**
     * Renames a download of {@link #downloadTarget}, whose bytes matched the integrity, into place as its entry.
     *
     * @return the entry
     */
    public Path keep(Path downloaded, Integrity integrity) throws IOException {
        Path entry = entryToWrite(integrity);
        Folders.create(entry.getParent());
        AtomicFiles.moveIntoPlace(downloaded, entry);
        return entry;
    }

    public Optional<Path> find(Integrity integrity) {
        Path path = pathOf(integrity);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * Where a tarball is unpacked to be read rather than installed: a temporary folder is made beside it, in the
     * tarballs' folder, reachable by its owner alone as the tarballs are, which {@link #removeLeftovers} deletes after
     * a killed run. Not named after a tarball, whose name alone is near the longest some file systems take.
     */
    public Path unpackFolder() {
        return root.resolve("unpacked");
    }

    /** The integrity of every entry, as its name says it, in path order: not hashed again, as {@link #verify} does. */
    public List<Integrity> entries() throws IOException {
        List<Integrity> entries = new ArrayList<>();
        for (Path file : files()) {
            integrityNamedBy(file).ifPresent(entries::add);
        }
        return List.copyOf(entries);
    }

    /** Forgets an entry whose content turned out not to match its name, or not to install. */
    public void evict(Integrity integrity) throws IOException {
        Files.deleteIfExists(pathOf(integrity));
    }

    /**
     * Deletes the temporary files of downloads, and the folders of {@link #unpackFolder unpacks}, a killed run left.
     * (A folder standing where an entry goes is no run's leftover: {@link #entryToWrite} and {@link #verify} delete
     * it.) Call it only while holding the home's {@link io.prompd.core.files.RunLock}, when no download can be
     * running.
     */
    public List<Path> removeLeftovers() throws IOException {
        List<Path> leftovers = new ArrayList<>(TemporaryFiles.removeOrphans(root, 1));
        for (Path file : files()) {
            if (!ENTRY.matcher(file.getFileName().toString()).matches()) {
                Files.deleteIfExists(file);
                leftovers.add(file);
            }
        }
        return leftovers.stream().sorted().toList();
    }

    /**
     * Hashes every entry again and deletes those whose content does not match their name, such as
     * after a disk error or a hand edit, and every other file, whose name is no entry's: as npm's
     * {@code cache verify} collects what its index does not hold, since prompd alone writes here and
     * never reads such a file. Only a caller holding the home's lock may call it, as a download's
     * temporary is such a file too. A folder by an entry's name is such a stray too, as in the documents' folder:
     * prompd renames only files into place, so none was an entry, and no tarball was lost.
     */
    public CacheCheck verify() throws IOException {
        List<Path> corrupt = new ArrayList<>();
        List<Path> strays = new ArrayList<>(removeFoldersNamedAsEntries());
        int checked = 0;
        for (Path file : files()) {
            Optional<Integrity> named = integrityNamedBy(file);
            if (named.isEmpty()) {
                Files.deleteIfExists(file);
                strays.add(file);
                continue;
            }
            checked++;
            if (!named.get().matches(Integrity.of(named.get().algorithm(), file))) {
                Files.deleteIfExists(file);
                corrupt.add(file);
            }
        }
        return new CacheCheck(checked, corrupt, strays.stream().sorted().toList());
    }

    /**
     * Deletes the folders by an entry's name (made by hand or a disk tool), which stand where a download goes; other
     * folders, those of the layout among them, are left, an empty one costing nothing.
     */
    private List<Path> removeFoldersNamedAsEntries() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(root)) {
            folders = walk.filter(path -> !path.equals(root) && ENTRY.matcher(path.getFileName().toString()).matches()
                    && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        List<Path> removed = new ArrayList<>();
        for (Path folder : folders) {
            // a folder inside one removed already went with it
            if (removed.stream().noneMatch(folder::startsWith)) {
                Folders.deleteRecursively(folder);
                removed.add(folder);
            }
        }
        return List.copyOf(removed);
    }

    /** Every file under the cache, sorted; none when it was never written. */
    private List<Path> files() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private Optional<Integrity> integrityNamedBy(Path file) {
        String name = file.getFileName().toString();
        if (!ENTRY.matcher(name).matches() || file.getNameCount() < 3) {
            return Optional.empty();
        }
        String algorithmName = file.getParent().getParent().getFileName().toString();
        try {
            Integrity.Algorithm algorithm = Integrity.Algorithm.valueOf(algorithmName.toUpperCase(Locale.ROOT));
            byte[] digest = HexFormat.of().parseHex(name.substring(0, name.length() - SUFFIX.length()));
            return Optional.of(Integrity.ofDigest(algorithm, digest));
        } catch (IllegalArgumentException notAnEntry) {
            return Optional.empty();
        }
    }

    /**
     * What {@link #verify()} found.
     *
     * @param checked entries hashed
     * @param corrupt entries whose content did not match, now deleted
     * @param strays  files named as no entry and folders named as one, now deleted
     */
    public record CacheCheck(int checked, List<Path> corrupt, List<Path> strays) {
        public CacheCheck {
            corrupt = List.copyOf(corrupt);
            strays = List.copyOf(strays);
        }

        /** Every file and folder deleted, sorted. */
        public List<Path> removed() {
            return Stream.concat(corrupt.stream(), strays.stream()).sorted().toList();
        }
    }
}
