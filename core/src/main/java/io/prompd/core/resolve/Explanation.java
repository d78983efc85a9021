package io.prompd.core.resolve;

import io.prompd.core.Plural;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Why version solving failed, in sentences, written from the derivation graph of the failure the
 * way pub's report.dart writes it: each derived incompatibility becomes a sentence from its two
 * causes; a conclusion used more than once gets a line number to refer back to.
 */
final class Explanation {

    /**
     * How many lines an explanation takes at most, as {@link #text} gives it: a conflict among many packages of many
     * versions each (a pigeonhole) derives thousands, growing with each package, which no one reads through.
     */
    static final int LINES_SHOWN = 40;
    /** Of an explanation longer than {@link #LINES_SHOWN}, how many of its first lines stay: where it starts. */
    private static final int FIRST_LINES_SHOWN = 15;

    private record Line(String message, int number) {
    }

    private final Incompatibility failure;
    /** What the versions a domain has are called, and where a package no source has was looked for. */
    private final PackageIndex index;
    private final Map<Incompatibility, Integer> derivations = new HashMap<>();
    private final Map<Incompatibility, Integer> lineNumbers = new HashMap<>();
    private final List<Line> lines = new ArrayList<>();

    private Explanation(Incompatibility failure, PackageIndex index) {
        this.failure = failure;
        this.index = index;
    }

    /**
     * @param index what calls the versions it lists ({@link PackageIndex#offered}) and where it looked for a package
     */
    static Explanation of(Incompatibility failure, PackageIndex index) {
        Explanation explanation = new Explanation(failure, index);
        explanation.countDerivations(failure);
        if (isDerived(failure)) {
            explanation.visit(failure, false);
        } else {
            explanation.write(failure, "Because " + describe(failure) + ", version solving failed.", false);
        }
        return explanation;
    }

    /**
     * The explanation, one sentence a line, with {@code (n)} before sentences referred to later; one longer than
     * {@link #LINES_SHOWN} lines keeps its first lines, where the derivation starts, and its last, which end in the
     * failure, with a line between saying how many are left out, which {@link #wholeText} gives.
     */
    String text() {
        List<String> rendered = rendered();
        if (rendered.size() <= LINES_SHOWN) {
            return String.join("\n", rendered);
        }
        int last = LINES_SHOWN - FIRST_LINES_SHOWN - 1;
        int leftOut = rendered.size() - FIRST_LINES_SHOWN - last;
        List<String> shown = new ArrayList<>(rendered.subList(0, FIRST_LINES_SHOWN));
        shown.add(" ".repeat(padding()) + "… " + String.format(Locale.ROOT, "%,d", leftOut)
                + " more lines of the explanation left out here …");
        shown.addAll(rendered.subList(rendered.size() - last, rendered.size()));
        return String.join("\n", shown);
    }

    /** The explanation however long, as {@link #text} gives a short one. */
    String wholeText() {
        return String.join("\n", rendered());
    }

    private List<String> rendered() {
        int padding = padding();
        List<String> rendered = new ArrayList<>();
        for (Line line : lines) {
            if (line.message().isEmpty()) {
                rendered.add("");
            } else {
                String prefix = line.number() == 0 ? "" : "(" + line.number() + ") ";
                rendered.add(" ".repeat(padding - prefix.length()) + prefix + line.message());
            }
        }
        return rendered;
    }

    /** How far sentences are indented, so that they start after the widest {@code (n)}. */
    private int padding() {
        int widest = lines.stream().mapToInt(Line::number).max().orElse(0);
        return widest == 0 ? 0 : ("(" + widest + ") ").length();
    }

    /** Packages the failure depends on that do not exist at all. */
    SortedSet<PackageName> unknownPackages() {
        SortedSet<PackageName> unknown = new TreeSet<>();
        for (Cause.Dependency dependency : unsatisfiableDependencies()) {
            Domain target = dependency.target().domain();
            if (!target.isPublished()) {
                unknown.add(target.name());
            }
        }
        return Collections.unmodifiableSortedSet(unknown);
    }

