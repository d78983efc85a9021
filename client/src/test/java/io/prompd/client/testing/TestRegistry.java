package io.prompd.client.testing;

import static io.prompd.core.SuggestedCommands.PLAIN;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.Integrity;
import io.prompd.core.archive.PackResult;
import io.prompd.core.archive.PackSelection;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.archive.PackageLocation;
import io.prompd.core.archive.Packer;
import io.prompd.core.json.Json;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.manifest.ManifestWriter;
import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.PackageReport;
import io.prompd.core.packaging.PackageValidator;
import io.prompd.core.protocol.Dist;
import io.prompd.core.protocol.Owners;
import io.prompd.core.protocol.PackageList;
import io.prompd.core.protocol.PackageSummary;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.RegistryDocument;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.source.MemorySource;
import io.prompd.core.source.PackageSource;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A static registry written by the test into a folder, laid out as {@link RegistryLayout} says and
 * with the documents of {@code core.protocol}: what the generator's build writes, made without it.
 * Tarballs are packed by the real {@link Packer}.
 */
public final class TestRegistry {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final Instant FIRST_PUBLICATION = Instant.parse("2026-01-01T00:00:00Z");
    /** The README of the packages this registry makes up from a manifest alone. */
    private static final String README = "README.md";

    private final Path root;
    private final SortedMap<PackageName, SortedMap<Version, VersionDocument>> versions = new TreeMap<>();
    private final SortedMap<PackageName, SortedMap<Version, String>> yanked = new TreeMap<>();
    private final SortedMap<PackageName, SortedMap<Version, String>> deprecated = new TreeMap<>();
    private final SortedMap<PackageName, SortedMap<String, Version>> tags = new TreeMap<>();
    private final SortedMap<PackageName, SortedMap<Version, String>> takenDown = new TreeMap<>();
    private final SortedMap<PackageName, SortedMap<Version, Integrity>> takenDownIntegrity = new TreeMap<>();
    private int published;
    private boolean isPrivate;

