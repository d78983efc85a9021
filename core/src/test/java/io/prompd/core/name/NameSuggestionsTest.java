package io.prompd.core.name;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NameSuggestionsTest {

    /** Why the names could not be read is said, as a clause after a failure's words or as a sentence of its own. */
    @Test
    void namesWhyNothingIsSuggestedWhenTheNamesCouldNotBeRead() {
        NameSuggestions unreadable = NameSuggestions.unreadable("the registry sent a damaged document: names.json");

        assertEquals(List.of(), unreadable.names());
        assertEquals(Optional.of("no similar names can be suggested: the registry sent a damaged document: names.json;"
                + " tell whoever keeps the registry"), unreadable.clause());
        assertEquals(Optional.of("No similar names can be suggested: the registry sent a damaged document: names.json;"
                + " tell whoever keeps the registry"), unreadable.note());
    }

    @Test
    void saysNothingMoreWhenTheNamesWereRead() {
        NameSuggestions some = NameSuggestions.of(List.of(PackageName.parse("@a/x")));

        assertEquals(List.of(PackageName.parse("@a/x")), some.names());
        assertEquals(Optional.empty(), some.clause());
        assertEquals(Optional.empty(), some.note());
        assertEquals(Optional.empty(), NameSuggestions.NONE.note());
    }
}
