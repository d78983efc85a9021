package io.prompd.core.manifest;

import io.prompd.core.Plural;
import io.prompd.core.TerminalText;
import io.prompd.core.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the {@code license} field: an SPDX license expression ({@code MIT}, {@code (MIT OR Apache-2.0)},
 * {@code GPL-2.0-or-later WITH Classpath-exception-2.0}, {@code LicenseRef-Mine}), {@code UNLICENSED}
 * for a package nobody may use, or npm's {@code SEE LICENSE IN <file>} (or {@code LICENCE}, as npm reads it too). A
 * malformed expression is an error; an identifier prompd does not know is a warning, because its list is a subset.
 */
public final class LicenseCheck {

    /** npm's word for "no license granted". */
    public static final String UNLICENSED = "UNLICENSED";

    private static final String SEE_LICENSE_IN = "SEE LICENSE IN ";
    /** npm's pattern of a license in a file, in capitals, of either spelling: validate-npm-package-license's. */
    private static final Pattern SEE_LICENSE_IN_FILE = Pattern.compile("SEE LICEN[CS]E IN (.*)", Pattern.DOTALL);
    /**
     * The words around a file's name in a license written as a pointer to it ({@code See the LICENSE file}), which npm
     * does not read: {@code license} itself only before another word naming the file.
     */
    private static final Set<String> POINTER_WORDS = Set.of("the", "in", "file");
    private static final Set<String> LICENSE_WORDS = Set.of("license", "licence");
    /**
     * The families of licenses a terms file is named for after LICENSE- ({@code LICENSE-MIT}, {@code COPYING.LGPLv3}):
     * not SPDX's list, which holds JSON, PHP and Vim, each a word {@code license.json} or {@code license.php} ends in.
     * CC only as CC0 or CC-BY, since {@code license.cc} is C++.
     */
    private static final String LICENSE_FAMILY = "(MIT|APACHE|GPL|LGPL|AGPL|0BSD|BSD|MPL|ISC|CC0|CC-BY|EPL|EUPL"
            + "|UNLICENSE|ZLIB|BSL|BOOST|ARTISTIC|OFL|WTFPL|MS-PL|POSTGRESQL|PSF|PYTHON)";
    /**
     * A word after a license's family that tells its version or variant, as SPDX writes them ({@code 2}, {@code v3},
     * {@code only}, {@code or-later}, {@code 3-Clause}, {@code SA}) or another family a dual license names
     * ({@code LICENSE-MIT-OR-APACHE}); any other word names what a file does with a license
     * ({@code LICENSE-MIT-NOTES}).
     */
    private static final String TERMS_VARIANT = "(v?[0-9]+|ONLY|OR|LATER|CLAUSE|BY|SA|ND|NC|" + LICENSE_FAMILY + ")";
    /**
     * The name of a file terms are kept in: {@code LICENSE}, {@code LICENCE} or {@code COPYING} in any letter case,
     * maybe with its GPL's version ({@code COPYING3}), bare or after {@code -}, {@code _} or {@code .} a license's
     * family with its version and variant ({@code LICENSE-APACHE-2.0}, {@code COPYING.LGPLv2.1},
     * {@code LICENSE_BSD-3-Clause}; {@link #TERMS_VARIANT}), GNU's {@code LESSER} or {@code LIB} (the LGPL's older
     * file name) or a version
     * ({@code LICENSE-2.0}, {@code COPYING.v3}), then maybe the extension of a text or markup format terms are written
     * in ({@code .md}, {@code .adoc}, {@code .html}, {@code .org}, …). Any other
     * word names what a file does with licenses ({@code license-check}, {@code LICENSE-HEADER.txt},
     * {@code license-faq.md}); after the family a dot comes only before a version's digit, so that a file's type is no
     * variant ({@code LICENSE-MIT.json}).
     */
    private static final Pattern TERMS_FILE_NAME = Pattern.compile("(?i)((LICEN[CS]E|COPYING)[0-9]*)"
            + "([-_.](LESSER|LIB|v?[0-9]+(\\.[0-9]+)*|" + LICENSE_FAMILY
            + "(v?[0-9]+)?([-_]" + TERMS_VARIANT + "|\\.[0-9][a-z0-9]*)*))?"
            + "(\\.(md|markdown|txt|text|rst|adoc|asciidoc|html|htm|org|rtf|textile))?");
    /** More are no longer a hint but a list to read. */
    private static final int MOST_SUGGESTED = 6;
    /** A scheme and {@code //}: {@code https://…}, {@code http://…}, {@code ftp://…}. */
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern LICENSE_REF = Pattern.compile(
            "(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+");
    private static final Pattern TOKENS = Pattern.compile("\\s+|(?=[()])|(?<=[()])");
    /** Words a license's name is written with that are no part of its identifier: Apache License, Version 2.0. */
    private static final Set<String> FILLER_WORDS = Set.of("license", "licence", "version");
    /** The MIT license's old name, after the X Window System it was first used for; not a choice of MIT or X11. */
    private static final String MIT_X11 = "MIT/X11";
    /** A word of a license written in words, maybe ending in punctuation: {@code reserved.} */
    private static final Pattern OWN_TERMS_WORD = Pattern.compile("([A-Za-z0-9.-]*[A-Za-z0-9])[.,;:!]?");
    private static final String HINT =
            "write an SPDX expression such as MIT, Apache-2.0 or (MIT OR Apache-2.0); see https://spdx.org/licenses/";

