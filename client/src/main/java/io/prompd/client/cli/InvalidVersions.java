package io.prompd.client.cli;

import io.prompd.cli.Failures;
import io.prompd.client.install.ProjectGraph;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.version.VersionRange;
import java.io.PrintWriter;
import java.util.List;

/**
 * How list and tree mark a locked version outside a range asking for it, which npm calls invalid:
 * prompd.json was edited, by hand or by a merge, since prompd.lock was written. Both exit 1 then, as
 * {@code npm ls} does, so that a script or CI step notices a lock that no longer matches.
 */
final class InvalidVersions {

    private static final String HINT = "run 'prompd install' to lock versions within the ranges";

    private InvalidVersions() {
    }

    /** {@code invalid: outside ^1.0.0, run 'prompd install'}. */
    static String note(List<VersionRange> unmet) {
        return "invalid: outside " + series(unmet) + ", run 'prompd install'";
    }

    /** Says on {@code err} which entries are invalid, if any; the exit code of list and tree. */
    static int exitCode(List<ProjectGraph.Entry> entries, PrintWriter err) {
        List<String> invalid = entries.stream().filter(ProjectGraph.Entry::invalid)
                .map(entry -> entry.name() + "@" + entry.version() + " is outside " + series(entry.unmet()))
                .toList();
        if (invalid.isEmpty()) {
            return ExitCode.OK.code();
        }
        err.println(Failures.describe(new PrompdException(ExitCode.FAILURE, "prompd.lock does not match prompd.json: "
                + String.join("; ", invalid), HINT)));
        return ExitCode.FAILURE.code();
    }

    private static String series(List<VersionRange> ranges) {
        return Plural.series(ranges.stream().map(VersionRange::text).toList(), "and");
    }
}
