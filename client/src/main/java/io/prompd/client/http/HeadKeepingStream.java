package io.prompd.client.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/** Passes bytes on, keeping the first few: enough to tell a web page from what was asked for. */
final class HeadKeepingStream extends FilterOutputStream {

    private static final int KEPT = 64;

    private final byte[] head = new byte[KEPT];
    private int kept;

    HeadKeepingStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int keeping = Math.min(length, KEPT - kept);
        System.arraycopy(bytes, offset, head, kept, keeping);
        kept += keeping;
        out.write(bytes, offset, length);
    }

    byte[] head() {
        return Arrays.copyOf(head, kept);
    }
}
