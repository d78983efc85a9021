package io.prompd.core;

import java.util.Locale;

/** Sizes in messages as people read them: {@code 512 bytes}, {@code 4.2 KiB}, {@code 5.0 MiB}. */
public final class Sizes {

    private static final long KIB = 1024;
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private Sizes() {
    }

    /**
     * Bytes under one KiB, else one decimal of the largest unit that keeps the number at least 1: always
     * one, so that a size on a progress line does not change width as it grows.
     */
    public static String readable(long bytes) {
        if (bytes < KIB) {
            return Plural.count(bytes, "byte");
        }
        double value = bytes;
        int unit = -1;
        while (value >= KIB && unit < UNITS.length - 1) {
            value /= KIB;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /**
     * {@code 7.7 MiB, more than the limit of 5.0 MiB}; in exact bytes when rounding would make a size
     * just over its limit read as the limit itself.
     */
    public static String overLimit(long size, long limit) {
        String readableSize = readable(size);
        String readableLimit = readable(limit);
        return readableSize.equals(readableLimit)
                ? Plural.count(size, "byte") + ", more than the limit of " + Plural.count(limit, "byte")
                : readableSize + ", more than the limit of " + readableLimit;
    }
}
