package io.prompd.client.http;

import io.prompd.client.files.NotRegularFiles;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.files.FileNameEncoding;
import io.prompd.core.protocol.Urls;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A file of a registry folder, or of a lock's {@code file:} URL, read once. Only a regular file is opened, or a
 * symbolic link leading to one, as a mirror may be made of links ({@code cp -s}, a store that shares equal files):
 * a named pipe waits for a writer, a terminal ({@code /dev/stdin}) for typing, and a device such as {@code /dev/zero}
 * never ends, so reading one would hang the run without a word or run into the size limit.
 *
 * <p>Nothing lies on the way to a disk that a second try would get past, as a network's failures may: every failure
 * here is final, says which file and why, and names no server, proxy or HTTP header.
 *
 * <p>The kind is checked on the path, then the path opened, as {@link NotRegularFiles} says why. That is enough: a
 * pipe or a device standing in the folder, or named by a lock, is refused before any read; only one put there in the
 * instant between the two calls gets past, which takes a process writing the folder at that moment, that is one
 * already deciding every byte the registry serves, and it gains a run that waits until interrupted, as every run did
 * before this check. The bytes read are trusted no more for it: a document is parsed and a tarball's
 * integrity checked whatever file they came from.
 */
final class FolderFile {

    private static final String NOT_A_FILE_HINT = "prompd reads only regular files, or links to them, as a pipe or a"
            + " device may never end; if a registry folder holds it, build the folder again with prompd-registry or"
            + " copy it whole; if prompd.lock records it, correct that entry's \"resolved\" or delete the entry, then"
            + " install again";
    private static final String UNREADABLE_HINT = "check the disk or network share that holds it, then run again";

    private FolderFile() {
    }

    /**
     * The file's bytes, as a body of no announced length: the size a file has when opened promises nothing, one
     * changing meanwhile being caught by what reads it (the document's parser, the tarball's integrity). A failure to
     * read them is a final {@link FetchFailure}.
     *
     * @throws NotFound     when there is no such file
     * @throws FetchFailure when it is no regular file or cannot be read
     */
    static ResponseBody open(URI url) {
        Path file = pathOf(url);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new FetchFailure("cannot read " + Urls.display(url) + ": it is "
                        + NotRegularFiles.described(file, attributes), NOT_A_FILE_HINT, false, null);
            }
            return new ResponseBody(new Reading(Files.newInputStream(file), url), -1, url, Optional.empty());
        } catch (NoSuchFileException missing) {
            throw new NotFound(url, url, OptionalInt.empty(),
                    "check the package name and version, and the registry folder");
        } catch (IOException unreadable) {
            throw unreadable(url, unreadable);
        }
    }

    /**
     * A failure that passes on a network (a stalled read) but not on a disk, given as a final one that
     * names the file: the transfer's words for it name no server, and are kept.
     */
    static FetchFailure unreadable(URI url, TransientFailure failure) {
        return new FetchFailure("could not read " + Urls.display(url) + " (" + failure.getMessage() + ")",
                UNREADABLE_HINT, false, failure);
    }

    private static FetchFailure unreadable(URI url, IOException failure) {
        return new FetchFailure("could not read " + Urls.display(url) + " (" + Objects.requireNonNullElse(
                failure.getMessage(), failure.getClass().getSimpleName()) + ")", UNREADABLE_HINT, false, failure);
    }

    private static Path pathOf(URI url) {
        try {
            return Path.of(url);
        } catch (IllegalArgumentException noFile) {
            if (noFile instanceof InvalidPathException unfitting && FileNameEncoding.unfits(unfitting)) {
                // the path's letters are no mistake of the URL's, but lacking from this locale's character set: the
                // JDK's refusal, which the command lines explain with how to run
                throw unfitting;
            }
            throw new PrompdException(ExitCode.FAILURE, "cannot read " + Urls.display(url) + " as a file: "
                    + noFile.getMessage(), "a file: URL is a path alone, with no ?query or #fragment; if prompd.lock"
                    + " records it, correct that entry's \"resolved\" or delete the entry, then install again");
        }
    }

    /**
     * A file's stream whose failures are final and name the file, where the transfer would call them a dropped
     * connection.
     */
    private static final class Reading extends FilterInputStream {

        private final URI url;

        Reading(InputStream in, URI url) {
            super(in);
            this.url = url;
        }

        @FunctionalInterface
        private interface Read {
            int run() throws IOException;
        }

        private int reading(Read read) {
            try {
                return read.run();
            } catch (IOException failed) {
                throw unreadable(url, failed);
            }
        }

        @Override
        public int read() {
            return reading(in::read);
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            return reading(() -> in.read(bytes, offset, length));
        }
    }
}
