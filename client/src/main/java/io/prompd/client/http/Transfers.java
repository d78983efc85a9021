package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/** Copies a response body while checking it arrives whole. */
final class Transfers {

    private static final int BUFFER_SIZE = 64 * 1024;

    private Transfers() {
    }

    /**
     * Copies all of {@code body} to {@code out}, or its first {@code enough} bytes. A failed read, or other than as
     * many bytes as announced, is a dropped or garbled connection, worth a retry; a failed write is a local problem
     * and is thrown as it is.
     *
     * @param declaredLength the announced length, or -1
     * @param enough         the most bytes worth reading: once that many came, the rest is left unread, whatever
     *                       the body announces, and the count returned says the body reached it
     * @param maxBytes       the most bytes accepted; a body announcing more is refused before it is read
     * @param tooLargeHint   what to do about a body larger than that
     * @param lowSpeed       the slowest average accepted; slower is a stalled transfer, worth a retry
     * @param nanoTime       the ticker the average is measured by, in nanoseconds as {@link System#nanoTime} counts
     *                       them
     * @param shown          where the body came from, as messages name it
     * @return the number of bytes copied
     */
    static long copy(InputStream body, long declaredLength, OutputStream out, LongConsumer advanced, long enough,
                     long maxBytes, String tooLargeHint, LowSpeedLimit lowSpeed, LongSupplier nanoTime, String shown)
                     throws TransientFailure, IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge(shown, maxBytes, tooLargeHint);
        }
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        long windowStart = nanoTime.getAsLong();
        long totalAtWindowStart = 0;
        while (total < enough) {
            int read;
            try {
                read = body.read(buffer, 0, (int) Math.min(buffer.length, enough - total));
            } catch (InterruptedIOException stalled) {
                throw new TransientFailure("stalled after " + received(total, declaredLength) + ", "
                        + stalled.getMessage(), stalled);
            } catch (IOException dropped) {
                throw new TransientFailure("connection dropped after " + received(total, declaredLength), dropped);
            }
            if (read < 0) {
                break;
            }
            total += read;
            if (declaredLength >= 0 && total > declaredLength) {
                // at once, not at the end: what a server sends beyond its word may have no end
                throw TransientFailure.malformed("body longer than its Content-Length of " + declaredLength + " bytes");
            }
            if (total > maxBytes) {
                throw tooLarge(shown, maxBytes, tooLargeHint);
            }
            long now = nanoTime.getAsLong();
            if (now - windowStart >= lowSpeed.window().toNanos()) {
                if (total - totalAtWindowStart < lowSpeed.bytesPerWindow()) {
                    throw new TransientFailure("slower than " + lowSpeed + ", after "
                            + received(total, declaredLength));
                }
                windowStart = now;
                totalAtWindowStart = total;
            }
            out.write(buffer, 0, read);
            advanced.accept(read);
        }
        if (total < enough && declaredLength >= 0 && total < declaredLength) {
            throw new TransientFailure("body ended after " + received(total, declaredLength));
        }
        return total;
    }

    private static String received(long total, long declaredLength) {
        return total + (declaredLength >= 0 ? " of " + declaredLength : "") + " bytes";
    }

    private static PrompdException tooLarge(String shown, long maxBytes, String hint) {
        return new PrompdException(ExitCode.NETWORK, "larger than " + maxBytes + " bytes: " + shown, hint);
    }
}
