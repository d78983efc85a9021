package io.prompd.core.source;

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
import java.util.List;

/** A package folder on disk. Links are reported as links, never followed. */
public final class DirectorySource implements PackageSource {

    private final Path root;
    private List<SourceEntry> entries;

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
        List<SourceEntry> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                found.add(toEntry(file, attributes));
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(SourceEntry::path));
        return List.copyOf(found);
    }

    private SourceEntry toEntry(Path file, BasicFileAttributes attributes) {
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

    private static int linkCount(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException notUnix) {
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

    @Override
    public InputStream open(String path) throws IOException {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || Files.isSymbolicLink(file)) {
            throw new IOException("refusing to read outside the package or through a link: " + path);
        }
        return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }
}
