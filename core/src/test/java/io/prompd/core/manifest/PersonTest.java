package io.prompd.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Ada                                      | Ada          |              |
            Ada Lovelace <ada@acme.io>               | Ada Lovelace | ada@acme.io  |
            Ada (https://acme.io)                    | Ada          |              | https://acme.io
            Ada <ada@acme.io> (https://acme.io)      | Ada          | ada@acme.io  | https://acme.io
            Ada <ada@acme.io                         | Ada <ada@acme.io |          |
            """)
    void readsNpmShorthandAndKeepsAnythingElseAsTheName(String shorthand, String name, String email, String url) {
        assertEquals(new Person(name, email, url), Person.parse(shorthand));
    }

    @Test
    void displaysAsNpmShorthand() {
        assertEquals("Ada <ada@acme.io> (https://acme.io)",
                new Person("Ada", "ada@acme.io", "https://acme.io").display());
        assertEquals("Ada (https://acme.io)", new Person("Ada", "", "https://acme.io").display());
    }

    @Test
    void needsAName() {
        assertThrows(IllegalArgumentException.class, () -> new Person(" ", "a@b.c", ""));
    }
}
