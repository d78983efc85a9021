package io.prompd.core.prompt;

import io.prompd.core.template.TemplateScan;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A reference and where the prompt writes it: a front-matter field, whose line its pointer gives
 * when a problem needs one, or a line of the body ({@code {% include "./part.prmd" %}}).
 *
 * @param pointer      the front-matter field, such as {@code /inherits}; empty for the body
 * @param line         the file line of a reference in the body; 0 for one in the front matter
 * @param mayBeMissing whether the template renders without the file whatever else is there: one it includes
 *                     {@code ignore missing}, or one named beside a name computed at render time; when the file is
 *                     there, it is rendered all the same
 * @param alternatives the other files of the list the template names it in ({@code {% include ["a.md", "b.md"] %}}),
 *                     of which Jinja renders the first that is there: the list fails only when none is
 * @param times        how many times the template loads the file there, in loops ({@link TemplateScan.FileUse#times()})
 */
public record ReferenceSite(Reference reference, String pointer, int line, boolean mayBeMissing,
                            List<Reference> alternatives, long times) {

    public ReferenceSite {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(pointer, "pointer");
        if (line < 0 || (line == 0) == pointer.isEmpty()) {
            throw new IllegalArgumentException("a reference is either at a field (" + pointer
                    + ") or at a line (" + line + ")");
        }
        if ((mayBeMissing || !alternatives.isEmpty()) && line == 0) {
            throw new IllegalArgumentException("only a template may name a file it renders without (" + pointer + ")");
        }
        alternatives = List.copyOf(alternatives);
        if (times < 1 || (times > 1 && line == 0)) {
            throw new IllegalArgumentException("a front-matter field names a file once, a template at least once, not "
                    + times + " times (" + pointer + ")");
        }
    }

    /** A reference whose file must be there, as every one of the front matter. */
    public ReferenceSite(Reference reference, String pointer, int line) {
        this(reference, pointer, line, false, List.of(), 1);
    }

    /**
     * The files a template names ({@link TemplateScan#files()}) that are references, with their lines; a name that is
     * none is left out.
     *
     * @param aliases the {@code using} aliases the names may start with: none for a file a template loads
     */
    static List<ReferenceSite> ofTemplate(TemplateScan template, List<Alias> aliases) {
        return template.files().stream()
                .flatMap(use -> References.tryParse(use.written(), aliases).stream()
                        .map(reference -> new ReferenceSite(reference, "", use.line(), use.mayBeMissing(),
                                use.alternatives().stream()
                                        .flatMap(other -> References.tryParse(other, aliases).stream())
                                        .toList(), use.times())))
                .toList();
    }

    /**
     * Whether the prompt fails to render without the file, given which files are there; an alternative whose
     * presence cannot be told here (of another package, say) is to be taken as there, so that no error is false.
     */
    public boolean needed(Predicate<Reference> there) {
        return !mayBeMissing && alternatives.stream().noneMatch(there);
    }

    /**
     * Whether the template writes it, as an include, import or extends: a file so named is rendered as a template,
     * where one the front matter names (a context) is only read.
     */
    public boolean inTemplate() {
        return line > 0;
    }

    /**
     * The file line of the reference in the prompt that writes it: its body line, or its field's,
     * which reads the front matter again, so it is asked for only when a problem needs it.
     */
    public int lineIn(PromptFile prompt) {
        return line > 0 ? line : prompt.lineOf(pointer);
    }
}
