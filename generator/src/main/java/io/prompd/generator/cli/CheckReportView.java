package io.prompd.generator.cli;

import io.prompd.core.ShellWords;
import io.prompd.core.TerminalText;
import io.prompd.core.json.Json;
import io.prompd.core.problem.ProblemReport;
import io.prompd.core.protocol.Packument;
import io.prompd.core.version.Version;
import io.prompd.generator.check.CheckReport;
import io.prompd.generator.check.ExternalDependency;
import io.prompd.generator.check.MetaChange;
import io.prompd.generator.check.ModeChange;
import io.prompd.generator.check.ReaddedVersion;
import io.prompd.generator.check.SettingsChange;
import io.prompd.generator.check.Takedown;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Publication;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.RegistryRepository;
import io.prompd.generator.source.Removal;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.source.Scopes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@link CheckReport} as text for a terminal, Markdown for the pull request's comment, or JSON for scripts: the check
 * returns what a pull request does, and its wording, each line of the summary included, is the command's, as
 * {@link BuildWarningView} words a build's warnings.
 */
public final class CheckReportView {

    /** GitHub refuses a comment over 65,536 characters; this leaves room for what the workflow adds. */
    static final int COMMENT_LIMIT = 60_000;

    /** A pull request adding a whole registry at once is summed up, not listed in full. */
    private static final int SUMMARY_LINES = 100;

    /**
     * At most this much of the comment goes to the summary, so that the problems always have room; its changes to
     * settings and rights may take more, up to {@link #RIGHTS_CHARS}, leaving the rest of the summary none.
     */
    private static final int SUMMARY_CHARS = 20_000;

    /**
     * At most this much of the comment goes to the summary's changes to settings and rights, which no count of lines
     * cuts: only a pull request making hundreds of them at once, as no real one does, has some left out, saying so.
     */
    private static final int RIGHTS_CHARS = 30_000;

    /** The settings files, whose every change the summary tells first. */
    private static final Set<String> SETTINGS_FILES = Set.of(RegistryConfig.FILE, Scopes.FILE);

    /** At most this much goes to the notes of what the check did not verify, for the same reason. */
    private static final int NOTES_CHARS = 10_000;

    /**
     * How much of a name, path or text of the registry's files (a yank's reason) a summary line of the comment
     * shows, so that none can fill it.
     */
    static final int QUOTE_SHOWN = 300;

    private static final String UNREADABLE = ", which does not read in full (the errors below say why)";

    /** What a meta.json that reads as a document, but not in full, is said to have. */
    private static final String WITH_ERRORS = ", which has errors (below)";

    /** Problems of no one file are about the pull request as a whole, such as its unknown author. */
    private static final String UNFILED = "(pull request)";

    private CheckReportView() {
    }

