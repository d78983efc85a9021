package io.prompd.client.pack;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.PackResult;
import io.prompd.core.archive.Packer;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.packaging.PackageReport;
import io.prompd.core.packaging.PackageValidator;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.source.SourceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** Validates a package folder and, when it has no errors, packs it into a reproducible tarball. */
public final class PackService {

    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};

    private final PackageValidator validator;

    public PackService(ArchiveLimits limits) {
        this.validator = new PackageValidator(limits);
    }

    public PackageReport validate(Path folder) throws IOException {
        return validator.validate(new DirectorySource(folder));
    }

    /** Where a tarball goes: a file by that name, or a folder (created when missing) for {@link #defaultFileName}. */
    public record Target(Path path, boolean isFolder) {

        public Target {
            Objects.requireNonNull(path, "path");
        }

        public static Target file(Path file) {
            return new Target(file, false);
        }

        public static Target folder(Path folder) {
            return new Target(folder, true);
        }
    }

    /** Packs the folder unless validation found errors, in which case the report says why and nothing is written. */
    public PackOutcome pack(Path folder, Target target) throws IOException {
        DirectorySource source = new DirectorySource(folder);
        PackageReport report = validator.validate(source);
        Optional<Manifest> manifest = report.packable();
        if (manifest.isEmpty()) {
            return new PackOutcome(report, Optional.empty());
        }
        Path tarball = target.isFolder() ? target.path().resolve(defaultFileName(manifest.get())) : target.path();
        requireReplaceable(tarball, folder, report);
        PackResult result = Packer.packToFile(source, report.selection(), tarball);
        return new PackOutcome(report, Optional.of(new PackOutcome.Tarball(tarball, result)));
    }

    /**
     * The tarball replaces whatever has its name, so only an earlier tarball may stand there, as npm
     * repacks over its own: anything else (the package's own manifest, a link whose target the
     * rename would not follow but replace, a device) would be lost without a word.
     *
     * @throws PrompdException CONFLICT when something else stands there
     */
    private static void requireReplaceable(Path tarball, Path folder, PackageReport report) throws IOException {
        if (!Files.exists(tarball, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(tarball, LinkOption.NOFOLLOW_LINKS)) {
            throw notReplaced(tarball, "it is " + (Files.isSymbolicLink(tarball) ? "a symbolic link"
                    : "not a regular file (a device, pipe or socket)"));
        }
        for (SourceEntry entry : report.selection().included()) {
            if (Files.isSameFile(tarball, folder.resolve(entry.path()))) {
                throw notReplaced(tarball, "it is the package's own " + entry.path() + ", which it packs");
            }
        }
        if (!isGzip(tarball)) {
            throw notReplaced(tarball, "it is not a gzip tarball, as an earlier pack would have written");
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        byte[] start = new byte[GZIP_MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(start, 0, start.length) == start.length && Arrays.equals(start, GZIP_MAGIC);
        }
    }

    private static PrompdException notReplaced(Path tarball, String why) {
        return new PrompdException(ExitCode.CONFLICT, "refusing to write the tarball over " + tarball + ": " + why,
                "give --out a new file name or a folder, or move that file away first");
    }

    /** {@code scope-name-1.0.0.tgz}, as npm names the tarball of {@code @scope/name@1.0.0}. */
    public static String defaultFileName(Manifest manifest) {
        String scope = manifest.name().isScoped() ? manifest.name().scope() + "-" : "";
        return scope + manifest.name().name() + "-" + manifest.version() + ".tgz";
    }
}
