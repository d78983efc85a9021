package io.prompd.core.name;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of names is the order of their text, scope separators included, however it is computed. */
class PackageNameOrderTest {

    private static final List<String> NAMES = List.of("a", "ab", "a.b", "a-b", "a_b", "b", "z9", "@a/b", "@a/bc",
            "@a/b.c", "@a-b/c", "@a.b/c", "@ab/c", "@a/a", "@b/a", "@z/z", "0", "@0/0", "@a/ab");

    @Test
    void everyPairComparesAsItsText() {
        for (String left : NAMES) {
            for (String right : NAMES) {
                assertEquals(Integer.signum(left.compareTo(right)),
                        Integer.signum(PackageName.parse(left).compareTo(PackageName.parse(right))),
                        left + " vs " + right);
            }
        }
    }
}
