package io.prompd.core.template;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a prompt body's template as Jinja will: the variables it reads from its caller, the files it loads, the tags
 * that do not fit together and what Jinja cannot parse in them ({@link TagSyntax}), which would stop the template
 * from rendering at all, and, apart, the legacy {@code {name}} placeholders, which Jinja does not read but leaves in
 * the text as they are written.
 *
 * <p>One pass of {@link TemplateLexer} hands each piece of the body to the readers it concerns, in order, since what
 * a name is depends on where it stands: bound by a {@code for} inside its block ({@link FreeVariables}), which ends
 * where {@link BlockStructure} says; a placeholder of such a name is none ({@link LegacyPlaceholders}).
 */
public final class TemplateScan {

    /** A loop whose rounds are known, {@code i in range(3)}; more digits than a long holds are read as its largest. */
    private static final Pattern RANGE_LOOP = Pattern.compile("^.+?\\s+in\\s+range\\(\\s*(\\d+)\\s*\\)\\s*$",
            Pattern.DOTALL);
    /** The words ending an {@code include} or an import that choose whether the file sees the caller's variables. */
    /** The digits of a long that are sure to fit it. */
    private static final int MOST_DIGITS = 18;
    private static final Pattern CONTEXT_CHOICE = Pattern.compile("\\s(with|without)\\s+context\\s*$");

    private final BodyLines lines;
    private final TemplateFaults faults;
    private final BlockStructure blocks;
    private final TagSyntax syntax;
    private final FreeVariables variables;
    private final TemplateFileReferences files;
    private final LegacyPlaceholders placeholders;
    private final MacroCalls macros;
    private final List<Inclusion> inclusions = new ArrayList<>();
    /** The files the template extends, which see the names it binds by its end. */
    private final List<FileUse> extended = new ArrayList<>();
    private final List<ImportedName> importedNames = new ArrayList<>();

    /**
     * A file the template includes, imports or extends by a literal name, {@code {% include "./part.prmd" %}}.
     *
     * @param mayBeMissing whether the template renders without it whatever else is there: a file it includes
     *                     {@code ignore missing}, or one named beside a name computed at render time
     * @param alternatives the other files of the list it is named in ({@code {% include ["a.md", "b.md"] %}}), of
     *                     which Jinja renders the first that is there
     * @param times        how many times it is loaded where it is written: the product of the rounds of the loops
     *                     around it over {@code range} of a literal, {@code {% for i in range(3) %}}; a loop over
     *                     anything else counts once, its rounds not known before rendering
     */
    public record FileUse(String written, int line, boolean mayBeMissing, List<String> alternatives, long times) {

        public FileUse {
            alternatives = List.copyOf(alternatives);
            if (times < 1) {
                throw new IllegalArgumentException("a file is loaded at least once where written, not " + times);
            }
        }

        /** A file loaded once where it is written, outside loops. */
        public FileUse(String written, int line, boolean mayBeMissing, List<String> alternatives) {
            this(written, line, mayBeMissing, alternatives, 1);
        }
    }

    /**
     * A tag that includes, imports or extends a file named by an expression computed at render time, as
     * {@code {% include topic %}} or {@code {% include "parts/" ~ name %}}: no check can tell which file that is,
     * whether the package holds it or whether it lies inside the package.
     *
     * @param written the tag, its name and expression as written, between braces and percent signs
     */
    public record ComputedFile(String written, int line) {

        public ComputedFile {
            Objects.requireNonNull(written, "written");
        }
    }

    /** How a template loads a file, which decides what the file sees of the template's names. */
    public enum Load {
        INCLUDE("includes"), IMPORT("imports"), EXTEND("extends");

        /** How a message says that a template loads a file so: {@code includes}. */
        public final String verb;

        Load(String verb) {
            this.verb = verb;
        }
    }

    /**
     * A file the template includes, imports or extends, which Jinja renders, with its context, seeing the caller's
     * variables and the names the template binds where it loads the file ({@code for}, {@code set}, {@code macro},
     * {@code import} ...); without it, none of them. A file extended always has the context, and sees every name the
     * template binds outside blocks, before its {@code extends} or after: Jinja runs the whole template, then renders
     * the file it extends in its context.
     *
     * @param bound       the names the file sees that the template binds: none without context
     * @param withContext whether the file sees the caller's variables: by default an include does, an import not
     */
    public record Inclusion(FileUse file, Set<String> bound, Load load, boolean withContext) {

        public Inclusion {
            bound = withContext ? Set.copyOf(bound) : Set.of();
        }
    }

    /**
     * A name the template takes from a file, {@code {% from "./m.md" import name %}}, which the file must define.
     *
     * @param file the file, at the line of the tag
     * @param name the name as the file defines it, not the one it may be imported as
     */
    public record ImportedName(FileUse file, String name) {
    }

