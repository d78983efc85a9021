package io.prompd.client.pack;

import io.prompd.core.archive.PackResult;
import io.prompd.core.packaging.PackageReport;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PackService#pack} did.
 *
 * @param report  the validation of the package
 * @param tarball the tarball written, absent when the report has errors
 */
public record PackOutcome(PackageReport report, Optional<Tarball> tarball) {

    public PackOutcome {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(tarball, "tarball");
    }

    public record Tarball(Path file, PackResult result) {
        public Tarball {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(result, "result");
        }
    }
}
