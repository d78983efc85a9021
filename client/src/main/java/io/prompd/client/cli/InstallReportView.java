package io.prompd.client.cli;

import io.prompd.cli.Failures;
import io.prompd.client.install.InstallNote;
import io.prompd.client.install.InstallReport;
import io.prompd.client.install.InstalledPackage;
import io.prompd.client.install.LockChange;
import io.prompd.client.install.lock.LockFile;
import io.prompd.core.Plural;
import io.prompd.core.TerminalText;
import io.prompd.core.json.Json;
import io.prompd.core.manifest.ManifestReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Shows what {@code install}, {@code update} and {@code uninstall} did: the result on stdout; warnings,
 * and what was cleaned up after killed runs, on stderr.
 */
final class InstallReportView {

    private InstallReportView() {
    }

    /**
     * {@code warning: text}, a line break of prompd's own (a resolver's explanation quoted) kept, the lines after it
     * indented under the first; what a registry wrote reaches a warning already kept to one line, and is spelt out
     * here, as {@code --json} gives it exactly.
     */
    static String warning(InstallNote note) {
        return "warning: " + TerminalText.lines(InstallNoteView.text(note)).replace("\n", "\n  ");
    }

    /** @param project the project's folder as {@link CliContext#fromHere} names it, for its prompd.json and lock */
    static void print(InstallReport report, Path project, boolean json, PrintWriter out, PrintWriter err) {
        report.warnings().forEach(warning -> err.println(warning(warning)));
        if (!report.repaired().isEmpty()) {
            err.println("note: removed " + Plural.count(report.repaired().size(), "leftover") + " of interrupted runs"
                    + " (half-written downloads, unpacked folders or lock files)");
        }
        out.print(json ? Json.writeString(asJson(report)) + "\n" : asText(report, project));
    }

    /**
     * A run that failed after warning of something (its plan, or getting versions): those warnings, then the failure
     * as every command's is told, on stderr, and with {@code --json} on stdout too, its {@code warnings} beside its
     * {@code error}.
     *
     * @return the failure's exit code
     */
    static int failed(Exception failure, List<InstallNote> warnings, boolean json, boolean verbose, PrintWriter out,
                      PrintWriter err) {
        warnings.forEach(warning -> err.println(warning(warning)));
        return Failures.report(failure, verbose, json, Map.of("warnings", warnings.stream()
                .map(InstallNoteView::asJson).toList()), out, err);
    }

    private static String asText(InstallReport report, Path project) {
        StringBuilder text = new StringBuilder();
        String manifest = TerminalText.oneLine(project.resolve(ManifestReader.FILE_NAME).toString());
        report.saved().forEach((name, range) -> text.append("saved ").append(name).append(' ').append(range)
                .append(" in ").append(manifest).append('\n'));
        report.removed().forEach(name -> text.append("removed ").append(name).append(" from ").append(manifest)
                .append('\n'));
        long downloaded = report.count(InstalledPackage.Origin.DOWNLOADED);
        long cached = report.count(InstalledPackage.Origin.CACHE);
        long present = report.count(InstalledPackage.Origin.ALREADY_INSTALLED);
        int total = report.packages().size();
        text.append(Plural.count(total, "package")).append(": ").append(downloaded).append(" downloaded, ")
                .append(cached).append(" from the cache, ").append(present).append(" already installed\n");
        report.lock().ifPresentOrElse(lock -> {
            text.append(TerminalText.oneLine(project.resolve(LockFile.FILE_NAME).toString()))
                    .append(lock.written() ? " written" : " unchanged")
                    .append(lock.changes().isEmpty() ? "\n" : ":\n");
            lock.changes().forEach(change -> text.append("  ").append(line(change)).append('\n'));
        }, () -> report.packages().stream()
                .filter(installed -> installed.origin() != InstalledPackage.Origin.ALREADY_INSTALLED)
                // without a lock, what went into the store, worded as a lock's additions are
                .map(installed -> new LockChange(installed.name(), Optional.empty(), Optional.of(installed.version())))
                .forEach(added -> text.append("  ").append(line(added)).append('\n')));
        return text.toString();
    }

    private static String line(LockChange change) {
        char symbol = switch (change.kind()) {
            case ADD -> '+';
            case REMOVE -> '-';
            case CHANGE -> '~';
        };
        return symbol + " " + change.subject();
    }

    /** camelCase, as every other value a --json result names a kind by. */
    private static String jsonName(InstalledPackage.Origin origin) {
        return switch (origin) {
            case ALREADY_INSTALLED -> "alreadyInstalled";
            case CACHE -> "cache";
            case DOWNLOADED -> "downloaded";
        };
    }

    private static Map<String, Object> asJson(InstallReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> packages = report.packages().stream().map(installed -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", installed.name());
            entry.put("version", installed.version());
            entry.put("folder", installed.folder().toString());
            entry.put("origin", jsonName(installed.origin()));
            return entry;
        }).toList();
        json.put("packages", packages);
        Map<String, String> saved = new TreeMap<>();
        report.saved().forEach((name, range) -> saved.put(name.toString(), range.text()));
        json.put("saved", saved);
        json.put("removed", report.removed());
        json.put("lockChanged", report.lockChanged());
        json.put("lockChanges", report.lock().map(InstallReport.LockUpdate::changes).orElse(List.of()).stream()
                .map(InstallReportView::asJson).toList());
        json.put("resolved", report.resolved());
        json.put("warnings", report.warnings().stream().map(InstallNoteView::asJson).toList());
        json.put("repaired", report.repaired().stream().map(Path::toString).toList());
        return json;
    }

    private static Map<String, Object> asJson(LockChange change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", change.name());
        change.before().ifPresent(version -> json.put("before", version));
        change.after().ifPresent(version -> json.put("after", version));
        json.put("differing", change.differing());
        return json;
    }
}
