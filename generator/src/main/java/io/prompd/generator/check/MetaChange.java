package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.Secrets;
import io.prompd.core.problem.Pointer;
import io.prompd.core.protocol.Packument;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Parsed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One thing a pull request does to a package's {@code meta.json}, as a reviewer wants to read it
 * rather than as a diff of JSON.
 *
 * @param name   the package
 * @param action what happens
 * @param target the version or login it happens to; for {@code latest} moved without its dist-tag, the version it
 *               stands for now, empty when none is left
 * @param detail the dist-tag's name, the yank's or the takedown's reason or the deprecation's
 *               message; empty otherwise
 * @param was    the version a dist-tag that moves pointed at before (for {@code latest} without a dist-tag there,
 *               the version it stood for, if another, and so for {@code latest} moved without its dist-tag), or the
 *               text a changed yank, deprecation or takedown record had, which may be empty text; absent for a new
 *               one and for the other actions
 * @param becomes for the dist-tag latest removed, the version latest then stands for: the highest that is neither a
 *                pre-release nor yanked, absent when there is none; absent for the other actions
 */
public record MetaChange(PackageName name, Action action, String target, String detail, Optional<String> was,
                         Optional<String> becomes) {

    public enum Action {
        TAGS, UNTAGS, YANKS, UNYANKS, DEPRECATES, UNDEPRECATES, RECORDS_TAKEDOWN, REMOVES_TAKEDOWN_RECORD,
        MOVES_LATEST, ADDS_OWNER, REMOVES_OWNER
    }

    public MetaChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        // a reason quoting a leaked key, which the check refuses, is not to be repeated in its report
        detail = Secrets.masked(Objects.requireNonNull(detail, "detail"));
        was = Objects.requireNonNull(was, "was").map(Secrets::masked);
        Objects.requireNonNull(becomes, "becomes");
        if (becomes.isPresent() && !(action == Action.UNTAGS && detail.equals(Packument.LATEST))) {
            throw new IllegalArgumentException("only removing the dist-tag latest makes latest another version: "
                    + action + " " + detail);
        }
    }

    /** A change with the text it had before, or the version a dist-tag pointed at: see {@link #was}. */
    public MetaChange(PackageName name, Action action, String target, String detail, Optional<String> was) {
        this(name, action, target, detail, was, Optional.empty());
    }

    /** A change with no earlier text: a dist-tag, note or record new or removed, an owner added or removed. */
    public MetaChange(PackageName name, Action action, String target, String detail) {
        this(name, action, target, detail, Optional.empty(), Optional.empty());
    }

    /**
     * What differs between the package's meta before and after, tags first, then yanks, deprecations, takedown
     * records, the move of {@code latest} without its dist-tag they make, and owners of an unscoped package. Only
     * parts that read on both sides are compared: a file or entry that does not read stands for nothing, and reading
     * it as absent would tell of tags removed and yanks taken back that the pull request's author never meant.
     *
     * @param publishedBefore the package's versions before, among which {@code latest} stood for one without its tag:
     *                        a tag set then moves it from that version, which a reviewer needs to see
     * @param publishedAfter  the package's versions after, among which {@code latest} stands for one when its tag is
     *                        removed, which a reviewer needs to see too
     */
    public static List<MetaChange> between(PackageName name, Parsed<PackageMeta> beforeRead,
                                           Collection<Version> publishedBefore, Parsed<PackageMeta> afterRead,
                                           Collection<Version> publishedAfter) {
        PackageMeta before = beforeRead.value().orElse(PackageMeta.EMPTY);
        PackageMeta after = afterRead.value().orElse(PackageMeta.EMPTY);
        Predicate<String> reads = pointer -> beforeRead.reads(pointer) && afterRead.reads(pointer);
        List<MetaChange> changes = new ArrayList<>();
        for (String tag : new TreeSet<>(union(before.distTags(), after.distTags()))) {
            if (!reads.test(Pointer.of("distTags", tag))) {
                continue;
            }
            Version tagged = before.distTags().get(tag);
            Version is = after.distTags().get(tag);
            if (is == null) {
                Optional<Version> becomes = tag.equals(Packument.LATEST) ? after.latest(publishedAfter)
                        : Optional.empty();
                changes.add(new MetaChange(name, Action.UNTAGS, tagged.toString(), tag, Optional.empty(),
                        becomes.map(Version::toString)));
            } else if (!is.equals(tagged)) {
                Optional<Version> was = tagged == null && tag.equals(Packument.LATEST)
                        ? before.latest(publishedBefore).filter(stoodFor -> !stoodFor.equals(is))
                        : Optional.ofNullable(tagged);
                changes.add(new MetaChange(name, Action.TAGS, is.toString(), tag, was.map(Version::toString)));
            }
        }
        notes(name, "yanked", before.yanked(), after.yanked(), reads, Action.YANKS, Action.UNYANKS, changes);
        notes(name, "deprecated", before.deprecated(), after.deprecated(), reads, Action.DEPRECATES,
                Action.UNDEPRECATES, changes);
        notes(name, "takenDown", before.takenDown(), after.takenDown(), reads, Action.RECORDS_TAKEDOWN,
                Action.REMOVES_TAKEDOWN_RECORD, changes);
        untaggedLatestMoved(name, before, publishedBefore, after, publishedAfter, reads).ifPresent(changes::add);
        // a scope's packages are owned through scopes.json: their meta.json owners change nothing, and only draw a
        // warning
        if (!name.isScoped() && reads.test(Pointer.of("owners"))) {
            after.owners().stream().filter(login -> !before.owners().contains(login))
                    .forEach(login -> changes.add(new MetaChange(name, Action.ADDS_OWNER, login, "")));
            before.owners().stream().filter(login -> !after.owners().contains(login))
                    .forEach(login -> changes.add(new MetaChange(name, Action.REMOVES_OWNER, login, "")));
        }
        return List.copyOf(changes);
    }

    /**
     * The move of {@code latest} where no dist-tag names it on either side, so that it stands for the highest version
     * that is neither a pre-release nor yanked: a yank or a takedown of the versions above moves it back, to an older
     * line (deprecated, maybe) that every {@code prompd install NAME} then gets, which a reviewer has to see as a
     * dist-tag's move is seen. Only where the dist-tag and the yanks read on both sides.
     */
    private static Optional<MetaChange> untaggedLatestMoved(PackageName name, PackageMeta before,
                                                            Collection<Version> publishedBefore, PackageMeta after,
                                                            Collection<Version> publishedAfter,
                                                            Predicate<String> reads) {
        if (before.distTags().containsKey(Packument.LATEST) || after.distTags().containsKey(Packument.LATEST)
                || !reads.test(Pointer.of("distTags", Packument.LATEST)) || !reads.test(Pointer.of("yanked"))) {
            return Optional.empty();
        }
        Optional<Version> was = before.latest(publishedBefore);
        Optional<Version> is = after.latest(publishedAfter);
        if (was.isEmpty() || was.equals(is)) {
            return Optional.empty();
        }
        return Optional.of(new MetaChange(name, Action.MOVES_LATEST, is.map(Version::toString).orElse(""), "",
                was.map(Version::toString)));
    }

    /** Versions that get a note (a new one, or a new text) and versions that lose theirs, where both sides read. */
    private static void notes(PackageName name, String field, SortedMap<Version, String> before,
                              SortedMap<Version, String> after, Predicate<String> reads, Action given, Action taken,
                              List<MetaChange> changes) {
        for (Version version : new TreeSet<>(union(before, after))) {
            if (!reads.test(Pointer.of(field, version.toString()))) {
                continue;
            }
            String was = before.get(version);
            String is = after.get(version);
            if (is == null) {
                changes.add(new MetaChange(name, taken, version.toString(), ""));
            } else if (!is.equals(was)) {
                // a text given where there was an empty one changes it, as one that says something else does
                changes.add(new MetaChange(name, given, version.toString(), is, Optional.ofNullable(was)));
            }
        }
    }

    private static <K> List<K> union(Map<K, ?> first, Map<K, ?> second) {
        List<K> keys = new ArrayList<>(first.keySet());
        keys.addAll(second.keySet());
        return keys;
    }

    /** Whether it adds or removes an owner: a change to who may publish the package, which a summary tells first. */
    public boolean changesOwners() {
        return action == Action.ADDS_OWNER || action == Action.REMOVES_OWNER;
    }

    /**
     * Whether this is the new record of the takedown of the version, which the summary tells on the
     * takedown's own line.
     */
    public boolean recordsTakedownOf(PackageVersion version) {
        return action == Action.RECORDS_TAKEDOWN && was.isEmpty() && name.equals(version.name())
                && target.equals(version.version().toString());
    }
}
