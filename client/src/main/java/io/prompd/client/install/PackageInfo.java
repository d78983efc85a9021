package io.prompd.client.install;

import io.prompd.client.http.NotCached;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PackageRegistry;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.name.PackageSpec;
import io.prompd.core.protocol.Dist;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.resolve.NearestVersions;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A package as the registry describes it, and one of its versions in full.
 *
 * @param packument every version with its dates and status, the dist-tags, and the versions taken down
 * @param shown     the version asked for: the one a range or tag selects, else {@code latest}; empty when
 *                  every version was taken down and none was asked for, the package described by its takedowns
 * @param range     the range asked for, if one was: the versions taken down within it are told apart, as an
 *                  install of it names them when they leave it none
 */
public record PackageInfo(Packument packument, Optional<ShownVersion> shown, Optional<VersionRange> range) {

    public PackageInfo {
        Objects.requireNonNull(packument, "packument");
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(range, "range");
    }

    /**
     * The versions taken down that the range asked for matches, with the maintainers' reasons; none without a range.
     */
    public SortedMap<Version, String> takenDownInRange() {
        SortedMap<Version, String> within = new TreeMap<>(packument.takenDown());
        within.keySet().removeIf(version -> range.filter(asked -> asked.satisfiedBy(version)).isEmpty());
        return Collections.unmodifiableSortedMap(within);
    }

    /** {@code within ^1.0.0, 1.1.0 is taken down: leaked an API key}, in an install's words; empty when none is. */
    public Optional<String> takenDownInRangeNote() {
        Takedowns takedowns = new Takedowns(packument.takenDown(), packument.hasNoVersionLeft());
        return range.flatMap(asked -> takedowns.matching(asked).map(which -> "within " + asked + ", " + which));
    }

    /**
     * @param document the version's {@code <version>.json}, or what the package's {@code index.json} says of it
     * @param tarball  its tarball, absolute: the documents' URLs are relative to where they were read
     * @param summary  whether the document is made of the index's summary: offline, with the index cached (as an
     *                 install leaves it) and the version's own document not, which an install never fetches; what
     *                 only the version's own document says, such as its README, is then missing
     *                 ({@link VersionSummary#asDocument})
     */
    public record ShownVersion(VersionDocument document, URI tarball, boolean summary) {

        public ShownVersion {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(tarball, "tarball");
        }

        /**
         * The version's {@code dist}, with its tarball's absolute URL as the lock records it and messages show it
         * ({@link LockedPackage#display}): of its query only the parameters that address a file, as the others, a
         * pre-signed URL's signature or a token, may be credentials, which {@code info --json} went on to print.
         */
        public Dist dist() {
            Dist dist = document.dist();
            return new Dist(LockedPackage.display(tarball), dist.integrity(), dist.size(), dist.fileCount(),
                    dist.unpackedSize());
        }
    }

    /**
     * Looks the package up in the registry serving its name; a failure that offers {@code --offline} keeps the offer
     * only where the look-up from the cache alone gets through ({@link OfflineOffer}).
     *
     * @param offline whether the run reads the cache alone, where a version's own document not cached is made of its
     *                summary in the package's index.json
     * @throws PrompdException NOT_FOUND, with similar names, when there is no such package or version, and with
     *                         the reason when the version named was taken down
     */
    public static PackageInfo read(PackageSpec spec, PackageRegistry registry, boolean offline) throws IOException {
        return OfflineOffer.checked(() -> of(spec, registry, offline), () -> of(spec, registry.cacheOnly(), true));
    }

    private static PackageInfo of(PackageSpec spec, PackageRegistry registry, boolean offline) {
        PublishedPackage published;
        try (RegistryIndex index = new RegistryIndex(registry)) {
            published = index.require(spec.name());
        }
        Optional<ShownVersion> shown = select(spec, published, registry.commands())
                .map(version -> shown(published, version, registry, offline));
        Optional<VersionRange> range = spec.selector() instanceof PackageSpec.Range asked ? Optional.of(asked.range())
                : Optional.empty();
        return new PackageInfo(published.packument(), shown, range);
    }

    /**
     * The version's own document, or offline, when only the index is cached, the document its summary there
     * makes: the index says most of what info shows, so an installed package is described offline too.
     */
    private static ShownVersion shown(PublishedPackage published, Version version, PackageRegistry registry,
                                      boolean offline) {
        VersionSummary summary = published.version(version).orElseThrow();
        URI tarball = published.tarballUrl(summary);
        try {
            return new ShownVersion(registry.versionDocument(published, version), tarball, false);
        } catch (PrompdException failed) {
            if (!offline || !(failed instanceof NotCached)) {
                throw failed;
            }
            return new ShownVersion(summary.asDocument(published.packument().name()), tarball, true);
        }
    }

    /** The version to show; none for a package whose every version was taken down, asked for by name alone. */
    private static Optional<Version> select(PackageSpec spec, PublishedPackage published,
                                            SuggestedCommands commands) {
        if (spec.selector() instanceof PackageSpec.Range range) {
            // a package with no version left included, which the range is refused for as the install of it is
            RequestedPackage.requireNotTakenDown(published, range.range(), commands);
            Optional<Version> exact = range.range().exactVersion();
            // a version named exactly is shown even when yanked: that is when one wants to read why
            return Optional.of(exact.filter(published.packument().versions()::containsKey)
                    .or(() -> published.preferredAllowed(List.of(range.range())))
                    .orElseThrow(() -> new VersionNotFound(spec.name(), range.range(), Optional.empty(),
                            "no version of " + spec.name() + " matches " + range.range()
                                    + why(published, range.range()),
                            commands.quoted("info " + spec.name()) + " lists its versions")));
        }
        if (published.packument().hasNoVersionLeft()) {
            if (spec.selector() instanceof PackageSpec.Latest) {
                return Optional.empty();
            }
            throw RequestedPackage.noVersionLeft(published);
        }
        if (spec.selector() instanceof PackageSpec.DistTag tag) {
            return Optional.of(published.requireTag(tag.tag(), commands));
        }
        return Optional.of(published.latest().orElseGet(() -> published.packument().versions().lastKey()));
    }

    /**
     * {@code  (1.0.0 is yanked; 1.1.0 is taken down: broken)}, the versions in the range an install names too; where
     * there is none, {@code  (published: …, 1.1.0, 2.0.0, 2.1.0)}, the versions nearest the one asked for, as an
     * install names them, so that a version never published is seen at once to be off.
     */
    private static String why(PublishedPackage published, VersionRange range) {
        List<String> reasons = new ArrayList<>();
        List<String> yanked = published.packument().versions().values().stream()
                .filter(version -> version.yanked() != null && range.satisfiedBy(version.version()))
                .map(version -> version.version().toString()).toList();
        if (!yanked.isEmpty()) {
            reasons.add(Plural.series(yanked, "and") + (yanked.size() == 1 ? " is" : " are") + " yanked");
        }
        published.takedowns().matching(range).ifPresent(reasons::add);
        if (reasons.isEmpty()) {
            // the versions an install chooses among, which its explanation names: a yanked one is not
            List<Version> choosable = published.packument().versions().values().stream()
                    .filter(version -> version.yanked() == null).map(VersionSummary::version).toList();
            NearestVersions.around(choosable, range).ifPresent(nearest -> reasons.add("published: " + nearest));
        }
        return reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")";
    }
}
