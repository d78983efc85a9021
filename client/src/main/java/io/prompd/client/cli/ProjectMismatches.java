package io.prompd.client.cli;

import io.prompd.cli.Failures;
import io.prompd.client.install.LockAudit;
import io.prompd.client.install.Project;
import io.prompd.client.install.ProjectGraph;
import io.prompd.client.install.store.PackageStore;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How list and tree mark where the project differs from what its files say, and their exit code: 1 when
 * a locked version is outside a range asking for it (npm's "invalid": prompd.json was edited, by hand or
 * by a merge, since prompd.lock was written), when a dependency of prompd.json is not locked, or when a
 * needed locked version is not in the store (npm's "missing") or is there without the record of the tarball it was
 * unpacked from (or with an empty one), when a locked version is one nothing needs (npm's
 * "extraneous"), or when prompd.lock is stale as {@link LockAudit} finds, as {@code npm ls} exits 1, so that a
 * script or CI step notices a project that 'prompd install' has to bring in line; 6, as install fails, when an
 * installed version was unpacked from other bytes than prompd.lock pins.
 *
 * @param commands how the marks and hints spell the install that brings the project in line
 */
record ProjectMismatches(SuggestedCommands commands) {

    /** How list and tree end their help on exit codes, which the commands' annotations take as a constant. */
    static final String OTHER_BYTES_EXIT = " it exits " + ExitCode.Codes.INTEGRITY + ", as install fails, when the"
            + " store's copy of a locked version came from bytes other than those prompd.lock pins.";

    /** How tree and list mark a dependency of prompd.json the lock lacks, or that no lock holds yet. */
    String notLocked() {
        return "not locked: " + runInstall();
    }

    /**
     * How tree and list mark a locked version the store does not hold whole with its record: damaged, when its place
     * in the store holds something else than it whole; unrecorded, whole without the record of the tarball it was
     * unpacked from, which install puts back from the bytes the lock pins; else not installed, as one removed with
     * uninstall --global.
     */
    static String absence(PackageStore store, PackageName name, Version version) {
        if (store.isDamaged(name, version)) {
            return "damaged";
        }
        return store.isUnrecorded(name, version) ? "unrecorded" : "not installed";
    }

    /**
     * That the store's copy of the version is damaged, named where it lies, with the way to mend it: {@code hint}.
     */
    static PrompdException damaged(PackageStore store, PackageName name, Version version, String hint) {
        return new PrompdException(ExitCode.FAILURE, "the store's copy of " + name + "@" + version + " is damaged,"
                + " with no " + ManifestReader.FILE_NAME + " that reads as a JSON object: "
                + store.folderOf(name, version), hint);
    }

    /** {@code invalid: outside ^1.0.0, run 'prompd install'}. */
    private String invalid(List<VersionRange> unmet) {
        return outside(unmet) + ", " + runInstall();
    }

    /**
     * How tree and list mark a locked version outside the ranges {@code unmet} or not whole in the store, each in
     * the words of tree --dot and the way off said once: {@code invalid: outside ^1.0.0, not installed: run 'prompd
     * install'}; empty when it is neither.
     */
    Optional<String> mismatch(List<VersionRange> unmet, PackageStore store, PackageName name, Version version) {
        if (store.containsRecorded(name, version)) {
            return unmet.isEmpty() ? Optional.empty() : Optional.of(invalid(unmet));
        }
        return Optional.of((unmet.isEmpty() ? "" : outside(unmet) + ", ") + absence(store, name, version) + ": "
                + runInstall());
    }

    private String runInstall() {
        return "run " + commands.quoted("install");
    }

    /** {@code invalid: outside ^1.0.0}, for a mark whose way off is said once on stderr, as a graph's node. */
    static String outside(List<VersionRange> unmet) {
        return "invalid: outside " + VersionRange.series(unmet);
    }

    /** Says on {@code err} what differs, if anything; the exit code of list and tree. */
    int exitCode(Project project, ProjectGraph graph, PackageStore store, PrintWriter err) throws IOException {
        List<ProjectGraph.Entry> entries = graph.entries();
        List<PrompdException> mismatches = new ArrayList<>();
        List<String> invalid = graph.outsideRoots();
        if (!invalid.isEmpty()) {
            mismatches.add(new PrompdException(ExitCode.FAILURE, "prompd.lock does not match prompd.json: "
                    + String.join("; ", invalid), runInstall() + " to lock versions within the ranges"));
        }
        List<String> invalidWithin = graph.outsideLockedRanges();
        if (!invalidWithin.isEmpty()) {
            mismatches.add(new PrompdException(ExitCode.FAILURE, "prompd.lock does not match itself: "
                    + String.join("; ", invalidWithin), runInstall() + " to lock versions within the ranges"));
        }
        List<PackageName> unlocked = graph.unlocked();
        if (!unlocked.isEmpty()) {
            String names = Plural.series(unlocked.stream().map(PackageName::toString).toList(), "and");
            mismatches.add(new PrompdException(ExitCode.FAILURE, project.lock().isPresent()
                    ? "prompd.lock lacks " + names + " of prompd.json's dependencies"
                    : "there is no prompd.lock in " + project.folder() + " to lock " + names + " of prompd.json's"
                            + " dependencies", runInstall() + " to lock and install "
                            + Plural.itOrThem(unlocked.size())));
        }
        List<ProjectGraph.Entry> notWhole = entries.stream()
                .filter(entry -> entry.needed() && !store.contains(entry.name(), entry.version())).toList();
        notWhole.stream().filter(entry -> store.isDamaged(entry.name(), entry.version()))
                .forEach(entry -> mismatches.add(damaged(store, entry.name(), entry.version(),
                        runInstall() + " to replace it")));
        List<String> missing = notWhole.stream().filter(entry -> !store.isDamaged(entry.name(), entry.version()))
                .map(entry -> entry.name() + "@" + entry.version()).toList();
        // those with no record told apart from those with an empty one, each as it is
        SortedMap<String, List<ProjectGraph.Entry>> unrecorded = entries.stream()
                .filter(entry -> entry.needed() && store.isUnrecorded(entry.name(), entry.version()))
                .collect(Collectors.groupingBy(entry -> store.lackedRecord(entry.name(), entry.version()),
                        TreeMap::new, Collectors.toList()));
        unrecorded.forEach((lacked, copies) -> {
            boolean one = copies.size() == 1;
            mismatches.add(new PrompdException(ExitCode.FAILURE, "the store holds " + Plural.series(copies.stream()
                    .map(entry -> entry.name() + "@" + entry.version() + " (" + store.folderOf(entry.name(),
                            entry.version()) + ")").toList(), "and") + " with " + lacked + " of the tarball "
                    + (one ? "it was" : "each was") + " unpacked from, so nothing tells " + (one ? "it is" : "they are")
                    + " the bytes prompd.lock pins", runInstall() + " to put " + Plural.itOrThem(copies.size())
                    + " back from those bytes"));
        });
        if (!missing.isEmpty()) {
            String them = Plural.itOrThem(missing.size());
            mismatches.add(new PrompdException(ExitCode.FAILURE, "prompd.lock locks " + Plural.series(missing, "and")
                    + ", not installed in " + store.root(), runInstall() + " to install " + them
                    // read from no registry, a takedown since the lock was written can only be foretold
                    + " (should its registry have taken " + them + " down since, install says so, and how to move off "
                    + them + ")"));
        }
        LockAudit.fromOtherBytes(graph.lock(), store, commands).ifPresent(mismatches::add);
        List<String> unneeded = entries.stream().filter(entry -> !entry.needed())
                .map(entry -> entry.name() + "@" + entry.version()).toList();
        if (!unneeded.isEmpty()) {
            mismatches.add(new PrompdException(ExitCode.FAILURE, "prompd.lock locks " + Plural.series(unneeded, "and")
                    + ", which nothing in prompd.json needs", runInstall() + " to remove "
                    + Plural.itOrThem(unneeded.size())
                    + " from prompd.lock"));
        }
        List<String> stale = LockAudit.problems(graph.lock(), store);
        if (!stale.isEmpty()) {
            mismatches.add(new PrompdException(ExitCode.FAILURE, "prompd.lock is stale: " + String.join("; ", stale),
                    runInstall() + " to resolve it again"));
        }
        mismatches.forEach(mismatch -> err.println(Failures.describe(mismatch)));
        // the project uses bytes its lock does not pin: as install fails, not merely one to bring in line
        return mismatches.stream().map(PrompdException::exitCode).max(Comparator.comparingInt(ExitCode::code))
                .orElse(ExitCode.OK).code();
    }
}
