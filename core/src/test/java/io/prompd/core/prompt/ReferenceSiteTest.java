package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceSiteTest {

    @Test
    void aReferenceIsAtAFieldOrAtABodyLineNeverBothNorNeither() {
        LocalReference file = new LocalReference("./a.prmd");
        assertEquals("/inherits", new ReferenceSite(file, "/inherits", 0).pointer());
        assertEquals(7, new ReferenceSite(file, "", 7).line());
        assertThrows(IllegalArgumentException.class, () -> new ReferenceSite(file, "/inherits", 7));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceSite(file, "", 0));
        assertThrows(IllegalArgumentException.class, () -> new ReferenceSite(file, "/context", 0, true, List.of(), 1));
    }

    @Test
    void aPromptListsTheReferencesOfItsFrontMatterThenThoseOfItsBody() {
        PromptFile prompt = PromptParser.parse("p/a.prmd", """
                ---
                inherits: ./base.prmd
                context: ../notes.md
                ---
                {% include "./part.prmd" %}
                """).prompt().orElseThrow();

        assertEquals(List.of(new ReferenceSite(new LocalReference("./base.prmd"), "/inherits", 0),
                        new ReferenceSite(new LocalReference("../notes.md"), "/context", 0),
                        new ReferenceSite(new LocalReference("./part.prmd"), "", 5)),
                prompt.referenceSites());
    }

    @Test
    void itsLineIsTheBodyLineOrElseThatOfItsField() {
        PromptFile prompt = PromptParser.parse("a.prmd", "---\nid: a\ninherits: ./base.prmd\n---\n").prompt()
                .orElseThrow();
        LocalReference file = new LocalReference("./base.prmd");

        assertEquals(3, new ReferenceSite(file, "/inherits", 0).lineIn(prompt));
        assertEquals(9, new ReferenceSite(file, "", 9).lineIn(prompt));
    }
}