    /**
     * A pre-release that a range the failure rests on keeps out only for being one, and that range.
     *
     * @param dependency whose range keeps the pre-release out: the project's, or a dependant's, which only another
     *                   version of the dependant changes
     * @param version    the highest pre-release the range keeps out
     */
    record PreReleaseLeftOut(Cause.Dependency dependency, Version version) {

        boolean isProjects() {
            return dependency.depender().domain().isProject();
        }
    }

    /**
     * The pre-release that a range the failure rests on keeps out only for being one, for the hint to offer: a package
     * with only pre-releases, asked for by {@code *}, said no more than that none was published. The project's own
     * range comes first, as one a user can change; else the dependant's whose pre-release is highest.
     */
    Optional<PreReleaseLeftOut> preReleaseLeftOut() {
        return unsatisfiableDependencies().stream().flatMap(dependency -> preReleaseLeftOut(
                dependency.target().domain(), dependency.range()).map(version -> new PreReleaseLeftOut(dependency,
                        version)).stream())
                .max(Comparator.comparing(PreReleaseLeftOut::isProjects).thenComparing(PreReleaseLeftOut::version));
    }

    private static Optional<Version> preReleaseLeftOut(Domain target, VersionRange range) {
        return IntStream.range(0, target.size()).mapToObj(target::version)
                .filter(range::leavesOutOnlyAsPreRelease).max(Version::compareTo);
    }

    /**
     * The dependencies the failure rests on, each once, the nearest first, as a script reads them: {@code name} and
     * {@code range} asked for, and {@code dependent}, the package asking, but for the project's own ranges.
     */
    List<Map<String, Object>> dependencies() {
        return givens(failure).map(Incompatibility::cause).filter(Cause.Dependency.class::isInstance)
                .map(cause -> fields((Cause.Dependency) cause)).distinct().toList();
    }

    /** The first dependency the failure rests on whose range no published version of an existing package meets. */
    Optional<Map<String, Object>> unmetRange() {
        return unsatisfiableDependencies().stream().filter(dependency -> dependency.target().domain().isPublished())
                .findFirst().map(Explanation::fields);
    }

    private static Map<String, Object> fields(Cause.Dependency dependency) {
        Map<String, Object> fields = new TreeMap<>();
        Domain depender = dependency.depender().domain();
        if (!depender.isProject()) {
            fields.put("dependent", depender.name().toString());
        }
        fields.put("name", dependency.target().domain().name().toString());
        fields.put("range", dependency.range().text());
        return Collections.unmodifiableMap(fields);
    }

    /** Whether the failure rests on a package or a range with no published version. */
    boolean involvesMissingVersions() {
        return !unsatisfiableDependencies().isEmpty();
    }

    /**
     * Whether the failure is that something needed does not exist: it rests on a package or a range with no published
     * version, and no step of it joins two ranges on one package ({@link Cause.Conflict#joinsRanges}), so that it
     * would hold even if each package could be installed at a version of its own for each that needs it. One that
     * joins ranges is a conflict, though it rules out on the way versions needing what does not exist.
     */
    boolean isNotFound() {
        return involvesMissingVersions() && derivation(failure)
                .noneMatch(step -> step.cause() instanceof Cause.Conflict conflict && conflict.joinsRanges());
    }

    /**
     * A cycle of the dependencies the failure rests on, from the package of the version whose dependencies are
     * resolved round to it again, when the failure rests on a dependency back on that package that the version does
     * not meet: the graph may hold no other version of it.
     */
    Optional<List<PackageName>> cycleThroughRoot() {
        List<Cause.Dependency> dependencies = givens(failure).map(Incompatibility::cause)
                .filter(Cause.Dependency.class::isInstance).map(Cause.Dependency.class::cast).toList();
        Optional<PackageName> root = dependencies.stream().filter(Explanation::missesRoot).findFirst()
                .map(back -> back.target().domain().name());
        if (root.isEmpty()) {
            return Optional.empty();
        }
        SortedMap<PackageName, SortedMap<PackageName, VersionRange>> edges = new TreeMap<>();
        for (Cause.Dependency dependency : dependencies) {
            Domain depender = dependency.depender().domain();
            edges.computeIfAbsent(depender.isProject() ? root.get() : depender.name(), name -> new TreeMap<>())
                    .put(dependency.target().domain().name(), dependency.range());
        }
        return DependencyCycles.find(edges).stream().filter(cycle -> cycle.contains(root.get())).findFirst()
                .map(cycle -> DependencyCycles.round(cycle, root.get()));
    }

