package io.prompd.core.resolve;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One run of PubGrub: unit propagation, decision making and conflict resolution with learned
 * incompatibilities, following pub's solver.md. Not reusable: {@link #resolve} creates one per run, and runs again
 * only to hold a rollback of a {@code latest} dist-tag.
 */
final class Solver {

    /** What propagating one incompatibility found. */
    private record Propagation(boolean conflict, Optional<Domain> derived) {
        static final Propagation NOTHING = new Propagation(false, Optional.empty());
        static final Propagation CONFLICT = new Propagation(true, Optional.empty());
    }

    private record DependencyKey(Domain depender, PackageName target, VersionRange range) {

        // written out for start-up time, as PackageName's
        @Override
        public boolean equals(Object other) {
            return other instanceof DependencyKey that && depender.equals(that.depender) && target.equals(that.target)
                    && range.equals(that.range);
        }

        @Override
        public int hashCode() {
            return Objects.hash(depender, target, range);
        }
    }

    private final PackageIndex index;
    private final ResolveOptions options;
    private final Domain project;
    /** The version of a package whose dependencies the roots are, which the graph holds as that package's only one. */
    private final Optional<Candidate> rootVersion;
    /** The packages met so far, shared by the runs of one resolution, so that the index is asked for each once. */
    private final Map<PackageName, Domain> domains;
    /** The packages whose rollback of {@code latest} this run holds: offered no version above the tag's. */
    private final Set<PackageName> holding;
    /** The domain of each package of {@link #holding} met, made once, as terms compare domains by identity. */
    private final Map<PackageName, Domain> heldDomains = new HashMap<>();
    private final Map<Domain, List<Incompatibility>> incompatibilities = new HashMap<>();
    private final Set<DependencyKey> declaredDependencies = new HashSet<>();
    private final PartialSolution solution;

    private Solver(SortedMap<PackageName, VersionRange> roots, PackageIndex index, ResolveOptions options,
            Optional<Candidate> rootVersion, Map<PackageName, Domain> domains, Set<PackageName> holding) {
        this.index = index;
        this.options = options;
        this.project = Domain.project(roots, options.rootName());
        this.rootVersion = rootVersion;
        this.domains = domains;
        this.holding = Set.copyOf(holding);
        this.solution = new PartialSolution(options.first(), options.strategy() == Strategy.HIGHEST);
    }

    /**
     * A solution of the roots that holds each rollback of a {@code latest} dist-tag some solution has. Deciding a
     * package whose tag rolls back before the rest ({@link PartialSolution}) holds the rollbacks the roots reach
     * directly; one reached only through a dependant, unknown until the dependant is decided at its highest version,
     * may be left only the version rolled back from. So a solution holding a package above its tag is solved again
     * with that package offered no version above it, one package after another in name order, each held while a
     * solution goes with it and with every rollback the solution before held: the rollback yields only where no
     * solution has it. The version the options prefer (a locked one, or the latest of a package named alone) and a
     * package they decide first are kept as they were: a rollback does not take what the user asked for or the lock
     * keeps.
     *
     * @param rootVersion the version of a package whose dependencies the roots are, held as its only one
     * @throws FailedResolution with the incompatibility that proves there is no solution
     */
    static Resolution resolve(SortedMap<PackageName, VersionRange> roots, PackageIndex index, ResolveOptions options,
            Optional<Candidate> rootVersion) {
        Map<PackageName, Domain> domains = new HashMap<>();
        Resolution resolution = new Solver(roots, index, options, rootVersion, domains, Set.of()).solve();
        if (options.strategy() == Strategy.LOWEST) {
            return resolution;
        }
        Set<PackageName> tried = new HashSet<>();
        Optional<PackageName> next;
        while ((next = aboveLatest(resolution, domains, options, tried)).isPresent()) {
            tried.add(next.get());
            Set<PackageName> holding = rollbacksHeld(resolution, domains);
            holding.add(next.get());
            try {
                Resolution held = new Solver(roots, index, options, rootVersion, domains, holding).solve();
                if (keepsWhatTheOptionsKeep(held, resolution, options)) {
                    resolution = held;
                }
            } catch (FailedResolution noSolutionHoldsIt) {
                // the rollback yields: the version rolled back from is the only way
            }
        }
        return resolution;
    }

    /**
     * The packages whose {@code latest} rolls back that the resolution keeps at or below the tag: held in each run
     * after, so that holding one more rollback never gives up one held already, as a dependant's may need.
     */
    private static Set<PackageName> rollbacksHeld(Resolution resolution, Map<PackageName, Domain> domains) {
        Set<PackageName> held = new HashSet<>();
        resolution.versions().forEach((name, version) -> {
            Domain domain = domains.get(name);
            if (domain.rollsBackLatest(domain.all()) && !domain.isAboveLatest(version)) {
                held.add(name);
            }
        });
        return held;
    }

