package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LegacyPlaceholdersTest {

    private static LegacyPlaceholders placeholders(String body, Set<String> bound) {
        MarkdownBody markdown = new MarkdownBody(body, 5);
        return new LegacyPlaceholders(body, markdown, new BodyLines(body, markdown), bound::contains);
    }

    @Test
    void onlyTheTextReadIsSearchedAndEachPlaceholderIsAtItsFileLine() {
        String body = "{a}\n{ b.c } and `{d}`\n{e}";
        LegacyPlaceholders placeholders = placeholders(body, Set.of());

        placeholders.read(1, body.length() - 3);

        assertEquals(List.of(new TemplateScan.Placeholder("{ b.c }", "b.c", 6)), placeholders.found());
    }

    @Test
    void aPlaceholderOfANameBoundWhereItStandsIsNone() {
        String body = "{item} {other.x}";
        LegacyPlaceholders placeholders = placeholders(body, Set.of("item", "other"));

        placeholders.read(0, body.length());

        assertEquals(List.of(), placeholders.found());
    }
}
