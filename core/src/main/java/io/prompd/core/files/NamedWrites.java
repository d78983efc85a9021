package io.prompd.core.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Write failures (and read ones) that name the file. A write that fails says only the system's reason, such as
 * "No space left on device": without the file, the user cannot tell which disk to free, and the
 * failure report of the command lines gives its hints only to a failure that has a file.
 */
public final class NamedWrites {

    private NamedWrites() {
    }

    /** {@code out}, writing to {@code file}, with its failures naming that file. */
    public static OutputStream naming(OutputStream out, Path file) {
        return new Naming(out, file);
    }

    /** The failure as one of {@code file}, unless it names a file already. */
    public static IOException naming(IOException failure, Path file) {
        if (failure instanceof FileSystemException) {
            return failure;
        }
        FileSystemException named = new FileSystemException(file.toString(), null,
                failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName());
        named.initCause(failure);
        return named;
    }

    private static final class Naming extends FilterOutputStream {
        private final Path file;

        Naming(OutputStream out, Path file) {
            super(out);
            this.file = file;
        }

        @FunctionalInterface
        private interface Write {
            void run() throws IOException;
        }

        private void naming(Write write) throws IOException {
            try {
                write.run();
            } catch (IOException failure) {
                throw NamedWrites.naming(failure, file);
            }
        }

        @Override
        public void write(int b) throws IOException {
            naming(() -> out.write(b));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            naming(() -> out.write(bytes, offset, length));
        }

        @Override
        public void flush() throws IOException {
            naming(out::flush);
        }

        @Override
        public void close() throws IOException {
            naming(out::close);
        }
    }
}
