package io.prompd.generator.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Where a version entered the registry: the commit that added its {@code prompd.json} and that
 * commit's committer time, the version's publish time.
 */
public record Publication(ObjectId commit, Instant time) {

    public Publication {
        commit = commit.copy();
        Objects.requireNonNull(time, "time");
    }

    /** {@code abc1234 (2026-03-01)}, for messages such as "published in commit abc1234 (2026-03-01)". */
    public String describe() {
        return RegistryRepository.shortId(commit) + " (" + date() + ")";
    }

    /** The day of {@link #time}, in UTC. */
    public LocalDate date() {
        return time.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
