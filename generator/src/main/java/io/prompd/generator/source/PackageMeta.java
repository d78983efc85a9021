package io.prompd.generator.source;

import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.prompd.core.SortedCopies;
import io.prompd.core.name.PackageSpec;
import io.prompd.core.protocol.Packument;
import io.prompd.core.version.Version;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What maintainers say about a package beside its published versions, from
 * {@code packages/<name>/meta.json}.
 *
 * @param distTags   tag (such as {@code latest}) to the version it points at
 * @param yanked     versions withdrawn from resolution, with the reason
 * @param deprecated versions still installable but warned about, with the message
 * @param takenDown  versions whose folders maintainers deleted, with the reason: the record keeps the
 *                   number taken (lock files pin its old content) and tells clients why it is gone
 * @param owners     logins that may publish an unscoped package
 */
public record PackageMeta(SortedMap<String, Version> distTags, SortedMap<Version, String> yanked,
                          SortedMap<Version, String> deprecated, SortedMap<Version, String> takenDown,
                          SortedSet<String> owners) {

    public static final String FILE = "meta.json";

    /** How to bring a meta.json over the per-file limit back under it. */
    public static final String TOO_LARGE_HINT = "a meta.json holds dist-tags, yanks, deprecations and owners: write it"
            + " again with those alone";

    private static final String PUBLISHED_HINT = "use the exact version of a published folder, such as 1.2.3";

    /** The meta of a package without meta.json. */
    public static final PackageMeta EMPTY = new PackageMeta(Collections.emptySortedMap(), Collections.emptySortedMap(),
            Collections.emptySortedMap(), Collections.emptySortedMap(), Collections.emptySortedSet());

    public PackageMeta {
        distTags = SortedCopies.map(distTags);
        yanked = SortedCopies.map(yanked);
        deprecated = SortedCopies.map(deprecated);
        takenDown = SortedCopies.map(takenDown);
        owners = Logins.of(owners);
    }

    public boolean isYanked(Version version) {
        return yanked.containsKey(version);
    }

    public boolean isDeprecated(Version version) {
        return deprecated.containsKey(version);
    }

    /**
     * This meta.json with the versions taken down too, as the pull request taking them down leaves it: their records
     * added to {@link #takenDown}, and their dist-tags, yanks and deprecations gone, since they name no folder now.
     */
    public PackageMeta takingDown(SortedMap<Version, String> versions) {
        SortedMap<String, Version> tags = new TreeMap<>(distTags);
        tags.values().removeIf(versions::containsKey);
        SortedMap<Version, String> stillYanked = new TreeMap<>(yanked);
        stillYanked.keySet().removeAll(versions.keySet());
        SortedMap<Version, String> stillDeprecated = new TreeMap<>(deprecated);
        stillDeprecated.keySet().removeAll(versions.keySet());
        SortedMap<Version, String> gone = new TreeMap<>(takenDown);
        gone.putAll(versions);
        return new PackageMeta(tags, stillYanked, stillDeprecated, gone, owners);
    }

    /**
     * The version {@code latest} stands for among the published: the one its dist-tag names, or else, as on npm, the
     * highest that is neither a pre-release nor yanked; none when every version is one of those.
     */
    public Optional<Version> latest(Collection<Version> published) {
        return Optional.ofNullable(distTags.get(Packument.LATEST)).or(() -> published.stream()
                .filter(version -> !version.isPreRelease() && !isYanked(version)).max(Comparator.naturalOrder()));
    }

    /**
     * Reads a meta.json. Entries with an invalid version or a value of the wrong type are reported
     * and left out, so the rest of the file still counts.
     *
     * @param file path of the file in the repository, for the problems
     */
    public static Parsed<PackageMeta> parse(String file, byte[] json) {
        JsonFile.Opened read = JsonFile.parse(file, json);
        if (read.json().isEmpty()) {
            return Parsed.failed(read.problems());
        }
        JsonFile meta = read.json().get();
        meta.unknownFields("", "distTags", "yanked", "deprecated", "takenDown", "owners");
        Map<String, Version> distTags = meta.entries("/distTags", "an object of tag to version",
                (tag, pointer) -> askable(meta, pointer, tag)
                        ? meta.optional(pointer, JsonNodeType.STRING, "a version string")
                                .flatMap(node -> version(meta, pointer, node.asText(), PUBLISHED_HINT))
                        : Optional.empty());
        SortedMap<Version, String> yanked = byVersion(meta, "/yanked", PUBLISHED_HINT, "reason",
                Optional.of("say why, and which version to use instead: clients show it beside the version"));
        SortedMap<Version, String> deprecated = byVersion(meta, "/deprecated", PUBLISHED_HINT, "message",
                Optional.of("say what to use instead: clients show it to whoever has the version"));
        // the check refuses a new record without a reason, and an old one may not change, so a warning would only
        // repeat that error or ask for what is refused
        // a record names a version whose folder is gone
        SortedMap<Version, String> takenDown = byVersion(meta, "/takenDown", "use the exact version taken down, as its"
                + " folder was named, such as 1.2.3", "reason", Optional.empty());
        return Parsed.of(new PackageMeta(new TreeMap<>(distTags), yanked, deprecated, takenDown,
                new TreeSet<>(meta.logins("/owners"))), meta.problems());
    }

    /** A tag clients can ask for: {@code prompd install @a/b@beta} reads {@code 1.x} as a range, and no uppercase. */
    private static boolean askable(JsonFile meta, String pointer, String tag) {
        if (PackageSpec.DistTag.isValid(tag)) {
            return true;
        }
        meta.error(pointer, "'" + tag + "' is not a dist-tag clients can ask for: a tag starts with a lowercase"
                + " letter, holds only a-z, 0-9, '.', '_' and '-', and is not a version range", "rename it, such as"
                + " beta or next");
        return false;
    }

    /**
     * A text per version. An empty one is only a warning, given with {@code blankHint}: it tells users nothing, but
     * a registry whose main branch already holds one must still build.
     */
    private static SortedMap<Version, String> byVersion(JsonFile meta, String pointer, String versionHint, String text,
                                                        Optional<String> blankHint) {
        SortedMap<Version, String> texts = new TreeMap<>();
        meta.entries(pointer, "an object of version to " + text, (key, entryPointer) -> version(meta, entryPointer, key,
                        versionHint)
                        .flatMap(version -> meta.requiredText(entryPointer).map(value -> {
                            if (value.isBlank()) {
                                blankHint.ifPresent(hint -> meta.warning(entryPointer, "the " + text + " for "
                                        + version + " is empty", hint));
                            }
                            return Map.entry(version, value);
                        })))
                .values().forEach(entry -> texts.put(entry.getKey(), entry.getValue()));
        return texts;
    }

    private static Optional<Version> version(JsonFile meta, String pointer, String text, String hint) {
        try {
            return Optional.of(Version.parse(text));
        } catch (IllegalArgumentException invalid) {
            meta.error(pointer, invalid.getMessage(), hint);
            return Optional.empty();
        }
    }
}
