package io.prompd.generator.check;

import io.prompd.core.TerminalText;
import io.prompd.core.json.Json;
import io.prompd.core.problem.ProblemReport;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.RepositoryLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** A {@link CheckReport} as text for a terminal, Markdown for the pull request's comment, or JSON for scripts. */
public final class CheckReportRenderer {

    /** GitHub refuses a comment over 65,536 characters; this leaves room for what the workflow adds. */
    static final int COMMENT_LIMIT = 60_000;

    /** A pull request adding a whole registry at once is summed up, not listed in full. */
    private static final int SUMMARY_LINES = 100;

    /** At most this much of the comment goes to the summary, so that the problems always have room. */
    private static final int SUMMARY_CHARS = 20_000;

    /** At most this much goes to the notes of what the check did not verify, for the same reason. */
    private static final int NOTES_CHARS = 10_000;

    /**
     * How much of a name, path or text of the registry's files (a yank's reason) a summary line of the comment
     * shows, so that none can fill it.
     */
    static final int QUOTE_SHOWN = 300;

    private static final String UNREADABLE = ", which does not read in full (the errors below say why)";

    /** Problems of no one file are about the pull request as a whole, such as its unknown author. */
    private static final String UNFILED = "(pull request)";

    private CheckReportRenderer() {
    }

