package io.prompd.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output for bytes, kept as text's is: a reader gone ({@code pack --out - | head -c 512}) took what it wanted,
 * so the rest is dropped rather than failing a run whose work is done. Any other failure (a full disk) still fails it.
 */
public final class ReaderGoneTolerantStream extends FilterOutputStream {

    private boolean readerGone;

    public ReaderGoneTolerantStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (!readerGone) {
            try {
                out.write(bytes, offset, length);
            } catch (IOException failure) {
                dropUnlessReaderGone(failure);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (!readerGone) {
            try {
                out.flush();
            } catch (IOException failure) {
                dropUnlessReaderGone(failure);
            }
        }
    }

    private void dropUnlessReaderGone(IOException failure) throws IOException {
        if (!CommandLines.readerGone(failure)) {
            throw failure;
        }
        readerGone = true;
    }
}
