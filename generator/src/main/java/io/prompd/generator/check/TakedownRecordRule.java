package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problems;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Parsed;
import io.prompd.generator.source.PublicationHistory;
import io.prompd.generator.source.Removal;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.source.TakenNumbers;
import io.prompd.generator.source.VersionFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The records of {@code "takenDown"} in meta.json keep a taken-down version's number taken, since
 * lock files pin its old content, and tell clients why it is gone; {@link VersionTakenRule} reads
 * them instead of the branch's history, whose cost grows with every commit. So a record must
 * exist for every takedown, and must last: a maintainers' takedown adds one with a reason in the
 * same pull request; only maintainers add one, and only for a version without a folder at the
 * head and without another record of its version to clients, but for a folder it deletes, which keeps its own; nobody
 * removes or changes one. A record must not keep a folder the head holds from being published
 * ({@link TakenNumbers}). As a record is for good, one of a number the
 * base branch never published (a typo, or a package never published at all) is warned of before it merges: it is
 * not an error, since history rewritten to remove a version's content, as the registry's README describes, leaves
 * no trace of the version either.
 */
final class TakedownRecordRule implements PullRequestRule {

    private static final String REASON = "<why it was taken down>";

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        SortedSet<PackageVersion> takedowns = pullRequest.takedowns();
        SortedSet<PackageVersion> recordedApart = new TreeSet<>();
        SortedSet<PackageName> names = new TreeSet<>();
        pullRequest.changes(ChangedPath.Kind.META).forEach(changed -> names.add(changed.path().name().orElseThrow()));
        takedowns.forEach(version -> names.add(version.name()));
        for (PackageName name : names) {
            SortedMap<Version, String> before = pullRequest.base().meta(name).takenDown();
            Parsed<PackageMeta> head = pullRequest.head().parsedMeta(name);
            SortedMap<Version, String> after = head.value().orElse(PackageMeta.EMPTY).takenDown();
            // a record the head's file holds but that did not read is not gone: the error saying why is the one to fix,
            // as MetaChange#between tells of no yank taken back for an entry that does not read
            Predicate<Version> reads = version -> head.reads(Pointer.of("takenDown", version.toString()));
            String file = RepositoryLayout.metaFile(name);
            before.keySet().stream().filter(reads)
                    .forEach(version -> kept(file, version, before.get(version), after.get(version), problems));
            after.forEach((version, reason) -> {
                if (!before.containsKey(version) && added(pullRequest, name, version, reason,
                        recordedFirst(version, before, after), problems)) {
                    recordedApart.add(new PackageVersion(name, version));
                }
            });
            takedowns.stream().filter(version -> version.name().equals(name))
                    .map(PackageVersion::version).filter(version -> !after.containsKey(version) && reads.test(version))
                    .forEach(version -> problems.error(file, "", name + " " + version + " is taken down without a"
                            + " record in \"takenDown\", which keeps its number taken and tells clients why it is gone",
                            recordHint(pullRequest, name, version, after)));
        }
        recordedApart.removeAll(takedowns);
        warnOfNeverPublished(pullRequest, recordedApart, problems);
        refuseKeepingFoldersTaken(pullRequest, recordedApart, problems);
    }

    /**
     * Refuses each record of a version whose folder this pull request does not delete that would keep a folder the
     * head holds from being published, as the build would ({@link TakenNumbers}): one of the folder's own version
     * whose folder the branch never deleted, or deleted while that folder was not there. A folder the base holds
     * beside one this pull request deletes was there before.
     */
    private static void refuseKeepingFoldersTaken(PullRequest pullRequest, SortedSet<PackageVersion> recorded,
                                                  Problems problems) throws IOException {
        List<Map.Entry<PackageVersion, VersionFolder>> beside = new ArrayList<>();
        recorded.forEach(gone -> pullRequest.head().packages().getOrDefault(gone.name(),
                Collections.emptySortedMap()).values().stream()
                .filter(folder -> RepositoryLayout.versionClash(folder.version(), gone.version()).isPresent())
                .forEach(folder -> beside.add(Map.entry(gone, folder))));
        if (beside.isEmpty()) {
            return;
        }
        PublicationHistory history = PublicationHistory.compute(pullRequest.repository(),
                pullRequest.head().commit(), beside.stream().map(Map.Entry::getKey).toList());
        for (Map.Entry<PackageVersion, VersionFolder> pair : beside) {
            PackageVersion gone = pair.getKey();
            Version kept = pair.getValue().version();
            Optional<Removal> removal = Optional.ofNullable(history.removed().get(gone));
            Optional<String> taken = TakenNumbers.takenBy(pullRequest.repository(), pair.getValue(), gone.version(),
                    removal);
            if (taken.isPresent()) {
                problems.error(RepositoryLayout.metaFile(gone.name()), Pointer.of("takenDown",
                        gone.version().toString()), "records the takedown of " + gone.version() + ", which keeps "
                        + kept + " from being published though its folder stays: " + taken.get() + ", and "
                        + (removal.isPresent() ? kept + " came after the folder of " + gone.version() + " was deleted"
                        : "the branch never deleted a folder of " + gone.version()), "take " + kept + " down as well"
                        + " in this pull request (delete " + pair.getValue().path() + "/ and record it), or remove"
                        + " the entry");
            }
        }
    }

    private static void kept(String file, Version version, String reason, String now, Problems problems) {
        if (now == null) {
            problems.error(file, Pointer.of("takenDown"), "the takedown record of " + version + " is removed",
                    "restore \"" + version + "\": \"" + reason + "\" in \"takenDown\": a number taken down stays taken,"
                            + " since lock files pin its old content");
        } else if (!now.equals(reason)) {
            problems.error(file, Pointer.of("takenDown", version.toString()), "the reason the takedown record of "
                    + version + " gives is changed; it was \"" + reason + "\"", "restore it: a takedown record never"
                    + " changes");
        }
    }

    /** @return whether the record is a maintainer's, of a version without a folder, and holds: a takedown's, or not */
    private static boolean added(PullRequest pullRequest, PackageName name, Version version, String reason,
                                 Optional<Version> duplicated, Problems problems) {
        String file = RepositoryLayout.metaFile(name);
        String pointer = Pointer.of("takenDown", version.toString());
        // with the maintainers unknown, the ownership rule says so: the author is not said to be no maintainer
        Optional<String> outsider = pullRequest.actor()
                .filter(login -> pullRequest.maintainersKnown() && !pullRequest.isMaintainer(login));
        if (outsider.isPresent()) {
            problems.error(file, pointer, "only a maintainer may record a takedown, and " + outsider.get()
                    + " is not one", "remove the entry; to have a version taken down, ask a maintainer (see "
                    + RepositoryLayout.TAKEDOWN_SECTION + ")");
        } else if (pullRequest.head().folder(name, version).isPresent()) {
            problems.error(file, pointer, "records the takedown of " + version + ", which still has its folder",
                    "delete " + RepositoryLayout.versionFolder(name, version) + " in this pull request, or remove"
                            + " the entry");
        } else if (duplicated.isPresent() && !pullRequest.takedowns().contains(new PackageVersion(name, version))) {
            // the takedown of a folder gets its own record, whose reason and tarball clients holding it are told of
            problems.error(file, pointer, "records the takedown of " + version + ", which the record of "
                    + duplicated.get() + " already keeps taken: " + RepositoryLayout.versionClash(version,
                    duplicated.get()).orElseThrow(), "remove the entry");
        } else if (reason.isBlank()) {
            problems.error(file, pointer, "the takedown record of " + version + " gives no reason",
                    "say why it was taken down: clients show it in place of the version");
        } else {
            return true;
        }
        return false;
    }

    private static void warnOfNeverPublished(PullRequest pullRequest, SortedSet<PackageVersion> recorded,
                                             Problems problems) throws IOException {
        if (recorded.isEmpty()) {
            return;
        }
        PublicationHistory history = PublicationHistory.compute(pullRequest.repository(),
                pullRequest.baseTip().commit(), recorded);
        recorded.stream().filter(version -> history.publishedOnce(version).isEmpty()).forEach(version -> {
            String folder = RepositoryLayout.versionFolder(version.name(), version.version());
            problems.warning(RepositoryLayout.metaFile(version.name()), Pointer.of("takenDown",
                    version.version().toString()), "records the takedown of " + version.version() + ", which the base"
                    + " branch's history never published (no commit of it adds " + folder + "): once merged, the"
                    + " record keeps the number taken for good", "check the number against the folder deleted (git log"
                    + " --diff-filter=D --name-only -- " + RepositoryLayout.packageFolder(version.name())
                    + "), and correct or remove the entry before merging");
        });
    }

    /**
     * The record that another one of the pull request's duplicates, one of the same version to clients or on macOS
     * and Windows ({@link RepositoryLayout#versionClash}): one of the base, or the first added.
     */
    private static Optional<Version> recordedFirst(Version version, SortedMap<Version, String> before,
                                                   SortedMap<Version, String> after) {
        return after.keySet().stream().filter(other -> RepositoryLayout.versionClash(version, other).isPresent())
                .filter(other -> before.containsKey(other) || other.compareTo(version) < 0).findFirst();
    }

    /** The exact JSON to add, in the file as it is at the head. */
    private static String recordHint(PullRequest pullRequest, PackageName name, Version version,
                                     SortedMap<Version, String> records) {
        String file = RepositoryLayout.metaFile(name);
        String entry = "\"" + version + "\": \"" + REASON + "\"";
        if (!pullRequest.head().packagesWithMeta().contains(name)) {
            return "add " + file + " holding {\"takenDown\": {" + entry + "}} in this pull request";
        }
        return records.isEmpty() ? "add \"takenDown\": {" + entry + "} to " + file + " in this pull request"
                : "add " + entry + " to \"takenDown\" in " + file + " in this pull request";
    }
}
