package io.prompd.client.install;

import io.prompd.client.install.TakedownGraph.Need;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.client.install.registry.RegistryMention;
import io.prompd.client.install.registry.RouteChange;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.TerminalText;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a user should hear of a version, locked or asked for, that its registry has yanked, deprecated or taken down.
 */
public final class StatusNotes {

    /** What is said of a locked version its registry no longer lists without recording a takedown of it. */
    public static final String NO_LONGER_LISTED = "no longer listed by its registry";

    private StatusNotes() {
    }

    /**
     * @param graph    the project's ranges, which decide the way off a yanked version
     * @param packages the indexes of the packages needing it, whose newer versions may ask for another
     * @param known    the locked version, as {@code published} lists it
     * @param pinned   whether the run installs it because the lock file pins it
     * @param commands how the way off spells the prompd commands it suggests
     */
    static List<InstallNote> of(ProjectGraph graph, PackageLookup packages, PublishedPackage published,
                                VersionSummary known, boolean pinned, SuggestedCommands commands) {
        List<InstallNote> notes = new ArrayList<>();
        PackageName name = published.packument().name();
        if (known.yanked() != null) {
            notes.add(new InstallNote.Yanked(name, known.version(), known.yanked(), pinned,
                    wayOff(graph, packages, published, known.version(), commands)));
        }
        if (known.deprecated() != null) {
            notes.add(new InstallNote.Deprecated(name, known.version(), known.deprecated()));
        }
        return notes;
    }

    /**
     * What to say of a locked version that its registry no longer lists: taken down, with the
     * maintainers' reason when its index records one. Its tarball is gone, so an install that does not
     * have it yet fails for it, and the way off is the same as a yanked version's.
     *
     * @param packages as {@link #of} takes it
     * @param pinned   whether the run installs it from the copy at hand because the lock file pins it
     */
    static InstallNote.TakenDown takenDown(ProjectGraph graph, PackageLookup packages, PublishedPackage published,
                                           Version locked, boolean pinned, SuggestedCommands commands) {
        return new InstallNote.TakenDown(published.packument().name(), locked,
                Optional.ofNullable(published.packument().takenDown().get(locked)), pinned,
                wayOff(graph, packages, published, locked, commands));
    }

    /**
     * What to say of a locked version whose package its registry no longer has at all, as a version taken down is
     * told of; {@link #vanishedWayOff} says the way off it.
     *
     * @param registry the registry as messages name it
     */
    public static String vanished(PackageName name, Version locked, String registry) {
        return name + "@" + locked + " is locked in " + LockFile.FILE_NAME + ", but " + registry + " no longer has "
                + name;
    }

    /**
     * What to say of a version locked from another registry than its name resolves in now, which lacks it or lists it
     * with other bytes: the versions there may be another's package, so {@code outdated} offers none and a resolution
     * keeps the locked one.
     */
    public static String lockedElsewhere(InstallNote.RouteChanged moved) {
        return notThere(moved) + "; its versions there may be another's package, so none is offered ("
                + moved.waysBack() + ")";
    }

    /**
     * {@code @a/x@1.0.0 is locked in prompd.lock from registry corp (…), and @a now resolves in …, which does not have
     * it}.
     */
    static String notThere(InstallNote.RouteChanged moved) {
        return lockedFrom(moved) + listing(moved);
    }

    /**
     * As {@link #notThere} says it of a registry listing the locked bytes, once its tarball of them had other bytes:
     * what it lists is the integrity, which any registry can copy from a lock, not the bytes it serves.
     */
    static String servingOtherBytes(InstallNote.RouteChanged moved) {
        return lockedFrom(moved) + ", which is " + notItsRegistry(moved) + ", and whose index lists it with the"
                + " integrity " + LockFile.FILE_NAME + " pins but whose tarball of it does not match that integrity";
    }

