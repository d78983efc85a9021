package io.prompd.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateScanTest {

    private static List<String> free(String body) {
        return TemplateScan.of(body, 1).freeVariables().stream().map(VariableUse::name).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{{ x }}", "{{x}}", "{{- x -}}", "{{ x.y | filter }}", "{{ x|title }}", "{{ x['key'] }}",
        "{%- if x == \"a\" %}{% endif %}", "{% if 1 %}{% elif x %}{% endif %}", "{% for a in x %}{{ a }}{% endfor %}",
        "{{ x | default('none') }}", "{{ 'a' if x else 'b' }}", "{% include x %}", "{% print x %}",
        "```json\n{\"a\": \"{{ x }}\"}\n```"})
    void findsTheRootVariable(String body) {
        assertEquals(List.of("x"), free(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{{ 'x' }}", "{{ 42 }}", "{{ 1.5 }}", "{{ true }}", "{{ False }}", "{{ none }}", "{{ NULL }}",
        "{% for i in range(3) %}{{ loop.index }}{% endfor %}", "{# {{ x }} #}", "{% raw %}{{ x }}{% endraw %}",
        "{{x}", "{{", "{ x }", "{\"x\": 1}", "${x}", "`{x}`", "```\n{x}\n```", "~~~\n{x}\n~~~",
        "{% set v = 3 %}{{ v }}", "{% set v %}text{% endset %}{{ v }}", "{% set (a, b) = 1, 2 %}{{ a }}{{ b }}",
        "{% set (v,) = [1] %}{{ v }}", "{% for (k,) in [[1]] %}{{ k }}{% endfor %}",
        "{% macro m(a, b=2) %}{{ a }}{{ b }}{{ caller() }}{% endmacro %}{{ m(1) }}",
        "{% with a = 1 %}{{ a }}{% endwith %}", "{% from 'f' import m as n %}{{ n() }}",
        "{% import 'f' as lib %}{{ lib.m() }}", "{{ 3 | round(precision=2) }}",
        "{% from 'f' import h with context %}{{ h('x') }}",
        "{% from 'f' import a, b as c without context %}{{ a }}{{ c }}",
        "{% import 'f' as lib with context %}{{ lib.m() }}",
        "{% if 1 is defined %}{% endif %}", "{% if 1 is not divisibleby(3) %}{% endif %}",
        "{{ '}}' }}", "{% include 'a' ignore missing with context %}", "{% include 'a' without context %}"})
    void findsNoVariable(String body) {
        assertEquals(List.of(), free(body));
    }

    /** Jinja does not read a legacy placeholder, spaced or not: it is one of the text, not a variable. */
    @ParameterizedTest
    @ValueSource(strings = {"{x}", "{x.y}", "{ x }", "{\tx.y }", "Hello {x}!\n\n- item\n", "- item\n\n    more {x}",
        "text\n    {x}", "1. step\n    {x}", "- item\n{x}", "a backtick ` alone {x}"})
    void aLegacyPlaceholderIsNoVariableButAPlaceholderOfItsRootOutsideCode(String body) {
        TemplateScan scan = TemplateScan.of(body, 1);

        assertEquals(List.of(), scan.freeVariables());
        assertEquals(List.of("x"), scan.placeholders().stream().map(TemplateScan.Placeholder::root).toList());
    }

    /**
     * Code as CommonMark reads it: indented code after a blank line, a heading or at the start, or indented past a
     * list item's text, in a block quote too; fenced code; a code span, across a line break too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"    {x}", "\t{x}", "text\n\n    {x}", "# Example\n    {x}", "text\n\n    a\n\n    {x}",
        "- item\n\ntext\n\n    {x}", "- item\n\n```\nf\n```\n\n    indented {x}",
        "- item\n\n      in-list indented {x}",
        "> quote\n>\n>     quoted code {x}", "# Use `{x}`", "```\n{x}\n```", "`{x}`", "a `span\n{x}` across lines",
        "{% for x in xs %}{x}{% endfor %}", "{true}"})
    void aLegacyPlaceholderInCodeOrOfABoundNameIsNone(String body) {
        assertEquals(List.of(), TemplateScan.of(body, 1).placeholders());
    }

    /** U+00B7 continues a name in Python, as a letter does: {@code x·y} is one variable, not x and y. */
    @Test
    void aMiddleDotContinuesAName() {
        assertEquals(List.of("x·y"), free("{{ x·y }}"));
        assertEquals(List.of(), free("{{ 1_000 }}"));
    }

    @Test
    void loopVariablesAreLocalToTheirLoop() {
        assertEquals(List.of("items", "item"), free("{% for item in items %}{{ item }}{% endfor %}{{ item }}"));
    }

    @Test
    void aScopeEndsWithItsBlockWhateverEndClosesIt() {
        assertEquals(List.of("x", "a"), free("{% if x %}{% with a = 1 %}{% endif %}{{ a }}"),
                "the endif closes the with left open, and its a with it");
        assertEquals(List.of("items"), free("{% for item in items %}{% endwith %}{{ item }}{% endfor %}"),
                "an end closing no block of its kind leaves the loop's item bound");
    }

    @Test
    void nunjucksAsyncLoopsAndSwitchesUseAndBindAsForAndIfDo() {
        assertEquals(List.of("items", "kind"), free("{% asyncEach item in items %}{{ item }}{% endeach %}"
                + "{% switch kind %}{% case 'a' %}A{% endswitch %}"));
    }

    @Test
    void keyValueLoopsBindBothNames() {
        assertEquals(List.of("pairs"), free("{% for k, v in pairs.items() %}{{ k }}={{ v }}{% endfor %}"));
    }

    @Test
    void aNameIsReportedOnceAtItsFirstLine() {
        assertEquals(List.of(new VariableUse("topic", 11), new VariableUse("other", 12)),
                TemplateScan.of("text\n{{ topic }}\n{{ other }} {{ topic }}", 10).freeVariables());
    }

    @Test
    void findsVariablesInTheCorpusStyle() {
        assertEquals(List.of("workflow", "temp"),
                free("I need: {{ workflow.topic }}; temp: {{ temp }}\n```json\n{ \"a\": \"{{"
                        + " workflow.topic }}\" }\n```"));
        assertEquals(List.of("previous_step"),
                free("{% set previousJson = previous_step | fromjson %}{{ previousJson.analysis }}"));
        assertEquals(List.of("distinct"), free("- Remove duplicates: {{distinct}}} "));
        assertEquals(List.of("stakeholders"),
                free("{%- for stakeholder in [stakeholders] %}{{stakeholder}}{% endfor %}"));
    }

    /** The faults of the body, which the scan reads through without a defect of its own. */
    private static List<TemplateFault> faults(String body) {
        TemplateScan scan = TemplateScan.of(body, 1);
        assertEquals(List.of(), scan.defects());
        return scan.faults();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{% if a %}x{% elif b %}y{% else %}z{% endif %}", "{% for a in b %}{{ a }}{% else %}none{% endfor %}",
        "{%- if a -%}{% for x in a %}{% if x %}{% endif %}{% endfor %}{%- endif %}",
        "{% set v %}text{% endset %}", "{% set v = 1 %}", "{% macro m() %}{% endmacro %}",
        "{% raw %}{% if %}{% endraw %}",
        "{% with a = 1 %}{% endwith %}", "{% filter upper %}x{% endfilter %}", "{% include 'x' %}", "{{ '{%' }}",
        "{# {% if %} #}", "text { not a tag", "{% if a %}{% elseif b %}{% endif %}",
        "{% switch a %}{% case 'x' %}X{% default %}D{% endswitch %}", "{% ifAsync a %}q{% endif %}",
        "{% asyncEach i in items %}{{ i }}{% endeach %}", "{% asyncAll i in items %}{{ i }}{% endall %}",
        "{% verbatim %}{% if %}{% endverbatim %}",
        "{% if a %}{% else %}{% if b %}{% elif c %}{% else %}{% endif %}{% endif %}{% if d %}{% else %}{% endif %}",
        "{% for a in b %}{% for c in a %}{% else %}{% endfor %}{% else %}{% endfor %}",
        "{% block a %}{% endblock a %}{% block b %}{% block c %}{% endblock c %}{% endblock %}",
        "{% for x in y %}{% if x %}{% break %}{% endif %}{% filter upper %}{% continue %}{% endfilter %}{% endfor %}",
        "{% for x in y %}{% for z in x %}{% else %}{% break %}{% endfor %}{% endfor %}",
        "{% macro m() %}{% for x in y %}{% set a %}{% break %}{% endset %}{% endfor %}{% endmacro %}",
        "{% for x in y %}{% macro m() %}{% for z in x %}{% continue %}{% endfor %}{% endmacro %}{% endfor %}",
        "{% trans %}{% raw %}{{ x.y }}{% endraw %}{% endtrans %}{% trans %}{{- x -}}{# c #}{% endtrans %}",
        "{% trans x=1 %}{{ x }}{% pluralize %}{{ x }}s{% endtrans %}"})
    void aTemplateWhoseTagsFitHasNoFault(String body) {
        assertEquals(List.of(), faults(body));
    }

    @Test
    void aTagNeitherJinjaNorNunjucksKnowsIsNamedWithTheTagMeant() {
        assertEquals(List.of(new TemplateFault(2, "{% elsif %} is not a tag of Jinja or Nunjucks",
                "did you mean 'elif'?"),
                        new TemplateFault(3, "{% unknowntag %} is not a tag of Jinja or Nunjucks",
                                "use one of their tags, such as if,"
                                + " elif, else, for or set, or write a literal '{%' as {{ '{%' }}")),
                faults("{% if a %}x\n{% elsif b %}y{% endif %}\n{% unknowntag %}"));
    }

    @Test
    void aCaseOutsideASwitchIsNamed() {
        assertEquals(List.of(new TemplateFault(1, "{% case %} is not inside a {% switch %}",
                "remove it, or open the {% switch %} it belongs to")), faults("{% case 'x' %}"));
    }

    @Test
    void aBlockNeverClosedIsNamedAtItsLine() {
        assertEquals(List.of(new TemplateFault(2, "{% if %} is never closed", "add {% endif %} where the block ends")),
                faults("text\n{% if a %}\nmore"));
    }

    @Test
    void anEndThatClosesNothingIsNamed() {
        assertEquals(List.of(new TemplateFault(1, "{% endfor %} closes no {% for %}",
                "remove it, or add the {% for %} it should close")), faults("{% if a %}{% endif %}{% endfor %}"));
    }

    @Test
    void anEndThatSkipsAnInnerBlockNamesTheBlockLeftOpen() {
        assertEquals(List.of(new TemplateFault(2, "{% if %} is never closed: {% endfor %} on line 3 comes first",
                "add {% endif %} before it")), faults("{% for a in b %}\n{% if a %}\n{% endfor %}"));
    }

    @Test
    void aNunjucksAsyncLoopClosedByAnotherLoopsEndIsNamedAtTheEndWithItsOwn() {
        assertEquals(List.of(new TemplateFault(3, "{% endfor %} cannot close the {% asyncEach %} of line 1",
                "write {% endeach %} in its place")), faults("{% asyncEach i in items %}\n{{ i }}\n{% endfor %}"));
        assertEquals(List.of(new TemplateFault(1, "{% endeach %} cannot close the {% asyncAll %} of line 1",
                "write {% endall %} in its place")), faults("{% asyncAll i in items %}{{ i }}{% endeach %}"));
        assertEquals(List.of(new TemplateFault(2, "{% endall %} cannot close the {% for %} of line 1",
                "write {% endfor %} in its place")), faults("{% for i in items %}\n{% else %}{% endall %}"));
    }

    @Test
    void aNunjucksBlockIsToldItsOwnEnd() {
        assertEquals(List.of(new TemplateFault(1, "{% asyncEach %} is never closed",
                "add {% endeach %} where the block ends")),
                faults("{% asyncEach i in items %}{{ i }}"));
        assertEquals(List.of(new TemplateFault(1, "{% endall %} closes no {% asyncAll %}",
                "remove it, or add the {% asyncAll %} it should close")), faults("{% endall %}"));
        assertEquals(List.of(new TemplateFault(2, "{% if %} is never closed: {% endeach %} on line 3 comes first",
                "add {% endif %} before it")), faults("{% asyncEach i in items %}\n{% if i %}\n{% endeach %}"));
        assertEquals("close the {% asyncEach %} of line 1 first",
                faults("{% if a %}{% asyncEach i in a %}{% elif b %}{% endeach %}{% endif %}").get(0).hint());
    }

    @Test
    void aRawBlockEndsOnlyAtItsOwnEnd() {
        assertEquals(List.of(new TemplateFault(1, "{% verbatim %} is never closed",
                "add {% endverbatim %} where the block ends")),
                faults("{% verbatim %}{{ x }}{% endraw %}"));
        assertEquals(List.of(), faults("{% raw %}{% endverbatim %}{% endraw %}"));
    }

    @Test
    void aBranchOutsideItsBlockIsNamed() {
        assertEquals(List.of(new TemplateFault(1, "{% else %} is not inside an {% if %} or a {% for %}",
                "remove it, or open the block it belongs to")), faults("{% else %}"));
        assertEquals("close the {% with %} of line 1 first",
                faults("{% if a %}{% with b = 1 %}{% elif c %}{% endwith %}{% endif %}").get(0).hint());
    }

    @Test
    void aBranchAfterTheElseIsNamedWithTheElseAndTheBlock() {
        assertEquals(List.of(new TemplateFault(4, "{% else %} follows the {% else %} on line 3, the last branch of the"
                + " {% if %} of line 1", "remove one of them, or make the first an {% elif ... %}")),
                faults("{% if a %}\n{% if b %}{% else %}{% endif %}\n{% else %}\n{% else %}\n{% endif %}"));
        assertEquals(List.of(new TemplateFault(2, "{% elseif %} follows the {% else %} on line 1, the last branch of"
                + " the {% ifAsync %} of line 1", "move it before the {% else %}")),
                faults("{% ifAsync a %}{% else %}\n{% elseif b %}{% endif %}"));
        assertEquals("remove one of them", faults("{% for a in b %}{% else %}{% else %}{% endfor %}").get(0).hint());
    }

    @Test
    void aLoopControlOrABlockEndOutOfPlaceIsToldWhereToPutIt() {
        assertEquals(List.of(new TemplateFault(3,
                "{% continue %} is inside the {% macro %} of line 2, which no loop around"
                + " it reaches into", "remove it, or move it into a loop inside the {% macro %}")),
                faults("{% for x in y %}\n{% macro m() %}\n{% continue %}{% endmacro %}{% endfor %}"));
        assertEquals("move it before the {% else %}, into the loop",
                faults("{% for x in y %}{% else %}{% break %}{% endfor %}").get(0).hint());
        assertEquals("remove it, or move it into the loop it belongs to", faults("{% break %}").get(0).hint());
        assertEquals(List.of(new TemplateFault(2, "{% endblock b %} cannot close the {% block a %} of line 1",
                "write {% endblock a %}, or {% endblock %}")), faults("{% block a %}\n{% endblock b %}"));
        assertEquals(List.of(new TemplateFault(3, "the block 'a' is defined twice, first on line 1", "give each block a"
                + " name of its own")),
                faults("{% block a %}{% endblock %}\n\n{% block a %}{% endblock %}"));
    }

    @Test
    void aTranslationIsToldWhatItMayHold() {
        assertEquals(List.of(new TemplateFault(2, "{{ user.name }} cannot stand inside the {% trans %} of line 1, which"
                + " prints names only",
                "name it in the tag, as in {% trans value=user.name %}{{ value }}{% endtrans %}")),
                faults("{% trans %}Hello\n{{ user.name }}{% endtrans %}"));
        assertEquals("move it out of the {% trans %}",
                faults("{% trans %}{% set x = 1 %}{% endtrans %}").get(0).hint());
        assertEquals("remove one of them: a {% trans %} has one plural form",
                faults("{% trans n=1 %}a{% pluralize %}b{% pluralize %}c{% endtrans %}").get(0).hint());
    }

    @Test
    void anUnclosedDelimiterIsNamed() {
        assertEquals(List.of(new TemplateFault(2, "'{{' is never closed with '}}'",
                "close it with '}}', or write a literal '{{' as {{ '{{' }}")), faults("ok\n{{ topic | upper }\n"));
        assertEquals(List.of(new TemplateFault(2, "the string \"a }} is never closed, so it takes in the '}}' meant to"
                + " close the tag", "close the string with \", or write a \" inside it as \\\"")),
                faults("ok\n{{ \"a }}"));
        // an apostrophe of the text after a tag never closed is no string of the tag
        assertEquals("'{{' is never closed with '}}'", faults("{{ name\nDon't forget {{ y }}").get(0).message());
        assertEquals("'{%' is never closed with '%}'", faults("{% if x }").get(0).message());
        assertEquals("'{#' is never closed with '#}'", faults("{# note").get(0).message());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "{{ }}                          => '{{ }}' holds no expression",
        "{{- -}}                        => '{{ }}' holds no expression",
        "{% %}                          => '{% %}' names no tag",
        "{% 'x' %}                      => '{% 'x' %}' names no tag",
        "{% if %}{% endif %}            => {% if %} needs a condition, as in {% if topic %}",
        "{% if a %}{% elif %}{% endif %} => {% elif %} needs a condition, as in {% elif topic %}",
        "{% for in %}{% endfor %}       => {% for %} needs 'NAME in ITEMS', as in {% for item in items %}",
        "{% for x %}{% endfor %}        => {% for %} needs 'NAME in ITEMS', as in {% for item in items %}",
        "{% include %}                  => {% include %} needs the file's name, as in {% include \"./part.prmd\" %}",
        "{% set %}{% endset %}          => {% set %} needs a name, as in {% set name %}",
        "{% set %}                      => {% set %} needs a name, as in {% set name %}",
        "{% for a in b %}{% set 1 %}{% endfor %} => {% set %} cannot assign to '1', which is no name",
        "{{ 'unterminated }}            => the string 'unterminated }} is never closed, so it takes in"
                + " the '}}' meant to"
                + " close the tag",
        "{% set a = 'x %}               => the string 'x %} is never closed, so it takes in the '%}' meant to close the"
                + " tag",
        "{{ x | replace(\"a\", 'b) }}     => the string 'b) }} is never closed, so it takes in the '}}' meant to close"
                + " the tag",
        "{{ x } Don't forget {{ y }}    => '{{' is never closed with '}}'",
        "{% break %}                    => {% break %} is not inside a {% for %}",
        "{% macro m() %}{% break %}{% endmacro %} => {% break %} is not inside a {% for %}",
        "{% for x in y %}{% else %}{% continue %}{% endfor %} => {% continue %} is in the {% else %} of"
                + " the {% for %} of"
                + " line 1, which runs only when the loop does not",
        "{% for x in y %}{% macro m() %}{% break %}{% endmacro %}{% endfor %} => {% break %} is inside the"
                + " {% macro %} of"
                + " line 1, which no loop around it reaches into",
        "{% for x in y %}{% call m() %}{% break %}{% endcall %}{% endfor %} => {% break %} is inside the {% call %} of"
                + " line 1, which no loop around it reaches into",
        "{% for x in y %}{% macro m() %}{% for z in x %}{% else %}{% break %}{% endfor %}{% endmacro %}{% endfor %}"
                + " => {% break %} is in the {% else %} of the {% for %} of line 1, which runs only when"
                + " the loop does not",
        "{% block a %}{% endblock b %}  => {% endblock b %} cannot close the {% block a %} of line 1",
        "{% block a %}{% block b %}{% endblock a %}{% endblock %} => {% endblock a %} cannot close the {% block b %} of"
                + " line 1",
        "{% block a %}{% endblock %}{% block a %}{% endblock %} => the block 'a' is defined twice, first on line 1",
        "{% if x %}{% block a %}{% endblock %}{% else %}{% block a %}{% endblock %}{% endif %} => the block 'a' is"
                + " defined twice, first on line 1",
        "{% endtrans %}                 => {% endtrans %} closes no {% trans %}",
        "{% pluralize %}                => {% pluralize %} is not inside a {% trans %}",
        "{% trans %}x                   => {% trans %} is never closed",
        "{% trans %}{{ x.y }}{% endtrans %} => {{ x.y }} cannot stand inside the {% trans %} of line 1, which prints"
                + " names only",
        "{% trans %}{% if x %}{% endif %}{% endtrans %} => {% if %} cannot stand inside the {% trans %}"
                + " of line 1, which"
                + " holds text and {{ name }} only",
        "{% trans %}{{ x }}{% pluralize %}a{% pluralize %}b{% endtrans %} => {% pluralize %} follows the"
                + " {% pluralize %}"
                + " on line 1 of the {% trans %} of line 1",
        "{{ (a }}                       => '(' is never closed in this expression",
        "{{ a] }}                       => ']' closes no bracket of this expression",
        "{{ f(a] }}                     => ']' closes no bracket of this expression",
        "{{ a | }}                      => a '|' ends the expression with no filter after it",
        "{% if (a %}{% endif %}         => '(' is never closed in this expression",
        "{{ a b }}                      => 'b' follows a value with no operator between them",
        "{{ f(x) y }}                   => 'y' follows a value with no operator between them",
        "{{ a } more {{ b }}            => '}' closes no bracket of this expression",
        "{{ 3x }}                       => 'x' follows a value with no operator between them",
        "{{ 3名 }}                      => '名' follows a value with no operator between them",
        "{{ 1_ }}                       => '_' follows a value with no operator between them",
        "{{ 0x }}                       => 'x' follows a value with no operator between them",
        "{{ 012 }}                      => '12' follows a value with no operator between them",
        "{{ a 3 }}                      => '3' follows a value with no operator between them",
        "{{ 😀 }}                       => '😀' is no part of a name, number, string or operator",
        "{{ x$ }}                       => '$' is no part of a name, number, string or operator",
        "{{ x² }}                       => '²' is no part of a name, number, string or operator",
        "{{ not! x }}                   => '!' is no part of a name, number, string or operator",
        "{% set 3a = 1 %}               => {% set %} cannot assign to '3a', which is no name",
        "{% set a, x[0] = 1, 2 %}       => {% set %} cannot assign to 'x[0]', which is no name",
        "{% for 3a in b %}{% endfor %}  => {% for %} cannot assign to '3a', which is no name",
        "{% if x %}a{% else %}b{% else %}c{% endif %} => {% else %} follows the {% else %} on line 1, the last branch"
                + " of the {% if %} of line 1",
        "{% if x %}a{% else %}b{% elif y %}c{% endif %} => {% elif %} follows the {% else %} on line 1, the last"
                + " branch of the {% if %} of line 1",
        "{% for x in y %}{% else %}{% else %}{% endfor %} => {% else %} follows the {% else %} on line 1, the last"
                + " branch of the {% for %} of line 1"})
    void whatJinjaCannotParseIsNamed(String body, String message) {
        assertEquals(List.of(message), faults(body).stream().map(TemplateFault::message).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ f(a, [1, 2], {'k': (b)}) | join(', ') }}", "{{ 'a (' ~ b }}", "{{ x | default('[') }}",
        "{% for k, v in d.items() if v %}{% endfor %}", "{% include ['a.prmd', 'b.prmd'] %}",
        "{% set a = (1, 2) %}", "{% if a in [1, (2)] %}{% endif %}", "{{ x if y else none }}",
        "{{ x is divisibleby 3 }}", "{{ x is not sameas false }}", "{{ 'a' 'b' }}", "{{ a not in b }}",
        "{% for k in d if k is defined %}{% endfor %}", "{% with a = 1, b = 2 %}{% endwith %}",
        "{{ 1_000 + 0x_ff + 0b1_0 + 0o7 + 1_0.5e-1_0 + 1e5 + 0_0 + x.0.1 }}", "{{ a != b }}",
        "{% set (a, b) = (1, 2) %}", "{% set ns.total = 1 %}", "{% for (k, v) in d %}{% endfor %}",
        "{{\u00a0x\u3000}}"})
    void bracketsInsideStringsOrNestedFitTogether(String body) {
        assertEquals(List.of(), faults(body));
    }

    @Test
    void anUnclosedRawBlockIsNamed() {
        assertEquals("{% raw %} is never closed", faults("{% raw %}{{ x }}").get(0).message());
    }

    @Test
    void filesNamedByOneLiteralAreListedWithTheirLines() {
        assertEquals(List.of(new TemplateScan.FileUse("./a.prmd", 1, false, List.of()),
                        new TemplateScan.FileUse("b.prmd", 2, false, List.of()),
                        new TemplateScan.FileUse("base.prmd", 3, false, List.of()),
                        new TemplateScan.FileUse("m.prmd", 3, false, List.of()),
                        new TemplateScan.FileUse("n.prmd", 3, false, List.of()),
                        new TemplateScan.FileUse("o.prmd", 3, false, List.of())),
                TemplateScan.of("{% include \"./a.prmd\" %}\n{%- include 'b.prmd' without context -%}\n"
                        + "{% extends 'base.prmd' %}{% import 'm.prmd' as m %}{% from 'n.prmd' import x %}"
                        + "{% from 'o.prmd' import y with context %}{% include x %}{% include 'd' ~ x %}", 1)
                        .files());
    }

    /**
     * Jinja passes an include its context and an import none, unless the tag's last words choose otherwise; with its
     * context the file sees what the template binds before the tag, without it nothing. A file extended is rendered
     * in the context the whole template leaves, seeing what it binds outside blocks and loops, after the tag too.
     */
    @Test
    void includesImportsAndExtendsAreListedWithWhetherTheFileSeesTheCallersContext() {
        List<TemplateScan.Inclusion> inclusions = TemplateScan.of("{% set s = 1 %}{% include 'a.md' %}"
                + "{% include 'b.md' ignore missing without context %}{% import 'c.md' as c %}"
                + "{% from 'd.md' import x with context %}{% import 'e.md' as e without context %}"
                + "{% include 'f.md' with context %}{% extends 'g.md' %}{% set after = 2 %}"
                + "{% for row in rows %}{% set inner = row %}{% endfor %}", 1).inclusions();

        assertEquals(List.of("a.md INCLUDE with [s]", "b.md INCLUDE without []", "c.md IMPORT without []",
                        "d.md IMPORT with [c, s]", "e.md IMPORT without []", "f.md INCLUDE with [c, e, s, x]",
                        "g.md EXTEND with [after, c, e, s, x]"),
                inclusions.stream().map(inclusion -> inclusion.file().written() + " " + inclusion.load() + " "
                        + (inclusion.withContext() ? "with" : "without") + " " + new TreeSet<>(inclusion.bound()))
                        .toList());
    }

    /**
     * Jinja renders such a file when it is there: only whether the template renders without it differs. Of a list
     * it renders the first file there, and of a condition the branch taken, which must be there.
     */
    @Test
    void filesATemplateMayRenderWithoutAreListedToo() {
        assertEquals(List.of(new TemplateScan.FileUse("c.md", 1, true, List.of()),
                        new TemplateScan.FileUse("e.md", 1, false, List.of()),
                        new TemplateScan.FileUse("f.md", 2, true, List.of("g.md")),
                        new TemplateScan.FileUse("g.md", 2, true, List.of("f.md")),
                        new TemplateScan.FileUse("h.md", 3, false, List.of()),
                        new TemplateScan.FileUse("i.md", 3, false, List.of()),
                        new TemplateScan.FileUse("j.md", 4, false, List.of("k.md")),
                        new TemplateScan.FileUse("k.md", 4, false, List.of("j.md")),
                        new TemplateScan.FileUse("l.md", 4, true, List.of()),
                        new TemplateScan.FileUse("m.md", 4, false, List.of("n.md")),
                        new TemplateScan.FileUse("n.md", 4, false, List.of("m.md"))),
                TemplateScan.of("{% include 'c.md' ignore missing with context %}{% include ['e.md'] %}\n"
                        + "{% include (\"f.md\", 'g.md') ignore missing %}\n"
                        + "{% extends 'h.md' if full else 'i.md' %}{% include ['x/' ~ n, parts['y.md'], f('z.md')] %}\n"
                        + "{% import ['j.md', 'k.md'] as m %}{% include a if 'b.md' == c else d %}"
                        + "{% include [x, 'l.md'] if ('o.md') else ['m.md', 'n.md',] %}", 1).files());
    }
}