    private LicenseCheck() {
    }

    /**
     * The file named by {@code SEE LICENSE IN <file>}, which must then be in the package; empty for a URL there, which
     * names no file ({@link #check} refuses it).
     */
    public static Optional<String> licenseFile(String license) {
        return seeLicenseIn(license).filter(named -> !URL.matcher(named).matches());
    }

    private static Optional<String> seeLicenseIn(String license) {
        Matcher named = SEE_LICENSE_IN_FILE.matcher(license);
        return named.matches() ? Optional.of(named.group(1).strip()).filter(file -> !file.isEmpty())
                : Optional.empty();
    }

    /** The words a license written as a pointer ({@code See the MIT license.}) points at; empty for other text. */
    private static Optional<String> pointedAtInWords(String license) {
        List<String> words = new ArrayList<>(Arrays.asList(license.strip().replaceFirst("\\.$", "").split("\\s+")));
        if (words.size() < 2 || !words.remove(0).equalsIgnoreCase("see")) {
            return Optional.empty();
        }
        words.removeIf(word -> POINTER_WORDS.contains(word.toLowerCase(Locale.ROOT)));
        return words.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", words));
    }

    /**
     * The file a license written in words as a pointer to it names, as {@code See LICENSE}, {@code see license in
     * LICENSE.md} or {@code See the LICENSE file.} do, which npm reads as neither an expression nor its
     * {@code SEE LICENSE IN <file>}; empty for any other text.
     */
    private static Optional<String> fileInWords(String license) {
        List<String> words = new ArrayList<>(pointedAtInWords(license).map(text -> Arrays.asList(text.split(" ")))
                .orElse(List.of()));
        while (words.size() > 1 && LICENSE_WORDS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            words.remove(0);
        }
        return words.size() == 1 ? Optional.of(words.get(0)) : Optional.empty();
    }

    /**
     * The words of an SPDX expression in order: identifiers (a license's with its {@code +}, if any), the operators
     * {@code AND}, {@code OR} and {@code WITH}, and parentheses.
     */
    public static List<String> tokens(String expression) {
        List<String> tokens = new ArrayList<>();
        for (String token : TOKENS.split(expression.strip())) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return List.copyOf(tokens);
    }

    /**
     * Each license and exception identifier of an SPDX expression once, in the order written, without the {@code +}.
     */
    public static List<String> identifiers(String expression) {
        return tokens(expression).stream()
                .filter(token -> !Parser.isOperator(token) && !token.equals("(") && !token.equals(")"))
                .map(token -> token.endsWith("+") ? token.substring(0, token.length() - 1) : token)
                .distinct().toList();
    }

    /**
     * Whether {@code name} is that of a file holding a package's license terms: what {@code prompd init} keeps in place
     * of its LICENSE, and what validate takes the license written as a file's name for.
     */
    public static boolean isTermsFileName(String name) {
        return TERMS_FILE_NAME.matcher(name).matches();
    }

