package io.prompd.client.install.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.PackagePaths;
import io.prompd.core.archive.Integrity;
import io.prompd.core.archive.SafeUnpacker;
import io.prompd.core.files.AtomicFiles;
import io.prompd.client.config.Settings;
import io.prompd.client.files.OwnerOnly;
import io.prompd.core.files.Folders;
import io.prompd.core.files.LongNames;
import io.prompd.core.files.PermissionRefusals;
import io.prompd.core.files.TemporaryFiles;
import io.prompd.core.json.Json;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.manifest.ManifestFields;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionFileNames;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Installed packages, one folder per version shared by every project: {@code <home>/packages/@scope/name@1.2.0/}.
 * A version folder only ever appears complete, unpacked in a temporary folder of the store and renamed into place,
 * and is never changed afterwards: a version's content is fixed once published. Only a whole one counts
 * as installed, a folder holding its {@code prompd.json} as a JSON object: whatever else has its name (a file, a
 * folder emptied by hand or by a disk tool, a manifest cut short) is damage, which the next run removes and installs
 * again.
 *
 * <p>Beside each version folder, a hidden file records the integrity of the tarball it was unpacked from
 * ({@code @scope/.name@1.2.0.integrity}): the folder is keyed by name and version alone, and two registries may
 * publish other bytes under one name@version, so a project's lock is compared with the record, not trusted to
 * describe the folder. A hidden name is never a package's, so no listing takes the record for a version.
 */
public final class PackageStore {

    /**
     * Rewritten with a new token whenever a version is added or removed, so that a project can note the state of
     * the store it last compared its lock with and compare again only after a change.
     */
    private static final String CHANGES_FILE = ".changed";

    /** The most differences a damaged copy is described by: a copy restored in part may miss every file. */
    private static final int DIFFERENCES_TOLD = 3;

    private final Path root;
    private final ArchiveLimits limits;
    /** How the hints of its failures spell the prompd commands that mend them, on the home it is the store of. */
    private final SuggestedCommands commands;