    /** {@code @a/x@1.0.0 is locked in prompd.lock from registry corp (…), and @a now resolves in …}. */
    private static String lockedFrom(InstallNote.RouteChanged moved) {
        return moved.name() + "@" + moved.version() + " is locked in " + LockFile.FILE_NAME + " from "
                + RouteChange.origin(moved.lockedFrom()) + ", and " + route(moved);
    }

    private static String notItsRegistry(InstallNote.RouteChanged moved) {
        return "neither the registry it was locked from nor one " + moved.routed() + " is routed to";
    }

    /** How the registry the name resolves in now lists the version locked from another. */
    private static String listing(InstallNote.RouteChanged moved) {
        if (moved.otherBytes()) {
            return ", whose copy of it has other bytes";
        }
        if (!moved.lockedBytes()) {
            return ", which does not have it";
        }
        // an unscoped name, which no route sends anywhere, has the locked package in any registry listing those bytes
        return ", which lists it with the bytes " + LockFile.FILE_NAME + " pins but is " + notItsRegistry(moved);
    }

    /** {@code @company now resolves in registry public (https://…)}. */
    static String route(InstallNote.RouteChanged moved) {
        return moved.routed() + " now resolves in registry " + moved.resolvesIn().describe();
    }

    /** As when every version is taken down, no range helps: the dependency must go, or what needs it must change. */
    static String vanishedWayOff(ProjectGraph graph, PackageName name, SuggestedCommands commands) {
        return "no version of " + name + " is left to download" + noneLeftWayOff(graph, name, commands);
    }

    /**
     * The note on a locked package its registry no longer has at all, as {@link #vanished} says it, with the way off.
     *
     * @param pinned whether the run keeps it from the copy at hand because the lock file pins it
     */
    static InstallNote.GoneFromRegistry goneFromRegistry(ProjectGraph graph, PackageName name, Version locked,
                                                         RegistryIndex index, boolean pinned) {
        return new InstallNote.GoneFromRegistry(name, locked, index.describe(name), pinned,
                vanishedWayOff(graph, name, index.commands()));
    }

    /**
     * The failure of a run that needs such a package anew, with no copy of it to keep: its way off is the note's, not
     * a name the registry has, which would be another package.
     *
     * @param cause the failure it words, a resolution's, kept so that the callers that go on past one still do
     */
    static PrompdException goneFromRegistry(ProjectGraph graph, PackageName name, Version locked,
                                            RegistryIndex index, Optional<? extends Exception> cause) {
        return new PrompdException(ExitCode.NOT_FOUND, vanished(name, locked, index.describe(name)),
                vanishedWayOff(graph, name, index.commands()), cause.orElse(null));
    }

    /** Whether a message names the package, not merely one whose name starts it ({@code @a/b} in {@code @a/b-c}). */
    static boolean names(String message, PackageName name) {
        return Pattern.compile(Pattern.quote(name.toString()) + "(?![\\w.-])").matcher(message).find();
    }

    /**
     * A dependency of prompd.json its registry does not have: no range finds it, so, as when every version is taken
     * down, the dependency must go (unless its scope's packages are in another registry, which the note says apart).
     */
    static String notInRegistryWayOff(ProjectGraph graph, PackageName name, SuggestedCommands commands) {
        return commands.quoted("install") + " cannot lock it" + noneLeftWayOff(graph, name, commands);
    }

    /**
     * An update moves off a yanked or taken down version only to another that every range allows: when
     * there is none, it keeps a yanked one (as cargo does), so saying "update" would send the user in a circle.
     * Nor does a wider range in {@code prompd.json} help where the ranges of the packages needing it allow no
     * other version, and {@code update --latest} only when they allow the latest.
     */
    static String wayOff(ProjectGraph graph, PackageLookup packages, PublishedPackage published, Version locked,
                         SuggestedCommands commands) {
        List<PackageName> moving = updateMovingOff(graph, packages, published);
        return moving.isEmpty() ? wayOffWithoutUpdate(graph, published, locked, commands)
                : update(moving, 1, commands);
    }

