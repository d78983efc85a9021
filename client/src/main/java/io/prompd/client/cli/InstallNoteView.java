package io.prompd.client.cli;

import io.prompd.cli.Choices;
import io.prompd.client.install.InstallNote;
import io.prompd.client.install.InstallNote.DependencyFileMissing;
import io.prompd.client.install.InstallNote.Deprecated;
import io.prompd.client.install.InstallNote.EngineMismatch;
import io.prompd.client.install.InstallNote.FromIndexUrl;
import io.prompd.client.install.InstallNote.FromLockedUrl;
import io.prompd.client.install.InstallNote.GoneFromRegistry;
import io.prompd.client.install.InstallNote.HeldBack;
import io.prompd.client.install.InstallNote.HeldBackByRanges;
import io.prompd.client.install.InstallNote.OutOfReach;
import io.prompd.client.install.InstallNote.QueryLeftOut;
import io.prompd.client.install.InstallNote.Hold;
import io.prompd.client.install.InstallNote.IndexListsOtherDependencies;
import io.prompd.client.install.InstallNote.LastCopyRemoved;
import io.prompd.client.install.InstallNote.LatestBlocked;
import io.prompd.client.install.InstallNote.LatestConflicts;
import io.prompd.client.install.InstallNote.LatestNotDirect;
import io.prompd.client.install.InstallNote.LatestOlderThanLocked;
import io.prompd.client.install.InstallNote.LatestOutsideRange;
import io.prompd.client.install.InstallNote.LatestPassedOver;
import io.prompd.client.install.InstallNote.LatestSetAside;
import io.prompd.client.install.InstallNote.LatestYanked;
import io.prompd.client.install.InstallNote.LeftOut;
import io.prompd.client.install.InstallNote.LockConflictMerged;
import io.prompd.client.install.InstallNote.LockKept;
import io.prompd.client.install.InstallNote.MovedOffTakenDown;
import io.prompd.client.install.InstallNote.MovedOffYanked;
import io.prompd.client.install.InstallNote.NotADependency;
import io.prompd.client.install.InstallNote.NotInRegistry;
import io.prompd.client.install.InstallNote.NotInStore;
import io.prompd.client.install.InstallNote.NotResolvedAgain;
import io.prompd.client.install.InstallNote.ProjectEngineMismatch;
import io.prompd.client.install.InstallNote.ReferenceOutOfStep;
import io.prompd.client.install.InstallNote.RemovedUnchecked;
import io.prompd.client.install.InstallNote.RouteChanged;
import io.prompd.client.install.InstallNote.StaleLock;
import io.prompd.client.install.InstallNote.TakenDown;
import io.prompd.client.install.InstallNote.UnknownField;
import io.prompd.client.install.InstallNote.Unlockable;
import io.prompd.client.install.InstallNote.Yanked;
import io.prompd.client.install.Redownload;
import io.prompd.client.install.StatusNotes;
import io.prompd.client.install.lock.ConflictedLock.Differing;
import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.registry.RegistryMention;
import io.prompd.client.install.store.DependencyTexts;
import io.prompd.core.Plural;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.TerminalText;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.SimilarNames;
import io.prompd.core.protocol.Urls;
import io.prompd.core.resolve.Strategy;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Words an {@link InstallNote}: the sentence a human reads after {@code warning: }, and the object {@code --json}
 * gives, {@code kind} naming what it is, the fields of the kind, and {@code message} holding the same sentence.
 */
public final class InstallNoteView {

    /** How a note on a version no longer downloadable says that the run kept it, as the lock pins it. */
    private static final String KEPT_AT_HAND = "installed from the copy at hand because the lock file pins it; ";

    private InstallNoteView() {
    }

    /** The note's sentence, as {@code warning: } precedes it on the terminal and {@code message} holds it in JSON. */
    public static String text(InstallNote note) {
        return worded(note).message();
    }

    /** {@code {"kind": "yanked", "name": …, "version": …, "reason": …, "message": …}}, or what the kind has. */
    static Map<String, Object> asJson(InstallNote note) {
        Worded worded = worded(note);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", worded.kind());
        json.putAll(worded.fields());
        json.put("message", worded.message());
        return json;
    }

    /** A note's kind as JSON names it, its fields but the message, and its sentence. */
    private record Worded(String kind, Map<String, Object> fields, String message) {
    }

