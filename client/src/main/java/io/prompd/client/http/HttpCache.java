package io.prompd.client.http;

import io.prompd.core.files.AtomicFiles;
import io.prompd.core.files.Folders;
import io.prompd.client.files.OwnerOnly;
import io.prompd.core.files.TemporaryFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Registry documents on disk, one file per URL named by the URL's SHA-256, holding body and
 * validators together so they can never disagree. Unreadable or foreign entries count as absent,
 * and one that cannot be written is not kept: the cache only ever saves a download, it is never the truth.
 * A file standing where its folder goes is refused, though, as in the tarballs' cache: no document
 * could ever be kept, online runs would not say so, and every offline one would be told to fetch
 * online what no run can keep.
 */
final class HttpCache {

    private static final String FORMAT = "prompd-http-cache/1";
    /** A document's file name: the SHA-256 of its URL, as {@link #sha256Hex} spells it. */
    private static final Pattern DOCUMENT_NAME = Pattern.compile("[0-9a-f]{64}");

    private final Path folder;

    HttpCache(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /**
     * The SHA-256 digest every URL's is cloned from, never updated: a clone is much cheaper than looking the
     * algorithm up among the security providers for every URL, and unlike a shared digest it is safe across
     * threads. A class of its own so that the providers load with the first document read, not with the cache:
     * a warm install reads none, and they would cost it a fortieth of its time.
     */
    private static final class Sha256 {

        private static final MessageDigest PROTOTYPE = prototype();

        private static MessageDigest prototype() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("SHA-256 is required of every Java platform", impossible);
            }
        }
    }

    /**
     * @throws UncheckedIOException of a {@link NotDirectoryException} naming the file (or link) that
     *                              stands where the cache's folder, or one above it, goes
     */
    Optional<CachedDocument> read(URI url) {
        Path file = fileOf(url);
        // a cold install finds none of its documents: a look costs far less than the exception of a failed open
        if (!Files.isRegularFile(file)) {
            // only then, so that a warm run pays no more than that look
            Optional<Path> inTheWay = Folders.fileInTheWay(folder);
            if (inTheWay.isPresent()) {
                throw new UncheckedIOException(new NotDirectoryException(inTheWay.get().toString()));
            }
            return Optional.empty();
        }
        return entryIn(file).filter(entry -> entry.url().equals(url.toString())).map(Entry::document);
    }

    /** A file's content as {@link #write} wrote it: the URL it was fetched from and the document. */
    private record Entry(String url, CachedDocument document) {
    }

    /** The entry a file holds; empty when it holds none whole (cut short, overwritten, another format's). */
    private static Optional<Entry> entryIn(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!in.readUTF().equals(FORMAT)) {
                return Optional.empty();
            }
            String url = in.readUTF();
            Optional<String> etag = optional(in.readUTF());
            Optional<String> lastModified = optional(in.readUTF());
            int length = in.readInt();
            if (length < 0) {
                return Optional.empty();
            }
            byte[] body = in.readNBytes(length);
            if (body.length != length || in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new Entry(url, new CachedDocument(body, etag, lastModified)));
        } catch (IOException absentOrUnreadable) {
            return Optional.empty();
        }
    }

    /**
     * Reads every cached document as {@link #read} reads it for its URL, and deletes those it refuses, which an
     * {@code --offline} run calls damaged: cut short, overwritten, of another format, or filed under another URL's
     * name. Anything else put in the folder, named as no document (a {@code .DS_Store}) or a folder, whatever its
     * name (one a tool left), is deleted too, but apart: no run reads it, and no run writes a folder here, so no
     * document was lost.
     * Temporaries are left alone, as commands that take no lock cache documents too; such a command replacing a
     * damaged copy while it is checked may lose its new one with it, which costs only a download.
     */
    DocumentCheck verify() throws IOException {
        if (!Files.isDirectory(folder)) {
            return new DocumentCheck(0, List.of(), List.of());
        }
        List<Path> entries;
        try (Stream<Path> children = Files.list(folder)) {
            entries = children.filter(child -> !TemporaryFiles.isTemporary(child)).sorted().toList();
        }
        List<Path> damaged = new ArrayList<>();
        List<Path> strays = new ArrayList<>();
        int checked = 0;
        for (Path entry : entries) {
            if (!DOCUMENT_NAME.matcher(entry.getFileName().toString()).matches()
                    || Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                Folders.deleteRecursively(entry);
                strays.add(entry);
                continue;
            }
            checked++;
            boolean readable = Files.isRegularFile(entry)
                    && entryIn(entry).filter(held -> fileOf(held.url()).equals(entry)).isPresent();
            if (!readable) {
                Folders.deleteRecursively(entry);
                damaged.add(entry);
            }
        }
        return new DocumentCheck(checked, damaged, strays);
    }

    /**
     * Whether a file stands where the document would be cached, readable or not: offline, a copy
     * that {@link #read} refuses is damaged, which calls for another remedy than one never fetched.
     */
    boolean holdsFileFor(URI url) {
        return Files.exists(fileOf(url));
    }

    void write(URI url, CachedDocument document) {
        Path file = fileOf(url);
        try {
            // a private registry's documents are cached here as much as public ones
            OwnerOnly.folder(folder);
            AtomicFiles.writeStream(file, stream -> {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
                out.writeUTF(FORMAT);
                out.writeUTF(url.toString());
                out.writeUTF(document.etag().orElse(""));
                out.writeUTF(document.lastModified().orElse(""));
                byte[] body = document.body();
                out.writeInt(body.length);
                out.write(body);
                out.flush();
                return file;
            });
        } catch (IOException notKept) {
            // a full disk costs the next run a download, never this one, which has the document; the fetcher
            // has no channel for a note, and needs none for that (a file in the folder's place, read refuses)
        }
    }

    /** Forgets the document, if it is here; one that stays, unwanted, only costs a revalidation. */
    void delete(URI url) {
        try {
            Files.deleteIfExists(fileOf(url));
        } catch (IOException kept) {
            // as for a copy that cannot be written: the fetcher has no channel for a note
        }
    }

    /** Deletes the temporary files of documents that runs which have ended left here. */
    List<Path> removeOrphans() throws IOException {
        return TemporaryFiles.removeOrphans(folder, 1);
    }

    Path fileOf(URI url) {
        return fileOf(url.toString());
    }

    private Path fileOf(String url) {
        return folder.resolve(sha256Hex(url));
    }

    private static Optional<String> optional(String header) {
        return header.isEmpty() ? Optional.empty() : Optional.of(header);
    }

    private String sha256Hex(String text) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) Sha256.PROTOTYPE.clone();
        } catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", impossible);
        }
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