    /**
     * A legacy single-brace placeholder in the text, {@code {topic}} or {@code { workflow.topic }}, which Jinja
     * leaves as it is written.
     *
     * @param written    the placeholder as written, braces included
     * @param expression what the braces hold, {@code workflow.topic}
     */
    public record Placeholder(String written, String expression, int line) {

        /** The variable it names, {@code workflow} for {@code workflow.topic}. */
        public String root() {
            int dot = expression.indexOf('.');
            return dot < 0 ? expression : expression.substring(0, dot);
        }
    }

    private TemplateScan(String body, int firstLine) {
        this.lines = new BodyLines(body, firstLine);
        this.faults = new TemplateFaults(lines);
        this.blocks = new BlockStructure(faults, lines);
        this.syntax = new TagSyntax(faults);
        this.variables = new FreeVariables();
        this.files = new TemplateFileReferences(lines);
        this.macros = new MacroCalls(lines);
        this.placeholders = new LegacyPlaceholders(body, new MarkdownCode(body), lines, variables::isBound);
    }

    /** Whether a template can read the name as a variable, {@code {{ name }}}. */
    public static boolean isVariableName(String name) {
        return TemplateLexer.isName(name);
    }

    /**
     * Scans a template: a prompt's body, or a file a template loads.
     *
     * @param firstLine the file line where {@code body} starts
     */
    public static TemplateScan of(String body, int firstLine) {
        TemplateScan scan = new TemplateScan(body, firstLine);
        // each piece the lexer hands on is read within a guard of its own; this one is for the lexer itself
        scan.faults.guard(0, () -> new TemplateLexer(body, scan.faults).lex(scan.new Reading()));
        scan.faults.guard(body.length(), scan.blocks::closeAtTemplateEnd);
        Set<String> bound = scan.variables.topLevelNames();
        scan.extended.forEach(use -> scan.inclusions.add(new Inclusion(use, bound, Load.EXTEND, true)));
        return scan;
    }

    /** The names Jinja gives every template, its literals and globals ({@code true}, {@code loop}, {@code range}...). */
    public static Set<String> globalNames() {
        return FreeVariables.globalNames();
    }

    /** The variables the body reads without defining them, each at its first use, in order of first use. */
    public List<VariableUse> freeVariables() {
        List<VariableUse> uses = new ArrayList<>();
        variables.firstUses().forEach((name, offset) -> uses.add(new VariableUse(name, lines.fileLine(offset))));
        return uses;
    }

    /**
     * The legacy placeholders of the text, outside code, in order; not those of a name the template binds where
     * they stand, nor of a keyword or a global, which are no parameter's.
     */
    public List<Placeholder> placeholders() {
        return placeholders.found();
    }

    /** Where the tags do not fit together, in the order found. */
    public List<TemplateFault> faults() {
        return faults.all();
    }

    /** Where the scan itself failed, a defect of its own, which it read past: {@link TemplateFaults#guard}. */
    public List<TemplateFault> defects() {
        return faults.defects();
    }

    /**
     * The files the template names to include, import or extend by string literals, also those it may render
     * without ({@link FileUse#mayBeMissing()}); not a name computed at render time, which cannot be checked here.
     */
    public List<FileUse> files() {
        return files.found();
    }

    /** The tags naming a file by an expression computed at render time, in the order of the template. */
    public List<ComputedFile> computedFiles() {
        return files.computed();
    }

    /**
     * The names the template defines for an import of it to take, in the order defined: its macros and the names it
     * sets outside every {@code for}, {@code macro}, {@code block}, {@code call}, {@code filter} and {@code with}, but
     * for those starting with {@code _}.
     */
    public Set<String> exports() {
        return variables.exported();
    }

    /** The names the template takes from files by {@code from} ... {@code import}, in order. */
    public List<ImportedName> importedNames() {
        return List.copyOf(importedNames);
    }

    /** The {@link #files()} the template includes or imports, in the order of the template, then those it extends. */
    public List<Inclusion> inclusions() {
        return List.copyOf(inclusions);
    }

    /**
     * A call of a macro the template defines, {@code {{ m() }}}, which renders the macro's body.
     *
     * @param within the macro whose body calls it; empty outside every macro
     * @param times  how many times it is called there: {@link FileUse#times()}
     */
    public record MacroCall(String macro, String within, int line, long times) {
    }

    /** The characters of the body of each macro the template defines, by name. */
    public Map<String, Integer> macroLengths() {
        return macros.lengths();
    }

    /** The calls of the macros the template defines, in order. */
    public List<MacroCall> macroCalls() {
        return macros.calls();
    }

    /** Hands each piece of the body to the readers it concerns. */
    private final class Reading implements TemplateLexer.Reader {

