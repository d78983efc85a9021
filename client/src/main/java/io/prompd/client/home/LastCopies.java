package io.prompd.client.home;

import io.prompd.client.install.InstallNote;
import io.prompd.client.install.LastCopyPlace;
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
 * on this machine alone, so the last of them is kept unless forced, and then warned of: {@code uninstall --global}
 * refuses to remove it from the store, {@code cache clean} deletes the rest of the cache without it. One whose registry
 * could not be read is removed with a warning that it may have been the last. Each {@link LastCopyPlace} is told in its
 * own words.
 */
final class LastCopies {

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
     * The refusal to remove from the store versions no install can put back, nothing removed, saying why of each: a
     * version taken down for a leaked secret is meant to stay installed where it is until its projects move off it.
     *
     * @param keepingTheOthers how to remove the others alone, after "keep them", or empty
     */
    static PrompdException refusal(List<Redownload> lost, String keepingTheOthers) {
        boolean one = lost.size() == 1;
        String them = Plural.itOrThem(lost.size());
        LastCopyPlace place = LastCopyPlace.STORE;
        return new PrompdException(ExitCode.CONFLICT, place.copiesOf(Redownload.specs(lost), one)
                + (one ? " is its last" : " are their last") + " (" + Redownload.whys(lost) + "): no 'prompd install'"
                + " can download " + them + " again; nothing was removed", "a project whose prompd.lock pins "
                + (one ? "it" : "one of them") + " installs it from " + place.source(one) + " alone: keep " + them
                + keepingTheOthers + "; to " + place.verb() + " " + them + " anyway, add --force");
    }

    /**
     * The failure of a {@code cache clean} that deleted everything else but kept the tarballs that are the last copies
     * of versions no install can download again, saying why of each and the two ways to have them go: deleting them
     * anyway, or putting the versions back in the store first, where they are kept.
     */
    static PrompdException kept(List<Redownload> lost, SuggestedCommands commands) {
        boolean one = lost.size() == 1;
        String them = Plural.itOrThem(lost.size());
        LastCopyPlace place = LastCopyPlace.CACHE;
        return new PrompdException(ExitCode.CONFLICT, "kept " + place.copiesOf(Redownload.specs(lost), one)
                + (one ? ", its last copy" : ", their last copies") + " (" + Redownload.whys(lost) + "): no 'prompd"
                + " install' can download " + them + " again", "a project whose prompd.lock pins "
                + (one ? "it" : "one of them") + " installs it from " + place.source(one) + " alone: to "
                + place.verb() + " " + them + " too, add --force; to empty the cache and keep " + them + ", run "
                + commands.quoted("install") + " in a project pinning " + them + " first, which puts " + them
                + " back in the store");
    }

    /**
     * The warnings of the versions removed that cannot be downloaded again, each its own, then of those not known to
     * be able to, one a registry and failure: an unreachable registry fails every index alike.
     *
     * @param found what {@link #checked} found
     * @param place where the copies removed were
     */
    static List<InstallNote> warnings(List<Redownload> found, LastCopyPlace place) {
        List<InstallNote> warnings = new ArrayList<>();
        found.stream().filter(Redownload::lost).forEach(one -> warnings.add(new InstallNote.LastCopyRemoved(one,
                place)));
        Map<List<String>, List<Redownload>> unknown = new LinkedHashMap<>();
        found.stream().filter(one -> one.fate() == Redownload.Fate.UNKNOWN).forEach(one -> unknown
                .computeIfAbsent(List.of(one.registry(), one.detail().orElseThrow()), why -> new ArrayList<>())
                .add(one));
        unknown.values().forEach(same -> warnings.add(new InstallNote.RemovedUnchecked(same, place)));
        return List.copyOf(warnings);
    }
}
