package io.prompd.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    private final StringWriter written = new StringWriter();
    private final TerminalProgress progress = new TerminalProgress(new PrintWriter(written), "core-1.0.0.tgz");

    @Test
    void drawsABarWithPercentAndSizes() {
        progress.started(4096);
        progress.advanced(1024);

        assertEquals("core-1.0.0.tgz [######------------------]  25% 1.0 KiB / 4.0 KiB", progress.line());
    }

    @Test
    void redrawsInPlaceAndEndsTheLineWhenFinished() {
        progress.started(2048);
        progress.advanced(2048);
        progress.finished();

        String[] draws = written.toString().split("\r", -1);
        assertEquals("", draws[0]);
        assertEquals("core-1.0.0.tgz [------------------------]   0% 0 B / 2.0 KiB", draws[1]);
        assertEquals("core-1.0.0.tgz [########################] 100% 2.0 KiB / 2.0 KiB" + System.lineSeparator(), draws[2]);
    }

    @Test
    void anUnknownTotalShowsTheBytesSoFar() {
        progress.started(-1);
        progress.advanced(3 * 1024 * 1024 / 2);

        assertEquals("core-1.0.0.tgz 1.5 MiB", progress.line());
    }

    @Test
    void doesNotRedrawAnUnchangedLine() {
        progress.started(10L << 30);
        progress.advanced(1 << 20);
        progress.advanced(1024);

        assertEquals(2, written.toString().chars().filter(c -> c == '\r').count());
    }

    @Test
    void wipesWhatALongerLineLeftBehind() {
        progress.started(-1);
        progress.advanced(5 * 1024 * 1024);
        progress.started(-1);

        assertEquals("\rcore-1.0.0.tgz 0 B" + "\rcore-1.0.0.tgz 5.0 MiB" + "\rcore-1.0.0.tgz 0 B    ", written.toString());
    }

    @Test
    void finishingWithoutDrawingWritesNothing() {
        progress.finished();

        assertEquals("", written.toString());
    }
}
