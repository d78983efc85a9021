package io.prompd.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateLexerTest {

    /** What the lexer hands on, one line each, offsets included; an empty stretch of text is no piece of the body. */
    private static final class Recorder implements TemplateLexer.Reader {

        private final String body;
        private final List<String> pieces = new ArrayList<>();

        Recorder(String body) {
            this.body = body;
        }

        @Override
        public void text(int start, int end) {
            if (start < end) {
                pieces.add("text '" + body.substring(start, end) + "' at " + start);
            }
        }

        @Override
        public void print(String expression, int offset) {
            pieces.add("print '" + expression + "' at " + offset);
        }

        @Override
        public void statement(String written, String rest, int offset, int restOffset) {
            pieces.add(written + " '" + rest + "' at " + offset + ", rest at " + restOffset);
        }
    }

    private static List<String> lex(String body, TemplateFaults faults) {
        Recorder recorder = new Recorder(body);
        new TemplateLexer(body, faults).lex(recorder);
        return recorder.pieces;
    }

    private static TemplateFaults faults(String body) {
        return new TemplateFaults(new BodyLines(body, 1));
    }

    @Test
    void handsOnTextPrintsAndStatementsWithTheirOffsetsWithoutWhitespaceControlMarksOrComments() {
        String body = "a {{- x }} b {% if y -%}c{# {{ n }} #}d";

        assertEquals(List.of("text 'a ' at 0", "print ' x ' at 5", "text ' b ' at 10", "if ' y ' at 13, rest at 18",
                "text 'c' at 24", "text 'd' at 38"), lex(body, faults(body)));
    }

    /** Jinja's '+' marks only a block tag: in a print it is an operator, handed on as part of the expression. */
    @Test
    void aPlusIsAWhitespaceControlMarkOfAStatementOnly() {
        String body = "{% if y +%}{{+ x +}}";

        assertEquals(List.of("if ' y ' at 0, rest at 5", "print '+ x +' at 13"), lex(body, faults(body)));
    }

    @Test
    void aRawBlockIsTextUpToItsOwnEndWhichIsHandedOnAsAStatement() {
        String body = "{% verbatim %}{{ x }}{% endraw %}{% endverbatim -%}after";

        assertEquals(List.of("verbatim ' ' at 0, rest at 11", "endverbatim '' at 33, rest at 51", "text 'after' at 51"),
                lex(body, faults(body)));
    }

    @Test
    void aRawBlockNeverEndedLeavesTheRestOfTheBodyUnread() {
        String body = "{% raw %}{{ x }} {x}";

        assertEquals(List.of("raw ' ' at 0, rest at 6"), lex(body, faults(body)));
    }

    @Test
    void aDelimiterInsideAStringDoesNotCloseTheTag() {
        String body = "{{ '}}' }}{% set a = '%}' %}";

        assertEquals(List.of("print ' '}}' ' at 2", "set ' a = '%}' ' at 10, rest at 16"), lex(body, faults(body)));
    }

    @Test
    void aDelimiterNeverClosedIsAFaultAtItsLineAndEndsTheLexing() {
        String body = "text\n{% if a }\n{{ b }}";
        TemplateFaults faults = faults(body);

        assertEquals(List.of("text 'text\n' at 0"), lex(body, faults));
        assertEquals(List.of(new TemplateFault(2, "'{%' is never closed with '%}'",
                "close it with '%}', or write a literal '{%' as {{ '{%' }}")), faults.all());
    }

    @Test
    void aStatementWithoutANameIsAFaultAndNotHandedOn() {
        String body = "{% 'x' %}";
        TemplateFaults faults = faults(body);

        assertEquals(List.of(), lex(body, faults));
        assertEquals(List.of("'{% 'x' %}' names no tag"), faults.all().stream().map(TemplateFault::message).toList());
    }
}
