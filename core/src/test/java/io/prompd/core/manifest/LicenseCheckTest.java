package io.prompd.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
        "SEE LICENSE IN LICENSE.txt"})
    void acceptsValidExpressions(String license) {
        assertEquals(List.of(), check(license));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MIT AND", "(MIT", "MIT)", "MIT Apache-2.0", "AND MIT", "MIT WITH", "Apache 2.0", "MIT/X11", "()"})
    void rejectsMalformedExpressions(String license) {
        List<Problem> problems = check(license);

        assertEquals(1, problems.size(), problems::toString);
        assertEquals(Severity.ERROR, problems.get(0).severity());
        assertEquals("/license", problems.get(0).pointer());
    }

    @Test
    void saysWhenAnOperatorIsNotUppercase() {
        assertEquals("'MIT or Apache-2.0' is not a valid SPDX license expression: write the operator 'or' in uppercase, as OR",
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

    @Test
    void warnsAboutDeprecatedIdentifiersAndNamesTheReplacement() {
        Problem problem = check("GPL-3.0").get(0);

        assertEquals(Severity.WARNING, problem.severity());
        assertEquals("'GPL-3.0' is a deprecated SPDX identifier", problem.message());
        assertEquals("write GPL-3.0-only instead", problem.hint());
        assertEquals("write GPL-2.0-or-later instead", check("GPL-2.0+").get(0).hint());
    }

    @Test
    void warnsAboutUnknownExceptions() {
        Problem problem = check("GPL-2.0-only WITH Classpath-exception-2").get(0);

        assertEquals(Severity.WARNING, problem.severity());
        assertEquals("'Classpath-exception-2' is not a known SPDX license exception; did you mean Classpath-exception-2.0?",
                problem.message());
    }

    @Test
    void findsTheFileOfSeeLicenseIn() {
        assertEquals(Optional.of("docs/LICENSE.md"), LicenseCheck.licenseFile("SEE LICENSE IN docs/LICENSE.md"));
        assertEquals(Optional.empty(), LicenseCheck.licenseFile("MIT"));
    }
}
