package io.prompd.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.cli.ProgressLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildProgressLineTest {

    /** The workers count in turn, but tell their counts in any order: 200 may come after 300. */
    @Test
    void theCountShownNeverGoesBack() {
        StringWriter written = new StringWriter();
        PrintWriter err = new PrintWriter(written);
        BuildProgressLine progress = new BuildProgressLine(Optional.of(new ProgressLine(err, 80)), err, "out");

        progress.packageBuilt(100, 301);
        progress.packageBuilt(300, 301);
        progress.packageBuilt(200, 301);
        progress.packageBuilt(299, 301);
        progress.packageBuilt(301, 301);

        assertEquals("\rbuilding packages: 100/301\rbuilding packages: 300/301\rbuilding packages: 301/301",
                written.toString());
    }
}
