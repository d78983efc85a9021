package io.prompd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChoicesTest {

    enum Colour {
        RED, DARK_BLUE
    }

    static final class Colours extends Choices<Colour> {
        Colours() {
            super(Colour.class, "colour");
        }
    }

    @Test
    void aChoiceIsTakenInLowerCaseAloneAndOfferedSo() {
        assertEquals(Colour.DARK_BLUE, new Colours().convert("dark_blue"));
        List<String> offered = new ArrayList<>();
        new Colours().forEach(offered::add);
        assertEquals(List.of("red", "dark_blue"), offered);
    }

    @Test
    void aChoiceInOtherLettersIsRefusedSayingSoAndAnUnknownOneListingThem() {
        assertEquals("'Red' is not a colour; use red or dark_blue, in lower case",
                assertThrows(CommandLine.TypeConversionException.class, () -> new Colours().convert("Red"))
                        .getMessage());
        assertEquals("'green' is not a colour; use red or dark_blue",
                assertThrows(CommandLine.TypeConversionException.class, () -> new Colours().convert("green"))
                        .getMessage());
    }
}
