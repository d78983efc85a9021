package io.prompd.client.install;

import io.prompd.client.http.IntegrityMismatch;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.client.install.store.DependencyTexts;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.install.store.ProjectStateFolder;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.Integrity;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.core.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.zip.CRC32C;

/**
 * What makes a {@code prompd.lock} stale though it meets {@code prompd.json}, as a hand edit or a careless merge of it
 * leaves it: a dependency a locked package records that the lock lacks, or recorded dependencies
 * that are not those the version's own {@code prompd.json} declares. Either way a package some version needs could go
 * uninstalled, as cargo and npm re-resolve such a lock rather than trust it. Also what no resolution repairs: an
 * installed version unpacked from other bytes than the lock pins ({@link #fromOtherBytes}).
 */
public final class LockAudit {

    private LockAudit() {
    }

    /**
     * Where an install notes the {@code prompd.lock} it last found agreeing with the installed versions' manifests and
     * integrity records, by a checksum of the lock's content, and the store's {@link PackageStore#changeStamp}: an
     * edit of the lock changes the one, even one keeping its size and time (a coarse clock, {@code touch -r}), and a
     * version added to or removed from the store (or another home) the other, so a warm install reads those files, two
     * per locked version, only once after each change, as the lock's own check costs its size. Below those two lines,
     * one a line, each {@code name@version} found agreeing: an install audits only the entries its roots reach, and an
     * edit of {@code prompd.json} alone can bring others into reach.
     */
    private static final String AUDITED_FILE = "lock-audited";

    /** Each way the lock is stale, as a clause naming the entry; none for a lock a resolution wrote. */
    public static List<String> problems(LockFile lock, PackageStore store) throws IOException {
        return problems(lock, lock, store);
    }

    /** The problems of {@code unaudited}'s entries with the store, and of {@code lock} with itself. */
    private static List<String> problems(LockFile lock, LockFile unaudited, PackageStore store) throws IOException {
        Map<PackageName, String> disagreeing = disagreeingWithManifests(unaudited, store);
        List<String> problems = new ArrayList<>(disagreeing.values());
        // what an entry disagreeing with its version's own prompd.json records, that version may not need at all
        problems.addAll(lock.lackedDependencies(disagreeing.keySet()));
        return problems;
    }

    /**
     * As {@link #problems(LockFile, PackageStore)} for {@code audited}, entries of the project's {@code prompd.lock},
     * reading the installed manifests and integrity records only of the entries not found agreeing since the lock or
     * the store last changed, for a run holding the project's lock, which notes the entries found agreeing. A run
     * without it (a frozen install, which writes nothing of the project) reads every entry's and notes none: the lock
     * file may be replaced under it, so that its stamp would name a lock other than the one audited.
     *
     * @param noting   whether the run holds the project's lock, and reads and writes the note
     * @param commands how the hint of such a failure spells the commands that mend it
     * @throws PrompdException INTEGRITY as {@link #fromOtherBytes} finds
     */
    public static List<String> problems(LockFile audited, Project project, PackageStore store, boolean noting,
                                        SuggestedCommands commands) throws IOException {
        Path auditedFile = ProjectStateFolder.in(project.folder()).resolve(AUDITED_FILE);
        String stamp = noting ? stamp(project.lockFile()) + store.changeStamp() + "\n" : "";
        SortedSet<String> found = noting ? auditedSince(stamp, readOrEmpty(auditedFile)) : new TreeSet<>();
        LockFile unaudited = without(audited, entry -> found.contains(noted(entry)));
        if (unaudited.packages().isEmpty()) {
            return audited.lackedDependencies();
        }
        requireFromLockedBytes(unaudited, store, commands);
        List<String> problems = problems(audited, unaudited, store);
        if (noting && problems.isEmpty()) {
            found.addAll(audited.packages().entrySet().stream().map(LockAudit::noted).toList());
            String note = stamp + String.join("\n", found) + "\n";
            AtomicFiles.write(auditedFile, note.getBytes(StandardCharsets.UTF_8));
        }
        return problems;
    }

    /** The entries {@code noted} names as found agreeing, none unless it was noted under {@code stamp}. */
    private static SortedSet<String> auditedSince(String stamp, String noted) {
        SortedSet<String> audited = new TreeSet<>();
        if (noted.startsWith(stamp)) {
            noted.substring(stamp.length()).lines().forEach(audited::add);
        }
        return audited;
    }

