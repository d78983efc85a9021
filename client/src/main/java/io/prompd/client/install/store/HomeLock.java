package io.prompd.client.install.store;

import io.prompd.core.files.RunLock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The home's {@link RunLock}, held, once what a run killed while holding it left in the store and
 * the cache is gone ({@link RunLocks#home}). Taking the lock wipes the killed run's record, the
 * only sign of its leftovers, so every command taking it cleans them first.
 *
 * @param repaired what was removed, the store's and then the cache's; empty unless the last holder was killed
 */
public record HomeLock(RunLock lock, List<Path> repaired) implements AutoCloseable {

    public HomeLock {
        Objects.requireNonNull(lock, "lock");
        repaired = List.copyOf(repaired);
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
