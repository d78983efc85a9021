package io.prompd.core.source;

import io.prompd.core.files.FileNameEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A package folder on disk. Links are reported as links, never followed. A name whose bytes are not
 * UTF-8 is listed as Java decodes it, with U+FFFD where they do not decode, for {@link
 * io.prompd.core.archive.PackagePaths} to refuse as the registry's check does; the file is still read
 * through the name found on disk, which the decoded one no longer spells.
 */
public final class DirectorySource implements PackageSource {

    private static final char UNDECODED = '\uFFFD';

    private final Path root;
    private List<SourceEntry> entries;
    /** Each entry's file, as the walk found it. */
    private Map<String, Path> found;

    public DirectorySource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public synchronized List<SourceEntry> entries() throws IOException {
        if (entries == null) {
            entries = scan();
        }
        return entries;
    }

    private List<SourceEntry> scan() throws IOException {
        List<SourceEntry> listed = new ArrayList<>();
        Map<String, Path> files = new HashMap<>();
        boolean utf8Names = FileNameEncoding.isUtf8(FileNameEncoding.ofThisJvm());
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                SourceEntry entry = toEntry(file, attributes);
                if (!utf8Names && entry.path().indexOf(UNDECODED) >= 0) {
                    // in another locale's character set a UTF-8 name fails to decode too: only a UTF-8 locale tells
                    // the two apart; this is the JDK's own refusal of such a name, which the command lines explain
                    throw FileNameEncoding.unfitting(file.toString());
                }
                listed.add(entry);
                files.put(entry.path(), file);
                return FileVisitResult.CONTINUE;
            }
        });
        listed.sort(Comparator.comparing(SourceEntry::path));
        found = Map.copyOf(files);
        return List.copyOf(listed);
    }

    private SourceEntry toEntry(Path file, BasicFileAttributes attributes) throws IOException {
        String path = relative(file);
        if (attributes.isSymbolicLink()) {
            return new SourceEntry(path, EntryKind.SYMLINK, 0);
        }
        if (!attributes.isRegularFile()) {
            return new SourceEntry(path, EntryKind.OTHER, 0);
        }
        EntryKind kind = linkCount(file) > 1 ? EntryKind.HARDLINK : EntryKind.FILE;
        return new SourceEntry(path, kind, attributes.size());
    }

    /**
     * A count that cannot be read fails the scan: taken as 1, a hard link would pass for a file and be packed with
     * whatever another name of it holds.
     */
    private static int linkCount(Path file) throws IOException {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return 1;
        }
    }

    private String relative(Path file) {
        StringBuilder path = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(part);
        }
        return path.toString();
    }

    /** The file the walk found at the path, else the one the path names. */
    private synchronized Path fileAt(String path) {
        return found != null && found.containsKey(path) ? found.get(path) : root.resolve(path).normalize();
    }

    @Override
    public InputStream open(String path) throws IOException {
        Path file = fileAt(path);
        if (!file.startsWith(root) || Files.isSymbolicLink(file)) {
            throw new IOException("refusing to read outside the package or through a link: " + path);
        }
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }
}
