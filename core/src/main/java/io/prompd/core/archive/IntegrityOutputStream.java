package io.prompd.core.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Passes bytes through while hashing and counting them, so a tarball is written and measured in one pass. */
public final class IntegrityOutputStream extends FilterOutputStream {

    private final Integrity.Algorithm algorithm;
    private final MessageDigest digest;
    private long count;

    public IntegrityOutputStream(OutputStream out) {
        this(out, Integrity.Algorithm.SHA512);
    }

    public IntegrityOutputStream(OutputStream out, Integrity.Algorithm algorithm) {
        super(out);
        this.algorithm = algorithm;
        this.digest = algorithm.newDigest();
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        digest.update(bytes, offset, length);
        count += length;
    }

    /** Bytes written so far. */
    public long count() {
        return count;
    }

    /** The integrity of everything written; call once, after the last write. */
    public Integrity integrity() {
        return Integrity.ofDigest(algorithm, digest.digest());
    }
}