    /** @param packagesFolder {@code <home>/packages} */
    public PackageStore(Path packagesFolder, ArchiveLimits limits, SuggestedCommands commands) {
        this.root = packagesFolder.toAbsolutePath().normalize();
        this.limits = Objects.requireNonNull(limits, "limits");
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    public Path root() {
        return root;
    }

    /** The folder of an installed version, {@code <root>/@scope/name@1.2.0}. */
    public Path folderOf(PackageName name, Version version) {
        return root.resolve(name.toString()).resolveSibling(VersionFileNames.storeFolder(name, version));
    }

    /**
     * Whether the version is installed whole.
     *
     * @throws UncheckedIOException of a {@link NotDirectoryException} naming the file (or link) that stands where the
     *                              store's folder, or the version's scope folder, goes; of the failure to look, as at a
     *                              folder of the store this user may not read
     */
    public boolean contains(PackageName name, Version version) {
        Path folder = folderOf(name, version);
        if (isWhole(folder)) {
            return true;
        }
        // only then, so that a warm run pays no more than the look for the manifest
        try {
            requireNoFileInTheWay(folder.getParent());
        } catch (NotDirectoryException inTheWay) {
            throw new UncheckedIOException(inTheWay);
        }
        return false;
    }

    /**
     * Refuses a file where {@code folder} or a folder above it goes, which would otherwise read as a store with
     * nothing installed and fail only once something is written into it, without naming the file.
     */
    private static void requireNoFileInTheWay(Path folder) throws NotDirectoryException {
        Optional<Path> inTheWay = Folders.fileInTheWay(folder);
        if (inTheWay.isPresent()) {
            throw new NotDirectoryException(inTheWay.get().toString());
        }
    }

    /**
     * Whether the version is installed whole with the record of the tarball it was unpacked from beside it: what an
     * install takes as installed, the record being what binds the copy to the integrity a lock pins. One without its
     * record (a home restored without its hidden files, or a copy a prompd from before the records installed) is put
     * back from the bytes the lock pins, as npm and cargo use only what a lock's hash binds; so is one whose record is
     * an empty file (a crash, a disk that filled up), which binds it to no bytes either. A look at the record's entry
     * alone, its size among what the system tells, not a read: a warm install reads no more than the manifests, and
     * the lock's audit reads the records themselves.
     */
    public boolean containsRecorded(PackageName name, Version version) {
        return contains(name, version) && hasRecord(name, version);
    }

    /**
     * Whether the version is installed whole without the record of the tarball it was unpacked from
     * ({@link #containsRecorded}), which the next install locking it puts back.
     */
    public boolean isUnrecorded(PackageName name, Version version) {
        return contains(name, version) && !hasRecord(name, version);
    }

    /**
     * How messages name what an {@link #isUnrecorded unrecorded} copy lacks: {@code no record}, or {@code an empty
     * record} where an empty file stands in its place, said as it is, as the user may look for it.
     */
    public String lackedRecord(PackageName name, Version version) {
        return attributesOf(recordOf(name, version), LinkOption.NOFOLLOW_LINKS).isPresent() ? "an empty record"
                : "no record";
    }

    /**
     * Whether anything but an empty file stands where the version's record goes: a record damaged otherwise is for
     * the audit to refuse.
     */
    private boolean hasRecord(PackageName name, Version version) {
        return attributesOf(recordOf(name, version), LinkOption.NOFOLLOW_LINKS).filter(PackageStore::notAnEmptyFile)
                .isPresent();
    }

    private static boolean notAnEmptyFile(BasicFileAttributes attributes) {
        return !attributes.isRegularFile() || attributes.size() > 0;
    }

    /**
     * What the system tells of {@code path}; empty when it is missing, or a file stands where a folder above it goes
     * (damage, which the next install replaces).
     *
     * @throws UncheckedIOException of whatever else kept the system from telling, a folder this user may not read
     *                              among them: a store that cannot be read is not one with nothing installed
     */
    private static Optional<BasicFileAttributes> attributesOf(Path path, LinkOption... options) {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class, options));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException unread) {
            // a file where a folder goes fails as "Not a directory", which Java gives no exception of its own
            if (Folders.fileInTheWay(path.getParent()).isPresent()) {
                return Optional.empty();
            }
            throw new UncheckedIOException(unread instanceof FileSystemException refused
                    && PermissionRefusals.refused(refused) ? PermissionRefusals.ofRefusingFolder(refused) : unread);
        }
    }

    /**
     * Whether something stands where the version's folder goes that is not the version whole, which the next
     * install replaces.
     */
    public boolean isDamaged(PackageName name, Version version) {
        Path folder = folderOf(name, version);
        return attributesOf(folder, LinkOption.NOFOLLOW_LINKS).isPresent() && !isWhole(folder);
    }

    private static boolean isWhole(Path folder) {
        return manifestOf(folder).isPresent();
    }

    /**
     * The manifest at the root of a version folder, where every tarball has it; empty when there is none or it is
     * no JSON object (cut short, emptied, overwritten), with which the version is not usable. Not validated further:
     * the registry did when the version was published.
     *
     * @throws UncheckedIOException when the system cannot tell whether it is there, as {@link #attributesOf}
     */
    private static Optional<JsonNode> manifestOf(Path folder) {
        Path manifest = folder.resolve(ManifestReader.FILE_NAME);
        if (attributesOf(manifest).filter(BasicFileAttributes::isRegularFile).isEmpty()) {
            return Optional.empty();
        }
        try {
            // null, not a node, for a file with no JSON in it
            return Optional.ofNullable(Json.reader().readTree(Files.readAllBytes(manifest))).filter(JsonNode::isObject);
        } catch (JsonProcessingException damaged) {
            return Optional.empty();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * The integrity of the tarball the installed version was unpacked from, as recorded then (not parsed: a record
     * a hand or a disk damaged differs from every lock's integrity all the same); empty when the version is not
     * installed, or has no record, or an empty one ({@link #isUnrecorded}): which bytes such a copy came from is known
     * nowhere, and a cached tarball with the lock's integrity would not prove it either, so an install puts it back
     * from that one.
     */
    public Optional<String> recordedIntegrity(PackageName name, Version version) throws IOException {
        if (!contains(name, version)) {
            return Optional.empty();
        }
        Path record = recordOf(name, version);
        try {
            byte[] recorded = Files.readAllBytes(record);
            return recorded.length == 0 ? Optional.empty()
                    : Optional.of(new String(recorded, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException unrecorded) {
            return Optional.empty();
        } catch (IOException unreadable) {
            if (!Files.isDirectory(record, LinkOption.NOFOLLOW_LINKS)) {
                throw unreadable;
            }
            // the system's "Is a directory" names no file
            throw new PrompdException(ExitCode.CONFLICT, "a folder stands where the store's integrity record of " + name
                    + "@" + version + " goes: " + record, commands.quoted("uninstall --global " + name + "@" + version)
                    + " removes the version and the folder, then install it again", unreadable);
        }
    }

    /** {@code <root>/@scope/.name@1.2.0.integrity}, beside the version's folder: where messages send the user. */
    public Path recordOf(PackageName name, Version version) {
        return folderOf(name, version).resolveSibling(VersionFileNames.storeRecord(name, version));
    }

    /**
     * Where the store is and a token that changes whenever a version is added or removed: equal twice, the
     * installed versions and their records are the same, whichever project or registry installed them.
     */
    public String changeStamp() throws IOException {
        String token;
        try {
            token = text(root.resolve(CHANGES_FILE));
        } catch (NoSuchFileException noneYet) {
            token = "";
        } catch (FileSystemException unread) {
            requireNoFileInTheWay(root);
            throw unread;
        }
        return root + " " + token;
    }

    /** Decoded leniently: damage reads as text that matches nothing. */
    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
    }

    /** Not forced to the disk, unlike a record: a token lost with a power cut only spares one comparison. */
    private void changed() throws IOException {
        byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeStream(root.resolve(CHANGES_FILE), out -> {
            out.write(token);
            return null;
        });
    }

    /**
     * The dependencies the installed version's own {@code prompd.json} declares, each name and range parsed as the
     * resolver reads them; empty when the version is not installed, or when one is not a name and a range (never so in
     * a published version, whose unpack refuses it).
     */
    public Optional<SortedMap<PackageName, VersionRange>> declaredRanges(PackageName name, Version version) {
        return manifestOf(folderOf(name, version)).flatMap(PackageStore::parsedDependencies);
    }

    /**
     * The dependencies the installed version's own {@code prompd.json} declares, as written, when they are not
     * {@code recorded}, compared as the resolver reads them, as an unpack compares its tarball's ({@code 1.x} is
     * {@code ^1.0.0}); empty when they are, or the version is not installed with its record: an install puts one
     * without back from its tarball, whose unpack compares them.
     */
    public Optional<SortedMap<String, String>> declaredOtherwise(PackageName name, Version version,
                                                                 Map<PackageName, VersionRange> recorded)
            throws IOException {
        if (!hasRecord(name, version)) {
            return Optional.empty();
        }
        // the text first: a warm install reads every locked version's, and the same text spares parsing each range
        return manifestOf(folderOf(name, version)).filter(manifest -> !dependencyTexts(manifest)
                .equals(DependencyTexts.of(recorded)) && !declares(manifest, recorded))
                .map(PackageStore::dependencyTexts);
    }

    private static SortedMap<String, String> dependencyTexts(JsonNode manifest) {
        SortedMap<String, String> declared = new TreeMap<>();
        manifest.path(ManifestFields.DEPENDENCIES).properties()
                .forEach(entry -> declared.put(entry.getKey(), entry.getValue().asText("")));
        return declared;
    }

    /**
     * The dependencies a manifest declares as the resolver reads them, each name and range parsed; empty when one does
     * not parse or is no string, or the field is no object, as in no manifest a registry publishes.
     */
    private static Optional<SortedMap<PackageName, VersionRange>> parsedDependencies(JsonNode manifest) {
        JsonNode field = manifest.path(ManifestFields.DEPENDENCIES);
        SortedMap<PackageName, VersionRange> parsed = new TreeMap<>();
        if (field.isMissingNode()) {
            return Optional.of(parsed);
        }
        if (!field.isObject()) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> entry : field.properties()) {
            if (!entry.getValue().isTextual()) {
                return Optional.empty();
            }
            try {
                parsed.put(PackageName.parse(entry.getKey()), VersionRange.parse(entry.getValue().textValue()));
            } catch (IllegalArgumentException invalid) {
                return Optional.empty();
            }
        }
        return Optional.of(parsed);
    }

    /** Whether the manifest declares those dependencies, each range desugaring alike, as the resolver takes them. */
    private static boolean declares(JsonNode manifest, Map<PackageName, VersionRange> dependencies) {
        return parsedDependencies(manifest).filter(declared -> VersionRange.desugarAlike(declared, dependencies))
                .isPresent();
    }

    /**
     * Unpacks a tarball into the version's folder after checking every byte against its integrity: {@link #unpack}
     * then {@link #place}. When another run put the version in place first, its folder is kept and this one dropped;
     * anything else in its place is removed first.
     *
     * @throws io.prompd.core.PrompdException as {@link #unpack}; nothing is installed then
     */
    public Path install(PackageName name, Version version, Path tarball, Integrity integrity,
                        Map<PackageName, VersionRange> dependencies, Pin pin) throws IOException {
        Path target = folderOf(name, version);
        if (containsRecorded(name, version)) {
            return target;
        }
        return place(unpack(name, version, tarball, integrity, dependencies, pin));
    }

    /**
     * A version unpacked and checked in a temporary folder of the store, not in the store yet: {@link #place} renames
     * it into place, {@link #drop} deletes it, and a run killed meanwhile leaves it for {@link #removeLeftovers}.
     *
     * @param staged the temporary folder holding it, at the store's top, so that no scope folder is made for a version
     *               that never goes in place
     */
    public record Unpacked(PackageName name, Version version, Integrity integrity, Path staged) {
        public Unpacked {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(integrity, "integrity");
            Objects.requireNonNull(staged, "staged");
        }
    }

    /**
     * Unpacks a tarball after checking every byte against its integrity, and its manifest against what it is meant to
     * be, without changing the store: an install unpacks every version it needs before it places any, so that one
     * refused leaves the store as it was.
     *
     * @param dependencies what the version needs by the record that named {@code integrity}, which the resolution and
     *                     the lock took: its own {@code prompd.json} must declare the same
     * @param pin where {@code integrity} and {@code dependencies} came from, for the hint when the tarball holds
     *            another package, or declares other dependencies
     * @throws io.prompd.core.PrompdException INTEGRITY when the tarball does not match, is unsafe, holds another
     *                                        package or declares other dependencies; nothing of it is left then
     */
    public Unpacked unpack(PackageName name, Version version, Path tarball, Integrity integrity,
                           Map<PackageName, VersionRange> dependencies, Pin pin) throws IOException {
        // a private registry's packages are unpacked here too, as confidential as its tarballs
        OwnerOnly.folder(root);
        Path staged = AtomicFiles.temporaryFolder(root.resolve(VersionFileNames.storeFolder(name, version)));
        Optional<Unpacked> unpacked = Optional.empty();
        try {
            try (InputStream in = Files.newInputStream(tarball)) {
                SafeUnpacker.unpackVerified(in, integrity, staged, limits);
            } catch (PrompdException refused) {
                throw refusedTarball(name, version, refused);
            }
            requireDeclares(staged, name, version, dependencies, pin, commands);
            unpacked = Optional.of(new Unpacked(name, version, integrity, staged));
            return unpacked.get();
        } catch (FileSystemException refused) {
            // the unpacker words a name of the package's own that is too long
            throw unlessNameTooLong(name, version, refused);
        } finally {
            if (unpacked.isEmpty()) {
                Folders.deleteRecursively(staged);
            }
        }
    }

    /**
     * Puts an unpacked version in place in one rename. When another run put the version in place first, its folder is
     * kept and this one dropped; anything else in its place (damage, or a copy without its record) is removed first.
     *
     * @return the version's folder
     */
    public Path place(Unpacked unpacked) throws IOException {
        PackageName name = unpacked.name();
        Version version = unpacked.version();
        Path target = folderOf(name, version);
        try {
            if (containsRecorded(name, version)) {
                return target;
            }
            // before the record is written: a run reading the store without the lock never finds a copy without its
            // record beside the record of other bytes
            discard(target);
            // before the folder, so that one in place always has its record; one left without its folder is
            // written again by the next unpack of the version, read only beside a whole folder, and removed as a
            // leftover after the run killed here
            AtomicFiles.write(recordOf(name, version), unpacked.integrity().toString()
                    .getBytes(StandardCharsets.UTF_8));
            AtomicFiles.moveIntoFreePlace(unpacked.staged(), target);
            changed();
        } catch (FileAlreadyExistsException installedMeanwhile) {
            // Another run's copy is in place, from bytes this record may not name: without one, the next install
            // puts it back. Runs hold the home's lock while they install, so only a prompd without it gets here.
            Files.deleteIfExists(recordOf(name, version));
        } catch (FileSystemException refused) {
            // one left here is the record's, or the folder's, name
            throw unlessNameTooLong(name, version, refused);
        } finally {
            drop(unpacked);
        }
        return target;
    }

    /** Deletes an unpacked version not placed; nothing when it was. */
    public void drop(Unpacked unpacked) throws IOException {
        Folders.deleteRecursively(unpacked.staged());
    }

    /**
     * The failure as it is, unless it refuses a name in the store as too long: a version whose names there, made of
     * the package's name and the version, are longer than the file system takes, which is then thrown as one. Not
     * refused with the registry's index as a damaged document: SemVer bounds no version's length, and the index's other
     * versions install. Beyond the bytes Linux and macOS allow, no client can install the version, which the registry's
     * check refuses to publish; under them, this file system's own limit is lower (eCryptfs takes 143).
     */
    private static FileSystemException unlessNameTooLong(PackageName name, Version version,
                                                         FileSystemException refused) {
        if (!LongNames.refused(refused)) {
            return refused;
        }
        String otherVersion = "depend on another version of " + name;
        throw VersionFileNames.tooLong(name, version)
                .map(why -> new PrompdException(ExitCode.FAILURE, "cannot install " + name + "@" + version + ": " + why,
                        "no client can install it, and a registry's check refuses to publish it: tell the registry's"
                                + " maintainers, and " + otherVersion + " meanwhile", refused))
                .orElseGet(() -> new PrompdException(ExitCode.FAILURE, "cannot install " + name + "@" + version
                                + ": the name of " + refused.getFile() + " is longer than this file system allows",
                                "put the prompd"
                        + " home on a file system that takes names of " + PackagePaths.MAX_NAME_BYTES + " bytes"
                        + " (" + Settings.HOME_VARIABLE + "), or " + otherVersion, refused));
    }

    /**
     * The integrity pins the bytes, not which package they are: a lock entry holding another
     * package's integrity and URL would otherwise put that package in the store under this name,
     * for every project on the machine to use. Nor what the version needs: an index listing other dependencies than
     * the version's own manifest declares would have the resolution leave one uninstalled, or install one it does not
     * need, and the lock written from it stale for good. The name and version are read as text, the dependencies as
     * the resolver reads them: every package of an install passes here, and the registry validated the rest when it
     * was published.
     */
    private static void requireDeclares(Path unpacked, PackageName name, Version version,
                                        Map<PackageName, VersionRange> dependencies, Pin pin,
                                        SuggestedCommands commands) throws IOException {
        JsonNode declared = unpackedManifest(unpacked, name, version).orElse(null);
        String declaredName = declared == null ? "" : declared.path("name").asText("");
        String declaredVersion = declared == null ? "" : declared.path("version").asText("");
        if (declaredName.equals(name.toString()) && declaredVersion.equals(version.toString())) {
            if (!declares(declared, dependencies)) {
                throw otherDependencies("the tarball of " + name + "@" + version, name, version,
                        dependencyTexts(declared), dependencies, pin, commands, "nothing of it was installed");
            }
            return;
        }
        String found = declared == null ? "no readable " + ManifestReader.FILE_NAME
                : (declaredName.isEmpty() ? "no valid name" : declaredName) + "@"
                        + (declaredVersion.isEmpty() ? "(no valid version)" : declaredVersion);
        throw new TarballOfAnother("the tarball meant to be " + name + "@" + version + " holds "
                + found + " instead; nothing of it was installed", switch (pin) {
                    case LOCK -> "the entry of " + name + " in prompd.lock (its integrity and resolved URL) names"
                            + " another tarball: delete that entry and run " + commands.quoted("install") + " again; if"
                            + " it comes back, the registry's record of " + name + " is wrong";
                    case REGISTRY_INDEX -> "the registry's index.json of " + name + " names another tarball (its"
                            + " integrity and URL) for " + version + ": tell the registry's maintainers";
                });
    }

    /**
     * The manifest of a tarball just unpacked, read as {@code prompd validate} and a registry's check read one, a key
     * given twice refused: which of the two a reader takes is what such a manifest plays on (a name given twice, a
     * reader taking the first, prompd the last, to pass as the version it is not), and neither publishes one. Empty
     * when there is none, or it is no JSON object, as {@link #manifestOf} reads it.
     *
     * @throws PrompdException INTEGRITY naming the first key given again, as for an archive tampered with
     */
    private static Optional<JsonNode> unpackedManifest(Path unpacked, PackageName name, Version version)
            throws IOException {
        Path manifest = unpacked.resolve(ManifestReader.FILE_NAME);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        List<JsonTrees.RepeatedKey> repeated = new ArrayList<>();
        JsonNode read;
        try {
            read = JsonTrees.readLastCounting(Files.readAllBytes(manifest), repeated::add);
        } catch (JsonProcessingException damaged) {
            return Optional.empty();
        }
        if (!repeated.isEmpty()) {
            JsonTrees.RepeatedKey first = repeated.get(0);
            throw new PrompdException(ExitCode.INTEGRITY, "the tarball of " + name + "@" + version + " was refused, and"
                    + " nothing of it was installed: its " + ManifestReader.FILE_NAME + " gives " + first.pointer()
                    + " again on line " + first.line() + ", first on line " + first.firstLine(), "prompd validate"
                    + " refuses a key given twice, and a registry's check refuses to publish it, so the archive was"
                    + " damaged or tampered with; tell the registry's maintainers");
        }
        return Optional.of(read).filter(JsonNode::isObject);
    }

    /**
     * Refuses the installed version when its own {@code prompd.json} declares other dependencies than {@code listed},
     * the registry's index.json's for it, compared as the resolver reads them: a resolution keeping the version takes
     * the index's without unpacking it, which {@link #install} would refuse for them, so a home that installed the
     * version before the index changed would lock what a clean one refuses. Nothing when it is not installed with
     * its record: an install puts one without back from its tarball, whose unpack compares them.
     *
     * @throws TarballOfAnother INTEGRITY naming both, as {@link #install} refuses its tarball
     */
    public void requireInstalledDeclares(PackageName name, Version version, Map<PackageName, VersionRange> listed) {
        if (!hasRecord(name, version)) {
            return;
        }
        Path folder = folderOf(name, version);
        Optional<JsonNode> manifest = manifestOf(folder);
        if (manifest.isPresent() && !declares(manifest.get(), listed)) {
            throw otherDependencies("the store's copy of " + name + "@" + version + " (" + folder + ")", name, version,
                    dependencyTexts(manifest.get()), listed, Pin.REGISTRY_INDEX, commands, "nothing was installed");
        }
    }

    /**
     * The refusal of a tarball, or {@code copy} of one, that is the version but declares other dependencies than its
     * record: the record is wrong, not the tarball.
     *
     * @param outcome what the refusal left undone
     */
    private static TarballOfAnother otherDependencies(String copy, PackageName name, Version version,
                                                      SortedMap<String, String> declared,
                                                      Map<PackageName, VersionRange> recorded, Pin pin,
                                                      SuggestedCommands commands, String outcome) {
        String record = switch (pin) {
            case LOCK -> "prompd.lock records";
            case REGISTRY_INDEX -> "the registry's index.json lists";
        };
        return new TarballOfAnother(copy + " does not match its record: its own " + ManifestReader.FILE_NAME
                + " declares " + DependencyTexts.listed(declared) + ", and " + record + " "
                + DependencyTexts.listed(DependencyTexts.of(recorded)) + "; " + outcome, switch (pin) {
                    case LOCK -> "delete the entry of " + name + " from prompd.lock and run " + commands.quoted(
                            "install") + " again; if it comes back, the registry's index.json of " + name + " lists"
                            + " other dependencies for " + version + " than the version declares: tell the registry's"
                            + " maintainers";
                    case REGISTRY_INDEX -> "the registry's index.json of " + name + " must list the dependencies the"
                            + " version declares: tell the registry's maintainers";
                }, Optional.of(declared));
    }

    /**
     * The unpacker knows only the archive: among the packages of one install, the user must learn which one's tarball
     * it refused. A damaged or tampered tarball whose integrity matches is the registry's to replace; the lock's URL is
     * left out, as the bytes may come from the cache, downloaded from wherever the same integrity was found.
     */
    private static PrompdException refusedTarball(PackageName name, Version version, PrompdException refused) {
        return new PrompdException(refused.exitCode(), "the tarball of " + name + "@" + version + " was refused, and"
                + " nothing of it was installed: " + refused.getMessage(), refused.exitCode() == ExitCode.INTEGRITY
                        ? refused.hint() + "; tell the registry's maintainers" : refused.hint(), refused);
    }

    /** Where the integrity and URL of a tarball to install came from, which a tarball of another package blames. */
    public enum Pin {
        /** The project's prompd.lock, as it was before the run. */
        LOCK,
        /** The registry's index.json, read in this run. */
        REGISTRY_INDEX
    }

    /**
     * Removes an installed version. Its folder is first renamed aside, in one step, so that every
     * other run sees the version either whole or gone; a run killed while deleting it leaves a
     * temporary folder that {@link #removeLeftovers} deletes.
     */
    public void remove(PackageName name, Version version) throws IOException {
        discard(folderOf(name, version));
        // after the folder: a record without its folder is never read, a folder without its record is put back by
        // the next install; discarded as a folder may be, a record damaged into one
        discard(recordOf(name, version));
        changed();
    }

    private static void discard(Path entry) throws IOException {
        if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            // a file or a link goes in one step already
            Files.deleteIfExists(entry);
            return;
        }
        Path aside = AtomicFiles.temporaryFolder(entry);
        try {
            // a rename onto the empty temporary folder replaces it
            AtomicFiles.moveIntoPlace(entry, aside);
        } finally {
            Folders.deleteRecursively(aside);
        }
    }

    /**
     * The cached tarball the installed version was unpacked from, found by the integrity recorded beside it: an install
     * puts the version back from it with no registry. Empty without a readable record or such a tarball.
     */
    public Optional<Path> cachedTarball(PackageName name, Version version, TarballCache tarballs) throws IOException {
        try {
            Optional<String> recorded = recordedIntegrity(name, version);
            return recorded.isEmpty() ? Optional.empty() : tarballs.find(Integrity.parse(recorded.get()));
        } catch (PrompdException | IllegalArgumentException unreadable) {
            // a folder where the record goes, or a record damaged: no tarball is known to be the version's
            return Optional.empty();
        }
    }

    /**
     * The cached tarballs that are the only copy here of their versions, which deleting them would lose, in the cache's
     * path order: each tarball that no version installed whole was unpacked from (by the integrity recorded beside
     * it), with the package and version its manifest names, unless that version is installed whole all the same, with
     * a record of other bytes (a copy without a record is no copy an install uses). Only those tarballs are unpacked,
     * as an install unpacks them but in a temporary folder of the cache's own ({@link TarballCache#unpackFolder}), so
     * that a cache holding what is installed costs no unpack, and the store is only read, never made; one refused, or
     * whose manifest names no version, is no copy an install could use. No store folder, or a file in its place, holds
     * no copy. Only a caller holding the home's lock may call this, as a run killed meanwhile leaves its unpack for the
     * next one taking the lock to remove.
     */
    public List<CachedOnly> onlyInCache(TarballCache tarballs) throws IOException {
        List<CachedOnly> found = new ArrayList<>();
        List<Integrity> cached = tarballs.entries();
        if (cached.isEmpty()) {
            // the store unread, as no tarball needs it
            return List.of();
        }
        boolean storeHere = Files.isDirectory(root);
        Set<Path> installedFrom = new HashSet<>();
        if (storeHere) {
            for (Map.Entry<PackageName, SortedSet<Version>> ofPackage : installedOrDamaged().entrySet()) {
                for (Version version : ofPackage.getValue()) {
                    cachedTarball(ofPackage.getKey(), version, tarballs).ifPresent(installedFrom::add);
                }
            }
        }
        for (Integrity integrity : cached) {
            Path tarball = tarballs.pathOf(integrity);
            if (!installedFrom.contains(tarball)) {
                packagedIn(tarballs, tarball, integrity)
                        .filter(held -> !storeHere || !containsRecorded(held.name(), held.version()))
                        .ifPresent(held -> found.add(new CachedOnly(held.name(), held.version(), tarball)));
            }
        }
        return List.copyOf(found);
    }

    /**
     * A cached tarball holding a version the store holds no whole copy of ({@link #onlyInCache}).
     *
     * @param tarball its file in the cache
     */
    public record CachedOnly(PackageName name, Version version, Path tarball) {
        public CachedOnly {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(tarball, "tarball");
        }
    }

    /** The version the tarball's manifest names, unpacked as an install unpacks it; empty when either refuses. */
    private Optional<NamedVersion> packagedIn(TarballCache tarballs, Path tarball, Integrity integrity)
            throws IOException {
        try {
            return readUnpacked(tarballs.unpackFolder(), tarball, integrity, unpacked -> manifestOf(unpacked)
                    .flatMap(manifest -> NamedVersion.of(manifest.path(ManifestFields.NAME).asText(""),
                            manifest.path(ManifestFields.VERSION).asText(""))));
        } catch (PrompdException refused) {
            return Optional.empty();
        }
    }

    /**
     * Compares every installed version with the tarball it was unpacked from, found in {@code tarballs} by the
     * integrity recorded beside it, as a CI restoring a home from its cache needs before trusting it: an install looks
     * for the manifest alone, so that a warm one stays cheap. A copy whose files differ from the tarball's (one
     * missing, added, or of other bytes), one that is not whole and one whose record holds no integrity are removed
     * as {@link #remove} removes a version, for the next install to put them back whole. A version without a record,
     * or with an empty one (which the next install locking it puts back), or whose tarball is not cached or is
     * refused, is left as it is, unverifiable. Only a caller holding the home's lock may call this, after the cache's
     * own check, so that no copy is compared with a corrupt tarball.
     */
    public StoreCheck verify(TarballCache tarballs, Collection<Path> corrupt) throws IOException {
        int checked = 0;
        List<StoreCheck.Copy> damaged = new ArrayList<>();
        List<StoreCheck.Copy> unverifiable = new ArrayList<>();
        List<StoreCheck.Copy> unchecked = new ArrayList<>();
        List<StoreCheck.Copy> unrecorded = new ArrayList<>();
        for (Map.Entry<PackageName, SortedSet<Version>> ofPackage : installedOrDamaged().entrySet()) {
            for (Version version : ofPackage.getValue()) {
                PackageName name = ofPackage.getKey();
                Judged judged = judge(name, version, tarballs, corrupt);
                StoreCheck.Copy copy = new StoreCheck.Copy(name, version, folderOf(name, version), judged.finding());
                if (judged.verdict() != Verdict.WHOLE && judged.verdict() != Verdict.DAMAGED) {
                    unverifiable.add(copy);
                    if (judged.verdict() == Verdict.TARBALL_CORRUPT) {
                        unchecked.add(copy);
                    } else if (judged.verdict() == Verdict.UNRECORDED) {
                        unrecorded.add(copy);
                    }
                    continue;
                }
                checked++;
                if (judged.verdict() == Verdict.DAMAGED) {
                    remove(name, version);
                    damaged.add(copy);
                }
            }
        }
        return new StoreCheck(checked, damaged, unverifiable, unchecked, unrecorded);
    }

    private enum Verdict { WHOLE, DAMAGED, UNVERIFIABLE, UNRECORDED, TARBALL_CORRUPT }

    private record Judged(Verdict verdict, String finding) {
    }

    private Judged judge(PackageName name, Version version, TarballCache tarballs, Collection<Path> corrupt)
            throws IOException {
        Path folder = folderOf(name, version);
        if (!isWhole(folder)) {
            return new Judged(Verdict.DAMAGED, "it has no " + ManifestReader.FILE_NAME
                    + " that reads as a JSON object");
        }
        Optional<String> recorded = recordedIntegrity(name, version);
        if (recorded.isEmpty()) {
            return new Judged(Verdict.UNRECORDED, lackedRecord(name, version) + " of the tarball it was unpacked from");
        }
        Integrity integrity;
        try {
            integrity = Integrity.parse(recorded.get());
        } catch (IllegalArgumentException unreadable) {
            return new Judged(Verdict.DAMAGED, "its integrity record is damaged");
        }
        Optional<Path> tarball = tarballs.find(integrity);
        if (tarball.isEmpty() && corrupt.contains(tarballs.pathOf(integrity))) {
            return new Judged(Verdict.TARBALL_CORRUPT, "its cached tarball was corrupt and is removed; it was checked"
                    + " against its integrity when installed");
        }
        if (tarball.isEmpty()) {
            return new Judged(Verdict.UNVERIFIABLE, "its tarball is not cached");
        }
        List<String> differences;
        try {
            differences = differencesFrom(folder, tarball.get(), integrity);
        } catch (PrompdException refused) {
            return new Judged(Verdict.UNVERIFIABLE, "its cached tarball is refused: " + refused.getMessage());
        }
        if (differences.isEmpty()) {
            return new Judged(Verdict.WHOLE, "");
        }
        int untold = differences.size() - DIFFERENCES_TOLD;
        return new Judged(Verdict.DAMAGED, String.join("; ", differences.subList(0, Math.min(DIFFERENCES_TOLD,
                differences.size()))) + (untold > 0 ? "; and " + Plural.count(untold, "other difference") : ""));
    }

    /** The differences between the copy and the tarball unpacked beside it. */
    private List<String> differencesFrom(Path folder, Path tarball, Integrity integrity) throws IOException {
        return readUnpacked(folder, tarball, integrity, unpacked -> FolderComparison.differences(unpacked, folder));
    }

    /** Reads a tarball unpacked in a folder of its own. */
    @FunctionalInterface
    private interface UnpackedReader<T> {
        T read(Path unpacked) throws IOException;
    }

    /**
     * What {@code reader} reads of the tarball unpacked as an install unpacks it, in a new temporary folder beside
     * {@code target}, deleted after: one a run killed meanwhile leaves is for the next one taking the lock to remove.
     *
     * @throws PrompdException when the tarball is refused, as an install refuses it
     */
    private <T> T readUnpacked(Path target, Path tarball, Integrity integrity, UnpackedReader<T> reader)
            throws IOException {
        Path unpacked = AtomicFiles.temporaryFolder(target);
        try {
            try (InputStream in = Files.newInputStream(tarball)) {
                SafeUnpacker.unpackVerified(in, integrity, unpacked, limits);
            }
            return reader.read(unpacked);
        } finally {
            Folders.deleteRecursively(unpacked);
        }
    }

    /**
     * Deletes folders of unpacks that a killed run left: at the store's top, or, from earlier versions, beside the
     * version folders, so at most two levels down ({@code @scope/}). An unpack still running is left alone. Entries
     * named as a version that are not whole go too, so that the version installs again, and integrity records beside
     * no whole version, which a run killed while removing a version or before renaming its unpack into place leaves.
     * Only a caller holding the home's lock may call this: every unpack holds it from writing the record to renaming
     * the version into place, so none is between the two meanwhile.
     *
     * @return what was deleted, sorted
     */
    public List<Path> removeLeftovers() throws IOException {
        List<Path> removed = new ArrayList<>(TemporaryFiles.removeOrphans(root, 2));
        for (Path entry : versionEntries()) {
            Optional<Path> version = parse(entry).isPresent() ? Optional.of(entry) : recordedFolder(entry);
            if (version.isPresent() && !isWhole(version.get())) {
                discard(entry);
                removed.add(entry);
            }
        }
        return removed.stream().sorted().toList();
    }

    /** The version folder a record entry is beside, {@code @scope/name@1.2.0}; empty for an entry that is no record. */
    private Optional<Path> recordedFolder(Path entry) {
        return VersionFileNames.storeFolderOfRecord(entry.getFileName().toString()).map(entry::resolveSibling)
                .filter(folder -> parse(folder).isPresent());
    }

    /**
     * Every version installed whole or {@link #isDamaged damaged}, by package: what a user listing or removing versions
     * of the store sees there, as {@code list} and {@code tree} name a damaged copy.
     */
    public SortedMap<PackageName, SortedSet<Version>> installedOrDamaged() throws IOException {
        SortedMap<PackageName, SortedSet<Version>> found = new TreeMap<>();
        for (Path entry : versionEntries()) {
            parse(entry).ifPresent(version -> found.computeIfAbsent(version.name(), key -> new TreeSet<>())
                    .add(version.version()));
        }
        found.replaceAll((name, versions) -> Collections.unmodifiableSortedSet(versions));
        return Collections.unmodifiableSortedMap(found);
    }

    /** The package and version an entry's path names, {@code @scope/name@1.2.0}; empty for any other name. */
    private Optional<NamedVersion> parse(Path entry) {
        String relative = root.relativize(entry).toString().replace('\\', '/');
        int at = relative.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        return NamedVersion.of(relative.substring(0, at), relative.substring(at + 1));
    }

    /**
     * The entries, of any kind, where version folders and their records go: {@code name@v} at the top, or
     * {@code @scope/name@v} one level down; temporaries of runs left out.
     */
    private List<Path> versionEntries() throws IOException {
        if (attributesOf(root).filter(BasicFileAttributes::isDirectory).isEmpty()) {
            requireNoFileInTheWay(root);
            return List.of();
        }
        List<Path> entries = new ArrayList<>();
        for (Path entry : list(root)) {
            String fileName = entry.getFileName().toString();
            if (fileName.startsWith("@")) {
                entries.addAll(list(entry));
            } else {
                entries.add(entry);
            }
        }
        return entries.stream().filter(entry -> !TemporaryFiles.isTemporary(entry)).toList();
    }

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        }
    }
}
