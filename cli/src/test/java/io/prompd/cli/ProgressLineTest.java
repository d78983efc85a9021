package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final StringWriter written = new StringWriter();

    @Test
    void aMessageGetsALineOfItsOwnAndTheLineIsDrawnAgainBelowIt() {
        ProgressLine progress = new ProgressLine(new PrintWriter(written), 80);
        progress.show(ProgressText.of("installing", "1/4"));
        progress.say("waiting…");
        progress.clear();
        progress.say("after the install");

        String wipe = "\r" + " ".repeat("installing: 1/4".length()) + "\r";
        assertEquals("\rinstalling: 1/4" + wipe + "waiting…" + System.lineSeparator() + "\rinstalling: 1/4" + wipe
                + "after the install" + System.lineSeparator(), written.toString());
    }

    /**
     * At 20 columns, a line of 27 would wrap, and {@code \r} go back to the start of its second row only: each redraw
     * would leave a row behind. Fitted to 17, by the columns its characters take: the last column left free, and two
     * for the {@code ^C} a terminal echoes after it.
     */
    @Test
    void aLineIsFittedToThreeColumnsLessThanTheTerminalsWidth() {
        ProgressLine progress = new ProgressLine(new PrintWriter(written), 20);
        progress.show(ProgressText.of("building packages", "100/1000"));
        progress.show(ProgressText.of("building", "漢字 packages: 200/1000"));
        progress.clear();

        assertEquals("\r100/1000\r漢字 packages: 20\r" + " ".repeat(17) + "\r", written.toString());
    }

    /**
     * A line filling the terminal but its last column had the echoed {@code ^C} wrap to the next row, and the wipe
     * cleared that row alone, leaving the line above the shell's prompt: the wipe, line and ^C, fits on one row.
     */
    @Test
    void aFullLineIsWipedWithTheEchoedInterruptOnItsOwnRow() {
        List<Thread> hooks = new ArrayList<>();
        ProgressLine progress = new ProgressLine(new PrintWriter(written), 40, hooks::add);
        progress.show(ProgressText.of("installing", 0, 8, ", 9.8 KiB"));

        hooks.get(0).run();

        assertEquals("\rinstalling [-----------] 0/8, 9.8 KiB\r" + " ".repeat(37 + 2) + "\r", written.toString());
    }

    @Test
    void aLineShorterThanTheOneBeforeWipesWhatIsLeftOfIt() {
        ProgressLine progress = new ProgressLine(new PrintWriter(written), 80);
        progress.show(ProgressText.of("resolving", "12 packages read"));
        progress.show(ProgressText.of("installing", "0/4"));

        assertEquals("\rresolving: 12 packages read\rinstalling: 0/4" + " ".repeat(12), written.toString());
    }

    /** Emacs's compilation buffer and other readers of lines show {@code \r} as {@code ^M}: no line is redrawn there. */
    @Test
    void aDumbTerminalGetsNoProgressLine() {
        PrintWriter err = new PrintWriter(written);
        assertTrue(ProgressLine.on(err, Map.of("TERM", "dumb"), true).isEmpty());
        assertTrue(ProgressLine.on(err, Map.of("TERM", "xterm-256color"), false).isEmpty(), "nor a pipe or file");
        assertTrue(ProgressLine.on(err, Map.of("TERM", "xterm-256color"), true).isPresent());
        assertTrue(ProgressLine.on(err, Map.of(), true).isPresent(), "a terminal that names no TERM, as cargo takes it");
    }

    /**
     * Ctrl-C or kill during an install left the line with the shell's prompt after it: the hook the JVM runs on its
     * way out wipes it, and the {@code ^C} the terminal echoed after it, and the threads still at work draw no more.
     */
    @Test
    void theLineIsWipedWhenTheProgramIsStopped() {
        List<Thread> hooks = new ArrayList<>();
        ProgressLine progress = new ProgressLine(new PrintWriter(written), 80, hooks::add);
        progress.show(ProgressText.of("installing", "1/4"));
        progress.show(ProgressText.of("installing", "2/4"));
        assertEquals(1, hooks.size(), "one hook, from the first draw");

        hooks.get(0).run();
        progress.show(ProgressText.of("installing", "3/4"));

        assertEquals("\rinstalling: 1/4\rinstalling: 2/4\r" + " ".repeat("installing: 2/4".length() + 2) + "\r",
                written.toString());
    }

    @Test
    void aLineNeverDrawnRegistersNoHook() {
        List<Thread> hooks = new ArrayList<>();
        new ProgressLine(new PrintWriter(written), 80, hooks::add).say("waiting…");
        assertTrue(hooks.isEmpty());
    }
}
