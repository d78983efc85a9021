package io.prompd.core.resolve;

import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Optional;

/**
 * The versions of a package a failure names beside a range none of them meets, so that a range asking for another is
 * seen at once to be off: the resolver's explanation and {@code prompd info} say them alike.
 */
public final class NearestVersions {

    /** How many versions a failure names at most. */
    private static final int SHOWN = 3;

    private NearestVersions() {
    }

    /**
     * {@code …, 1.1.0, 2.0.0, 2.1.0}: the versions nearest the range on either side of it, the one above it first
     * ({@code ^0.0.1} of {@code 0.0.3, 0.1.0, …}: the highest left out the closest), the highest when it lies above
     * them all; those it lets through but for npm's rule on pre-releases, the highest of them, when there are as many
     * as are shown; for one version asked for, those nearest it, of its major.minor.patch first, and the one it meant
     * when only the case of its letters differs, which SemVer compares as another pre-release ({@code …; did you mean
     * 1.0.0-rc.1? …}). Empty when there is none.
     *
     * @param versions the versions there are, in ascending order, each once
     */
    public static Optional<String> around(List<Version> versions, VersionRange range) {
        int count = versions.size();
        if (count == 0) {
            return Optional.empty();
        }
        Optional<Version> asked = range.exactVersion();
        Optional<Version> meant = asked.flatMap(version -> versions.stream()
                .filter(published -> published.toString().equalsIgnoreCase(version.toString())).findFirst());
        Optional<Version> centre = meant.or(() -> asked);
        // the versions below the range, and those not above it: the span between lies within its bounds
        int below = (int) versions.stream().filter(version -> centre.map(at -> version.compareTo(at) < 0)
                .orElseGet(() -> range.isAbove(version))).count();
        int notAbove = centre.isPresent() ? below : count - (int) versions.stream().filter(range::isBelow).count();
        int[] nearest = nearest(versions, below, notAbove, centre);
        // an ellipsis standing for one version hides it and saves nothing
        int from = nearest[0] == 1 ? 0 : nearest[0];
        int to = nearest[1] == count - 1 ? count : nearest[1];
        List<String> listed = versions.subList(from, to).stream().map(Version::toString).toList();
        return Optional.of((from > 0 ? "…, " : "") + String.join(", ", listed) + (to < count ? ", …" : "")
                + meant.map(version -> "; did you mean " + version + "? the letters of a version are matched in their"
                        + " case").orElse(""));
    }

    /**
     * The indexes {@code [from, to)} of at most {@link #SHOWN} versions around the span {@code [start, end)} where the
     * range is: the highest of the span when it holds as many; else the span and its neighbours on either side in turn,
     * those of {@code centre}'s major.minor.patch first.
     */
    private static int[] nearest(List<Version> versions, int start, int end, Optional<Version> centre) {
        if (end - start >= SHOWN) {
            return new int[] {end - SHOWN, end};
        }
        int count = versions.size();
        int from = start;
        int to = end;
        while (to - from < Math.min(SHOWN, count)) {
            boolean below = from > 0 && centre.filter(versions.get(from - 1)::sameMajorMinorPatch).isPresent();
            boolean above = to < count && centre.filter(versions.get(to)::sameMajorMinorPatch).isPresent();
            boolean takeAbove = to < count && (above || !below && (from == 0 || to - end <= start - from));
            if (takeAbove) {
                to++;
            } else {
                from--;
            }
        }
        return new int[] {from, to};
    }
}
