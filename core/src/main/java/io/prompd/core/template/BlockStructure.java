package io.prompd.core.template;

import io.prompd.core.problem.Spelling;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The tags of a template and the blocks they open and close, as Jinja and Nunjucks nest them: a tag neither knows, a
 * tag without what it needs, an end or a branch that does not fit the blocks open where it stands, a {@code break} or
 * {@code continue} outside a loop, a block's name given twice and a tag or an expression in a {@code trans} other
 * than its {@code pluralize} and names are faults, since the template would not render at all.
 */
final class BlockStructure {

    /** Tags that open a block Jinja requires to be closed by {@code end<tag>}; {@code set} only without {@code =}. */
    private static final Set<String> BLOCKS = Set.of("if", "for", "macro", "call", "filter", "with", "block", "set",
            "autoescape", "raw", "switch", "trans");
    /**
     * The tags a {@code trans} of Jinja's i18n may hold: its {@code pluralize} and its end, and a raw block, which
     * Jinja's lexer reads as text; no other, as its text is a message to translate.
     */
    private static final Set<String> IN_TRANS = Set.of("pluralize", "endtrans", "raw", "endraw");
    /**
     * The tags of Jinja ({@code print} among them), with its standard extensions (do, loop controls, i18n), and of
     * Nunjucks, the two engines prompts are written for: any other name fails when the prompt renders, as
     * {@code {% elsif %}} from Ruby or Liquid habits does.
     */
    private static final Set<String> TAGS = Set.of("if", "elif", "elseif", "else", "endif", "for", "endfor", "break",
            "continue", "macro", "endmacro", "call", "endcall", "filter", "endfilter", "set",
            "endset", "with", "endwith",
            "block", "endblock", "extends", "include", "import", "from", "autoescape", "endautoescape", "raw", "endraw",
            "do", "print", "trans", "pluralize", "endtrans", "verbatim", "endverbatim", "switch", "case", "default",
            "endswitch", "ifAsync", "asyncEach", "endeach", "asyncAll", "endall");
    /**
     * The blocks Jinja renders as functions of their own, which a {@code break} or {@code continue} inside them cannot
     * leave for a loop around them.
     */
    private static final Set<String> APART_FROM_LOOPS = Set.of("macro", "call", "block");
    /** Nunjucks' variants, read as the tags they stand for: its async forms work as if and for do. */
    private static final Map<String, String> VARIANTS = Map.of("elseif", "elif", "ifAsync", "if", "asyncEach", "for",
            "endeach", "endfor", "asyncAll", "for", "endall", "endfor", "verbatim", "raw", "endverbatim", "endraw");
    /**
     * The ends of Nunjucks' variants that open a block: Nunjucks closes each with this end only, and Jinja knows
     * neither, so {@code {% asyncEach %}} closed by the {@code {% endfor %}} of the loop it stands for renders nowhere.
     */
    private static final Map<String, String> ENDS = Map.of("asyncEach", "endeach", "asyncAll", "endall",
            "verbatim", "endverbatim");

    private final TemplateFaults faults;
    /** For the line of a block named in the fault of another tag. */
    private final BodyLines lines;
    /** The blocks open at the reading position, innermost first. */
    private final Deque<OpenBlock> open = new ArrayDeque<>();
    /** Where each {@code block} is defined, by name: one name is one block in a template. */
    private final Map<String, Integer> blockNames = new HashMap<>();

