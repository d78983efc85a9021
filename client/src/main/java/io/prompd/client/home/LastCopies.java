package io.prompd.client.home;

import io.prompd.client.config.Settings;
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
 * could not be read is removed by {@code uninstall --global}, which was asked for that version, with a warning that it
 * may have been the last, and kept by {@code cache clean}, which was asked to empty a cache. Each
 * {@link LastCopyPlace} is told in its own words.
 */
final class LastCopies {

    private LastCopies() {
    }

    /**
     * What the registries say of the versions whose copies are to be removed, in name and version order, read as
     * {@link Redownloads#of} reads them: a fault on this machine fails rather than leave a version unknown.
     *
     * @param refusal the refusal of the versions {@link #guarded}, unless {@code force}
     * @throws PrompdException {@code refusal}'s when a version is guarded and not {@code force}
     */
    static List<Redownload> checked(Redownloads redownloads, SortedMap<PackageName, SortedSet<Version>> versions,
                                    boolean force, Function<List<Redownload>, PrompdException> refusal)
            throws IOException {
        List<Redownload> found = redownloads.of(versions);
        List<Redownload> guarded = guarded(found);
        if (!guarded.isEmpty() && !force) {
            throw refusal.apply(guarded);
        }
        return found;
    }

    /**
     * Those of the versions found whose last copies a removal keeps unless forced: those no install can download
     * again, and those no registry is configured to tell of ({@link Redownload.Fate#UNROUTED}), a state of this
     * machine's configuration the user mends, not a registry's failure, which a removal goes past with a warning.
     */
    static List<Redownload> guarded(List<Redownload> found) {
        return found.stream().filter(one -> one.lost() || one.fate() == Redownload.Fate.UNROUTED).toList();
    }

    /**
     * Those of the versions found whose tarballs {@code cache clean} keeps unless forced: those {@link #guarded}, and
     * those whose registry could not be read too, as emptying a cache is no request to let a version go, and its look
     * asks each index once ({@code RegistryFetcher.lookingOnly}): a 503 to it must not lose a version for good.
     */
    static List<Redownload> keptInCache(List<Redownload> found) {
        return found.stream().filter(one -> one.lost() || one.unknown()).toList();
    }

    /**
     * The refusal to remove from the store versions no install can put back, or that no registry is configured to
     * tell of, nothing removed, saying why of each: a version taken down for a leaked secret is meant to stay
     * installed where it is until its projects move off it.
     *
     * @param keepingTheOthers how to remove the others alone, after "keep them", or empty
     */
    static PrompdException refusal(List<Redownload> guarded, String keepingTheOthers, SuggestedCommands commands) {
        LastCopyPlace place = LastCopyPlace.STORE;
        Split split = new Split(guarded);
        List<String> why = split.whys(place, one -> one ? " is its last" : " are their last",
                one -> one ? " may be its last" : " may be their last");
        String them = Plural.itOrThem(guarded.size());
        return new PrompdException(ExitCode.CONFLICT, String.join("; ", why) + "; nothing was removed",
                split.installsFrom(place) + ": keep " + them + keepingTheOthers + split.toConfigure(commands)
                        + "; to " + place.verb() + " " + them + " anyway, add --force");
    }

    /**
     * The failure of a {@code cache clean} that deleted everything else but kept the tarballs that are the last copies
     * of versions no install can download again, or may be, no registry being configured to tell or the registry
     * unread ({@link #keptInCache}), saying why of each and the ways to have them go: deleting them anyway, asking
     * again, or putting the versions back in the store first, where they are kept.
     */
    static PrompdException kept(List<Redownload> guarded, SuggestedCommands commands) {
        LastCopyPlace place = LastCopyPlace.CACHE;
        Split split = new Split(guarded);
        List<String> why = split.whys(place, one -> one ? ", its last copy" : ", their last copies",
                one -> one ? ", which may be its last copy" : ", which may be their last copies");
        String them = Plural.itOrThem(guarded.size());
        return new PrompdException(ExitCode.CONFLICT, "kept " + String.join("; and ", why), split.installsFrom(place)
                + ": to " + place.verb() + " " + them + " too, add --force" + split.toConfigure(commands)
                + split.toAskAgain() + "; to empty the cache and keep " + them + ", run " + commands.quoted("install")
                + " in a project pinning " + them + " first, which puts " + them + " back in the store");
    }

    /**
     * Versions guarded, those lost apart from those no registry is configured to tell of and from those whose registry
     * could not be read.
     */
    private record Split(List<Redownload> lost, List<Redownload> unrouted, List<Redownload> unread) {

        Split(List<Redownload> guarded) {
            this(guarded.stream().filter(Redownload::lost).toList(),
                    guarded.stream().filter(one -> one.fate() == Redownload.Fate.UNROUTED).toList(),
                    guarded.stream().filter(one -> one.fate() == Redownload.Fate.UNKNOWN).toList());
        }

