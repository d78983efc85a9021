package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.cli.ProgressLine;
import io.prompd.client.http.ProgressListener;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class InstallProgressBarTest {

    private static final PackageName NAME = PackageName.parse("@acme/util");
    private static final Version VERSION = Version.parse("1.0.0");

    private final StringWriter written = new StringWriter();
    private final InstallProgressBar bar = new InstallProgressBar(new ProgressLine(new PrintWriter(written), 80), 4);

    @Test
    void countsPackagesInPlaceAndTheBytesOfEveryDownload() {
        ProgressListener first = bar.downloading(NAME, VERSION);
        ProgressListener second = bar.downloading(PackageName.parse("@acme/base"), VERSION);
        first.started(4096);
        second.started(-1);
        first.advanced(1024);
        second.advanced(2048);
        bar.installed(NAME, VERSION);

        assertEquals("installing [######------------------] 1/4, 3.0 KiB downloaded", bar.line().fitted(80));
    }

    @Test
    void aRetryTakesBackWhatTheFailedAttemptCounted() {
        ProgressListener download = bar.downloading(NAME, VERSION);
        download.started(2048);
        download.advanced(1500);
        download.started(2048);
        download.advanced(100);

        assertEquals("installing [------------------------] 0/4, 100 bytes downloaded", bar.line().fitted(80));
    }

    @Test
    void redrawsInPlaceOnlyWhenTheLineChangesAndWipesItAtTheEnd() {
        bar.installed(NAME, VERSION);
        bar.downloading(NAME, VERSION).started(100);
        bar.installed(NAME, VERSION);
        bar.close();

        String first = "installing [######------------------] 1/4";
        String second = "installing [############------------] 2/4";
        assertEquals("\r" + first + "\r" + second + "\r" + " ".repeat(second.length()) + "\r", written.toString());
    }

    /**
     * Cut at the terminal's width, the line kept the bar and lost the numbers, what a screen reader needs: the bar
     * gives way, the numbers stay, within three columns less than the width.
     */
    @Test
    void aNarrowTerminalGetsTheNumbersWithoutTheBar() {
        StringWriter narrow = new StringWriter();
        InstallProgressBar bar = new InstallProgressBar(new ProgressLine(new PrintWriter(narrow), 40), 4);
        bar.downloading(NAME, VERSION).advanced(14_643);
        bar.installed(NAME, VERSION);
        bar.close();

        String first = "installing: 0/4, 14.3 KiB downloaded";
        String second = "installing: 1/4, 14.3 KiB downloaded";
        assertEquals("\r" + first + "\r" + second + "\r" + " ".repeat(second.length()) + "\r", narrow.toString());
    }

    @Test
    void nothingIsDrawnOnceTheInstallHasEnded() {
        bar.close();
        bar.installed(NAME, VERSION);
        bar.downloading(NAME, VERSION).advanced(10);

        assertEquals("", written.toString());
    }
}
