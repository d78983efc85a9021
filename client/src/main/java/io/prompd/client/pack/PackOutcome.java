package io.prompd.client.pack;

import io.prompd.core.archive.PackResult;
import io.prompd.core.packaging.PackageReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PackService#pack} did.
 *
 * @param report  the validation of the package
 * @param tarball  the tarball written, absent when the report has errors
 * @param repaired what killed runs had left at the package's root, deleted first
 */
public record PackOutcome(PackageReport report, Optional<Tarball> tarball, List<Path> repaired) {

    public PackOutcome {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(tarball, "tarball");
        repaired = List.copyOf(repaired);
    }

    /**
     * @param file      where the tarball was written; empty when it went to a stream, such as standard output
     * @param leftovers what packs of the same file killed midway had left beside it, deleted first, sorted
     */
    public record Tarball(Optional<Path> file, PackResult result, List<Path> leftovers) {
        public Tarball {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(result, "result");
            leftovers = List.copyOf(leftovers);
        }
    }
}
