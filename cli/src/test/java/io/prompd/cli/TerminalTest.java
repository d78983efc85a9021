package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void terminalsAreTheDevicesAPersonReads() {
        assertTrue(Terminal.isTerminalDevice("/dev/pts/3"));
        assertTrue(Terminal.isTerminalDevice("/dev/tty1"));
        assertTrue(Terminal.isTerminalDevice("/dev/console"));
        assertFalse(Terminal.isTerminalDevice("pipe:[48211]"));
        assertFalse(Terminal.isTerminalDevice("socket:[48212]"));
        assertFalse(Terminal.isTerminalDevice("/tmp/install.log"));
        assertFalse(Terminal.isTerminalDevice("/dev/null"));
    }

    @Test
    void aTestRunsStandardErrorIntoAPipeOrAFileNotATerminal() {
        // surefire captures the forked JVM's standard error
        assertFalse(Terminal.isStandardError());
    }

    @Test
    void theColumnsAreTheExportedOnesElseTheMeasuredOnesElseEighty() {
        assertEquals(40, Terminal.columns("40", "120"));
        assertEquals(120, Terminal.columns(null, "120"));
        assertEquals(120, Terminal.columns("wide", "120"), "COLUMNS that is no width is passed over");
        assertEquals(120, Terminal.columns("0", "120"));
        assertEquals(80, Terminal.columns(null, null));
        assertEquals(80, Terminal.columns("", ""));
    }

    @Test
    void helpIsAsWideAsTheColumnsExportedOrMeasuredForATerminalWithinABoundAndEightyWhenPiped() {
        assertEquals(100, Terminal.helpColumns("100", "140", false), "COLUMNS is the person's word, piped too");
        assertEquals(120, Terminal.helpColumns(null, "140", true), "no wider than 120");
        assertEquals(90, Terminal.helpColumns(null, "90", true));
        assertEquals(80, Terminal.helpColumns(null, "90", false), "piped, whatever the window's width");
        assertEquals(55, Terminal.helpColumns("50", null, false), "no narrower than picocli lays out");
        assertEquals(80, Terminal.helpColumns(null, null, true));
    }

    @Test
    void aTestRunsStandardOutputIntoAPipeOrAFileNotATerminal() {
        assertFalse(Terminal.isStandardOutput());
    }
}
