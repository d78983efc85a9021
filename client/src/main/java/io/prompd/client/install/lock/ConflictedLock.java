package io.prompd.client.install.lock;

import io.prompd.core.json.ConflictSides;
import io.prompd.core.name.PackageName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@code prompd.lock} a Git merge left with conflict markers, read as the two locks its sides are, as npm, yarn and
 * pnpm read a conflicted lock of theirs rather than make the user pick a side, which loses the other side's changes.
 *
 * @param ours   the lock of the conflicts' first side ({@code <<<<<<<}), the branch merged into
 * @param theirs the lock of their second side ({@code >>>>>>>}), the branch merged in
 * @param sides  the file's two sides as read, whose texts the locks are: what the markers name each side, and the line
 *               of the first
 */
public record ConflictedLock(LockFile ours, LockFile theirs, ConflictSides sides) {

    public ConflictedLock {
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(theirs, "theirs");
        Objects.requireNonNull(sides, "sides");
    }

    /**
     * Both sides' entries: a package one side locks as it is, one both lock at different versions at the higher, so
     * that neither side's update is lost, and one both lock at the same version as ours has it. Each entry is whole
     * from one side, but the entries of two sides need not go together (one side's newer version needing what the
     * other moved past): an install checks the merge as it checks any lock, and resolves it again where they do not.
     */
    public LockFile merged() {
        SortedMap<PackageName, LockedPackage> packages = new TreeMap<>(theirs.packages());
        ours.packages().forEach((name, locked) -> packages.merge(name, locked, ConflictedLock::kept));
        return new LockFile(packages);
    }

    private static LockedPackage kept(LockedPackage their, LockedPackage our) {
        return their.version().compareTo(our.version()) > 0 ? their : our;
    }

    /**
     * The packages the two sides lock differently, in name order: at different versions, or at one version from
     * another tarball URL or with another integrity (installed from different registries or mirrors), where the merge
     * keeps one side's entry and the user should know which.
     */
    public List<Differing> differing() {
        List<Differing> differing = new ArrayList<>();
        ours.packages().forEach((name, locked) -> theirs.get(name)
                .map(their -> new Differing(name, locked, their))
                .filter(one -> !one.sameVersion() || one.otherTarballUrl() || one.otherIntegrity())
                .ifPresent(differing::add));
        return differing;
    }

    /** A package the two sides lock differently: the merge keeps the higher version, or ours' entry of the same. */
    public record Differing(PackageName name, LockedPackage ours, LockedPackage theirs) {

        public Differing {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(ours, "ours");
            Objects.requireNonNull(theirs, "theirs");
        }

        public LockedPackage kept() {
            return ConflictedLock.kept(theirs, ours);
        }

        public boolean theirsKept() {
            return kept() == theirs;
        }

        /** Whether both sides lock the same version, differing in its tarball URL or integrity alone. */
        public boolean sameVersion() {
            return ours.version().compareTo(theirs.version()) == 0;
        }

        /** Whether the sides lock the same version at other URLs: a mirror's copy, say. */
        public boolean otherTarballUrl() {
            return sameVersion() && !ours.resolved().equals(theirs.resolved());
        }

        /** Whether the sides lock the same version with other integrities: other bytes under one number. */
        public boolean otherIntegrity() {
            return sameVersion() && !ours.integrity().equals(theirs.integrity());
        }
    }
}
