package io.prompd.client.home;

import io.prompd.client.install.InstallNote;
import io.prompd.client.install.Redownload;
import io.prompd.client.install.Redownloads;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * The guard of the last copy of a version: one no install can download again (its registry took it down, no longer
 * lists it, or no longer has the package) is installed, by a project whose {@code prompd.lock} pins it, from the copies
 * on this machine alone, so removing the last of them is refused unless forced, and then warned of; one whose registry
 * could not be read is removed with a warning that it may have been the last. The store's copies and the cache's
 * tarballs are guarded alike, each told in its own words.
 */
final class LastCopies {

    /** Where the copies a removal would lose are, in the words of its refusal. */
    enum Place {
        STORE("the store's copy", "the store's copies", " is its last", " are their last", "copy", "remove"),
        CACHE("the cache's tarball", "the cache's tarballs", " is its last copy", " are their last copies", "tarball",
                "delete");

        private final String ofOne;
        private final String ofSeveral;
        private final String lastOfOne;
        private final String lastOfSeveral;
        private final String copy;
        private final String verb;

        Place(String ofOne, String ofSeveral, String lastOfOne, String lastOfSeveral, String copy, String verb) {
            this.ofOne = ofOne;
            this.ofSeveral = ofSeveral;
            this.lastOfOne = lastOfOne;
            this.lastOfSeveral = lastOfSeveral;
            this.copy = copy;
            this.verb = verb;
        }
    }

    private LastCopies() {
    }

    /**
     * What the registries say of the versions whose copies are to be removed, in name and version order, read as
     * {@link Redownloads#of} reads them: a fault on this machine fails rather than leave a version unknown.
     *
     * @param refusal the refusal of the versions lost, unless {@code force}
     * @throws PrompdException {@code refusal}'s when a version cannot be downloaded again and not {@code force}
     */
    static List<Redownload> checked(Redownloads redownloads, SortedMap<PackageName, SortedSet<Version>> versions,
                                    boolean force, Function<List<Redownload>, PrompdException> refusal)
            throws IOException {
        List<Redownload> found = redownloads.of(versions);
        List<Redownload> lost = guarded(found);
        if (!lost.isEmpty() && !force) {
            throw refusal.apply(lost);
        }
        return found;
    }

    /** Those of the versions found whose last copies a removal keeps unless forced: no install can download them. */
    static List<Redownload> guarded(List<Redownload> found) {
        return found.stream().filter(Redownload::lost).toList();
    }

    /**
     * The refusal to remove versions no install can put back, nothing removed, saying why of each: a version taken
     * down for a leaked secret is meant to stay installed where it is until its projects move off it.
     *
     * @param keepingTheOthers how to remove the others alone, after "keep them", or empty
     */
    static PrompdException refusal(List<Redownload> lost, Place place, String keepingTheOthers) {
        boolean one = lost.size() == 1;
        String them = Plural.itOrThem(lost.size());
        return new PrompdException(ExitCode.CONFLICT, (one ? place.ofOne : place.ofSeveral) + " of "
                + Redownload.specs(lost) + (one ? place.lastOfOne : place.lastOfSeveral) + " ("
                + Redownload.whys(lost) + "): no 'prompd install' can download " + them + " again; nothing was "
                + place.verb + "d", "a project whose prompd.lock pins " + (one ? "it" : "one") + " installs it from"
                + " this " + place.copy + " alone: keep " + them + keepingTheOthers + "; to " + place.verb + " "
                + them + " anyway, add --force");
    }

    /**
     * The failure of a {@code cache clean} that deleted everything else but kept the tarballs that are the last copies
     * of versions no install can download again, saying why of each and the two ways to have them go: deleting them
     * anyway, or putting the versions back in the store first, where they are kept.
     */
    static PrompdException kept(List<Redownload> lost, SuggestedCommands commands) {
        boolean one = lost.size() == 1;
        String them = Plural.itOrThem(lost.size());
        String specs = Redownload.specs(lost);
        return new PrompdException(ExitCode.CONFLICT, "kept " + (one ? "the cache's tarball of " + specs
                + ", its last copy" : "the cache's tarballs of " + specs + ", their last copies") + " ("
                + Redownload.whys(lost) + "): no 'prompd install' can download " + them + " again",
                "a project whose prompd.lock pins " + (one ? "it installs it from that tarball"
                        : "one of them installs it from its tarball") + " alone: to delete " + them + " too, add"
                        + " --force; to empty the cache and keep " + them + ", run " + commands.quoted("install")
                        + " in a project pinning " + them + " first, which puts " + them + " back in the store");
    }

    /**
     * The warnings of the versions removed that cannot be downloaded again, each its own, then of those not known to
     * be able to, one a registry and failure: an unreachable registry fails every index alike.
     *
     * @param found what {@link #checked} found
     */
    static List<InstallNote> warnings(List<Redownload> found) {
        List<InstallNote> warnings = new ArrayList<>();
        found.stream().filter(Redownload::lost).forEach(one -> warnings.add(new InstallNote.LastCopyRemoved(one)));
        Map<List<String>, List<Redownload>> unknown = new LinkedHashMap<>();
        found.stream().filter(one -> one.fate() == Redownload.Fate.UNKNOWN).forEach(one -> unknown
                .computeIfAbsent(List.of(one.registry(), one.detail().orElseThrow()), why -> new ArrayList<>())
                .add(one));
        unknown.values().forEach(same -> warnings.add(new InstallNote.RemovedUnchecked(same)));
        return List.copyOf(warnings);
    }
}
