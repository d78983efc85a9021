package io.prompd.client.install.registry;

/**
 * Hears how many of the registry's index documents a run has read while its {@link RegistryIndex} fetches them,
 * from the fetching threads: against a slow registry, the seconds before anything is downloaded are theirs.
 */
public interface IndexProgress extends AutoCloseable {

    IndexProgress NONE = new IndexProgress() {
        @Override
        public void reading(int read) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Documents are being fetched, {@code read} of them read so far: told from each fetching thread as it counts,
     * without a lock, a count may come after a greater one.
     */
    void reading(int read);

    /** The index is closed: nothing more is fetched. */
    @Override
    void close();
}
