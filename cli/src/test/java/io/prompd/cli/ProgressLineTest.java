package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final StringWriter written = new StringWriter();

    @Test
    void aMessageGetsALineOfItsOwnAndTheLineIsDrawnAgainBelowIt() {
        ProgressLine progress = new ProgressLine(new PrintWriter(written), 80);
        progress.show("installing 1/4");
        progress.say("waiting…");
        progress.clear();
        progress.say("after the install");

        String wipe = "\r" + " ".repeat("installing 1/4".length()) + "\r";
        assertEquals("\rinstalling 1/4" + wipe + "waiting…" + System.lineSeparator() + "\rinstalling 1/4" + wipe
                + "after the install" + System.lineSeparator(), written.toString());
    }

    /**
     * At 20 columns, a line of 27 would wrap, and {@code \r} go back to the start of its second row only: each redraw
     * would leave a row behind. Cut to 19, by the columns its characters take.
     */
    @Test
    void aLineIsCutToOneColumnLessThanTheTerminalsWidth() {
        ProgressLine progress = new ProgressLine(new PrintWriter(written), 20);
        progress.show("building packages: 100/1000");
        progress.show("building packages: 200/1000");
        progress.show("漢字 building packages");
        progress.clear();

        assertEquals("\rbuilding packages: \r漢字 building packa\r" + " ".repeat(19) + "\r", written.toString());
    }

    @Test
    void aLineShorterThanTheOneBeforeWipesWhatIsLeftOfIt() {
        ProgressLine progress = new ProgressLine(new PrintWriter(written), 80);
        progress.show("resolving: 12 packages read");
        progress.show("installing 0/4");

        assertEquals("\rresolving: 12 packages read\rinstalling 0/4" + " ".repeat(13), written.toString());
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
}