    public TestRegistry(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public URI fileUrl() {
        return root.toUri();
    }

    /** Publishes a version whose dependencies are given as name, range, name, range… */
    public TestRegistry publish(String name, String version, String... dependencies) {
        SortedMap<PackageName, VersionRange> declared = new TreeMap<>();
        for (int i = 0; i < dependencies.length; i += 2) {
            declared.put(PackageName.parse(dependencies[i]), VersionRange.parse(dependencies[i + 1]));
        }
        return publish(manifest(name, version).dependencies(declared).build());
    }

    /** Publishes a package whose {@code engines} ask for the prompd versions {@code range} allows. */
    public TestRegistry publishNeedingPrompd(String name, String version, String range) {
        return publish(manifest(name, version).engines(Map.of("prompd", range)).build());
    }

    private static Manifest.Builder manifest(String name, String version) {
        return Manifest.of(PackageName.parse(name), Version.parse(version)).toBuilder()
                .description("Prompts of " + name).license("MIT").prompts(Map.of("greet", "prompts/greet.prmd"));
    }

    private TestRegistry publish(Manifest manifest) {
        String name = manifest.name().toString();
        String version = manifest.version().toString();
        return publish(new MemorySource(name, Map.of(
                "prompd.json", ManifestWriter.write(manifest),
                README, ("# " + name + "\n\nVersion " + version + ".\n").getBytes(StandardCharsets.UTF_8),
                "prompts/greet.prmd",
                "---\nid: greet\ndescription: Says hello\n---\nHello.\n".getBytes(StandardCharsets.UTF_8))));
    }

    /** Publishes a package folder as it is, such as one of the corpus, packed as {@code prompd pack} would. */
    public TestRegistry publish(Path folder) {
        return publish(new DirectorySource(folder));
    }

    private TestRegistry publish(PackageSource source) {
        try {
            Manifest manifest = ManifestReader.read(ManifestReader.FILE_NAME, source.read(ManifestReader.FILE_NAME),
                            PLAIN).manifest()
                    .orElseThrow(() -> new IllegalArgumentException(source.describe() + " has manifest errors"));
            ByteArrayOutputStream tarball = new ByteArrayOutputStream();
            PackSelection selection = PackSelector.select(source, manifest.files(), manifest.ignore(),
                    ArchiveLimits.DEFAULT, PackageLocation.WORKING_FOLDER);
            PackResult packed = Packer.pack(source, selection, tarball);
            Path file = root.resolve(RegistryLayout.tarball(manifest.name(), manifest.version()));
            Files.createDirectories(file.getParent());
            Files.write(file, tarball.toByteArray());
            String tarballUrl = RegistryLayout.url(RegistryLayout.tarballInPackageFolder(manifest.name(),
                    manifest.version()));
            Dist dist = new Dist(tarballUrl, packed.integrity(), packed.size(), packed.fileCount(),
                    packed.unpackedSize());
            Instant publishedAt = FIRST_PUBLICATION.plusSeconds(86_400L * published++);
            // every prompt file the tarball packs, and its README, as the generator serves them
            PackageReport read = new PackageValidator(ArchiveLimits.DEFAULT, PLAIN).readAccepted(source);
            VersionDocument document = VersionDocument.of(manifest, dist, publishedAt, COMMIT, read.prompts(),
                    read.readme());
            versions.computeIfAbsent(manifest.name(), key -> new TreeMap<>()).put(manifest.version(), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write();
    }

    /** Says in registry.json that reading it needs credentials, as a private registry's build does. */
    public TestRegistry makePrivate() {
        isPrivate = true;
        return write();
    }

    /** Says it is public ({@code "private": false}), as it does until {@link #makePrivate}. */
    public TestRegistry makePublic() {
        isPrivate = false;
        return write();
    }

    public TestRegistry yank(String name, String version, String reason) {
        yanked.computeIfAbsent(PackageName.parse(name), key -> new TreeMap<>()).put(Version.parse(version), reason);
        return write();
    }

    public TestRegistry deprecate(String name, String version, String message) {
        deprecated.computeIfAbsent(PackageName.parse(name), key -> new TreeMap<>())
                .put(Version.parse(version), message);
        return write();
    }

    public TestRegistry tag(String name, String tag, String version) {
        tags.computeIfAbsent(PackageName.parse(name), key -> new TreeMap<>()).put(tag, Version.parse(version));
        return write();
    }

    /**
     * Takes a version down as the generator's build does: its document and tarball go, index.json gives the reason
     * and the integrity of the tarball it had.
     */
    public TestRegistry takeDown(String name, String version, String reason) {
        takenDownIntegrity.computeIfAbsent(PackageName.parse(name), key -> new TreeMap<>()).put(Version.parse(version),
                versions.get(PackageName.parse(name)).get(Version.parse(version)).dist().integrity());
        return takeDownNamingNoTarball(name, version, reason);
    }

    /**
     * Records the takedown of a version, published or not, naming the tarball {@code named}: what a registry that never
     * had the version writes to claim another's, the integrity copied from a lock.
     */
    public TestRegistry recordTakedown(String name, String version, String reason, Integrity named) {
        PackageName packageName = PackageName.parse(name);
        takenDownIntegrity.computeIfAbsent(packageName, key -> new TreeMap<>()).put(Version.parse(version), named);
        takenDown.computeIfAbsent(packageName, key -> new TreeMap<>()).put(Version.parse(version), reason);
        return write();
    }

    /**
     * Takes a version down recording no integrity of its tarball, as a registry whose history was rewritten past the
     * version's files, or built by a generator before takedowns named their tarballs, does.
     */
    public TestRegistry takeDownNamingNoTarball(String name, String version, String reason) {
        takenDown.computeIfAbsent(PackageName.parse(name), key -> new TreeMap<>()).put(Version.parse(version), reason);
        return unlist(name, version);
    }

    /** Removes a version without a takedown record, as a registry whose history was rewritten does. */
    public TestRegistry unlist(String name, String version) {
        PackageName packageName = PackageName.parse(name);
        Version gone = Version.parse(version);
        versions.get(packageName).remove(gone);
        try {
            Files.delete(tarball(name, version));
            Files.delete(root.resolve(RegistryLayout.versionDocument(packageName, gone)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write();
    }

    public Path tarball(String name, String version) {
        return root.resolve(RegistryLayout.tarball(PackageName.parse(name), Version.parse(version)));
    }

    /** Changes one byte of a tarball, leaving its recorded integrity as it was. */
    public void tamper(String name, String version) throws IOException {
        Path file = tarball(name, version);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);
    }

    /**
     * Adds an entry to a version's tarball and records the new tarball's integrity, as a hostile registry
     * would: what {@code prompd pack} never writes, arriving with a matching integrity.
     */
    public TestRegistry addToTarball(String name, String version, String entryName, byte[] content) throws IOException {
        ByteArrayOutputStream tarball = new ByteArrayOutputStream();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(
                Files.newInputStream(tarball(name, version))));
                TarArchiveOutputStream out = new TarArchiveOutputStream(new GzipCompressorOutputStream(tarball))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putArchiveEntry(entry);
                in.transferTo(out);
                out.closeArchiveEntry();
            }
            TarArchiveEntry added = new TarArchiveEntry(entryName);
            added.setSize(content.length);
            out.putArchiveEntry(added);
            out.write(content);
            out.closeArchiveEntry();
        }
        return serveAsTarball(name, version, tarball.toByteArray());
    }

    /**
     * Lists other dependencies for a version, given as name, range, name, range…, than its tarball's prompd.json
     * declares, in its index.json and version document, as a broken or hostile registry would.
     */
    public TestRegistry listDependencies(String name, String version, String... dependencies) {
        SortedMap<PackageName, VersionRange> listed = new TreeMap<>();
        for (int i = 0; i < dependencies.length; i += 2) {
            listed.put(PackageName.parse(dependencies[i]), VersionRange.parse(dependencies[i + 1]));
        }
        SortedMap<Version, VersionDocument> documents = versions.get(PackageName.parse(name));
        VersionDocument d = documents.get(Version.parse(version));
        documents.put(d.version(), changed(d, listed, d.dist()));
        return write();
    }

    /** Serves these bytes as a version's tarball, its index recording their integrity. */
    public TestRegistry serveAsTarball(String name, String version, byte[] tgz) throws IOException {
        SortedMap<Version, VersionDocument> documents = versions.get(PackageName.parse(name));
        VersionDocument d = documents.get(Version.parse(version));
        Dist dist = new Dist(d.dist().tarball(), Integrity.of(tgz), tgz.length, d.dist().fileCount(),
                d.dist().unpackedSize());
        documents.put(d.version(), changed(d, d.dependencies(), dist));
        Files.write(tarball(name, version), tgz);
        return write();
    }

    /** The same version listing these dependencies, served as this tarball: what a broken registry changes. */
    private static VersionDocument changed(VersionDocument d, SortedMap<PackageName, VersionRange> dependencies,
                                           Dist dist) {
        return new VersionDocument(d.name(), d.version(), d.description(), d.keywords(), d.category(), d.author(),
                d.license(), d.repository(), dependencies, d.engines(), d.main(), d.prompts(), dist, d.publishedAt(),
                d.commit(), d.promptFiles(), d.readme());
    }

    /** registry.json, index.json of every package, each version's document, and packages.json. */
    private TestRegistry write() {
        try {
            List<PackageSummary> summaries = new ArrayList<>();
            for (var entry : versions.entrySet()) {
                if (entry.getValue().isEmpty()) {
                    writeWithoutVersions(entry.getKey());
                    continue;
                }
                Packument packument = packument(entry.getKey(), entry.getValue());
                write(RegistryLayout.packument(entry.getKey()), packument);
                for (VersionDocument document : entry.getValue().values()) {
                    write(RegistryLayout.versionDocument(entry.getKey(), document.version()), document);
                }
                summaries.add(new PackageSummary(entry.getKey(), packument.distTags().get("latest"),
                        packument.description(), List.of(), null, null, packument.updatedAt()));
            }
            write(RegistryLayout.REGISTRY_DOCUMENT,
                    new RegistryDocument(RegistryLayout.PROTOCOL_VERSION, "Test registry",
                    "https://git.example.test/registry.git", isPrivate, COMMIT, FIRST_PUBLICATION,
                    RegistryLayout.urlTemplates(),
                    new RegistryDocument.Counts(summaries.size(),
                            versions.values().stream().mapToInt(Map::size).sum())));
            write(RegistryLayout.PACKAGE_LIST, new PackageList(summaries));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A package with no version left: once every one was taken down, its index.json holds the takedowns, and
     * packages.json leaves it out; once unlisted without a record, it is gone.
     */
    private void writeWithoutVersions(PackageName name) throws IOException {
        SortedMap<Version, String> takedowns = takenDown.getOrDefault(name, new TreeMap<>());
        if (takedowns.isEmpty()) {
            Files.deleteIfExists(root.resolve(RegistryLayout.packument(name)));
            return;
        }
        write(RegistryLayout.packument(name), Packument.everyVersionTakenDown(name, Owners.NONE, takedowns,
                takenDownIntegrity.getOrDefault(name, new TreeMap<>()), FIRST_PUBLICATION));
    }

    private Packument packument(PackageName name, SortedMap<Version, VersionDocument> documents) {
        SortedMap<Version, String> yanks = yanked.getOrDefault(name, new TreeMap<>());
        SortedMap<Version, String> deprecations = deprecated.getOrDefault(name, new TreeMap<>());
        SortedMap<String, Version> distTags = new TreeMap<>(tags.getOrDefault(name, new TreeMap<>()));
        if (!distTags.containsKey("latest")) {
            documents.keySet().stream().filter(version -> !version.isPreRelease() && !yanks.containsKey(version))
                    .max(Version::compareTo).ifPresent(latest -> distTags.put("latest", latest));
        }
        SortedMap<Version, VersionSummary> summaries = new TreeMap<>();
        documents.forEach((version, document) -> summaries.put(version,
                document.summary(yanks.get(version), deprecations.get(version))));
        VersionDocument newest = documents.get(documents.lastKey());
        return new Packument(name, newest.description(), List.of(), null, null, "MIT", null, Owners.NONE, distTags,
                summaries, newest.publishedAt(), takenDown.getOrDefault(name, new TreeMap<>()),
                takenDownIntegrity.getOrDefault(name, new TreeMap<>()));
    }

    private void write(String path, Object document) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, Json.write(document));
    }
}