    /** The summary of what the pull request does, then the problems grouped by file. */
    public static String text(CheckReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.passed() ? "PASSED" : "FAILED").append(": registry check of ")
                .append(RegistryRepository.shortId(report.head()))
                .append(" against ").append(RegistryRepository.shortId(report.mergeBase())).append('\n');
        summary(report, Style.PLAIN).forEach(line -> out.append("  ").append(line).append('\n'));
        notes(report, Style.PLAIN).forEach(line -> out.append("  note: ").append(line).append('\n'));
        out.append('\n').append(ProblemReport.text(report.problems(), UNFILED));
        return out.toString();
    }

    /**
     * A title with the verdict, what the pull request adds and changes, then the problems, within
     * {@link #COMMENT_LIMIT} whatever the files hold: the longest lists are cut, saying how much is left
     * out and, for the problems, how to list them all; a text of the files is cut at {@link #QUOTE_SHOWN}
     * characters in the summary, a problem's message and hint at more.
     */
    public static String markdown(CheckReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(report.passed() ? "✅ Registry check passed" : "❌ Registry check failed")
                .append("\n\n");
        out.append("Checked `").append(RegistryRepository.shortId(report.head())).append("` against the merge base `")
                .append(RegistryRepository.shortId(report.mergeBase())).append("`.\n\n");
        list(out, "This pull request", summary(report, Style.MARKDOWN), SUMMARY_CHARS);
        list(out, "Not checked", notes(report, Style.MARKDOWN), NOTES_CHARS);
        out.append(ProblemReport.markdown(report.problems(), UNFILED, COMMENT_LIMIT - out.length(),
                "To list them all, run `prompd-registry check . --base <the base branch> --head " + report.head()
                        + " --actor <login>` in a clone of this repository, as its CONTRIBUTING.md shows."));
        return out.toString();
    }

    /**
     * {@code {"ok", "added", "newPackages", "takenDown", "deletedVersions", "changedVersions", "modeChanges",
     * "otherChanges", "newPaths", "deletedPaths", "unreadable", "metaChanges", "settingsChanges",
     * "externalDependencies", "problems", "mergeBase", "head"}}, keys sorted; each mode change is
     * {@code {from, path, to}}, and each takedown is {@code {name, version, publishedIn?, reason?}} (the publishing
     * commit, its record's reason); problems have the shape {@code prompd validate --json} gives them, and each meta
     * change is
     * {@code {name, action, target, detail?, was?}} ({@code was}: where a moved dist-tag pointed, or the earlier text
     * of a changed yank, deprecation or takedown record), and each settings change
     * {@code {file, action, target, place?, value?, was?}} ({@code value} and {@code was}: what a field of
     * registry.json changes to and from), and each external dependency
     * {@code {name, version, dependency, range, fileReferences}} (the version added, the package of an external scope
     * it depends on, the range as written, and how many references of its prompts take a file of that package).
     */
    public static String json(CheckReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", report.passed());
        json.put("mergeBase", report.mergeBase());
        json.put("head", report.head());
        json.put("added", report.added());
        json.put("newPackages", report.newPackages());
        json.put("takenDown", report.takenDown().stream().map(takedown -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", takedown.version().name().toString());
            entry.put("version", takedown.version().version().toString());
            takedown.publication().ifPresent(where -> entry.put("publishedIn", where.commit().name()));
            record(report, takedown).map(MetaChange::detail).filter(reason -> !reason.isBlank())
                    .ifPresent(reason -> entry.put("reason", reason));
            return entry;
        }).toList());
        json.put("deletedVersions", report.deletedVersions());
        json.put("changedVersions", report.changedVersions());
        json.put("modeChanges", report.modeChanges());
        json.put("otherChanges", report.otherChanges());
        json.put("newPaths", report.newPaths());
        json.put("deletedPaths", report.deletedPaths());
        json.put("unreadable", report.unreadable());
        json.put("metaChanges", report.metaChanges().stream().map(change -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", change.name());
            entry.put("action", change.actionName());
            entry.put("target", change.target());
            if (!change.detail().isEmpty()) {
                entry.put("detail", change.detail());
            }
            if (!change.was().isEmpty()) {
                entry.put("was", change.was());
            }
            return entry;
        }).toList());
        json.put("settingsChanges", report.settingsChanges().stream().map(change -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", change.file());
            entry.put("action", change.actionName());
            entry.put("target", change.target());
            if (!change.place().isEmpty()) {
                entry.put("place", change.place());
            }
            if (!change.value().isEmpty()) {
                entry.put("value", change.value());
                entry.put("was", change.was());
            }
            return entry;
        }).toList());
        json.put("externalDependencies", report.externalDependencies().stream().map(dependency -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", dependency.dependent().name().toString());
            entry.put("version", dependency.dependent().version().toString());
            entry.put("dependency", dependency.dependency().toString());
            entry.put("range", dependency.range());
            entry.put("fileReferences", dependency.fileReferences());
            return entry;
        }).toList());
        json.put("problems", report.problems());
        return Json.writeString(json) + "\n";
    }

    /**
     * A list under its title, unless it is empty: at most {@link #SUMMARY_LINES} lines and {@code maxChars} characters,
     * then how many more there are.
     */
    private static void list(StringBuilder out, String title, List<String> lines, int maxChars) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("**").append(title).append("**\n\n");
        int end = out.length() + maxChars;
        int shown = 0;
        while (shown < Math.min(lines.size(), SUMMARY_LINES) && out.length() + lines.get(shown).length() + 3 <= end) {
            out.append("- ").append(lines.get(shown++)).append('\n');
        }
        if (shown < lines.size()) {
            out.append("- … and ").append(lines.size() - shown).append(" more\n");
        }
        out.append('\n');
    }

    /**
     * What the check accepted without verifying it, as a reviewer should know: each dependency of a version added on a
     * package of an external scope, which another registry holds.
     */
    private static List<String> notes(CheckReport report, Style style) {
        return report.externalDependencies().stream().map(dependency -> dependency.describe(style)).toList();
    }

    /**
     * How the summary writes what comes from the pull request: names, versions and paths set off
     * as {@code code}, and free text (a yank's reason) as it is; Markdown makes both show what the
     * author wrote, without HTML or formatting of the author's own.
     */
    record Style(UnaryOperator<String> code, UnaryOperator<String> text) {

        /**
         * Control characters spelt out, since a terminal would act on them rather than show them, and in
         * names and paths invisible characters too, since a name shown with them reads as another; Markdown spells
         * them out as well, since it is shown in a terminal too, and a bidi control in the comment would show the
         * rest of its line in another order.
         */
        static final Style PLAIN = new Style(TerminalText::path, TerminalText::line);
        static final Style MARKDOWN = new Style(
                code -> ProblemReport.markdownCode(TerminalText.path(ProblemReport.abbreviated(code, QUOTE_SHOWN))),
                text -> ProblemReport.markdownText(TerminalText.line(ProblemReport.abbreviated(text, QUOTE_SHOWN))));

        Style {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * One line per added or taken down version (with the reason its takedown record gives), per published version
     * otherwise deleted or changed, which a reviewer must see though the check refuses it, per file of one whose mode
     * alone changes, which the diff shows though the check lets it pass, per change to a
     * meta.json, per other changed path and, below registry.json and scopes.json, per change to a setting or to who
     * may do what, written in the style; a new path is worded as a new version is,
     * since "changes" would suggest an earlier one existed, and a deleted one says so.
     * A meta.json that does not read in full is listed even when some of its changes are told, since they are
     * not all of them.
     */
    private static List<String> summary(CheckReport report, Style style) {
        UnaryOperator<String> code = style.code();
        List<String> lines = new ArrayList<>();
        for (PackageVersion version : report.added()) {
            lines.add((report.newPackages().contains(version.name()) ? "adds the new package " : "adds ")
                    + versionOf(version, code));
        }
        for (Takedown takedown : report.takenDown()) {
            lines.add("takes down " + versionOf(takedown.version(), code) + takedown.publication()
                    .map(where -> ", published in commit "
                                    + code.apply(RegistryRepository.shortId(where.commit().name())) + " ("
                                    + where.date() + ")").orElse("")
                    + record(report, takedown).map(record -> record.note(style)).orElse(""));
        }
        for (PackageVersion version : report.deletedVersions()) {
            lines.add("deletes " + versionOf(version, code) + ", a published version, which the check refuses");
        }
        for (PackageVersion version : report.changedVersions()) {
            lines.add("changes files of " + versionOf(version, code) + ", a published version, which the check"
                    + " refuses");
        }
        for (ModeChange change : report.modeChanges()) {
            lines.add("changes the mode of " + code.apply(change.path()) + " from " + change.from() + " to "
                    + change.to() + " (not packed: files are packed as 0644)");
        }
        // a takedown's record, told on its line above, would only repeat it
        report.metaChanges().stream().filter(change -> report.takenDown().stream()
                .noneMatch(takedown -> change.recordsTakedownOf(takedown.version())))
                .forEach(change -> lines.add(change.describe(style)));
        // a meta.json whose changes are told above is not listed again; one changed only in form is
        Set<String> told = report.metaChanges().stream().map(change -> RepositoryLayout.metaFile(change.name()))
                .filter(path -> !report.unreadable().contains(path)).collect(Collectors.toSet());
        report.otherChanges().stream().filter(path -> !told.contains(path)).forEach(path -> {
            lines.add(verb(report, path) + code.apply(path) + (report.unreadable().contains(path) ? UNREADABLE : ""));
            // below the file, whose changes in form alone, and to parts that do not read, are not told
            report.settingsChanges().stream().filter(change -> change.file().equals(path))
                    .forEach(change -> lines.add(change.describe(style)));
        });
        return lines;
    }

    /** {@code `name` version `1.0.0`}, in the style's code. */
    private static String versionOf(PackageVersion version, UnaryOperator<String> code) {
        return code.apply(version.name().toString()) + " version " + code.apply(version.version().toString());
    }

    /** The record of {@code "takenDown"} that the pull request adds for the takedown, if it adds one. */
    private static Optional<MetaChange> record(CheckReport report, Takedown takedown) {
        return report.metaChanges().stream().filter(change -> change.recordsTakedownOf(takedown.version())).findFirst();
    }

    private static String verb(CheckReport report, String path) {
        if (report.newPaths().contains(path)) {
            return "adds ";
        }
        return report.deletedPaths().contains(path) ? "deletes " : "changes ";
    }
}