    /**
     * The ways off several locked versions at once, each as {@link #wayOff} says it: one 'prompd update' for all
     * those it moves off, so that following the hint does not stop at the next of them, then each other's own way.
     */
    static String waysOff(ProjectGraph graph, PackageLookup packages, List<PublishedPackage> published,
                          SuggestedCommands commands) {
        List<String> ways = new ArrayList<>();
        Map<PublishedPackage, List<PackageName>> moving = new LinkedHashMap<>();
        published.forEach(one -> moving.put(one, updateMovingOff(graph, packages, one)));
        List<PackageName> updated = moving.values().stream().flatMap(List::stream).distinct().toList();
        if (!updated.isEmpty()) {
            ways.add(update(updated, moving.values().stream().filter(names -> !names.isEmpty()).count(), commands));
        }
        published.stream().filter(one -> moving.get(one).isEmpty()).forEach(one -> {
            PackageName name = one.packument().name();
            ways.add((published.size() == 1 ? "" : "for " + name + ", ")
                    + wayOffWithoutUpdate(graph, one, graph.lock().packages().get(name).version(), commands));
        });
        return String.join("; ", ways);
    }

    /** Finds a package's index, empty when it cannot be read: the way off it would tell is then left out. */
    @FunctionalInterface
    interface PackageLookup {
        Optional<PublishedPackage> find(PackageName name);
    }

    /**
     * The packages 'prompd update' is to name to move off the locked version: the package alone when its ranges allow
     * another; else with the packages needing it when the newest versions their own ranges allow ask for one that is
     * left, as a newer release of them may no longer need what was yanked or taken down; empty when neither helps.
     */
    private static List<PackageName> updateMovingOff(ProjectGraph graph, PackageLookup packages,
                                                     PublishedPackage published) {
        PackageName name = published.packument().name();
        if (published.highestAllowed(graph.rangesOn(name)).isPresent()) {
            return List.of(name);
        }
        List<PackageName> dependents = graph.dependents(name);
        List<VersionRange> moved = new ArrayList<>();
        Optional.ofNullable(graph.roots().get(name)).ifPresent(moved::add);
        for (PackageName dependent : dependents) {
            Optional<VersionSummary> newest = packages.find(dependent).flatMap(
                    needing -> needing.highestAllowed(graph.rangesOn(dependent)).flatMap(needing::version));
            if (newest.isEmpty()) {
                return List.of();
            }
            Optional.ofNullable(newest.get().dependencies().get(name)).ifPresent(moved::add);
        }
        if (dependents.isEmpty() || published.highestAllowed(moved).isEmpty()) {
            return List.of();
        }
        List<PackageName> names = new ArrayList<>(List.of(name));
        names.addAll(dependents);
        return List.copyOf(names);
    }

    /** {@code 'prompd update @a/b @c/d' moves off it}, or {@code them} when it moves off several versions. */
    private static String update(List<PackageName> names, long versions, SuggestedCommands commands) {
        return commands.quoted("update " + String.join(" ", names.stream().map(PackageName::toString).toList()))
                + " moves off " + Plural.itOrThem(versions);
    }

    private static String wayOffWithoutUpdate(ProjectGraph graph, PublishedPackage published, Version locked,
                                              SuggestedCommands commands) {
        PackageName name = published.packument().name();
        if (published.packument().hasNoVersionLeft()) {
            return "no version of it is left" + noneLeftWayOff(graph, name, commands);
        }
        String noOther = noOtherVersion(published, graph.rangesOn(name), locked);
        VersionRange own = graph.roots().get(name);
        if (own == null) {
            return noOther + ", which the packages needing it ask for; a newer version of"
                    + " those may ask for another (" + commands.quoted("tree") + " shows them)";
        }
        List<VersionRange> needing = graph.rangesOfDependents(name);
        if (!needing.isEmpty() && published.highestAllowed(needing).isEmpty()) {
            return noOther + ", and none would with a wider range in prompd.json: the"
                    + " packages needing it ask for " + VersionRange.series(needing) + "; a newer version of those may"
                    + " ask for another (" + commands.quoted("tree") + " shows them)";
        }
        if (published.packument().versions().values().stream().allMatch(version -> version.yanked() != null)) {
            // no range reaches a version that is not yanked
            return noOther + ", and no version of it is left that is not yanked"
                    + noneLeftWayOff(graph, name, commands);
        }
        Optional<Version> newer = published.latest().filter(latest -> latest.compareTo(locked) > 0
                && !own.satisfiedBy(latest) && needing.stream().allMatch(range -> range.satisfiedBy(latest)));
        return noOther + ": " + widen(List.of(name), newer, commands);
    }

