package io.prompd.client.http;

/**
 * Hears how a download proceeds. Calls come from the downloading thread, in order: {@code started}
 * once per attempt (a retry starts over), {@code advanced} per chunk, {@code finished} once at the end,
 * whether the download succeeded or not.
 */
public interface ProgressListener {

    /** Hears nothing: for quiet runs and when stderr is not a terminal. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(long totalBytes) {
        }

        @Override
        public void advanced(long bytes) {
        }

        @Override
        public void finished() {
        }
    };

    /** A transfer (re)starts from zero; {@code totalBytes} is -1 when the server did not say. */
    void started(long totalBytes);

    /** {@code bytes} more arrived. */
    void advanced(long bytes);

    void finished();
}
