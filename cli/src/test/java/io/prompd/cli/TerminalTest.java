package io.prompd.cli;

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
}
