package io.prompd.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BlockStructureTest {

    private final String body = "line 1\nline 2\nline 3";
    private final BodyLines lines = new BodyLines(body, 1);
    private final TemplateFaults faults = new TemplateFaults(lines);
    private final BlockStructure blocks = new BlockStructure(faults, lines);

    @Test
    void anEndGivesBackTheScopesOpenBeforeItsBlockAlsoThroughAnInnerBlockLeftOpen() {
        assertEquals(OptionalInt.empty(), blocks.fit("for", "for", " a in b", true, 0, 1));
        assertEquals(OptionalInt.empty(), blocks.fit("if", "if", " a", true, 7, 2));

        assertEquals(OptionalInt.of(1), blocks.fit("endfor", "endfor", "", true, 14, 3));
        assertEquals(List.of(new TemplateFault(2, "{% if %} is never closed: {% endfor %} on line 3 comes first",
                "add {% endif %} before it")), faults.all());
    }

    @Test
    void anEndClosingNoBlockGivesBackNoScopes() {
        assertEquals(OptionalInt.empty(), blocks.fit("with", "with", " a = 1", true, 0, 1));

        assertEquals(OptionalInt.empty(), blocks.fit("endfor", "endfor", "", true, 7, 2));
        assertEquals(List.of("{% endfor %} closes no {% for %}"), messages());
    }

    @Test
    void aSetWithAValueOpensNoBlockButOneWithoutDoes() {
        blocks.fit("set", "set", " a = 1", true, 0, 1);
        blocks.fit("set", "set", " b", true, 7, 1);
        blocks.closeAtTemplateEnd();

        assertEquals(List.of(new TemplateFault(2, "{% set %} is never closed",
                "add {% endset %} where the block ends")),
                faults.all());
    }

    /** {@code {% set %}} may have been meant to assign a value: whether it opens a block is unknown. */
    @Test
    void aSetThatDoesNotParseIsNeverToldNeverClosed() {
        blocks.fit("for", "for", " a in b", true, 0, 1);
        blocks.fit("set", "set", " ", false, 7, 2);
        blocks.fit("set", "set", " ", false, 8, 2);

        assertEquals(OptionalInt.of(1), blocks.fit("endfor", "endfor", "", true, 14, 2));
        blocks.fit("set", "set", " 1 2", false, 15, 1);
        blocks.closeAtTemplateEnd();
        assertEquals(List.of(), faults.all());
    }

    @Test
    void aNunjucksVariantStandsForItsJinjaTagButKeepsItsOwnEnd() {
        assertEquals("for", BlockStructure.standsFor("asyncEach"));
        assertEquals("if", BlockStructure.standsFor("if"));

        blocks.fit("asyncEach", "for", " i in items", true, 0, 1);
        blocks.closeAtTemplateEnd();
        assertEquals(List.of("{% asyncEach %} is never closed"), messages());
        assertEquals("add {% endeach %} where the block ends", faults.all().get(0).hint());
    }

    private List<String> messages() {
        return faults.all().stream().map(TemplateFault::message).toList();
    }
}
