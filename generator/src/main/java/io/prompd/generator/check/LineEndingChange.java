package io.prompd.generator.check;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.source.Utf8;
import io.prompd.generator.source.Change;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.RegistryRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A file changed only as an editor on Windows, a tool such as unix2dos or Git's core.autocrlf rewrites files: in its
 * line endings (CRLF for LF or back) or a UTF-8 byte order mark added or removed at its start, its text otherwise the
 * same. Its fix is restoring the file, not a change of content.
 */
final class LineEndingChange {

    private static final byte[] BYTE_ORDER_MARK = Utf8.BYTE_ORDER_MARK.getBytes(StandardCharsets.UTF_8);

    private LineEndingChange() {
    }

    /**
     * What alone differs between a published file and the pull request's, as a noun phrase ("line endings (CRLF where
     * the published file has LF)", "a byte order mark (BOM) added at its start", or both), if only that does; empty
     * for any other change, a side that is no file, and a side over the per-file limit, which is not read for it.
     */
    static Optional<String> of(RegistryRepository repository, Change change) throws IOException {
        if (change.type() != ChangeType.MODIFIED || !Change.isFile(change.oldMode()) || !Change.isFile(change.newMode())
                || change.oldBlob().equals(change.newBlob())) {
            return Optional.empty();
        }
        Optional<byte[]> before = repository.read(change.oldBlob(), ArchiveLimits.DEFAULT);
        Optional<byte[]> after = repository.read(change.newBlob(), ArchiveLimits.DEFAULT);
        return before.isPresent() && after.isPresent() ? between(before.get(), after.get()) : Optional.empty();
    }

    static Optional<String> between(byte[] before, byte[] after) {
        byte[] unmarkedBefore = unmarked(before);
        byte[] unmarkedAfter = unmarked(after);
        if (Arrays.equals(before, after) || !Arrays.equals(withLf(unmarkedBefore), withLf(unmarkedAfter))) {
            return Optional.empty();
        }
        boolean markedAfter = unmarkedAfter.length != after.length;
        String endings = "line endings (" + (crlfs(unmarkedAfter) > crlfs(unmarkedBefore) ? "CRLF where the published"
                + " file has LF" : "LF where the published file has CRLF") + ")";
        if ((unmarkedBefore.length != before.length) == markedAfter) {
            return Optional.of(endings);
        }
        String mark = "a byte order mark (BOM) " + (markedAfter ? "added" : "removed") + " at its start";
        return Optional.of(Arrays.equals(unmarkedBefore, unmarkedAfter) ? mark : endings + " and " + mark);
    }

    private static byte[] unmarked(byte[] bytes) {
        return Arrays.equals(bytes, 0, Math.min(bytes.length, BYTE_ORDER_MARK.length), BYTE_ORDER_MARK, 0,
                BYTE_ORDER_MARK.length) ? Arrays.copyOfRange(bytes, BYTE_ORDER_MARK.length, bytes.length) : bytes;
    }

    /** The bytes with each CRLF as LF. */
    private static byte[] withLf(byte[] bytes) {
        ByteArrayOutputStream lf = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\r' || i + 1 >= bytes.length || bytes[i + 1] != '\n') {
                lf.write(bytes[i]);
            }
        }
        return lf.toByteArray();
    }

    private static int crlfs(byte[] bytes) {
        int count = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                count++;
            }
        }
        return count;
    }
}