    /** The first package by name the resolution holds above its {@code latest} that is not yet tried or kept. */
    private static Optional<PackageName> aboveLatest(Resolution resolution, Map<PackageName, Domain> domains,
            ResolveOptions options, Set<PackageName> tried) {
        return resolution.versions().entrySet().stream()
                .filter(chosen -> !tried.contains(chosen.getKey()) && !options.preferred().containsKey(chosen.getKey())
                        && !options.first().contains(chosen.getKey())
                        && domains.get(chosen.getKey()).isAboveLatest(chosen.getValue()))
                .map(Map.Entry::getKey).findFirst();
    }

    /** Whether {@code held} keeps each package decided first, and each at its preferred version, as {@code before}. */
    private static boolean keepsWhatTheOptionsKeep(Resolution held, Resolution before, ResolveOptions options) {
        return before.versions().entrySet().stream()
                .filter(chosen -> options.first().contains(chosen.getKey())
                        || chosen.getValue().equals(options.preferred().get(chosen.getKey())))
                .allMatch(chosen -> chosen.getValue().equals(held.versions().get(chosen.getKey())));
    }

    private Resolution solve() {
        addIncompatibility(new Incompatibility(List.of(Term.negative(project, project.all(), null)), new Cause.Root()));
        Optional<Domain> next = Optional.of(project);
        while (next.isPresent()) {
            propagate(next.get());
            next = decideNext();
        }
        return resolution();
    }

    /** Thrown inside the solver when the project itself turned out incompatible. */
    static final class FailedResolution extends RuntimeException {
        private final transient Incompatibility proof;

        FailedResolution(Incompatibility proof) {
            super("version solving failed", null, false, false);
            this.proof = proof;
        }

        Incompatibility proof() {
            return proof;
        }
    }

    private void propagate(Domain start) {
        Set<Domain> changed = new LinkedHashSet<>();
        changed.add(start);
        while (!changed.isEmpty()) {
            Domain domain = changed.iterator().next();
            changed.remove(domain);
            List<Incompatibility> candidates = List.copyOf(incompatibilities.getOrDefault(domain, List.of()));
            for (int i = candidates.size() - 1; i >= 0; i--) {
                Propagation result = propagate(candidates.get(i));
                if (result.conflict()) {
                    Incompatibility rootCause = resolveConflict(candidates.get(i));
                    changed.clear();
                    propagate(rootCause).derived().ifPresent(changed::add);
                    break;
                }
                result.derived().ifPresent(changed::add);
            }
        }
    }

    /** When all terms but one are satisfied, derives the opposite of that one. */
    private Propagation propagate(Incompatibility incompatibility) {
        Term unsatisfied = null;
        for (Term term : incompatibility.terms()) {
            Term.Relation relation = solution.relation(term);
            if (relation == Term.Relation.CONTRADICTED) {
                return Propagation.NOTHING;
            }
            if (relation == Term.Relation.INCONCLUSIVE) {
                if (unsatisfied != null) {
                    return Propagation.NOTHING;
                }
                unsatisfied = term;
            }
        }
        if (unsatisfied == null) {
            return Propagation.CONFLICT;
        }
        solution.derive(unsatisfied.inverse(), incompatibility);
        return new Propagation(false, Optional.of(unsatisfied.domain()));
    }

    /**
     * Learns, from an incompatibility the partial solution satisfies, one that explains the
     * conflict at an earlier decision level, and backtracks to where it can be propagated.
     */
    private Incompatibility resolveConflict(Incompatibility conflict) {
        Incompatibility incompatibility = conflict;
        boolean learned = false;
        while (!incompatibility.isFailure()) {
            Term mostRecentTerm = null;
            Assignment mostRecentSatisfier = null;
            Term difference = null;
            int previousSatisfierLevel = 1;
            for (Term term : incompatibility.terms()) {
                Assignment satisfier = solution.satisfier(term);
                if (mostRecentSatisfier == null || satisfier.position() > mostRecentSatisfier.position()) {
                    if (mostRecentSatisfier != null) {
                        previousSatisfierLevel = Math.max(previousSatisfierLevel, mostRecentSatisfier.decisionLevel());
                    }
                    mostRecentTerm = term;
                    mostRecentSatisfier = satisfier;
                    difference = null;
                } else {
                    previousSatisfierLevel = Math.max(previousSatisfierLevel, satisfier.decisionLevel());
                }
                if (mostRecentTerm == term) {
                    // The satisfier may say more than the term needs; what it says beyond the term
                    // was known from an earlier assignment, which bounds how far we may backtrack.
                    difference = mostRecentSatisfier.term().difference(mostRecentTerm);
                    if (difference.isEmpty()) {
                        difference = null;
                    } else {
                        previousSatisfierLevel = Math.max(previousSatisfierLevel,
                                solution.satisfier(difference.inverse()).decisionLevel());
                    }
                }
            }
            if (previousSatisfierLevel < mostRecentSatisfier.decisionLevel() || mostRecentSatisfier.isDecision()) {
                solution.backtrack(previousSatisfierLevel);
                if (learned) {
                    addIncompatibility(incompatibility);
                }
                return incompatibility;
            }
            Incompatibility satisfierCause = mostRecentSatisfier.cause().orElseThrow();
            List<Term> terms = new ArrayList<>();
            for (Term term : incompatibility.terms()) {
                if (term != mostRecentTerm) {
                    terms.add(term);
                }
            }
            for (Term term : satisfierCause.terms()) {
                if (term.domain() != mostRecentSatisfier.term().domain()) {
                    terms.add(term);
                }
            }
            if (difference != null) {
                terms.add(difference.inverse());
            }
            incompatibility = new Incompatibility(terms, new Cause.Conflict(incompatibility, satisfierCause,
                    mostRecentSatisfier.term().domain()));
            learned = true;
        }
        throw new FailedResolution(incompatibility);
    }