    /** Whether the dependency asks for a version of the root's package other than the root's. */
    private static boolean missesRoot(Cause.Dependency dependency) {
        return dependency.isUnsatisfiable() && dependency.target().domain().setAsideForRoot().isPresent();
    }

    /** Dependencies no version can meet, but for those back on the root's package, which its version does not. */
    private List<Cause.Dependency> unsatisfiableDependencies() {
        List<Cause.Dependency> found = new ArrayList<>();
        for (Incompatibility given : givens(failure).toList()) {
            if (given.cause() instanceof Cause.Dependency dependency && dependency.isUnsatisfiable()
                    && !missesRoot(dependency)) {
                found.add(dependency);
            }
        }
        return found;
    }

    /** The incompatibilities the data gives that the derivation of this one rests on, each once, the nearest first. */
    private static Stream<Incompatibility> givens(Incompatibility incompatibility) {
        return derivation(incompatibility).filter(step -> !(step.cause() instanceof Cause.Conflict));
    }

    /**
     * This incompatibility and those its derivation rests on, given or derived, each once, the nearest first, as they
     * are asked for: one derived at the end of a long chain of packages rests on thousands, of which the nearest
     * often tell what is asked ({@link #isDependencyChain}), and a look at them all for each would take the square of
     * the chain's length.
     */
    private static Stream<Incompatibility> derivation(Incompatibility incompatibility) {
        Set<Incompatibility> seen = new HashSet<>(List.of(incompatibility));
        Deque<Incompatibility> pending = new ArrayDeque<>(List.of(incompatibility));
        Iterator<Incompatibility> steps = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !pending.isEmpty();
            }

