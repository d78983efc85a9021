package io.prompd.generator.build;

import io.prompd.core.SortedCopies;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Removal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What a build did that nobody should miss, {@linkplain BuildOptions#force forced} or to served files that were never
 * to change: the command warns of it, and gives it with the result to a script reading {@code --json}.
 */
public sealed interface BuildWarning {

    /** The commit the output held before the build, whose build served or took down the versions. */
    String previousCommit();

    /**
     * The build serves again versions that the output's build took down.
     *
     * @param reasons each version, to its takedown's reason (empty when none was given): the repository's, or the
     *                served documents' when the output's state was unusable
     */
    record TakenDownServedAgain(String previousCommit, SortedMap<PackageVersion, String> reasons)
            implements BuildWarning {

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
    record ServedVersionsLeftOut(String previousCommit, List<PackageVersion> versions) implements BuildWarning {

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
            implements BuildWarning {

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
                          int versionDocuments) implements BuildWarning {

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
            implements BuildWarning {

        public ReusedNumbersServed {
            Objects.requireNonNull(previousCommit, "previousCommit");
            removals = SortedCopies.map(removals);
            if (removals.isEmpty()) {
                throw new IllegalArgumentException("no reused number is served");
            }
        }
    }
}
