package io.prompd.client.install;

import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ranges prompd chooses for packages named alone, with no range of the user's: the caret of each one's latest
 * version first, as npm and cargo save it, and any release when those cannot go with the project, with a note for each
 * latest version set aside or passed over, and failures that say which ranges were prompd's choice rather than the
 * user's. An install and a global install plan this way.
 */
final class RangesFromLatest {

    private RangesFromLatest() {
    }

    /** A plan for the requests given, which a package named alone may ask for with its range from its latest or any. */
    @FunctionalInterface
    interface PlanFor {
        /** @param first the packages named alone whose range is any release, to decide before any other */
        Plan of(List<RequestedPackage> requests, Set<PackageName> first) throws IOException;
    }

    /**
     * The plan for {@code requests}; when it cannot be resolved, the plan once the packages named alone may take any
     * release, decided before any other package so that each takes the best any resolution allows it, with a warning
     * for each whose latest version was set aside, and when that fails too, the first failure, saying that their
     * ranges were prompd's choice, but where only the failure over any release is a conflict: that one says why no
     * version can go.
     *
     * @param global whether a global install, with no project to go with, asks
     */
    static Plan plan(List<RequestedPackage> requests, boolean global, InstallOptions options,
                     RegistryIndex index, PlanFor planFor) throws IOException {
        List<RequestedPackage> opened = requests.stream().map(RequestedPackage::anyRelease).toList();
        Set<PackageName> byName = Set.copyOf(requests.stream().filter(RequestedPackage::byName)
                .map(RequestedPackage::name).toList());
        Plan plan;
        List<RequestedPackage> planned = requests;
        Set<PackageName> first = Set.of();
        try {
            plan = planFor.of(requests, Set.of());
        } catch (PrompdException unresolvable) {
            if (!ResolutionFailures.isOne(unresolvable)) {
                throw unresolvable;
            }
            if (opened.equals(requests)) {
                throw asPrompdsChoice(requests, global, false, unresolvable);
            }
            try {
                plan = planFor.of(opened, byName);
                planned = opened;
                first = byName;
            } catch (PrompdException stillUnresolvable) {
                // the first failure speaks of the range from the latest, prompd's choice; but where it is the latest
                // needing what nothing meets, and the other versions conflict, the conflict is why none can go
                boolean conflictBeyondTheLatest = unresolvable.exitCode() != ExitCode.CONFLICT
                        && stillUnresolvable.exitCode() == ExitCode.CONFLICT
                        && ResolutionFailures.isOne(stillUnresolvable);
                throw conflictBeyondTheLatest ? asPrompdsChoice(requests, global, false, stillUnresolvable)
                        : asPrompdsChoice(requests, global, true, unresolvable);
            }
        }
        List<RequestedPackage> others = planned;
        Set<PackageName> othersFirst = first;
        // the request in place of its own among those the plan was made for, the others as they were
        Explainer explainer = instead -> ResolutionFailures.whyNot(() -> planFor.of(others.stream()
                .map(request -> request.name().equals(instead.name()) ? instead : request).toList(),
                othersFirst.stream().filter(name -> !name.equals(instead.name())).collect(Collectors.toSet())));
        return withLatestNotes(requests, plan, global, options, index, explainer);
    }

    /** Why a package named alone cannot take {@code instead}'s range, as {@link ResolutionFailures#whyNot} says it. */
    @FunctionalInterface
    private interface Explainer {
        Optional<String> explain(RequestedPackage instead) throws IOException;
    }

