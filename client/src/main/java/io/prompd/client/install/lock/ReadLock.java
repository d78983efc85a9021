package io.prompd.client.install.lock;

import java.util.Objects;
import java.util.Optional;

/**
 * A project's {@code prompd.lock} as an install reads it.
 *
 * @param lock       the lock, or for one a Git merge left with conflict markers the merge of its sides
 * @param conflicted the sides of such a lock, which an install writes in one, without markers
 */
public record ReadLock(LockFile lock, Optional<ConflictedLock> conflicted) {

    public ReadLock {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(conflicted, "conflicted");
    }
}