        /** A {@code for} open at the reading position, at its block depth, with its rounds. */
        private record Loop(int depth, long rounds) {
        }

        private final Deque<Loop> loops = new ArrayDeque<>();

        @Override
        public void text(int start, int end) {
            faults.guard(start, () -> placeholders.read(start, end));
        }

        @Override
        public void print(String expression, int offset) {
            faults.guard(offset, () -> blocks.print(expression, offset));
            faults.guard(offset, () -> macros.expression(expression, offset, times()));
            faults.guard(offset, () -> variables.expression(expression.substring(0, syntax.print(expression, offset,
                    blocks.depth()).orElse(expression.length())), offset));
        }

        @Override
        public void statement(String written, String rest, int offset, int restOffset) {
            faults.guard(offset, () -> read(written, rest, offset, restOffset));
        }

        private void read(String written, String rest, int offset, int restOffset) {
            if (!blocks.isTag(written, offset)) {
                return;
            }
            String tag = BlockStructure.standsFor(written);
            OptionalInt stop = syntax.statement(written, tag, rest, offset, restOffset, blocks.depth());
            // a block's end closes the scopes opened inside it, before what follows is read
            blocks.fit(written, tag, rest, stop.isEmpty(), offset, variables.scopeDepth())
                    .ifPresent(variables::closeScopes);
            loops.removeIf(loop -> loop.depth() > blocks.depth());
            macros.closeAbove(blocks.depth(), offset);
            // the names of a tag are read as far as Jinja parses it; the files it names are checked all the same
            String parsed = rest.substring(0, stop.orElse(rest.length()));
            if (!tag.equals("macro")) {
                macros.expression(parsed, restOffset, times());
            }
            switch (tag) {
                case "if", "elif", "do", "switch", "case", "print" -> variables.expression(parsed, restOffset);
                case "include" -> {
                    loads(written, rest, offset, Load.INCLUDE);
                    variables.include(parsed, restOffset);
                }
                case "extends" -> {
                    extended.addAll(read(written, rest, offset));
                    variables.include(parsed, restOffset);
                }
                case "for" -> {
                    variables.forLoop(parsed, restOffset);
                    loops.push(new Loop(blocks.depth(), rounds(parsed)));
                }
                case "set" -> variables.assignment(parsed, restOffset);
                case "with" -> variables.with(parsed, restOffset);
                case "macro" -> {
                    variables.macro(parsed);
                    macros.define(parsed, blocks.depth(), restOffset + rest.length());
                }
                case "block" -> variables.blockScope();
                case "call", "filter" -> variables.callerScope();
                case "import" -> {
                    loads(written, rest, offset, Load.IMPORT);
                    variables.importAs(parsed);
                }
                case "from" -> {
                    List<FileUse> files = loads(written, rest, offset, Load.IMPORT);
                    List<String> names = variables.fromImport(parsed);
                    files.forEach(file -> names.forEach(name -> importedNames.add(new ImportedName(file, name))));
                }
                default -> { }
            }
        }

        /**
         * Reads the files an include or import names, each seeing, with its context, what is bound before the tag;
         * the tag's last words choose it, else Jinja's default: an include passes its context, an import does not.
         *
         * @return the files read
         */
        private List<FileUse> loads(String written, String rest, int offset, Load load) {
            Matcher choice = CONTEXT_CHOICE.matcher(rest);
            boolean withContext = choice.find() ? choice.group(1).equals("with") : load == Load.INCLUDE;
            Set<String> bound = variables.boundNames();
            List<FileUse> files = read(written, rest, offset);
            files.forEach(use -> inclusions.add(new Inclusion(use, bound, load, withContext)));
            return files;
        }

        /**
         * The rounds of a loop over {@code range} of a literal: at least one, as a loop of none renders its
         * {@code else}; one for a loop over anything else.
         */
        private static long rounds(String loop) {
            Matcher range = RANGE_LOOP.matcher(loop);
            if (!range.matches()) {
                return 1;
            }
            String digits = range.group(1).replaceFirst("^0+(?=\\d)", "");
            return digits.length() > MOST_DIGITS ? Long.MAX_VALUE : Math.max(1, Long.parseLong(digits));
        }

        /** How many times a file loaded at the reading position is: the rounds of the loops around it. */
        private long times() {
            long times = 1;
            for (Loop loop : loops) {
                times = loop.rounds() > Long.MAX_VALUE / times ? Long.MAX_VALUE : times * loop.rounds();
            }
            return times;
        }

        /** The files the tag names, read into {@link #files()}. */
        private List<FileUse> read(String tag, String rest, int offset) {
            int known = files.found().size();
            files.read("{% " + tag + " " + rest.strip() + " %}", rest, offset, times());
            List<FileUse> found = files.found();
            return found.subList(known, found.size());
        }
    }
}
