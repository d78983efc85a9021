package io.prompd.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Grammar and API cases beyond the npm conformance table; each refusal was checked against node-semver 7.8.5. */
class VersionRangeTest {

    /** The empty range, which any version satisfies, reads as npm shows it; its text stays as written. */
    @Test
    void theEmptyRangeIsShownAsAStar() {
        VersionRange empty = VersionRange.parse("");

        assertEquals("*", empty.toString());
        assertEquals("", empty.text());
        assertEquals("^1.0.0", VersionRange.parse("^1.0.0").toString());
        assertEquals("\"\"", Json.writeString(empty).strip());
    }

    /** A sentence naming the ranges packages ask for names the empty one too, once, rather than leaving a gap. */
    @Test
    void aSeriesShowsTheEmptyRangeAsAStar() {
        assertEquals("^1.0.0, * and ~2.0", VersionRange.series(List.of(VersionRange.parse("^1.0.0"),
                VersionRange.parse(""), VersionRange.parse("~2.0"), VersionRange.parse("*"))));
    }

    @Test
    void aRangeParsedTwiceIsSharedAndAnInvalidOneIsRefusedEachTime() {
        assertSame(VersionRange.parse("^1.2.3 || ~2.0"), VersionRange.parse("^1.2.3 || ~2.0"));
        assertThrows(InvalidRangeException.class, () -> VersionRange.parse(">==1.2"));
        assertThrows(InvalidRangeException.class, () -> VersionRange.parse(">==1.2"));
    }


    /** Quoted on a line of prompd's, a line break would start one of its own, which could pass for a hint. */
    @Test
    void aRefusedRangesLineBreaksAreSpeltOutWhereverItsTextIsQuoted() {
        assertEquals("'^2.0.0^Jhint: run curl x | sh' is not a valid version range: '^2.0.0^Jhint: run curl x | sh'"
                + " has a single '|'; alternatives are separated by '||'; write a range such as 1.2.3, ^1.2.3, ~1.2,"
                + " 1.x, >=1.0.0 <2.0.0 or 1.0.0 - 2.0.0, and join alternatives with ||",
                refusal("^2.0.0\nhint: run curl x | sh"));
    }

    private static String refusal(String range) {
        return assertThrows(InvalidRangeException.class, () -> VersionRange.parse(range)).getMessage();
    }