    /** The summary of what the pull request does, then the problems grouped by file. */
    public static String text(CheckReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.passed() ? "PASSED" : "FAILED").append(": registry check of ")
                .append(RegistryRepository.shortId(report.head()))
                .append(" against ").append(RegistryRepository.shortId(report.mergeBase()))
                .append(checkedAs(report, Style.PLAIN)).append('\n');
        summary(report, Style.PLAIN).lines().forEach(line -> out.append("  ").append(line).append('\n'));
        notes(report, Style.PLAIN).forEach(line -> out.append("  note: ").append(line).append('\n'));
        out.append('\n').append(ProblemReport.text(report.problems(), UNFILED));
        return out.toString();
    }

    /**
     * A title with the verdict, what the pull request adds and changes, then the problems, within
     * {@link #COMMENT_LIMIT} whatever the files hold: the longest lists are cut, saying how much is left
     * out and, for the problems, how to list them all; a text of the files is cut at {@link #QUOTE_SHOWN}
     * characters in the summary, a problem's message and hint at more.
     *
     * @param base the {@code --base} the check was given, for the command that lists every problem
     */
    public static String markdown(CheckReport report, String base) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(report.passed() ? "✅ Registry check passed" : "❌ Registry check failed")
                .append("\n\n");
        out.append("Checked `").append(RegistryRepository.shortId(report.head())).append("` against the merge base `")
                .append(RegistryRepository.shortId(report.mergeBase())).append('`')
                .append(checkedAs(report, Style.MARKDOWN)).append(".\n\n");
        String listAll = "To list them all, run " + MarkdownReport.code(again(report, base))
                + " in a clone of this repository, as its CONTRIBUTING.md shows.";
        Summary summary = summary(report, Style.MARKDOWN);
        list(out, "This pull request", summary.rights(), summary.rest(), SUMMARY_CHARS, listAll);
        list(out, "Not checked", List.of(), notes(report, Style.MARKDOWN), NOTES_CHARS, listAll);
        out.append(MarkdownReport.of(report.problems(), UNFILED, COMMENT_LIMIT - out.length(), listAll));
        return out.toString();
    }

    /** The check as it was run, its values shell-quoted, to be pasted as it is shown. */
    private static String again(CheckReport report, String base) {
        return "prompd-registry check . --base " + ShellWords.quote(base) + " --head " + report.head()
                + report.actor().map(actor -> " --actor " + ShellWords.quote(actor.login())).orElse("");
    }

    /**
     * {@code , as alice, a maintainer}: who the pull request was judged as, which a reviewer of a merge queue, where
     * the author is not the one merging, has to know to weigh what passed; nothing when no author was given, which the
     * ownership rule's error says.
     */
    private static String checkedAs(CheckReport report, Style style) {
        return report.actor().map(actor -> ", as " + style.code().apply(actor.login())
                + (actor.isMaintainer() ? ", a maintainer" : "")).orElse("");
    }

    /**
     * {@code {"ok", "added", "newPackages", "readded", "takenDown", "deletedVersions", "changedVersions",
     * "modeChanges", "otherChanges", "newPaths", "deletedPaths", "unreadable", "metaChanges", "settingsChanges",
     * "externalDependencies", "problems", "mergeBase", "head", "actor"}}, keys sorted, the actor
     * {@code {login, maintainer}} when one was given; each mode change is
     * {@code {from, path, to}}, each version added back
     * {@code {name, version, publishedAs, publishedIn, deletedIn, sameFiles}} (the version as published, which may
     * differ in build metadata alone, the commits that published and deleted it, and whether it holds the files
     * published), and each takedown is {@code {name, version, publishedIn?, reason?}} (the publishing commit, its
     * record's reason); problems have the shape {@code prompd validate --json} gives them, and each meta change is
     * {@code {name, action, target, detail?, was?}} ({@code was}: where a moved dist-tag, or latest moved without its
     * dist-tag, pointed, or the earlier text of a changed yank, deprecation or takedown record, an empty one too), and
     * each settings change
     * {@code {file, action, target, place?, value?, was?}} ({@code value} and {@code was}: what a field of
     * registry.json changes to and from), and each external dependency
     * {@code {name, version, dependency, range, fileReferences}} (the version added, the package of an external scope
     * it depends on, the range as written, and how many references of its prompts take a file of that package).
     */
    public static String json(CheckReport report) {
        return json(report, List.of());
    }

    /**
     * As {@link #json(CheckReport)}, with {@code "warnings"}: what the command warns of beside the report, each in the
     * shape of a build's warnings in its {@code --json}, such as files of the working tree left uncommitted.
     */
    static String json(CheckReport report, List<Map<String, Object>> warnings) {
        Map<String, Object> json = new TreeMap<>();
        json.put("ok", report.passed());
        json.put("warnings", warnings);
        json.put("mergeBase", report.mergeBase());
        json.put("head", report.head());
        report.actor().ifPresent(actor -> json.put("actor", new TreeMap<>(Map.of("login", actor.login(),
                "maintainer", actor.isMaintainer()))));
        json.put("added", report.added());
        json.put("newPackages", report.newPackages());
        json.put("readded", report.readded().stream().map(again -> {
            Map<String, Object> entry = VersionJson.of(again.version());
            entry.put("publishedIn", again.removal().publication().commit().name());
            entry.put("deletedIn", again.removal().removedIn().name());
            entry.put("publishedAs", again.publishedAs().toString());
            entry.put("sameFiles", again.sameFiles());
            return entry;
        }).toList());
        json.put("takenDown", report.takenDown().stream().map(takedown -> {
            Map<String, Object> entry = VersionJson.of(takedown.version());
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
            Map<String, Object> entry = new TreeMap<>();
            entry.put("name", change.name());
            entry.put("action", actionName(change.action()));
            entry.put("target", change.target());
            if (!change.detail().isEmpty()) {
                entry.put("detail", change.detail());
            }
            change.was().ifPresent(was -> entry.put("was", was));
            change.becomes().ifPresent(becomes -> entry.put("becomes", becomes));
            return entry;
        }).toList());
        json.put("settingsChanges", report.settingsChanges().stream().map(change -> {
            Map<String, Object> entry = new TreeMap<>();
            entry.put("file", change.file());
            entry.put("action", actionName(change.action()));
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
            Map<String, Object> entry = VersionJson.of(dependency.dependent());
            entry.put("dependency", dependency.dependency().toString());
            entry.put("range", dependency.range());
            entry.put("fileReferences", dependency.fileReferences());
            return entry;
        }).toList());
        json.put("problems", report.problems());
        return Json.writeString(json) + "\n";
    }

    /**
     * A list under its title, unless it is empty: the lines to keep first, every one of them up to
     * {@link #RIGHTS_CHARS} characters, then the others, at most {@link #SUMMARY_LINES} of them, as many as fit in
     * {@code maxChars} characters with the kept ones, then how many more there are.
     *
     * @param listAll a sentence telling the reader where every line is listed, for kept lines left out
     */
    private static void list(StringBuilder out, String title, List<String> kept, List<String> lines, int maxChars,
                             String listAll) {
        if (kept.isEmpty() && lines.isEmpty()) {
            return;
        }
        out.append("**").append(title).append("**\n\n");
        int start = out.length();
        int keptShown = appendWithin(out, kept, kept.size(), start + RIGHTS_CHARS);
        if (keptShown < kept.size()) {
            out.append("- … and ").append(kept.size() - keptShown).append(" more changes to settings or to who may"
                    + " publish, which this comment cannot hold. ").append(listAll).append('\n');
        }
        int shown = appendWithin(out, lines, SUMMARY_LINES, start + maxChars);
        if (shown < lines.size()) {
            out.append("- … and ").append(lines.size() - shown).append(" more\n");
        }
        out.append('\n');
    }

    /** Appends the first lines as list items, at most {@code most}, while the output stays within {@code end}. */
    private static int appendWithin(StringBuilder out, List<String> lines, int most, int end) {
        int shown = 0;
        while (shown < Math.min(lines.size(), most) && out.length() + lines.get(shown).length() + 3 <= end) {
            out.append("- ").append(lines.get(shown++)).append('\n');
        }
        return shown;
    }

    /**
     * What the check accepted without verifying it, as a reviewer should know: each dependency of a version added on a
     * package of an external scope, which another registry holds.
     */
    private static List<String> notes(CheckReport report, Style style) {
        return report.externalDependencies().stream().map(dependency -> describe(dependency, style)).toList();
    }

    /**
     * How the summary writes what comes from the pull request: names, versions and paths set off
     * as {@code code}, free text (a yank's reason) as it is, and an entry of a list registry.json keeps as written,
     * whatever it holds (a reserved name, an external scope), as {@code quoted}, which shows one that is empty or
     * starts or ends with a space; Markdown makes each show what the author wrote, without HTML or formatting of the
     * author's own.
     */
    record Style(UnaryOperator<String> code, UnaryOperator<String> text, UnaryOperator<String> quoted) {

        /**
         * Control characters spelt out, since a terminal would act on them rather than show them, and in
         * names and paths invisible characters too, since a name shown with them reads as another; Markdown spells
         * them out as well, since it is shown in a terminal too, and a bidi control in the comment would show the
         * rest of its line in another order.
         */
        static final Style PLAIN = new Style(TerminalText::path, TerminalText::line,
                entry -> "'" + TerminalText.path(entry) + "'");
        static final Style MARKDOWN = new Style(CheckReportView::markdownCode,
                text -> MarkdownReport.text(TerminalText.line(ProblemReport.abbreviated(text, QUOTE_SHOWN))),
                // a code span cannot be empty: two backticks would show as they are, telling nothing
                entry -> entry.isEmpty() ? "''" : markdownCode(entry));

        Style {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(quoted, "quoted");
        }
    }

    /** A name, version or path of the pull request as a code span of the Markdown, cut as {@link #QUOTE_SHOWN} says. */
    private static String markdownCode(String code) {
        return MarkdownReport.code(TerminalText.path(ProblemReport.abbreviated(code, QUOTE_SHOWN)));
    }

    /**
     * An added version as what it is to the registry: a version of a new package, a new one of a package the registry
     * has, or one whose number was published and deleted before, restored with its files or reused with others.
     */
    private static String added(CheckReport report, PackageVersion version, UnaryOperator<String> code) {
        Optional<ReaddedVersion> readded = report.readded(version);
        if (readded.isEmpty()) {
            return (report.newPackages().contains(version.name()) ? "adds the new package " : "adds ")
                    + versionOf(version, code);
        }
        Removal removal = readded.get().removal();
        String history = publishedIn(removal.publication(), code) + " and deleted in commit "
                + code.apply(RegistryRepository.shortId(removal.removedIn().name()));
        Version published = readded.get().publishedAs();
        if (readded.get().sameFiles()) {
            return "restores " + versionOf(version, code) + ", " + history;
        }
        return "reuses the number of " + versionOf(new PackageVersion(version.name(), published), code) + ", " + history
                + (published.equals(version.version()) ? ", with" : ", as " + code.apply(version.version().toString())
                + " (build metadata does not make another version) with") + " other files, which the check refuses";
    }

    /** {@code published in commit abc1234 (2026-03-01)}, the commit written in the style. */
    private static String publishedIn(Publication publication, UnaryOperator<String> code) {
        return "published in commit " + code.apply(RegistryRepository.shortId(publication.commit().name())) + " ("
                + publication.date() + ")";
    }

    /**
     * The summary's lines: first those changing the registry's settings or who may publish, which the comment never
     * cuts for the others (a maintainer added among 120 new packages was the 121st line, left out as one of "22
     * more"), then the rest.
     */
    private record Summary(List<String> rights, List<String> rest) {

        Summary {
            rights = List.copyOf(rights);
            rest = List.copyOf(rest);
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>(rights);
            lines.addAll(rest);
            return lines;
        }
    }

    /**
     * First, per changed settings file, registry.json and scopes.json, its line, then one per change to a setting or to
     * who may do what, and one per owner a meta.json adds or removes; then one line per added version ({@link #added})
     * or taken down one (with the reason its takedown record gives), per published version otherwise deleted or
     * changed, which a reviewer must see though the check refuses it, per file of one whose mode alone changes, which
     * the diff shows though the check lets it pass, per other change to a meta.json and per other changed path,
     * written in the style; a new path is worded as a new version is, since "changes" would suggest an earlier one
     * existed, and a deleted one says so. A meta.json that does not read in full is listed even when some of its
     * changes are told, since they are not all of them.
     */
    private static Summary summary(CheckReport report, Style style) {
        UnaryOperator<String> code = style.code();
        List<String> rights = new ArrayList<>();
        report.otherChanges().stream().filter(SETTINGS_FILES::contains).forEach(path -> {
            rights.add(verb(report, path) + code.apply(path));
            report.settingsChanges().stream().filter(change -> change.file().equals(path))
                    .forEach(change -> rights.add(describe(change, style)));
        });
        report.metaChanges().stream().filter(MetaChange::changesOwners)
                .forEach(change -> rights.add(describe(change, style)));
        List<String> lines = new ArrayList<>();
        report.added().forEach(version -> lines.add(added(report, version, code)));
        for (Takedown takedown : report.takenDown()) {
            lines.add("takes down " + versionOf(takedown.version(), code) + takedown.publication()
                    .map(where -> ", " + publishedIn(where, code)).orElse("")
                    + record(report, takedown).map(record -> note(record, style)).orElse(""));
        }
        for (PackageVersion version : report.deletedVersions()) {
            lines.add("deletes " + versionOf(version, code) + ", a published version, which the check refuses");
        }
        for (PackageVersion version : report.changedVersions()) {
            lines.add("changes files of " + versionOf(version, code) + ", a published version, which the check"
                    + " refuses");
        }
        for (ModeChange change : report.modeChanges()) {
            // of the files whose mode alone changes, the meta.json files alone lie outside version folders
            lines.add("changes the mode of " + code.apply(change.path()) + " from " + change.from() + " to "
                    + change.to() + (report.otherChanges().contains(change.path())
                    ? " (read as before: a file's mode makes no difference)"
                    : " (not packed: files are packed as 0644)"));
        }
        // a takedown's record, told on its line above, would only repeat it
        report.metaChanges().stream().filter(change -> !change.changesOwners() && report.takenDown().stream()
                .noneMatch(takedown -> change.recordsTakedownOf(takedown.version())))
                .forEach(change -> lines.add(takenDownWith(report, change)
                        ? describeGoingWithTakedown(change, code) : describe(change, style)));
        // a meta.json whose changes or mode change are told above is not listed again; one changed only in form is
        Set<String> told = Stream.concat(report.metaChanges().stream()
                        .map(change -> RepositoryLayout.metaFile(change.name())),
                        report.modeChanges().stream().map(ModeChange::path))
                .filter(path -> !report.unreadable().contains(path)).collect(Collectors.toSet());
        report.otherChanges().stream().filter(path -> !told.contains(path) && !SETTINGS_FILES.contains(path))
                .forEach(path -> lines.add(verb(report, path) + code.apply(path)
                        + (report.unreadable().contains(path) ? unreadable(report, path) : "")));
        return new Summary(rights, lines);
    }

    /** A meta.json change's line of the summary, with names, versions and logins set off as code in the style. */
    static String describe(MetaChange change, Style style) {
        UnaryOperator<String> code = style.code();
        String pkg = code.apply(change.name().toString());
        String what = code.apply(change.target());
        Optional<String> was = change.was();
        String note = note(change, style);
        return switch (change.action()) {
            case TAGS -> "points the dist-tag " + code.apply(change.detail()) + " of " + pkg + " at " + what
                    + was.map(version -> " (it pointed at " + code.apply(version) + ")").orElse("");
            case UNTAGS -> "removes the dist-tag " + code.apply(change.detail()) + " of " + pkg
                    + " (it pointed at " + what + ")" + (change.detail().equals(Packument.LATEST)
                    ? change.becomes().map(version -> ", so latest is " + code.apply(version) + ", the highest"
                    + " version that is neither a pre-release nor yanked").orElse(", so latest goes away: no version is"
                    + " left that is neither a pre-release nor yanked") : "");
            case YANKS -> (was.isEmpty() ? "yanks " : "changes the reason for the yank of ") + pkg + " " + what + note;
            case UNYANKS -> "takes back the yank of " + pkg + " " + what;
            case DEPRECATES -> (was.isEmpty() ? "deprecates " : "changes the deprecation message of ") + pkg
                    + " " + what + note;
            case UNDEPRECATES -> "takes back the deprecation of " + pkg + " " + what;
            case RECORDS_TAKEDOWN -> (was.isEmpty() ? "records the takedown of "
                    : "changes the reason for the takedown of ") + pkg + " " + what + note;
            case REMOVES_TAKEDOWN_RECORD -> "removes the takedown record of " + pkg + " " + what;
            // a line of its own, which the yank or takedown moving latest need not come right before
            case MOVES_LATEST -> change.target().isEmpty() ? "leaves " + pkg + " without latest (it pointed at "
                    + code.apply(was.orElseThrow()) + "): no version is left that is neither a pre-release nor yanked"
                    : "moves latest of " + pkg + " to " + what + " (it pointed at " + code.apply(was.orElseThrow())
                    + "), the highest version that is neither a pre-release nor yanked, as no dist-tag names it";
            case ADDS_OWNER -> "adds " + what + " to the owners of " + pkg;
            case REMOVES_OWNER -> "removes " + what + " from the owners of " + pkg;
        };
    }

    /**
     * Whether the change removes the yank or deprecation of a version the pull request takes down, as the takedown
     * asks: it withdraws nothing and makes nothing installable again, which "takes back the yank" would suggest.
     */
    private static boolean takenDownWith(CheckReport report, MetaChange change) {
        return (change.action() == MetaChange.Action.UNYANKS || change.action() == MetaChange.Action.UNDEPRECATES)
                && report.takenDown().stream().anyMatch(takedown -> takedown.version().name().equals(change.name())
                && takedown.version().version().toString().equals(change.target()));
    }

    /** {@code removes the yank of `tool` `1.0.0` along with the version, which it takes down}. */
    private static String describeGoingWithTakedown(MetaChange change, UnaryOperator<String> code) {
        return "removes the " + (change.action() == MetaChange.Action.UNYANKS ? "yank" : "deprecation") + " of "
                + code.apply(change.name().toString()) + " " + code.apply(change.target())
                + " along with the version, which it takes down";
    }

    /**
     * A meta.json change's reason, message or text, after a colon, on one line, as clients show it: a tab as it is, a
     * line break spelt {@code ^J} by the style, which would otherwise end the summary's list item; nothing when it is
     * blank.
     */
    private static String note(MetaChange change, Style style) {
        return change.detail().isBlank() ? "" : ": " + style.text().apply(change.detail().strip());
    }

    /**
     * A settings change's line of the summary, with fields, logins, scopes and teams set off as code in the style, and
     * a text field's values too, which are the file's own text, and reserved names and external scopes quoted, which
     * registry.json keeps as written, an empty one too; a number or a flag is shown as it is.
     */
    private static String describe(SettingsChange change, Style style) {
        UnaryOperator<String> code = style.code();
        String what = code.apply(change.target());
        String entry = style.quoted().apply(change.target());
        String where = code.apply(change.place());
        String value = change.value();
        String was = change.was();
        return switch (change.action()) {
            case CHANGES_FIELD -> "changes " + what + " from " + code.apply(was) + " to " + code.apply(value);
            case SETS_FIELD -> "sets " + what + " to " + value;
            case LOWERS_FIELD -> "lowers " + what + " from " + was + " to " + value;
            case RAISES_FIELD -> "raises " + what + " from " + was + " to " + value;
            case ADDS_MAINTAINER -> "adds " + what + " to the maintainers";
            case REMOVES_MAINTAINER -> "removes " + what + " from the maintainers";
            case ADDS_RESERVED_NAME -> "adds " + entry + " to the reserved names";
            case REMOVES_RESERVED_NAME -> "removes " + entry + " from the reserved names";
            case ADDS_EXTERNAL_SCOPE -> "adds " + entry + " to the external scopes, whose packages another registry"
                    + " holds";
            case REMOVES_EXTERNAL_SCOPE -> "removes " + entry + " from the external scopes";
            case ADDS_SCOPE -> "adds the scope " + what;
            case REMOVES_SCOPE -> "removes the scope " + what;
            case ADDS_OWNER -> "adds " + what + " to the owners of " + where;
            case REMOVES_OWNER -> "removes " + what + " from the owners of " + where;
            case ADDS_SCOPE_TEAM -> "adds the team " + what + " to the teams of " + where;
            case REMOVES_SCOPE_TEAM -> "removes the team " + what + " from the teams of " + where;
            case ADDS_TEAM -> "adds the team " + what;
            case REMOVES_TEAM -> "removes the team " + what;
            case ADDS_MEMBER -> "adds " + what + " to the team " + where;
            case REMOVES_MEMBER -> "removes " + what + " from the team " + where;
        };
    }

    /** An external dependency's note, with names, versions and the range set off as code in the style. */
    private static String describe(ExternalDependency dependency, Style style) {
        UnaryOperator<String> code = style.code();
        int references = dependency.fileReferences();
        String files = references == 0 ? "" : ", nor the " + (references == 1 ? "file" : references
                + " files") + " its prompts take from it";
        return versionOf(dependency.dependent(), code) + " depends on " + code.apply(dependency.dependency().toString())
                + " " + code.apply(dependency.range()) + ", of the external scope "
                + code.apply(dependency.dependency().scopeWithAt()) + " (" + code.apply("policy."
                + RegistryConfig.EXTERNAL_SCOPES) + " of " + code.apply(RegistryConfig.FILE) + "): the check reads"
                + " this registry alone and cannot verify another offline, so neither that it has a version the range"
                + " allows nor what that depends on is checked" + files;
    }

    /** An action as the JSON report writes it, such as {@code adds_owner}. */
    private static String actionName(Enum<?> action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    /** {@code `name` version `1.0.0`}, in the style's code. */
    private static String versionOf(PackageVersion version, UnaryOperator<String> code) {
        return code.apply(version.name().toString()) + " version " + code.apply(version.version().toString());
    }

    /** The record of {@code "takenDown"} that the pull request adds for the takedown, if it adds one. */
    private static Optional<MetaChange> record(CheckReport report, Takedown takedown) {
        return report.metaChanges().stream().filter(change -> change.recordsTakedownOf(takedown.version())).findFirst();
    }

    /**
     * Why a meta.json is not read in full: as a whole, where an error is at the whole document (its syntax, its
     * encoding, its size), or for errors in its entries, which a document that parsed has ({@code "Beta"}, no tag a
     * client can ask for), and which "does not read" would misstate.
     */
    private static String unreadable(CheckReport report, String path) {
        return report.problems().stream().anyMatch(problem -> problem.isError() && problem.file().equals(path)
                && problem.pointer().isEmpty()) ? UNREADABLE : WITH_ERRORS;
    }

    private static String verb(CheckReport report, String path) {
        if (report.newPaths().contains(path)) {
            return "adds ";
        }
        return report.deletedPaths().contains(path) ? "deletes " : "changes ";
    }
}