    private static Worded worded(InstallNote note) {
        if (note instanceof Yanked yanked) {
            return new Worded("yanked", released(yanked.name(), yanked.version(), Optional.of(yanked.reason())),
                    yanked.name() + "@" + yanked.version() + " is " + TerminalText.labelled("yanked", yanked.reason())
                            + " (" + (yanked.pinned() ? "installed because the lock file pins it; " : "")
                            + yanked.wayOff() + ")");
        }
        if (note instanceof Deprecated deprecated) {
            return new Worded("deprecated", released(deprecated.name(), deprecated.version(),
                    Optional.of(deprecated.reason())), deprecated.name() + "@" + deprecated.version() + " is "
                    + TerminalText.labelled("deprecated", deprecated.reason()));
        }
        if (note instanceof TakenDown takenDown) {
            String gone = takenDown.name() + "@" + takenDown.version() + " is " + takenDown.reason()
                    .map(reason -> TerminalText.labelled("taken down", reason)).orElse(StatusNotes.NO_LONGER_LISTED);
            return new Worded("takenDown", takenDownVersion(takenDown.name(), takenDown.version(),
                    takenDown.reason()), gone + " (" + (takenDown.pinned() ? KEPT_AT_HAND : "")
                    + "it can no longer be downloaded; " + takenDown.wayOff() + ")");
        }
        if (note instanceof MovedOffTakenDown moved) {
            return new Worded("movedOffTakenDown", withReason(Map.of("name", moved.name(), "from", moved.from(),
                    "to", moved.to()), Optional.of(moved.reason())), moved.name() + " moved from the locked "
                    + moved.from() + " to " + moved.to() + ": " + TerminalText.labelled("its registry took "
                    + moved.from() + " down", moved.reason()));
        }
        if (note instanceof MovedOffYanked moved) {
            return new Worded("movedOffYanked", withReason(Map.of("name", moved.name(), "from", moved.from(),
                    "to", moved.to()), Optional.of(moved.reason())), moved.name() + " moved from the locked "
                    + moved.from() + " to " + moved.to() + ": " + TerminalText.labelled("its registry yanked "
                    + moved.from(), moved.reason()));
        }
        if (note instanceof EngineMismatch engine) {
            return new Worded("engineMismatch", Map.of("name", engine.name(), "version", engine.version(),
                    "wanted", engine.wanted().text(), "running", engine.running()), engine.name() + "@"
                    + engine.version() + " asks for prompd " + engine.wanted() + ", and this is prompd "
                    + engine.running() + "; its prompts may use what this one lacks (update prompd)");
        }
        if (note instanceof ProjectEngineMismatch engine) {
            return new Worded("projectEngineMismatch", Map.of("wanted", engine.wanted().text(), "running",
                    engine.running()), "prompd.json's engines.prompd asks for prompd " + engine.wanted()
                    + ", and this is prompd " + engine.running() + "; the project's prompts may use what this one lacks"
                    + " (update prompd)");
        }
        if (note instanceof UnknownField unknown) {
            Map<String, Object> fields = new LinkedHashMap<>(Map.of("file", ManifestReader.FILE_NAME, "field",
                    unknown.field()));
            if (unknown.line() > 0) {
                fields.put("line", unknown.line());
            }
            fields.put("hint", unknown.hint());
            // validate's words, as it warns of the field
            return new Worded("unknownField", fields, ManifestReader.FILE_NAME + (unknown.line() > 0 ? ", line "
                    + unknown.line() : "") + ": unknown field '" + unknown.field() + "' (" + unknown.hint() + ")");
        }
        if (note instanceof HeldBack heldBack) {
            Map<String, Object> fields = new LinkedHashMap<>(Map.of("name", heldBack.name(), "preferred",
                    heldBack.preferred()));
            heldBack.installable().ifPresent(installable -> fields.put("installable", installable));
            return new Worded("heldBack", fields, heldBack.name() + " " + heldBack.preferred()
                    + " cannot be installed now, as it " + heldBack.blocking() + ", so " + heldBack.installable()
                    .map(version -> version + " is the newest version its ranges allow that can be")
                    .orElse("no version its ranges allow can be") + waitForRelease(heldBack.name()));
        }
        if (note instanceof HeldBackByRanges held) {
            Map<String, Object> fields = new LinkedHashMap<>(Map.of("name", held.name(), "version", held.version()));
            held.movedFrom().ifPresent(before -> fields.put("movedFrom", before));
            OutOfReach preferred = held.preferred();
            fields.putAll(heldBackFields(preferred));
            String allowed = preferred.allowed() + ", which its own ranges allow, ";
            // worded as movedOffYanked words a move from the locked version
            String where = held.movedFrom().map(before -> " moved " + (before.compareTo(held.version()) > 0 ? "down"
                    : "up") + " from the locked " + before + " to ").orElse(" stays at ");
            return new Worded("heldBackByRanges", fields, held.name() + where + held.version() + preferred.problem()
                    .map(problem -> ": " + allowed + cannotGo(false) + ": " + problem)
                    .orElse(", held back by " + heldBy(preferred.by()) + ": " + allowed + outOfReach(preferred.by()))
                    + held.wayPast().map(wayPast -> "; " + wayPast).orElse(""));
        }
        if (note instanceof StaleLock stale) {
            return new Worded("staleLock", Map.of("reasons", stale.reasons()), LockFile.FILE_NAME + " was stale, so its"
                    + " versions were resolved again: " + String.join("; ", stale.reasons()));
        }
        if (note instanceof LockKept kept) {
            String asked = "--resolution " + Choices.typed(kept.strategy());
            List<Map<String, Object>> versions = kept.kept().stream().<Map<String, Object>>map(one -> Map.of("name",
                    one.name(), "locked", one.locked(), "chosen", one.chosen())).toList();
            return new Worded("lockKept", Map.of("strategy", Choices.typed(kept.strategy()), "kept", versions),
                    LockFile.FILE_NAME + " kept " + (kept.kept().isEmpty() ? "its versions" : Plural.series(
                            kept.kept().stream().map(one -> one.name() + " " + one.locked() + " (not "
                                    + one.chosen() + ")").toList(), "and"))
                    + ": " + asked + " chooses only versions the lock does not hold; " + kept.update()
                    + " resolves every package anew");
        }
        if (note instanceof LockConflictMerged merged) {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (!merged.ours().isEmpty()) {
                fields.put("ours", merged.ours());
            }
            if (!merged.theirs().isEmpty()) {
                fields.put("theirs", merged.theirs());
            }
            fields.put("differing", merged.differing().stream()
                    .map(differing -> differingAsJson(differing, merged.movedTo())).toList());
            String ours = merged.ours().isEmpty() ? "ours" : merged.ours();
            String theirs = merged.theirs().isEmpty() ? "theirs" : merged.theirs();
            List<String> versions = merged.differing().stream().filter(differing -> !differing.sameVersion())
                    .map(differing -> {
                        boolean theirsKept = differing.theirsKept();
                        return differing.name() + " " + differing.kept().version() + " from "
                                + (theirsKept ? theirs : ours) + ", not " + (theirsKept ? differing.ours()
                                : differing.theirs()).version() + " from " + (theirsKept ? ours : theirs)
                                + Optional.ofNullable(merged.movedTo().get(differing.name()))
                                .map(version -> ", which the resolution then moved to " + version).orElse("");
                    }).toList();
            List<String> entries = merged.differing().stream().filter(Differing::sameVersion)
                    .map(differing -> differing.name() + " " + differing.ours().version() + " "
                            + sameVersionDifferences(differing)).toList();
            return new Worded("lockConflictMerged", fields, LockFile.FILE_NAME + " held Git conflict markers, so the"
                    + " locks of both sides were merged"
                    + (versions.isEmpty() ? "" : "; of the versions they lock differently the higher was kept, where"
                    + " the resolution started: "
                    + String.join(", ", versions))
                    + (entries.isEmpty() ? "" : "; of the packages they lock at one version but from other tarballs, "
                    + ours + "'s entry was kept: " + String.join(", ", entries))
                    + " (commit the " + LockFile.FILE_NAME + " written)");
        }
        if (note instanceof LatestSetAside setAside) {
            return new Worded("latestSetAside", withProblem(Map.of("name", setAside.name(), "fromLatest",
                    setAside.fromLatest().text(), "installed", setAside.installed()), setAside.problem()),
                    setAside.name() + " " + setAside.fromLatest() + ", from its latest version, " + setAside.heldBack()
                    .map(heldBack -> "cannot be installed now, as " + heldBack.preferred() + " " + heldBack.blocking())
                    .orElse(cannotGo(setAside.global())) + ", so " + setAside.installed()
                    + theOneThatCan(setAside.strategy()) + setAside.heldBack()
                    .map(heldBack -> waitForRelease(heldBack.name())).orElse("") + because(setAside.problem()));
        }
        if (note instanceof LatestPassedOver passedOver) {
            Map<String, Object> fields = withProblem(Map.of("name", passedOver.name(), "latest",
                    passedOver.latest(), "installed", passedOver.installed()), passedOver.problem());
            if (!passedOver.by().isEmpty()) {
                fields.put("by", holdsAsJson(passedOver.by()));
                return new Worded("latestPassedOver", fields, passedOver.name() + " " + passedOver.installed()
                        + " is above its latest dist-tag, " + passedOver.latest() + ", which its maintainers moved"
                        + " back: you asked for " + heldBy(passedOver.by()) + passedOver.wayBack()
                                .map(wayBack -> "; " + wayBack).orElse(""));
            }
            return new Worded("latestPassedOver", fields, passedOver.name() + "'s latest version, "
                    + passedOver.latest() + ", " + cannotGo(passedOver.global()) + ", so " + passedOver.installed()
                    + theOneThatCan(passedOver.strategy()) + because(passedOver.problem()));
        }
        if (note instanceof LatestYanked yanked) {
            return new Worded("latestYanked", withReason(Map.of("name", yanked.name(), "tagged", yanked.tagged(),
                    "installed", yanked.installed()), Optional.of(yanked.reason())), yanked.name()
                    + "'s latest dist-tag points at " + yanked.tagged() + ", which is "
                    + TerminalText.labelled("yanked", yanked.reason()) + ", so " + yanked.installed()
                    + " is installed: a new install chooses no yanked version");
        }
        if (note instanceof LatestNotDirect notDirect) {
            return new Worded("latestNotDirect", Map.of("name", notDirect.name()), notDirect.name() + " is not in"
                    + " prompd.json, so --latest has no range of it to move: it was updated within the ranges of the"
                    + " packages that need it");
        }
        if (note instanceof LatestOlderThanLocked older) {
            return new Worded("latestOlderThanLocked", Map.of("name", older.name(), "range", older.range().text(),
                    "latest", older.latest(), "locked", older.locked()), "kept " + older.name() + " " + older.range()
                    + ": its latest version, " + older.latest() + ", is older than the locked " + older.locked());
        }
        if (note instanceof LatestOutsideRange outside) {
            return new Worded("latestOutsideRange", Map.of("name", outside.name(), "range", outside.range().text(),
                    "latest", outside.latest(), "update", outside.update()), outside.name() + " " + outside.latest()
                    + " is its latest version, outside prompd.json's " + outside.range() + ", so the update stayed"
                    + " within the range; " + SuggestedCommands.inSentence(outside.update())
                    + " moves the range to it");
        }
        if (note instanceof LatestBlocked blocked) {
            return new Worded("latestBlocked", Map.of("name", blocked.name(), "range", blocked.range().text(),
                    "latest", blocked.latest()), "kept " + blocked.name() + " " + blocked.range() + ": its latest"
                    + " version, " + blocked.latest() + ", cannot be installed now, as it " + blocked.blocking()
                    + waitForRelease(blocked.name()));
        }
        if (note instanceof LatestConflicts conflicts) {
            Map<String, Object> fields = withProblem(Map.of("name", conflicts.name(), "range",
                    conflicts.range().text(), "latest", conflicts.latest(), "installed", conflicts.installed()),
                    conflicts.problem());
            conflicts.saved().ifPresent(saved -> fields.put("saved", saved.text()));
            fields.put("by", holdsAsJson(conflicts.by()));
            return new Worded("latestConflicts", fields, conflicts.saved()
                    .map(saved -> "moved " + conflicts.name() + " " + conflicts.range() + " to " + saved)
                    .orElse("kept " + conflicts.name() + " " + conflicts.range()) + ": its latest version, "
                    + conflicts.latest() + ", " + conflicts.problem().map(problem -> cannotGo(false))
                    .orElse("cannot go with " + heldBy(conflicts.by())) + ", so " + conflicts.installed()
                    + theOneThatCan(conflicts.strategy()) + because(conflicts.problem()));
        }
        if (note instanceof ReferenceOutOfStep reference) {
            Map<String, Object> fields = new LinkedHashMap<>(Map.of("file", reference.file(), "line", reference.line(),
                    "written", reference.written(), "name", reference.name()));
            reference.write().ifPresent(write -> fields.put("write", write));
            String where = reference.file() + ", line " + reference.line() + ": ";
            return new Worded("referenceOutOfStep", fields, reference.write()
                    .map(write -> where + "write '" + write + "' in place of '" + reference.written() + "', with the"
                            + " range " + ManifestReader.FILE_NAME + " now gives")
                    .orElse(where + "'" + reference.written() + "' refers to " + reference.name() + ", which is no"
                            + " longer a dependency: remove the reference, or install the package again")
                    + " ('prompd validate' refuses it as it is)");
        }
        if (note instanceof DependencyFileMissing missing) {
            Map<String, Object> fields = released(missing.name(), missing.version(), Optional.empty());
            fields.put("file", missing.file());
            if (!missing.field().isEmpty()) {
                fields.put("field", missing.field());
            }
            fields.put("line", missing.line());
            fields.put("written", missing.written());
            fields.put("dependency", missing.dependency());
            fields.put("installed", missing.installed());
            if (missing.newest()) {
                fields.put("newest", true);
            }
            String takes = missing.field().equals("inherits") ? "inherits " + missing.written()
                    : missing.field().isEmpty() ? "loads " + missing.written() + " in its template, line "
                    + missing.line()
                    : "names " + missing.written() + " in " + missing.field();
            return new Worded("dependencyFileMissing", fields, missing.name() + " " + missing.version() + "'s "
                    + missing.file() + " " + takes + ", which " + missing.dependency() + " " + missing.installed()
                    + ", the version installed, does not have (" + remedy(missing) + ")");
        }
        if (note instanceof NotADependency notADependency) {
            Map<String, Object> fields = new LinkedHashMap<>(Map.of("name", notADependency.name()));
            if (!notADependency.similar().isEmpty()) {
                fields.put("similar", notADependency.similar());
            }
            return new Worded("notADependency", fields, notADependency.name() + " is not a dependency of this project:"
                    + " skipped" + (notADependency.similar().isEmpty() ? ""
                    : "; " + SimilarNames.didYouMean(notADependency.similar())));
        }
        if (note instanceof NotInStore notInStore) {
            Map<String, Object> fields = new LinkedHashMap<>(Map.of("name", notInStore.name()));
            notInStore.range().ifPresent(range -> fields.put("range", range.text()));
            return new Worded("notInStore", fields, notInStore.name() + notInStore.range().map(range -> "@" + range)
                    .orElse("") + " is not in the store: skipped");
        }
        if (note instanceof LastCopyRemoved removed) {
            Redownload lost = removed.redownload();
            return new Worded("lastCopyRemoved", withReason(Map.of("name", lost.name(), "version", lost.version(),
                    "registry", lost.registry(), "why", switch (lost.fate()) {
                        case TAKEN_DOWN -> "takenDown";
                        case UNLISTED -> "unlisted";
                        default -> "gone";
                    }), lost.detail()), removed.place().gone(lost.spec(), true) + ", its last copy ("
                    + lost.why().orElseThrow() + "): no 'prompd install' can download it again, and a project whose"
                    + " prompd.lock pins it fails to install until it moves off it");
        }
        if (note instanceof RemovedUnchecked removed) {
            List<Redownload> unknown = removed.redownloads();
            boolean one = unknown.size() == 1;
            return new Worded("removedUnchecked", Map.of("packages", unknown.stream()
                    .map(version -> Map.of("name", version.name(), "version", version.version())).toList(),
                    "registry", removed.registry(), "problem", removed.problem()), removed.place()
                    .gone(Redownload.specs(unknown), one) + " not knowing whether " + (one ? "it" : "they") + " can be"
                    + " downloaded again (" + Redownload.whys(unknown) + "): if " + (one ? "its registry no longer"
                    + " gives it, that was its last copy" : "their registry no longer gives one, that was its last"
                    + " copy"));
        }
        if (note instanceof NotResolvedAgain unresolved) {
            return new Worded("notResolvedAgain", Map.of("lockKept", unresolved.lockKept()), (unresolved.lockKept()
                    ? "the other dependencies were not resolved again, as they cannot be, and stay as "
                            + LockFile.FILE_NAME + " locked them: "
                    : "the other dependencies were not resolved, as they cannot be, and stay unlocked, as there was no "
                            + LockFile.FILE_NAME + ": ") + unresolved.problem());
        }
        if (note instanceof Unlockable unlockable) {
            return new Worded("unlockable", Map.of("name", unlockable.name()), unlockable.why());
        }
        if (note instanceof LeftOut leftOut) {
            Map<String, String> reasons = InstallNote.TakenDownVersion.reasons(leftOut.versions());
            return new Worded("leftOut", Map.of("packages", leftOut.versions().stream()
                    .map(one -> takenDownVersion(one.name(), one.version(), one.reason())).toList()),
                    "not installed, as taken down with no copy at hand, though " + LockFile.FILE_NAME + " still locks "
                            + Plural.itOrThem(reasons.size()) + ": " + Takedowns.withReasons(reasons) + " ("
                            + leftOut.wayOff() + ")");
        }
        if (note instanceof RouteChanged moved) {
            return new Worded("routeChanged", Map.of("name", moved.name(), "version", moved.version(), "lockedFrom",
                    registry(moved.lockedFrom()), "routed", moved.routed(), "resolvesIn", registry(moved.resolvesIn()),
                    "otherBytes", moved.otherBytes(), "lockedBytes", moved.lockedBytes()),
                    StatusNotes.lockedElsewhere(moved));
        }
        if (note instanceof FromLockedUrl fromLock) {
            String url = LockedPackage.display(fromLock.url());
            return new Worded("fromLockedUrl", Map.of("name", fromLock.name(), "version", fromLock.version(),
                    "lockedFrom", registry(fromLock.lockedFrom()), "url", url, "resolvesIn",
                    registry(fromLock.resolvesIn()), "problem", fromLock.problem()), fromLock.name() + "@"
                    + fromLock.version() + " came from the URL " + LockFile.FILE_NAME + " records, " + url
                    + ", with the integrity it pins, as registry " + fromLock.resolvesIn().describe()
                    + " failed to give it: " + fromLock.problem());
        }
        if (note instanceof FromIndexUrl fromIndex) {
            String url = LockedPackage.display(fromIndex.url());
            return new Worded("fromIndexUrl", Map.of("name", fromIndex.name(), "version", fromIndex.version(), "url",
                    url, "resolvesIn", registry(fromIndex.resolvesIn()), "problem", fromIndex.problem()),
                    fromIndex.name() + "@" + fromIndex.version() + " came from the URL the index of registry "
                    + fromIndex.resolvesIn().describe() + " gives for it, " + url + ", with the integrity the index"
                    + " lists, as the registry failed to give it at its own tarball path: " + fromIndex.problem());
        }
        if (note instanceof QueryLeftOut leftOut) {
            return new Worded("queryLeftOut", Map.of("name", leftOut.name(), "version", leftOut.version(),
                    "parameters", leftOut.parameters()), LockFile.FILE_NAME + " records the tarball URL of "
                    + leftOut.name() + "@" + leftOut.version() + " without its query " + (leftOut.parameters().size()
                    == 1 ? "parameter " : "parameters ") + Plural.series(leftOut.parameters(), "and") + ": it keeps"
                    + " only those known to address a file, as any other may be a credential, and a download reads the"
                    + " whole URL from the registry's index again");
        }
        if (note instanceof IndexListsOtherDependencies indexWrong) {
            String index = Urls.display(indexWrong.index());
            return new Worded("indexListsOtherDependencies", Map.of("name", indexWrong.name(), "version",
                    indexWrong.version(), "index", index, "listed", indexWrong.listed(), "declared",
                    indexWrong.declared()), "the registry's index.json of " + indexWrong.name() + " (" + index
                    + ") lists " + DependencyTexts.listed(indexWrong.listed()) + " for " + indexWrong.version()
                    + ", and the version's own " + ManifestReader.FILE_NAME + " declares " + DependencyTexts.listed(
                            indexWrong.declared()) + ", as " + LockFile.FILE_NAME + " records: " + indexWrong.name()
                    + "@" + indexWrong.version() + " was installed as " + LockFile.FILE_NAME + " pins it (tell the"
                    + " registry's maintainers)");
        }
        if (note instanceof GoneFromRegistry gone) {
            return new Worded("goneFromRegistry", Map.of("name", gone.name(), "version", gone.version(), "registry",
                    gone.registry()), StatusNotes.vanished(gone.name(), gone.version(), gone.registry()) + " ("
                    + (gone.pinned() ? KEPT_AT_HAND : "") + gone.wayOff() + ")");
        }
        if (note instanceof NotInRegistry missing) {
            return new Worded("notInRegistry", Map.of("name", missing.name(), "registry", missing.registry()),
                    missing.name() + " is in prompd.json but not in " + missing.registry() + ", so "
                            + missing.wayOff() + missing.elsewhere().map(advice -> " (" + advice + ")").orElse(""));
        }
        throw new IllegalArgumentException("no words for " + note);
    }

