package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.generator.build.BuildWarning;
import io.prompd.generator.build.HeadCommit;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Publication;
import io.prompd.generator.source.Removal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

class BuildWarningViewTest {

    private static final String COMMIT = "a776650" + "0".repeat(33);
    private static final Path OUT = Path.of("../out");

    private static PackageVersion version(String name, String version) {
        return new PackageVersion(PackageName.parse(name), Version.parse(version));
    }

    @Test
    void versionsServedAgainAreGivenWithTheirReasonsALineBreakSpeltOutInTheSentenceOnly() {
        BuildWarning again = new BuildWarning.TakenDownServedAgain(COMMIT, new TreeMap<>(Map.of(
                version("@a/x", "1.0.0"), "leaked\na key", version("@a/x", "1.1.0"), "")));

        assertEquals("../out goes back to serving 2 versions that its build of commit a776650 took down (@a/x@1.0.0:"
                + " leaked^Ja key; @a/x@1.1.0), as --force allows", BuildWarningView.text(again, OUT));
        assertEquals(Map.of("kind", "takenDownServedAgain", "previousCommit", COMMIT, "versions", List.of(
                Map.of("name", "@a/x", "version", "1.0.0", "reason", "leaked\na key"),
                Map.of("name", "@a/x", "version", "1.1.0")), "message", BuildWarningView.text(again, OUT)),
                BuildWarningView.asJson(again, OUT), "a takedown without a reason has none, as check --json gives it");
    }

    @Test
    void versionsLeftOutAreGivenByNameAndVersion() {
        BuildWarning leftOut = new BuildWarning.ServedVersionsLeftOut(COMMIT, List.of(version("@prompd/solo", "1.1.0"),
                version("@prompd/solo", "1.2.0")));

        assertEquals("../out no longer serves 2 versions that its build of commit a776650 served, with no takedown"
                + " record (@prompd/solo@1.1.0, @prompd/solo@1.2.0), as --force allows; a later build refuses other"
                + " files under their numbers", BuildWarningView.text(leftOut, OUT));
        assertEquals(Map.of("kind", "servedVersionsLeftOut", "previousCommit", COMMIT, "versions", List.of(
                Map.of("name", "@prompd/solo", "version", "1.1.0"), Map.of("name", "@prompd/solo", "version", "1.2.0")),
                "message", BuildWarningView.text(leftOut, OUT)), BuildWarningView.asJson(leftOut, OUT));
    }

    @Test
    void versionsOfAnotherPublishingCommitAreGivenByNameAndVersionWithWhatToPurge() {
        BuildWarning rewritten = new BuildWarning.HistoryRewritten(COMMIT, List.of(version("@a/x", "1.1.0"),
                version("b", "2.0.0")), true);

        assertEquals("../out now gives 2 versions that its build of commit a776650 served another publishing commit"
                + " (@a/x@1.1.0, b@2.0.0): the branch's history was rewritten (a purge with git filter-branch or git"
                + " filter-repo gives every commit from the first it changes a new id), so their version documents,"
                + " served as never changing, changed, as did their packages' index.json and registry.json, while"
                + " their packages' updatedAt, and so their lines in packages.json, stayed the same; purge those"
                + " documents (or the whole registry) from every CDN and proxy cache, and have every mirror copy the"
                + " whole registry again, as one syncing by updatedAt misses the change",
                BuildWarningView.text(rewritten, OUT));
        assertEquals(Map.of("kind", "historyRewritten", "previousCommit", COMMIT, "versions", List.of(
                Map.of("name", "@a/x", "version", "1.1.0"), Map.of("name", "b", "version", "2.0.0")),
                "updatedAtKept", true, "message", BuildWarningView.text(rewritten, OUT)),
                BuildWarningView.asJson(rewritten, OUT));
    }

