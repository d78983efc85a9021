package io.prompd.core.resolve;

import io.prompd.core.version.VersionRange;

/** Why an incompatibility holds: given by the data, or derived from two others. */
sealed interface Cause {

    /** The project must be selected. */
    record Root() implements Cause {
    }

    /**
     * The depender's versions all declare a dependency on the target's range.
     *
     * @param depender the versions declaring the dependency
     * @param target   the versions the range allows, labelled with the range
     * @param range    the range as declared
     */
    record Dependency(Term depender, Term target, VersionRange range) implements Cause {

        /** The dependency can never be met: the target does not exist or no version matches the range. */
        boolean isUnsatisfiable() {
            return target.isEmpty();
        }
    }

    /** Learned during conflict resolution from an incompatibility and the cause of its satisfier. */
    record Conflict(Incompatibility conflict, Incompatibility other) implements Cause {
    }
}
