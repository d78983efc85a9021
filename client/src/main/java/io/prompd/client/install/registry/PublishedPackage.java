package io.prompd.client.install.registry;

import io.prompd.client.install.lock.LockedPackage;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.TerminalText;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.Urls;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A package's {@code index.json} with the URL it was read from, against which its relative tarball
 * URLs resolve.
 */
public record PublishedPackage(Packument packument, URI url) {

    public PublishedPackage {
        Objects.requireNonNull(packument, "packument");
        Objects.requireNonNull(url, "url");
    }

    public Optional<VersionSummary> version(Version version) {
        return Optional.ofNullable(packument.versions().get(version));
    }

    /** The versions its maintainers took down, as the resolver explains them. */
    public Takedowns takedowns() {
        return new Takedowns(packument.takenDown(), packument.hasNoVersionLeft());
    }

    /** The version a dist-tag points at. */
    public Optional<Version> taggedVersion(String tag) {
        return Optional.ofNullable(packument.distTags().get(tag));
    }

    /**
     * @param commands how the hint spells the command that lists the versions
     * @throws PrompdException NOT_FOUND, listing the tags there are, their line breaks spelt out (the registry names
     *                         them), when the package has no such tag
     */
    public Version requireTag(String tag, SuggestedCommands commands) {
        return taggedVersion(tag).orElseThrow(() -> new TagNotFound(packument.name(), tag,
                packument.distTags().isEmpty() ? "it has no dist-tags: ask for a version or a range, as "
                        + commands.quoted("info " + packument.name()) + " lists them"
                        : "its dist-tags are: " + packument.distTags().keySet().stream().map(TerminalText::oneLine)
                                .collect(Collectors.joining(", "))));
    }

    /**
     * Whether {@code version} is the {@link #latest} one and no version listed, neither yanked nor a pre-release, is
     * higher: one that neither an update nor a range raised moves from.
     */
    public boolean isNewest(Version version) {
        return latest().equals(Optional.of(version)) && packument.versions().values().stream()
                .noneMatch(listed -> listed.yanked() == null && !listed.version().isPreRelease()
                        && listed.version().compareTo(version) > 0);
    }

    /**
     * The highest version below {@code below}, yanked ones left out, that every range allows and whose entry in the
     * index names {@code path} as its main prompt or one of its prompts: known to have the file without its tarball,
     * where a file no prompt of it is goes unknown.
     */
    public Optional<Version> highestBelowWithPrompt(Version below, String path, Collection<VersionRange> ranges) {
        return highestAllowed(allowedBy(ranges).and(version -> version.compareTo(below) < 0),
                summary -> path.equals(summary.main()) || summary.prompts().containsValue(path));
    }

    /** The highest version every range allows, yanked ones left out. */
    public Optional<Version> highestAllowed(Collection<VersionRange> ranges) {
        return highestAllowed(allowedBy(ranges), version -> true);
    }

    private Optional<Version> highestAllowed(Predicate<Version> allowed, Predicate<VersionSummary> choosable) {
        return packument.versions().values().stream()
                .filter(version -> version.yanked() == null && choosable.test(version))
                .map(VersionSummary::version)
                .filter(allowed)
                .max(Version::compareTo);
    }

    private static Predicate<Version> allowedBy(Collection<VersionRange> ranges) {
        return version -> ranges.stream().allMatch(range -> range.satisfiedBy(version));
    }

    /** The yanked versions every range allows, each with its registry's reason, blank when it gave none. */
    public SortedMap<Version, String> yankedAllowed(Collection<VersionRange> ranges) {
        SortedMap<Version, String> yanked = new TreeMap<>();
        packument.versions().values().stream()
                .filter(version -> version.yanked() != null)
                .filter(version -> ranges.stream().allMatch(range -> range.satisfiedBy(version.version())))
                .forEach(version -> yanked.put(version.version(), version.yanked()));
        return Collections.unmodifiableSortedMap(yanked);
    }

    /**
     * The version a resolution chooses among those every range allows when nothing else decides: the one
     * {@code latest} points at when they allow it and it is published and neither yanked nor deprecated, as
     * npm-pick-manifest chooses, else the highest not deprecated, else the highest, as
     * {@link io.prompd.core.resolve.Strategy#HIGHEST} says and {@link RegistryIndex} tells the resolver; what
     * {@code outdated} calls wanted.
     */
    public Optional<Version> preferredAllowed(Collection<VersionRange> ranges) {
        return preferredAmong(allowedBy(ranges));
    }

    /**
     * The version {@link #preferredAllowed} chooses, among the published versions {@code allowed} lets through rather
     * than those ranges allow: offline, those at hand.
     */
    public Optional<Version> preferredAmong(Predicate<Version> allowed) {
        Predicate<VersionSummary> current = version -> version.deprecated() == null;
        return taggedLatest().filter(tagged -> version(tagged).filter(current).isPresent() && allowed.test(tagged))
                .or(() -> highestAllowed(allowed, current))
                .or(() -> highestAllowed(allowed, version -> true));
    }

    /** The version {@code latest} points at, when it is published and not yanked. */
    public Optional<Version> taggedLatest() {
        return taggedVersion(Packument.LATEST)
                .filter(tagged -> version(tagged).filter(summary -> summary.yanked() == null).isPresent());
    }

    /** The version {@code latest} points at when its registry yanked it, which {@link #latest} passes over. */
    public Optional<VersionSummary> yankedLatest() {
        return taggedVersion(Packument.LATEST).filter(this::isYanked).map(packument.versions()::get);
    }

    /**
     * The version {@code latest} points at; without that tag, or when it points at a yanked version
     * (which a resolution would refuse), the highest that is neither yanked nor a pre-release.
     */
    public Optional<Version> latest() {
        return taggedVersion(Packument.LATEST).filter(tagged -> !isYanked(tagged))
                .or(() -> packument.versions().values().stream()
                        .filter(version -> version.yanked() == null && !version.version().isPreRelease())
                        .map(VersionSummary::version).max(Version::compareTo));
    }

    private boolean isYanked(Version version) {
        VersionSummary summary = packument.versions().get(version);
        return summary != null && summary.yanked() != null;
    }

    /**
     * Whether the registry gives the version's tarball at the URL the lock entry records: the URL its index names, as
     * a lock records it ({@link LockedPackage#standsFor}), or its own tarball path, which a download reads first when
     * that URL lies outside the registry ({@link PackageRegistry#download}), and which the lock then records when the
     * bytes came from there.
     */
    public boolean givesTarballAt(VersionSummary version, LockedPackage locked) {
        return locked.standsFor(version.version(), tarballUrl(version)) || url.resolve(RegistryLayout.url(
                RegistryLayout.tarballInPackageFolder(packument.name(), version.version()))).equals(locked.resolved());
    }

    /**
     * The tarball's absolute URL without user information, since credentials go in headers, never in URLs written
     * down; with its query, which a pre-signed URL needs to be read, and whose signature a lock records it without
     * ({@link LockedPackage#recordable}).
     */
    public URI tarballUrl(VersionSummary version) {
        URI resolved = Urls.resolve(url, version.dist().tarball());
        if (resolved.getRawUserInfo() == null) {
            return resolved;
        }
        try {
            return new URI(resolved.getScheme(), null, resolved.getHost(), resolved.getPort(), resolved.getPath(),
                    resolved.getQuery(), null);
        } catch (URISyntaxException impossible) {
            throw new PrompdException(ExitCode.FAILURE, "the registry gives an unusable tarball URL for "
                    + packument.name() + "@" + version.version() + ": " + resolved,
                    "report it to the registry's maintainers");
        }
    }
}