    @Test
    void anotherBaseUrlGivesBothWithHowManyVersionDocumentsChangedNoneForRelativeUrls() {
        BuildWarning changed = new BuildWarning.BaseUrlChanged(COMMIT, Optional.empty(),
                Optional.of("https://cdn.example.org/registry/"), 15);

        assertEquals("../out now has URLs under https://cdn.example.org/registry/ (--base-url) where its build of"
                + " commit a776650 had relative URLs, so 15 version documents it served, as never changing, changed,"
                + " as did every index.json and registry.json; purge them (or the whole registry) from every CDN and"
                + " proxy cache", BuildWarningView.text(changed, OUT));
        assertEquals(Map.of("kind", "baseUrlChanged", "previousCommit", COMMIT, "baseUrl",
                "https://cdn.example.org/registry/", "versionDocuments", 15, "message",
                BuildWarningView.text(changed, OUT)), BuildWarningView.asJson(changed, OUT));
    }

    @Test
    void versionsOfAnotherPublishingCommitAndTimeAreNotSaidToKeepTheirUpdatedAt() {
        BuildWarning rewritten = new BuildWarning.HistoryRewritten(COMMIT, List.of(version("b", "2.0.0")), false);

        assertEquals("../out now gives 1 version that its build of commit a776650 served another publishing commit"
                + " (b@2.0.0): the branch's history was rewritten (a purge with git filter-branch or git filter-repo"
                + " gives every commit from the first it changes a new id), so their version documents, served as"
                + " never changing, changed, as did their packages' index.json and registry.json, and the updatedAt"
                + " of some of their packages moved (as when a git rebase --ignore-date rewrites the commit times"
                + " too); purge those documents (or the whole registry) from every CDN and proxy cache, and have every"
                + " mirror copy the whole registry again, as one syncing by updatedAt misses every package whose"
                + " updatedAt stayed", BuildWarningView.text(rewritten, OUT));
        assertEquals(false, BuildWarningView.asJson(rewritten, OUT).get("updatedAtKept"));
    }

    @Test
    void reusedNumbersServedAsBeforeAreGivenWithTheCommitsThatFirstPublishedAndDeletedThem() {
        ObjectId published = ObjectId.fromString("b1" + "0".repeat(38));
        ObjectId deleted = ObjectId.fromString("c2" + "0".repeat(38));
        Removal removal = new Removal(ObjectId.zeroId(), new Publication(published,
                Instant.parse("2026-03-01T10:00:00Z")), deleted);
        BuildWarning reused = new BuildWarning.ReusedNumbersServed(COMMIT, new TreeMap<>(Map.of(version("@a/x",
                "1.0.0"), removal)));

        assertEquals("../out keeps serving 1 version that its build of commit a776650 served with other files than"
                + " its number was first published with (@a/x@1.0.0, published in commit b100000 (2026-03-01) and"
                + " deleted in commit c200000), added back past the check before it refused a reused number: lock"
                + " files made since pin these files, and those made before the deletion pin the first ones, whose"
                + " integrity check fails; a build into an empty folder, which has no record of what was served,"
                + " refuses them", BuildWarningView.text(reused, OUT));
        assertEquals(Map.of("kind", "reusedNumbersServed", "previousCommit", COMMIT, "versions", List.of(Map.of(
                "name", "@a/x", "version", "1.0.0", "publishedIn", published.name(), "deletedIn", deleted.name())),
                "message", BuildWarningView.text(reused, OUT)), BuildWarningView.asJson(reused, OUT));
    }

    /** A detached HEAD has no branch to name: the sentence names its commit alone, and the JSON no branch. */
    @Test
    void unreadMetaAtADetachedHeadNamesItsCommitAloneAndTheJsonNoBranch() {
        String head = "d4" + "0".repeat(38);
        BuildWarning unread = new BuildWarning.HeadMetaUnread(new HeadCommit(head, Optional.empty()), COMMIT,
                new TreeSet<>(Set.of(PackageName.parse("@a/x"), PackageName.parse("b"))));

        assertEquals("HEAD (commit d400000) has a meta.json that does not read in full for @a/x, b, so a takedown"
                + " it records may be missed by this build of commit a776650, which serves every version that commit"
                + " holds of those packages unless that commit takes it down, as --allow-unread-head-meta"
                + " allows",
                BuildWarningView.text(unread, OUT));
        assertEquals(Map.of("kind", "headMetaUnread", "head", head, "packages", List.of("@a/x", "b"), "message",
                BuildWarningView.text(unread, OUT)), BuildWarningView.asJson(unread, OUT));
    }
}
