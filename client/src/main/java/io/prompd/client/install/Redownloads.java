package io.prompd.client.install;

import io.prompd.client.http.FetchFailure;
import io.prompd.client.install.Redownload.Fate;
import io.prompd.client.install.registry.PackageRegistry;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.core.Causes;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * Whether installed versions can be downloaded again, as far as the registry each name resolves in now tells by its
 * index. The store keeps the only copy of a version on this machine: removing one its registry took down, or no longer
 * has, loses it for every project whose {@code prompd.lock} pins it, as no install can put it back. The index is read
 * as every run reads it, so {@code --offline} reads a cached copy (a registry in a folder is at hand) and never the
 * network; one that cannot be read leaves the answer unknown, never a failure, as the callers' own work is local (a
 * fault on this machine fails {@link #of}, as it fails every command).
 */
public final class Redownloads {

    /** Gives the registries, opened only when a version is to be looked up, which most runs need none. */
    @FunctionalInterface
    public interface Registries {
        PackageRegistry open() throws IOException;
    }

    /** What a version is said to be in when no registry could be asked of it. */
    private static final String NO_REGISTRY = "no registry";

    private final Registries registries;
    private final Function<Exception, String> failureText;

    /** @param failureText a failure in the words the command line gives it */
    public Redownloads(Registries registries, Function<Exception, String> failureText) {
        this.registries = registries;
        this.failureText = failureText;
    }

    /**
     * Each version's, in name and version order: one index read a package, none when no version is given. A fault on
     * this machine (a file where the cache's folder goes) fails, as every command fails on it, rather than leaving a
     * version unknown: a caller that removes last copies must not remove one for a fault the user can fix.
     */
    public List<Redownload> of(SortedMap<PackageName, SortedSet<Version>> versions) throws IOException {
        return versions.isEmpty() ? List.of() : asked(registries.open(), versions, false);
    }

    /**
     * What {@link #asFarAsKnown} found.
     *
     * @param redownloads each version's, in name and version order
     * @param unserved    why no registry can be asked of any package, so that an install would fail before asking one:
     *                    the registries cannot be opened (an unknown registry chosen, an unreadable configuration),
     *                    or none is configured; empty when some package has a registry. When present, every version
     *                    is {@link Fate#UNKNOWN} for it, its detail the failure's words
     */
    public record Known(List<Redownload> redownloads, Optional<Exception> unserved) {

        /** What a caller that needs no registry knows: nothing was asked. */
        public static final Known NOTHING_ASKED = new Known(List.of(), Optional.empty());

        public Known {
            redownloads = List.copyOf(redownloads);
            Objects.requireNonNull(unserved, "unserved");
            if (unserved.isPresent() && redownloads.stream().anyMatch(one -> one.fate() != Fate.UNKNOWN)) {
                throw new IllegalArgumentException("no registry can be asked, yet one told of a version: "
                        + redownloads);
            }
        }

        /**
         * Whether a version's detail gives {@link #unserved}: each does when there is one, so a caller saying why a
         * version is unknown has said it.
         */
        public boolean unservedInDetails() {
            return unserved.isPresent() && !redownloads.isEmpty();
        }
    }

    /**
     * {@link #of}, for a caller that asks once its own work is done, for its words alone: a failure to open the
     * registries, or none configured, leaves every version {@link Fate#UNKNOWN}, in the failure's words, rather than
     * failing a run that has changed what it changes, and hiding what that was. The registries are opened even when no
     * version is given, to tell whether an install could ask any.
     */
    public Known asFarAsKnown(SortedMap<PackageName, SortedSet<Version>> versions) {
        PackageRegistry registry;
        try {
            registry = registries.open();
        } catch (PrompdException | IOException | UncheckedIOException unopened) {
            return unserved(versions, unopened);
        }
        Optional<PrompdException> servingNone = registry.servingNone();
        if (servingNone.isPresent()) {
            // every name would fail to be routed for it, so each version is unknown for it, as for registries unopened
            return unserved(versions, servingNone.get());
        }
        return new Known(asked(registry, versions, true), Optional.empty());
    }

    /** Every version {@link Fate#UNKNOWN}, as no registry can be asked of any for the failure. */
    private Known unserved(SortedMap<PackageName, SortedSet<Version>> versions, Exception failure) {
        List<Redownload> found = new ArrayList<>();
        versions.forEach((name, ofName) -> unknown(name, ofName, NO_REGISTRY, failureText.apply(failure), found));
        return new Known(found, Optional.of(failure));
    }

    /**
     * What {@code registry} tells of each version; a package whose index cannot be read, for the registry's failure
     * or, when {@code localFaultsUnknown}, one on this machine (a file where the cache's folder goes), leaves its own
     * versions unknown, not the others'.
     */
    private List<Redownload> asked(PackageRegistry registry, SortedMap<PackageName, SortedSet<Version>> versions,
                                   boolean localFaultsUnknown) {
        List<Redownload> found = new ArrayList<>();
        for (Map.Entry<PackageName, SortedSet<Version>> ofPackage : versions.entrySet()) {
            PackageName name = ofPackage.getKey();
            String described;
            try {
                described = registry.describe(name);
            } catch (PrompdException unrouted) {
                // no registry serves the name (none configured, say), so none can tell: a local check goes on
                ofPackage.getValue().forEach(version -> found.add(new Redownload(name, version, Fate.UNROUTED,
                        NO_REGISTRY, Optional.of(unrouted.getMessage()))));
                continue;
            }
            Optional<PublishedPackage> published;
            try {
                published = registry.find(name);
            } catch (PrompdException | UncheckedIOException unreadable) {
                if (unreadable instanceof UncheckedIOException local && !localFaultsUnknown) {
                    throw local;
                }
                unknown(name, ofPackage.getValue(), described, Causes.find(unreadable, FetchFailure.class)
                        .flatMap(FetchFailure::unreachable).map(last -> described + " could not be reached (last: "
                                + last + ")").orElseGet(() -> failureText.apply(unreadable)), found);
                continue;
            }
            for (Version version : ofPackage.getValue()) {
                found.add(published.map(index -> of(index, version, described))
                        .orElseGet(() -> new Redownload(name, version, Fate.GONE, described, Optional.empty())));
            }
        }
        return List.copyOf(found);
    }

    private static void unknown(PackageName name, SortedSet<Version> versions, String registry, String why,
                                List<Redownload> found) {
        versions.forEach(version -> found.add(new Redownload(name, version, Fate.UNKNOWN, registry,
                Optional.of(why))));
    }

    private static Redownload of(PublishedPackage index, Version version, String registry) {
        PackageName name = index.packument().name();
        if (index.version(version).isPresent()) {
            return new Redownload(name, version, Fate.LISTED, registry, Optional.empty());
        }
        Optional<String> reason = Optional.ofNullable(index.packument().takenDown().get(version));
        return reason.map(given -> new Redownload(name, version, Fate.TAKEN_DOWN, registry,
                        given.isBlank() ? Optional.empty() : Optional.of(given)))
                .orElseGet(() -> new Redownload(name, version, Fate.UNLISTED, registry, Optional.empty()));
    }
}
