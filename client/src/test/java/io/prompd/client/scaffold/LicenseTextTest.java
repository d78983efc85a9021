package io.prompd.client.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The LICENSE ships in the package's tarball: what it says of the terms must be what the manifest's license means. */
class LicenseTextTest {

    private static String text(String license) {
        return LicenseText.of(license, 2026, "Ada");
    }

    @Test
    void anSpdxIdentifierLinksToItsText() {
        assertEquals("""
                Copyright (c) 2026 Ada

                Licensed under Apache-2.0. The full text is at https://spdx.org/licenses/Apache-2.0.html
                """, text("Apache-2.0"));
        assertTrue(text("MIT").startsWith("MIT License\n\nCopyright (c) 2026 Ada\n\nPermission is hereby granted"));
    }

    /** npm's UNLICENSED grants no license at all: there is no license to name nor a page to link. */
    @Test
    void unlicensedReservesAllRights() {
        assertEquals("""
                Copyright (c) 2026 Ada

                All rights reserved. This package is not licensed: no one is granted the right to use, copy,
                modify or distribute it.
                """, text("UNLICENSED"));
    }

    @Test
    void anExpressionSaysWhatItsOperatorsMeanAndLinksEachIdentifier() {
        assertEquals("""
                Copyright (c) 2026 Ada

                Licensed under the SPDX license expression "MIT OR Apache-2.0", in which OR offers a choice between the\
                 licenses it joins.

                MIT: https://spdx.org/licenses/MIT.html
                Apache-2.0: https://spdx.org/licenses/Apache-2.0.html
                """, text("MIT OR Apache-2.0"));
        assertEquals("""
                Copyright (c) 2026 Ada

                Licensed under the SPDX license expression "(EPL-2.0+ AND MIT) OR GPL-2.0-only WITH\
                 Classpath-exception-2.0", in which OR offers a choice between the licenses it joins, AND applies every\
                 license it joins, WITH adds an exception to a license's terms and a + after a license allows that\
                 version or any later one.

                EPL-2.0: https://spdx.org/licenses/EPL-2.0.html
                MIT: https://spdx.org/licenses/MIT.html
                GPL-2.0-only: https://spdx.org/licenses/GPL-2.0-only.html
                Classpath-exception-2.0: https://spdx.org/licenses/Classpath-exception-2.0.html
                """, text("(EPL-2.0+ AND MIT) OR GPL-2.0-only WITH Classpath-exception-2.0"));
    }

    /** SPDX publishes no text of a LicenseRef: the file leaves a place for it, and init tells the author to fill it. */
    @Test
    void aLicenseOfTheAuthorsOwnIsLeftForTheAuthorToAdd() {
        assertEquals("""
                Copyright (c) 2026 Ada

                Licensed under LicenseRef-Acme, the author's own license, whose full text follows.

                [The full text of LicenseRef-Acme is the author's to add here.]
                """, text("LicenseRef-Acme"));
        assertEquals("""
                Copyright (c) 2026 Ada

                Licensed under the SPDX license expression "MIT AND LicenseRef-Acme", in which AND applies every\
                 license it joins.

                MIT: https://spdx.org/licenses/MIT.html
                LicenseRef-Acme: the author's own license, whose full text follows

                [The full text of LicenseRef-Acme is the author's to add here.]
                """, text("MIT AND LicenseRef-Acme"));
        assertEquals(Optional.of("LICENSE has no text for LicenseRef-Acme, which SPDX does not publish: add the full"
                + " text of your license to LICENSE before you publish"), LicenseText.note("MIT AND LicenseRef-Acme"));
        assertEquals(Optional.empty(), LicenseText.note("MIT OR Apache-2.0"));
    }

    @Test
    void seeLicenseInPointsToTheFileTheAuthorIsToWrite() {
        assertEquals("Copyright (c) 2026 Ada\n\n[The full text of the license is the author's to add here.]\n",
                text("SEE LICENSE IN LICENSE"));
        assertEquals("Copyright (c) 2026 Ada\n\nThe license terms are in TERMS.md.\n", text("SEE LICENSE IN TERMS.md"));
        assertEquals(Optional.of("the license terms are to be in TERMS.md, which init leaves to you: add the full text"
                + " of your license to it before you publish"), LicenseText.note("SEE LICENSE IN TERMS.md"));
    }
}
