package io.prompd.core.name;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.name.PackageSpec.DistTag;
import io.prompd.core.name.PackageSpec.Latest;
import io.prompd.core.name.PackageSpec.Range;
import io.prompd.core.problem.Refusal;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PackageSpecTest {

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> PackageSpec.parse(text)).getMessage();
    }

    @Test
    void readsAScopedNameAloneAsTheLatestVersion() {
        assertEquals(new PackageSpec(PackageName.parse("@org/pkg"), new Latest()), PackageSpec.parse("@org/pkg"));
    }

    @Test
    void readsAnUnscopedNameAlone() {
        assertEquals(new PackageSpec(PackageName.parse("pkg"), new Latest()), PackageSpec.parse("pkg"));
    }

    @ParameterizedTest
    @CsvSource({"@org/pkg@^1.2,@org/pkg,^1.2", "@org/pkg@1.2.0,@org/pkg,1.2.0", "pkg@~1,pkg,~1",
        "@org/pkg@>=1 <2,@org/pkg,>=1 <2", "@org/pkg@x,@org/pkg,x", "@org/pkg@v1,@org/pkg,v1"})
    void readsAVersionRange(String text, String name, String range) {
        PackageSpec spec = PackageSpec.parse(text);
        assertEquals(PackageName.parse(name), spec.name());
        assertEquals(new Range(VersionRange.parse(range)), spec.selector());
    }

    @Test
    void keepsAnExactVersionRecognisable() {
        Range range = assertInstanceOf(Range.class, PackageSpec.parse("@org/pkg@1.2.0").selector());
        assertEquals(Version.parse("1.2.0"), range.range().exactVersion().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"beta", "latest", "next-2", "rc.1", "canary_build"})
    void readsADistTag(String tag) {
        assertEquals(new DistTag(tag), PackageSpec.parse("@org/pkg@" + tag).selector());
    }

    @Test
    void readsAScopeWithoutItsAt() {
        assertEquals(PackageSpec.parse("@org/pkg@1.2.0"), PackageSpec.parse("org/pkg@1.2.0"));
        assertEquals(PackageName.parse("@org/pkg"), PackageSpec.parse("org/pkg").name());
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertEquals(PackageSpec.parse("pkg@^1"), PackageSpec.parse("  pkg@^1 "));
    }

    /** A space after the '@' is no part of the range, which install saves to prompd.json as written. */
    @Test
    void ignoresWhitespaceAfterTheAt() {
        assertEquals("pkg@^1", PackageSpec.parse("pkg@ ^1").toString());
        assertEquals(PackageSpec.parse("@org/pkg@next"), PackageSpec.parse("@org/pkg@\tnext"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesNothing(String text) {
        assertTrue(refusal(text).contains("it is empty"), refusal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@org/pkg@", "pkg@", "pkg@ \t"})
    void refusesAnAtWithNothingAfterIt(String text) {
        assertTrue(refusal(text).contains("nothing follows the '@'"), refusal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@org", "org/", "@org/pkg/extra", "con"})
    void refusesAnInvalidName(String text) {
        assertTrue(refusal(text).contains("is not a valid package name"), refusal(text));
    }

    @Test
    void refusesUpperCaseSayingHowToWriteIt() {
        assertEquals("'@Prompd/Code-Reviewer@^1.2' does not name a package: package names are lower case,"
                + " so write '@prompd/code-reviewer@^1.2'", refusal("@Prompd/Code-Reviewer@^1.2"));
        assertTrue(refusal("Acme/Tool").contains("so write '@acme/tool'"), refusal("Acme/Tool"));
    }

    /**
     * npm refuses a name starting with '_' as prompd does; the rest of it was offered as the name meant, which may be
     * another package: the rule is said, and no name proposed.
     */
    @Test
    void refusesALeadingUnderscoreSayingTheRuleWithoutProposingAnotherName() {
        assertEquals("'@acme/_tone@1' does not name a package: '@acme/_tone' is not a valid package name: the name"
                + " '_tone' starts with '_'; use only lowercase letters a-z, digits, '.', '_' and '-', starting with a"
                + " letter or digit; write @org/pkg, optionally followed by @ and a version range or dist-tag, as in"
                + " @org/pkg@^1.2 or @org/pkg@beta", refusal("@acme/_tone@1"));
        assertFalse(refusal("_Private@1").contains("'private"), refusal("_Private@1"));
    }

    @Test
    void tellsHowAPackageIsWrittenApartFromTheReasonWhereTheReasonLeavesItOut() {
        InvalidPackageSpecException path = assertThrows(InvalidPackageSpecException.class,
                () -> PackageSpec.parse("./pkg"));
        assertEquals("'./pkg' does not name a package: it is a path, URL or Git source, and prompd installs packages by"
                + " name from a registry (a folder built by prompd-registry is one, through --registry file://...)",
                path.refusal().reason());
        assertEquals(Optional.of("write @org/pkg, optionally followed by @ and a version range or dist-tag, as in"
                + " @org/pkg@^1.2 or @org/pkg@beta"), path.refusal().advice());
        assertEquals(path.refusal().reason() + "; " + path.refusal().advice().orElseThrow(), path.getMessage());

        InvalidPackageSpecException upperCase = assertThrows(InvalidPackageSpecException.class,
                () -> PackageSpec.parse("Acme/Tool"));
        assertEquals(Optional.empty(), upperCase.refusal().advice(), "the reason says how to write it");
        assertEquals(upperCase.refusal().reason(), upperCase.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../pkg", "./pkg", "/home/me/pkg", "~/pkg", "pkg-1.0.0.tgz", "https://r.example/pkg",
        "file:///srv/registry/pkg", "C:\\pkg", "github:acme/pkg", "@acme/pkg@github:acme/pkg",
        "git+ssh://git@host/x.git"})
    void refusesAPathOrUrlSayingPackagesComeFromARegistry(String text) {
        assertTrue(refusal(text).startsWith("'" + text + "' does not name a package: it is a path, URL or Git source,"
                + " and prompd installs packages by name from a registry"), refusal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@org/pkg@^^1", "@org/pkg@Beta", "@org/pkg@1.2.0@x", "pkg@-tag", "pkg@>=>1"})
    void refusesWhatIsNeitherRangeNorTag(String text) {
        assertTrue(refusal(text).contains("is neither a dist-tag"), refusal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "x", "Beta", "-beta", ""})
    void refusesADistTagThatIsARangeOrMalformed(String tag) {
        assertThrows(IllegalArgumentException.class, () -> new DistTag(tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@org/pkg", "@org/pkg@^1.2", "@org/pkg@beta", "pkg@~1", "pkg@>=1 <2"})
    void printsAsTyped(String text) {
        assertEquals(text, PackageSpec.parse(text).toString());
    }

    @Test
    void readsANameAloneAsASpecReadsIt() {
        assertEquals(PackageName.parse("@org/pkg"), PackageSpec.parseName("org/pkg"));
        assertEquals(PackageName.parse("pkg"), PackageSpec.parseName(" pkg "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@org/pkg@1", "@org/pkg@", "@org/pkg@^^1", "org/pkg@beta"})
    void refusesANameWithAVersionSayingWhatToWrite(String text) {
        InvalidPackageSpecException version = assertThrows(InvalidPackageSpecException.class,
                () -> PackageSpec.parseName(text));
        assertEquals(Refusal.withoutAdvice("'" + text + "': give the package name alone, '@org/pkg', without a"
                + " version"), version.refusal(), "the reason says how to write it");
    }

    @Test
    void advisesANameWithoutAVersionWhereOnlyANameIsTaken() {
        InvalidPackageSpecException path = assertThrows(InvalidPackageSpecException.class,
                () -> PackageSpec.parseName("./pkg"));
        assertEquals(Optional.of("write @org/pkg or pkg, without a version"), path.refusal().advice());
        InvalidPackageSpecException upperCase = assertThrows(InvalidPackageSpecException.class,
                () -> PackageSpec.parseName("Acme/Tool@1"));
        assertEquals("'Acme/Tool@1' does not name a package: package names are lower case, so write '@acme/tool'",
                upperCase.refusal().reason());
    }
}