    /**
     * {@code no other version meets ^1.0.0}, or {@code every other version that meets ^1.0.0 is yanked (1.1.0: broken)}
     * when yanked ones do, which "no other" alone would deny.
     */
    private static String noOtherVersion(PublishedPackage published, List<VersionRange> ranges, Version locked) {
        SortedMap<Version, String> yanked = new TreeMap<>(published.yankedAllowed(ranges));
        yanked.remove(locked);
        return yanked.isEmpty() ? "no other version meets " + VersionRange.series(ranges)
                : "every other version that meets " + VersionRange.series(ranges) + " is yanked ("
                + Takedowns.withReasons(yanked) + ")";
    }

    /**
     * What to say of each dependency of {@code prompd.json} not locked yet whose range only versions taken down met,
     * or that has no version left: 'prompd install' cannot lock it, and the way off is a locked one's. Those that a
     * wider range would get locked are all named in the one 'prompd update --latest' each note gives, so that
     * following one note does not fail on the next of them. A dependency that no takedown keeps from being locked
     * has no note.
     *
     * @return the notes by package, in the order of {@code published}
     */
    static Map<PackageName, String> unlockable(ProjectGraph graph, List<PublishedPackage> published,
                                               TakedownGraph takedowns, SuggestedCommands commands) {
        List<PackageName> widened = published.stream().filter(one -> widenedTo(graph, one).isPresent())
                .map(one -> one.packument().name()).toList();
        Map<PackageName, String> notes = new LinkedHashMap<>();
        published.forEach(one -> unlockable(graph, one, widened.contains(one.packument().name())
                ? widened : List.of(one.packument().name()), takedowns, commands)
                .ifPresent(note -> notes.put(one.packument().name(), note)));
        return Collections.unmodifiableMap(notes);
    }

    private static Optional<String> unlockable(ProjectGraph graph, PublishedPackage published,
                                               List<PackageName> widenedTogether, TakedownGraph takedowns,
                                               SuggestedCommands commands) {
        PackageName name = published.packument().name();
        Takedowns recorded = published.takedowns();
        String install = commands.quoted("install");
        if (recorded.noVersionLeft()) {
            return Optional.of(recorded.everyVersion(name) + ", so " + install + " cannot lock it"
                    + noneLeftWayOff(graph, name, commands));
        }
        VersionRange own = graph.roots().get(name);
        if (published.highestAllowed(graph.rangesOn(name)).isPresent()) {
            return takedowns.blockedBelow(published, own).map(needs -> "every version of " + name + " that " + own
                    + " allows " + needsText(needs) + ", which only versions taken down meet, so " + install
                    + " cannot lock it: " + takedowns.highestUnblocked(published).map(other -> commands.quoted(
                            "install " + name + "@" + other) + " moves past them, or remove the dependency with "
                            + commands.quoted("uninstall " + name))
                    .orElse("remove the dependency with " + commands.quoted("uninstall " + name) + ", or wait for a"
                            + " release of it needing another"));
        }
        return recorded.matching(own).map(which -> "no version of " + name + " matches " + own + " (" + which
                + "), so " + install + " cannot lock it: " + widen(widenedTogether, widenedTo(graph, published),
                commands));
    }

