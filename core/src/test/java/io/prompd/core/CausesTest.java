package io.prompd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class CausesTest {

    private final IOException inner = new IOException("inner");
    private final UncheckedIOException middle = new UncheckedIOException("middle", inner);
    private final CompletionException outer = new CompletionException(middle);

    @Test
    void findsTheFailureItselfBeforeItsCauses() {
        assertEquals(Optional.of(outer), Causes.find(outer, RuntimeException.class));
    }

    @Test
    void findsTheFirstCauseOfTheType() {
        assertEquals(Optional.of(middle), Causes.find(outer, UncheckedIOException.class));
        assertEquals(Optional.of(inner), Causes.find(outer, IOException.class));
    }

    @Test
    void skipsCausesOfTheTypeThatDoNotFit() {
        assertEquals(Optional.of(middle), Causes.find(outer, RuntimeException.class,
                found -> found.getMessage().equals("middle")));
    }

    @Test
    void findsNothingWhenNoCauseIsOfTheType() {
        assertEquals(Optional.empty(), Causes.find(outer, IllegalStateException.class));
        assertEquals(Optional.empty(), Causes.find(inner, IOException.class, found -> false));
    }
}
