package io.prompd.generator.check;

/** JSON pointers to the fields the rules report on, escaped as RFC 6901 wants. */
final class Pointer {

    private Pointer() {
    }

    /** {@code /dependencies/@a~1b} for {@code of("dependencies", "@a/b")}. */
    static String of(String... segments) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : segments) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
