package io.prompd.generator.cli;

import io.prompd.cli.ProgressLine;
import io.prompd.cli.ProgressText;
import io.prompd.generator.build.BuildProgress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A build's progress: packages built out of all on one rewritten line, only for a person at a terminal, as logs and
 * pipes get the summary alone. Waiting for another build is said everywhere: a log should explain a pause too.
 */
final class BuildProgressLine implements BuildProgress {

    private final Optional<ProgressLine> line;
    private final PrintWriter stderr;
    /** The output folder as the messages name it. */
    private final String out;
    /** The most packages shown built: the workers tell their counts in any order, and the line must not go back. */
    private int shown;

    BuildProgressLine(Optional<ProgressLine> line, PrintWriter stderr, String out) {
        this.line = Objects.requireNonNull(line, "line");
        this.stderr = Objects.requireNonNull(stderr, "stderr");
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void packageBuilt(int done, int total) {
        if (done == total || done % 100 == 0) {
            line.ifPresent(progress -> show(progress, done, total));
        }
    }

    private synchronized void show(ProgressLine progress, int done, int total) {
        if (done > shown) {
            shown = done;
            progress.show(ProgressText.of("building packages", done + "/" + total));
        }
    }

    @Override
    public void waitingForAnotherBuild(Path lockFile, OptionalLong holder) {
        String message = "note: waiting for another build into " + out + " to finish ("
                + (holder.isPresent() ? "process " + holder.getAsLong() : "it") + " holds " + lockFile + ")";
        line.ifPresentOrElse(progress -> progress.say(message), () -> {
            stderr.println(message);
            stderr.flush();
        });
    }
}
