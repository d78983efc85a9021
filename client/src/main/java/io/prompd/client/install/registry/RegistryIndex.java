package io.prompd.client.install.registry;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.resolve.Candidate;
import io.prompd.core.resolve.PackageIndex;
import io.prompd.core.version.VersionRange;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiPredicate;

/**
 * The resolver's view of the registries for one run. A package's {@code index.json} is fetched
 * only when the package enters the dependency graph (sparse, as cargo's index), at most once, and
 * the packages the resolver announces are fetched in parallel. Announced with the range they are
 * wanted in, a package also has the dependencies of its likely version fetched ahead.
 */
public final class RegistryIndex implements PackageIndex, AutoCloseable {

    private static final int PARALLEL_FETCHES = 8;
    /** Names further apart than this are not offered as what the user may have meant. */
    private static final int MAX_SUGGESTION_DISTANCE = 3;
    private static final int MAX_SUGGESTIONS = 3;

    private final PackageRegistry registry;
    private final BiPredicate<PackageName, VersionSummary> usable;
    private final Map<PackageName, CompletableFuture<Optional<PublishedPackage>>> packages = new ConcurrentHashMap<>();
    private final ExecutorService fetchers = Executors.newFixedThreadPool(PARALLEL_FETCHES, runnable -> {
        Thread thread = new Thread(runnable, "prompd-index");
        thread.setDaemon(true);
        return thread;
    });

    public RegistryIndex(PackageRegistry registry) {
        this(registry, (name, version) -> true);
    }

    /** @param usable which published versions the resolver may choose, such as only those at hand offline */
    public RegistryIndex(PackageRegistry registry, BiPredicate<PackageName, VersionSummary> usable) {
        this.registry = registry;
        this.usable = usable;
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
     * The package's {@code index.json}, which must exist.
     *
     * @throws PrompdException NOT_FOUND naming similar packages when there is no such package
     */
    public PublishedPackage require(PackageName name) {
        return find(name).orElseThrow(() -> {
            List<PackageName> similar = similarNames(name);
            String hint = similar.isEmpty() ? "check the name, and which registry serves it ('prompd registry list')"
                    : "did you mean " + String.join(" or ", similar.stream().map(PackageName::toString).toList()) + "?";
            return new PrompdException(ExitCode.NOT_FOUND, "no package " + name + " in the registry", hint);
        });
    }

    @Override
    public List<Candidate> versions(PackageName name) {
        return find(name).map(published -> published.packument().versions().values().stream()
                .filter(version -> usable.test(name, version))
                .map(version -> candidate(name, version)).toList()).orElse(List.of());
    }

    private static Candidate candidate(PackageName name, VersionSummary version) {
        return new Candidate(name, version.version(), version.dependencies(), version.yanked() != null);
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
     * the resolver will most likely choose, the highest that range allows: fetching them now, in
     * parallel, saves a round trip per level of the dependency graph. Only that version's, not every
     * version's as cargo does: most of those packages would never be installed, and on a cold run
     * the work of fetching and reading them costs more than the round trips it could save. When the
     * resolver chooses otherwise, it announces what that version needs itself.
     */
    private CompletableFuture<Optional<PublishedPackage>> fetch(PackageName name, Optional<VersionRange> range) {
        return CompletableFuture.supplyAsync(() -> {
            Optional<PublishedPackage> found = registry.find(name);
            found.ifPresent(published -> range
                    .flatMap(wanted -> published.highestAllowed(List.of(wanted)))
                    .flatMap(published::version)
                    .ifPresent(likely -> prefetch(likely.dependencies())));
            return found;
        }, fetchers);
    }

    /** Names of the registry within a few edits of the asked one, or sharing its look-alike key; closest first. */
    @Override
    public List<PackageName> similarNames(PackageName name) {
        List<PackageName> known;
        try {
            known = registry.packageNames(name);
        } catch (RuntimeException listUnavailable) {
            // suggestions are a courtesy: the missing package is reported either way
            return List.of();
        }
        String asked = name.toString().toLowerCase(Locale.ROOT);
        return known.stream()
                .filter(candidate -> !candidate.equals(name))
                .filter(candidate -> candidate.lookalikeKey().equals(name.lookalikeKey())
                        || distance(asked, candidate.toString()) <= MAX_SUGGESTION_DISTANCE)
                .sorted(Comparator.comparingInt((PackageName candidate) -> distance(asked, candidate.toString()))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /** Levenshtein distance. */
    static int distance(String from, String to) {
        int[] previous = new int[to.length() + 1];
        int[] current = new int[to.length() + 1];
        for (int j = 0; j <= to.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= from.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= to.length(); j++) {
                int substitution = previous[j - 1] + (from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[to.length()];
    }

    @Override
    public void close() {
        fetchers.shutdownNow();
    }
}
