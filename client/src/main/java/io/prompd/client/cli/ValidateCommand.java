package io.prompd.client.cli;

import io.prompd.cli.JsonOption;
import io.prompd.client.install.InstalledVersions;
import io.prompd.client.install.store.InstalledCopy;
import io.prompd.client.install.store.PackageStore;
import io.prompd.client.pack.PackService;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.SortedCopies;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.json.Json;
import io.prompd.core.manifest.ManifestDraft;
import io.prompd.core.name.PackageName;
import io.prompd.core.packaging.PackageReport;
import io.prompd.core.problem.ProblemReport;
import io.prompd.core.source.SourceEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {
            "Check a package the way pack will see it: prompd.json, the files it would pack and every"
                    + " prompt among them.",
            "A file that a prompt takes from a dependency (inherits: \"@scope/name@^1/prompts/base.prmd\") is looked"
                    + " for in the version prompd.lock pins, once 'prompd install' has installed it; one its template"
                    + " includes or imports is checked there as a file of the package is.",
            "Prints every problem, grouped by file. Exits " + ExitCode.Codes.OK
            + " when there is no error (warnings are allowed, unless --strict)."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PackageFolderParameter folder;

    @Mixin
    JsonOption output;

    @Option(names = "--strict", description = "Fail (exit " + ExitCode.Codes.FAILURE + ") on warnings too, as mkdocs"
            + " build --strict does: for a package's own CI, to catch before a pull request what a registry's check"
            + " refuses (no description or license) and what it warns of (no LICENSE file, a misspelt field)."
            + " With --json, ok is then false.")
    boolean strict;

    private final PrompdCommand root;

    ValidateCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        Path packageFolder = folder.existing(root.context(), root.commands());
        // the dependency files are checked at best effort: no registry setting matters, and an unusable home skips them
        Optional<Path> packages = root.packagesFolder();
        Optional<PackageStore> store = packages.map(storeFolder -> new PackageStore(storeFolder, ArchiveLimits.DEFAULT,
                root.commands()));
        InstalledVersions installed = InstalledVersions.forPackage(packageFolder, store);
        Optional<InstalledCopy> installedCopy = InstalledCopy.holding(packageFolder, packages);
        PackService.Validation validation = new PackService(ArchiveLimits.DEFAULT, root.homeToLeaveOut(),
                root.commands(), folder.steps(root.context(), packageFolder, installedCopy, root.commands()))
                .validate(packageFolder, installed);
        PackageReport report = validation.report();
        noteRepaired(validation.repaired(), spec.commandLine().getErr());
        List<Note> notes = notes(validation, installed.unreadableLock(), installThenAgain(packageFolder,
                installedCopy));
        boolean failedByWarnings = strict && !report.hasErrors() && !report.problems().isEmpty();
        boolean ok = !report.hasErrors() && !failedByWarnings;
        spec.commandLine().getOut().print(output.isJson() ? Json.writeString(asJson(report, ok, notes)) + "\n"
                : asText(report, folder.shown(root.context(), packageFolder))
                + (failedByWarnings ? strictVerdict(report.problems().size()) : ""));
        notes.forEach(note -> spec.commandLine().getErr().println("note: " + note.message()));
        return (ok ? ExitCode.OK : ExitCode.FAILURE).code();
    }

    /**
     * The line after the count that says why a run of warnings alone failed: without it, "0 errors" and exit 1 read
     * as a bug in a CI log.
     */
    private static String strictVerdict(int warnings) {
        return "failed: " + (warnings == 1 ? "the warning fails" : "the " + warnings + " warnings fail")
                + " validate with --strict; fix " + Plural.itOrThem(warnings) + ", or leave --strict out to let"
                + " warnings pass\n";
    }

    /**
     * What validate left unchecked, which "ok" does not tell: {@code kind} {@code unchecked} (no version installed)
     * or {@code lockOutOfDate}, the {@code packages} whose files went unchecked, and the note's sentence.
     */
    private record Note(String kind, SortedSet<PackageName> packages, String message) {

        Note {
            Objects.requireNonNull(kind, "kind");
            packages = SortedCopies.set(packages);
            Objects.requireNonNull(message, "message");
            if (packages.isEmpty()) {
                throw new IllegalArgumentException("a note names the packages it is about: " + kind);
            }
        }
    }

    private static List<Note> notes(PackService.Validation validation, Optional<String> unreadableLock,
                                    String installThenAgain) {
        List<Note> notes = new ArrayList<>();
        if (!validation.unchecked().isEmpty()) {
            notes.add(new Note("unchecked", validation.unchecked(), unchecked(validation.unchecked(), unreadableLock)
                    + "; " + installThenAgain));
        }
        if (!validation.outOfDate().isEmpty()) {
            notes.add(new Note("lockOutOfDate", validation.outOfDate(), "prompd.lock is out of date for "
                    + series(validation.outOfDate()) + "; " + installThenAgain));
        }
        return List.copyOf(notes);
    }

    private static String series(SortedSet<PackageName> packages) {
        return Plural.series(packages.stream().map(Object::toString).toList(), "and");
    }

    /**
     * The advice of a note on the package's lock, its commands as the user may paste them where they ran this; for an
     * installed package, which install refuses to write into, in a copy out of the store.
     */
    private String installThenAgain(Path packageFolder, Optional<InstalledCopy> installedCopy) throws IOException {
        SuggestedCommands commands = root.commands();
        if (installedCopy.isPresent()) {
            return installedCopy.get().copyOut("the package") + ", then run " + commands.quoted("install") + " and "
                    + commands.quoted("validate") + " in that copy";
        }
        return "run '" + folder.inPackage(root.context(), packageFolder, commands.line("install")) + "', then "
                + commands.quoted(folder.arguments("validate")) + " again";
    }

    /** Says what was deleted in the user's folder, as install does, for validate and pack. */
    static void noteRepaired(List<Path> repaired, PrintWriter err) {
        if (!repaired.isEmpty()) {
            err.println("note: removed " + Plural.count(repaired.size(), "leftover") + " of interrupted runs at the"
                    + " package's root (half-written tarballs, prompd.json or prompd.lock)");
        }
    }

    /**
     * One line, however many packages: an author who never installed sees it on every run. A lock that could not be
     * read pins nothing, and its reason is the one to tell: a merge's conflict markers, which 'prompd install' merges.
     */
    private static String unchecked(SortedSet<PackageName> packages, Optional<String> unreadableLock) {
        return "the files the prompts take from " + series(packages) + " were not checked: "
                + unreadableLock.orElse("prompd.lock pins no installed version of " + Plural.itOrThem(packages.size()));
    }

    /**
     * The package's name, version and size, then its problems: pack gives it too, naming the package warned of.
     *
     * @param folder the package's folder as messages name it, which names the package where its name cannot be read
     */
    static String asText(PackageReport report, String folder) {
        return describe(report, folder) + "\n" + ProblemReport.text(report.problems());
    }

    /**
     * {@code @scope/name@1.0.0: 6 files, 12345 bytes unpacked}, with as much of the name as the manifest gives; where
     * it gives no valid name (prompd.json no JSON, its name missing or invalid) the package's folder stands for it,
     * which tells a loop over many packages which one this is, as --json leaves the name out. The folder ends in
     * {@code /}, which no name does, so that a folder {@code greeter} does not read as the package of that name.
     */
    private static String describe(PackageReport report, String folder) {
        ManifestDraft draft = report.draft();
        String name = draft.name().map(packageName -> packageName + draft.version().map(version -> "@" + version)
                .orElse("")).orElse(folder.endsWith("/") ? folder : folder + "/");
        int files = report.selection().included().size();
        return name + ": " + Plural.count(files, "file") + ", " + report.selection().unpackedSize() + " bytes unpacked";
    }

    /** {@code {ok, name, version, files, problems}}, which pack --json gives too, so a script reads both alike. */
    static Map<String, Object> asJson(PackageReport report) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", !report.hasErrors());
        report.draft().name().ifPresent(name -> result.put("name", name));
        report.draft().version().ifPresent(version -> result.put("version", version));
        result.put("files", report.selection().included().stream().map(SourceEntry::path).toList());
        result.put("problems", report.problems());
        return result;
    }

    /**
     * {@link #asJson(PackageReport)} and the {@code notes}, so that a script sees what "ok" left unchecked; {@code ok}
     * false too when --strict fails warnings, the problems being the same, so that a script reads "ok" alone.
     */
    private static Map<String, Object> asJson(PackageReport report, boolean ok, List<Note> notes) {
        Map<String, Object> result = asJson(report);
        result.put("ok", ok);
        result.put("notes", notes.stream().map(note -> Map.of("kind", note.kind(), "packages", note.packages(),
                "message", note.message())).toList());
        return result;
    }
}
