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
        assertEquals(Optional.of(new Utf8.Fault(3, 0xE9, Optional.empty())), Utf8.firstFault(latin1));
    }

    @Test
    void aSequenceCutShortAtTheEndIsAFaultToo() {
        byte[] cut = {'o', 'k', '\n', (byte) 0xE2, (byte) 0x82};
        assertEquals(Optional.of(new Utf8.Fault(2, 0xE2, Optional.empty())), Utf8.firstFault(cut));
        assertEquals("the file is not UTF-8: this line holds the byte 0xE2, which UTF-8 does not allow there",
                Utf8.firstFault(cut).orElseThrow().message());
    }

    @Test
    void textSavedAsUtf16OrUtf32IsNamedByItsByteOrderMark() {
        // Java's UTF-16 encoder writes big-endian with its mark; Notepad's "Unicode" is little-endian with its mark
        byte[] bigEndian = "---\nid: a\n".getBytes(StandardCharsets.UTF_16);
        byte[] littleEndian = ("\uFEFF" + "---\nid: a\n").getBytes(StandardCharsets.UTF_16LE);
        byte[] utf32 = {(byte) 0xFF, (byte) 0xFE, 0, 0, '-', 0, 0, 0};

        assertEquals(Optional.of(new Utf8.Fault(1, 0xFE, Optional.of("UTF-16BE"))), Utf8.firstFault(bigEndian));
        assertEquals("the file is UTF-16LE, not UTF-8: it starts with the byte order mark of UTF-16LE",
                Utf8.firstFault(littleEndian).orElseThrow().message());
        assertEquals(Optional.of("UTF-32LE"), Utf8.encodingByMark(utf32));
        assertEquals(Optional.empty(), Utf8.encodingByMark("\uFEFF---".getBytes(StandardCharsets.UTF_8)));
    }
}
