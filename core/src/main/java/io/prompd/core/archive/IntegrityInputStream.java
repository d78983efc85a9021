package io.prompd.core.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Passes bytes through while hashing and counting them, so a download is checked as it is read. */
public final class IntegrityInputStream extends FilterInputStream {

    private final Integrity.Algorithm algorithm;
    private final MessageDigest digest;
    private long count;

    public IntegrityInputStream(InputStream in, Integrity.Algorithm algorithm) {
        super(in);
        this.algorithm = algorithm;
        this.digest = algorithm.newDigest();
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int read = in.read(bytes, offset, length);
        if (read > 0) {
            digest.update(bytes, offset, read);
            count += read;
        }
        return read;
    }

    /** Skipped bytes must be hashed too, so skipping reads them. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 0))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** The integrity of everything read; call once, after the end of the stream. */
    public Integrity integrity() {
        return Integrity.ofDigest(algorithm, digest.digest());
    }
}
