package io.prompd.core.prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * The faults of one template, shared by its readers so that they come out in the order of the body whichever reader
 * finds each, as a writer fixing them from the top expects.
 */
final class TemplateFaults {

    private final BodyLines lines;
    private final List<TemplateFault> found = new ArrayList<>();

    TemplateFaults(BodyLines lines) {
        this.lines = lines;
    }

    /** @param offset where in the body the fault is, placed at its file line */
    void add(int offset, String message, String hint) {
        found.add(new TemplateFault(lines.fileLine(offset), message, hint));
    }

    List<TemplateFault> all() {
        return List.copyOf(found);
    }
}
