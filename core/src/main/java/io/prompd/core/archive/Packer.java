package io.prompd.core.archive;

import io.prompd.core.files.AtomicFiles;
import io.prompd.core.files.ExitHooks;
import io.prompd.core.problem.ValidationException;
import io.prompd.core.source.PackageSource;
import io.prompd.core.source.SourceEntry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a package's selected files as a reproducible {@code .tgz}: the same files give the same
 * bytes, and so the same integrity, whether they come from a folder, a Git tree or memory, and
 * whatever their times, owners, modes and order on disk.
 *
 * <p>The layout follows npm: entries {@code package/<path>} sorted by path ({@link String}'s order, by UTF-16 code
 * units, part of the format like the rest: it differs from the order of UTF-8 bytes only where a character above
 * U+FFFF meets one in U+E000–U+FFFF), regular files only,
 * mtime 1985-10-26T08:15:00Z, owner 0:0 with empty names, mode 0644 for every file. An executable
 * bit, on disk or in Git, is not kept: a prompt package has no program to run, and a folder on a
 * file system without modes (core.fileMode=false: WSL's /mnt/c, vfat, SMB) shows every file
 * executable where Git records none, so {@code prompd pack} and the registry's build gave one
 * version two tarballs. Paths that do not fit
 * the 100-byte ASCII name field get a PAX header written here with the {@code path} record alone,
 * because commons-compress would stamp its own PAX headers with the current time and user.
 * Byte-identity across machines assumes the same zlib deflate output, as npm's does.
 */
public final class Packer {

    /** Where every path sits inside the tarball. */
    public static final String ROOT = "package/";

    /**
     * The command that unpacks a tarball as the package's own files, for hints: without
     * {@code --strip-components=1} they land in {@link #ROOT} instead. {@code -C <folder>} names
     * another folder than the current one.
     */
    public static final String UNPACK_COMMAND = "tar -xzf TARBALL --strip-components=1";

    private static final Instant FIXED_MTIME = Instant.parse("1985-10-26T08:15:00Z");
    private static final int FILE_MODE = 0644;
    /** commons-compress keeps one byte of the 100-byte name field for the terminating NUL. */
    private static final int NAME_FIELD_BYTES = TarConstants.NAMELEN - 1;
    private static final String PAX_NAME = "PaxHeader";
    /**
     * Most packages pack to a few KiB: a larger buffer would be mostly zeroing memory, three times
     * over for every tarball a registry build writes.
     */
    private static final int BUFFER_BYTES = 16 * 1024;
    /**
     * Part of the format: changing it changes every tarball's bytes. zlib's usual level: deflate is
     * most of the cost of packing, level 9 takes about twice as long and saves little on text.
     */
    private static final int COMPRESSION_LEVEL = 6;

    private Packer() {
    }

    /**
     * Packs the selection into {@code out}, which is left open.
     *
     * @throws ValidationException if the selection has errors
     * @throws IOException         if a file cannot be read or changed its size while being packed
     */
    public static PackResult pack(PackageSource source, PackSelection selection, OutputStream out) throws IOException {
        if (selection.hasErrors()) {
            throw new ValidationException("the package has errors and cannot be packed", selection.problems());
        }
        IntegrityOutputStream measured = new IntegrityOutputStream(out);
        long unpacked = 0;
        try (GzipCompressorOutputStream gzip =
                        new GzipCompressorOutputStream(CallerOwned.output(measured), gzipParameters());
                // tar writes 512-byte records: buffered, deflate gets large chunks and far fewer native calls,
                // with the same output since zlib's stream does not depend on how its input is split
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new BufferedOutputStream(gzip, BUFFER_BYTES),
                        StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_ERROR);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_ERROR);
            byte[] buffer = new byte[BUFFER_BYTES];
            for (SourceEntry entry : selection.included()) {
                writeFile(source, entry, tar, buffer);
                unpacked += entry.size();
            }
        }
        return new PackResult(measured.integrity(), measured.count(), selection.included().size(), unpacked);
    }

    /**
     * Packs into {@code target} through a temporary file in the same folder, moved into place only
     * when complete, so no reader ever sees a half-written tarball. A run stopped midway (Ctrl-C) deletes the
     * temporary as it ends: a tarball goes where the user says, a folder no later run sweeps, and is often large.
     */
    public static PackResult packToFile(PackageSource source, PackSelection selection, Path target) throws IOException {
        return packToFile(source, selection, target, ExitHooks.RUNTIME);
    }

    /**
     * As {@link #packToFile(PackageSource, PackSelection, Path)}, the deletion hooked into {@code exitHooks}, a test's.
     */
    static PackResult packToFile(PackageSource source, PackSelection selection, Path target, ExitHooks exitHooks)
            throws IOException {
        return AtomicFiles.writeStream(target, exitHooks, out -> pack(source, selection, out));
    }

    private static GzipParameters gzipParameters() {
        GzipParameters parameters = new GzipParameters();
        parameters.setCompressionLevel(COMPRESSION_LEVEL);
        parameters.setModificationTime(0);
        parameters.setOS(GzipParameters.OS.UNKNOWN);
        parameters.setBufferSize(BUFFER_BYTES);
        return parameters;
    }

    private static void writeFile(PackageSource source, SourceEntry entry, TarArchiveOutputStream tar, byte[] buffer)
            throws IOException {
        String name = ROOT + entry.path();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        boolean fitsNameField = nameBytes.length <= NAME_FIELD_BYTES && nameBytes.length == name.length();
        if (!fitsNameField) {
            writePaxPath(tar, nameBytes);
        }
        TarArchiveEntry header = fixedHeader(asciiStandIn(name), TarConstants.LF_NORMAL);
        header.setSize(entry.size());
        tar.putArchiveEntry(header);
        long copied = 0;
        try (InputStream in = source.open(entry.path())) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (copied + read > entry.size()) {
                    throw changedWhilePacking(source, entry);
                }
                tar.write(buffer, 0, read);
                copied += read;
            }
        }
        if (copied != entry.size()) {
            throw changedWhilePacking(source, entry);
        }
        tar.closeArchiveEntry();
    }

    private static IOException changedWhilePacking(PackageSource source, SourceEntry entry) {
        return new IOException(source.describe() + ": " + entry.path() + " changed size while being packed"
                + " (expected " + entry.size() + " bytes); pack again");
    }

    /** A PAX extended header holding only {@code path}, so nothing machine-specific leaks in. */
    private static void writePaxPath(TarArchiveOutputStream tar, byte[] nameBytes) throws IOException {
        byte[] record = paxRecord("path", nameBytes);
        TarArchiveEntry pax = fixedHeader(ROOT + PAX_NAME, TarConstants.LF_PAX_EXTENDED_HEADER_LC);
        pax.setSize(record.length);
        tar.putArchiveEntry(pax);
        tar.write(record);
        tar.closeArchiveEntry();
    }

    /** {@code "<length> <key>=<value>\n"} where the length counts the whole record, its own digits included. */
    static byte[] paxRecord(String key, byte[] value) {
        int body = 1 + key.length() + 1 + value.length + 1;
        int length = body + Integer.toString(body).length();
        if (Integer.toString(length).length() != Integer.toString(body).length()) {
            length++;
        }
        byte[] prefix = (length + " " + key + "=").getBytes(StandardCharsets.US_ASCII);
        byte[] record = new byte[length];
        System.arraycopy(prefix, 0, record, 0, prefix.length);
        System.arraycopy(value, 0, record, prefix.length, value.length);
        record[length - 1] = '\n';
        return record;
    }

    /**
     * What old tar readers without PAX support see instead of the real path: ASCII, at most 99 bytes,
     * and not ending in '/', which would make the entry a folder (of size 0) to commons-compress too.
     * A path that fits the name field is its own stand-in.
     */
    private static String asciiStandIn(String name) {
        StringBuilder ascii = new StringBuilder(NAME_FIELD_BYTES);
        for (int i = 0; i < name.length() && ascii.length() < NAME_FIELD_BYTES; i++) {
            char c = name.charAt(i);
            ascii.append(c < 0x80 ? c : '_');
        }
        if (ascii.charAt(ascii.length() - 1) == '/') {
            ascii.setCharAt(ascii.length() - 1, '_');
        }
        return ascii.toString();
    }

    private static TarArchiveEntry fixedHeader(String name, byte linkFlag) {
        TarArchiveEntry header = new TarArchiveEntry(name, linkFlag, true);
        header.setModTime(FileTime.from(FIXED_MTIME));
        header.setMode(FILE_MODE);
        header.setUserId(0);
        header.setGroupId(0);
        header.setUserName("");
        header.setGroupName("");
        return header;
    }
}