    /**
     * @param written    the tag as written, {@code asyncEach}
     * @param tag        the tag it stands for, {@code for}
     * @param scopes     how many scopes were open before it: whatever closes the block, an end or the end
     *                   of an outer block, closes the scopes opened since, its own among them
     * @param lastBranch where its last branch starts, once read: the {@code else} of an {@code if} or a {@code for},
     *                   the {@code pluralize} of a {@code trans}
     * @param certain    whether the tag surely opens a block: a {@code set} Jinja cannot parse, {@code {% set %}},
     *                   may have been meant to assign a value, so it is not told never closed
     * @param name       the name of a {@code block}, which its end may repeat; empty for the other tags
     * @param depth      how deep the blocks nest inside it, this one and those around it, each {@code elif} read
     *                   so far a level too, as Nunjucks parses it as an {@code if} inside the {@code else}
     */
    private record OpenBlock(String written, String tag, int offset, int scopes, OptionalInt lastBranch,
                             boolean certain, String name, int depth) {

        OpenBlock(String written, String tag, int offset, int scopes, boolean certain, String name, int depth) {
            this(written, tag, offset, scopes, OptionalInt.empty(), certain, name, depth);
        }

        /** The one tag that closes the block. */
        String end() {
            return ENDS.getOrDefault(written, "end" + tag);
        }

        OpenBlock withLastBranch(int at) {
            return new OpenBlock(written, tag, offset, scopes, OptionalInt.of(at), certain, name, depth);
        }

        OpenBlock deeper() {
            return new OpenBlock(written, tag, offset, scopes, lastBranch, certain, name, depth + 1);
        }
    }

    BlockStructure(TemplateFaults faults, BodyLines lines) {
        this.faults = faults;
        this.lines = lines;
    }

    /** The tag a tag as written stands for: Nunjucks' {@code asyncEach} is a {@code for}. */
    static String standsFor(String written) {
        return VARIANTS.getOrDefault(written, written);
    }

    /** Whether Jinja or Nunjucks knows the tag; if not, with a fault naming the tag most likely meant. */
    boolean isTag(String written, int offset) {
        if (TAGS.contains(written)) {
            return true;
        }
        faults.add(offset, "{% " + written + " %} is not a tag of Jinja or Nunjucks", Spelling.didYouMean(written, TAGS)
                .orElse("use one of their tags, such as if, elif, else, for or set, or write a literal '{%' as"
                        + " {{ '{%' }}"));
        return false;
    }

    /**
     * Keeps the stack of open blocks, and says where an end or a branch does not fit it.
     *
     * @param written  the tag as written, {@code endeach}
     * @param tag      the tag it stands for, {@code endfor}
     * @param readable whether Jinja parses what follows the tag's name
     * @param scopes   how many scopes are open before the tag, kept with a block it opens
     * @return how many scopes were open before the block the tag closes, if it closes one
     */
    OptionalInt fit(String written, String tag, String rest, boolean readable, int offset, int scopes) {
        translation().filter(trans -> !IN_TRANS.contains(tag)).ifPresent(trans -> faults.add(offset, "{% " + written
                + " %} cannot stand inside the {% trans %} of line " + lines.fileLine(trans.offset()) + ", which holds"
                + " text and {{ name }} only", "move it out of the {% trans %}"));
        if (BLOCKS.contains(tag) && !(tag.equals("set") && rest.contains("="))) {
            String name = tag.equals("block") ? nameOf(rest) : "";
            if (!name.isEmpty()) {
                defineBlock(name, offset);
            }
            nest(new OpenBlock(written, tag, offset, scopes, readable || !tag.equals("set"), name, depth() + 1),
                    written, offset);
        } else if (tag.equals("break") || tag.equals("continue")) {
            loopControl(tag, offset);
        } else if (tag.equals("case") || tag.equals("default")) {
            OpenBlock innermost = open.peek();
            if (innermost == null || !innermost.tag().equals("switch")) {
                faults.add(offset, "{% " + tag + " %} is not inside a {% switch %}", "remove it, or open"
                        + " the {% switch %} it belongs to");
            }
        } else if (tag.equals("elif") || tag.equals("else")) {
            branch(written, tag, offset);
        } else if (tag.equals("pluralize")) {
            pluralize(offset);
        } else if (tag.startsWith("end") && BLOCKS.contains(tag.substring(3))) {
            return close(written, tag.substring(3), nameOf(rest), offset);
        }
        return OptionalInt.empty();
    }

