package io.prompd.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void countsASwapOfNeighboursAsOneEdit() {
        assertEquals(1, Spelling.distance("mti", "mit"));
        assertEquals(3, Spelling.distance("kitten", "sitting"));
        assertEquals(0, Spelling.distance("abc", "abc"));
        assertEquals(1, Spelling.distance("abc", "abcd"));
        assertEquals(3, Spelling.distance("", "abc"));
    }

    @Test
    void suggestsTheClosestWithinTwoEditsAndBreaksTiesAlphabetically() {
        assertEquals(Optional.of("dependencies"),
                Spelling.closest("dependancies", List.of("description", "dependencies")));
        assertEquals(Optional.of("ab"), Spelling.closest("aa", List.of("ba", "ab")));
        assertEquals(Optional.empty(), Spelling.closest("devDependencies", List.of("dependencies")));
    }

    @Test
    void aWordOfOneOrTwoLettersIsNotTakenForAnyWordTwoEditsAway() {
        assertEquals(Optional.empty(), Spelling.closest("h", List.of("id")));
        assertEquals(Optional.empty(), Spelling.closest("xy", List.of("id")));
        assertEquals(Optional.of("id"), Spelling.closest("if", List.of("id")));
    }

    @Test
    void aShortWordIsTakenOnlyForWordsOneEditAwayASwapOfNeighboursIncluded() {
        assertEquals(Optional.of("get"), Spelling.closest("gte", List.of("set", "get")));
        assertEquals(Optional.of("list"), Spelling.closest("lsit", List.of("init", "ls", "list")));
        assertEquals(Optional.empty(), Spelling.closest("gte", List.of("set")), "two edits change most of it");
        assertEquals(Optional.empty(), Spelling.closest("lsit", List.of("init", "ls")));
        assertEquals(Optional.of("install"), Spelling.closest("isntal", List.of("install")), "two from six letters");
        assertEquals(List.of(0, 1, 1, 1, 1, 2, 2), IntStream.of(1, 2, 3, 4, 5, 6, 12)
                .map(Spelling::maxEdits).boxed().toList());
    }

    @Test
    void aLongerWordMayBeAllowedMoreEditsButAShortOneNoMore() {
        assertEquals(List.of(0, 1, 1, 3, 3), IntStream.of(1, 2, 5, 6, 19)
                .map(letters -> Spelling.maxEdits(letters, 3)).boxed().toList());
        assertEquals(List.of(0, 0, 0), IntStream.of(1, 2, 6).map(letters -> Spelling.maxEdits(letters, 0)).boxed()
                .toList());
    }

    @Test
    void asksAboutTheClosestInOneWording() {
        assertEquals(Optional.of("did you mean 'dependencies'?"),
                Spelling.didYouMean("dependancies", List.of("description", "dependencies")));
        assertEquals(Optional.empty(), Spelling.didYouMean("devDependencies", List.of("dependencies")));
    }
}
