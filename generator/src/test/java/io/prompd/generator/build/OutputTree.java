package io.prompd.generator.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file of an output folder with what tells whether a build touched it: inode, mtime and content hash. */
record OutputTree(SortedMap<String, FileFacts> files) {

    record FileFacts(Object inode, long mtimeNanos, String sha256) {
    }

    static OutputTree of(Path root) {
        SortedMap<String, FileFacts> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), new FileFacts(
                        Files.getAttribute(file, "unix:ino"),
                        Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.NANOSECONDS),
                        sha256(Files.readAllBytes(file))));
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return new OutputTree(files);
    }

    SortedMap<String, String> hashes() {
        SortedMap<String, String> hashes = new TreeMap<>();
        files.forEach((path, facts) -> hashes.put(path, facts.sha256()));
        return hashes;
    }

    /** The files of this tree that are new, or another file (inode), in {@code later}. */
    SortedMap<String, FileFacts> rewrittenIn(OutputTree later) {
        SortedMap<String, FileFacts> rewritten = new TreeMap<>(later.files());
        rewritten.entrySet().removeIf(entry -> entry.getValue().equals(files.get(entry.getKey())));
        return rewritten;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
