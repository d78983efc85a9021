package io.prompd.generator.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.core.json.Json;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.ProblemReport;
import io.prompd.generator.source.PackageVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A {@link CheckReport} as text for a terminal, Markdown for the pull request's comment, or JSON for scripts. */
public final class CheckReportRenderer {

    private static final int SHORT_ID = 7;

    private CheckReportRenderer() {
    }

    /** The summary of what the pull request does, then the problems grouped by file. */
    public static String text(CheckReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.passed() ? "PASSED" : "FAILED").append(": registry check of ").append(shortId(report.head()))
                .append(" against ").append(shortId(report.mergeBase())).append('\n');
        summary(report, UnaryOperator.identity()).forEach(line -> out.append("  ").append(line).append('\n'));
        out.append('\n').append(ProblemReport.text(report.problems()));
        return out.toString();
    }

    /** A title with the verdict, what the pull request adds and changes, then the problems. */
    public static String markdown(CheckReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(report.passed() ? "✅ Registry check passed" : "❌ Registry check failed").append("\n\n");
        out.append("Checked `").append(shortId(report.head())).append("` against the merge base `")
                .append(shortId(report.mergeBase())).append("`.\n\n");
        // A path is the pull request's text: a backtick in it must not end the code span early.
        List<String> summary = summary(report, text -> "`" + text.replace('`', '\'') + "`");
        if (!summary.isEmpty()) {
            out.append("**This pull request**\n\n");
            summary.forEach(line -> out.append("- ").append(line).append('\n'));
            out.append('\n');
        }
        out.append(ProblemReport.markdown(report.problems()));
        return out.toString();
    }

    /** {@code {"ok": ..., "added": [{"name", "version"}], "newPackages", "otherChanges", "problems": [...]}}. */
    public static String json(CheckReport report) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("ok", report.passed());
        root.put("mergeBase", report.mergeBase());
        root.put("head", report.head());
        ArrayNode added = root.putArray("added");
        for (PackageVersion version : report.added()) {
            added.addObject().put("name", version.name().toString()).put("version", version.version().toString())
                    .put("newPackage", report.newPackages().contains(version.name()));
        }
        ArrayNode other = root.putArray("otherChanges");
        report.otherChanges().forEach(other::add);
        ArrayNode problems = root.putArray("problems");
        for (Problem problem : report.problems()) {
            problems.addObject().put("severity", problem.severity().label()).put("file", problem.file())
                    .put("pointer", problem.pointer()).put("line", problem.line()).put("message", problem.message())
                    .put("hint", problem.hint());
        }
        return new String(Json.write(root), StandardCharsets.UTF_8);
    }

    /** One line per added version and per other changed path, with names and paths set off by {@code code}. */
    private static List<String> summary(CheckReport report, UnaryOperator<String> code) {
        List<String> lines = new ArrayList<>();
        for (PackageVersion version : report.added()) {
            lines.add((report.newPackages().contains(version.name()) ? "adds the new package " : "adds ")
                    + code.apply(version.name().toString()) + " version " + code.apply(version.version().toString()));
        }
        report.otherChanges().forEach(path -> lines.add("changes " + code.apply(path)));
        return lines;
    }

    private static String shortId(String commit) {
        return commit.substring(0, Math.min(SHORT_ID, commit.length()));
    }
}
