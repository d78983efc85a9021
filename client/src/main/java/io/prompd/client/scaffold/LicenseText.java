package io.prompd.client.scaffold;

import java.util.Locale;

/** The LICENSE file of a new package: the MIT text in full, a pointer to the SPDX text otherwise. */
final class LicenseText {

    private LicenseText() {
    }

    static String of(String license, int year, String holder) {
        if (!license.equals("MIT")) {
            return "Copyright (c) " + year + " " + holder + "\n\n"
                    + "Licensed under " + license + ". The full text is at https://spdx.org/licenses/" + license + ".html\n";
        }
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