        /**
         * {@code a project whose prompd.lock pins it installs it from this copy alone}; where the error says it only
         * may be the last, {@code … may install it only from this copy}; where it says both, each of its versions:
         * {@code a project whose prompd.lock pins A installs it from its tarball alone, and one pinning B may install
         * it only from its tarball}, as the versions lost certainly are last copies.
         */
        String installsFrom(LastCopyPlace place) {
            List<Redownload> maybe = new ArrayList<>(unrouted);
            maybe.addAll(unread);
            boolean one = lost.size() + maybe.size() == 1;
            String pinned = "a project whose prompd.lock pins ";
            if (maybe.isEmpty()) {
                return pinned + (one ? "it" : "one of them") + " installs it from " + place.source(one) + " alone";
            }
            if (lost.isEmpty()) {
                return pinned + (one ? "it" : "one of them") + " may install it only from " + place.source(one);
            }
            return pinned + oneOf(lost) + " installs it from " + place.source(false) + " alone, and one pinning "
                    + oneOf(maybe) + " may install it only from " + place.source(false);
        }

        /** {@code A}, or {@code one of A and B}. */
        private static String oneOf(List<Redownload> versions) {
            return (versions.size() == 1 ? "" : "one of ") + Redownload.specs(versions);
        }

        /**
         * Why of those lost, then of those no registry serves, then of those whose registry could not be read, each
         * part when there are any: {@code <copies><last> (why): no 'prompd install' can download it again},
         * {@code <copies><mayBeLast>: no registry can be asked of it (why), so whether …}, {@code <copies><mayBeLast>
         * (why): whether … is not known}.
         *
         * @param last      the copies' lastness, after their name, for one version or several
         * @param mayBeLast the same, for those no registry serves or whose registry could not be read
         */
        List<String> whys(LastCopyPlace place, Function<Boolean, String> last, Function<Boolean, String> mayBeLast) {
            List<String> whys = new ArrayList<>();
            if (!lost.isEmpty()) {
                boolean one = lost.size() == 1;
                whys.add(place.copiesOf(Redownload.specs(lost), one) + last.apply(one) + " (" + Redownload.whys(lost)
                        + "): no 'prompd install' can download " + Plural.itOrThem(lost.size()) + " again");
            }
            if (!unrouted.isEmpty()) {
                boolean one = unrouted.size() == 1;
                String them = Plural.itOrThem(unrouted.size());
                whys.add(place.copiesOf(Redownload.specs(unrouted), one) + mayBeLast.apply(one) + ": no registry can"
                        + " be asked of " + them + " (" + Redownload.whys(unrouted) + "), so whether 'prompd install'"
                        + " can download " + them + " again is not known");
            }
            if (!unread.isEmpty()) {
                boolean one = unread.size() == 1;
                whys.add(place.copiesOf(Redownload.specs(unread), one) + mayBeLast.apply(one) + " ("
                        + Redownload.whys(unread) + "): whether 'prompd install' can download "
                        + Plural.itOrThem(unread.size()) + " again is not known");
            }
            return whys;
        }

        /**
         * That the indexes of those whose registry could not be read were not read, and to run again, after a
         * semicolon; empty when there are none.
         */
        String toAskAgain() {
            if (unread.isEmpty()) {
                return "";
            }
            boolean one = unread.size() == 1;
            // other kinds told too, the versions of this one are named
            String whose = lost.isEmpty() && unrouted.isEmpty() ? (one ? "its index" : "their indexes")
                    : (one ? "the index of " : "the indexes of ") + Redownload.specs(unread);
            return "; " + whose + " could not be read, so run this again once " + (one ? "it" : "they")
                    + " can be read (later, or online)";
        }

        /** How to have a registry asked of those no registry serves, after a semicolon; empty when there are none. */
        String toConfigure(SuggestedCommands commands) {
            if (unrouted.isEmpty()) {
                return "";
            }
            // other kinds told too, the versions of this one are named
            String them = lost.isEmpty() && unread.isEmpty() ? Plural.itOrThem(unrouted.size())
                    : Redownload.specs(unrouted);
            return "; to have the registry serving " + them + " asked, name it with --registry URL (or set "
                    + Settings.REGISTRY_VARIABLE + " to it), or add it with "
                    + commands.quoted("registry add NAME URL --default") + ", and run this again";
        }
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
        found.stream().filter(Redownload::unknown).forEach(one -> unknown
                .computeIfAbsent(List.of(one.registry(), one.detail().orElseThrow()), why -> new ArrayList<>())
                .add(one));
        unknown.values().forEach(same -> warnings.add(new InstallNote.RemovedUnchecked(same, place)));
        return List.copyOf(warnings);
    }
}
