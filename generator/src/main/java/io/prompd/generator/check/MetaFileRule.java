package io.prompd.generator.check;

import io.prompd.core.TerminalText;
import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problems;
import io.prompd.core.protocol.Packument;
import io.prompd.core.version.Version;
import io.prompd.generator.source.ChangeType;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.source.VersionFolder;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A changed meta.json, and the meta.json of a package whose version folders the pull request
 * deletes, speak only of versions that exist at the head: every dist-tag points to one, every yank
 * and deprecation names one. A new meta.json without any version folder beside it is refused (it
 * would claim a name without publishing anything). In a changed meta.json, a {@code latest} on a yanked version is
 * refused, on a deprecated one warned of, as another tag on a yanked one is, and so is a {@code latest} without its
 * dist-tag that the pull request leaves on a deprecated version, and owners of a scoped package are warned of: one
 * the pull request leaves alone is checked only for the versions it deletes, since it cannot yank, deprecate or tag
 * anything, and what its entries said before is no doing of the pull request. Whether it parses is
 * {@link SettingsFilesRule}'s, who may change it {@link OwnershipRule}'s.
 */
final class MetaFileRule implements PullRequestRule {

    /** For an entry naming a version the pull request deletes: a yank or a deprecation goes with its version. */
    private static final String REMOVE_HINT = "remove the entry in the same pull request";

    @Override
    public void check(PullRequest pullRequest, Problems problems) {
        SortedSet<PackageName> names = new TreeSet<>();
        Set<PackageName> changedFiles = new HashSet<>();
        Set<PackageName> addedFiles = new HashSet<>();
        for (PullRequest.ChangedFile changed : pullRequest.changes(ChangedPath.Kind.META)) {
            PackageName name = changed.path().name().orElseThrow();
            if (changed.change().type() != ChangeType.DELETED) {
                names.add(name);
                changedFiles.add(name);
            }
            if (changed.change().type() == ChangeType.ADDED) {
                addedFiles.add(name);
            }
        }
        // a meta.json the pull request leaves alone can still name a version it deletes (a takedown)
        pullRequest.deletedVersions().stream().map(PackageVersion::name)
                .filter(name -> pullRequest.head().packagesWithMeta().contains(name)).forEach(names::add);
        for (PackageName name : names) {
            String file = RepositoryLayout.metaFile(name);
            SortedMap<Version, VersionFolder> versions = pullRequest.head().packages()
                    .getOrDefault(name, Collections.emptySortedMap());
            // once published, a name may keep its meta.json, and with it its owners, after a takedown of every version;
            // a takedown of the last versions may even add it, to record them, as may a maintainer recording the
            // takedown of folders deleted before records existed (TakedownRecordRule lets no one else)
            if (versions.isEmpty() && addedFiles.contains(name) && !pullRequest.base().packages().containsKey(name)
                    && pullRequest.head().meta(name).takenDown().isEmpty()) {
                problems.error(file, "", name + " has no version folder, so it cannot have a meta.json",
                        "publish a first version of " + name + " in the same pull request");
                continue;
            }
            PackageMeta meta = pullRequest.head().meta(name);
            boolean changed = changedFiles.contains(name);
            meta.distTags().forEach((tag, version) -> {
                if (!versions.containsKey(version)) {
                    missing(pullRequest, name, version, problems, file, Pointer.of("distTags", tag),
                            "the dist-tag '" + tag + "' points to " + version, ", or point it at a version that stays");
                } else if (changed && meta.isYanked(version)) {
                    taggedYanked(problems, file, name, tag, version);
                } else if (changed && tag.equals(Packument.LATEST) && meta.isDeprecated(version)) {
                    latestDeprecated(problems, file, Pointer.of("distTags", Packument.LATEST), name,
                            "the dist-tag 'latest' points to " + version, version, "point latest at a version that is"
                                    + " not deprecated");
                }
            });
            if (changed && !meta.distTags().containsKey(Packument.LATEST)) {
                untaggedLatestDeprecated(pullRequest, name, versions.keySet(), problems);
            }
            meta.yanked().keySet().stream().filter(version -> !versions.containsKey(version)).forEach(version ->
                    missing(pullRequest, name, version, problems, file, Pointer.of("yanked", version.toString()),
                            "yanks " + version, ""));
            meta.deprecated().keySet().stream().filter(version -> !versions.containsKey(version)).forEach(version ->
                    missing(pullRequest, name, version, problems, file, Pointer.of("deprecated", version.toString()),
                            "deprecates " + version, ""));
            if (changed && name.isScoped() && !meta.owners().isEmpty()) {
                problems.warning(file, Pointer.of("owners"), "owners in meta.json count only for unscoped packages; "
                        + name.scopeWithAt() + " is owned through scopes.json", "remove \"owners\", or ask a"
                        + " maintainer to change the scope's owners in scopes.json");
            }
        }
    }

