package io.prompd.core.archive;

import io.prompd.core.Causes;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.Sizes;
import io.prompd.core.TerminalText;
import io.prompd.core.files.Folders;
import io.prompd.core.files.LongNames;
import io.prompd.core.files.NamedWrites;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a downloaded {@code .tgz} into an empty folder, refusing anything {@code prompd pack}
 * would not have written and anything beyond the limits. On refusal the folder is left empty.
 * Files get the permissions a new file gets, whatever mode their entries give: {@link Packer}
 * writes 0644 for every file, and a tarball packed before it dropped the executable bit holds
 * no program to run either.
 *
 * <p>Exit codes: {@link ExitCode#INTEGRITY} when the archive is corrupt, truncated or holds entries
 * {@code prompd pack} never writes (paths outside {@code package/}, traversal, links, devices,
 * duplicates, what pack leaves out of every package such as {@code .git/} and {@code .npmrc}),
 * because such an archive was damaged or tampered with; {@link ExitCode#FAILURE} when a
 * well-formed archive exceeds the {@link ArchiveLimits} (too many files, too large).
 */
public final class SafeUnpacker {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path target;
    private final ArchiveLimits limits;
    private final Set<String> paths = new HashSet<>();
    private final Set<String> foldedPaths = new HashSet<>();
    /** The target and the folders made for earlier entries: making them again would cost a failing mkdir per file. */
    private final Set<Path> folders = new HashSet<>();
    private long unpackedSize;

    private SafeUnpacker(Path target, ArchiveLimits limits) {
        this.target = target;
        folders.add(target);
        this.limits = limits;
    }

    /**
     * Unpacks {@code tgz}, read to its end but not closed, into {@code emptyTargetDir}, created if missing,
     * and checks every byte read against the integrity the registry recorded. The check can only end
     * after the last byte, so on a mismatch what was written is deleted again.
     *
     * @throws PrompdException with {@link ExitCode#INTEGRITY} or {@link ExitCode#FAILURE} when the
     *                         archive is refused or does not match {@code expected},
     *                         {@link ExitCode#CONFLICT} when the folder is not empty
     * @throws IOException     when the folder cannot be written
     */
    public static UnpackResult unpackVerified(InputStream tgz, Integrity expected, Path emptyTargetDir,
            ArchiveLimits limits) throws IOException {
        Path target = emptyTargetDir.toAbsolutePath().normalize();
        Files.createDirectories(target);
        try (Stream<Path> existing = Files.list(target)) {
            if (existing.findAny().isPresent()) {
                throw new PrompdException(ExitCode.CONFLICT, "cannot unpack into " + target + ": it is not empty",
                        "remove the folder or choose another one");
            }
        }
        SafeUnpacker unpacker = new SafeUnpacker(target, limits);
        try {
            UnpackResult result = unpacker.unpackAll(new IntegrityInputStream(tgz, expected.algorithm()));
            if (!expected.matches(result.integrity())) {
                throw Rejection.tampered(expected, result.integrity());
            }
            return result;
        } catch (IOException | RuntimeException failure) {
            Optional<Rejection> rejection = Causes.find(failure, Rejection.class);
            if (rejection.isPresent()) {
                PrompdException refused = rejection.get().toException();
                emptyAfter(refused, target);
                throw refused;
            }
            emptyAfter(failure, target);
            throw failure;
        }
    }

    /**
     * Empties the target after a failure. What stops that is added to the failure, which stays the
     * one reported: the user must learn that the archive was refused, not only that a file stayed.
     */
    private static void emptyAfter(Exception failure, Path target) {
        try {
            Folders.deleteContents(target);
        } catch (IOException | RuntimeException notEmptied) {
            failure.addSuppressed(notEmptied);
        }
    }

    private UnpackResult unpackAll(IntegrityInputStream tgz) throws IOException {
        // gzip hands back what it read past its end only to a stream that supports mark and reset
        InputStream rest = new BufferedInputStream(CallerOwned.input(tgz), BUFFER_BYTES);
        byte[] buffer = new byte[BUFFER_BYTES];
        // closing ends the native inflater at once; the download stream itself stays open for the caller
        try (InputStream decompressed = new ExpansionGuard(gunzip(rest), limits);
                TarArchiveInputStream tar = new TarArchiveInputStream(decompressed, StandardCharsets.UTF_8.name())) {
            for (TarArchiveEntry entry = nextEntry(tar); entry != null; entry = nextEntry(tar)) {
                String path = checkedPath(entry);
                if (path != null) {
                    write(path, entry, tar, buffer);
                }
            }
            drain(decompressed, buffer);
            if (rest.read() >= 0) {
                throw Rejection.corrupt("data follows the end of the compressed archive");
            }
        }
        List<String> written = paths.stream().sorted().toList();
        return new UnpackResult(written.size(), unpackedSize, written, tgz.integrity());
    }

    private static InputStream gunzip(InputStream compressed) throws Rejection {
        try {
            return new GzipCompressorInputStream(compressed);
        } catch (IOException notGzip) {
            throw Rejection.corrupt("it is not gzip-compressed (" + Rejection.detail(notGzip) + ")");
        }
    }

    private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (IllegalArgumentException malformed) {
            throw Rejection.corrupt("a tar header is malformed (" + malformed.getMessage() + ")");
        } catch (IOException unreadable) {
            throw Rejection.orCorrupt(unreadable);
        }
    }

    /** The entry's path below {@code package/}, or null for a folder, whose files carry their own paths. */
    private String checkedPath(TarArchiveEntry entry) throws Rejection {
        String name = entry.getName();
        if (!name.startsWith(Packer.ROOT)) {
            throw Rejection.unsafe(name, "it is not under " + Packer.ROOT);
        }
        String path = name.substring(Packer.ROOT.length());
        byte type = entry.getLinkFlag();
        if (type == TarConstants.LF_DIR) {
            String folder = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            if (!folder.isEmpty()) {
                checkPathRules(name, folder);
                checkNotLeftOut(name, folder + "/");
            }
            return null;
        }
        checkPathRules(name, path);
        checkNotLeftOut(name, path);
        if (type != TarConstants.LF_NORMAL && type != TarConstants.LF_OLDNORM) {
            throw Rejection.unsafe(name, "it is " + describeType(entry) + ", and packages hold regular files only");
        }
        if (!paths.add(path)) {
            throw Rejection.unsafe(name, "it appears twice");
        }
        if (!foldedPaths.add(PackagePaths.caseFoldKey(path))) {
            throw Rejection.unsafe(name, "it differs from another path only in letter case");
        }
        checkLimits(name, entry.getSize());
        return path;
    }

    private static void checkPathRules(String name, String path) throws Rejection {
        // a '/' right after package/ is an empty segment of the entry's name (package//x), which no absolute path is
        if (path.startsWith("/")) {
            throw Rejection.unsafe(name, PackagePaths.DOT_OR_EMPTY_SEGMENT);
        }
        List<String> violations = PackagePaths.violations(path);
        if (!violations.isEmpty()) {
            throw Rejection.unsafe(name, String.join("; ", violations));
        }
    }

    /**
     * What pack leaves out of every package is refused too: a registry could otherwise plant a {@code .git/config}
     * whose commands Git runs in the installed folder, or credentials files, under a matching integrity.
     */
    private static void checkNotLeftOut(String name, String path) throws Rejection {
        Optional<LeftOut.Reason> leftOut = PackSelector.leftOutAnyway(path);
        if (leftOut.isPresent()) {
            throw Rejection.unsafe(name, leftOut.get().why());
        }
    }

    private static String describeType(TarArchiveEntry entry) {
        if (entry.isSymbolicLink()) {
            return "a symbolic link";
        }
        if (entry.isLink()) {
            return "a hard link";
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            return "a device";
        }
        if (entry.isFIFO()) {
            return "a named pipe";
        }
        return "an entry of tar type '" + (char) entry.getLinkFlag() + "'";
    }

    private void checkLimits(String name, long size) throws Rejection {
        if (paths.size() > limits.maxFiles()) {
            throw Rejection.overLimit("the archive has more than " + limits.maxFiles() + " files");
        }
        if (size > limits.maxFileBytes()) {
            throw Rejection.overLimit(name + " has " + Sizes.overLimit(size, limits.maxFileBytes()) + " per file");
        }
        if (unpackedSize + size > limits.maxUnpackedBytes()) {
            throw Rejection.overLimit("the archive's files add up to more than the limit of "
                    + Sizes.readable(limits.maxUnpackedBytes()));
        }
    }

    private void write(String path, TarArchiveEntry entry, TarArchiveInputStream tar, byte[] buffer)
            throws IOException {
        Path file = target.resolve(path).normalize();
        if (!file.startsWith(target) || file.equals(target)) {
            throw Rejection.unsafe(entry.getName(), "it leads outside the target folder");
        }
        if (!folders.contains(file.getParent())) {
            try {
                Files.createDirectories(file.getParent());
            } catch (FileAlreadyExistsException fileInTheWay) {
                throw Rejection.unsafe(entry.getName(), "a file of the archive stands where its folder should be");
            } catch (FileSystemException refused) {
                throw Rejection.orUnwritable(entry.getName(), path, file, refused);
            }
            folders.add(file.getParent());
        }
        long written = 0;
        try (OutputStream out = NamedWrites.naming(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), file)) {
            for (int read = readEntry(tar, buffer); read >= 0; read = readEntry(tar, buffer)) {
                out.write(buffer, 0, read);
                written += read;
            }
        } catch (FileAlreadyExistsException clash) {
            throw Rejection.unsafe(entry.getName(), madeFolder(path)
                    ? "a folder of the archive, made for its entries under it, stands where its file should be"
                    : "its file already exists (a case or Unicode clash on this disk)");
        } catch (FileSystemException refused) {
            throw Rejection.orUnwritable(entry.getName(), path, file, refused);
        }
        if (written != entry.getSize()) {
            throw Rejection.corrupt(entry.getName() + " is shorter than its header says");
        }
        unpackedSize += written;
    }

    /**
     * Whether an earlier entry lies under {@code path}, written exactly so: the folder it was unpacked into, not a
     * name that only this disk takes for the same, is what stands in the way of the file. Asked only of a refused
     * entry, so the look through every path costs nothing on the way of an archive that unpacks.
     */
    private boolean madeFolder(String path) {
        String folder = path + "/";
        return paths.stream().anyMatch(earlier -> earlier.startsWith(folder));
    }

    private static int readEntry(TarArchiveInputStream tar, byte[] buffer) throws IOException {
        try {
            return tar.read(buffer);
        } catch (IOException unreadable) {
            throw Rejection.orCorrupt(unreadable);
        }
    }

    /** Reads to the end of the gzip stream, so its checksum and length are verified too. */
    private static void drain(InputStream decompressed, byte[] buffer) throws IOException {
        try {
            while (decompressed.read(buffer) >= 0) {
                // only the checks on the way matter
            }
        } catch (IOException unreadable) {
            throw Rejection.orCorrupt(unreadable);
        }
    }

    /**
     * Stops decompression as soon as the output outgrows the limits plus tar's own overhead, so a gzip
     * bomb costs what the largest package allowed costs, not gigabytes: what decompresses past the
     * entries (padding, PAX records, a folder's content) is counted here and nowhere else.
     */
    private static final class ExpansionGuard extends FilterInputStream {
        private final ArchiveLimits limits;
        private final long maxDecompressed;
        private long produced;

        ExpansionGuard(InputStream decompressed, ArchiveLimits limits) {
            super(decompressed);
            this.limits = limits;
            this.maxDecompressed = limits.maxTarBytes();
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = in.read(bytes, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) throws Rejection {
            produced += bytes;
            if (produced > maxDecompressed) {
                throw Rejection.overLimit("the archive holds more than the limit of "
                        + Sizes.readable(limits.maxUnpackedBytes()));
            }
        }
    }

    /**
     * A refusal raised deep inside the streams; an IOException so it can pass through commons-compress,
     * turned into a {@link PrompdException} once the folder is cleaned up.
     */
    private static final class Rejection extends IOException {
        private final ExitCode exitCode;
        private final String hint;

        private Rejection(ExitCode exitCode, String message, String hint) {
            super(message);
            this.exitCode = exitCode;
            this.hint = hint;
        }

        static Rejection corrupt(String detail) {
            return new Rejection(ExitCode.INTEGRITY, "the archive is corrupt or truncated: " + detail,
                    "download it again; if it keeps failing, the registry's copy is damaged");
        }

        /**
         * The entry's name has its control and invisible characters spelt out: it may be refused for holding them,
         * and a bidi control would make it show as another name.
         */
        static Rejection unsafe(String entryName, String reason) {
            return new Rejection(ExitCode.INTEGRITY, "the archive entry '" + TerminalText.path(entryName)
                    + "' is refused: " + reason,
                    "prompd pack never writes such entries, so the archive was damaged or tampered with");
        }

        static Rejection tampered(Integrity expected, Integrity actual) {
            return new Rejection(ExitCode.INTEGRITY, "the archive does not match its integrity: expected "
                    + expected + ", got " + actual,
                    "download it again; if it keeps failing, the registry's copy or its record is damaged");
        }

        /**
         * Pack and a registry's build apply the same limits, so a tarball beyond them was never published as it is:
         * refused as an unsafe entry is, for its cached copy to go too.
         */
        static Rejection overLimit(String detail) {
            return new Rejection(ExitCode.INTEGRITY, "the archive is refused: " + detail,
                    "prompd pack never writes an archive beyond these limits, nor a registry's build, so it was damaged"
                            + " or tampered with, or made by a prompd with larger limits than this one");
        }

        /** A failure to read the archive: a refusal raised by the guards, or else damage. */
        static Rejection orCorrupt(IOException unreadable) {
            return Causes.find(unreadable, Rejection.class).orElseGet(() -> corrupt(detail(unreadable)));
        }

        /**
         * The reader's words, as a clause: without the full stop a library may end them with ("Gzip-compressed data is
         * corrupt."), which a message adding to it would follow with "; ". An end of input comes without any words, and
         * "null" would tell the user nothing.
         */
        static String detail(IOException unreadable) {
            if (unreadable.getMessage() != null) {
                return TerminalText.withoutFullStop(unreadable.getMessage());
            }
            return unreadable instanceof EOFException ? "it ends early" : unreadable.getClass().getSimpleName();
        }

        /**
         * A name the file system refuses as too long, which is told apart by what would help. A path inside the
         * package is refused beyond its 512 bytes before it is written ({@link PackagePaths}), so one that is too long
         * here fits under a home at a shorter path. Else a name is beyond this file
         * system's own limit (eCryptfs takes 143 bytes, not 255), and another file system takes it. Other refusals
         * (rights, disk) name their file already.
         *
         * @param path the entry's path inside the package
         * @param file where it is written
         */
        static IOException orUnwritable(String entryName, String path, Path file, FileSystemException refused) {
            if (!LongNames.refused(refused)) {
                return refused;
            }
            int pathBytes = PackagePaths.nameBytes(path);
            String cannot = "the archive entry '" + TerminalText.path(entryName) + "' cannot be written: ";
            int fileBytes = PackagePaths.nameBytes(file.toString());
            int maxPathBytes = LongNames.maxPathBytes();
            if (fileBytes > maxPathBytes) {
                return new Rejection(ExitCode.FAILURE, cannot + "its path in the prompd home has " + fileBytes
                        + " bytes in UTF-8, more than the " + maxPathBytes + " " + LongNames.systemName() + " takes in"
                        + " a whole path; the package's own path is " + pathBytes + " of them",
                        "put the prompd home at a path shorter by " + (fileBytes - maxPathBytes)
                        + " bytes or more (PROMPD_HOME), or ask the package's author for shorter paths");
            }
            return new Rejection(ExitCode.FAILURE, cannot + "its name is longer than this file system allows",
                    "the package cannot be installed on this file system; put the prompd home on another one"
                            + " (PROMPD_HOME), or ask the package's author for shorter names");
        }

        PrompdException toException() {
            return new PrompdException(exitCode, getMessage(), hint, this);
        }
    }
}
