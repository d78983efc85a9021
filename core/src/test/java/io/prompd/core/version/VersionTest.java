package io.prompd.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @Test
    void aVersionParsedTwiceIsSharedAndAnInvalidOneIsRefusedEachTime() {
        assertSame(Version.parse("1.2.3-beta.1+build"), Version.parse("1.2.3-beta.1+build"));
        assertThrows(IllegalArgumentException.class, () -> Version.parse("01.2.3"));
        assertThrows(IllegalArgumentException.class, () -> Version.parse("01.2.3"));
    }


    @ParameterizedTest
    @ValueSource(strings = {"0.0.0", "1.2.3", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7",
        "1.0.0-x.7.z.92", "1.0.0-x-y-z.--", "1.0.0-0a", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85",
        "1.0.0+21AF26D3----117B344092BD", "1.0.0+001", "2147483647.0.0", "1.0.0-9223372036854775807"})
    void acceptsValidVersions(String text) {
        assertTrue(Version.isValid(text));
        assertEquals(text, Version.parse(text).toString());
    }

    @Test
    void withoutBuildMetadataItIsTheFirstVersionOfItsPrecedence() {
        Version built = Version.parse("1.0.0-rc.1+x.2");
        assertEquals(Version.parse("1.0.0-rc.1"), built.withoutBuild());
        assertEquals(0, built.withoutBuild().comparePrecedence(built));
        assertTrue(built.withoutBuild().compareTo(built) < 0);
        Version plain = Version.parse("2.0.0");
        assertSame(plain, plain.withoutBuild());
    }

    /** The lowest release a caret range of the version leaves out: below 1.0.0 a minor or patch version breaks. */
    @ParameterizedTest
    @CsvSource({
            "1.2.3, 2.0.0",
            "1.0.0-beta.1, 2.0.0",
            "0.2.5, 0.3.0",
            "0.2.0-rc.1, 0.3.0",
            "0.0.3, 0.0.4",
            "0.0.0, 0.0.1",
            "2147483647.0.0, ''"})
    void theNextBreakingVersionIsTheFirstItsCaretRangeLeavesOut(String text, String breaking) {
        Version version = Version.parse(text);
        Optional<Version> next = version.nextBreaking();

        assertEquals(breaking, next.map(Version::toString).orElse(""));
        next.ifPresent(found -> assertFalse(VersionRange.caret(version).satisfiedBy(found)));
    }

    @Test
    void refusesALeadingV() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> Version.parse("v1.2.3"));
        assertTrue(invalid.getMessage().contains("leave it out"), invalid.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"01.2.3", "1.02.3", "1.2.03"})
    void refusesLeadingZerosInNumbers(String text) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> Version.parse(text));
        assertTrue(invalid.getMessage().contains("leading zeros"), invalid.getMessage());
    }

    /** Quoted on a line of prompd's, a line break would start one of its own, which could pass for a hint. */
    @Test
    void aRefusedVersionsLineBreaksAreSpeltOutWhereverItsTextIsQuoted() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> Version.parse("1.0.0\nhint: run x"));

        assertEquals("'1.0.0^Jhint: run x' is not a SemVer 2.0 version: '0^Jhint: run x' is not a number without"
                + " leading zeros; write it as MAJOR.MINOR.PATCH with optional -PRERELEASE and +BUILD, such as 1.2.3 or"
                + " 2.0.0-beta.1", invalid.getMessage());
    }

    @Test
    void refusesLeadingZerosInNumericPreReleaseIdentifiers() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> Version.parse("1.2.3-beta.01"));
        assertTrue(invalid.getMessage().contains("identifier '01'"), invalid.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3-", "1.2.3-a..b", "1.2.3-a.", "1.2.3+", "1.2.3+a..b"})
    void refusesEmptyIdentifiers(String text) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> Version.parse(text));
        assertTrue(invalid.getMessage().contains("empty identifier"), invalid.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3-bêta", "1.2.3+ß", "１.2.3", "1.2.3-\u0080"})
    void refusesNonAscii(String text) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> Version.parse(text));
        assertTrue(invalid.getMessage().contains("ASCII"), invalid.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2", "1.2.3.4", "1.x.3", "a.b.c", " 1.2.3", "1.2.3 ", "=1.2.3"})
    void refusesWhatIsNotThreeNumbers(String text) {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class, () -> Version.parse(text));
        assertTrue(invalid.getMessage().contains("such as 1.2.3"), invalid.getMessage());
    }

    @Test
    void namesWhatIsWrongWithTheShapeOfTheText() {
        assertEquals(List.of("it is empty"), Version.check(""));
        assertEquals(List.of("it starts with 'V' (leave it out)"), Version.check("V1.2.3"));
        assertEquals(List.of("'1.2' should be exactly three numbers separated by '.'"), Version.check("1.2"));
    }

    @Test
    void refusesCharactersOutsideIdentifiers() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> Version.parse("1.2.3-be_ta"));
        assertTrue(invalid.getMessage().contains("'be_ta' is not valid"), invalid.getMessage());
    }

    @Test
    void refusesNumbersBeyondTheSupportedLimits() {
        assertFalse(Version.isValid("2147483648.0.0"));
        assertEquals(List.of("the number 2147483648 is larger than 2147483647"), Version.check("0.0.2147483648"));
        assertFalse(Version.isValid("1.0.0-9223372036854775808"));
    }

    @Test
    void reportsEveryProblemTogether() {
        assertEquals(2, Version.check("01.02.3").size());
    }

    /** A pre-release or build part with no numbers before it: the numbers are missing, and the part is checked too. */
    @Test
    void namesTheMissingNumbersAndTheBadPartOfAVersionStartingWithItsPreReleaseOrBuild() {
        assertEquals(List.of("'' should be exactly three numbers separated by '.'", "the pre-release identifier '01' is"
                + " not valid (letters, digits and '-'; numbers without leading zeros)"), Version.check("-rc.01"));
        assertEquals(List.of("'' should be exactly three numbers separated by '.'",
                "the build identifier 'build_1' is not valid (letters, digits and '-')"), Version.check("+build_1"));
    }

    @Test
    void exposesItsParts() {
        Version version = Version.parse("1.2.3-beta.4+build.5");
        assertEquals(1, version.major());
        assertEquals(2, version.minor());
        assertEquals(3, version.patch());
        assertEquals(List.of("beta", "4"), version.preRelease());
        assertEquals(List.of("build", "5"), version.build());
        assertTrue(version.isPreRelease());
        assertFalse(Version.parse("1.2.3+build").isPreRelease());
    }

    @Test
    void ordersBySemVerPrecedence() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0");
        List<Version> shuffled = new ArrayList<>(ordered.stream().map(Version::parse).toList());
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertEquals(ordered, shuffled.stream().map(Version::toString).toList());
    }

    @Test
    void ordersNumericPreReleaseIdentifiersBeforeAlphanumericOnes() {
        assertTrue(Version.parse("1.0.0-999").compareTo(Version.parse("1.0.0-a")) < 0);
        assertTrue(Version.parse("1.0.0-2").compareTo(Version.parse("1.0.0-10")) < 0);
    }

    @Test
    void ignoresBuildMetadataForPrecedenceButNotForEquality() {
        Version first = Version.parse("1.0.0+a");
        Version second = Version.parse("1.0.0+b");
        assertEquals(0, first.comparePrecedence(second));
        assertNotEquals(first, second);
        assertTrue(first.compareTo(second) < 0);
        assertTrue(Version.parse("1.0.0").compareTo(first) < 0);
    }

    /** Build metadata alone does not make another version; a pre-release or another number does. */
    @ParameterizedTest
    @CsvSource({
            "1.0.0, 1.0.0, true",
            "1.0.0, 1.0.0+x, true",
            "1.0.0+a, 1.0.0+b, true",
            "1.0.0-rc.1+a, 1.0.0-rc.1, true",
            "1.0.0, 1.0.0-rc.1, false",
            "1.0.0+x, 1.0.1+x, false",
            "1.0.0-rc.1, 1.0.0-RC.1, false"})
    void twoVersionsHaveTheSamePrecedenceWhenTheyDifferInBuildMetadataAlone(String one, String other,
                                                                            boolean same) {
        assertEquals(same, Version.parse(one).samePrecedence(Version.parse(other)));
        assertEquals(same, Version.parse(other).samePrecedence(Version.parse(one)));
    }

    /** Texts too long to be kept ({@link ParsedValues}), so that two parses make two instances to compare. */
    @Test
    void equalsAndHashCodeAgreeWithCompareTo() {
        String unkept = "a".repeat(ParsedValues.LONGEST_KEPT);
        Stream.of("1.0.0+" + unkept, "1.0.0-" + unkept, "1.0.0-a+" + unkept).forEach(text -> {
            Version one = Version.parse(text);
            Version other = Version.parse(text);
            assertNotSame(one, other);
            assertEquals(one, other);
            assertEquals(one.hashCode(), other.hashCode());
            assertEquals(0, one.compareTo(other));
        });
    }

    @Test
    void comparesMajorMinorPatchOnly() {
        assertTrue(Version.parse("1.2.3-beta").sameMajorMinorPatch(Version.parse("1.2.3+build")));
        assertFalse(Version.parse("1.2.3").sameMajorMinorPatch(Version.parse("1.2.4")));
    }
}
