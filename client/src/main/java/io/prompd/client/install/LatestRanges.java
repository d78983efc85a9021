package io.prompd.client.install;

import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code update} resolves for: with {@code --latest}, the named direct dependencies' ranges moved to
 * {@code ^<latest>}, or to the latest version alone for an exact one or with {@code --save-exact} (see
 * {@link #movedTo}), but for those already allowing it and every later release, and for those it would move back off
 * a locked version still published and not yanked or whose latest version needs what only versions taken down meet,
 * which are kept, saying why.
 *
 * @param direct       the ranges of prompd.json
 * @param roots        the ranges to resolve, those of prompd.json with the moved ones replaced
 * @param saved        the moved ranges, which prompd.json is to take
 * @param kept         why ranges --latest was asked to move stay as they are
 * @param taggedYanked the packages whose {@code latest} tag points at a yanked version, which --latest passed by for
 *                     the highest release not yanked, as an install of the name does, to say so once resolved
 * @param fromLatest   the packages resolved for from their latest version, their ranges moved to it or already
 *                     allowing it and every later release: one the resolution passes over, for a higher version the
 *                     project needs, is to be said to have been
 * @param saveExact    whether a moved range is saved as the version alone, whatever it was
 */
record LatestRanges(SortedMap<PackageName, VersionRange> direct, SortedMap<PackageName, VersionRange> roots,
                    SortedMap<PackageName, VersionRange> saved, List<InstallNote> kept,
                    List<PackageName> taggedYanked, SortedSet<PackageName> fromLatest, boolean saveExact) {

    LatestRanges {
        direct = SortedCopies.map(direct);
        roots = SortedCopies.map(roots);
        saved = SortedCopies.map(saved);
        kept = List.copyOf(kept);
        taggedYanked = List.copyOf(taggedYanked);
        fromLatest = SortedCopies.set(fromLatest);
    }

    /** An update within the ranges of prompd.json. */
    static LatestRanges unchanged(SortedMap<PackageName, VersionRange> direct) {
        return new LatestRanges(direct, direct, new TreeMap<>(), List.of(), List.of(), new TreeSet<>(), false);
    }

    /**
     * @param names     the packages to move, all of them when empty
     * @param saveExact save each moved range as the version alone, as {@code yarn upgrade --latest --exact} does
     */
    static LatestRanges of(SortedMap<PackageName, VersionRange> direct, Collection<PackageName> names,
                           LockFile current, RegistryIndex index, boolean saveExact) {
        SortedMap<PackageName, VersionRange> roots = new TreeMap<>(direct);
        SortedMap<PackageName, VersionRange> saved = new TreeMap<>();
        List<InstallNote> kept = new ArrayList<>();
        List<PackageName> taggedYanked = new ArrayList<>();
        SortedSet<PackageName> fromLatest = new TreeSet<>();
        names.stream().filter(name -> !direct.containsKey(name)).sorted()
                .forEach(name -> kept.add(new InstallNote.LatestNotDirect(name)));
        TakedownGraph takedowns = new TakedownGraph(index);
        for (PackageName name : direct.keySet()) {
            if (!names.isEmpty() && !names.contains(name)) {
                continue;
            }
            // a package the registry lacks has no latest version: the resolution keeps its copy at hand, or fails
            // saying what it lacks
            Optional<Version> newest = index.find(name).flatMap(PublishedPackage::latest);
            // the latest version of a name locked from another registry may be another's package: the resolution keeps
            // the locked one and says why
            if (newest.isEmpty() || current.get(name)
                    .flatMap(locked -> LockedElsewhere.of(name, locked, index)).isPresent()) {
                continue;
            }
            // a locked version taken down or yanked since is no choice to keep: the range follows the tag down, as
            // npm's install of pkg@latest does, and the resolution says why the version moved off
            Optional<Version> locked = current.get(name).map(LockedPackage::version).filter(version -> index
                    .require(name).version(version).filter(known -> known.yanked() == null).isPresent());
            if (locked.isPresent() && newest.get().compareTo(locked.get()) < 0
                    && !direct.get(name).satisfiedBy(newest.get())) {
                // a range the latest version is outside of stays, and 'prompd update' keeps the locked version in it
                // (a pre-release chosen on purpose); one allowing the latest moves to it, as the version follows the
                // tag back down within the range anyway when maintainers moved it back from a bad release
                kept.add(new InstallNote.LatestOlderThanLocked(name, direct.get(name), newest.get(), locked.get()));
                continue;
            }
            if (index.require(name).yankedLatest().isPresent()) {
                taggedYanked.add(name);
            }
            Optional<String> blocked = StatusNotes.blocking(takedowns.needs(index.require(name), newest.get()));
            if (blocked.isPresent()) {
                // a range with no upper bound resolves from the highest version that can be installed,
                // as it does from the latest, whichever way it resolves
                takedowns.reach(index.require(name), List.of(direct.get(name))).version()
                        .filter(direct.get(name)::allowsEveryReleaseFrom)
                        .ifPresent(reachable -> roots.put(name, VersionRange.parse(">=" + reachable)));
                // a range allowing it already, the resolution's own note says why it stops short
                if (!direct.get(name).satisfiedBy(newest.get())) {
                    kept.add(new InstallNote.LatestBlocked(name, direct.get(name), newest.get(), blocked.get()));
                }
                continue;
            }
            fromLatest.add(name);
            if (direct.get(name).allowsEveryReleaseFrom(newest.get())) {
                // already as open as --latest means, and ^<latest> would narrow it; the resolution still
                // starts at the latest, whichever way it resolves
                roots.put(name, VersionRange.parse(">=" + newest.get()));
                continue;
            }
            VersionRange range = movedTo(direct.get(name), newest.get(), saveExact);
            roots.put(name, range);
            saved.put(name, range);
        }
        return new LatestRanges(direct, roots, saved, kept, taggedYanked, fromLatest, saveExact);
    }

    /**
     * The range {@code own} moves to for {@code version}: {@code ^<version>}, but the version alone for a range that
     * allows one version only ({@code 1.2.3}, and {@code =1.2.3} as {@code =<version>}), as cargo upgrade leaves an
     * exact requirement exact and npm with save-exact keeps one so: a pin is the user's choice, which an update keeps;
     * and the version alone for every range with {@code saveExact}.
     */
    static VersionRange movedTo(VersionRange own, Version version, boolean saveExact) {
        VersionRange caret = VersionRange.caret(version);
        // the caret's text less its operator: major.minor.patch and any pre-release, without build metadata
        String alone = caret.text().substring(1);
        if (own.exactVersion().isPresent() && own.bareVersion().isEmpty()) {
            return VersionRange.parse("=" + alone);
        }
        return saveExact || own.exactVersion().isPresent() ? VersionRange.parse(alone) : caret;
    }

    /** The range the package's own moves to for {@code version}, as {@link #movedTo} says. */
    VersionRange movedTo(PackageName name, Version version) {
        return movedTo(direct.get(name), version, saveExact);
    }

    /** The packages resolved for with another range than prompd.json's: moved to their latest, or to start there. */
    SortedSet<PackageName> moved() {
        return new TreeSet<>(roots.keySet().stream().filter(name -> !roots.get(name).equals(direct.get(name)))
                .toList());
    }

    /** These ranges with {@code name} resolved for at {@code range}, and saved as they are. */
    LatestRanges resolvingFor(PackageName name, VersionRange range) {
        SortedMap<PackageName, VersionRange> withRange = new TreeMap<>(roots);
        withRange.put(name, range);
        return new LatestRanges(direct, withRange, saved, kept, taggedYanked, fromLatest, saveExact);
    }

    /**
     * These ranges with those of {@code names} resolved for at either prompd.json's range or the moved one, and saved
     * as they are: moves not yet decided, which a resolution may take or leave as the others need.
     */
    LatestRanges eitherWay(Collection<PackageName> names) {
        SortedMap<PackageName, VersionRange> either = new TreeMap<>(roots);
        names.forEach(name -> either.put(name, VersionRange.parse(direct.get(name).text() + " || "
                + roots.get(name).text())));
        return new LatestRanges(direct, either, saved, kept, taggedYanked, fromLatest, saveExact);
    }

    /** These ranges with those of {@code names} resolved for and saved as prompd.json has them. */
    LatestRanges settingAside(Collection<PackageName> names) {
        SortedMap<PackageName, VersionRange> keptRoots = new TreeMap<>(roots);
        SortedMap<PackageName, VersionRange> keptSaved = new TreeMap<>(saved);
        names.forEach(name -> {
            keptRoots.put(name, direct.get(name));
            keptSaved.remove(name);
        });
        return new LatestRanges(direct, keptRoots, keptSaved, kept, taggedYanked, fromLatest, saveExact);
    }
}
