package io.prompd.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LegacyPlaceholdersTest {

    private static LegacyPlaceholders placeholders(String body, Set<String> bound) {
        return new LegacyPlaceholders(body, new MarkdownCode(body), new BodyLines(body, 5), bound::contains);
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
