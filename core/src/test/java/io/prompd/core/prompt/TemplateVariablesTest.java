package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateVariablesTest {

    private static List<String> free(String body) {
        return TemplateVariables.freeVariables(body, 1).stream().map(VariableUse::name).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{{ x }}", "{{x}}", "{{- x -}}", "{{ x.y | filter }}", "{{ x|title }}", "{{ x['key'] }}",
        "{%- if x == \"a\" %}{% endif %}", "{% if 1 %}{% elif x %}{% endif %}", "{% for a in x %}{{ a }}{% endfor %}",
        "{x}", "{x.y}", "{{ x | default('none') }}", "{{ 'a' if x else 'b' }}", "{% include x %}",
        "```json\n{\"a\": \"{{ x }}\"}\n```"})
    void findsTheRootVariable(String body) {
        assertEquals(List.of("x"), free(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{{ 'x' }}", "{{ 42 }}", "{{ 1.5 }}", "{{ true }}", "{{ False }}", "{{ none }}", "{{ NULL }}",
        "{% for i in range(3) %}{{ loop.index }}{% endfor %}", "{# {{ x }} #}", "{% raw %}{{ x }}{% endraw %}",
        "{{x}", "{{", "{ x }", "{\"x\": 1}", "${x}", "`{x}`", "```\n{x}\n```", "~~~\n{x}\n~~~",
        "{% set v = 3 %}{{ v }}", "{% set v %}text{% endset %}{{ v }}",
        "{% macro m(a, b=2) %}{{ a }}{{ b }}{{ caller() }}{% endmacro %}{{ m(1) }}",
        "{% with a = 1 %}{{ a }}{% endwith %}", "{% from 'f' import m as n %}{{ n() }}",
        "{% import 'f' as lib %}{{ lib.m() }}", "{{ 3 | round(precision=2) }}",
        "{% if 1 is defined %}{% endif %}", "{% if 1 is not divisibleby(3) %}{% endif %}",
        "{{ '}}' }}"})
    void findsNoVariable(String body) {
        assertEquals(List.of(), free(body));
    }

    @Test
    void loopVariablesAreLocalToTheirLoop() {
        assertEquals(List.of("items", "item"), free("{% for item in items %}{{ item }}{% endfor %}{{ item }}"));
    }

    @Test
    void keyValueLoopsBindBothNames() {
        assertEquals(List.of("pairs"), free("{% for k, v in pairs.items() %}{{ k }}={{ v }}{% endfor %}"));
    }

    @Test
    void aNameIsReportedOnceAtItsFirstLine() {
        assertEquals(List.of(new VariableUse("topic", 11), new VariableUse("other", 12)),
                TemplateVariables.freeVariables("text\n{{ topic }}\n{{ other }} {{ topic }}", 10));
    }

    @Test
    void findsVariablesInTheCorpusStyle() {
        assertEquals(List.of("workflow", "temp"),
                free("I need: {{ workflow.topic }}; temp: {{ temp }}\n```json\n{ \"a\": \"{{ workflow.topic }}\" }\n```"));
        assertEquals(List.of("previous_step"),
                free("{% set previousJson = previous_step | fromjson %}{{ previousJson.analysis }}"));
        assertEquals(List.of("distinct"), free("- Remove duplicates: {{distinct}}} "));
        assertEquals(List.of("stakeholders"), free("{%- for stakeholder in [stakeholders] %}{{stakeholder}}{% endfor %}"));
    }
}
