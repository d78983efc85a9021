package io.prompd.client.install;

import io.prompd.client.http.Urls;
import io.prompd.client.install.registry.PackageRegistry;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageSpec;
import io.prompd.core.protocol.Dist;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.version.Version;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A package as the registry describes it, and one of its versions in full.
 *
 * @param packument every version with its dates and status, the dist-tags, and the versions taken down
 * @param shown     the version asked for: the one a range or tag selects, else {@code latest}
 * @param tarball   the shown version's tarball, absolute: the documents' URLs are relative to where they were read
 */
public record PackageInfo(Packument packument, VersionDocument shown, URI tarball) {

    public PackageInfo {
        Objects.requireNonNull(packument, "packument");
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(tarball, "tarball");
    }

    /**
     * Looks the package up.
     *
     * @throws PrompdException NOT_FOUND, with similar names, when there is no such package or version, and with
     *                         the reason when the version named was taken down
     */
    public static PackageInfo of(PackageSpec spec, RegistryIndex index, PackageRegistry registry) {
        PublishedPackage published = index.require(spec.name());
        Version version = select(spec, published);
        return new PackageInfo(published.packument(), registry.versionDocument(spec.name(), version),
                published.tarballUrl(published.version(version).orElseThrow()));
    }

    /** The shown version's {@code dist}, with its tarball's absolute URL. */
    public Dist dist() {
        Dist dist = shown.dist();
        return new Dist(Urls.written(tarball), dist.integrity(), dist.size(), dist.fileCount(), dist.unpackedSize());
    }

    private static Version select(PackageSpec spec, PublishedPackage published) {
        if (spec.selector() instanceof PackageSpec.DistTag tag) {
            return published.requireTag(tag.tag());
        }
        if (spec.selector() instanceof PackageSpec.Range range) {
            Optional<Version> exact = range.range().exactVersion();
            Optional<String> takedown = exact.map(published.packument().takenDown()::get);
            if (takedown.isPresent()) {
                throw new PrompdException(ExitCode.NOT_FOUND, spec.name() + "@" + exact.get() + " is "
                        + StatusNotes.labelled("taken down", takedown.get()), "'prompd info " + spec.name()
                        + "' lists the versions left");
            }
            // a version named exactly is shown even when yanked: that is when one wants to read why
            return exact.filter(published.packument().versions()::containsKey)
                    .or(() -> published.highestAllowed(List.of(range.range())))
                    .orElseThrow(() -> new PrompdException(ExitCode.NOT_FOUND, "no version of " + spec.name()
                            + " matches " + range.range(), "'prompd info " + spec.name() + "' lists its versions"));
        }
        return published.latest().orElseGet(() -> published.packument().versions().lastKey());
    }
}
