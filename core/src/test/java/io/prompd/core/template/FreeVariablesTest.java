package io.prompd.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreeVariablesTest {

    private final FreeVariables variables = new FreeVariables();

    @Test
    void eachFreeNameIsKeptAtTheOffsetOfItsFirstUseInOrderNotAnAttributeFilterOrKeywordArgument() {
        variables.expression("b + a.c | upper + b", 10);
        variables.expression("a + d(k=1)", 40);

        assertEquals(List.of(Map.entry("b", 10), Map.entry("a", 14), Map.entry("d", 44)),
                List.copyOf(variables.firstUses().entrySet()));
    }

    @Test
    void closingScopesFreesTheNamesBoundInsideThem() {
        int before = variables.scopeDepth();
        variables.forLoop(" item in items", 0);
        assertTrue(variables.isBound("item"));

        variables.closeScopes(before);

        assertFalse(variables.isBound("item"));
        variables.expression("item", 7);
        assertEquals(Map.of("items", 9, "item", 7), variables.firstUses());
    }

    @Test
    void aSetBindsItsNameInTheScopeWhereItStandsAndReadsItsValue() {
        variables.assignment(" total = price * 2", 0);

        assertTrue(variables.isBound("total"));
        assertEquals(Map.of("price", 9), variables.firstUses());
    }

    @Test
    void keywordsLiteralsInAnyCaseAndGlobalsAreNoCallersVariables() {
        for (String name : List.of("not", "None", "TRUE", "loop", "range")) {
            assertTrue(variables.isBound(name), name);
        }
        assertFalse(variables.isBound("topic"));
    }
}