    /**
     * An {@code elif} or {@code else}, which stands inside an {@code if}, an {@code else} in a {@code for} too, and
     * before the block's {@code else}, which is its last branch.
     */
    private void branch(String written, String tag, int offset) {
        OpenBlock innermost = open.peek();
        if (innermost == null || !(innermost.tag().equals("if") || tag.equals("else")
                && innermost.tag().equals("for"))) {
            faults.add(offset, "{% " + tag + " %} is not inside an {% if %}" + (tag.equals("else") ? " or a {% for %}"
                    : ""), innermost == null ? "remove it, or open the block it belongs to" : "close the {% "
                    + innermost.written() + " %} of line " + lines.fileLine(innermost.offset()) + " first");
        } else if (innermost.lastBranch().isPresent()) {
            faults.add(offset, "{% " + written + " %} follows the {% else %} on line " + lines.fileLine(innermost
                    .lastBranch().getAsInt()) + ", the last branch of the {% " + innermost.written() + " %} of line "
                    + lines.fileLine(innermost.offset()), tag.equals("elif") ? "move it before the {% else %}"
                    : "remove one of them" + (innermost.tag().equals("if") ? ", or make the first an {% elif ... %}"
                            : ""));
        } else if (tag.equals("else")) {
            open.push(open.pop().withLastBranch(offset));
        } else {
            nest(open.pop().deeper(), written, offset);
        }
    }

    /** How deep the blocks nest at the reading position: {@link OpenBlock#depth()}. */
    int depth() {
        return open.isEmpty() ? 0 : open.peek().depth();
    }

    /** Opens the block, or goes a level deeper in it, told once where it passes {@link TagSyntax#DEEPEST}. */
    private void nest(OpenBlock block, String written, int offset) {
        if (block.depth() == TagSyntax.DEEPEST + 1) {
            faults.add(offset, TagSyntax.tooDeep("{% " + written + " %} nests blocks"), "nest fewer blocks in one"
                    + " another, for example by moving the inner ones into a {% macro %} defined outside them: each"
                    + " block, and each {% elif %} of an {% if %}, is a level");
        }
        open.push(block);
    }

    /** A {@code pluralize}, the one last branch of a {@code trans}. */
    private void pluralize(int offset) {
        Optional<OpenBlock> trans = translation();
        if (trans.isEmpty()) {
            faults.add(offset, "{% pluralize %} is not inside a {% trans %}", "remove it, or open the {% trans %} it"
                    + " belongs to");
        } else if (trans.get().lastBranch().isPresent()) {
            faults.add(offset, "{% pluralize %} follows the {% pluralize %} on line " + lines.fileLine(trans.get()
                    .lastBranch().getAsInt()) + " of the {% trans %} of line " + lines.fileLine(trans.get().offset()),
                    "remove one of them: a {% trans %} has one plural form");
        } else {
            open.push(open.pop().withLastBranch(offset));
        }
    }

    /**
     * A {@code {{ }}} where it stands: inside a {@code trans}, Jinja takes only a name, which the message to translate
     * holds as a placeholder.
     */
    void print(String expression, int offset) {
        translation().filter(trans -> !TemplateLexer.isName(expression.strip())).ifPresent(trans -> faults.add(offset,
                "{{ " + expression.strip() + " }} cannot stand inside the {% trans %} of line " + lines.fileLine(trans
                        .offset()) + ", which prints names only", "name it in the tag, as in {% trans value="
                        + expression.strip() + " %}{{ value }}{% endtrans %}"));
    }

    /** The {@code trans} the reading position is inside, if any: the innermost block, as it holds no other. */
    private Optional<OpenBlock> translation() {
        return Optional.ofNullable(open.peek()).filter(block -> block.tag().equals("trans"));
    }

    /** The name a tag starts with, {@code content} of {@code {% block content %}}; empty if none. */
    private static String nameOf(String rest) {
        Matcher name = TemplateLexer.IDENTIFIER.matcher(rest.strip());
        return name.lookingAt() ? name.group() : "";
    }

    private void defineBlock(String name, int offset) {
        Integer first = blockNames.putIfAbsent(name, offset);
        if (first != null) {
            faults.add(offset, "the block '" + name + "' is defined twice, first on line " + lines.fileLine(first),
                    "give each block a name of its own");
        }
    }