    /**
     * Whether a license written so needs its terms in a file of the package, a LICENSE: an SPDX expression does, as
     * most licenses ask that their text go with every copy, and one of the author's own has no text anywhere else;
     * {@code UNLICENSED} grants nothing to write down, {@code SEE LICENSE IN <file>} names its own file, which
     * {@link ManifestPaths} requires, and a text that is no expression is an error of its own.
     */
    public static boolean needsTermsFile(String license) {
        return !license.equals(UNLICENSED) && seeLicenseIn(license).isEmpty() && !isTermsFileName(license.strip())
                && new Parser(tokens(license), "", "").parse().isEmpty();
    }

    /** Whether the identifier names a license of the author's own ({@code LicenseRef-…}), which SPDX has no text of. */
    public static boolean isLicenseRef(String id) {
        return LICENSE_REF.matcher(id).matches();
    }

    /** Every problem of the license text, for the given file and field pointer. */
    public static List<Problem> check(String license, String file, String pointer) {
        if (license.equals(UNLICENSED)) {
            return List.of();
        }
        Optional<String> named = seeLicenseIn(license);
        if (named.isPresent()) {
            // npm's SEE LICENSE IN names a file of the tarball; a URL read as a path would be a path with '//'
            return named.filter(text -> URL.matcher(text).matches()).map(url -> List.of(Problem.error(file, pointer,
                    TerminalText.oneLine("'" + license + "' names a URL: SEE LICENSE IN takes a file of the package,"
                            + " as npm reads it"), "put the terms in a file such as LICENSE.txt and write \""
                            + SEE_LICENSE_IN + "LICENSE.txt\""))).orElse(List.of());
        }
        if (isTermsFileName(license.strip())) {
            // a warning, as any identifier SPDX does not list: its closest, Unlicense, would say the opposite
            return List.of(Problem.warning(file, pointer, "'" + license.strip() + "' names a file, not a license: npm"
                    + " reads terms kept in a file as " + SEE_LICENSE_IN + "<file>", "write \"" + SEE_LICENSE_IN
                    + license.strip() + "\", or the SPDX identifier of the license the file holds, such as MIT"));
        }
        Parser parser = new Parser(tokens(license), file, pointer);
        Optional<String> syntaxError = parser.parse();
        Optional<String> pointedAt = syntaxError.flatMap(any -> fileInWords(license));
        // "See MIT" and "See the Apache 2.0 license" point at a license, not at a file of that name
        List<String> licensePointedAt = syntaxError.flatMap(any -> pointedAtInWords(license))
                .map(LicenseCheck::wordsNamed).orElse(List.of());
        Optional<String> fileInWords = pointedAt.filter(word -> licensePointedAt.isEmpty());
        if (fileInWords.isPresent()) {
            return List.of(Problem.error(file, pointer, TerminalText.oneLine("'" + license + "' is not a valid SPDX"
                    + " license expression: a file of the package holding the terms is named as npm reads it, "
                    + SEE_LICENSE_IN + "<file>, in capitals"), "write \"" + SEE_LICENSE_IN + fileInWords.get() + "\""));
        }
        if (syntaxError.isPresent()) {
            List<String> meant = licensePointedAt.isEmpty() ? freeTextMeant(license) : licensePointedAt;
            Optional<String> ownTerms = meant.isEmpty() ? ownTermsInWords(license) : Optional.empty();
            // the parser's "join licenses with AND or OR" would send terms of one's own where the hint does not
            String why = !meant.isEmpty() ? didYouMean(meant) : ownTerms.isPresent() ? ": no word of it is a license"
                    + " identifier, so it reads as terms of your own" : ": " + syntaxError.get();
            // one line, as init --license quotes a command line's text, line breaks and all
            return List.of(Problem.error(file, pointer, TerminalText.oneLine("'" + license + "' is not a valid SPDX"
                    + " license expression" + why), ownTerms.map(name -> ownTermsHint(name, true)).orElse(HINT)));
        }
        return List.copyOf(parser.unknownIds);
    }