    /**
     * A failure to resolve the packages named, saying of the ranges a conflict blames that prompd chose, which the user
     * may take for ranges of theirs: those of packages named alone, from their latest versions, when no other version
     * could get past it either, and the versions of dist-tags named ({@code @latest} too, a name alone's choice made
     * without looking further); a takedown's hint says which versions are left.
     *
     * @param othersTried whether the packages named alone were tried at any release, and failed too
     */
    private static PrompdException asPrompdsChoice(List<RequestedPackage> requests, boolean global,
                                                   boolean othersTried, PrompdException unresolvable) {
        if (unresolvable.exitCode() != ExitCode.CONFLICT) {
            return unresolvable;
        }
        Predicate<RequestedPackage> blamed = request -> unresolvable.getMessage().contains(spelt(request));
        List<String> chosen = new ArrayList<>();
        List<String> byName = othersTried ? requests.stream().filter(RequestedPackage::byName).filter(blamed)
                .map(RangesFromLatest::spelt).toList() : List.of();
        if (!byName.isEmpty()) {
            boolean one = byName.size() == 1;
            chosen.add(Plural.series(byName, "and") + (one
                    ? " is the range prompd chose from the latest version, named without one, and no other version "
                    : " are the ranges prompd chose from the latest versions, named without one, and no other"
                            + " versions ") + (global ? "can be resolved" : one ? "goes with the project"
                            : "go with the project") + " either");
        }
        List<RequestedPackage> tagged = requests.stream().filter(request -> request.tag().isPresent()).filter(blamed)
                .toList();
        if (!tagged.isEmpty()) {
            boolean one = tagged.size() == 1;
            chosen.add(Plural.series(tagged.stream().map(RangesFromLatest::spelt).toList(), "and")
                    + (one ? " is the version prompd chose for " : " are the versions prompd chose for ")
                    + Plural.series(tagged.stream().map(request -> request.name() + "@" + request.tag().orElseThrow())
                            .toList(), "and") + (one ? ", as its dist-tag points at it"
                            : ", as their dist-tags point at them"));
        }
        if (chosen.isEmpty()) {
            return unresolvable;
        }
        return new PrompdException(unresolvable.exitCode(), unresolvable.getMessage(), (unresolvable.hint().isEmpty()
                ? "" : unresolvable.hint() + "; ") + String.join("; ", chosen), unresolvable);
    }

    /** A request's name and range as the resolver's explanations spell them. */
    private static String spelt(RequestedPackage request) {
        return request.name() + " " + request.range();
    }

    /**
     * The plan with what to say of each package named alone that it installs at another version than its latest
     * first: the {@code latest} tag pointing at a yanked version, its range from the latest set aside, or the latest
     * passed over within it for a higher version the project needs, as when the maintainers moved the {@code latest}
     * tag back below it. A range set aside for a takedown says so, in place of the plan's own note of it; any other
     * set aside or passed over, in the resolver's words, as asking for it would fail.
     */
    private static Plan withLatestNotes(List<RequestedPackage> requests, Plan plan, boolean global,
                                        InstallOptions options, RegistryIndex index, Explainer explainer)
            throws IOException {
        List<InstallNote> warnings = new ArrayList<>();
        List<InstallNote> told = new ArrayList<>();
        for (RequestedPackage request : requests.stream().filter(RequestedPackage::byName).toList()) {
            Version installed = plan.lock().packages().get(request.name()).version();
            Version latest = request.latest().orElseThrow();
            PlanWarnings.latestYanked(request.name(), installed, index).ifPresent(warnings::add);
            if (!request.range().satisfiedBy(installed)) {
                // the same event the plan's note tells: the version set aside held back, and the one installed
                Optional<InstallNote.HeldBack> heldBack = plan.warnings().stream()
                        .flatMap(note -> note instanceof InstallNote.HeldBack held ? Stream.of(held) : Stream.empty())
                        .filter(held -> held.name().equals(request.name())
                                && request.range().satisfiedBy(held.preferred())
                                && held.installable().equals(Optional.of(installed))).findFirst();
                heldBack.ifPresent(told::add);
                warnings.add(new InstallNote.LatestSetAside(request.name(), request.fromLatest().orElseThrow(),
                        installed, options.strategy(), global, heldBack,
                        heldBack.isPresent() ? Optional.empty() : explainer.explain(request)));
            } else if (!installed.equals(latest)) {
                warnings.add(InstallNote.LatestPassedOver.asked(request.name(), latest, installed, options.strategy(),
                        global, explainer.explain(request.within(ResolutionFailures.exactly(latest)))));
            }
        }
        warnings.addAll(PlanWarnings.aboveRolledBackLatest(plan.graph(), Set.copyOf(requests.stream()
                .map(RequestedPackage::name).toList()), options.strategy(), global, index));
        told.addAll(PlanWarnings.movesTold(plan, warnings));
        return plan.without(told).withWarningsFirst(warnings);
    }
}
