package io.prompd.client.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ends the reading of a body that receives nothing for a while. HttpClient's request timeout
 * covers only the wait for the headers; without this a server that stalls mid-body would hang
 * the client for good. Closing the body is what wakes the blocked reader.
 */
final class StallGuard {

    private final Duration idleTimeout;
    private final ScheduledThreadPoolExecutor timer;

    StallGuard(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "prompd-stall-guard");
            thread.setDaemon(true);
            return thread;
        });
        // the thread goes away between downloads, so a fetcher needs no closing
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
    }

    /** The body, closed and failing with an {@link InterruptedIOException} once no read completes for the timeout. */
    InputStream guard(InputStream body) {
        return new GuardedStream(body);
    }

    private final class GuardedStream extends FilterInputStream {

        private final AtomicLong completedReads = new AtomicLong();
        private final ScheduledFuture<?> check;
        private long readsAtLastCheck = -1;
        private volatile boolean stalled;

        GuardedStream(InputStream body) {
            super(body);
            long period = idleTimeout.toMillis();
            check = timer.scheduleAtFixedRate(this::checkProgress, period, period, TimeUnit.MILLISECONDS);
        }

        /** Runs on the timer thread only. */
        private void checkProgress() {
            if (stalled) {
                return;
            }
            long reads = completedReads.get();
            if (reads == readsAtLastCheck) {
                stalled = true;
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing is only to wake the reader; the stall is reported by read
                }
                return;
            }
            readsAtLastCheck = reads;
        }

        @Override
        public int read() throws IOException {
            try {
                int read = in.read();
                completedReads.incrementAndGet();
                return read;
            } catch (IOException failed) {
                throw stalledOr(failed);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int read = in.read(buffer, offset, length);
                completedReads.incrementAndGet();
                return read;
            } catch (IOException failed) {
                throw stalledOr(failed);
            }
        }

        private IOException stalledOr(IOException failed) {
            if (!stalled) {
                return failed;
            }
            InterruptedIOException stall = new InterruptedIOException("no data for " + idleTimeout.toMillis() + " ms");
            stall.initCause(failed);
            return stall;
        }

        @Override
        public void close() throws IOException {
            check.cancel(false);
            super.close();
        }
    }
}
