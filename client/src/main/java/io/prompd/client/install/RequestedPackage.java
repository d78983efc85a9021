package io.prompd.client.install;

import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.TerminalText;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.PackageSpec;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.resolve.Candidate;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A package named on the command line, with the range to solve it with.
 *
 * @param range      what the resolver must meet
 * @param written    the range the user wrote, saved as it is; absent when the user gave none, a
 *                   dist-tag or a bare version, and then the version chosen is saved as {@code saveExact} says
 * @param saveExact  save the version chosen as it is, as npm's {@code --save-exact} does, rather than
 *                   as {@code ^<version>}
 * @param latest     named alone, the version whose {@code ^} range prompd chose: the latest, or offline the highest
 *                   at hand below it; empty when the user gave a range, a dist-tag or a version
 * @param tag        named with a dist-tag, the tag, whose version prompd chose as the range; empty otherwise
 */
record RequestedPackage(PackageName name, VersionRange range, Optional<VersionRange> written, boolean saveExact,
                        Optional<Version> latest, Optional<String> tag) {

    RequestedPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(tag, "tag");
        if (latest.isPresent() && tag.isPresent()) {
            throw new IllegalArgumentException("prompd chose the range of " + name + " from its latest version or from"
                    + " a dist-tag, not both");
        }
    }

    /**
     * The request a spec makes. A dist-tag, {@code latest} included, is looked up in the package's
     * {@code index.json} first: the resolver knows versions and ranges, not tags. So is a range, for
     * the takedowns the resolver does not know of, and for the reason of a yanked version it names exactly.
     *
     * @param lock    the project's lock, empty for a global install: a dist-tag or an exact version may name a yanked
     *                version it pins
     * @param install the subcommand that installs the package, {@code --global} and all, for the hint of a refusal,
     *                spelt as the index's {@linkplain RegistryIndex#commands commands}
     * @throws PrompdException NOT_FOUND for an unknown package or dist-tag, or a dist-tag or an exact version naming a
     *                         yanked version the lock does not pin; with the maintainers' reasons for a version taken
     *                         down or yanked named exactly, and for a package with no version left
     */
    static RequestedPackage of(PackageSpec spec, RegistryIndex index, LockFile lock, boolean saveExact,
                               String install) {
        PackageName name = spec.name();
        if (spec.selector() instanceof PackageSpec.Range range) {
            // a package missing is the resolver's to report, with whatever else of the graph it cannot find
            index.find(name).ifPresent(published -> {
                requireNotTakenDown(published, range.range(), index.commands());
                if (range.range().exactVersion().isPresent()) {
                    requireNotYanked(published, range.range(), Optional.empty(), Optional.empty(), lock, install,
                            index.commands());
                }
            });
            // a bare version (1.2.3, v1.2.3) picks the version to install, not the range to keep: npm saves it as
            // ^1.2.3, and cargo reads "1.2.3" so; an operator (=1.2.3, ^1.2) is a range the user chose, kept as written
            Optional<VersionRange> written = range.range().bareVersion().isPresent()
                    ? Optional.empty() : Optional.of(range.range());
            return new RequestedPackage(name, range.range(), written, saveExact, Optional.empty(), Optional.empty());
        }
        Optional<LockedPackage> gone = lock.get(name)
                .filter(locked -> LockedInstaller.goneFromRegistry(name, locked, index));
        if (gone.isPresent()) {
            // a package locked and gone has no latest to install, nor is one of the names the registry has it
            throw StatusNotes.goneFromRegistry(new ProjectGraph(new TreeMap<>(), lock), name, gone.get().version(),
                    index, Optional.empty());
        }
        PublishedPackage published = index.require(name);
        if (published.packument().hasNoVersionLeft()) {
            throw noVersionLeft(published);
        }
        if (spec.selector() instanceof PackageSpec.DistTag tag) {
            VersionRange tagged = VersionRange.parse(published.requireTag(tag.tag(), index.commands()).toString());
            // the install of the name passes a yanked latest by
            requireNotYanked(published, tagged, Optional.of(tag.tag()),
                    tag.tag().equals(Packument.LATEST) ? published.latest() : Optional.empty(), lock, install,
                    index.commands());
            return new RequestedPackage(name, tagged, Optional.empty(), saveExact, Optional.empty(),
                    Optional.of(tag.tag()));
        }
        Version latest = published.latest().orElseThrow(() -> nothingToInstallByName(published, install,
                index.commands()));
        Version offered = highestOffered(index, published, latest);
        return new RequestedPackage(name, VersionRange.caret(offered), Optional.empty(), saveExact,
                Optional.of(offered), Optional.empty());
    }

    /**
     * Refuses a request that only a version taken down could meet: any, once every version of the package is
     * taken down, or the one taken down that the range names exactly.
     *
     * @param commands how the hint spells the command that lists the versions left
     * @throws VersionNotFound with the maintainers' reasons
     */
    static void requireNotTakenDown(PublishedPackage published, VersionRange range, SuggestedCommands commands) {
        Packument packument = published.packument();
        if (packument.hasNoVersionLeft()) {
            throw new VersionNotFound(packument.name(), range, Optional.empty(), noVersionLeftMessage(published), "");
        }
        Optional<Version> exact = range.exactVersion();
        Optional<String> takedown = exact.map(packument.takenDown()::get);
        if (takedown.isPresent()) {
            throw new VersionNotFound(packument.name(), range, Optional.empty(), packument.name() + "@" + exact.get()
                    + " is " + TerminalText.labelled("taken down", takedown.get()),
                    commands.quoted("info " + packument.name()) + " lists the versions left");
        }
    }

    /**
     * The failure of asking for a package every version of which was taken down, by its name or a dist-tag. It has no
     * hint: there is no version to point at, and which package to use instead is the user's to choose.
     */
    static PrompdException noVersionLeft(PublishedPackage published) {
        return new PrompdException(ExitCode.NOT_FOUND, noVersionLeftMessage(published), "");
    }

    private static String noVersionLeftMessage(PublishedPackage published) {
        return published.takedowns().everyVersion(published.packument().name()) + ", so none can be installed";
    }

    /**
     * The request open to every release when it was named alone: the latest version is what npm and cargo pick, but
     * a project holds one version of a package, so when the latest does not go with the rest the highest that does
     * is the one to pick, as pip's resolver does.
     */
    RequestedPackage anyRelease() {
        return byName() ? new RequestedPackage(name, VersionRange.any(), written, saveExact, latest, tag) : this;
    }

    /**
     * The latest version, or when the index holds it back (offline, not at hand) the one it offers below it that is
     * neither yanked nor a pre-release and that a resolution would prefer among them, as cargo's {@code --offline}
     * chooses among the versions it has: the highest not deprecated, else the highest, as the resolver passes over a
     * deprecated version online; the latest when it offers none, for the resolver to say that none is.
     */
    private static Version highestOffered(RegistryIndex index, PublishedPackage published, Version latest) {
        Set<Version> offered = index.versions(published.packument().name()).stream().map(Candidate::version)
                .collect(Collectors.toUnmodifiableSet());
        return offered.contains(latest) ? latest : published.preferredAmong(version -> offered.contains(version)
                && !version.isPreRelease() && version.compareTo(latest) < 0).orElse(latest);
    }

    /**
     * Refuses a version asked for, by a dist-tag or exactly, that its registry yanked, which no new resolution
     * chooses, as the resolver's rule is, unless the lock pins it: said here with the maintainers' reason, which the
     * resolver's explanation leaves out, and for a tag, which the resolver does not know of.
     *
     * @param asked   the range asked for, which names one version exactly; for a dist-tag, the version it points at
     * @param tag     the dist-tag asked for; empty for a version named exactly
     * @param instead the version the install of the name takes instead, for the hint to offer; empty to point at the
     *                versions {@code info} lists
     * @throws VersionNotFound when the version is yanked
     */
    private static void requireNotYanked(PublishedPackage published, VersionRange asked, Optional<String> tag,
                                         Optional<Version> instead, LockFile lock, String install,
                                         SuggestedCommands commands) {
        PackageName name = published.packument().name();
        Version version = asked.exactVersion().orElseThrow();
        Optional<String> reason = published.version(version).map(VersionSummary::yanked);
        if (reason.isEmpty() || lock.get(name).map(LockedPackage::version).equals(Optional.of(version))) {
            return;
        }
        String what = tag.map(named -> name + "'s " + named + " dist-tag points at " + version + ", which is")
                .orElse(name + "@" + version + " is");
        // the maintainers' words set apart, so that prompd's own clause is not read as theirs
        String said = TerminalText.reason(reason.get());
        throw new VersionNotFound(name, asked, tag, what + " yanked, and an install chooses no yanked version unless"
                + " the lock file pins it" + (said.isEmpty() ? "" : " (the maintainers' reason: " + said + ")"),
                instead.map(highest -> commands.quoted(install + " " + name)
                        + " installs the highest version that is not yanked, " + highest)
                .orElse("ask for another version or a range, as " + commands.quoted("info " + name)
                        + " lists them"));
    }

    /** A package whose versions are all pre-releases or yanked: by name alone, none may be chosen. */
    private static PrompdException nothingToInstallByName(PublishedPackage published, String install,
                                                          SuggestedCommands commands) {
        String name = published.packument().name().toString();
        Collection<VersionSummary> versions = published.packument().versions().values();
        boolean releaseYanked = versions.stream().anyMatch(version -> !version.version().isPreRelease());
        Optional<Version> preRelease = versions.stream()
                .filter(version -> version.yanked() == null).map(VersionSummary::version).max(Version::compareTo);
        return preRelease.map(version -> releaseYanked
                        ? new PrompdException(ExitCode.NOT_FOUND, "every release of " + name + " is yanked, and its"
                                + " other versions are pre-releases, which are installed only when asked for",
                                "ask for one, as in " + commands.quoted(install + " " + name + "@" + version) + "; "
                                + commands.quoted("info " + name) + " says why the releases are yanked")
                        : new PrompdException(ExitCode.NOT_FOUND, name + " has only pre-release versions, which are"
                                + " installed only when asked for", "ask for one, as in "
                                + commands.quoted(install + " " + name + "@" + version)))
                .orElseGet(() -> new PrompdException(ExitCode.NOT_FOUND, "every version of " + name + " is yanked ("
                        + Takedowns.withReasons(published.yankedAllowed(List.of())) + ")" + takenDownToo(published),
                        "none can be installed anew: a yanked version is used only where a prompd.lock pins it already"
                                + (install.equals("install") ? ", which " + commands.quoted("install") + " with no"
                                        + " name keeps, while one naming the package chooses its version anew" : "")
                                + "; choose another package, or ask its maintainers for a new release"));
    }

    /** {@code  or taken down (1.0.0: leaked a key)}, of a package whose other versions are yanked; empty without. */
    private static String takenDownToo(PublishedPackage published) {
        SortedMap<Version, String> takenDown = published.takedowns().reasons();
        return takenDown.isEmpty() ? "" : " or taken down (" + Takedowns.withReasons(takenDown) + ")";
    }

    /** The request asking for {@code other} instead, as a range given: to tell why that range was not installed. */
    RequestedPackage within(VersionRange other) {
        return new RequestedPackage(name, other, written, saveExact, Optional.empty(), Optional.empty());
    }

    /** The range to save in {@code prompd.json} once {@code lock} is chosen. */
    VersionRange saved(LockFile lock) {
        return written.orElseGet(() -> savedFor(lock.packages().get(name).version()));
    }

    /**
     * Whether it was named alone, its range {@code ^<latest>} prompd's choice rather than the user's, which a
     * resolution may set aside.
     */
    boolean byName() {
        return latest.isPresent();
    }

    /** The range a package named alone was to save from its latest version; empty for one asked for otherwise. */
    Optional<VersionRange> fromLatest() {
        return latest.map(this::savedFor);
    }

    private VersionRange savedFor(Version chosen) {
        return saveExact ? VersionRange.parse(chosen.toString()) : VersionRange.caret(chosen);
    }
}
