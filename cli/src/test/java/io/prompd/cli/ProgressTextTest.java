package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProgressTextTest {

    private final ProgressText install = ProgressText.of("installing", 1, 4, ", 2.5 KiB downloaded");

    @Test
    void aWideTerminalGetsTheWholeBarTheCountsAndTheDetails() {
        assertEquals("installing [######------------------] 1/4, 2.5 KiB downloaded", install.fitted(200));
        assertEquals("building packages: 8/8", ProgressText.of("building packages", "8/8").fitted(200));
        assertEquals("installing [########################] 0/0", ProgressText.of("installing", 0, 0, "").fitted(80),
                "nothing to install is all of it");
    }

    /**
     * A line cut at the terminal's width kept the bar and lost the numbers, what a screen reader needs: the bar
     * shrinks, then goes, then the details and the label; the counts are kept as long as they fit.
     */
    @Test
    void aNarrowTerminalLosesTheBarFirstAndTheCountsLast() {
        assertEquals("installing [####--------------] 1/4, 2.5 KiB downloaded", install.fitted(55));
        assertEquals("installing [##------] 1/4, 2.5 KiB downloaded", install.fitted(45));
        assertEquals("installing: 1/4, 2.5 KiB downloaded", install.fitted(44), "no bar narrower than 8");
        assertEquals("installing: 1/4, 2.5 KiB downloaded", install.fitted(37), "COLUMNS=40");
        assertEquals("installing: 1/4", install.fitted(34));
        assertEquals("1/4", install.fitted(14));
        assertEquals("1/", install.fitted(2));
        assertEquals("8/8", ProgressText.of("building packages", "8/8").fitted(17), "COLUMNS=20");
        assertEquals("5 packages read", ProgressText.of("resolving", "5 packages read").fitted(17));
    }

    @Test
    void moreDoneThanThereIsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProgressText.of("installing", 5, 4, ""));
    }
}