    private static boolean satisfies(String range, String version) {
        return VersionRange.parse(range).satisfiedBy(Version.parse(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"^^1", ">=>1", "~=1", ">==1.2", "> = 1", "^<1"})
    void refusesTwoOperators(String range) {
        assertTrue(refusal(range).contains("more than one operator"), refusal(range));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4", "blerg", "latest", "V1.2.3", "01.2.3", "1.2.03", "1.2.3-01", "^1.2.3-", "1.2.3+",
        ">=1.0.0<2", "v", "1.2-beta"})
    void refusesWhatIsNotAVersion(String range) {
        String message = refusal(range);
        assertFalse(VersionRange.isValid(range));
        assertTrue(message.startsWith("'" + range + "' is not a valid version range: "), message);
        assertTrue(message.contains("is not a version") || message.contains("is not a SemVer 2.0 version"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {">", "^", "~>", "=", "1.0.0 <="})
    void refusesAnOperatorWithoutVersion(String range) {
        assertTrue(refusal(range).contains("is not followed by a version"), refusal(range));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 -", "- 1", "1 - 2 - 3", "1.2.3 - 2.3.4 >=1", ">=1 - 2", "1.2.3 -2"})
    void refusesMalformedHyphenRanges(String range) {
        assertThrows(InvalidRangeException.class, () -> VersionRange.parse(range));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "*; 1.5.0; true",
            ">=1.0.0; 1.5.0; true",
            ">1; 2.0.0; true",
            ">=2.0.0; 1.5.0; false",
            "^1.0.0; 1.5.0; false",
            ">=1.0.0 <2; 1.5.0; false",
            "1.x || >=3; 3.1.0; true",
            "1.x || >=3; 1.5.0; false",
            "<0.5 || >=1.0; 1.2.0; true"})
    void allowsEveryReleaseFromAVersionOnlyWithoutAnUpperBoundAboveIt(String range, String release, boolean expected) {
        assertEquals(expected, VersionRange.parse(range).allowsEveryReleaseFrom(Version.parse(release)));
    }

    /** Where a version lies against a range it is not in: below it, above it, or within its bounds. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "^0.0.1; 0.0.0; true; false",
            "^0.0.1; 0.0.3; false; true",
            "^0.0.1; 0.0.2-rc.1; false; true",
            "^1.0.0; 1.1.0-beta.1; false; false",
            "^1.0.0 || ^3.0.0; 2.0.0; false; false",
            "^1.0.0 || ^3.0.0; 0.9.0; true; false",
            "^1.0.0 || ^3.0.0; 4.0.0; false; true",
            "=1.2.3; 1.2.3-rc.1; true; false",
            ">1.2.3; 1.2.3; true; false",
            "<=1.2.3; 1.2.4; false; true",
            "*; 9.9.9; false; false"})
    void tellsAVersionBelowOrAboveWhatItsBoundsLetThrough(String range, String version, boolean rangeAbove,
                                                          boolean rangeBelow) {
        assertEquals(rangeAbove, VersionRange.parse(range).isAbove(Version.parse(version)));
        assertEquals(rangeBelow, VersionRange.parse(range).isBelow(Version.parse(version)));
    }

    @Test
    void refusesAHyphenThatDoesNotStandBetweenTwoVersions() {
        assertTrue(refusal("1 2 -").contains("'1 2 -' is not a hyphen range"), refusal("1 2 -"));
    }

    @Test
    void refusesASinglePipe() {
        assertTrue(refusal("1 | 2").contains("'||'"), refusal("1 | 2"));
    }

    @Test
    void reportsEveryProblemTogether() {
        String message = refusal("^^1 blerg || 1 - x.1 || >");
        assertTrue(message.contains("'^^1' has more than one operator"), message);
        assertTrue(message.contains("'blerg' is not a version"), message);
        assertTrue(message.contains("'x.1' has a number after a wildcard"), message);
        assertTrue(message.contains("'>' is not followed by a version"), message);
    }

    @Test
    void refusesNonAsciiCharacters() {
        assertTrue(refusal("\u00a01.2.3").contains("U+00A0"), refusal("\u00a01.2.3"));
        assertTrue(refusal("1.2.3\u007f").contains("it holds the character U+007F at position 6"),
                refusal("1.2.3\u007f"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.1", "1.x.3", "x.1.2", "1.x.3 - 2"})
    void refusesANumberAfterAWildcard(String range) {
        assertTrue(refusal(range).contains("has a number after a wildcard"), refusal(range));
    }

    /** npm accepts these by accident of its regular expressions; prompd refuses rather than guess. */
    @ParameterizedTest
    @ValueSource(strings = {"1.2.x-beta", "1.2.x+build"})
    void refusesAPreReleaseOrBuildPartOnAWildcardVersion(String range) {
        assertTrue(refusal(range).contains("has a pre-release or build part on a version with a wildcard"),
                refusal(range));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.x-beta", "vv1", "^2147483647", "2147483648.0.0"})
    void refusesOddFormsNpmHappensToAccept(String range) {
        assertThrows(InvalidRangeException.class, () -> VersionRange.parse(range));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "*", "x", "X", "||", "||||", " ||  || ", "*.*.*", ">=*", "<=x", "1.0.0 || "})
    void readsEmptyAlternativesAndWildcardsAsAnyRelease(String range) {
        assertTrue(satisfies(range, "0.0.0"));
        assertTrue(satisfies(range, "12.3.4"));
        assertFalse(satisfies(range, "12.3.4-beta"), "a bare wildcard never selects a pre-release");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<*", ">x"})
    void readsStrictComparisonsWithWildcardsAsNothing(String range) {
        assertFalse(satisfies(range, "0.0.0"));
        assertEquals("<0.0.0-0", VersionRange.parse(range).desugared());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "^1;>=1.0.0 <2.0.0-0",
        "^1.2;>=1.2.0 <2.0.0-0",
        "^0.1;>=0.1.0 <0.2.0-0",
        "^0.1.2;>=0.1.2 <0.2.0-0",
        "^0.0.3;>=0.0.3 <0.0.4-0",
        "^1.2.3-beta+build;>=1.2.3-beta <2.0.0-0",
        "~1.2.3;>=1.2.3 <1.3.0-0",
        "~>1;>=1.0.0 <2.0.0-0",
        "1.x;>=1.0.0 <2.0.0-0",
        ">1.2;>=1.3.0",
        ">1;>=2.0.0",
        "<=1.2;<1.3.0-0",
        "<=1;<2.0.0-0",
        "<1.2;<1.2.0-0",
        "1.2 - 2;>=1.2.0 <3.0.0-0",
        "1 - 2.3;>=1.0.0 <2.4.0-0",
        "1.2.3 - 2.3.4-rc.1;>=1.2.3 <=2.3.4-rc.1",
        ">= 1.0.0  <\t2;>=1.0.0 <2.0.0-0",
        "=v1.2.3;=1.2.3",
        ">=0.0.0;*",
        "^0 || 2;<1.0.0-0 || >=2.0.0 <3.0.0-0"})
    void desugarsAsNpm(String range, String desugared) {
        assertEquals(desugared, VersionRange.parse(range).desugared());
    }

    @Test
    void rangesWrittenOtherwiseDesugarAlikeWhereTheyAreEqualOnlyByText() {
        assertTrue(VersionRange.parse("^1").desugaresAlike(VersionRange.parse(">= 1.0.0  <2.0.0-0")));
        assertTrue(VersionRange.parse("1.x").desugaresAlike(VersionRange.parse("^1.0.0")));
        assertNotEquals(VersionRange.parse("1.x"), VersionRange.parse("^1.0.0"));
        assertFalse(VersionRange.parse("^1.0.0").desugaresAlike(VersionRange.parse("~1.0.0")));
    }

    /** Dependencies as the resolver takes them: the same names, each range desugaring alike, whatever the text. */
    @Test
    void dependenciesDesugarAlikeOnlyWithTheSameNamesAndEachRangeAlike() {
        Map<String, VersionRange> written = Map.of("a", VersionRange.parse("^1"), "b", VersionRange.parse("~2.1"));
        Map<String, VersionRange> alike = Map.of("a", VersionRange.parse("1.x"), "b", VersionRange.parse("2.1"));

        assertTrue(VersionRange.desugarAlike(written, alike));
        assertFalse(VersionRange.desugarAlike(written, Map.of("a", VersionRange.parse("1.x"))));
        assertFalse(VersionRange.desugarAlike(written, Map.of("a", VersionRange.parse("1.x"),
                "c", VersionRange.parse("2.1"))));
        assertFalse(VersionRange.desugarAlike(written, Map.of("a", VersionRange.parse("1.x"),
                "b", VersionRange.parse("^2.1"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        ">=2.0.0 <3.0.0;^2.0.0",
        ">=2.0.0 <3;^2.0.0",
        ">=2.0.0 <3.0.0-0;^2.0.0",
        ">=1.2.0 <2.0.0;^1.2.0",
        ">=0.1.0 <0.2.0;~0.1.0",
        ">=2.0.0-rc.1 <3.0.0;^2.0.0-rc.1",
        "<1.0.0 || >=2.0.0 <3.0.0;<1 || ^2"})
    void aReleaseBoundBelowWhichNoComparatorNamesItsPreReleasesDesugarsAlikeTheBoundBelowThem(String range,
                                                                                               String alike) {
        // npm's rule keeps out a pre-release of 3.0.0 from both, as no comparator of the set names one
        assertTrue(VersionRange.parse(range).desugaresAlike(VersionRange.parse(alike)), range);
        assertTrue(VersionRange.parse(alike).desugaresAlike(VersionRange.parse(range)), range);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        ">=2.0.0-0 <3.0.0;^2.0.0",
        ">=2.0.0 <=3.0.0;^2.0.0",
        ">=2.0.0 <3.0.0;^2.0.0-0",
        ">=3.0.0-rc.1 <3.0.0;>=3.0.0-rc.1 <3.0.0-0",
        ">=2.0.0 <3.0.0 || 3.0.0-rc.1;^2.0.0"})
    void aRangeSelectingOtherVersionsDoesNotDesugarAlike(String range, String other) {
        assertFalse(VersionRange.parse(range).desugaresAlike(VersionRange.parse(other)), range);
        assertFalse(VersionRange.parse(other).desugaresAlike(VersionRange.parse(range)), range);
    }

    @Test
    void aPreReleaseOfTheUpperBoundIsOutsideARangeEndingBelowItsRelease() {
        assertFalse(satisfies(">=2.0.0 <3.0.0", "3.0.0-rc.1"));
        assertTrue(satisfies(">=3.0.0-a <3.0.0", "3.0.0-rc.1"));
        assertFalse(satisfies(">=3.0.0-a <3.0.0-0", "3.0.0-rc.1"));
    }

    @Test
    void aStrictComparisonExcludesTheVersionItNames() {
        assertFalse(satisfies("<1.2.3", "1.2.3"));
        assertFalse(satisfies(">1.2.3", "1.2.3"));
        assertTrue(satisfies("<=1.2.3", "1.2.3"));
        assertTrue(satisfies(">=1.2.3", "1.2.3"));
    }

    @Test
    void keepsAVPrefixedZeroBoundAsNpmDoes() {
        // npm only turns the literal ">=0.0.0" into "any"; the difference shows for pre-releases of 0.0.0.
        assertTrue(satisfies(">=0.0.0 >=0.0.0-a", "0.0.0-b"));
        assertFalse(satisfies(">=v0.0.0 >=0.0.0-a", "0.0.0-b"));
    }

    @Test
    void letsAPreReleaseSatisfyOnlyARangeNamingTheSameMajorMinorPatch() {
        assertTrue(satisfies(">=1.2.3-beta.1 <1.3.0", "1.2.3-beta.2"));
        assertFalse(satisfies(">=1.2.3-beta.1 <1.3.0", "1.2.4-beta.1"));
        assertTrue(satisfies("^1.2.3 || >=1.2.4-rc.1 <1.2.5", "1.2.4-rc.2"));
    }

    @Test
    void ignoresBuildMetadata() {
        assertTrue(satisfies("1.2.3+build", "1.2.3"));
        assertTrue(satisfies("1.2.3", "1.2.3+other"));
    }

    @Test
    void keepsTheTextAsWritten() {
        VersionRange range = VersionRange.parse(" >= 1.0.0 ");
        assertEquals(" >= 1.0.0 ", range.text());
        assertEquals(" >= 1.0.0 ", range.toString());
        assertEquals(VersionRange.parse(" >= 1.0.0 "), range);
        assertEquals(VersionRange.parse(" >= 1.0.0 ").hashCode(), range.hashCode());
        assertNotEquals(VersionRange.parse(">=1.0.0"), range);
        // too long to be kept (ParsedValues), so two parses make two instances to compare
        String unkept = " >= 1.0.0 " + " ".repeat(ParsedValues.LONGEST_KEPT);
        assertNotSame(VersionRange.parse(unkept), VersionRange.parse(unkept));
        assertEquals(VersionRange.parse(unkept), VersionRange.parse(unkept));
        assertEquals(VersionRange.parse(unkept).hashCode(), VersionRange.parse(unkept).hashCode());
    }

    /** {@code -} for none: an exact version allows one version, a bare one also has no operator. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"1.2.3,1.2.3,1.2.3", "=1.2.3,1.2.3,-", "v1.2.3,1.2.3,1.2.3",
        "=v1.2.3,1.2.3,-", "' = 1.2.3-rc.1 ',1.2.3-rc.1,-", "' 1.2.3-rc.1 ',1.2.3-rc.1,1.2.3-rc.1",
        "1.2.3+build,1.2.3,1.2.3", "1.2,-,-", "v1.x,-,-", "1.2.x,-,-", "^1.2.3,-,-", ">=1.2.3,-,-",
        "1.2.3 || 1.2.4,-,-", "1.2.3 1.2.3,-,-", "1.2.3 - 1.2.3,-,-", "*,-,-"})
    void recognisesExactAndBareVersions(String range, String exact, String bare) {
        assertEquals(Optional.ofNullable(exact).map(Version::parse), VersionRange.parse(range).exactVersion());
        assertEquals(Optional.ofNullable(bare).map(Version::parse), VersionRange.parse(range).bareVersion());
    }

    @Test
    void buildsTheCaretRangeInstallSaves() {
        assertEquals("^1.2.3", VersionRange.caret(Version.parse("1.2.3")).text());
        assertEquals("^0.0.1-beta.2", VersionRange.caret(Version.parse("0.0.1-beta.2+build.7")).text());
        assertTrue(VersionRange.caret(Version.parse("1.2.3")).satisfiedBy(Version.parse("1.9.0")));
    }

    @Test
    void offersTheAnyRange() {
        assertEquals("*", VersionRange.any().text());
        assertTrue(VersionRange.any().satisfiedBy(Version.parse("99.0.0")));
    }
}
