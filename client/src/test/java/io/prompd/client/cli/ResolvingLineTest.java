package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.cli.ProgressLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ResolvingLineTest {

    private final StringWriter written = new StringWriter();
    private final ResolvingLine line = new ResolvingLine(new ProgressLine(new PrintWriter(written), 80));

    /** outdated drew 3, 5, 4, 5, 6 packages read: the fetching threads tell their counts in any order. */
    @Test
    void theCountShownNeverGoesBack() {
        line.reading(3);
        line.reading(5);
        line.reading(4);
        line.reading(6);

        assertEquals("\rresolving: 3 packages read\rresolving: 5 packages read\rresolving: 6 packages read",
                written.toString());
    }
}
