package io.prompd.core.template;

import java.util.ArrayList;
import java.util.List;

/**
 * The faults of one template, shared by its readers so that they come out in the order of the body whichever reader
 * finds each, as a writer fixing them from the top expects; and the defects of the readers themselves, each confined
 * to the piece of the body it was reading.
 */
final class TemplateFaults {

    private final BodyLines lines;
    private final List<TemplateFault> found = new ArrayList<>();
    private final List<TemplateFault> defects = new ArrayList<>();

    TemplateFaults(BodyLines lines) {
        this.lines = lines;
    }

    /** @param offset where in the body the fault is, placed at its file line */
    void add(int offset, String message, String hint) {
        found.add(new TemplateFault(lines.fileLine(offset), message, hint));
    }

    /**
     * Reads one piece of the body; a failure of the reading, a defect of Prompd's own, is told at the piece's line
     * and confined to it, rather than ending the whole validation with it, every other problem of every file unsaid.
     *
     * @param offset where the piece is
     */
    void guard(int offset, Runnable reading) {
        try {
            reading.run();
        } catch (RuntimeException | StackOverflowError defect) {
            String detail = defect.getMessage() == null ? "" : ": " + defect.getMessage();
            defects.add(new TemplateFault(lines.fileLine(offset), "the template check failed here, a defect of prompd ("
                    + defect.getClass().getSimpleName() + detail + "); what it could not read is left unchecked",
                    "report it as a bug, with the text of this line"));
        }
    }

    List<TemplateFault> all() {
        return List.copyOf(found);
    }

    /** Where reading failed, in the order of the body: {@link #guard}. */
    List<TemplateFault> defects() {
        return List.copyOf(defects);
    }
}
