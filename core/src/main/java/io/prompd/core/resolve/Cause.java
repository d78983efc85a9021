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

    /**
     * Learned during conflict resolution from an incompatibility and the cause of its satisfier.
     *
     * @param on the package resolved on: the satisfier's, of which the learned incompatibility keeps no term of theirs
     */
    record Conflict(Incompatibility conflict, Incompatibility other, Domain on) implements Cause {

        /**
         * Whether the step joins two ranges on one package: both say that the package resolved on must take a version
         * within a range, or one selects a package at some versions that the other says must take a version within
         * a range. Only a graph holding one version of each package makes such a step hold, where one ruling out
         * versions that cannot be used holds whatever the graph.
         */
        boolean joinsRanges() {
            return requires(conflict, on) && requires(other, on) || conflict.terms().stream()
                    .anyMatch(term -> term.domain() != on && other.terms().stream()
                            .anyMatch(that -> that.domain() == term.domain() && that.isPositive() != term.isPositive()));
        }

        private static boolean requires(Incompatibility incompatibility, Domain domain) {
            return incompatibility.terms().stream().anyMatch(term -> term.domain() == domain && !term.isPositive());
        }
    }
}
