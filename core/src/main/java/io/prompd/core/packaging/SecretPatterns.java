package io.prompd.core.packaging;

import io.prompd.core.problem.ProblemReport;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a likely credential looks like, in one place: whoever adds a kind of key adds a line here.
 * A package must not hold any: once published, mirrors and the registry's Git history keep it for
 * good. Files named {@code .env*} are never packed, whatever they hold ({@code PackSelector}).
 */
final class SecretPatterns {

    /** A kind of credential and the text that gives it away. */
    private record Kind(String description, Pattern pattern) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("an OpenAI-style API key (sk-...)", Pattern.compile("\\bsk-[A-Za-z0-9_-]{20,}")),
            new Kind("an AWS access key id (AKIA...)", Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b")),
            new Kind("a GitHub token (ghp_, gho_, ghu_, ghs_, ghr_)", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36}")),
            new Kind("a GitHub fine-grained token (github_pat_...)", Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{22,}")),
            new Kind("an npm access token (npm_...)", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b")),
            new Kind("a PyPI API token (pypi-...)", Pattern.compile("\\bpypi-AgE[A-Za-z0-9_-]{50,}")),
            new Kind("a private key (-----BEGIN ... PRIVATE KEY-----, or PGP's PRIVATE KEY BLOCK)",
                    Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")));

    /** How much of a likely credential a masked text keeps: about its kind's prefix (sk-a, AKIA, ghp_). */
    private static final int SHOWN_OF_A_SECRET = 4;

    /**
     * A likely credential found in a text.
     *
     * @param line        its 1-based line
     * @param description what kind of credential it looks like
     */
    record Finding(int line, String description) {
    }

    private SecretPatterns() {
    }

    /** The text with each likely credential cut to its first four characters and an ellipsis. */
    static String masked(String text) {
        String masked = text;
        for (Kind kind : KINDS) {
            masked = kind.pattern().matcher(masked).replaceAll(found -> Matcher.quoteReplacement(
                    ProblemReport.abbreviated(found.group(), SHOWN_OF_A_SECRET)));
        }
        return masked;
    }

    /** Every likely credential in the text, line by line, in order. */
    static List<Finding> find(String text) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            for (Kind kind : KINDS) {
                Matcher matcher = kind.pattern().matcher(lines[index]);
                if (matcher.find()) {
                    findings.add(new Finding(index + 1, kind.description()));
                }
            }
        }
        return findings;
    }
}
