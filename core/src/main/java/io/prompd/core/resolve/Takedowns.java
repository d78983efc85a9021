package io.prompd.core.resolve;

import io.prompd.core.Plural;
import io.prompd.core.SortedCopies;
import io.prompd.core.TerminalText;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * The versions of a package its registry took down. They are no longer published, so the resolver
 * never sees them; a failure names those a range would have matched, with the maintainers' reasons,
 * so that the user learns why the range matches nothing rather than only that it does.
 *
 * @param reasons       version to the maintainers' reason, blank when they gave none
 * @param noVersionLeft whether every version the package had is taken down
 */
public record Takedowns(SortedMap<Version, String> reasons, boolean noVersionLeft) {

    /** What an index that knows of no takedown answers. */
    public static final Takedowns NONE = new Takedowns(Collections.emptySortedMap(), false);

    public Takedowns {
        reasons = SortedCopies.map(Objects.requireNonNull(reasons, "reasons"));
        if (noVersionLeft && reasons.isEmpty()) {
            throw new IllegalArgumentException("a package with no version left had at least one taken down");
        }
    }

    /** {@code every version of @a/b is taken down (1.0.0: leaked an API key; 1.1.0)}, each version with its reason. */
    public String everyVersion(PackageName name) {
        return "every version of " + name + " is taken down (" + withReasons(reasons) + ")";
    }

    /**
     * {@code 1.0.0: leaked an API key; 1.1.0}: each taken down, a version or a package's version, with the
     * maintainers' reason when they gave one, in the map's order.
     */
    public static String withReasons(Map<?, String> reasons) {
        return reasons.entrySet().stream()
                .map(entry -> TerminalText.labelled(entry.getKey().toString(), entry.getValue()))
                .collect(Collectors.joining("; "));
    }

    /**
     * {@code 1.2.0 and 1.3.0 are taken down: leaked an API key}, the versions the range would have matched, those
     * of the same reason together, groups apart with {@code ;}; empty when the range would have matched none.
     */
    public Optional<String> matching(VersionRange range) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        reasons.forEach((version, reason) -> {
            if (range.satisfiedBy(version)) {
                byReason.computeIfAbsent(TerminalText.reason(reason), same -> new ArrayList<>())
                        .add(version.toString());
            }
        });
        if (byReason.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(byReason.entrySet().stream()
                .map(group -> Plural.series(group.getValue(), "and") + (group.getValue().size() == 1 ? " is" : " are")
                        + " taken down" + (group.getKey().isEmpty() ? "" : ": " + group.getKey()))
                .collect(Collectors.joining("; ")));
    }
}
