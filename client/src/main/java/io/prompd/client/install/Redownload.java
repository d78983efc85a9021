package io.prompd.client.install;

import io.prompd.core.Plural;
import io.prompd.core.TerminalText;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the registry serving an installed version's name says of downloading it again ({@link Redownloads}).
 *
 * @param registry that registry, as messages name it
 * @param detail   the maintainers' reason of a version {@link Fate#TAKEN_DOWN}, empty when they gave none; why the
 *                 package's index could not be read for one {@link Fate#UNKNOWN}, and why no registry serves its
 *                 name for one {@link Fate#UNROUTED}; empty otherwise
 */
public record Redownload(PackageName name, Version version, Fate fate, String registry, Optional<String> detail) {

    public Redownload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(fate, "fate");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(detail, "detail");
        if (fate == Fate.UNKNOWN || fate == Fate.UNROUTED ? detail.isEmpty()
                : fate != Fate.TAKEN_DOWN && detail.isPresent()) {
            throw new IllegalArgumentException("a detail is a takedown's reason or why the index was not read: "
                    + fate + " " + detail);
        }
    }

    /** What its registry's index says of the version. */
    public enum Fate {
        /** Listed, yanked or deprecated as it may be: an install pinning it downloads it. */
        LISTED,
        /** Taken down: its tarball is no longer served. */
        TAKEN_DOWN,
        /** No longer listed, with no takedown recorded. */
        UNLISTED,
        /** The registry no longer has the package at all. */
        GONE,
        /** The index could not be read (offline and not cached, unreachable, damaged), so no one can tell. */
        UNKNOWN,
        /**
         * No registry serves its name as this machine is configured (none at all, say), so none was asked: a state of
         * the configuration, which the user mends, not a failure to read.
         */
        UNROUTED
    }

    /** Whether the copy in the store is the last one prompd can tell of: no install can download it again. */
    public boolean lost() {
        return fate == Fate.TAKEN_DOWN || fate == Fate.UNLISTED || fate == Fate.GONE;
    }

    /** Whether no registry told of it: its index could not be read, or no registry serves its name. */
    public boolean unknown() {
        return fate == Fate.UNKNOWN || fate == Fate.UNROUTED;
    }

    /** Whether this tells of that version of that package. */
    public boolean isOf(PackageName packageName, Version packageVersion) {
        return name.equals(packageName) && version.equals(packageVersion);
    }

    /** {@code @acme/util@1.0.0}. */
    public String spec() {
        return name + "@" + version;
    }

    /** {@code A}, {@code A and B}, {@code A, B and C}. */
    public static String specs(List<Redownload> versions) {
        return Plural.series(versions.stream().map(Redownload::spec).toList(), "and");
    }

    /**
     * {@link #why} of one, or of several sharing one reason (the same registry's failure, say), in words of them all;
     * else {@code A and B: why; C: why}, a reason once for all the versions it is of.
     */
    public static String whys(List<Redownload> versions) {
        Map<String, List<Redownload>> byWhy = new LinkedHashMap<>();
        versions.forEach(one -> byWhy.computeIfAbsent(one.why(false).orElseThrow(), why -> new ArrayList<>())
                .add(one));
        if (byWhy.size() == 1) {
            return versions.get(0).why(versions.size() == 1).orElseThrow();
        }
        return String.join("; ", byWhy.values().stream()
                .map(same -> specs(same) + ": " + same.get(0).why(same.size() == 1).orElseThrow()).toList());
    }

    /**
     * Why it cannot be downloaded again, or why that is not known: {@code registry main (https://…) took it down:
     * leaked a key}; empty for a version listed.
     */
    public Optional<String> why() {
        return why(true);
    }

    /** {@link #why} in words of this version alone ({@code one}), or of several it shares the reason with. */
    private Optional<String> why(boolean one) {
        String it = Plural.itIfOne(one);
        return switch (fate) {
            case LISTED -> Optional.empty();
            case TAKEN_DOWN -> Optional.of(TerminalText.labelled(registry + " took " + it + " down",
                    detail.orElse("")));
            case UNLISTED -> Optional.of(registry + " no longer lists " + it);
            case GONE -> Optional.of(registry + " no longer has " + name);
            // the failure names the registry or the index's URL
            case UNKNOWN -> Optional.of((one ? "its index" : "their indexes") + " could not be read: "
                    + TerminalText.oneLine(detail.orElseThrow()));
            // the routing's failure says why no registry serves the name: none configured, say
            case UNROUTED -> Optional.of(TerminalText.oneLine(detail.orElseThrow()));
        };
    }
}
