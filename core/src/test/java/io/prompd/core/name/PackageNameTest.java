package io.prompd.core.name;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PackageNameTest {

    private static String onlyProblem(String text) {
        List<String> problems = PackageName.check(text);
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        return problems.get(0);
    }

    @ParameterizedTest
    @MethodSource("io.prompd.core.name.PackageNameExamples#valid")
    void acceptsValidNames(String text) {
        assertTrue(PackageName.check(text).isEmpty(), () -> text + ": " + PackageName.check(text));
        assertEquals(text, PackageName.parse(text).toString());
    }

    @ParameterizedTest
    @MethodSource("io.prompd.core.name.PackageNameExamples#refused")
    void refusesEveryNameOfTheExamplesSayingWhy(String text) {
        assertFalse(PackageName.check(text).isEmpty(), text);
        assertThrows(IllegalArgumentException.class, () -> PackageName.parse(text));
    }

    @Test
    void splitsScopeAndName() {
        PackageName scoped = PackageName.parse("@org/pkg");
        assertEquals("org", scoped.scope());
        assertEquals("pkg", scoped.name());
        assertTrue(scoped.isScoped());
        assertEquals("@org", scoped.scopeWithAt());
        PackageName unscoped = PackageName.parse("pkg");
        assertFalse(unscoped.isScoped());
        assertEquals("", unscoped.scopeWithAt());
    }

    @Test
    void refusesAnEmptyName() {
        assertTrue(onlyProblem("").contains("must not be empty"));
        assertTrue(onlyProblem("@org/").contains("the name must not be empty"));
        assertTrue(onlyProblem("@/pkg").contains("the scope must not be empty"));
    }

    @Test
    void refusesAScopeWithoutSlash() {
        assertEquals("a scoped name needs a '/' between scope and name, as in @org/name", onlyProblem("@org"));
        assertEquals("a scoped name needs a '/' between scope and name, as in @scope/name", onlyProblem("@"));
    }

    @Test
    void refusesASlashInAnUnscopedName() {
        assertTrue(onlyProblem("org/pkg").contains("as in @org/pkg"));
    }

    @Test
    void refusesUppercaseNamingTheCharacter() {
        String problem = onlyProblem("@org/My-pkg");
        assertTrue(problem.contains("the name 'My-pkg' holds 'M' at position 1"), problem);
        assertTrue(problem.contains("lowercase"), problem);
    }

    /**
     * A character beyond ASCII may look just like a letter allowed, and a combining mark quoted alone sits on the quote
     * mark: each is named by its code point, with the character itself only where it shows on its own.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sql-expl\u0430iner | holds '\u0430' (U+0430) at position 9",
        "cafe\u0301         | holds U+0301 at position 5",
        "a\u200bb           | holds U+200B at position 2",
        "no\u00a0break      | holds U+00A0 at position 3",
        "\ud83d\ude00-x      | holds '\ud83d\ude00' (U+1F600) at position 1",
        "x\ud83d\ude00\u00e9  | holds '\ud83d\ude00' (U+1F600) at position 2"})
    void namesACharacterBeyondAsciiByItsCodePoint(String name, String holds) {
        assertEquals("the name '" + name + "' " + holds + "; use only lowercase letters a-z, digits, '.', '_' and '-',"
                + " starting with a letter or digit", onlyProblem(name));
    }

    @ParameterizedTest
    @MethodSource("io.prompd.core.name.PackageNameExamples#outsideTheCharacters")
    void refusesCharactersOutsideTheAllowedSet(String text) {
        assertTrue(onlyProblem(text).contains("use only lowercase letters"), onlyProblem(text));
    }

    @ParameterizedTest
    @MethodSource("io.prompd.core.name.PackageNameExamples#notStartingWithALetterOrDigit")
    void refusesAPartNotStartingWithLetterOrDigit(String text) {
        assertTrue(onlyProblem(text).contains("starts with '" + text.charAt(0) + "'"), onlyProblem(text));
    }

    @Test
    void allowsSixtyFourCharactersPerPart() {
        String longest = "a".repeat(PackageName.MAX_PART_LENGTH);
        assertTrue(PackageName.check("@" + longest + "/" + longest).isEmpty());
        assertTrue(onlyProblem(longest + "a").contains("65 characters long; shorten it to at most 64"));
        assertTrue(onlyProblem("@" + longest + "a/pkg").contains("the scope"));
    }

    @ParameterizedTest
    @MethodSource("io.prompd.core.name.PackageNameExamples#deviceNames")
    void refusesWindowsDeviceNamesWithOrWithoutExtension(String text) {
        assertTrue(onlyProblem(text).contains("reserved device name on Windows"), onlyProblem(text));
    }

    @Test
    void aReservedDeviceNameIsGivenASuggestionOnlyWhenTheSuggestionIsAName() {
        assertTrue(onlyProblem("com1").endsWith("; choose another, such as 'com1-prompts'"), onlyProblem("com1"));
        List<String> superscript = PackageName.check("com\u00b9");
        assertTrue(superscript.stream().anyMatch(problem -> problem.endsWith("a reserved device name on Windows;"
                + " choose another")), superscript::toString);
        assertTrue(superscript.stream().noneMatch(problem -> problem.contains("such as")), superscript::toString);
    }

    @ParameterizedTest
    @MethodSource("io.prompd.core.name.PackageNameExamples#nodeModules")
    void refusesTheFolderNameToolsTreatSpecially(String text) {
        assertEquals("the name 'node_modules' is a folder name tools treat specially: npm installs into it, and Git"
                + " ignore rules, editors and prompd pack skip it; choose another name", onlyProblem(text));
    }

    @Test
    void refusesTheNameBrowsersRequestAtASitesRoot() {
        assertEquals("the name 'favicon.ico' is the file browsers request at a site's root, which npm refuses as a"
                + " package name; choose another name", onlyProblem("favicon.ico"));
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> new PackageName("", "favicon.ico"));
        assertTrue(invalid.getMessage().startsWith("invalid package name 'favicon.ico': the name 'favicon.ico' is the"
                + " file browsers request"), invalid.getMessage());
        assertTrue(PackageName.check("@node_modules/favicon-ico").isEmpty());
    }

    @Test
    void refusesATrailingDot() {
        assertTrue(onlyProblem("pkg.").contains("ends with '.', which Windows drops from folder names"));
    }

    @Test
    void reportsEveryProblemTogether() {
        assertEquals(2, PackageName.check("@Org/Pkg").size());
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> PackageName.parse("@Org/Pkg"));
        assertTrue(invalid.getMessage().startsWith("invalid package name '@Org/Pkg': the scope 'Org'"),
                invalid.getMessage());
        assertTrue(invalid.getMessage().contains("the name 'Pkg'"), invalid.getMessage());
    }

    @Test
    void validatesInTheConstructorToo() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> new PackageName("org", "con"));
        assertTrue(invalid.getMessage().startsWith("invalid package name '@org/con'"), invalid.getMessage());
        assertThrows(NullPointerException.class, () -> new PackageName(null, "pkg"));
    }

    @Test
    void theConstructorChecksTheScopeAndNamesAnUnscopedNameWithoutAt() {
        IllegalArgumentException badScope = assertThrows(IllegalArgumentException.class,
                () -> new PackageName("Org", "pkg"));
        assertTrue(badScope.getMessage()
                .startsWith("invalid package name '@Org/pkg': the scope 'Org' holds 'O' at position 1"),
                badScope.getMessage());
        IllegalArgumentException unscoped = assertThrows(IllegalArgumentException.class,
                () -> new PackageName("", "con"));
        assertTrue(unscoped.getMessage().startsWith("invalid package name 'con': the name 'con' is a reserved device"
                + " name on Windows"), unscoped.getMessage());
        assertTrue(PackageName.check("con.x").contains("the name 'con.x' starts with 'con', which Windows takes for the"
                + " device with any extension: a reserved device name on Windows; choose another, such as"
                + " 'con-prompts'"), PackageName.check("con.x")::toString);
    }

    @Test
    void parseGivesTheAdviceOfCheckForAScopeWithoutSlash() {
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> PackageName.parse("@org"));
        assertEquals("invalid package name '@org': a scoped name needs a '/' between scope and name, as in @org/name",
                invalid.getMessage());
    }

    @Test
    void foldsSeparatorsInTheLookalikeKey() {
        assertEquals(PackageName.parse("@common/base-prompts").lookalikeKey(),
                PackageName.parse("@common/base_prompts").lookalikeKey());
        assertEquals(PackageName.parse("@common/baseprompts").lookalikeKey(),
                PackageName.parse("@common/base.prompts").lookalikeKey());
        assertEquals(PackageName.parse("@my-org/x").lookalikeKey(), PackageName.parse("@myorg/x").lookalikeKey());
    }

    @Test
    void foldsZeroAndOhInTheLookalikeKey() {
        assertEquals(PackageName.parse("@common/base-prompts").lookalikeKey(),
                PackageName.parse("@common/basepr0mpts").lookalikeKey());
    }

    @Test
    void foldsOneElAndEyeInTheLookalikeKey() {
        assertEquals(PackageName.parse("tool").lookalikeKey(), PackageName.parse("too1").lookalikeKey());
        assertEquals(PackageName.parse("pilot").lookalikeKey(), PackageName.parse("p1lot").lookalikeKey());
    }

    @Test
    void keepsOtherCharactersApartInTheLookalikeKey() {
        assertNotEquals(PackageName.parse("@common/base-prompts").lookalikeKey(),
                PackageName.parse("@common/base_prompt5").lookalikeKey());
        assertNotEquals(PackageName.parse("@a/pkg").lookalikeKey(), PackageName.parse("@b/pkg").lookalikeKey());
    }

    @Test
    void keepsScopedAndUnscopedApartInTheLookalikeKey() {
        assertNotEquals(PackageName.parse("pkg").lookalikeKey(), PackageName.parse("@pkg/pkg").lookalikeKey());
        assertEquals("/pkg", PackageName.parse("pkg").lookalikeKey());
    }

    @Test
    void ordersByTextAndAgreesWithEquals() {
        List<PackageName> names = new ArrayList<>(List.of(PackageName.parse("zeta"), PackageName.parse("@b/x"),
                PackageName.parse("@a/y"), PackageName.parse("alpha")));
        names.sort(null);
        assertEquals("[@a/y, @b/x, alpha, zeta]", names.toString());
        assertEquals(0, PackageName.parse("@a/y").compareTo(new PackageName("a", "y")));
        assertEquals(PackageName.parse("@a/y"), new PackageName("a", "y"));
    }

    @Test
    void namesAreEqualWhenScopeAndNameAre() {
        assertEquals(PackageName.parse("@org/pkg"), new PackageName("org", "pkg"));
        assertEquals(PackageName.parse("@org/pkg").hashCode(), new PackageName("org", "pkg").hashCode());
        assertNotEquals(PackageName.parse("@org/pkg"), PackageName.parse("@org/pkh"));
        assertNotEquals(PackageName.parse("@org/pkg"), PackageName.parse("@orh/pkg"));
        assertNotEquals(PackageName.parse("pkg"), PackageName.parse("@pkg/pkg"));
        assertNotEquals(PackageName.parse("pkg"), "pkg");
    }
}