    /** The latest version, when only takedowns keep a dependency not locked from its range and a wider one helps. */
    private static Optional<Version> widenedTo(ProjectGraph graph, PublishedPackage published) {
        PackageName name = published.packument().name();
        VersionRange own = graph.roots().get(name);
        if (published.takedowns().noVersionLeft() || published.highestAllowed(graph.rangesOn(name)).isPresent()
                || published.takedowns().matching(own).isEmpty()) {
            return Optional.empty();
        }
        return published.latest().filter(latest -> !own.satisfiedBy(latest));
    }

    /**
     * The commands past the takedowns that keep direct dependencies from resolving, for the hint of a failed
     * resolution, whose own can only say to check the ranges: the uninstall of those with no version left first,
     * as it succeeds whatever else fails to resolve, then one install of the others at their latest versions.
     * A package named on the command line that is no dependency yet has no uninstall: the hint says it cannot be
     * installed, and offers the highest version of it that needs nothing only versions taken down meet, if any.
     * Empty when no takedown of a direct dependency has a way past it.
     *
     * @param asked the roots whose ranges the failed command meant to save: the install keeps them, as one without
     *              them would fail on them again, the ranges prompd.json still has
     * @param added those of them that are no dependency in prompd.json yet
     * @param install the subcommand that installs them, {@code --global} and all
     */
    static Optional<String> waysPast(SortedMap<PackageName, VersionRange> roots, Set<PackageName> asked,
                                     Set<PackageName> added, String install, RegistryIndex index,
                                     TakedownGraph takedowns) {
        SuggestedCommands suggested = index.commands();
        List<String> removed = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        List<PackageName> withoutWay = new ArrayList<>();
        roots.forEach((name, range) -> index.find(name).ifPresent(published -> {
            if (published.packument().hasNoVersionLeft()) {
                removed.add(name.toString());
            } else if (published.highestAllowed(List.of(range)).isEmpty()
                    && published.takedowns().matching(range).isPresent()) {
                published.latest().filter(latest -> !range.satisfiedBy(latest))
                        .ifPresent(latest -> moved.add(name + "@" + VersionRange.caret(latest)));
            } else {
                takedowns.blockedBelow(published, range).ifPresent(needs -> {
                    String why = (range.exactVersion().isPresent() ? "it" : "every version of it that " + range
                            + " allows") + " " + needsText(needs) + ", which only versions taken down meet";
                    Optional<Version> other = takedowns.highestUnblocked(published);
                    if (other.isPresent()) {
                        moved.add(name + "@" + other.get());
                        unavailable.add(name + " " + range + " cannot be installed now, as " + why);
                    } else if (added.contains(name)) {
                        withoutWay.add(name);
                        unavailable.add(name + " " + range + " cannot be installed now, as " + why + ", and no other"
                                + " version of it does without that (wait for a release of it needing another)");
                    } else {
                        blocked.add(suggested.quoted("uninstall " + name) + " removes " + name + ", as " + why
                                + " (or wait for a release of it needing another)");
                    }
                });
            }
        }));
        // the packages asked for install once past the takedowns, or without those no way gets past
        if (!moved.isEmpty() || !removed.isEmpty() || !withoutWay.isEmpty()) {
            asked.stream().filter(name -> !removed.contains(name.toString()) && !withoutWay.contains(name)
                    && moved.stream().noneMatch(one -> one.startsWith(name + "@"))).sorted()
                    .forEach(name -> moved.add(name + "@" + roots.get(name)));
            moved.sort(null);
        }
        List<String> commands = new ArrayList<>();
        if (!removed.isEmpty()) {
            commands.add(suggested.quoted("uninstall " + String.join(" ", removed)) + " removes what has no version"
                    + " left");
        }
        // a dependency further down is not the project's to move: the one needing it must go, or wait for a release
        commands.addAll(blocked);
        if (!moved.isEmpty()) {
            commands.add(suggested.quoted(install + " " + String.join(" ", moved)) + " moves past the versions taken"
                    + " down");
        }
        List<String> hint = new ArrayList<>(unavailable);
        if (!commands.isEmpty()) {
            hint.add(String.join("; then ", commands));
        }
        return hint.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", hint));
    }

