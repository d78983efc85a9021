package io.prompd.generator.build;

import io.prompd.core.SortedCopies;
import io.prompd.generator.source.PackageVersion;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The takedowns an output serves, which a build of an older commit must not undo unasked.
 *
 * @param commit  the registry commit the output was built from
 * @param reasons every version taken down, to its reason (empty when none was given)
 */
record ServedTakedowns(String commit, SortedMap<PackageVersion, String> reasons) {

    ServedTakedowns {
        Objects.requireNonNull(commit, "commit");
        reasons = SortedCopies.map(reasons);
    }

    static ServedTakedowns of(BuildState state) {
        SortedMap<PackageVersion, String> reasons = new TreeMap<>();
        state.packages().forEach((name, old) -> old.meta().takenDown().forEach((version, reason) ->
                reasons.put(new PackageVersion(name, version), reason)));
        return new ServedTakedowns(state.commit(), reasons);
    }
}
