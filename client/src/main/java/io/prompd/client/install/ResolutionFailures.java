package io.prompd.client.install;

import io.prompd.core.PrompdException;
import io.prompd.core.resolve.ResolutionException;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.util.Optional;

/**
 * The failures that say no versions go together, told from the others, and what they say of plans tried for them
 * alone. Only such a failure may another choice answer (any release for a package named alone, prompd.json's own
 * range for a move of {@code update --latest}, the lock kept by an uninstall), and only it says why a version cannot
 * go: the network or a registry's changed bytes fail every choice alike.
 */
final class ResolutionFailures {

    private ResolutionFailures() {
    }

    /** Whether the resolver failed, as it said it or reworded with a way past, which keeps its failure as the cause. */
    static boolean isOne(PrompdException failure) {
        return failure instanceof ResolutionException || failure.getCause() instanceof ResolutionException;
    }

    /** A plan to try for what its failure says; not taken, it is neither audited nor installed. */
    @FunctionalInterface
    interface Attempt {
        Plan plan() throws IOException;
    }

    /**
     * Why a plan cannot be made, in the resolver's words, as a command asking for it would fail; empty when it can be,
     * or when it fails for another reason than the resolution, which a plan the run does not take need not meet.
     */
    static Optional<String> whyNot(Attempt attempt) throws IOException {
        try {
            attempt.plan();
            return Optional.empty();
        } catch (PrompdException failed) {
            return isOne(failed) ? Optional.of(failed.getMessage().strip()) : Optional.empty();
        }
    }

    /** The range of one version alone, as asking for that version gives it, which a version is tried at. */
    static VersionRange exactly(Version version) {
        return VersionRange.parse(version.toString());
    }
}
