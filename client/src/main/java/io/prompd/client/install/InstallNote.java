package io.prompd.client.install;

import io.prompd.client.install.lock.ConflictedLock;
import io.prompd.client.install.registry.RegistryMention;
import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.resolve.Strategy;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What an install, update, uninstall or outdated tells the user beside its result, as data: the {@code cli} words it,
 * as text and as {@code --json}, so that a script tells one kind from another without parsing English.
 *
 * <p>A few kinds carry a phrase the service words ({@code wayOff}, {@code waysBack}, {@code wayPast},
 * {@code blocking}, {@code problem}, {@code why}): the way off a version, the way back to the registry it came from,
 * the way past a locked version, a chain of needs or a failed resolution, which the hints of the services' own
 * refusals say in the same words.
 */
public sealed interface InstallNote {

    /**
     * A version its registry yanked.
     *
     * @param reason the registry's, maybe empty
     * @param pinned whether the run installed it because the lock file pins it; false where {@code outdated} tells of
     *               it
     * @param wayOff how to move off it, as {@link StatusNotes#wayOff} says it
     */
    record Yanked(PackageName name, Version version, String reason, boolean pinned, String wayOff)
            implements InstallNote {
        public Yanked {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(wayOff, "wayOff");
        }
    }

    /** A version its registry deprecated; the reason the registry's, maybe empty. */
    record Deprecated(PackageName name, Version version, String reason) implements InstallNote {
        public Deprecated {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A locked version its registry took down, or no longer lists without saying so, which can no longer be
     * downloaded.
     *
     * @param reason the maintainers' reason, maybe empty; none when the registry records no takedown of it
     * @param pinned whether the run installed it from the copy at hand because the lock file pins it; false where
     *               {@code outdated} tells of it
     * @param wayOff as {@link Yanked#wayOff}
     */
    record TakenDown(PackageName name, Version version, Optional<String> reason, boolean pinned, String wayOff)
            implements InstallNote {
        public TakenDown {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(wayOff, "wayOff");
        }
    }

    /** A resolution moved off the locked version {@code from} to {@code to}, its registry having taken it down. */
    record MovedOffTakenDown(PackageName name, Version from, Version to, String reason) implements InstallNote {
        public MovedOffTakenDown {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A resolution moved off the locked version {@code from} to {@code to}, its registry having yanked it.
     *
     * @param reason the registry's, maybe empty
     */
    record MovedOffYanked(PackageName name, Version from, Version to, String reason) implements InstallNote {
        public MovedOffYanked {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A version whose {@code engines} ask for a prompd that {@code running} is not; it installs still. */
    record EngineMismatch(PackageName name, Version version, VersionRange wanted, Version running)
            implements InstallNote {
        public EngineMismatch {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(wanted, "wanted");
            Objects.requireNonNull(running, "running");
        }
    }

    /**
     * The project's own {@code engines.prompd} in prompd.json asks for a prompd that {@code running} is not, as a
     * package's may ({@link EngineMismatch}); the run installs still.
     */
    record ProjectEngineMismatch(VersionRange wanted, Version running) implements InstallNote {
        public ProjectEngineMismatch {
            Objects.requireNonNull(wanted, "wanted");
            Objects.requireNonNull(running, "running");
        }
    }

    /**
     * A top-level field of the project's prompd.json that prompd does not know, as validate warns of it: a misspelt
     * {@code dependancies} or npm's {@code devDependencies} would otherwise install nothing without a word.
     *
     * @param field the field as written
     * @param line  its line in prompd.json, or 0 when unknown
     * @param hint  validate's hint: the known field likely meant, or those it knows
     */
    record UnknownField(String field, int line, String hint) implements InstallNote {
        public UnknownField {
            Objects.requireNonNull(field, "field");
            if (line < 0) {
                throw new IllegalArgumentException("line must be 0 (unknown) or positive: " + line);
            }
            Objects.requireNonNull(hint, "hint");
        }
    }

    /**
     * The version the ranges prefer cannot be installed now, needing what only versions taken down meet.
     *
     * @param installable the newest version the ranges allow that can be installed; empty when none can
     * @param blocking    what the preferred version needs, as {@link StatusNotes#blocking} says it
     */
    record HeldBack(PackageName name, Version preferred, Optional<Version> installable, String blocking)
            implements InstallNote {
        public HeldBack {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(preferred, "preferred");
            Objects.requireNonNull(installable, "installable");
            Objects.requireNonNull(blocking, "blocking");
        }
    }

    /**
     * A version a package's own ranges prefer, {@code allowed}, that the project cannot take, and why.
     *
     * @param by      what rules it out, as {@link RangeHolds#rulingOut} names it: ranges placed on a package it needs
     *                (by prompd.json or by another package, which it names) that no version meeting what
     *                {@code allowed} needs of that package meets, or, where versions meet both, the version the
     *                update kept that package at: its locked one or the one its latest dist-tag names; empty when none
     *                does it alone (a conflict further down), and when {@code allowed} cannot be installed even alone
     *                with what it needs (a dependency only yanked versions meet), which nothing of the project's then
     *                holds back
     * @param problem where {@code by} is empty, the resolver's explanation of why {@code allowed} cannot be installed
     *                in the project, as asking for it would fail; empty where {@code by} names the ranges, and where
     *                asking for it would not fail: other versions of other packages than the resolution chose (it
     *                decides one package after another, each at the best version the ones before leave it) let it,
     *                and where it fails for another reason than the resolution (the network)
     */
    record OutOfReach(Version allowed, List<Hold> by, Optional<String> problem) {
        public OutOfReach {
            Objects.requireNonNull(allowed, "allowed");
            by = List.copyOf(by);
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * A package that the project, resolved as a whole as {@code prompd update} resolves it, holds at {@code version},
     * below the version its own ranges prefer, as that one needs what the rest of the project rules out.
     *
     * @param wayPast where a {@link HeldVersion} the lock keeps is among what rules the preferred version out, the
     *                update naming those packages beside this one, which lets them move too
     * @param movedFrom the version prompd.lock held before an update that moved the package to {@code version} (down,
     *                  as a {@code latest} dist-tag moved back takes it, or up); empty where it stays, and for
     *                  {@code outdated}, which moves nothing
     */
    record HeldBackByRanges(PackageName name, Version version, OutOfReach preferred, Optional<String> wayPast,
                            Optional<Version> movedFrom) implements InstallNote {
        public HeldBackByRanges {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(preferred, "preferred");
            Objects.requireNonNull(wayPast, "wayPast");
            Objects.requireNonNull(movedFrom, "movedFrom");
            if (movedFrom.filter(version::equals).isPresent()) {
                throw new IllegalArgumentException("a package held at " + version + " did not move from it");
            }
        }

        /** This note of an update that found the package at {@code locked}: moved from that version, or staying. */
        public HeldBackByRanges lockedBefore(Optional<Version> locked) {
            return new HeldBackByRanges(name, version, preferred, wayPast,
                    locked.filter(before -> !before.equals(version)));
        }
    }

    /** What keeps a version of a package it needs out of the project, which a held-back version needs. */
    sealed interface Hold permits Requirement, HeldVersion {

        /** The package the hold is on. */
        PackageName name();
    }

    /**
     * A range placed on a package, as {@code @a/b ^1.0.0}, and who places it.
     *
     * @param dependent the package needing it with that range, at its version in the resolved project; empty when the
     *                  range is prompd.json's own
     */
    record Requirement(PackageName name, VersionRange range, Optional<Dependent> dependent) implements Hold {
        public Requirement {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(dependent, "dependent");
        }
    }

    /**
     * The version the resolution kept a package at, outside {@code needed}, what the held-back version needs of it,
     * though versions meeting that and every range on the package are there: not a range but {@code keeper} holds it.
     */
    record HeldVersion(PackageName name, Version version, VersionRange needed, Keeper keeper) implements Hold {
        public HeldVersion {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(needed, "needed");
            Objects.requireNonNull(keeper, "keeper");
        }
    }

    /** What kept a package at a version where its ranges allowed others. */
    enum Keeper {
        /** prompd.lock, whose version an update naming other packages keeps. */
        LOCK,
        /**
         * The {@code latest} dist-tag, whose version a resolution chooses where the ranges allow it (its maintainers
         * may have moved it back from a bad release).
         */
        LATEST_TAG
    }

    /** A package at a version, {@code @a/b@1.0.0}, whose dependencies place a range on another. */
    record Dependent(PackageName name, Version version) {
        public Dependent {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }

        @Override
        public String toString() {
            return name + "@" + version;
        }
    }

    /** The lock file no longer met the project, so its versions were resolved again; each reason names an entry. */
    record StaleLock(List<String> reasons) implements InstallNote {
        public StaleLock {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a stale lock has a reason");
            }
        }
    }

    /**
     * An install given {@code --resolution} kept versions {@code prompd.lock} holds, which the strategy does not choose
     * among: a resolution picks only versions the lock does not hold, so that a lock meeting the project stays as it
     * is, as uv's and cargo's do; {@code update} resolves anew.
     *
     * @param kept   the locked versions kept that a resolution of the project anew with the strategy would not choose,
     *               in name order; empty when that resolution could not be made, and which would differ is not known
     * @param update the command resolving every package anew with the strategy, quoted as a hint quotes it
     */
    record LockKept(Strategy strategy, List<KeptVersion> kept, String update) implements InstallNote {
        public LockKept {
            Objects.requireNonNull(strategy, "strategy");
            kept = List.copyOf(kept);
            Objects.requireNonNull(update, "update");
        }
    }

    /** A package's version {@code prompd.lock} holds, kept, and the one the strategy would choose anew. */
    record KeptVersion(PackageName name, Version locked, Version chosen) {
        public KeptVersion {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(locked, "locked");
            Objects.requireNonNull(chosen, "chosen");
        }
    }

    /**
     * {@code prompd.lock} held Git conflict markers, so the run read both sides' locks, merged them and took the merge
     * as any lock, as npm does with a conflicted lock of its own.
     *
     * @param ours      what the markers name the first side, the branch merged into (a branch, {@code HEAD}), maybe
     *                  empty
     * @param theirs    what they name the second side, the branch merged in, maybe empty
     * @param differing the packages the sides locked differently: at different versions, of which the merge took the
     *                  higher, or at one from other tarballs, of which it took ours' entry
     * @param movedTo   of those at different versions, the ones whose higher version the run's resolution then moved,
     *                  to the version it locks: the merge is only where the resolution starts
     */
    record LockConflictMerged(String ours, String theirs, List<ConflictedLock.Differing> differing,
                              SortedMap<PackageName, Version> movedTo) implements InstallNote {
        public LockConflictMerged {
            Objects.requireNonNull(ours, "ours");
            Objects.requireNonNull(theirs, "theirs");
            differing = List.copyOf(differing);
            movedTo = SortedCopies.map(movedTo);
        }
    }

    /**
     * A package named without a range could not take the range of its latest version in this project, or globally
     * resolved on its own, so another version was installed, the one the strategy prefers.
     *
     * @param global   whether a global install, with no project for the range to go with, set it aside
     * @param heldBack the takedown that kept the range's preferred version out, when that is why it was set aside: told
     *                 here, it is not told again as a note of its own
     * @param problem  the resolver's explanation of why {@code fromLatest} cannot be installed, as the install of it
     *                 would fail; empty where {@code heldBack} says why
     */
    record LatestSetAside(PackageName name, VersionRange fromLatest, Version installed, Strategy strategy,
                          boolean global, Optional<HeldBack> heldBack, Optional<String> problem)
            implements InstallNote {
        public LatestSetAside {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fromLatest, "fromLatest");
            Objects.requireNonNull(installed, "installed");
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(heldBack, "heldBack");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * A package named without a range, or a direct dependency whose range {@code update --latest} moved to its latest
     * version (or found allowing it), was installed at {@code installed}, within that range but not the latest itself,
     * which cannot go with the project (or, {@code global}, be resolved on its own), as when its maintainers moved the
     * {@code latest} tag back below a version the project needs; the strategy chose {@code installed}.
     *
     * <p>Or a package the run was not asked for, installed at {@code installed}, above {@code latest}, which its
     * maintainers moved the tag back to, as a version of a package it was asked for needs: the resolution keeps what
     * the user asked for, and the rollback yields to it.
     *
     * @param problem the resolver's explanation of why {@code latest} cannot be installed, as the install of it would
     *                fail; empty when none was found, and where {@code by} says why
     * @param by      the ranges that versions of the packages asked for place on it, which rule {@code latest} out;
     *                empty for a package asked for itself
     * @param wayBack how the rollback is kept, holding back the packages asked for, as {@code update} without names
     *                does; empty where {@code by} is, and where their ranges allow none of theirs that goes with it
     */
    record LatestPassedOver(PackageName name, Version latest, Version installed, Strategy strategy, boolean global,
                            Optional<String> problem, List<Requirement> by, Optional<String> wayBack)
            implements InstallNote {
        public LatestPassedOver {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(latest, "latest");
            Objects.requireNonNull(installed, "installed");
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(problem, "problem");
            by = List.copyOf(by);
            Objects.requireNonNull(wayBack, "wayBack");
            if (by.isEmpty() && wayBack.isPresent()) {
                throw new IllegalArgumentException("a way back holds back the packages asked for, which by names");
            }
        }

        /** The note of a package named, or moved by {@code update --latest}, which no other asked for holds. */
        public static LatestPassedOver asked(PackageName name, Version latest, Version installed, Strategy strategy,
                                             boolean global, Optional<String> problem) {
            return new LatestPassedOver(name, latest, installed, strategy, global, problem, List.of(),
                    Optional.empty());
        }
    }

    /**
     * A package named without a range whose {@code latest} dist-tag points at a version its registry yanked: a new
     * install chooses no yanked version, as the resolver's rule is, so the range was taken from the highest release
     * not yanked, and {@code installed} was installed.
     *
     * @param tagged the yanked version the tag points at
     * @param reason the registry's, maybe empty
     */
    record LatestYanked(PackageName name, Version tagged, String reason, Version installed) implements InstallNote {
        public LatestYanked {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tagged, "tagged");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(installed, "installed");
        }
    }

    /** {@code update --latest} named a package prompd.json has no range of: it was updated within others' ranges. */
    record LatestNotDirect(PackageName name) implements InstallNote {
        public LatestNotDirect {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code update --latest} kept {@code range}, the {@code latest} version being older than the {@code locked}. */
    record LatestOlderThanLocked(PackageName name, VersionRange range, Version latest, Version locked)
            implements InstallNote {
        public LatestOlderThanLocked {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(latest, "latest");
            Objects.requireNonNull(locked, "locked");
        }
    }

    /**
     * A direct dependency whose {@code latest} version is newer than the range of prompd.json allows, so that an update
     * within the ranges cannot reach it, as cargo's update notes: {@code update} is the command moving the range, as a
     * shell reads it and unquoted, which {@code --json} gives as it is for a script to run and the text quotes.
     */
    record LatestOutsideRange(PackageName name, VersionRange range, Version latest, String update)
            implements InstallNote {
        public LatestOutsideRange {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(latest, "latest");
            Objects.requireNonNull(update, "update");
        }
    }

    /**
     * {@code update --latest} kept {@code range}, the {@code latest} version needing what only versions taken down
     * meet, as {@link StatusNotes#blocking} says it.
     */
    record LatestBlocked(PackageName name, VersionRange range, Version latest, String blocking)
            implements InstallNote {
        public LatestBlocked {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(latest, "latest");
            Objects.requireNonNull(blocking, "blocking");
        }
    }

    /**
     * {@code update --latest} set aside the move of {@code range}, prompd.json's, to the {@code latest} version, which
     * cannot go with the rest of the project: the package was resolved within {@code range} instead, at
     * {@code installed}, the version the strategy chose, as an install sets aside the range from a latest version.
     *
     * @param saved the range prompd.json takes instead, {@code ^<installed>}, as --latest writes a caret range; empty
     *              when it keeps {@code range}: one with no upper bound, which --latest never rewrites, or the same
     * @param by      what rules the latest version out, as {@link RangeHolds#rulingOut} names it
     * @param problem where {@code by} is empty, the resolver's explanation of why the latest version cannot be
     *                installed in the project, as {@link HeldBackByRanges#problem} gives it
     */
    record LatestConflicts(PackageName name, VersionRange range, Version latest, Version installed,
                           Optional<VersionRange> saved, List<Hold> by, Strategy strategy,
                           Optional<String> problem) implements InstallNote {
        public LatestConflicts {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(latest, "latest");
            Objects.requireNonNull(installed, "installed");
            Objects.requireNonNull(saved, "saved");
            by = List.copyOf(by);
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * A prompt's reference to a package whose range in prompd.json this run changed or removed, which no longer agrees
     * with prompd.json, as validate requires it to: the run leaves the package's prompt files as they are.
     *
     * @param file    the prompt, or the file a prompt's template loads, by its path in the package
     * @param line    the file line of the reference
     * @param written the reference as written
     * @param write   the reference as it is to be written, with the range prompd.json now gives; empty when prompd.json
     *                no longer has the package
     */
    record ReferenceOutOfStep(String file, int line, String written, PackageName name, Optional<String> write)
            implements InstallNote {
        public ReferenceOutOfStep {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(written, "written");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(write, "write");
        }
    }

    /**
     * A file of another package that a prompt of an installed package takes, and that the version of that package
     * installed beside it lacks: the registry's check resolves the dependencies to their newest versions, where a
     * lower resolution, or a range of another package holding the dependency back, gets an older one.
     *
     * @param name       the installed package whose prompt takes the file
     * @param file       the prompt, by its path in the package
     * @param field      the front-matter field naming the file as a person reads its pointer, such as {@code inherits}
     *                   or {@code context/0}; empty for one its template includes, imports or extends
     * @param line       the file line of the field, 0 when unknown, or of the template's line
     * @param written    the reference as written
     * @param dependency the package whose file it is
     * @param installed  the version of it installed
     * @param newest     whether the registry lists no version of it newer than {@code installed}
     *                   ({@link io.prompd.client.install.registry.PublishedPackage#isNewest}): an update leaves it
     * @param having     when {@code newest}, an older version the ranges on the dependency allow whose entry in the
     *                   registry's index lists the file as a prompt, the highest such
     * @param command    the command the hint quotes, quoted as a hint quotes it: the update of the dependency, or when
     *                   {@code newest}, the install pinning it to {@code having}; empty when none is known to have it
     */
    record DependencyFileMissing(PackageName name, Version version, String file, String field, int line,
                                 String written, PackageName dependency, Version installed, boolean newest,
                                 Optional<Version> having, String command)
            implements InstallNote {
        public DependencyFileMissing {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(written, "written");
            Objects.requireNonNull(dependency, "dependency");
            Objects.requireNonNull(installed, "installed");
            Objects.requireNonNull(having, "having");
            Objects.requireNonNull(command, "command");
            if (line < 0 || (line == 0 && field.isEmpty())) {
                throw new IllegalArgumentException("a template's line is positive, a field's 0 when unknown: " + line);
            }
            if (!newest && having.isPresent()) {
                throw new IllegalArgumentException("an older version is named only when an update cannot help");
            }
            if (command.isEmpty() != (newest && having.isEmpty())) {
                throw new IllegalArgumentException("a command to quote is there when one helps: " + command);
            }
        }
    }

    /**
     * A name an uninstall was given that is not in prompd.json, nor in the lock as another package's need: skipped,
     * the other names removed, as pip and npm skip a package not installed.
     *
     * @param similar the dependencies in prompd.json likely meant ({@link io.prompd.core.name.SimilarNames#amongOwn}),
     *                best first; empty when none is close
     */
    record NotADependency(PackageName name, List<PackageName> similar) implements InstallNote {
        public NotADependency {
            Objects.requireNonNull(name, "name");
            similar = List.copyOf(similar);
        }
    }

    /**
     * A package {@code uninstall --global} was given that has no version in the store, or none {@code range} allows:
     * skipped, the others removed, so that the run a killed one repeats removes what that one left.
     */
    record NotInStore(PackageName name, Optional<VersionRange> range) implements InstallNote {
        public NotInStore {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(range, "range");
        }
    }

    /**
     * A version whose last copy was removed with {@code --force}, by {@code uninstall --global} from the store, its
     * tarball not cached, or by {@code cache clean} from the cache, the store holding none, whose registry no longer
     * gives it (taken down, no longer listed, or the package gone): no install can put it back, for any project whose
     * lock pins it.
     *
     * @param redownload what its registry says of it, {@link Redownload#lost}
     * @param place      where the copy removed was
     */
    record LastCopyRemoved(Redownload redownload, LastCopyPlace place) implements InstallNote {
        public LastCopyRemoved {
            Objects.requireNonNull(place, "place");
            if (!redownload.lost()) {
                throw new IllegalArgumentException("a version that can be downloaded again, or may be: " + redownload);
            }
        }
    }

    /**
     * Versions {@code uninstall --global} removed from the store, or whose only tarball {@code cache clean --force}
     * deleted, not knowing whether they can be downloaded again, as their packages' indexes could not be read for one
     * reason (or, forced, no registry serves their names), told once (a registry that could not be reached fails
     * every index alike): if their registry no longer gives one, that was its last copy.
     *
     * @param redownloads what is known of each, {@link Redownload#unknown}, of one registry and one failure, in
     *                    name and version order
     * @param place       where the copies removed were
     */
    record RemovedUnchecked(List<Redownload> redownloads, LastCopyPlace place) implements InstallNote {
        public RemovedUnchecked {
            Objects.requireNonNull(place, "place");
            redownloads = List.copyOf(redownloads);
            if (redownloads.isEmpty()) {
                throw new IllegalArgumentException("no version removed unchecked");
            }
            Redownload first = redownloads.get(0);
            for (Redownload one : redownloads) {
                if (!one.unknown()) {
                    throw new IllegalArgumentException("its registry told: " + one);
                }
                if (!one.registry().equals(first.registry()) || !one.detail().equals(first.detail())) {
                    throw new IllegalArgumentException("another registry or failure: " + one + " beside " + first);
                }
            }
        }

        /** The registry that could not be read. */
        public String registry() {
            return redownloads.get(0).registry();
        }

        /** Why it could not be read. */
        public String problem() {
            return redownloads.get(0).detail().orElseThrow();
        }
    }

    /**
     * An uninstall left the other dependencies as they were, as they cannot be resolved again.
     *
     * @param lockKept whether they stay as the lock file locked them; false when there was none, so they stay unlocked
     * @param problem  the resolver's failure, with its hint when no {@link Unlockable} note says better what to do
     */
    record NotResolvedAgain(boolean lockKept, String problem) implements InstallNote {
        public NotResolvedAgain {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * A dependency of prompd.json not locked that takedowns keep from being locked.
     *
     * @param why the whole sentence, the way off it included, as the service words it
     */
    record Unlockable(PackageName name, String why) implements InstallNote {
        public Unlockable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * Locked versions an uninstall did not install, taken down (or no longer listed) with no copy at hand, which the
     * lock still locks.
     *
     * @param wayOff how to move off them, as {@link StatusNotes#waysOff} says it
     */
    record LeftOut(List<TakenDownVersion> versions, String wayOff) implements InstallNote {
        public LeftOut {
            versions = List.copyOf(versions);
            Objects.requireNonNull(wayOff, "wayOff");
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("a note of versions left out names one");
            }
        }
    }

    /**
     * A version taken down, or no longer listed by its registry without saying so.
     *
     * @param reason the maintainers' reason, maybe empty; none when the registry records no takedown of it
     */
    record TakenDownVersion(PackageName name, Version version, Optional<String> reason) {
        public TakenDownVersion {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * {@code name@version} of each to what a list of them gives as its reason
         * ({@link io.prompd.core.resolve.Takedowns#withReasons}): the maintainers', or that the registry no longer
         * lists it.
         */
        public static Map<String, String> reasons(List<TakenDownVersion> versions) {
            Map<String, String> reasons = new LinkedHashMap<>();
            versions.forEach(one -> reasons.put(one.name() + "@" + one.version(),
                    one.reason().orElse(StatusNotes.NO_LONGER_LISTED)));
            return Collections.unmodifiableMap(reasons);
        }
    }

    /**
     * A locked version the registry its name now routes to lacks, or lists with other bytes, while the lock has it from
     * another: the versions there may be another's package, so {@code outdated} offers none, a resolution keeps the
     * locked version as the lock has it, and an install that fetched it from the lock's URL says so.
     *
     * @param lockedFrom the configured registry the lock has it from, or, when none holds its URL, the root of the URL
     * @param routed     what the configuration routes: the name's scope, or the name when it has none
     * @param resolvesIn the registry the name resolves in now
     * @param otherBytes whether that registry lists the version with other bytes
     * @param lockedBytes whether it lists the version with the bytes the lock pins, though the configuration routes the
     *                   name's scope to no registry (it is the default, or chosen for the run): every lock pinning the
     *                   version holds its integrity, so the listing says nothing of whose package the name is there;
     *                   false, with {@code otherBytes}, when it lacks the version
     * @param waysBack   how to route the name back, or to take the other registry's package knowingly, as the failure
     *                   of a download of the version says it
     */
    record RouteChanged(PackageName name, Version version, RegistryMention lockedFrom, String routed,
                        RegistryMention resolvesIn, boolean otherBytes, boolean lockedBytes, String waysBack)
            implements InstallNote {
        public RouteChanged {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(lockedFrom, "lockedFrom");
            Objects.requireNonNull(routed, "routed");
            Objects.requireNonNull(resolvesIn, "resolvesIn");
            Objects.requireNonNull(waysBack, "waysBack");
            if (otherBytes && lockedBytes) {
                throw new IllegalArgumentException("a registry lists a version with other bytes or the locked ones");
            }
        }
    }

    /**
     * A locked version whose tarball came from the URL the lock records, with the integrity it pins, because the
     * registry its name now resolves in, outside which that URL lies, failed to give it while its index did not say it
     * lacks the version or has other bytes for it ({@link RouteChanged} says that): it could not be reached, failed or
     * refused, or it lists the version as locked but lacks its tarball or sent other bytes.
     *
     * @param lockedFrom as {@link RouteChanged#lockedFrom}
     * @param url        the URL read, which gave the tarball: the one the lock records, with the signature the
     *                   registry's index gives it, which the lock leaves out
     * @param resolvesIn the registry the name resolves in now, which failed
     * @param problem    how it failed, in words that do not name it
     */
    record FromLockedUrl(PackageName name, Version version, RegistryMention lockedFrom, URI url,
                         RegistryMention resolvesIn, String problem) implements InstallNote {
        public FromLockedUrl {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(lockedFrom, "lockedFrom");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(resolvesIn, "resolvesIn");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * A version new to the lock whose tarball came from the URL the index of the registry its name resolves in gives
     * for it, outside that registry, because the registry's own tarball path, read first, failed to give it (as
     * {@link FromLockedUrl} tells of a URL the lock recorded): a registry built with {@code --base-url} whose host
     * lacks a tarball its base URL serves, say.
     *
     * @param url        the URL the index gives, which gave the tarball, as read: with its query
     * @param resolvesIn the registry whose index gave it, and whose own path failed
     * @param problem    how that path failed, in words that do not name the registry
     */
    record FromIndexUrl(PackageName name, Version version, URI url, RegistryMention resolvesIn, String problem)
            implements InstallNote {
        public FromIndexUrl {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(resolvesIn, "resolvesIn");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /**
     * A version new to the lock whose tarball URL, as its registry's index gives it, has query parameters the lock
     * leaves out ({@link io.prompd.client.install.lock.LockedPackage#leftOut}): any of them may be a credential,
     * and a registry that tells its tarballs apart by one of them gives the version only through its index.
     *
     * @param parameters their names, unescaped, in the order of the URL
     */
    record QueryLeftOut(PackageName name, Version version, List<String> parameters) implements InstallNote {
        public QueryLeftOut {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            parameters = List.copyOf(parameters);
            if (parameters.isEmpty()) {
                throw new IllegalArgumentException("a URL whose query the lock keeps whole has nothing left out");
            }
        }
    }

    /**
     * A locked version whose registry's {@code index.json} lists other dependencies for it than its tarball declares,
     * installed as {@code prompd.lock} pins it, whose record agrees with the tarball: the lock and the integrity it
     * pins decide what is installed, as {@code npm ci}'s do, and the index is the registry's to mend.
     *
     * @param index    the URL of that {@code index.json}
     * @param listed   the dependencies it lists for the version, each range as written
     * @param declared those the tarball declares, and the lock records, each range as written
     */
    record IndexListsOtherDependencies(PackageName name, Version version, URI index, SortedMap<String, String> listed,
                                       SortedMap<String, String> declared) implements InstallNote {
        public IndexListsOtherDependencies {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(index, "index");
            listed = SortedCopies.map(listed);
            declared = SortedCopies.map(declared);
        }
    }

    /**
     * A locked package its registry, as {@code registry} describes it, no longer has at all, so that no version of it
     * can be downloaded.
     *
     * @param pinned whether the run kept it, from the copy at hand, because the lock file pins it; false where
     *               {@code outdated} tells of it
     * @param wayOff how to do without it, as {@link StatusNotes#vanishedWayOff} says it for a failed install too
     */
    record GoneFromRegistry(PackageName name, Version version, String registry, boolean pinned, String wayOff)
            implements InstallNote {
        public GoneFromRegistry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(wayOff, "wayOff");
        }
    }

    /**
     * A dependency of prompd.json, not locked, that the registry serving its name does not have, so that it cannot be
     * locked.
     *
     * @param registry  that registry, as messages name it
     * @param wayOff    that it cannot be locked, and how to do without it, as {@link StatusNotes#notInRegistryWayOff}
     *                  says it
     * @param elsewhere how to route the name's scope to the registry holding it, as
     *                  {@link io.prompd.client.install.registry.RegistryIndex#elsewhere} says it when no route sends
     *                  the scope anywhere
     */
    record NotInRegistry(PackageName name, String registry, String wayOff, Optional<String> elsewhere)
            implements InstallNote {
        public NotInRegistry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(wayOff, "wayOff");
            Objects.requireNonNull(elsewhere, "elsewhere");
        }
    }
}
