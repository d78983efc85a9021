package io.prompd.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void aRestatedProblemReplacesTheOneFoundWithItsHint() {
        Problem first = Problem.error("a.prmd", "/inherits", "not a prompt file", "inherit from a prompt file");
        Problem other = Problem.error("a.prmd", "/id", "no id", "add one");
        Problem restated = Problem.error("a.prmd", "/inherits", "not a prompt file", "did you mean 'a.prmd'?");
        Problem elsewhere = restated.atLine(7);

        assertEquals(List.of(restated, other, elsewhere),
                Problems.restating(List.of(first, other), List.of(restated, elsewhere)));
    }
}
