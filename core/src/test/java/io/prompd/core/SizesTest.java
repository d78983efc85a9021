package io.prompd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SizesTest {

    @Test
    void sizesAreShownInBinaryUnitsWithOneDecimal() {
        assertEquals("1 byte", Sizes.readable(1));
        assertEquals("1023 bytes", Sizes.readable(1023));
        assertEquals("1.0 KiB", Sizes.readable(1024));
        assertEquals("1.5 KiB", Sizes.readable(1536));
        assertEquals("5.0 MiB", Sizes.readable(5L << 20));
        assertEquals("7.7 MiB", Sizes.readable(8_105_264));
        assertEquals("2.0 GiB", Sizes.readable(2L << 30));
    }

    @Test
    void aSizeJustOverItsLimitIsShownInExactBytes() {
        assertEquals("7.7 MiB, more than the limit of 5.0 MiB", Sizes.overLimit(8_105_264, 5L << 20));
        assertEquals("5242881 bytes, more than the limit of 5242880 bytes", Sizes.overLimit((5L << 20) + 1, 5L << 20));
        assertEquals("101 bytes, more than the limit of 100 bytes", Sizes.overLimit(101, 100));
    }
}