    private Optional<Domain> decideNext() {
        Optional<Term> undecided = solution.nextUndecided();
        if (undecided.isEmpty()) {
            return Optional.empty();
        }
        Domain domain = undecided.get().domain();
        int version = choose(domain, undecided.get().versions(), options);
        boolean conflict = false;
        for (Incompatibility incompatibility : dependencyIncompatibilities(domain, version)) {
            addIncompatibility(incompatibility);
            conflict |= incompatibility.terms().stream()
                    .allMatch(term -> term.domain() == domain || solution.satisfies(term));
        }
        if (!conflict) {
            solution.decide(domain, version);
        }
        return Optional.of(domain);
    }

    /**
     * The version to try first of those allowed: the preferred one, else the first the strategy takes among those
     * {@link Domain#firstChoices} tries first, the {@code latest} dist-tag's before any other. Always the first of
     * them in one order of the package's versions, which {@link VersionResolver} relies on.
     */
    static int choose(Domain domain, BitSet allowed, ResolveOptions options) {
        if (!domain.isProject()) {
            int preferred = Optional.ofNullable(options.preferred().get(domain.name())).map(domain::indexOf).orElse(-1);
            if (preferred >= 0 && allowed.get(preferred)) {
                return preferred;
            }
        }
        BitSet candidates = domain.firstChoices(allowed);
        int chosen = options.strategy() == Strategy.LOWEST ? candidates.nextSetBit(0)
                : domain.latestAmong(candidates).orElseGet(() -> candidates.previousSetBit(domain.size() - 1));
        if (chosen < 0) {
            throw new IllegalStateException("no version of " + domain + " is allowed, yet it was to be decided");
        }
        return chosen;
    }

    private List<Incompatibility> dependencyIncompatibilities(Domain domain, int version) {
        SortedMap<PackageName, VersionRange> dependencies = domain.dependencies(version);
        SortedMap<PackageName, VersionRange> unseen = new TreeMap<>(dependencies);
        unseen.keySet().removeAll(domains.keySet());
        if (!unseen.isEmpty()) {
            index.prefetch(unseen);
        }
        List<Incompatibility> added = new ArrayList<>();
        dependencies.forEach((target, range) -> {
            if (declaredDependencies.add(new DependencyKey(domain, target, range))) {
                Domain targetDomain = domain(target);
                added.add(Incompatibility.dependency(
                        Term.positive(domain, domain.declaring(target, range), null),
                        Term.positive(targetDomain, targetDomain.matching(range), range.toString()), range));
            }
        });
        return added;
    }

    private Domain domain(PackageName name) {
        Domain domain = domains.computeIfAbsent(name, missing -> {
            if (rootVersion.filter(root -> root.name().equals(missing)).isPresent()) {
                return Domain.rootPackage(rootVersion.get(), index.versions(missing), index.takedowns(missing));
            }
            return published(missing, index, options);
        });
        return holding.contains(name) ? heldDomains.computeIfAbsent(name, held -> domain.upToLatest()) : domain;
    }

    /** The versions of a package the index publishes, as a solver sees those of any package but the root's. */
    static Domain published(PackageName name, PackageIndex index, ResolveOptions options) {
        List<Candidate> versions = index.versions(name);
        Takedowns takedowns = index.takedowns(name);
        return Domain.of(name, versions, !versions.isEmpty() || takedowns.noVersionLeft() || index.exists(name),
                takedowns, index.latest(name), options);
    }

    private void addIncompatibility(Incompatibility incompatibility) {
        for (Term term : incompatibility.terms()) {
            incompatibilities.computeIfAbsent(term.domain(), domain -> new ArrayList<>()).add(incompatibility);
        }
    }

    private Resolution resolution() {
        SortedMap<PackageName, Version> versions = new TreeMap<>();
        SortedMap<PackageName, SortedMap<PackageName, VersionRange>> edges = new TreeMap<>();
        solution.decisions().forEach((domain, version) -> {
            if (!domain.isProject()) {
                versions.put(domain.name(), domain.version(version));
                edges.put(domain.name(), domain.dependencies(version));
            }
        });
        return new Resolution(versions, edges);
    }
}
