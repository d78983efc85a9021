package io.prompd.core.packaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The kinds of binary file a context file may be, each known by its extensions and the bytes it starts with: an
 * image, a PDF, an office document, an archive, a sound or a video. Any other file a prompt takes as context is text,
 * since a model reads it as text: taken as binary, a SQL schema or a template holding a NUL byte would escape every
 * rule on characters and hide what it holds. A file of a binary kind's extension is of that kind only when its
 * bytes start as the kind's do, so that a {@code .png} holding text is text; one without an extension is of the kind
 * its first bytes are, as a tool reading it finds it; another extension is text whatever the file starts with, as
 * an editor and a model's tool take it.
 */
final class BinaryKinds {

    /** Some of the kinds' extensions, for a message to name. */
    static final String EXAMPLES = ".png, .jpg, .pdf, .docx, .xlsx, .zip";

    /**
     * The kinds, each a row: its extensions, where its signature starts and the signature, written as ISO-8859-1
     * characters, one a byte. A new kind a package needs is a row here.
     */
    private static final List<Kind> KINDS = List.of(
            // the first four of PNG's eight: 0x89 starts no UTF-8 text
            new Kind("png", 0, "\u0089PNG"),
            new Kind("jpg jpeg", 0, "\u00FF\u00D8\u00FF"),
            new Kind("gif", 0, "GIF8"),
            new Kind("webp wav avi", 0, "RIFF"),
            new Kind("bmp", 0, "BM"),
            new Kind("tif tiff", 0, "II*\u0000"),
            new Kind("tif tiff", 0, "MM\u0000*"),
            new Kind("pdf", 0, "%PDF-"),
            // Office Open XML, OpenDocument and EPUB are ZIP archives
            new Kind("zip docx xlsx pptx odt ods odp epub", 0, "PK\u0003\u0004"),
            // the compound file of the Office formats before 2007
            new Kind("doc xls ppt msg", 0, "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1"),
            new Kind("gz tgz", 0, "\u001F\u008B"),
            new Kind("7z", 0, "7z\u00BC\u00AF\u0027\u001C"),
            new Kind("sqlite db", 0, "SQLite format 3\u0000"),
            new Kind("parquet", 0, "PAR1"),
            new Kind("mp3", 0, "ID3"),
            new Kind("ogg oga", 0, "OggS"),
            new Kind("flac", 0, "fLaC"),
            new Kind("mp4 m4a mov heic avif", 4, "ftyp"));

    private BinaryKinds() {
    }

    /**
     * Whether the file at {@code path} holding {@code bytes} is of a binary kind: of its extension's, or, without an
     * extension, of any whose signature it starts with.
     */
    static boolean known(String path, byte[] bytes) {
        Optional<String> extension = extension(path);
        return KINDS.stream().filter(kind -> extension.map(kind::named).orElse(true))
                .anyMatch(kind -> kind.startsOf(bytes));
    }

    /** The extension of a path's file name, lower-cased without its dot: empty for {@code Makefile} or {@code .env}. */
    private static Optional<String> extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? Optional.empty() : Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * One kind of binary file.
     *
     * @param extensions its extensions, lower case, without dots, separated by spaces
     * @param offset     where its signature starts
     * @param signature  the bytes it holds there, one ISO-8859-1 character a byte
     */
    private record Kind(String extensions, int offset, String signature) {

        Kind {
            Objects.requireNonNull(extensions, "extensions");
            Objects.requireNonNull(signature, "signature");
            if (offset < 0 || signature.isEmpty()) {
                throw new IllegalArgumentException("a signature has bytes at an offset: " + offset);
            }
        }

        boolean named(String extension) {
            return List.of(extensions.split(" ")).contains(extension);
        }

        boolean startsOf(byte[] bytes) {
            byte[] expected = signature.getBytes(StandardCharsets.ISO_8859_1);
            return bytes.length >= offset + expected.length
                    && Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
        }
    }
}
