package io.prompd.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagSyntaxTest {

    /** The faults of the body, which the scan reads through without a defect of its own. */
    private static List<TemplateFault> faults(String body) {
        TemplateScan scan = TemplateScan.of(body, 1);
        assertEquals(List.of(), scan.defects());
        return scan.faults();
    }

    private static List<String> messages(String body) {
        return faults(body).stream().map(TemplateFault::message).toList();
    }

    /** What Jinja parses, or Nunjucks ({@code ===}, regular expressions, a keyword argument first), passes. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{{ x.y.z }}{{ x['a'][\"b\"] }}{{ x.0.1 }}{{ x[-1] }}{{ x[1:] }}{{ x[:2] }}{{ x[::2] }}{{ x[1:2:3] }}",
        "{{ x[a, b] }}{{ x[] }}",
        "{{ f() }}{{ f(a, b=1) }}{{ f(a,) }}{{ f(*a) }}{{ f(a, *b, c=1, **d) }}{{ f(c=1, a) }}{{ x(1)(2) }}",
        "{{ f(a=1, *b) }}{{ f(*a, b=1, **c) }}{{ f(a, b=1, *c, **d,) }}{{ x | join(*a) }}",
        "{{ f('a'=1) }}{{ x | replace(a=1, b) }}",
        "{{ x | upper }}{{ x|e }}{{ x | d('a') }}{{ x | join(', ') | upper }}{{ x | round(precision=2) }}",
        "{{ x | map(attribute='name') | list }}{{ x | selectattr('a', 'equalto', 1) }}{{ (x | upper).lower() }}",
        "{{ x | fromjson }}{{ x | lines | bulletlist }}{{ x | tojson(2) }}{{ x | dump }}{{ x | nl2br }}",
        "{{ x is defined }}{{ x is not defined }}{{ x is divisibleby 3 }}{{ x is divisibleby(3) }}",
        "{{ x is sameas false }}{{ x is not none }}{{ x is string and y }}{{ x is defined if y else z }}",
        "{{ x is in [1, 2] }}{{ x is truthy }}{{ x is null }}{{ x is divisibleby(3) is sameas true }}",
        "{{ 'a' }}{{ \"a\" }}{{ 'a' 'b' }}{{ \"it's\" }}{{ 'a\\'b' }}{{ 1.5e-3 }}{{ 1_000 }}{{ 0x1f }}{{ 0o17 }}",
        "{{ 3. }}{{ x(3.) }}{{ 3.[0] }}{{ 3.|abs }}{{ [3., 4.] }}{{ -3. + 1 }}",
        "{{ 3.e2 }}{{ 3.a }}{{ 3. a }}{{ 3. 5 }}{{ 3.\u00a0a }}{{ 3.\n_ }}",
        "{{ true }}{{ None }}{{ [] }}{{ [1, 2,] }}{{ [[1], [2]] }}{{ {'a': 1, 'b': 2,} }}{{ {a: 1} }}",
        "{{ {'a': {'b': x}} }}{{ {'a': {'b': 1}}.a }}{{ [{'a': 1}] }}{{ {'a': {'b': '}}'}} }}{{- {'a': {}} -}}",
        "{{ () }}{{ (1) }}{{ (1,) }}{{ (1, 2) }}{{ a, b }}{{ a, }}",
        "{{ a + b - c * d / e // f % g ** h ~ i }}{{ -a }}{{ - - a }}{{ -a | abs }}{{ 2 ** -1 }}{{ a * -b }}",
        "{{ a == b }}{{ a != b }}{{ a <= b }}{{ a >= b }}{{ a === b }}{{ a !== b }}{{ a < b < c }}",
        "{{ a in b }}{{ a not in b }}{{ not a in b }}{{ not not a }}{{ a and b or c }}{{ (a or b) and c }}",
        "{{ a if b }}{{ a if b else c }}{{ a if b else c if d else e }}{{ x is defined and x | length > 0 }}",
        "{{ if }}{{ in }}{{ loop.cycle('odd', 'even') }}{{ caller() }}{{ super() }}{{ '%d' % 3 }}",
        "{{ x | replace(r/a+/gi, 'b') }}{{ r/^\\d+$/.test(x) }}{{ r/2 }}{{ r/2 + s/3 }}",
        "{{\nx\n| upper\n}}{{- x -}}{{+ x }}{{+ x -}}{%+ if x +%}{%- endif +%}",
        "{% if a %}{% elif b %}{% else %}{% endif %}{% if a, b %}{% endif %}{% if a if b else c %}{% endif %}",
        "{% if a: %}{% elif b: %}{% else: %}{% endif %}{% ifAsync a %}{% elseif b %}{% endif %}",
        "{% for a, b in c %}{% endfor %}{% for (a, b) in c %}{% endfor %}{% for if in x %}{% endfor %}",
        "{% for in in x %}{% endfor %}{% for in, b in x %}{% endfor %}{% for a, in in x %}{% endfor %}",
        "{% for (k,) in x %}{% endfor %}{% for a, (b,) in c %}{% endfor %}{% for () in c %}{% endfor %}",
        "{% for (in) in c %}{% endfor %}{% for ((a), (b, c),) in d %}{% endfor %}{% set (a,) = x %}{% set () = x %}",
        "{% for a in b if a is defined %}{% endfor %}{% for a in b if a recursive %}{% endfor %}",
        "{% for a in b, c: %}{% break %}{% continue %}{% else: %}{% endfor %}{% for a in b | sort %}{% endfor %}",
        "{% asyncEach a in b %}{% endeach %}{% asyncAll a in b %}{% endall %}",
        "{% set a = 1, 2 %}{% set a, b = 1, 2 %}{% set (a, b) = c %}{% set ns.x = 1 %}{% set a = b if c %}",
        "{% set a %}x{% endset %}{% set a | upper | trim %}x{% endset %}{% set a: %}x{% endset %}",
        "{% with %}{% endwith %}{% with a = 1, b = c %}{% endwith %}",
        "{% macro m() %}{% endmacro %}{% macro m(a, b=1, c='x'): %}{% endmacro %}{% macro m(a=1, b) %}{% endmacro %}",
        "{% call m() %}{% endcall %}{% call(a, b) m(x) %}{% endcall %}{% call x.m(1) %}{% endcall %}",
        "{% filter upper | trim %}x{% endfilter %}{% filter indent(2) %}x{% endfilter %}",
        "{% block a %}{% endblock a %}{% block b scoped required %}{% endblock %}",
        "{% extends 'a.md' if x else 'b.md' %}",
        "{% include 'a.md' ignore missing with context %}{% include ['a.md', 'b.md'] without context %}",
        "{% include 'parts/' ~ name ~ '.md' %}{% import 'a.md' as m with context %}",
        "{% from 'a.md' import a as b, c without context %}{% from 'a.md' import with context %}",
        "{% autoescape false %}{% endautoescape %}{% do x.update({'a': 1}) %}{% print %}{% print a, b %}",
        "{% switch x %}{% case 'a' %}{% default %}{% endswitch %}",
        "{% trans user=u.name, count=n %}x{% pluralize count %}y{% endtrans %}{% trans trimmed %}x{% endtrans %}",
        "{% raw %}{{ x + }}{% endraw %}{% verbatim %}{% if %}{% endverbatim %}"})
    void whatJinjaOrNunjucksParsesHasNoFault(String body) {
        assertEquals(List.of(), faults(body));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "{{ x + }}                    => expected an expression after '+' before the end of the {{ }}",
        "{{ x +}}                     => expected an expression after '+' before the end of the {{ }}",
        "{{+ x +}}                    => expected an expression after '+' before the end of the {{ }}",
        "{% if x == %}{% endif %}     => expected an expression after '==' before the end of the {% if %}",
        "{{ x + * 2 }}                => expected an expression after '+', found '*'",
        "{{ * }}                      => expected an expression, found '*'",
        "{{ not }}                    => expected an expression after 'not' before the end of the {{ }}",
        "{{ a in }}                   => expected an expression after 'in' before the end of the {{ }}",
        "{{ 'a' if x else }}          => expected an expression after 'else' before the end of the {{ }}",
        "{{ {'a': } }}                => expected an expression after ':', found '}'",
        "{{ x . }}                    => expected an attribute's name after '.' before the end of the {{ }}",
        "{{ x.3. }}                   => expected an attribute's name after '.' before the end of the {{ }}",
        "{{ 3.. }}                    => expected an attribute's name after '.' before the end of the {{ }}",
        "{{ 1_0. }}                   => expected an attribute's name after '.' before the end of the {{ }}",
        "{{ x is }}                   => expected a test's name after 'is' before the end of the {{ }}",
        "{{ x is not 3 }}             => expected a test's name after 'not', found '3'",
        "{{ x | 3 }}                  => expected a filter's name after '|', found '3'",
        "{{ x is defined is string }} => a test cannot take another 'is' as its argument",
        "{{ x = 1 }}                  => expected the end of the {{ }} after 'x', found '='",
        "{{ a not b }}                => expected the end of the {{ }} after 'a', found 'not'",
        "{{ x ; y }}                  => expected the end of the {{ }} after 'x', found ';'",
        "{{ x | default(y)[0] }}      => expected the end of the {{ }} after ')', found '['",
        "{{ a 'b' }}                  => the string 'b' follows a value with no operator between them",
        "{{ (a b) }}                  => 'b' follows a value with no operator between them",
        "{{ [1 2] }}                  => '2' follows a value with no operator between them",
        "{{ [x for x in y] }}         => 'for' follows a value with no operator between them",
        "{{ f(a, }}                   => '(' is never closed in this expression",
        "{{ {\"a\": 1 }} {{ y }}      => '{' is never closed in this expression",
        "{{ {\"a\": {\"b\": 1} }} x }} => '}' closes no bracket of this expression",
        "{{ f(*a, b) }}               => 'b' follows '*a' in the call's arguments",
        "{{ f(**a, b=1) }}            => 'b=1' follows '**a' in the call's arguments",
        "{{ f(**a, *b) }}             => '*b' follows '**a' in the call's arguments",
        "{{ f(*a, *b) }}              => '*b' follows '*a' in the call's arguments",
        "{{ f(**a, **b) }}            => '**b' follows '**a' in the call's arguments",
        "{{ f(*a=1) }}                => '*a' cannot take a value with '=': a keyword argument is a name",
        "{{ f(a.b=1) }}               => 'a.b' cannot take a value with '=': a keyword argument is a name",
        "{{ f(a=1, b, *c) }}          => 'b' follows 'a=1' in a call with *args or **kwargs",
        "{{ x | join(*a, b) }}        => 'b' follows '*a' in the call's arguments",
        "{{ x is divisibleby(**a, b) }} => 'b' follows '**a' in the call's arguments",
        "{% call m(*a, b) %}{% endcall %} => 'b' follows '*a' in the call's arguments",
        "{% if x = 1 %}{% endif %}    => expected the end of the {% if %} after 'x', found '='",
        "{% if x %}{% else if y %}{% endif %} => expected the end of the {% else %} after 'else', found 'if'",
        "{% if x %}{% endif x %}      => expected the end of the {% endif %} after 'endif', found 'x'",
        "{% for x in %}{% endfor %}   => {% for %} needs 'NAME in ITEMS', as in {% for item in items %}",
        "{% for x in y z %}{% endfor %} => 'z' follows a value with no operator between them",
        "{% for in x %}{% endfor %}   => expected a name to assign to after 'for', found 'in'",
        "{% for k, in x %}{% endfor %} => expected a name to assign to after ',', found 'in'",
        "{% for (a, 3) in z %}{% endfor %} => {% for %} cannot assign to '3', which is no name",
        "{% for ((a) in y %}{% endfor %} => '(' is never closed in this expression",
        "{% for a, ((b, c) in x %}{% endfor %} => '(' is never closed in this expression",
        "{% set (a, b = (1, 2) %}     => '(' is never closed in this expression",
        "{% for (( in y %}{% endfor %} => '(' is never closed in this expression",
        "{% set = 1 %}                => expected a name to assign to after 'set', found '='",
        "{% set x, = 1 %}             => expected a name to assign to after ',', found '='",
        "{% set x = %}                => expected an expression after '=' before the end of the {% set %}",
        "{% with a %}{% endwith %}    => expected '=' after 'a' before the end of the {% with %}",
        "{% macro m %}{% endmacro %}  => expected '(' after 'm' before the end of the {% macro %}",
        "{% macro m(1) %}{% endmacro %} => expected an argument's name after '(', found '1'",
        "{% macro m(a,) %}{% endmacro %} => expected an argument's name after ',', found ')'",
        "{% call(a,) m() %}{% endcall %} => expected an argument's name after ',', found ')'",
        "{% call m %}{% endcall %}    => {% call %} needs a macro's call, as in {% call list(items) %}",
        "{% filter %}{% endfilter %}  => {% filter %} needs a filter, as in {% filter upper %}",
        "{% block a-b %}{% endblock %} => expected the end of the {% block %} after 'a', found '-'",
        "{% trans a=1 %}{% pluralize a b %}{% endtrans %} => expected the end of the {% pluralize %} after"
                + " 'a', found 'b'",
        "{% import 'a.md' %}          => expected 'as' after the string 'a.md' before the end of the {% import %}",
        "{% import 'a.md' as %}       => expected the name to import it as after 'as' before the end of the"
                + " {% import %}",
        "{% from 'a.md' import %}     => expected a name to import after 'import' before the end of the {% from %}",
        "{% from 'a.md' import a, %}  => expected a name to import after ',' before the end of the {% from %}",
        "{% from 'a.md' import _x %}  => '_x' cannot be imported: a name starting with '_' is the file's own",
        "{% from 'a.md' ignore missing import a %} => expected 'import' after the string 'a.md', found 'ignore'",
        "{% include 'a.md' ignore %}  => expected 'missing' after 'ignore' before the end of the {% include %}",
        "{% include 'a.md' with %}    => expected 'context' after 'with' before the end of the {% include %}",
        "{% include 'a.md' without context ignore missing %} => expected the end of the {% include %} after 'context',"
                + " found 'ignore'",
        "{% autoescape %}{% endautoescape %} => {% autoescape %} needs true or false, as in {% autoescape false %}",
        "{% do %}                     => {% do %} needs an expression, as in {% do items.append(item) %}",
        "{% switch %}{% endswitch %}  => {% switch %} needs a value, as in {% switch kind %}"})
    void whatNeitherParsesIsNamedWhereJinjasParserStops(String body, String message) {
        assertEquals(List.of(message), messages(body));
    }

    /** Jinja's compiler refuses a filter or test it does not have; Prompd adds filters of its own. */
    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
        "{{ x | nosuchfilter }}        => no filter named 'nosuchfilter' in Jinja, Nunjucks or Prompd"
                + " => use one of their filters, such as default, join, lower, replace, trim or upper",
        "{{ x | uper }}                => no filter named 'uper' in Jinja, Nunjucks or Prompd => did you mean 'upper'?",
        "{{ x | Upper }}               => no filter named 'Upper' in Jinja, Nunjucks or Prompd"
                + " => did you mean 'upper'?",
        "{{ x | fromjsn }}             => no filter named 'fromjsn' in Jinja, Nunjucks or Prompd"
                + " => did you mean 'fromjson'?",
        "{{ x | yaml.dump }}           => no filter named 'yaml.dump' in Jinja, Nunjucks or Prompd"
                + " => use one of their filters, such as default, join, lower, replace, trim or upper",
        "{% filter uper %}x{% endfilter %} => no filter named 'uper' in Jinja, Nunjucks or Prompd"
                + " => did you mean 'upper'?",
        "{% set a | uper %}x{% endset %} => no filter named 'uper' in Jinja, Nunjucks or Prompd"
                + " => did you mean 'upper'?",
        "{{ x is defind }}             => no test named 'defind' in Jinja or Nunjucks => did you mean 'defined'?",
        "{% if x is not nothing %}{% endif %} => no test named 'nothing' in Jinja or Nunjucks"
                + " => use one of their tests, such as defined, none, number or string"})
    void aFilterOrTestNoEngineHasIsNamedWithTheOneLikelyMeant(String body, String message, String hint) {
        assertEquals(List.of(new TemplateFault(1, message, hint)), faults(body));
    }

    /** The faults of the tester's report, each at the line of what Jinja stops at, in the order of the body. */
    @Test
    void eachFaultIsAtItsLineInTheOrderOfTheBody() {
        assertEquals(List.of(new TemplateFault(1, "expected an expression after '+' before the end of the {{ }}",
                        "complete the expression, or remove '+'"),
                new TemplateFault(3, "no filter named 'nosuchfilter' in Jinja, Nunjucks or Prompd", "use one of"
                        + " their filters, such as default, join, lower, replace, trim or upper"),
                new TemplateFault(5, "expected an expression after '==' before the end of the {% if %}",
                        "complete the expression, or remove '=='")),
                faults("Hello {{ x + }}\n{{ x\n | nosuchfilter }}\n{% if x\n== %}a{% endif %}"));
    }

    @Test
    void theArgumentsOfACallAreToldJinjasOrder() {
        assertEquals(List.of(new TemplateFault(1, "'b' follows '**a' in the call's arguments", "write them in Jinja's"
                + " order: positional arguments, keyword ones (name=value), then *args and **kwargs")),
                faults("{{ f(**a, b) }}"));
        assertEquals("a call takes one *args and one **kwargs", faults("{{ f(*a, *b) }}").get(0).hint());
        assertEquals("write the positional arguments first: Nunjucks, which takes them after keyword ones, has no * or"
                + " **", faults("{{ f(a=1, b, **c) }}").get(0).hint());
    }

    @Test
    void theHintSaysWhatToWriteInstead() {
        assertEquals("compare with '=='; give a variable a value with {% set name = value %}",
                faults("{% if x = 1 %}{% endif %}").get(0).hint());
        assertEquals("write {% elif ... %} for another condition",
                faults("{% if x %}{% else if y %}{% endif %}").get(0).hint());
        assertEquals("remove what follows 'endif'", faults("{% if x %}{% endif x %}").get(0).hint());
    }

    /**
     * Brackets, chains of signs, of {@code not}, of attributes, items, calls, filters and tests, and of inline ifs
     * nest as deep as Nunjucks reads, blocks around them counted too: deeper is a fault, which bounds the depth the
     * reading recurses to.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', ignoreLeadingAndTrailingWhitespace = false, value = {
        "{{ ;(;x", "{{ f;(;x", "{{ ;[;x", "{{ ;{'a': ;x", "{{ ;not ;x", "{{ ;- ;x", "{{ ;+;x", "{{ ;a if b else ;c",
        "{{ x;.a;''", "{{ x;[0];''", "{{ x;();''", "{{ x;|upper;''", "{{ x;|d(1);''", "{{ x; is divisibleby(3);''",
        "{% if ;not ;x", "{% set y = x;|upper;''", "{% for a in x;.a;''", "{% filter upper;|upper;''"})
    void anExpressionNestsNoDeeperThanNunjucksReads(String start, String step, String inner) {
        String deepest = start + step.repeat(TagSyntax.DEEPEST) + inner;
        String deeper = start + step.repeat(TagSyntax.DEEPEST + 1) + inner;
        String end = start.startsWith("{{") ? " }}" : " %}";
        assertEquals(List.of(), faults(closed(deepest) + end).stream().filter(f -> f.message().contains("deep"))
                .toList());
        List<TemplateFault> faults = faults("\n" + closed(deeper) + end);
        assertEquals(List.of(new TemplateFault(2, "the expression is nested more than 400 deep here, deeper than"
                + " Jinja or Nunjucks reads", "take the expression apart, naming its inner parts with {% set name ="
                + " ... %}: each bracket, 'not', sign, attribute, item, call, filter, test and inline else nests it"
                + " one level deeper")), faults.stream().filter(f -> f.message().contains("deep")).toList());
    }

    /** The text with its brackets closed, {@code f((x} as {@code f((x))}, each where it is nested. */
    private static String closed(String text) {
        StringBuilder closers = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '(' -> closers.append(')');
                case '[' -> closers.append(']');
                case '{' -> closers.append('}');
                case ')', ']', '}' -> closers.setLength(Math.max(0, closers.length() - 1));
                default -> { }
            }
        }
        return text + closers.reverse();
    }

    /** Blocks, and the {@code elif} branches Nunjucks parses as an {@code if} inside the {@code else}, nest as deep. */
    @Test
    void blocksNestNoDeeperThanNunjucksReads() {
        int deepest = TagSyntax.DEEPEST;
        assertEquals(List.of(), faults("{% if x %}".repeat(deepest) + "{% endif %}".repeat(deepest)));
        assertEquals(List.of(), faults("{% for a in x %}{% with b = 1 %}".repeat(deepest / 2)
                + "{% endwith %}{% endfor %}".repeat(deepest / 2)));
        assertEquals(List.of(), faults("{% if x %}" + "{% elif x %}".repeat(deepest - 1) + "{% endif %}"));

        String hint = "nest fewer blocks in one another, for example by moving the inner ones into a {% macro %}"
                + " defined outside them: each block, and each {% elif %} of an {% if %}, is a level";
        assertEquals(List.of(new TemplateFault(deepest + 1, "{% for %} nests blocks more than 400 deep here, deeper"
                + " than Jinja or Nunjucks reads", hint)), faults("{% if x %}\n".repeat(deepest)
                + "{% for a in x %}{% endfor %}" + "{% endif %}".repeat(deepest)));
        assertEquals(List.of(new TemplateFault(3, "{% elif %} nests blocks more than 400 deep here, deeper than"
                + " Jinja or Nunjucks reads", hint)), faults("{% if x %}".repeat(deepest - 1) + "\n{% if x %}\n"
                + "{% elif x %}" + "{% endif %}".repeat(deepest)));
    }

    /** An expression is as deep as the blocks around it and its own nesting together, as the stack they share is. */
    @Test
    void anExpressionCountsTheBlocksAroundIt() {
        int blocks = 300;
        int brackets = TagSyntax.DEEPEST - blocks;
        String around = "{% if x %}".repeat(blocks - 1) + "{% for a in x %}\n";
        String after = "{% endfor %}" + "{% endif %}".repeat(blocks - 1);
        assertEquals(List.of(), faults(around + "{{ " + closed("(".repeat(brackets) + "x") + " }}" + after));
        assertEquals(List.of(new TemplateFault(2, "the expression is nested more than 400 deep here, deeper than"
                + " Jinja or Nunjucks reads, counting the blocks around it, 300 deep", "take the expression apart,"
                + " naming its inner parts with {% set name = ... %}: each bracket, 'not', sign, attribute, item, call,"
                + " filter, test and inline else nests it one level deeper, as does each block around it")),
                faults(around + "{{ " + "not ".repeat(brackets) + "x | upper }}" + after));
    }

    /**
     * Whatever the input, the reading does not overflow its stack: a nesting too deep is one fault, where it passes the
     * limit, however far it goes on. The time allowed is only a guard against a reading that hangs (a quadratic one
     * takes hours at these sizes); how fast it reads is bench/'s to measure.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void noNestingOrLengthOverflowsTheReading() {
        assertEquals(List.of(1, 1, 1, 1, 401, 1), Stream.of("{{ x" + "|upper".repeat(200_000) + " }}",
                "{{ " + "not ".repeat(100_000) + "x }}", "{{ " + "- ".repeat(100_000) + "x }}",
                "{{ " + "(".repeat(100_000) + "x" + ")".repeat(100_000) + " }}",
                "{% if x %}\n".repeat(20_000) + "{% endif %}".repeat(20_000),
                "{{ " + "a if b else ".repeat(100_000) + "c }}{{ " + "1_".repeat(100_000) + "1 }}")
                .map(body -> faults(body))
                .map(faults -> {
                    assertEquals(1, faults.size(), () -> faults.toString());
                    return faults.get(0).line();
                })
                .toList());
    }

    /** Reading stops at a fault as Jinja's parser does, what follows it no variable; not at a filter's name. */
    @Test
    void theVariablesOfAnExpressionAreReadUpToItsFault() {
        TagSyntax syntax = new TagSyntax(new TemplateFaults(new BodyLines("", 1)));

        assertEquals(OptionalInt.of(2), syntax.print("a b c", 0, 0));
        assertEquals(OptionalInt.of(" x == ".length()), syntax.statement("if", "if", " x == ", 0, 2, 0));
        assertEquals(OptionalInt.empty(), syntax.print(" x | nosuchfilter ", 0, 0));
        assertEquals(List.of("a"), TemplateScan.of("{{ a b c }}", 1).freeVariables().stream().map(VariableUse::name)
                .toList());
        assertEquals(List.of(), TemplateScan.of("{% include 'a.md' ignore %}", 1).freeVariables());
    }
}
