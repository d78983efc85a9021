package io.prompd.core.template;

import io.prompd.core.template.ExpressionTokens.Kind;
import io.prompd.core.template.ExpressionTokens.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The macros a template defines, with the characters of their bodies, and where it calls them: each call renders the
 * macro's body again, so that macros each calling the next twice render as much as files each including the next
 * twice do. A call of a name the template does not define (a macro imported, a global) is left out.
 */
final class MacroCalls {

    /** A macro whose body is being read, at its block depth, from that offset. */
    private record Open(String name, int depth, int start) {
    }

    private final BodyLines lines;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<String, Integer> lengths = new LinkedHashMap<>();
    private final List<TemplateScan.MacroCall> calls = new ArrayList<>();

    MacroCalls(BodyLines lines) {
        this.lines = lines;
    }

    /**
     * A {@code macro} tag, {@code name(args)}, whose block is open at {@code depth}.
     *
     * @param bodyStart where its body starts, about: the end of the tag's text
     */
    void define(String rest, int depth, int bodyStart) {
        Matcher name = TemplateLexer.IDENTIFIER.matcher(rest.strip());
        if (name.lookingAt()) {
            open.push(new Open(name.group(), depth, bodyStart));
        }
    }

    /** Ends the bodies of the macros whose blocks closed before {@code offset}, now at block {@code depth}. */
    void closeAbove(int depth, int offset) {
        while (!open.isEmpty() && open.peek().depth() > depth) {
            Open ended = open.pop();
            lengths.putIfAbsent(ended.name(), Math.max(0, offset - ended.start()));
        }
    }

    /** The calls in an expression, {@code m()} but not {@code x.m()} nor a filter's {@code |m()}. */
    void expression(String text, int offset, long times) {
        List<Token> tokens = ExpressionTokens.read(text, true).tokens();
        String within = open.isEmpty() ? "" : open.peek().name();
        for (int at = 1; tokens.get(at - 1).kind() != Kind.END && tokens.get(at).kind() != Kind.END; at++) {
            Token name = tokens.get(at - 1);
            boolean member = at >= 2 && (tokens.get(at - 2).is(".") || tokens.get(at - 2).is("|"));
            if (name.kind() == Kind.NAME && tokens.get(at).is("(") && !member) {
                calls.add(new TemplateScan.MacroCall(name.text(), within, lines.fileLine(offset + name.start()),
                        times));
            }
        }
    }

    /** The characters of the body of each macro the template defines, by name, the first of a name. */
    Map<String, Integer> lengths() {
        return Map.copyOf(lengths);
    }

    /** The calls of the macros the template defines, in order. */
    List<TemplateScan.MacroCall> calls() {
        return calls.stream().filter(call -> lengths.containsKey(call.macro())).toList();
    }
}
