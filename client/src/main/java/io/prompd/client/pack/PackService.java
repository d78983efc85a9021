package io.prompd.client.pack;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.PackResult;
import io.prompd.core.archive.Packer;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.packaging.PackageReport;
import io.prompd.core.packaging.PackageValidator;
import io.prompd.core.source.DirectorySource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Validates a package folder and, when it has no errors, packs it into a reproducible tarball. */
public final class PackService {

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
        PackResult result = Packer.packToFile(source, report.selection(), tarball);
        return new PackOutcome(report, Optional.of(new PackOutcome.Tarball(tarball, result)));
    }

    /** {@code scope-name-1.0.0.tgz}, as npm names the tarball of {@code @scope/name@1.0.0}. */
    public static String defaultFileName(Manifest manifest) {
        String scope = manifest.name().isScoped() ? manifest.name().scope() + "-" : "";
        return scope + manifest.name().name() + "-" + manifest.version() + ".tgz";
    }
}
