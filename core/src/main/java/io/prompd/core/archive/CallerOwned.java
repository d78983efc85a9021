package io.prompd.core.archive;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A stream the caller opened and closes, passed to a gzip stream that must be closed to end its
 * native inflater or deflater at once, and that closes what it reads or writes with it. Closing
 * the wrapper leaves the caller's stream open; an output stream is flushed instead.
 */
final class CallerOwned {

    private CallerOwned() {
    }

    static InputStream input(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller's to close
            }
        };
    }

    static OutputStream output(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