    /**
     * A {@code break} or {@code continue}, which Jinja compiles only inside a loop, in its body rather than its
     * {@code else}, and not across a block it renders apart ({@link #APART_FROM_LOOPS}); Nunjucks has neither.
     */
    private void loopControl(String tag, int offset) {
        List<OpenBlock> reached = open.stream().takeWhile(block -> !APART_FROM_LOOPS.contains(block.tag())).toList();
        if (reached.stream().anyMatch(block -> block.tag().equals("for") && block.lastBranch().isEmpty())) {
            return;
        }
        Optional<OpenBlock> elseOf = reached.stream().filter(block -> block.tag().equals("for")).findFirst();
        Optional<OpenBlock> apart = open.stream().skip(reached.size()).findFirst();
        if (elseOf.isPresent()) {
            faults.add(offset, "{% " + tag + " %} is in the {% else %} of the {% " + elseOf.get().written() + " %} of"
                    + " line " + lines.fileLine(elseOf.get().offset()) + ", which runs only when the loop does not",
                    "move it before the {% else %}, into the loop");
        } else if (apart.isPresent() && open.stream().skip(reached.size())
                .anyMatch(block -> block.tag().equals("for"))) {
            faults.add(offset, "{% " + tag + " %} is inside the {% " + apart.get().written() + " %} of line "
                    + lines.fileLine(apart.get().offset()) + ", which no loop around it reaches into", "remove it, or"
                    + " move it into a loop inside the {% " + apart.get().written() + " %}");
        } else {
            faults.add(offset, "{% " + tag + " %} is not inside a {% for %}", "remove it, or move it into the loop it"
                    + " belongs to");
        }
    }

    /**
     * @param written the end as written, {@code endeach}
     * @param tag     the block it closes, {@code for}
     * @param name    the name the end repeats, {@code {% endblock content %}}; empty if none
     */
    private OptionalInt close(String written, String tag, String name, int offset) {
        boolean opened = open.stream().anyMatch(block -> block.tag().equals(tag));
        if (!opened) {
            String opener = ENDS.entrySet().stream().filter(end -> end.getValue().equals(written))
                    .map(Map.Entry::getKey)
                    .findFirst().orElse(tag);
            faults.add(offset, "{% " + written + " %} closes no {% " + opener + " %}", "remove it, or add the {% "
                    + opener + " %} it should close");
            return OptionalInt.empty();
        }
        // the blocks opened since are the ones left unclosed; reported once, then forgotten
        while (!open.peek().tag().equals(tag)) {
            OpenBlock unclosed = open.pop();
            if (unclosed.certain()) {
                faults.add(unclosed.offset(), "{% " + unclosed.written() + " %} is never closed: {% " + written
                        + " %} on line " + lines.fileLine(offset) + " comes first", "add {% " + unclosed.end()
                        + " %} before it");
            }
        }
        // an end of the block's kind but not its own, endfor for asyncEach, still ends it: one fault, not two
        OpenBlock closed = open.pop();
        if (!closed.end().equals(written)) {
            faults.add(offset, "{% " + written + " %} cannot close the {% " + closed.written() + " %} of line "
                    + lines.fileLine(closed.offset()), "write {% " + closed.end() + " %} in its place");
        } else if (!name.isEmpty() && !closed.name().isEmpty() && !name.equals(closed.name())) {
            faults.add(offset, "{% " + written + " " + name + " %} cannot close the {% " + closed.written() + " "
                    + closed.name() + " %} of line " + lines.fileLine(closed.offset()), "write {% " + written + " "
                    + closed.name() + " %}, or {% " + written + " %}");
        }
        return OptionalInt.of(closed.scopes());
    }

    /** At the end of the template: the blocks still open are never closed, each named at its line, outermost first. */
    void closeAtTemplateEnd() {
        open.descendingIterator().forEachRemaining(block -> {
            if (block.certain()) {
                faults.add(block.offset(), "{% " + block.written() + " %} is never closed", "add {% " + block.end()
                        + " %} where the block ends");
            }
        });
    }
}
