package io.prompd.client.scaffold;

import io.prompd.core.Plural;
import io.prompd.core.manifest.LicenseCheck;
import io.prompd.core.packaging.LicensePlaceholder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The LICENSE file of a new package, which ships in its tarball and so must state the terms rightly: the MIT text in
 * full; for {@code UNLICENSED}, npm's "no license granted", all rights reserved; otherwise the license or expression
 * with a link to SPDX's text of each identifier, and a place for the author's own text of a {@code LicenseRef-…},
 * which SPDX has no page for, or of {@code SEE LICENSE IN LICENSE}.
 */
final class LicenseText {

    private static final String SPDX_PAGES = "https://spdx.org/licenses/";

    private LicenseText() {
    }

    static String of(String license, int year, String holder) {
        String copyright = "Copyright (c) " + year + " " + holder + "\n\n";
        if (license.equals("MIT")) {
            return mit(year, holder);
        }
        if (license.equals(LicenseCheck.UNLICENSED)) {
            return copyright + "All rights reserved. This package is not licensed: no one is granted the right to use,"
                    + " copy,\nmodify or distribute it.\n";
        }
        Optional<String> termsFile = LicenseCheck.licenseFile(license);
        if (termsFile.isPresent()) {
            return termsFile.get().equals("LICENSE") ? terms(year, holder)
                    : copyright + "The license terms are in " + termsFile.get() + ".\n";
        }
        List<String> tokens = LicenseCheck.tokens(license);
        List<String> ownLicenses = ownLicenses(license);
        String placesForText = ownLicenses.stream().map(id -> "\n" + LicensePlaceholder.line(id) + "\n")
                .reduce("", String::concat);
        if (tokens.size() == 1 && ownLicenses.size() == 1) {
            return copyright + "Licensed under " + license + ", the author's own license, whose full text follows.\n"
                    + placesForText;
        }
        if (tokens.size() == 1 && !license.endsWith("+")) {
            return copyright + "Licensed under " + license + ". The full text is at " + SPDX_PAGES
                    + license + ".html\n";
        }
        List<String> meanings = operatorMeanings(tokens);
        StringBuilder text = new StringBuilder(copyright).append("Licensed under the SPDX license expression \"")
                .append(license.strip()).append('"')
                .append(meanings.isEmpty() ? "" : ", in which " + Plural.series(meanings, "and")).append(".\n\n");
        for (String id : LicenseCheck.identifiers(license)) {
            text.append(id).append(": ").append(LicenseCheck.isLicenseRef(id)
                    ? "the author's own license, whose full text follows" : SPDX_PAGES + id + ".html").append('\n');
        }
        return text.append(placesForText).toString();
    }

    /** The file {@code SEE LICENSE IN} names, with a line in place of the terms, which only the author has. */
    static String terms(int year, String holder) {
        return "Copyright (c) " + year + " " + holder + "\n\n" + LicensePlaceholder.line("the license") + "\n";
    }

    /** What init tells the author to do about the LICENSE it wrote: add the text of their own licenses. */
    static Optional<String> note(String license) {
        Optional<String> termsFile = LicenseCheck.licenseFile(license);
        if (termsFile.isPresent()) {
            return Optional.of("the license terms are to be in " + termsFile.get() + ", which init leaves to you: add"
                    + " the full text of your license to it before you publish");
        }
        List<String> ownLicenses = ownLicenses(license);
        return ownLicenses.isEmpty() ? Optional.empty() : Optional.of("LICENSE has no text for "
                + Plural.series(ownLicenses, "and") + ", which SPDX does not publish: add the full text of your"
                + " license to LICENSE before you publish");
    }

    private static List<String> ownLicenses(String license) {
        return LicenseCheck.identifiers(license).stream().filter(LicenseCheck::isLicenseRef).toList();
    }

    /** SPDX's meaning of each operator the expression uses, as its specification defines them. */
    private static List<String> operatorMeanings(List<String> tokens) {
        List<String> meanings = new ArrayList<>();
        if (tokens.contains("OR")) {
            meanings.add("OR offers a choice between the licenses it joins");
        }
        if (tokens.contains("AND")) {
            meanings.add("AND applies every license it joins");
        }
        if (tokens.contains("WITH")) {
            meanings.add("WITH adds an exception to a license's terms");
        }
        if (tokens.stream().anyMatch(token -> token.endsWith("+"))) {
            meanings.add("a + after a license allows that version or any later one");
        }
        return meanings;
    }

    private static String mit(int year, String holder) {
        // Locale.ROOT: the default locale's digits would write the year as ٢٠٢٦ under ar-SA
        return String.format(Locale.ROOT, """
                MIT License

                Copyright (c) %d %s

                Permission is hereby granted, free of charge, to any person obtaining a copy
                of this software and associated documentation files (the "Software"), to deal
                in the Software without restriction, including without limitation the rights
                to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
                copies of the Software, and to permit persons to whom the Software is
                furnished to do so, subject to the following conditions:

                The above copyright notice and this permission notice shall be included in all
                copies or substantial portions of the Software.

                THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
                IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
                FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
                AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
                LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
                OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
                SOFTWARE.
                """, year, holder);
    }
}
