package io.prompd.generator.build;

import io.prompd.core.archive.Integrity;
import io.prompd.core.archive.PackResult;
import io.prompd.core.archive.Packer;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.packaging.PackageReport;
import io.prompd.core.packaging.PackageValidator;
import io.prompd.core.problem.Problem;
import io.prompd.core.protocol.Dist;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.source.PackageSource;
import io.prompd.generator.source.GitTreeSource;
import io.prompd.generator.source.Publication;
import io.prompd.generator.source.RegistrySnapshot;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one version folder and packs it, with the very code {@code prompd pack} runs on a
 * folder, so the registry's tarball is byte for byte the one its author packed. The folder was
 * validated by the pull-request check that merged it, so only what the output depends on is
 * read again ({@link PackageValidator#readAccepted}).
 */
final class VersionPacker {

    private final RegistrySnapshot snapshot;
    private final PackageValidator validator;
    private final Links links;

    VersionPacker(RegistrySnapshot snapshot, PackageValidator validator, Links links) {
        this.snapshot = snapshot;
        this.validator = validator;
        this.links = links;
    }

    /** A packed version's document, or every problem that kept it from being packed. */
    record Packed(Optional<VersionDocument> document, List<Problem> problems) {

        Packed {
            problems = List.copyOf(problems);
        }
    }

    /** Reads the folder and, when it has no errors, streams its tarball into the staging area. */
    Packed pack(VersionFolder folder, Publication publication, StagingArea staging) throws IOException {
        Read read = read(folder);
        Optional<Manifest> packable = read.packable();
        if (packable.isEmpty()) {
            return new Packed(Optional.empty(), read.problems());
        }
        PackageSource source = read.source();
        PackageReport report = read.report();
        Manifest manifest = packable.get();
        PackResult packed;
        String tarball = RegistryLayout.tarball(folder.name(), folder.version());
        try (OutputStream out = staging.create(tarball)) {
            packed = Packer.pack(source, report.selection(), out);
        }
        staging.keepPreviousIfSame(tarball);
        Dist dist = new Dist(links.tarball(folder.name(), folder.version()), packed.integrity(), packed.size(),
                packed.fileCount(), packed.unpackedSize());
        return new Packed(Optional.of(VersionDocument.of(manifest, dist, publication.time(),
                publication.commit().name(), report.prompts(), report.readme())), List.of());
    }

    /**
     * The integrity of the tarball the folder of a version taken down packs to, as {@link #pack} would have packed
     * it, written nowhere; empty when it does not pack, as a folder the build refuses: nothing is served of it to
     * refuse, and a takedown that names no tarball is taken for that of no lock's.
     */
    Optional<Integrity> integrity(VersionFolder folder) throws IOException {
        Read read = read(folder);
        if (read.packable().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Packer.pack(read.source(), read.report().selection(), OutputStream.nullOutputStream())
                .integrity());
    }

    /** A folder's files as read and validated, and its errors. */
    private record Read(PackageSource source, PackageReport report, List<Problem> problems) {

        /** The manifest to pack the folder by; empty when the build refuses the folder. */
        Optional<Manifest> packable() {
            return problems.isEmpty() ? report.packable() : Optional.empty();
        }
    }

    private Read read(VersionFolder folder) throws IOException {
        GitTreeSource files = snapshot.source(folder);
        PackageSource source = new ReadOnceSource(files);
        PackageReport report = validator.readAccepted(source);
        List<Problem> problems = new ArrayList<>(folder.inRepository(
                report.problems().stream().filter(Problem::isError).toList(), files));
        problems.addAll(folder.mismatches(report.manifestResult()));
        problems.addAll(folder.handWritten(files));
        return new Read(source, report, problems);
    }
}
