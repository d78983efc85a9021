package io.prompd.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateFaultsTest {

    private final String body = "line 1\nline 2\nline 3";
    private final TemplateFaults faults = new TemplateFaults(new BodyLines(body, 1));

    /** A defect of a reader is told at the line of the piece it was reading, and the pieces after it are read. */
    @Test
    void aReadingThatFailsIsADefectAtItsLineAndTheReadingGoesOn() {
        faults.guard(7, () -> {
            throw new StringIndexOutOfBoundsException("begin 5, end 4, length 17");
        });
        faults.guard(14, () -> faults.add(14, "a fault", "a hint"));

        assertEquals(List.of(new TemplateFault(2, "the template check failed here, a defect of prompd"
                + " (StringIndexOutOfBoundsException: begin 5, end 4, length 17); what it could not read is left"
                + " unchecked", "report it as a bug, with the text of this line")), faults.defects());
        assertEquals(List.of(new TemplateFault(3, "a fault", "a hint")), faults.all());
    }
}