    /**
     * An entry naming a version without a folder at the head: taken down by this pull request or before, or never
     * published. One naming a version this pull request deletes without taking it down is no problem of its own:
     * {@link ImmutabilityRule} refuses the deletion, whose fix, restoring the folder, keeps the entry right, where
     * removing it would un-yank a version withdrawn for a reason.
     *
     * @param orElse the other fix of an entry naming a version that is gone, after removing it, or empty
     */
    private static void missing(PullRequest pullRequest, PackageName name, Version version, Problems problems,
                                String file, String pointer, String entry, String orElse) {
        Optional<String> takedown = Optional.ofNullable(pullRequest.head().meta(name).takenDown().get(version))
                .or(() -> Optional.ofNullable(pullRequest.takenDown(name).get(version)));
        boolean noneLeft = pullRequest.head().packages().getOrDefault(name, Collections.emptySortedMap()).isEmpty();
        if (pullRequest.base().folder(name, version).isPresent()) {
            if (pullRequest.takedowns().contains(new PackageVersion(name, version))) {
                problems.error(file, pointer, entry + ", which this pull request deletes", REMOVE_HINT + orElse);
            }
        } else if (takedown.isPresent()) {
            // the reason is the repository's text, and may have lines
            problems.error(file, pointer, entry + ", which was taken down" + (takedown.get().isBlank() ? ""
                    : " (" + TerminalText.oneLine(takedown.get()) + ")"), "remove the entry" + (noneLeft ? "" : orElse)
                    + ": a version taken down is never served again");
        } else {
            problems.error(file, pointer, entry + ", which is not a published version of " + name,
                    RepositoryLayout.exactVersionHint(name, version,
                            pullRequest.head().packages().getOrDefault(name, Collections.emptySortedMap())));
        }
    }

    /**
     * {@code latest} without its dist-tag, the highest version that is neither a pre-release nor yanked, on a
     * deprecated version, where the pull request put it there: by yanking or taking down the versions above (yanking
     * 2.0.0 and 2.1.0 left the deprecated 1.1.0 the default, silently) or by deprecating it. One the merge base had
     * there already is no doing of the pull request. Warned of at the version's deprecation.
     */
    private static void untaggedLatestDeprecated(PullRequest pullRequest, PackageName name,
                                                 Collection<Version> published, Problems problems) {
        PackageMeta meta = pullRequest.head().meta(name);
        PackageMeta before = pullRequest.base().meta(name);
        Optional<Version> latest = meta.latest(published).filter(meta::isDeprecated);
        Optional<Version> latestBefore = before.latest(pullRequest.base().packages()
                .getOrDefault(name, Collections.emptySortedMap()).keySet());
        if (latest.isEmpty() || latest.equals(latestBefore) && before.isDeprecated(latest.get())) {
            return;
        }
        Version version = latest.get();
        latestDeprecated(problems, RepositoryLayout.metaFile(name), Pointer.of("deprecated", version.toString()), name,
                "latest is " + version + ", the highest version that is neither a pre-release nor yanked, as no"
                        + " dist-tag names it", version, "publish a version that is not deprecated, or point latest"
                        + " at one (\"distTags\": {\"latest\": \"<version>\"})");
    }

    /**
     * {@code prompd install NAME} takes a deprecated {@code latest} all the same, warning of it, as npm does, while a
     * dependency's range passes it by for a version that is not deprecated: the default is then one the maintainers
     * advise against. Another tag on a deprecated version is no problem: it names an older line on purpose.
     *
     * @param latestIs what makes it latest, {@code the dist-tag 'latest' points to 1.1.0}
     * @param fix      what to do to make another version latest
     */
    private static void latestDeprecated(Problems problems, String file, String pointer, PackageName name,
                                         String latestIs, Version version, String fix) {
        problems.warning(file, pointer, latestIs + ", which is deprecated, so 'prompd install " + name + "' installs"
                        + " it and warns of its deprecation, while a dependency's range passes it by",
                fix + ", or take the deprecation of " + version + " back if it is to stay the default");
    }

    /**
     * {@code prompd install NAME} passes a yanked {@code latest} by, as if there were no tag, for the highest version
     * that is not yanked (PublishedPackage#latest in the client), and {@code prompd install NAME@latest} is refused,
     * as an install at any tag naming a yanked version is: the tag then says nothing true, and the maintainers' choice
     * it was to record is lost.
     */
    private static void taggedYanked(Problems problems, String file, PackageName name, String tag, Version version) {
        String pointer = Pointer.of("distTags", tag);
        String message = "the dist-tag '" + tag + "' points to " + version + ", which is yanked";
        if (tag.equals(Packument.LATEST)) {
            problems.error(file, pointer, message + ", so 'prompd install " + name + "' passes it by for the highest"
                            + " version that is not yanked, as if there were no tag, and 'prompd install " + name
                            + "@latest' fails",
                    "point latest at a version that is not yanked, or remove it to mean the highest such version");
        } else {
            problems.warning(file, pointer, message + ", so 'prompd install " + name + "@" + tag + "' fails",
                    "point the tag at a version that is not yanked, or remove it");
        }
    }
}
