package io.prompd.client.install.registry;

import io.prompd.client.http.AccessRefused;
import io.prompd.client.http.FetchFailure;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.concurrent.Futures;
import io.prompd.core.name.NameSuggestions;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.SimilarNames;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.resolve.Candidate;
import io.prompd.core.resolve.PackageIndex;
import io.prompd.core.resolve.Takedowns;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The resolver's view of the registries for one run. A package's {@code index.json} is fetched
 * only when the package enters the dependency graph (sparse, as cargo's index), at most once, and
 * the packages the resolver announces are fetched in parallel. Announced with the range they are
 * wanted in, a package also has the dependencies of its likely version fetched ahead.
 */
public final class RegistryIndex implements PackageIndex, AutoCloseable {

    private final PackageRegistry registry;
    private final Optional<BiPredicate<PackageName, VersionSummary>> atHand;
    private final Function<PackageName, Optional<Candidate>> pinnedAtHand;
    private final Map<PackageName, CompletableFuture<Optional<PublishedPackage>>> packages;
    private final ExecutorService fetchers;
    private final IndexProgress progress;
    private final AtomicInteger read;

    /** Whether this is a {@link #listingAll} view, whose threads are its index's to stop. */
    private final boolean view;

    /** An index whose documents are all its run reads of the registry (info). */
    public RegistryIndex(PackageRegistry registry) {
        this(registry, Optional.empty(), name -> Optional.empty(), IndexProgress.NONE);
    }

    /**
     * An index for a project's or the store's run (install, update, uninstall, outdated).
     *
     * @param atHand offline, which published versions are at hand: the only ones offered then
     * @param pinnedAtHand the locked version of a package if its copy is at hand, offered once its registry no longer
     *                     lists it, taken down with a record or without, or its whole package gone, as a yanked
     *                     version is: chosen only where the lock pins it and after every other, so that a takedown
     *                     does not block every change to a project that still has the version (as a yank does not)
     * @param progress hears of the documents read, and of the index's close
     */
    public RegistryIndex(PackageRegistry registry, Optional<BiPredicate<PackageName, VersionSummary>> atHand,
                         Function<PackageName, Optional<Candidate>> pinnedAtHand, IndexProgress progress) {
        this.registry = registry;
        this.progress = progress;
        this.atHand = atHand;
        this.pinnedAtHand = pinnedAtHand;
        this.packages = new ConcurrentHashMap<>();
        this.read = new AtomicInteger();
        this.fetchers = Executors.newFixedThreadPool(registry.maxConcurrent(), Futures.daemonThreads("prompd-index"));
        this.view = false;
    }

    /** See {@link #listingAll}. */
    private RegistryIndex(RegistryIndex index) {
        this.registry = index.registry;
        this.progress = index.progress;
        this.atHand = Optional.empty();
        this.pinnedAtHand = index.pinnedAtHand;
        this.packages = index.packages;
        this.read = index.read;
        this.fetchers = index.fetchers;
        this.view = true;
    }

    /**
     * This index offering every version its documents list, as an online run's does, where this one, offline, offers
     * those at hand alone: for an offline failure to tell whether a run without {@code --offline} could get past it,
     * as far as the documents read so far tell. It shares this index's documents and threads, which this one's
     * {@link #close} ends.
     */
    public RegistryIndex listingAll() {
        return atHand.isEmpty() ? this : new RegistryIndex(this);
    }

    /** The package's {@code index.json}, fetched once per run. */
    public Optional<PublishedPackage> find(PackageName name) {
        CompletableFuture<Optional<PublishedPackage>> pending = packages.computeIfAbsent(name,
                missing -> fetch(missing, Optional.empty()));
        try {
            return pending.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /**
     * The package's {@code index.json}, empty when it cannot be read: for the look-ups that are courtesies (a status
     * note, a hint, a record that explains a failure better), as the lock alone is enough to install. Both the
     * registry's refusals ({@link PrompdException}) and the HTTP layer's local failures ({@link UncheckedIOException},
     * such as a file where its cache's folder goes) leave the run to go on, or to fail with its own error.
     */
    public Optional<PublishedPackage> findIfReadable(PackageName name) {
        return answer(name).orElse(Optional.empty());
    }

    /**
     * Whether the registry answered that it has no such package (a package it served once may be gone), not merely
     * that its {@code index.json} could not be read.
     */
    public boolean lacks(PackageName name) {
        return answer(name).filter(Optional::isEmpty).isPresent();
    }

    /**
     * Why what the registry answered for the package's {@code index.json} is none (a web page, a damaged document, no
     * registry there), in words that do not name the registry; empty when it answered with one or that it lacks the
     * package, and when it could not be reached, failed or refused, as its tarballs then fail in their own words.
     */
    public Optional<PrompdException> answeredWithNone(PackageName name) {
        try {
            find(name);
            return Optional.empty();
        } catch (PrompdException failed) {
            return failed.getCause() instanceof FetchFailure || failed.getCause() instanceof AccessRefused
                    ? Optional.empty() : Optional.of(failed);
        } catch (UncheckedIOException local) {
            // a failure on this machine (the cache's folder) tells nothing of the registry
            return Optional.empty();
        }
    }

    /** {@link #find}'s answer, empty when the registry gave none ({@link #findIfReadable}). */
    private Optional<Optional<PublishedPackage>> answer(PackageName name) {
        try {
            return Optional.of(find(name));
        } catch (PrompdException | UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The package's {@code index.json}, which must exist.
     *
     * @throws PrompdException NOT_FOUND naming similar packages when there is no such package
     */
    public PublishedPackage require(PackageName name) {
        return find(name).orElseThrow(() -> {
            NameSuggestions similar = similarNames(name);
            Optional<String> elsewhere = elsewhere(name);
            // a close name is the likeliest fix (a typo), and the registry has the scope's packages if it offers one
            String hint = similar.names().isEmpty()
                    ? "check the name, and which registry serves it (" + commands().quoted("registry list") + ")"
                            + elsewhere.map(advice -> "; " + advice).orElse("")
                    : SimilarNames.didYouMean(similar.names()) + elsewhere.map(advice -> " otherwise, " + advice)
                            .orElse("");
            return new PackageNotFound(name, "no package " + name + " in " + registry.describe(name)
                    + similar.clause().map(clause -> "; " + clause).orElse(""), hint);
        });
    }

    /** As {@link PackageRegistry#commands}: how the hints of what is read here spell the commands they suggest. */
    public SuggestedCommands commands() {
        return registry.commands();
    }

    /** The registry serving the package's name, as messages name it. */
    public String describe(PackageName name) {
        return registry.describe(name);
    }

    @Override
    public Optional<String> lookedIn(PackageName name) {
        return Optional.of(describe(name));
    }

    @Override
    public Optional<String> elsewhere(PackageName name) {
        return registry.scopeRouting(name);
    }

    /** As {@link PackageRegistry#routeChange}, of the URL the entry records. */
    public Optional<RouteChange> routeChange(PackageName name, LockedPackage locked) {
        return routeChange(name, locked, givesTarballAt(name, locked));
    }

    /**
     * As {@link #routeChange(PackageName, LockedPackage)}, given {@code indexed}, what {@link #givesTarballAt} answers
     * of the entry: for a caller that needs that answer too.
     */
    public Optional<RouteChange> routeChange(PackageName name, LockedPackage locked, boolean indexed) {
        return registry.routeChange(name, locked, indexed);
    }

    /**
     * The entry as the index of the registry serving the name gives it, recording that registry ({@link
     * LockedPackage#registry}) when its URL lies outside the registry's root: for an entry locked from the index.
     */
    public LockedPackage given(PackageName name, LockedPackage entry) {
        return routeChange(name, entry, true).map(change -> entry.givenBy(change.current().root())).orElse(entry);
    }

    /**
     * Whether the package's {@code index.json} gives the locked version's tarball at the URL the entry records
     * ({@link PublishedPackage#givesTarballAt}); not when it cannot be read.
     */
    public boolean givesTarballAt(PackageName name, LockedPackage locked) {
        return findIfReadable(name).filter(published -> published.version(locked.version())
                .filter(listed -> published.givesTarballAt(listed, locked)).isPresent()).isPresent();
    }

    /** The published versions, and the locked one at hand ({@code pinnedAtHand}) when the registry lists it no more. */
    @Override
    public List<Candidate> versions(PackageName name) {
        Optional<PublishedPackage> published = find(name);
        List<Candidate> offered = new ArrayList<>(published.stream()
                .flatMap(found -> found.packument().versions().values().stream())
                .filter(version -> atHand.map(test -> test.test(name, version)).orElse(true))
                .map(version -> candidate(name, version)).toList());
        pinnedAtHand.apply(name).filter(locked -> published.flatMap(found -> found.version(locked.version())).isEmpty())
                .ifPresent(locked -> offered.add(new Candidate(name, locked.version(), locked.dependencies(), true,
                        false)));
        return List.copyOf(offered);
    }

    @Override
    public Optional<Version> latest(PackageName name) {
        return find(name).flatMap(PublishedPackage::taggedLatest);
    }

    @Override
    public String offered() {
        return atHand.isPresent() ? "available offline" : PackageIndex.super.offered();
    }

    /**
     * Offline, the versions in the range whose tarball is neither cached nor installed: those listed, which an install
     * online would choose among and a run without {@code --offline} downloads, and those yanked, which it would not
     * (a yanked version cached is among those offered, and told yanked with them).
     */
    @Override
    public Optional<String> heldBack(PackageName name, VersionRange range) {
        if (atHand.isEmpty()) {
            return Optional.empty();
        }
        List<VersionSummary> notAtHand = findIfReadable(name).stream()
                .flatMap(found -> found.packument().versions().values().stream())
                .filter(version -> range.satisfiedBy(version.version()) && !atHand.get().test(name, version))
                .sorted(Comparator.comparing(VersionSummary::version)).toList();
        List<String> reasons = new ArrayList<>();
        List<String> listed = versions(notAtHand, false);
        if (!listed.isEmpty()) {
            boolean one = listed.size() == 1;
            reasons.add(Plural.series(listed, "and") + (one ? " is listed, but its tarball is not cached"
                    : " are listed, but their tarballs are not cached") + ": run again without --offline to download "
                    + Plural.itOrThem(listed.size()));
        }
        List<String> yanked = versions(notAtHand, true);
        if (!yanked.isEmpty()) {
            reasons.add(Plural.series(yanked, "and") + (yanked.size() == 1 ? " is yanked, and its tarball is not cached"
                    : " are yanked, and their tarballs are not cached"));
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static List<String> versions(List<VersionSummary> summaries, boolean yanked) {
        return summaries.stream().filter(version -> (version.yanked() != null) == yanked)
                .map(version -> version.version().toString()).toList();
    }

    @Override
    public boolean exists(PackageName name) {
        return find(name).isPresent();
    }

    @Override
    public Takedowns takedowns(PackageName name) {
        return find(name).map(PublishedPackage::takedowns).orElse(Takedowns.NONE);
    }

    private static Candidate candidate(PackageName name, VersionSummary version) {
        return new Candidate(name, version.version(), version.dependencies(), version.yanked() != null,
                version.deprecated() != null);
    }

    @Override
    public void prefetch(Collection<PackageName> names) {
        names.forEach(name -> packages.computeIfAbsent(name, missing -> fetch(missing, Optional.empty())));
    }

    @Override
    public void prefetch(SortedMap<PackageName, VersionRange> wanted) {
        wanted.forEach((name, range) -> packages.computeIfAbsent(name, missing -> fetch(missing, Optional.of(range))));
    }

    /**
     * Fetches a packument and, wanted in a range, at once asks for the dependencies of the version
     * the resolver will most likely choose, as {@link PublishedPackage#preferredAllowed} says: fetching them now, in
     * parallel, saves a round trip per level of the dependency graph. Only that version's, not every
     * version's as cargo does: most of those packages would never be installed, and on a cold run
     * the work of fetching and reading them costs more than the round trips it could save. When the
     * resolver chooses otherwise, it announces what that version needs itself.
     */
    private CompletableFuture<Optional<PublishedPackage>> fetch(PackageName name, Optional<VersionRange> range) {
        return CompletableFuture.supplyAsync(() -> {
            progress.reading(read.get());
            Optional<PublishedPackage> found = registry.find(name);
            progress.reading(read.incrementAndGet());
            found.ifPresent(published -> range
                    .flatMap(wanted -> published.preferredAllowed(List.of(wanted)))
                    .flatMap(published::version)
                    .ifPresent(likely -> prefetch(likely.dependencies())));
            return found;
        }, fetchers);
    }

    @Override
    public NameSuggestions similarNames(PackageName name) {
        try {
            return NameSuggestions.of(SimilarNames.among(registry.packageNames(name), name));
        } catch (DamagedDocument | MissingDocument forTheKeeper) {
            return NameSuggestions.unreadable(forTheKeeper.getMessage());
        } catch (PrompdException | UncheckedIOException listUnavailable) {
            // suggestions are a courtesy: the missing package is reported either way
            return NameSuggestions.NONE;
        }
    }

    @Override
    public void close() {
        if (view) {
            return;
        }
        // waited for, as its fetches write the documents cache; one blocked in a connect or read may outlast the wait,
        // but wakes interrupted, and an interrupted fetch announces no further try (Transport), so no warning of one
        // follows the run's own error
        Futures.stop(fetchers, Futures.STOP_PATIENCE);
        progress.close();
    }
}
