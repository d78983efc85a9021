package io.prompd.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void utf8IsDecodedWholeAndHasNoFault() {
        byte[] text = "caf\u00e9 \uD83D\uDE00\nna\u00efve\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.of("caf\u00e9 \uD83D\uDE00\nna\u00efve\n"), Utf8.decode(text));
        assertEquals(Optional.empty(), Utf8.firstFault(text));
        assertEquals(Optional.of(""), Utf8.decode(new byte[0]));
    }

    @Test
    void theFirstForeignByteIsFoundWithItsLine() {
        byte[] latin1 = "line one\r\nline two\r\ncaf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Optional.empty(), Utf8.decode(latin1));
        assertEquals(Optional.of(new Utf8.Fault(3, 0xE9)), Utf8.firstFault(latin1));
    }

    @Test
    void aSequenceCutShortAtTheEndIsAFaultToo() {
        byte[] cut = {'o', 'k', '\n', (byte) 0xE2, (byte) 0x82};
        assertEquals(Optional.of(new Utf8.Fault(2, 0xE2)), Utf8.firstFault(cut));
        assertEquals("the file is not UTF-8: this line holds the byte 0xE2, which UTF-8 does not allow there",
                Utf8.firstFault(cut).orElseThrow().message());
    }
}