    /**
     * {@code needs @a/base ^2.1.0}, or {@code needs @a/mid ^1.0.0 (which needs @a/base ^2.1.0) and @a/other ^1.0.0}.
     */
    private static String needsText(List<Need> needs) {
        return "needs " + Plural.series(needs.stream().map(need -> needs.size() == 1 ? text(need) : textApart(need))
                .toList(), "and");
    }

    /**
     * Why a version cannot be installed now, as {@code needs @a/mid ^1.0.0, which needs @a/base ^2.0.0, which only
     * versions taken down meet}, from {@link TakedownGraph#needs}; empty when it needs nothing of the kind.
     */
    static Optional<String> blocking(List<Need> needs) {
        return needs.isEmpty() ? Optional.empty()
                : Optional.of(needsText(needs) + ", which only versions taken down meet");
    }

    /** Why the version the ranges prefer is not the one {@code prompd update} can reach; empty when it is. */
    static Optional<InstallNote.HeldBack> heldBack(PackageName name, TakedownGraph.Reach reach) {
        return blocking(reach.blocking())
                .map(blocking -> new InstallNote.HeldBack(name, reach.preferred().orElseThrow(), reach.version(),
                        blocking));
    }

    /** Links kept from either end of a long chain: its middle would make a hint pages long. */
    private static final int ENDS_SHOWN = 2;

    /** {@code @a/mid ^1.0.0, which needs @a/base ^2.1.0}. */
    private static String text(Need need) {
        List<String> links = new ArrayList<>();
        for (Optional<Need> link = Optional.of(need); link.isPresent(); link = link.get().through()) {
            links.add(link.get().dependency());
        }
        if (links.size() > 2 * ENDS_SHOWN + 1) {
            int left = links.size() - 2 * ENDS_SHOWN;
            List<String> ends = new ArrayList<>(links.subList(0, ENDS_SHOWN));
            ends.add("… (" + left + " more)");
            ends.addAll(links.subList(links.size() - ENDS_SHOWN, links.size()));
            links = ends;
        }
        return String.join(", which needs ", links);
    }

    /** As {@link #text}, its chain in parentheses, so that it reads apart from the other needs beside it. */
    private static String textApart(Need need) {
        return need.through().isEmpty() ? need.dependency()
                : need.dependency() + " (which needs " + text(need.through().get()) + ")";
    }

    /**
     * Once every version is taken down no range helps: the dependency must go, and the packages that need it must
     * stop needing it, both when prompd.json names it and other packages need it too.
     */
    private static String noneLeftWayOff(ProjectGraph graph, PackageName name, SuggestedCommands commands) {
        List<VersionRange> needing = graph.rangesOfDependents(name);
        String remove = ": remove the dependency with " + commands.quoted("uninstall " + name);
        if (needing.isEmpty()) {
            return remove;
        }
        boolean direct = graph.roots().containsKey(name);
        // named, as an uninstall of the package alone leaves it locked while they need it
        List<PackageName> dependents = graph.dependents(name);
        boolean one = dependents.size() == 1;
        return (direct ? remove : "") + ", and " + Plural.series(dependents.stream().map(PackageName::toString)
                .toList(), "and") + (one ? " asks" : " ask") + " for " + VersionRange.series(needing)
                + (direct ? " too" : "") + "; a newer version of " + (one ? "it" : "those") + " may not ("
                + commands.quoted("tree") + " shows who needs what)";
    }

    /**
     * {@code widen its range in prompd.json}, with the range {@code update --latest} would write when it helps, the
     * command naming with the package the others it must move at once.
     */
    private static String widen(List<PackageName> names, Optional<Version> newer, SuggestedCommands commands) {
        PackageName name = names.get(0);
        return "widen its range in prompd.json" + newer.map(latest -> ", as " + commands.quoted("update "
                + String.join(" ", names.stream().map(PackageName::toString).toList()) + " --latest") + " does"
                + " to ^" + latest).orElse(", or choose another version (" + commands.quoted("info " + name)
                + " lists them)");
    }
}