    /**
     * What a license written as people write it in words means: {@code Apache-2.0} for {@code Apache 2.0} or
     * {@code Apache License 2.0}, the {@code GPL-3.0-*} of {@code GPL v3}, {@code MIT OR Apache-2.0} for
     * {@code MIT/Apache-2.0} (as cargo once read a slash); empty unless every word names a license, so that text
     * which is no license gets no suggestion.
     */
    private static List<String> freeTextMeant(String license) {
        if (license.strip().equalsIgnoreCase(MIT_X11)) {
            return List.of("MIT");
        }
        String[] alternatives = license.strip().split("\\s*/\\s*");
        if (alternatives.length > 1) {
            List<String> each = new ArrayList<>();
            for (String alternative : alternatives) {
                List<String> named = wordsNamed(alternative);
                if (named.size() != 1) {
                    return List.of();
                }
                each.add(named.get(0));
            }
            return List.of(String.join(" OR ", each));
        }
        return wordsNamed(license);
    }

    /** The licenses the words name, joined as an identifier, leaving out those no identifier has ({@code License}). */
    private static List<String> wordsNamed(String text) {
        SpdxList list = SpdxList.BUNDLED;
        List<String> words = Arrays.stream(text.strip().split("[\\s,]+"))
                .filter(word -> !FILLER_WORDS.contains(word.toLowerCase(Locale.ROOT))).toList();
        if (words.isEmpty() || words.stream().anyMatch(word -> !ID.matcher(word).matches()
                || Parser.isOperator(word.toUpperCase(Locale.ROOT)))) {
            return List.of();
        }
        List<String> named = list.licensesNamed(String.join("-", words));
        return named.isEmpty() ? list.licensesNamed(String.join("", words)) : named;
    }

    /**
     * The name of a {@code LicenseRef-} for a license written in words none of which is a license identifier or
     * joins them ({@code All rights reserved}, {@code Acme Corp}), which are most likely terms of the author's own.
     */
    private static Optional<String> ownTermsInWords(String license) {
        List<String> words = tokens(license);
        boolean prose = words.size() > 1 && words.stream().allMatch(word -> OWN_TERMS_WORD.matcher(word).matches()
                && !Parser.isOperator(word.toUpperCase(Locale.ROOT)) && !SpdxList.BUNDLED.isLicense(word));
        return prose ? Optional.of(words.stream().map(word -> OWN_TERMS_WORD.matcher(word).replaceFirst("$1"))
                .collect(Collectors.joining("-"))) : Optional.empty();
    }

    /** The two ways to write terms of one's own, UNLICENSED only where it stands alone. */
    private static String ownTermsHint(String name, boolean alone) {
        return "for terms of your own, write " + (alone ? UNLICENSED + " (no license granted) or " : "")
                + "LicenseRef-" + name + " with its terms in a file of the package such as LICENSE; for a published"
                + " license, " + HINT;
    }

    /** {@code ; did you mean A or B?}, the first few of a large family and how many more there are. */
    private static String didYouMean(List<String> meant) {
        if (meant.isEmpty()) {
            return "";
        }
        if (meant.size() <= MOST_SUGGESTED) {
            return "; did you mean " + Plural.series(meant, "or") + "?";
        }
        return "; did you mean " + String.join(", ", meant.subList(0, MOST_SUGGESTED)) + " or one of "
                + (meant.size() - MOST_SUGGESTED) + " more of that family?";
    }

    /**
     * Recursive descent over SPDX's grammar, loosest binding first:
     * {@code or := and (OR and)*}, {@code and := with (AND with)*},
     * {@code with := '(' or ')' | license (WITH exception)?}.
     */
    private static final class Parser {
        private final List<String> tokens;
        private final String file;
        private final String pointer;
        private final List<Problem> unknownIds = new ArrayList<>();
        private int next;

        Parser(List<String> tokens, String file, String pointer) {
            this.tokens = tokens;
            this.file = file;
            this.pointer = pointer;
        }

        /** The syntax error, or empty when the whole text is one expression. */
        Optional<String> parse() {
            try {
                or();
                if (next < tokens.size()) {
                    String extra = tokens.get(next);
                    String upper = extra.toUpperCase(Locale.ROOT);
                    throw new SyntaxError(isOperator(upper)
                            ? "write the operator '" + extra + "' in uppercase, as " + upper
                            : "unexpected '" + extra + "'; join licenses with AND or OR");
                }
                return Optional.empty();
            } catch (SyntaxError error) {
                return Optional.of(error.getMessage());
            }
        }

