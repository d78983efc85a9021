package io.prompd.core.resolve;

import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

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
     * {@code …, 1.1.0, 2.0.0, 2.1.0}: the highest versions there are; for one version asked for, those nearest it,
     * whose neighbours the highest were not, and the one it meant when only the case of its letters differs, which
     * SemVer compares as another pre-release ({@code …; did you mean 1.0.0-rc.1? …}). Empty when there is none.
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
        int[] shown = meant.or(() -> asked).map(version -> nearest(versions, version))
                .orElse(new int[] {Math.max(0, count - SHOWN), count});
        List<String> listed = versions.subList(shown[0], shown[1]).stream().map(Version::toString).toList();
        return Optional.of((shown[0] > 0 ? "…, " : "") + String.join(", ", listed) + (shown[1] < count ? ", …" : "")
                + meant.map(version -> "; did you mean " + version + "? the letters of a version are matched in their"
                        + " case").orElse(""));
    }

    /**
     * The indexes {@code [from, to)} of at most {@link #SHOWN} versions around where {@code asked} would be: those of
     * its major.minor.patch first, then the neighbours on either side in turn.
     */
    private static int[] nearest(List<Version> versions, Version asked) {
        int count = versions.size();
        int at = (int) IntStream.range(0, count).filter(index -> versions.get(index).compareTo(asked) < 0).count();
        int from = at;
        int to = at;
        while (to - from < Math.min(SHOWN, count)) {
            boolean below = from > 0 && versions.get(from - 1).sameMajorMinorPatch(asked);
            boolean above = to < count && versions.get(to).sameMajorMinorPatch(asked);
            boolean takeAbove = to < count && (above || !below && (from == 0 || to - at <= at - from));
            if (takeAbove) {
                to++;
            } else {
                from--;
            }
        }
        return new int[] {from, to};
    }
}
