package io.prompd.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A UTF-8 writer that keeps why its stream failed: a {@link PrintWriter} only notes that it did, and
 * a command whose output was lost should say why, as {@code ls} says "No space left on device".
 * Its lines end in {@code '\n'} on every system, as those of the commands' {@code print(text + "\n")} do: a
 * {@code println} would end them in {@link System#lineSeparator()}, and a report or a script would get the two
 * mixed on Windows.
 */
public final class FailureKeepingWriter extends PrintWriter {

    private final FailureKeepingStream stream;

    public FailureKeepingWriter(OutputStream target) {
        this(new FailureKeepingStream(target));
    }

    private FailureKeepingWriter(FailureKeepingStream stream) {
        super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
        this.stream = stream;
    }

    @Override
    public void println() {
        synchronized (lock) {
            // the writer flushes its lines, as PrintWriter's own println does for a writer made so
            write('\n');
            flush();
        }
    }

    /** The first failure of the stream, if writing to it failed. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(stream.failure);
    }

    private static final class FailureKeepingStream extends FilterOutputStream {

        private volatile IOException failure;

        FailureKeepingStream(OutputStream target) {
            super(target);
        }

        @Override
        public void write(int oneByte) throws IOException {
            kept(() -> out.write(oneByte));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            // FilterOutputStream's own would write them one at a time
            kept(() -> out.write(bytes, offset, length));
        }

        @Override
        public void flush() throws IOException {
            kept(out::flush);
        }

        private void kept(Write write) throws IOException {
            try {
                write.run();
            } catch (IOException writeFailed) {
                if (failure == null) {
                    failure = writeFailed;
                }
                throw writeFailed;
            }
        }

        private interface Write {
            void run() throws IOException;
        }
    }
}