        private void or() {
            and();
            while (accept("OR")) {
                and();
            }
        }

        private void and() {
            with();
            while (accept("AND")) {
                with();
            }
        }

        private void with() {
            if (accept("(")) {
                or();
                if (!accept(")")) {
                    throw new SyntaxError("a '(' is not closed");
                }
                return;
            }
            license(take("a license identifier"));
            if (accept("WITH")) {
                exception(take("an exception identifier after WITH"));
            }
        }

        private void license(String token) {
            if (isLicenseRef(token)) {
                return;
            }
            String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
            if (!ID.matcher(id).matches()) {
                throw new SyntaxError("'" + token + "' is not a license identifier");
            }
            SpdxList list = SpdxList.BUNDLED;
            // a + is "or later": of a deprecated identifier, whose replacement may leave the choice open, the -or-later
            // form, where SPDX lists one, is the one the + already chose
            Optional<String> replacement = list.replacementOf(token).or(() -> list.replacementOf(id)
                    .map(open -> token.endsWith("+") && list.isLicense(id + "-or-later") ? id + "-or-later" : open));
            if (replacement.isPresent()) {
                unknownIds.add(deprecated(token, replacement.get()));
            } else if (id.equalsIgnoreCase(UNLICENSED)) {
                unknownIds.add(unlicensed(id));
            } else if (!list.isLicense(id)) {
                List<String> meant = list.licensesMeant(id);
                unknownIds.add(Problem.warning(file, pointer, "'" + id + "' is not a known SPDX license identifier"
                        + didYouMean(meant), meant.isEmpty() ? ownTermsHint(id, tokens.size() == 1) : HINT));
            }
        }

        private void exception(String id) {
            if (!ID.matcher(id).matches()) {
                throw new SyntaxError("'" + id + "' is not an exception identifier");
            }
            SpdxList list = SpdxList.BUNDLED;
            Optional<String> replacement = list.replacementOfException(id);
            if (replacement.isPresent()) {
                unknownIds.add(deprecated(id, replacement.get()));
            } else if (!list.isException(id)) {
                unknownIds.add(Problem.warning(file, pointer, "'" + id + "' is not a known SPDX license exception"
                        + list.closestException(id).map(close -> "; did you mean " + close + "?").orElse(""),
                        "see https://spdx.org/licenses/exceptions-index.html"));
            }
        }

        /**
         * npm's UNLICENSED in another case or in an expression: SPDX's closest identifier, the Unlicense, is a
         * public-domain dedication, the opposite of "no license granted", so it is no suggestion.
         */
        private Problem unlicensed(String id) {
            if (tokens.size() == 1) {
                return Problem.warning(file, pointer, "'" + id + "' is not a known SPDX license identifier: npm's "
                        + UNLICENSED + ", no license granted (all rights reserved), is written in capitals", "write "
                        + UNLICENSED + " (the Unlicense, written Unlicense, is another license: a public-domain"
                        + " dedication)");
            }
            return Problem.warning(file, pointer, "'" + id + "' is npm's " + UNLICENSED + " (no license granted),"
                    + " which stands alone and cannot be combined in an expression, as npm reads it too", "write "
                    + UNLICENSED + " alone to grant no license, or only the licenses granted, such as MIT");
        }

        /** A license or exception identifier SPDX lists as deprecated, with what it says to write instead. */
        private Problem deprecated(String id, String replacement) {
            return Problem.warning(file, pointer, "'" + id + "' is a deprecated SPDX identifier",
                    "write " + replacement + " instead");
        }

        private String take(String expected) {
            if (next >= tokens.size()) {
                throw new SyntaxError("expected " + expected + " at the end");
            }
            String token = tokens.get(next);
            if (isOperator(token) || token.equals("(") || token.equals(")")) {
                throw new SyntaxError("expected " + expected + ", found '" + token + "'");
            }
            next++;
            return token;
        }

        private boolean accept(String token) {
            if (next < tokens.size() && tokens.get(next).equals(token)) {
                next++;
                return true;
            }
            return false;
        }

        private static boolean isOperator(String token) {
            return token.equals("AND") || token.equals("OR") || token.equals("WITH");
        }
    }

    /** Unwinds the descent at the first syntax error: after it, nothing more can be read reliably. */
    private static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }
}
