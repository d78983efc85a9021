package io.prompd.core.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.util.BitSet;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermTest {

    private static final PackageName NAME = PackageName.parse("@a/x");
    private static final Domain DOMAIN = Domain.of(NAME, new TestIndex()
            .add("@a/x", "1.0.0").add("@a/x", "1.1.0").add("@a/x", "1.2.0").add("@a/x", "2.0.0").packages().get(NAME),
            true, Takedowns.NONE, Optional.empty(), ResolveOptions.defaults());

    private static BitSet bits(int... indexes) {
        BitSet bits = new BitSet();
        for (int index : indexes) {
            bits.set(index);
        }
        return bits;
    }

    private static Term range(String range) {
        return Term.positive(DOMAIN, DOMAIN.matching(VersionRange.parse(range)), range);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "0; 1.0.0",
        "1 2 3; >=1.1.0",
        "0 1; <=1.1.0",
        "1 2; >=1.1.0 <=1.2.0",
        "0 3; 1.0.0 || 2.0.0"})
    void describesASetCompactly(String indexes, String expected) {
        BitSet set = new BitSet();
        for (String index : indexes.split(" ")) {
            set.set(Integer.parseInt(index));
        }
        assertEquals(expected, DOMAIN.describe(set));
    }

    @Test
    void describesEveryVersionWithoutARange() {
        Term every = Term.positive(DOMAIN, DOMAIN.all(), null);
        assertEquals("every version of @a/x", every.describe(true));
        assertEquals("@a/x", every.describe(false));
    }

    @Test
    void namesWhatEitherOfTwoRangesAllowsByBothRangesLowerFirst() {
        Term eitherRange = range("^2.0.0").inverse().intersect(range("~1.0.0").inverse());
        assertFalse(eitherRange.isPositive());
        assertEquals(bits(0, 3), eitherRange.versions());
        assertEquals("@a/x ~1.0.0 || ^2.0.0", eitherRange.describe(false));
    }

    @Test
    void namesWhatAnyOfManyRangesAllowsByTheVersionsWhereTheRangesWouldBeMore() {
        Term eitherVersion = range("1.0.0").inverse().intersect(range("1.1.0").inverse());
        assertEquals("@a/x 1.0.0 || 1.1.0", eitherVersion.describe(false));
        Term anyOfThree = eitherVersion.intersect(range("1.2.0").inverse());
        assertEquals(bits(0, 1, 2), anyOfThree.versions());
        assertEquals("@a/x <=1.2.0", anyOfThree.describe(false));
    }

    /** Past two ranges, their text stays while each allows a run of versions apart from the others'. */
    @Test
    void namesWhatAnyOfThreeRangesAllowsByTheRangesWhileEachIsARunOfItsOwn() {
        Domain domain = Domain.of(NAME, new TestIndex().add("@a/x", "1.0.0").add("@a/x", "1.1.0").add("@a/x", "1.2.0")
                .add("@a/x", "1.3.0").add("@a/x", "2.0.0").packages().get(NAME), true, Takedowns.NONE, Optional.empty(),
                ResolveOptions.defaults());
        Term anyOfThree = Stream.of("~1.0.0", "~1.2.0", "^2.0.0")
                .map(range -> Term.negative(domain, domain.matching(VersionRange.parse(range)), range))
                .reduce(Term::intersect).orElseThrow();
        assertEquals(bits(0, 2, 4), anyOfThree.versions());
        assertEquals("@a/x ~1.0.0 || ~1.2.0 || ^2.0.0", anyOfThree.describe(false));
    }

    @Test
    void keepsTheRangeTextWhileTheSetIsUnchanged() {
        assertEquals("@a/x ^1.0.0", range("^1.0.0").intersect(range(">=1.0.0 <2.0.0")).describe(false));
        assertEquals("@a/x >=1.1.0 <=1.2.0", range("^1.0.0").intersect(range(">=1.1.0")).describe(false));
    }

    @Test
    void intersectsPositiveAndNegativeTermsExactly() {
        Term withoutOldest = range("^1.0.0").difference(range("1.0.0"));
        assertTrue(withoutOldest.isPositive());
        assertEquals(bits(1, 2), withoutOldest.versions());
        Term neither = range("1.0.0").inverse().intersect(range("2.0.0").inverse());
        assertFalse(neither.isPositive());
        assertEquals(bits(0, 3), neither.versions());
    }

    @Test
    void relatesWhatIsKnownToATerm() {
        assertEquals(Term.Relation.SATISFIED, range("1.1.0").relation(range("^1.0.0")));
        assertEquals(Term.Relation.CONTRADICTED, range("^1.0.0").relation(range("2.0.0")));
        assertEquals(Term.Relation.INCONCLUSIVE, range(">=1.1.0").relation(range("^1.0.0")));
        assertEquals(Term.Relation.INCONCLUSIVE, Term.any(DOMAIN).relation(range("^1.0.0")));
        assertEquals(Term.Relation.SATISFIED, range("2.0.0").relation(range("^1.0.0").inverse()));
    }

    @Test
    void refusesToCombineTermsAboutTwoPackages() {
        Domain other = Domain.of(PackageName.parse("@a/y"), new TestIndex().add("@a/y", "1.0.0").packages()
                .get(PackageName.parse("@a/y")), true, Takedowns.NONE, Optional.empty(), ResolveOptions.defaults());
        Term aboutOther = Term.positive(other, other.all(), null);

        assertThrows(IllegalArgumentException.class, () -> range("^1.0.0").intersect(aboutOther));
        assertThrows(IllegalArgumentException.class, () -> range("^1.0.0").satisfies(aboutOther));
    }

    @Test
    void neverSatisfiesAPositiveTermWithTheAbsenceOfThePackage() {
        Term notSelected = Term.negative(DOMAIN, DOMAIN.all(), null);
        assertFalse(notSelected.satisfies(range("*")));
        assertTrue(notSelected.satisfies(range("^1.0.0").inverse()));
    }
}