    private static Map<String, Object> differingAsJson(Differing differing, Map<PackageName, Version> movedTo) {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("name", differing.name(), "ours",
                differing.ours().version(), "theirs", differing.theirs().version(), "kept",
                differing.kept().version()));
        Optional.ofNullable(movedTo.get(differing.name())).ifPresent(version -> fields.put("movedTo", version));
        if (differing.otherTarballUrl()) {
            fields.put("resolved", Map.of("ours", LockedPackage.display(differing.ours().resolved()), "theirs",
                    LockedPackage.display(differing.theirs().resolved())));
        }
        if (differing.otherIntegrity()) {
            fields.put("integrity", Map.of("ours", differing.ours().integrity().toString(), "theirs",
                    differing.theirs().integrity().toString()));
        }
        return fields;
    }

    /** How two sides' entries of one version differ, ours' first. */
    private static String sameVersionDifferences(Differing differing) {
        List<String> differences = new ArrayList<>();
        if (differing.otherTarballUrl()) {
            differences.add("from " + LockedPackage.display(differing.ours().resolved()) + ", not "
                    + LockedPackage.display(differing.theirs().resolved()));
        }
        if (differing.otherIntegrity()) {
            differences.add("with integrity " + differing.ours().integrity() + ", not "
                    + differing.theirs().integrity());
        }
        return String.join(" and ", differences);
    }

    /**
     * {@code {"allowed": …, "by": [{"name": …, "range": …, "from": …}], "problem": …}}: what a package is held back
     * from and by which ranges, or when by none the resolver's explanation of why, as {@code update}'s warning and
     * {@code outdated}'s row give it.
     */
    static Map<String, Object> heldBackFields(OutOfReach preferred) {
        return withProblem(Map.of("allowed", preferred.allowed(), "by", holdsAsJson(preferred.by())),
                preferred.problem());
    }

    /**
     * Each hold with {@code from}, which says its kind: a range, {@code {name, range, from}}, {@code from} being
     * {@code prompd.json} or the {@code name@version} of the package placing it; a locked version the update kept,
     * {@code {name, locked, needs, from: "prompd.lock"}}; the version the latest dist-tag names,
     * {@code {name, latest, needs, from: "dist-tags"}}; {@code needs} being the range the held-back version needs.
     */
    private static List<Map<String, Object>> holdsAsJson(List<? extends Hold> holds) {
        return holds.stream().map(InstallNoteView::holdAsJson).toList();
    }

    private static Map<String, Object> holdAsJson(Hold hold) {
        if (hold instanceof InstallNote.Requirement range) {
            return Map.of("name", range.name(), "range", range.range().text(), "from", range.dependent()
                    .map(InstallNote.Dependent::toString).orElse(ManifestReader.FILE_NAME));
        }
        InstallNote.HeldVersion held = (InstallNote.HeldVersion) hold;
        boolean locked = held.keeper() == InstallNote.Keeper.LOCK;
        return Map.of("name", held.name(), locked ? "locked" : "latest", held.version(), "needs",
                held.needed().text(), "from", locked ? LockFile.FILE_NAME : "dist-tags");
    }

    /**
     * {@code prompd.json's @a/b ^1.0.0 and @a/c@1.2.0, which needs @a/d ~2.0.0}: each hold with who places it, so that
     * a range a dependency needs is not taken for prompd.json's, and a locked version or a dist-tag not for a range;
     * the rest of the project when nothing is to blame alone and the resolver gave no explanation.
     */
    static String heldBy(List<? extends Hold> holds) {
        return holds.isEmpty() ? "the rest of the project's dependencies"
                : Plural.series(holds.stream().map(InstallNoteView::hold).toList(), "and");
    }

    private static String hold(Hold hold) {
        if (hold instanceof InstallNote.Requirement requirement) {
            String range = requirement.name() + " " + requirement.range();
            return requirement.dependent().map(dependent -> dependent + ", which needs " + range)
                    .orElse(ManifestReader.FILE_NAME + "'s " + range);
        }
        InstallNote.HeldVersion held = (InstallNote.HeldVersion) hold;
        return held.keeper() == InstallNote.Keeper.LOCK
                ? LockFile.FILE_NAME + "'s " + held.name() + " " + held.version() + ", which the update keeps"
                : held.name() + "'s latest dist-tag, " + held.version();
    }

    /**
     * Why a held-back version is out of reach, after {@link #heldBy} names what holds it: {@code cannot go with that
     * range} when ranges alone hold it; else what it needs of the packages held at a version, which that version is
     * outside of ({@code needs @a/b ^1.1.0}).
     */
    private static String outOfReach(List<Hold> holds) {
        long ranges = holds.stream().filter(InstallNote.Requirement.class::isInstance).count();
        String clash = "cannot go with " + (ranges == 1 ? "that range" : "those ranges");
        List<String> needs = holds.stream().<String>mapMulti((hold, each) -> {
            if (hold instanceof InstallNote.HeldVersion held) {
                each.accept(held.name() + " " + held.needed());
            }
        }).toList();
        return needs.isEmpty() ? clash : "needs " + Plural.series(needs, "and") + (ranges == 0 ? "" : " and " + clash);
    }

    /**
     * The way to a version of the dependency that has the file: an update, unless the version installed is the newest
     * listed, which an update leaves as it is; then a pin to an older version, named when the index tells of one that
     * has the file, and the taker's maintainers, who can take it from elsewhere.
     */
    private static String remedy(DependencyFileMissing missing) {
        if (!missing.newest()) {
            return "update it, " + missing.command() + ", or raise the range that holds it back";
        }
        String ask = "it is the newest version listed: ask " + missing.name() + "'s maintainers, or pin "
                + missing.dependency() + " to ";
        return missing.having().map(having -> ask + having + ", which has it, " + missing.command())
                .orElse(ask + "an older version that has it, if one does");
    }

    /**
     * Why a version from the latest was not installed when no takedown says it: it does not go with the project, or,
     * installed globally on its own, its own dependencies do not go together.
     */
    private static String cannotGo(boolean global) {
        return global ? "cannot be resolved" : "cannot be installed in this project";
    }

    /**
     * {@code : Because …}, the resolver's explanation of why a version cannot be installed, after the sentence it
     * explains; its lines after the first as the resolver wrote them, as a failed resolution's message gives them.
     */
    private static String because(Optional<String> problem) {
        return problem.map(explanation -> ": " + explanation).orElse("");
    }

    /** The fields and the resolver's {@code problem}, left out when it gave none. */
    private static Map<String, Object> withProblem(Map<String, Object> fields, Optional<String> problem) {
        Map<String, Object> withProblem = new LinkedHashMap<>(fields);
        problem.ifPresent(explanation -> withProblem.put("problem", explanation));
        return withProblem;
    }

    /** The way past a takedown that the package's maintainers, not the user, have to take. */
    private static String waitForRelease(PackageName name) {
        return " (wait for a release of " + name + " needing another)";
    }

    /** {@code , the highest version that can, is installed}, as the strategy chose it. */
    private static String theOneThatCan(Strategy strategy) {
        return ", the " + Choices.typed(strategy) + " version that can, is installed";
    }

    /**
     * {@code {"name": …, "url": …}}, as {@code prompd registry list --json} gives a registry, with no name for a URL.
     */
    private static Map<String, Object> registry(RegistryMention registry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        registry.name().ifPresent(name -> fields.put("name", name.toString()));
        fields.put("url", registry.shownUrl());
        return fields;
    }

    /** {@code name}, {@code version} and, when there is one, the registry's {@code reason}. */
    private static Map<String, Object> released(PackageName name, Version version, Optional<String> reason) {
        return withReason(Map.of("name", name, "version", version), reason);
    }

    /**
     * {@code name}, {@code version} and the takedown's {@code reason}, or {@code "unlisted": true} when the registry
     * records no takedown of the version but no longer lists it: without a {@code reason} either may be meant, and a
     * script must not read {@code message} to tell which.
     */
    private static Map<String, Object> takenDownVersion(PackageName name, Version version, Optional<String> reason) {
        Map<String, Object> fields = released(name, version, reason);
        if (reason.isEmpty()) {
            fields.put("unlisted", true);
        }
        return fields;
    }

    /**
     * The fields and the registry's {@code reason}, left out when it gave none, empty or blank, as the registry's
     * {@code build --json} and {@code check --json} give a takedown: a script tests for the field alone.
     */
    private static Map<String, Object> withReason(Map<String, Object> fields, Optional<String> reason) {
        Map<String, Object> withReason = new LinkedHashMap<>(fields);
        reason.filter(given -> !given.isBlank()).ifPresent(given -> withReason.put("reason", given));
        return withReason;
    }

}
