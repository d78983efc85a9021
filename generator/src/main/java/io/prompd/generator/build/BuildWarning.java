package io.prompd.generator.build;

import io.prompd.core.Plural;
import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.Removal;
import io.prompd.generator.source.UncommittedFiles;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What a build did that nobody should miss, {@linkplain BuildOptions#force forced} or to served files that were never
 * to change: the command warns of it, and gives it with the result to a script reading {@code --json}.
 */
public sealed interface BuildWarning {

    /** A warning about what the output's build served, which this build changes. */
    sealed interface OfServedOutput extends BuildWarning {

        /** The commit the output held before the build, whose build served or took down the versions. */
        String previousCommit();
    }

    /**
     * The build serves again versions that the output's build took down.
     *
     * @param reasons each version, to its takedown's reason (empty when none was given): the repository's, or the
     *                served documents' when the output's state was unusable
     */
    record TakenDownServedAgain(String previousCommit, SortedMap<PackageVersion, String> reasons)
            implements OfServedOutput {

        public TakenDownServedAgain {
            Objects.requireNonNull(previousCommit, "previousCommit");
            reasons = SortedCopies.map(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("no version is served again");
            }
        }
    }

    /**
     * The build leaves out versions the output served with no takedown record, which lock files pin.
     *
     * @param versions each version left out, in order
     */
    record ServedVersionsLeftOut(String previousCommit, List<PackageVersion> versions) implements OfServedOutput {

        public ServedVersionsLeftOut {
            Objects.requireNonNull(previousCommit, "previousCommit");
            versions = List.copyOf(versions);
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("no version is left out");
            }
        }
    }

    /**
     * The build gives versions the output served another publishing commit than its build gave them, as a rewritten
     * history does (a purge with {@code git filter-branch} or {@code git filter-repo} gives every commit from the first
     * it changes a new id): their version documents, served as never changing, changed, as did their packages'
     * index.json, which no cache takes until purged. Both tools keep commit times, so no updatedAt moves and a mirror
     * syncing by updatedAt misses the change too; a rewrite of the times as well ({@code git rebase --ignore-date})
     * moves them.
     *
     * @param versions      each version whose document's commit changed, in order
     * @param updatedAtKept whether the packages of those versions all kept the updatedAt the output served
     */
    record HistoryRewritten(String previousCommit, List<PackageVersion> versions, boolean updatedAtKept)
            implements OfServedOutput {

        public HistoryRewritten {
            Objects.requireNonNull(previousCommit, "previousCommit");
            versions = List.copyOf(versions);
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("no version changed its publishing commit");
            }
        }
    }

    /**
     * The build writes its URLs with another base URL than the output's build did ({@code --base-url} changed, given
     * or dropped): every version document gives its tarball's URL, so each one the output served and still serves,
     * served as never changing, changed, as did every index.json and registry.json, which no cache takes until purged.
     * The tarballs do not hold a URL, and keep their files.
     *
     * @param previousBaseUrl  the base URL of the output's build, empty for relative URLs
     * @param baseUrl          this build's, empty for relative URLs
     * @param versionDocuments how many version documents changed
     */
    record BaseUrlChanged(String previousCommit, Optional<String> previousBaseUrl, Optional<String> baseUrl,
                          int versionDocuments) implements OfServedOutput {

        public BaseUrlChanged {
            Objects.requireNonNull(previousCommit, "previousCommit");
            Objects.requireNonNull(previousBaseUrl, "previousBaseUrl");
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (previousBaseUrl.equals(baseUrl)) {
                throw new IllegalArgumentException("the base URL did not change: " + baseUrl);
            }
            if (versionDocuments < 1) {
                throw new IllegalArgumentException("no version document changed: " + versionDocuments);
            }
        }
    }

    /**
     * The build serves version numbers published, deleted and added back with other files, pushed past the check
     * before this generator refused them, with the very files the build of {@code previousCommit} served under them:
     * lock files made since pin those, and those made before the deletion the first ones, so neither the first files
     * put back nor a takedown mends what it broke, and the build keeps serving what the output served rather than
     * fail. A build into an empty folder, which has no record of what was served, refuses them.
     *
     * @param removals each version, to its removal: where its number was first published and deleted
     */
    record ReusedNumbersServed(String previousCommit, SortedMap<PackageVersion, Removal> removals)
            implements OfServedOutput {

        public ReusedNumbersServed {
            Objects.requireNonNull(previousCommit, "previousCommit");
            removals = SortedCopies.map(removals);
            if (removals.isEmpty()) {
                throw new IllegalArgumentException("no reused number is served");
            }
        }
    }

    /**
     * A version the build serves, not yanked, depends on a package of this registry (not of an external scope) with a
     * range that no version it serves meets, yanked ones left out: installing it fails.
     *
     * @param version    the version depending
     * @param dependency the package it depends on
     * @param range      the range it depends on it with
     * @param served     the versions of the dependency served, yanked ones left out; empty when the registry has no
     *                   such package at all
     */
    record UnmetDependency(PackageVersion version, PackageName dependency, VersionRange range,
                           Optional<SortedSet<Version>> served) implements BuildWarning {

        public UnmetDependency {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(dependency, "dependency");
            Objects.requireNonNull(range, "range");
            served = served.map(SortedCopies::set);
        }

        /** The warning's sentence. */
        public String message() {
            return UnmetDependencies.message(this);
        }
    }

    /**
     * The working tree holds files under packages/ that the commit built, HEAD's, does not hold as they are: a version
     * unpacked but not committed yet is not built.
     *
     * @param files the files
     */
    record Uncommitted(UncommittedFiles files) implements BuildWarning {

        public Uncommitted {
            Objects.requireNonNull(files, "files");
        }
    }

    /**
     * The build of another commit than HEAD's serves versions of packages whose meta.json at HEAD does not read in
     * full, {@linkplain BuildOptions#allowUnreadHeadMeta as allowed}: a takedown it records may be among what does not
     * read, and so be missed.
     *
     * @param head     the commit HEAD names
     * @param built    the commit built
     * @param packages the packages whose meta.json at HEAD does not read, of which the build serves versions
     */
    record HeadMetaUnread(HeadCommit head, String built, SortedSet<PackageName> packages) implements BuildWarning {

        public HeadMetaUnread {
            Objects.requireNonNull(head, "head");
            Objects.requireNonNull(built, "built");
            packages = SortedCopies.set(packages);
            if (packages.isEmpty()) {
                throw new IllegalArgumentException("every meta.json of HEAD's reads");
            }
        }

        /**
         * Why the build may serve what HEAD takes down: it cannot tell what a meta.json that does not read records,
         * and a bad commit at HEAD, which a build of an earlier one goes back from, may be that very file. Both the
         * build's refusal and the warning of a forced build say it.
         */
        public String missed() {
            return head.named() + " has a meta.json that does not read in full for " + Plural.named(packages)
                    + ", so a takedown it records may be missed by this build of commit "
                    + RegistryRepository.shortId(built) + ", which serves every version that commit holds of "
                    + (packages.size() == 1 ? "that package" : "those packages") + " unless that commit takes it down";
        }
    }
}