    /** {@code @acme/util@1.1.0}, as the audit notes an entry found agreeing. */
    private static String noted(Map.Entry<PackageName, LockedPackage> entry) {
        return entry.getKey() + "@" + entry.getValue().version();
    }

    /**
     * The lock file's size and CRC-32C, empty for a project with no lock yet, whose empty lock is audited at no cost.
     * A checksum, not a digest: the lock is its user's own file, guarded against edits, not attacks, which one edit in
     * four billion passing unnoticed by a warm install (list, tree and a fresh home still compare) does not defeat,
     * and a cold run pays no security provider's start for it. Read again after parsing: every run writing the lock
     * holds the project's lock, as this one does.
     */
    private static String stamp(Path lockFile) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(lockFile);
        } catch (NoSuchFileException noLock) {
            return "";
        }
        CRC32C checksum = new CRC32C();
        checksum.update(bytes);
        return bytes.length + " " + Long.toHexString(checksum.getValue()) + "\n";
    }

    private static String readOrEmpty(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException | MalformedInputException notNoted) {
            return "";
        }
    }

    private static LockFile without(LockFile lock, Predicate<Map.Entry<PackageName, LockedPackage>> leaving) {
        return lock.without(lock.packages().entrySet().stream().filter(leaving).map(Map.Entry::getKey).toList());
    }

    /**
     * Compares with the store's integrity records the entries of a resolution's {@code resolved} lock that
     * {@code audited} does not pin at the same version and integrity: an audit already compared those, and the store
     * does not change under a run holding the home's lock. An entry {@code current}, the project's lock, pins so too
     * is said to be its pin, with the way off an edit of it; any other's integrity is the one the registry's index
     * lists. Then the dependencies the resolution took from the index for a version it keeps installed, with the
     * store's copy's own {@code prompd.json}, which no unpack compares then
     * ({@link PackageStore#requireInstalledDeclares}).
     *
     * @param again the project's command to run again once the store's copies are removed, as the run was given
     *              ({@code install sql-explainer}): the refused run saved nothing, so a bare install would add none of
     *              the packages it named; empty for a global install, whose versions are the ones to install again
     * @throws PrompdException INTEGRITY as {@link #fromOtherBytes} finds, or the store's copy declaring other
     *                         dependencies than the index lists
     */
    static void requireFromResolvedBytes(LockFile resolved, LockFile audited, LockFile current, PackageStore store,
                                         RegistryIndex index, Optional<String> again) throws IOException {
        Optional<PrompdException> failure = fromOtherBytes(without(resolved, entry -> pinsAlike(audited, entry)), store,
                name -> pinsAlike(current, Map.entry(name, resolved.packages().get(name))) ? Optional.empty()
                        : Optional.of(index.describe(name)), again, index.commands());
        if (failure.isPresent()) {
            throw failure.get();
        }
        // the store's copy of those bytes declares what the version needs: the dependencies a resolution took from the
        // registry's index.json for a version it keeps installed must be those, as an unpack of its tarball requires;
        // an audit compared those the entry records alike
        for (Map.Entry<PackageName, LockedPackage> entry : resolved.packages().entrySet()) {
            LockedPackage locked = entry.getValue();
            boolean fromIndex = index.findIfReadable(entry.getKey()).flatMap(published -> published
                    .version(locked.version())).filter(listed -> listed.dist().integrity().equals(locked.integrity())
                    && VersionRange.desugarAlike(listed.dependencies(), locked.dependencies())).isPresent();
            if (fromIndex && audited.get(entry.getKey()).filter(other -> other.version().equals(locked.version())
                    && VersionRange.desugarAlike(other.dependencies(), locked.dependencies())).isEmpty()) {
                store.requireInstalledDeclares(entry.getKey(), locked.version(), locked.dependencies());
            }
        }
    }

    private static boolean pinsAlike(LockFile lock, Map.Entry<PackageName, LockedPackage> entry) {
        return lock.get(entry.getKey()).filter(other -> other.version().equals(entry.getValue().version())
                && other.integrity().equals(entry.getValue().integrity())).isPresent();
    }

    /** @throws PrompdException INTEGRITY as {@link #fromOtherBytes} finds */
    private static void requireFromLockedBytes(LockFile lock, PackageStore store, SuggestedCommands commands)
            throws IOException {
        Optional<PrompdException> failure = fromOtherBytes(lock, store, commands);
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    /**
     * The installed versions the store unpacked from other bytes than the lock pins, as one integrity failure:
     * the store holds one copy of each name@version, which another project may have installed from another
     * registry, and a lock whose integrity was edited would otherwise pass wherever the version is installed,
     * though it fails on a clean machine. A copy without its record is not compared: the install puts it back from
     * the locked bytes ({@link PackageStore#containsRecorded}).
     *
     * @param commands how the hint spells the commands that install the locked bytes again
     */
    public static Optional<PrompdException> fromOtherBytes(LockFile lock, PackageStore store,
                                                           SuggestedCommands commands) throws IOException {
        return fromOtherBytes(lock, store, name -> Optional.empty(), Optional.of("install"), commands);
    }

    /** The entries of the lock whose installed version the store unpacked from other bytes than the lock pins. */
    public static List<PackageName> unpackedFromOtherBytes(LockFile lock, PackageStore store) throws IOException {
        List<PackageName> names = new ArrayList<>();
        for (Map.Entry<PackageName, LockedPackage> entry : lock.packages().entrySet()) {
            LockedPackage locked = entry.getValue();
            Optional<String> recorded = store.recordedIntegrity(entry.getKey(), locked.version());
            if (recorded.isPresent() && !recorded.get().equals(locked.integrity().toString())) {
                names.add(entry.getKey());
            }
        }
        return names;
    }

    /**
     * As {@link #fromOtherBytes(LockFile, PackageStore, SuggestedCommands)}, {@code listing} naming the registry whose
     * index lists an
     * entry's integrity, empty where the project's {@code prompd.lock} pins it: only that one can have been edited.
     */
    private static Optional<PrompdException> fromOtherBytes(LockFile lock, PackageStore store,
                                                            Function<PackageName, Optional<String>> listing,
                                                            Optional<String> again, SuggestedCommands commands)
            throws IOException {
        List<PackageName> names = unpackedFromOtherBytes(lock, store);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<String> damaged = new ArrayList<>();
        List<String> damagedRecords = new ArrayList<>();
        for (PackageName name : names) {
            Version version = lock.packages().get(name).version();
            if (!readsAsIntegrity(store.recordedIntegrity(name, version).orElseThrow())) {
                damaged.add(name + "@" + version);
                damagedRecords.add(store.recordOf(name, version).toString());
            }
        }
        if (!damaged.isEmpty()) {
            // no bytes named, none to compare: the way off is the same whatever the lock or a registry lists
            boolean one = damaged.size() == 1;
            return Optional.of(new PrompdException(ExitCode.INTEGRITY, "the store's " + (one ? "record" : "records")
                    + " of the " + (one ? "tarball " : "tarballs ") + Plural.series(damaged, "and")
                    + (one ? " was unpacked from is" : " were unpacked from are") + " damaged, holding no integrity ("
                    + String.join(", ", damagedRecords) + "), so nothing tells " + (one ? "it is" : "they are")
                    + " the bytes " + LockFile.FILE_NAME + " pins", uninstallThenAgain(damaged, again, commands)
                    + ", which puts " + (one ? "it" : "them") + " back with " + (one ? "a record" : "records")));
        }
        List<PackageName> locked = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        for (PackageName name : names) {
            LockedPackage pinned = lock.packages().get(name);
            Optional<String> registry = listing.apply(name);
            if (registry.isEmpty()) {
                locked.add(name);
            }
            versions.add(name + "@" + pinned.version());
            differences.add("the store's copy of " + name + "@" + pinned.version() + " (" + store.folderOf(name,
                    pinned.version()) + ") came from other bytes (" + store.recordedIntegrity(name, pinned.version())
                    .orElseThrow() + ") than " + registry.map(described -> "the index.json of " + described + " lists")
                    .orElse(LockFile.FILE_NAME + " pins") + " (" + pinned.integrity() + ")");
        }
        String theVersions = names.size() == 1 ? "version" : "versions";
        String uninstall = uninstallThenAgain(versions, again, commands);
        // a copy the registry itself gave before it changed the version is as likely as another registry's: the way
        // to the listed bytes is for when they are the ones to trust, never the way past a failure
        return Optional.of(new PrompdException(ExitCode.INTEGRITY, String.join("; ", differences), locked.isEmpty()
                ? "the store holds one copy of each version, put there from another registry publishing other bytes"
                        + " under the same " + theVersions + ", or from this one before it changed a published "
                        + theVersions + " (then tell its maintainers); only once you trust the bytes it lists now: "
                        + uninstall
                : ifEdited(locked, commands) + "; if another registry publishes the same " + theVersions + ", the"
                        + " store holds one copy of each version: " + uninstall));
    }

    /** Whether a record is an integrity, whichever bytes it names. */
    private static boolean readsAsIntegrity(String recorded) {
        try {
            Integrity.parse(recorded);
            return true;
        } catch (IllegalArgumentException damaged) {
            return false;
        }
    }

    /** {@code 'prompd uninstall --global A B', then 'prompd install' again}: the way to install the versions anew. */
    private static String uninstallThenAgain(List<String> versions, Optional<String> again,
                                             SuggestedCommands commands) {
        return commands.quoted("uninstall --global " + String.join(" ", versions)) + ", then "
                + commands.quoted(again.orElse("install --global " + String.join(" ", versions))) + " again";
    }

    /**
     * The refusal of a version {@code prompd.lock} pins with other bytes than its registry's {@code index.json} lists
     * now: the lock was edited, or the registry changed a published version, as a compromised registry would. No run
     * takes the listed bytes in the locked ones' place unasked, as npm refuses them (EINTEGRITY) and cargo ("checksum
     * changed"); the one way to take them is the edit's, deleting the entry, and only once the registry's maintainers
     * confirm the change, with this machine's copy of the locked bytes, if the store holds one, removed first, as the
     * store keeps one copy of a version.
     *
     * @param installedCopy whether the store holds a copy of the version other than the listed bytes
     * @param commands      how the hint spells the commands it suggests
     */
    static PrompdException changedInRegistry(PackageName name, LockedPackage locked, Integrity listed,
                                             boolean installedCopy, SuggestedCommands commands) {
        String version = name + "@" + locked.version();
        return new IntegrityMismatch("integrity check failed for " + version + ": " + LockFile.FILE_NAME
                + " records " + locked.integrity() + ", and the registry's index.json " + listed,
                ifEdited(List.of(name), commands) + "; if not, the registry changed a published version: tell its"
                        + " maintainers, and take the new bytes the same way only once they confirm the change"
                        + (installedCopy ? ", after " + commands.quoted("uninstall --global " + version) + ", which"
                                + " removes the copy the store holds" : ""), name, locked.version(), locked.integrity(),
                listed);
    }

    /** The way off an entry of the lock that a hand edit or a merge changed, to lock the registry's again. */
    static String ifEdited(List<PackageName> names, SuggestedCommands commands) {
        return "if " + LockFile.FILE_NAME + " was edited (by hand or by a merge), delete the "
                + (names.size() == 1 ? "entry" : "entries") + " of " + Plural.series(names.stream()
                        .map(PackageName::toString).toList(), "and") + " from it and run " + commands.quoted("install")
                + " to lock what the registry lists";
    }

    /**
     * The entries whose recorded dependencies are not those the installed version's {@code prompd.json} declares,
     * compared as the resolver reads them.
     * Only installed versions are read, as the integrity that pinned their bytes pins their dependencies too: a version
     * not installed yet is for the install to check against its registry's record, which it fetches for it anyway.
     */
    private static Map<PackageName, String> disagreeingWithManifests(LockFile lock, PackageStore store)
            throws IOException {
        Map<PackageName, String> disagreeing = new LinkedHashMap<>();
        for (Map.Entry<PackageName, LockedPackage> entry : lock.packages().entrySet()) {
            LockedPackage locked = entry.getValue();
            Optional<SortedMap<String, String>> declared = store.declaredOtherwise(entry.getKey(), locked.version(),
                    locked.dependencies());
            if (declared.isPresent()) {
                disagreeing.put(entry.getKey(), recordedAgainst(entry.getKey(), locked, declared.get(),
                        "its own " + ManifestReader.FILE_NAME + " declares"));
            }
        }
        return disagreeing;
    }

    /** {@code prompd.lock records no dependencies for @a/x@1.0.0, and its own prompd.json declares @b/y ^1.1.0}. */
    static String recordedAgainst(PackageName name, LockedPackage locked, SortedMap<String, String> actual,
                                  String source) {
        return LockFile.FILE_NAME + " records " + DependencyTexts.listed(DependencyTexts.of(locked.dependencies()))
                + " for " + name + "@" + locked.version() + ", and " + source + " " + DependencyTexts.listed(actual);
    }

}