            @Override
            public Incompatibility next() {
                Incompatibility next = pending.removeFirst();
                if (next.cause() instanceof Cause.Conflict conflict) {
                    for (Incompatibility cause : List.of(conflict.conflict(), conflict.other())) {
                        if (seen.add(cause)) {
                            pending.addLast(cause);
                        }
                    }
                }
                return next;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(steps, Spliterator.ORDERED
                | Spliterator.DISTINCT | Spliterator.NONNULL), false);
    }

    /**
     * How many derivations each incompatibility the failure rests on takes part in, walked on a stack of its own: a
     * failure at the end of a chain of thousands of packages is derived one package at a time, each step from the
     * last, deeper than the thread's stack goes.
     */
    private void countDerivations(Incompatibility incompatibility) {
        Deque<Incompatibility> pending = new ArrayDeque<>(List.of(incompatibility));
        while (!pending.isEmpty()) {
            Incompatibility next = pending.pop();
            if (derivations.merge(next, 1, Integer::sum) == 1 && isDerived(next)
                    && next.cause() instanceof Cause.Conflict conflict) {
                pending.push(conflict.other());
                pending.push(conflict.conflict());
            }
        }
    }

    /**
     * Writes the sentences that explain the incompatibility, those of its causes first. Each sentence is a step on a
     * stack, run in the order a recursion would run it, as {@link #countDerivations} walks: such a recursion would go
     * as deep as the failure's derivation.
     */
    private void visit(Incompatibility incompatibility, boolean conclusion) {
        Deque<Runnable> steps = new ArrayDeque<>();
        steps.push(() -> visit(incompatibility, conclusion, steps));
        while (!steps.isEmpty()) {
            steps.pop().run();
        }
    }

    /** Writes the sentence of the incompatibility now, or puts those of its causes, then its own, on {@code steps}. */
    private void visit(Incompatibility incompatibility, boolean conclusion, Deque<Runnable> steps) {
        boolean numbered = conclusion || derivations.get(incompatibility) > 1;
        String conjunction = conclusion || incompatibility == failure ? "So," : "And";
        String text = describe(incompatibility);
        if (incompatibility.cause() instanceof Cause.Dependency dependency) {
            write(incompatibility, "Because " + describe(dependency) + " and " + noVersions(dependency)
                    + ", " + text + ".", numbered);
            return;
        }
        Cause.Conflict cause = (Cause.Conflict) incompatibility.cause();
        Incompatibility conflict = cause.conflict();
        Incompatibility other = cause.other();
        if (isDerived(conflict) && isDerived(other)) {
            Integer conflictLine = lineNumbers.get(conflict);
            Integer otherLine = lineNumbers.get(other);
            if (conflictLine != null && otherLine != null) {
                write(incompatibility, "Because " + and(conflict, conflictLine, other, otherLine) + ", "
                        + text + ".", numbered);
            } else if (conflictLine != null || otherLine != null) {
                Incompatibility withLine = conflictLine != null ? conflict : other;
                Incompatibility withoutLine = conflictLine != null ? other : conflict;
                then(steps, () -> visit(withoutLine, false, steps),
                        () -> write(incompatibility, conjunction + " because " + describe(withLine) + " ("
                                + lineNumbers.get(withLine) + "), " + text + ".", numbered));
            } else if (isSingleLine(conflict) || isSingleLine(other)) {
                Incompatibility first = isSingleLine(other) ? conflict : other;
                Incompatibility second = isSingleLine(other) ? other : conflict;
                then(steps, () -> visit(first, false, steps), () -> visit(second, false, steps),
                        () -> write(incompatibility, "Thus, " + text + ".", numbered));
            } else {
                then(steps, () -> visit(conflict, true, steps), () -> lines.add(new Line("", 0)),
                        () -> visit(other, false, steps),
                        () -> write(incompatibility, conjunction + " because " + describe(conflict) + " ("
                                + lineNumbers.get(conflict) + "), " + text + ".", numbered));
            }
        } else if (isDerived(conflict) || isDerived(other)) {
            Incompatibility derived = isDerived(conflict) ? conflict : other;
            Incompatibility external = isDerived(conflict) ? other : conflict;
            Integer derivedLine = lineNumbers.get(derived);
            if (derivedLine != null) {
                write(incompatibility, "Because " + and(external, null, derived, derivedLine) + ", "
                        + text + ".", numbered);
            } else if (isCollapsible(derived)) {
                Cause.Conflict inner = (Cause.Conflict) derived.cause();
                Incompatibility innerDerived = isDerived(inner.conflict()) ? inner.conflict() : inner.other();
                Incompatibility innerExternal = isDerived(inner.conflict()) ? inner.other() : inner.conflict();
                then(steps, () -> visit(innerDerived, false, steps),
                        () -> write(incompatibility, conjunction + " because " + and(innerExternal, null, external,
                                null) + ", " + text + ".", numbered));
            } else {
                then(steps, () -> visit(derived, false, steps),
                        () -> write(incompatibility, conjunction + " because " + describe(external) + ", " + text
                                + ".", numbered));
            }
        } else {
            write(incompatibility, "Because " + and(conflict, null, other, null) + ", " + text + ".", numbered);
        }
    }

    /** Puts the steps on the stack to run in the order given, before those already on it. */
    private static void then(Deque<Runnable> steps, Runnable... inOrder) {
        for (int i = inOrder.length - 1; i >= 0; i--) {
            steps.push(inOrder[i]);
        }
    }

    private void write(Incompatibility incompatibility, String message, boolean numbered) {
        if (numbered) {
            int number = lineNumbers.size() + 1;
            lineNumbers.put(incompatibility, number);
            lines.add(new Line(message, number));
        } else {
            lines.add(new Line(message, 0));
        }
    }

    /**
     * Whether the incompatibility takes a sentence of its own to explain. A dependency no version
     * can meet counts as derived, from the dependency and the lack of versions, so it reads as
     * pub's "depends on ... and no version matches ..., ... cannot be used"; a chain of one package's
     * dependencies on another counts as given, told as one clause.
     */
    private static boolean isDerived(Incompatibility incompatibility) {
        return incompatibility.isDerived() && !isDependencyChain(incompatibility)
                || isUnsatisfiableDependency(incompatibility);
    }

    /**
     * Whether the incompatibility was learned from the dependencies of more versions of one package on
     * another than one sentence names, and says no more than that those versions need that package within
     * a range. Versions that each depend on a narrower range than the last are ruled out one at a time,
     * each by its own dependency, so told one by one they would make the explanation as long as the
     * package's list of versions; told as one, they make a clause.
     */
    private static boolean isDependencyChain(Incompatibility incompatibility) {
        Optional<Term> depender = incompatibility.onlyTerm(true);
        Optional<Term> target = incompatibility.onlyTerm(false);
        if (incompatibility.terms().size() != 2 || depender.isEmpty() || target.isEmpty()) {
            return false;
        }
        Iterator<Incompatibility> givens = givens(incompatibility).iterator();
        int count = 0;
        while (givens.hasNext()) {
            if (!(givens.next().cause() instanceof Cause.Dependency dependency) || dependency.isUnsatisfiable()
                    || dependency.depender().domain() != depender.get().domain()
                    || dependency.target().domain() != target.get().domain()) {
                return false;
            }
            count++;
        }
        return count > 2;
    }

    private static boolean isUnsatisfiableDependency(Incompatibility incompatibility) {
        return incompatibility.cause() instanceof Cause.Dependency dependency && dependency.isUnsatisfiable();
    }

    private static boolean isSingleLine(Incompatibility incompatibility) {
        if (!(incompatibility.cause() instanceof Cause.Conflict cause)) {
            return true;
        }
        return !isDerived(cause.conflict()) && !isDerived(cause.other());
    }

    /** Whether a derived cause with one external cause can be told in the same sentence as its consequence. */
    private boolean isCollapsible(Incompatibility derived) {
        if (derivations.get(derived) > 1 || !(derived.cause() instanceof Cause.Conflict cause)) {
            return false;
        }
        if (isDerived(cause.conflict()) == isDerived(cause.other())) {
            return false;
        }
        Incompatibility complex = isDerived(cause.conflict()) ? cause.conflict() : cause.other();
        return !lineNumbers.containsKey(complex);
    }

    /** Two incompatibilities as one clause, merged where they chain through a shared package. */
    private static String and(Incompatibility first, Integer firstLine, Incompatibility second, Integer secondLine) {
        return requiresBoth(first, firstLine, second, secondLine)
                .or(() -> requiresThrough(first, firstLine, second, secondLine))
                .or(() -> requiresForbidden(first, firstLine, second, secondLine))
                .orElseGet(() -> describe(first) + line(firstLine) + " and " + describe(second) + line(secondLine));
    }

    /**
     * {@code A depends on both B and C}, when the same versions of A do: versions of A that each depend on
     * one of them are named each with its own, as two clauses.
     */
    private static Optional<String> requiresBoth(Incompatibility first, Integer firstLine, Incompatibility second,
            Integer secondLine) {
        if (first.terms().size() == 1 || second.terms().size() == 1) {
            return Optional.empty();
        }
        Optional<Term> firstPositive = first.onlyTerm(true);
        Optional<Term> secondPositive = second.onlyTerm(true);
        if (firstPositive.isEmpty() || secondPositive.isEmpty()
                || firstPositive.get().domain() != secondPositive.get().domain()
                || !firstPositive.get().versions().equals(secondPositive.get().versions())) {
            return Optional.empty();
        }
        String verb = first.isDependency() && second.isDependency() ? "depends on" : "requires";
        return Optional.of(firstPositive.get().describe(true) + " " + verb + " both " + required(first)
                + line(firstLine) + " and " + required(second) + line(secondLine));
    }

    /** {@code A depends on B which depends on C}. */
    private static Optional<String> requiresThrough(Incompatibility first, Integer firstLine, Incompatibility second,
            Integer secondLine) {
        if (first.terms().size() == 1 || second.terms().size() == 1) {
            return Optional.empty();
        }
        Incompatibility prior;
        Integer priorLine;
        Incompatibility latter;
        Integer latterLine;
        if (leadsInto(first, second)) {
            prior = first;
            priorLine = firstLine;
            latter = second;
            latterLine = secondLine;
        } else if (leadsInto(second, first)) {
            prior = second;
            priorLine = secondLine;
            latter = first;
            latterLine = firstLine;
        } else {
            return Optional.empty();
        }
        List<Term> priorPositives = prior.termsOfSign(true);
        if (priorPositives.isEmpty() || latter.termsOfSign(false).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(subject(prior, priorPositives)
                + prior.onlyTerm(false).orElseThrow().inverse().describe(false) + line(priorLine) + " which "
                + verb(latter) + " " + required(latter) + line(latterLine));
    }

    /** Whether what the prior requires is always a version the latter constrains. */
    private static boolean leadsInto(Incompatibility prior, Incompatibility latter) {
        Optional<Term> required = prior.onlyTerm(false).map(Term::inverse);
        Optional<Term> constrained = latter.onlyTerm(true);
        return required.isPresent() && constrained.isPresent() && required.get().domain() == constrained.get().domain()
                && required.get().satisfies(constrained.get());
    }

    /** {@code A depends on B which cannot be used}. */
    private static Optional<String> requiresForbidden(Incompatibility first, Integer firstLine, Incompatibility second,
            Integer secondLine) {
        if (first.terms().size() != 1 && second.terms().size() != 1) {
            return Optional.empty();
        }
        boolean firstIsForbidden = first.terms().size() == 1;
        Incompatibility prior = firstIsForbidden ? second : first;
        Integer priorLine = firstIsForbidden ? secondLine : firstLine;
        Incompatibility latter = firstIsForbidden ? first : second;
        Integer latterLine = firstIsForbidden ? firstLine : secondLine;
        Optional<Term> required = prior.onlyTerm(false).map(Term::inverse);
        Term forbidden = latter.terms().get(0);
        List<Term> priorPositives = prior.termsOfSign(true);
        if (required.isEmpty() || !forbidden.isPositive() || latter.isDependency() || priorPositives.isEmpty()
                || required.get().domain() != forbidden.domain() || !required.get().satisfies(forbidden)) {
            return Optional.empty();
        }
        return Optional.of(subject(prior, priorPositives) + required.get().describe(false) + line(priorLine)
                + " which cannot be used" + line(latterLine));
    }

    private static String subject(Incompatibility prior, List<Term> positives) {
        if (positives.size() > 1) {
            return "if " + String.join(" and ", positives.stream().map(term -> term.describe(false)).toList())
                    + " then ";
        }
        return positives.get(0).describe(true) + " " + verb(prior) + " ";
    }

    private static String verb(Incompatibility incompatibility) {
        return incompatibility.isDependency() ? "depends on" : "requires";
    }

    private static String required(Incompatibility incompatibility) {
        return String.join(" or ",
                incompatibility.termsOfSign(false).stream().map(term -> term.inverse().describe(false)).toList());
    }

    private static String line(Integer number) {
        return number == null ? "" : " (" + number + ")";
    }

    /** One incompatibility as a clause, such as {@code @a/x 1.0.0 requires @b/y ^2.0.0}. */
    static String describe(Incompatibility incompatibility) {
        if (incompatibility.cause() instanceof Cause.Dependency dependency && !dependency.isUnsatisfiable()) {
            return describe(dependency);
        }
        if (incompatibility.cause() instanceof Cause.Root) {
            return incompatibility.terms().get(0).domain() + " is required";
        }
        if (isDependencyChain(incompatibility)) {
            return "each version of " + incompatibility.onlyTerm(true).orElseThrow().describe(false) + " depends on "
                    + incompatibility.onlyTerm(false).orElseThrow().inverse().describe(false)
                    + " or on a range within it";
        }
        return describeTerms(incompatibility);
    }

    private static String describe(Cause.Dependency dependency) {
        return dependency.depender().describe(true) + " depends on " + dependency.target().describe(false);
    }

    /**
     * Why a dependency can never be met: the package does not exist, every version of it is taken down, or no
     * version it may use matches, and then which versions it would have matched are yanked or taken down.
     */
    private String noVersions(Cause.Dependency dependency) {
        Domain target = dependency.target().domain();
        if (target.setAsideForRoot().isPresent()) {
            List<String> others = target.setAsideForRoot().get().stream().map(Object::toString).toList();
            return "the graph must use " + target + " " + target.version(0) + ", the version being checked, which "
                    + dependency.range() + " does not allow"
                    + (others.isEmpty() ? "" : " (" + index.offered() + ": " + String.join(", ", others) + ")");
        }
        if (!target.isPublished()) {
            return "no package " + target + " exists" + index.lookedIn(target.name()).map(where -> " in "
                    + where).orElse("");
        }
        if (target.takedowns().noVersionLeft()) {
            return target.takedowns().everyVersion(target.name());
        }
        // versions held back in the range exist all the same: no version of those offered matches, not none at all
        Optional<String> heldBack = index.heldBack(target.name(), dependency.range());
        String text = "no version of " + target + heldBack.map(ignored -> " " + index.offered()).orElse("")
                + " matches " + dependency.range();
        List<String> reasons = new ArrayList<>();
        List<String> yanked = target.yankedMatching(dependency.range()).stream().map(Object::toString).toList();
        if (!yanked.isEmpty()) {
            reasons.add(Plural.series(yanked, "and") + (yanked.size() == 1 ? " is" : " are") + " yanked");
        }
        target.takedowns().matching(dependency.range()).ifPresent(reasons::add);
        if (reasons.isEmpty()) {
            published(target, dependency.range()).ifPresent(reasons::add);
        }
        preReleaseLeftOut(target, dependency.range()).ifPresent(version -> reasons.add("a range matches a"
                + " pre-release only when it names one of the same major.minor.patch, as " + version + " does"));
        heldBack.ifPresent(reasons::add);
        return reasons.isEmpty() ? text : text + " (" + String.join("; ", reasons) + ")";
    }

    /** The versions there are nearest the range, as {@link NearestVersions#around} names them. */
    private Optional<String> published(Domain target, VersionRange range) {
        return NearestVersions.around(target.versions(), range).map(versions -> index.offered() + ": " + versions);
    }

    private static String describeTerms(Incompatibility incompatibility) {
        if (incompatibility.isFailure()) {
            return "version solving failed";
        }
        List<Term> terms = incompatibility.terms();
        if (terms.size() == 1) {
            Term term = terms.get(0);
            return term.isPositive() ? term.describe(false) + " cannot be used" : term.inverse().describe(false)
                    + " is required";
        }
        List<String> positives = incompatibility.termsOfSign(true).stream().map(term -> term.describe(false)).toList();
        List<String> negatives = incompatibility.termsOfSign(false).stream().map(term -> term.inverse().describe(false))
                .toList();
        if (!positives.isEmpty() && !negatives.isEmpty()) {
            if (positives.size() == 1) {
                return incompatibility.termsOfSign(true).get(0).describe(true) + " requires "
                        + String.join(" or ", negatives);
            }
            return "if " + String.join(" and ", positives) + " then " + String.join(" or ", negatives);
        }
        if (!positives.isEmpty()) {
            return Plural.series(positives, "and") + " cannot be installed together";
        }
        return "at least one of " + Plural.series(negatives, "or") + " is required";
    }
}
