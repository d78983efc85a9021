package io.prompd.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LicenseCheckTest {

    private static List<Problem> check(String license) {
        return LicenseCheck.check(license, "prompd.json", "/license");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "MIT",
        "Apache-2.0",
        "(MIT OR Apache-2.0)",
        "MIT AND (BSD-2-Clause OR ISC)",
        "GPL-2.0-or-later WITH Classpath-exception-2.0",
        "Apache-2.0 WITH LLVM-exception",
        "EPL-2.0+",
        "LicenseRef-Acme-Internal",
        "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
        "((MIT))",
        "UNLICENSED",
        "SEE LICENSE IN LICENSE.txt",
        "SEE LICENCE IN LICENCE.md"})
    void acceptsValidExpressions(String license) {
        assertEquals(List.of(), check(license));
    }

    /** The SPDX License List in full, not the licenses packages use most: a maintainer must not see a false warning. */
    @ParameterizedTest
    @ValueSource(strings = {"curl", "Elastic-2.0", "BSD-2-Clause-Views", "Hippocratic-2.1", "BSD-3-Clause-Attribution",
        "BSD-3-Clause-Modification", "AdaCore-doc", "BSD-4.3TAHOE", "MIT-0", "GPL-2.0-only WITH GCC-exception-3.1",
        "Apache-2.0 WITH Swift-exception", "LGPL-2.1-only WITH Qt-LGPL-exception-1.1"})
    void acceptsEveryIdentifierOfTheSpdxLists(String license) {
        assertEquals(List.of(), check(license));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BSD-2-Clause-FreeBSD | BSD-2-Clause-Views",
        "bzip2-1.0.5 | bzip2-1.0.6",
        "GPL-2.0-with-classpath-exception | GPL-2.0-only WITH Classpath-exception-2.0 or GPL-2.0-or-later WITH"
                + " Classpath-exception-2.0",
        "GPL-3.0-with-GCC-exception | GPL-3.0-only WITH GCC-exception-3.1 or GPL-3.0-or-later WITH GCC-exception-3.1"})
    void namesTheReplacementOfEveryDeprecatedIdentifier(String id, String replacement) {
        assertEquals(List.of(Problem.warning("prompd.json", "/license", "'" + id + "' is a deprecated SPDX identifier",
                "write " + replacement + " instead")), check(id));
    }

    /**
     * SPDX's note on a GPL with an exception gives the main license WITH the exception, not which version of the GPL:
     * both are named, where the -only one alone made whoever granted "or any later version" write less than they grant.
     */
    @Test
    void aGplWithAnExceptionIsReplacedByTheOnlyOrTheOrLaterExpressionForTheAuthorToChoose() {
        for (String deprecated : List.of("GPL-2.0-with-autoconf-exception", "GPL-2.0-with-bison-exception",
                "GPL-2.0-with-classpath-exception", "GPL-2.0-with-font-exception", "GPL-2.0-with-GCC-exception",
                "GPL-3.0-with-autoconf-exception", "GPL-3.0-with-GCC-exception")) {
            String hint = check(deprecated).get(0).hint();

            assertTrue(hint.matches("write (GPL-[23][.]0)-only WITH (\\S+) or \\1-or-later WITH \\2 instead"),
                    deprecated + ": " + hint);
        }
    }

    /** The exceptions list marks its deprecated identifiers as the licenses list does, and they are warned of alike. */
    @Test
    void aDeprecatedExceptionNamesItsReplacement() {
        assertEquals(List.of(Problem.warning("prompd.json", "/license", "'Nokia-Qt-exception-1.1' is a deprecated SPDX"
                + " identifier", "write Qt-LGPL-exception-1.1 instead")),
                check("LGPL-2.1-only WITH Nokia-Qt-exception-1.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MIT AND", "(MIT", "MIT)", "MIT Apache-2.0", "AND MIT", "MIT WITH", "Apache 2.0", "MIT/X11",
            "()"})
    void rejectsMalformedExpressions(String license) {
        List<Problem> problems = check(license);

        assertEquals(1, problems.size(), problems::toString);
        assertEquals(Severity.ERROR, problems.get(0).severity());
        assertEquals("/license", problems.get(0).pointer());
    }

    /**
     * A license written in words gets the identifier it names, not a hint to join its words with AND or OR: the words
     * joined with hyphens (BSD-3-Clause), else run together (Beerware).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Apache 2.0 | Apache-2.0",
        "Apache License 2.0 | Apache-2.0",
        "Apache License, Version 2.0 | Apache-2.0",
        "MIT License | MIT",
        "GPL v3 | GPL-3.0-only or GPL-3.0-or-later",
        "GPL 2 | GPL-2.0-only or GPL-2.0-or-later",
        "MIT/Apache-2.0 | MIT OR Apache-2.0",
        "MIT / Apache 2.0 | MIT OR Apache-2.0",
        "MIT/X11 | MIT",
        "BSD 3 Clause | BSD-3-Clause",
        "Beer ware | Beerware"})
    void suggestsTheExpressionALicenseWrittenInWordsMeans(String license, String meant) {
        assertEquals(List.of(Problem.error("prompd.json", "/license", "'" + license + "' is not a valid SPDX license"
                + " expression; did you mean " + meant + "?",
                "write an SPDX expression such as MIT, Apache-2.0 or (MIT OR"
                + " Apache-2.0); see https://spdx.org/licenses/")), check(license));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Public Domain | no word of it is a license identifier, so it reads as terms of your own",
        "MIT Apache-2.0 | unexpected 'Apache-2.0'; join licenses with AND or OR",
        "MIT/Foo | 'MIT/Foo' is not a license identifier",
        "Apache 2.0 AND | unexpected '2.0'; join licenses with AND or OR"})
    void suggestsNothingForTextThatNamesNoLicense(String license, String syntaxError) {
        assertEquals("'" + license + "' is not a valid SPDX license expression: " + syntaxError,
                check(license).get(0).message());
    }

    @Test
    void saysWhenAnOperatorIsNotUppercase() {
        assertEquals("'MIT or Apache-2.0' is not a valid SPDX license expression: write the operator 'or' in"
                + " uppercase, as OR",
                check("MIT or Apache-2.0").get(0).message());
    }

    @Test
    void warnsAboutEachUnknownIdentifierWithTheClosestKnownOne() {
        List<String> messages = check("Apache2.0 OR Foo-Bar-Baz").stream().map(Problem::message).toList();

        assertEquals(List.of("'Apache2.0' is not a known SPDX license identifier; did you mean Apache-2.0?",
                "'Foo-Bar-Baz' is not a known SPDX license identifier"), messages);
    }

    @Test
    void suggestsTheCanonicalSpellingOfAnIdentifierInAnotherCase() {
        assertEquals("'mit' is not a known SPDX license identifier; did you mean MIT?", check("mit").get(0).message());
    }

    /** Following the hint must not change the legal terms: NGPL is Nethack's license, 0BSD public-domain-like. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GPL | GPL-3.0-only, GPL-2.0-only, GPL-1.0-only, GPL-3.0-or-later, GPL-2.0-or-later or GPL-1.0-or-later",
        "LGPL | LGPL-3.0-only, LGPL-2.1-only, LGPL-2.0-only, LGPL-3.0-or-later, LGPL-2.1-or-later or LGPL-2.0-or-later",
        "BSD | BSD-4-Clause, BSD-3-Clause, BSD-2-Clause, BSD-1-Clause, BSD-4-Clause-Shortened, BSD-4-Clause-UC or one"
                + " of 23 more of that family",
        "gpl | GPL-3.0-only, GPL-2.0-only, GPL-1.0-only, GPL-3.0-or-later, GPL-2.0-or-later or GPL-1.0-or-later",
        "GPLv3 | GPL-3.0-only or GPL-3.0-or-later",
        "LGPL-2 | LGPL-2.1-only, LGPL-2.0-only, LGPL-2.1-or-later or LGPL-2.0-or-later",
        "BSD3 | BSD-3-Clause, BSD-3-Clause-Attribution, BSD-3-Clause-Clear, BSD-3-Clause-HP, BSD-3-Clause-LBNL,"
                + " BSD-3-Clause-Modification or one of 10 more of that family",
        "CC-BY | CC-BY-4.0, CC-BY-3.0, CC-BY-2.5, CC-BY-2.0, CC-BY-1.0, CC-BY-3.0-AT or one of 6 more of that family",
        "Apache | Apache-2.0, Apache-1.1 or Apache-1.0",
        "MPL | MPL-2.0, MPL-1.1, MPL-1.0 or MPL-2.0-no-copyleft-exception",
        "OLDAP2.2 | OLDAP-2.2.2, OLDAP-2.2.1 or OLDAP-2.2"})
    void suggestsTheLicensesOfTheFamilyAnIdentifierWithoutItsVersionNames(String id, String meant) {
        assertEquals("'" + id + "' is not a known SPDX license identifier; did you mean " + meant + "?",
                check(id).get(0).message());
    }

    /** A letter added or changed makes another license of a short identifier; letters swapped or doubled are a typo. */
    @Test
    void aShortIdentifierIsTakenForATypoOnlyOfOneWithTheSameLetters() {
        assertEquals("'MTI' is not a known SPDX license identifier; did you mean MIT?", check("MTI").get(0).message());
        assertEquals("'MITT' is not a known SPDX license identifier; did you mean MIT?",
                check("MITT").get(0).message());
        assertEquals("'NGLP' is not a known SPDX license identifier; did you mean NGPL?",
                check("NGLP").get(0).message());
        assertEquals("'ISK' is not a known SPDX license identifier", check("ISK").get(0).message());
        assertEquals("'Xerix' is not a known SPDX license identifier; did you mean Xerox?",
                check("Xerix").get(0).message(), "five characters are enough to take a changed letter for a typo");
        assertEquals("'Unlicence' is not a known SPDX license identifier; did you mean Unlicense?",
                check("Unlicence").get(0).message());
    }

    /** The Unlicense is public domain, npm's UNLICENSED all rights reserved: the one is no hint for the other. */
    @ParameterizedTest
    @ValueSource(strings = {"unlicensed", "Unlicensed", "UnLicensed"})
    void npmsUnlicensedInAnotherCaseIsToldToBeWrittenInCapitalsNotTakenForTheUnlicense(String license) {
        assertEquals(List.of(Problem.warning("prompd.json", "/license", "'" + license + "' is not a known SPDX license"
                + " identifier: npm's UNLICENSED, no license granted (all rights reserved), is written in capitals",
                "write UNLICENSED (the Unlicense, written Unlicense, is another license: a public-domain dedication)")),
                check(license));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNLICENSED OR MIT", "(MIT AND unlicensed)"})
    void npmsUnlicensedInAnExpressionIsToldToStandAlone(String license) {
        Problem problem = check(license).get(0);

        assertEquals(Severity.WARNING, problem.severity());
        assertTrue(problem.message().endsWith("is npm's UNLICENSED (no license granted), which stands alone and cannot"
                + " be combined in an expression, as npm reads it too"), problem.message());
        assertEquals("write UNLICENSED alone to grant no license, or only the licenses granted, such as MIT",
                problem.hint());
    }

    /** An identifier near none of SPDX's is most likely a company's own terms, which prompd has two ways to write. */
    @ParameterizedTest
    @ValueSource(strings = {"Proprietary", "Commercial", "Acme-Internal-1.0"})
    void anIdentifierNearNoneOfSpdxsIsOfferedTheWaysToWriteTermsOfOnesOwn(String id) {
        assertEquals(List.of(Problem.warning("prompd.json", "/license", "'" + id + "' is not a known SPDX license"
                + " identifier", "for terms of your own, write UNLICENSED (no license granted) or LicenseRef-" + id
                + " with its terms in a file of the package such as LICENSE; for a published license, write an SPDX"
                + " expression such as MIT, Apache-2.0 or (MIT OR Apache-2.0); see https://spdx.org/licenses/")),
                check(id));
        assertEquals(List.of(), check("LicenseRef-" + id), "what the hint offers is accepted");
        assertTrue(check("MIT OR " + id).get(0).hint().startsWith("for terms of your own, write LicenseRef-" + id
                + " with its terms"), "UNLICENSED stands alone, so is not offered in an expression");
    }

    /**
     * Words naming no license are most likely one's own terms, as "All rights reserved" is no license granted: the
     * message says so, as the hint does, where it told to join licenses with AND or OR.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "All rights reserved. | All-rights-reserved",
            "Proprietary License  | Proprietary-License",
            "Acme Corp            | Acme-Corp"})
    void wordsNamingNoLicenseAreOfferedTheWaysToWriteTermsOfOnesOwn(String license, String name) {
        Problem problem = check(license).get(0);

        assertEquals(Severity.ERROR, problem.severity());
        assertEquals("'" + license + "' is not a valid SPDX license expression: no word of it is a license identifier,"
                + " so it reads as terms of your own", problem.message());
        assertEquals("for terms of your own, write UNLICENSED (no license granted) or LicenseRef-" + name + " with its"
                + " terms in a file of the package such as LICENSE; for a published license, write an SPDX expression"
                + " such as MIT, Apache-2.0 or (MIT OR Apache-2.0); see https://spdx.org/licenses/", problem.hint());
        assertEquals(List.of(), check("LicenseRef-" + name), "what the hint offers is accepted");
        assertEquals("write an SPDX expression such as MIT, Apache-2.0 or (MIT OR Apache-2.0); see"
                + " https://spdx.org/licenses/", check("MIT or-later Apache").get(0).hint(), "an expression's slip");
    }

    @Test
    void warnsAboutDeprecatedIdentifiersAndNamesTheReplacement() {
        Problem problem = check("GPL-3.0").get(0);

        assertEquals(Severity.WARNING, problem.severity());
        assertEquals("'GPL-3.0' is a deprecated SPDX identifier", problem.message());
        assertEquals("write GPL-3.0-only instead", problem.hint());
        assertEquals("write GPL-2.0-or-later instead", check("GPL-2.0+").get(0).hint());
    }

    /**
     * SPDX lists no {@code +} form of most deprecated identifiers, whose replacement may leave "only" or "or later"
     * open: the {@code +} chose "or later".
     */
    @Test
    void aDeprecatedIdentifierWithAPlusNamesItsOrLaterForm() {
        assertEquals(List.of(Problem.warning("prompd.json", "/license", "'AGPL-3.0+' is a deprecated SPDX identifier",
                "write AGPL-3.0-or-later instead")), check("AGPL-3.0+"));
        assertEquals(List.of(Problem.warning("prompd.json", "/license", "'GFDL-1.3+' is a deprecated SPDX identifier",
                "write GFDL-1.3-or-later instead")), check("GFDL-1.3+"));
        assertEquals(List.of(Problem.warning("prompd.json", "/license", "'AGPL-3.0' is a deprecated SPDX identifier",
                "write AGPL-3.0-only or AGPL-3.0-or-later instead")), check("AGPL-3.0"));
    }

    @Test
    void warnsAboutUnknownExceptions() {
        Problem problem = check("GPL-2.0-only WITH Classpath-exception-2").get(0);

        assertEquals(Severity.WARNING, problem.severity());
        assertEquals("'Classpath-exception-2' is not a known SPDX license exception; did you mean"
                + " Classpath-exception-2.0?",
                problem.message());
    }

    @Test
    void findsTheFileOfSeeLicenseIn() {
        assertEquals(Optional.of("docs/LICENSE.md"), LicenseCheck.licenseFile("SEE LICENSE IN docs/LICENSE.md"));
        assertEquals(Optional.of("LICENCE"), LicenseCheck.licenseFile("SEE LICENCE IN LICENCE"), "as npm reads it");
        assertEquals(Optional.empty(), LicenseCheck.licenseFile("MIT"));
    }

    /**
     * A license written in words as a pointer to a file is told npm's way to name one: it was hinted to be a
     * LicenseRef of its words, LicenseRef-See-LICENSE.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "See LICENSE                | LICENSE",
        "See LICENSE.md             | LICENSE.md",
        "see license in LICENSE.txt | LICENSE.txt",
        "see license in LICENSE     | LICENSE",
        "See the LICENSE file.      | LICENSE",
        "SEE LICENSE IN             | LICENSE",
        "see docs/TERMS.md          | docs/TERMS.md"})
    void aLicenseWrittenAsAPointerToAFileIsHintedNpmsSeeLicenseIn(String license, String named) {
        assertEquals(List.of(Problem.error("prompd.json", "/license", "'" + license + "' is not a valid SPDX license"
                + " expression: a file of the package holding the terms is named as npm reads it, SEE LICENSE IN"
                + " <file>, in capitals", "write \"SEE LICENSE IN " + named + "\"")), check(license));
    }

    /** "See MIT" points at a license, not at a file named MIT: the license is what is suggested. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "See MIT             | MIT",
        "see the Apache-2.0. | Apache-2.0",
        "See mpl-2.0 file    | MPL-2.0",
        "See Apache 2.0      | Apache-2.0",
        "See MIT license     | MIT",
        "See the MIT license | MIT"})
    void aLicenseWrittenAsAPointerToALicenseIsHintedThatLicense(String license, String meant) {
        List<Problem> problems = check(license);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("'" + license + "' is not a valid SPDX license expression; did you mean " + meant + "?",
                problems.get(0).message());
    }

    /** Unlicense, the identifier closest to LICENSE, dedicates to the public domain: the opposite of what was meant. */
    @ParameterizedTest
    @ValueSource(strings = {"LICENSE", "license.md", "LICENCE.txt", "COPYING"})
    void theNameOfAFileOfTermsIsHintedNpmsSeeLicenseInNotTheUnlicense(String license) {
        assertEquals(List.of(Problem.warning("prompd.json", "/license", "'" + license + "' names a file, not a license:"
                + " npm reads terms kept in a file as SEE LICENSE IN <file>", "write \"SEE LICENSE IN " + license
                + "\", or the SPDX identifier of the license the file holds, such as MIT")), check(license));
    }

    /** A license under a name of its own, as a dual-licensed or GNU project keeps one, is a file of terms too. */
    @ParameterizedTest
    @ValueSource(strings = {"LICENSE", "licence.md", "COPYING.txt", "LICENSE-MIT", "LICENSE-APACHE", "LICENSE.MIT",
        "COPYING.LESSER", "LICENSE-APACHE-2.0", "LICENSE_BSD.txt", "license-2.0", "LICENSE.md", "LICENSE.txt",
        "COPYING", "license-mit.md", "COPYING.LGPLv2.1", "COPYING.GPLv3", "LICENSE-GPL-3.0-or-later",
        "LICENSE_BSD-3-Clause.txt", "LICENSE-CC-BY-SA-4.0.md", "LICENSE.CC0", "LICENSE-MS-PL", "COPYING.LESSER.md",
        "LICENSE.apache", "LICENSE.adoc", "LICENSE.html", "LICENSE.org", "COPYING.lib", "LICENSE.rtf", "COPYING3",
        "COPYING.v3", "LICENSE-v2", "LICENSE.0BSD", "LICENSE-MIT-OR-APACHE", "LICENSE-GPL-2.0-only",
        "LICENSE-CC-BY-NC-ND-4.0"})
    void aLicenseUnderANameOfItsOwnIsTheNameOfATermsFile(String name) {
        assertTrue(LicenseCheck.isTermsFileName(name), name);
    }

    /** A file of code or settings named for what it does with licenses holds no terms. */
    @ParameterizedTest
    @ValueSource(strings = {"license-check.sh", "license.json", "license_finder.yml", "LICENSE.yaml", "licenses.py",
        "license-header.js", "Licence.toml", "copying.xml", "LicenseChecker.java", "LICENSE-MIT.", "README",
        "license-check", "license-finder", "license_finder", "LICENSE-NOTES", "LICENSE-HEADER.txt",
        "license-header.txt", "license-faq.md", "LICENSE-THIRD-PARTY.md", "LICENSE-MIT.json", "license.cc",
        "license.php", "LICENSE.VIM", "LICENSE-MITIGATION.md", "LICENSE-.md", "LICENSE-APACHE-HEADER.txt",
        "license-gpl-check", "LICENSE-MIT-NOTES.md"})
    void aFileOfCodeOrSettingsNamedForLicensesIsNoTermsFile(String name) {
        assertFalse(LicenseCheck.isTermsFileName(name), name);
    }

    /** Validate reads a license written as a terms file's name as init keeps one: LICENSE-MIT is such a name. */
    @Test
    void aLicenseWrittenAsTheNameOfALicenseOfItsOwnIsHintedNpmsSeeLicenseIn() {
        assertEquals(List.of(Problem.warning("prompd.json", "/license", "'LICENSE-MIT' names a file, not a license:"
                + " npm reads terms kept in a file as SEE LICENSE IN <file>", "write \"SEE LICENSE IN LICENSE-MIT\", or"
                + " the SPDX identifier of the license the file holds, such as MIT")), check("LICENSE-MIT"));
    }

    @Test
    void seeLicenseInWithoutAFileNamesNoFileAndIsNoValidExpression() {
        assertEquals(Optional.empty(), LicenseCheck.licenseFile("SEE LICENSE IN  "));
        assertEquals(Severity.ERROR, check("SEE LICENSE IN  ").get(0).severity());
    }

    /** Read as a path, the URL would be one with '//' and no file of the package: one error says what to do. */
    @Test
    void seeLicenseInAUrlIsOneErrorSayingItTakesAFileOfThePackage() {
        String license = "SEE LICENSE IN https://acme.example/license";

        assertEquals(List.of(Problem.error("prompd.json", "/license", "'" + license + "' names a URL: SEE LICENSE IN"
                + " takes a file of the package, as npm reads it", "put the terms in a file such as LICENSE.txt and"
                + " write \"SEE LICENSE IN LICENSE.txt\"")), check(license));
        assertEquals(Optional.empty(), LicenseCheck.licenseFile(license), "no file for the paths' check to look for");
    }

    @Test
    void theIdentifiersOfAnExpressionAreEachLicenseAndExceptionOnceWithoutItsPlus() {
        assertEquals(List.of("MIT", "GPL-2.0", "Apache-2.0", "LLVM-exception"),
                LicenseCheck.identifiers("(MIT OR GPL-2.0+) AND Apache-2.0 WITH LLVM-exception OR MIT"));
    }
}
