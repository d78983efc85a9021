package io.prompd.core.packaging;

import io.prompd.core.problem.ProblemReport;
import io.prompd.core.problem.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * What a likely credential looks like, in one place: whoever adds a kind of key adds a line here.
 * A package must not hold any: once published, mirrors and the registry's Git history keep it for
 * good. Files named as secrets ({@code .env*}, {@code *.env}, {@code .aws/credentials}, ...) are never packed,
 * whatever they hold ({@code PackSelector}).
 */
final class SecretPatterns {

    /**
     * A kind of credential and the text that gives it away.
     *
     * @param pattern     the text, whose group {@value #RANDOM} is the random part of the key, after its kind's prefix
     * @param keyMaterial whether the text is only a header, which documentation names as well, and gives a key
     *                    away only with the key's material after it ({@link #KEY_MATERIAL}); such a pattern has no
     *                    random part
     * @param severity    an error, but for a kind that documentation shows real ones of, to a reviewer to judge
     * @param placeholder whether a match of the pattern is documentation's placeholder rather than a key: by default
     *                    when its random part is mostly runs of one character ({@link #isPlaceholder})
     * @param clue        text every match holds as it is written, looked for before the pattern is: a build scans the
     *                    name of every file of every version for each kind, and a plain search passes over nearly
     *                    every line at a fraction of a pattern's cost; empty for a kind matched in any letter case
     */
    private record Kind(String description, Pattern pattern, boolean keyMaterial, Severity severity,
                        Predicate<Matcher> placeholder, String clue) {

        Kind {
            if (keyMaterial == pattern.pattern().contains("(?<" + RANDOM + ">")) {
                throw new IllegalArgumentException("a key's pattern has a group " + RANDOM + " exactly when it has"
                        + " no header: " + description);
            }
        }

        Kind(String description, String clue, Pattern pattern) {
            this(description, pattern, false, Severity.ERROR, match -> isPlaceholder(match.group(RANDOM)), clue);
        }

        boolean mayBeIn(String line) {
            return line.contains(clue);
        }
    }

    /** The group of a kind's pattern that is the key's random part. */
    private static final String RANDOM = "random";
    /** What {@link #URL_PASSWORD} finds. */
    private static final String PASSWORD_IN_URL = "a password in a URL (scheme://user:password@host)";
    /** The group of {@link #URL_PASSWORD} that is the user before the password. */
    private static final String URL_USER = "user";

    /**
     * The random part of an {@code sk-} key, OpenAI's or Anthropic's: 20 or more letters, digits, {@code -} and
     * {@code _}, with letters and digits both, as random base62 holds them all but certainly, and as documentation's
     * placeholders ({@code sk-xxxxxxxxxxxxxxxxxxxxxxxx}, {@code sk-your-api-key-goes-here}) do not.
     */
    private static final String SK_KEY_REST = "(?=[A-Za-z0-9_-]*[0-9])(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}";
    /**
     * The words a kind of {@code sk-} key starts with before its random part, small letters then maybe a number, each
     * ending in {@code -} ({@code ant-api03-}, {@code proj-}), taken whole, so that their digits do not count as the
     * random part's: {@code sk-ant-api03-xxxxxxxx…-xxxxxxAA} is a placeholder.
     */
    private static final String SK_KEY_WORDS = "(?:[a-z]+[0-9]*-)*+";
    /** The word Anthropic's keys start with ({@code sk-ant-api03-}, {@code sk-ant-admin01-}): no OpenAI key does. */
    private static final String ANTHROPIC_WORD = "ant-";

    /**
     * A label naming an AWS secret access key, in any letter case, with {@code _}, {@code -} or a space between its
     * words or none: {@code aws_secret_access_key} as the credentials file writes it, {@code AWS_SECRET_ACCESS_KEY} as
     * the environment, {@code SecretAccessKey} as AWS's own JSON, {@code awsSecretKey}. Then what sets it apart from the
     * key: {@code =} or {@code :}, a Markdown table's {@code |}, an XML element's {@code >} (STS answers
     * {@code <SecretAccessKey>}), or spaces alone ({@code aws configure set aws_secret_access_key …}); the label and the
     * key quoted, or in Markdown's backticks, or not. The key itself, forty base64 characters, has no mark of its kind.
     */
    private static final String AWS_SECRET_LABEL = "(?<![A-Za-z0-9])(?i:aws[_ -]?secret[_ -]?(?:access[_ -]?)?key"
            + "|secret[_ -]?access[_ -]?key)[\"'`]?(?:\\s*[:=|>]\\s*|\\s+)[\"'`]?";

    /**
     * A password in a URL's user part, {@code postgres://admin:S3cr3tPassw0rd@db.example.com/prod}, any scheme's: the
     * match starts at the user, so that a masked text keeps the scheme and the host ({@code postgres://admi…@db…}).
     * The password holds no space, {@code /}, {@code ?}, {@code #}, {@code @} (a URL writes one as {@code %40}), quote
     * or backtick, and a host follows it; whether it is a placeholder is {@link #isPlaceholderPassword}'s. The scheme's
     * lookbehind, which tries each of its lengths at each place, is asked only after {@code ://}: asked everywhere, it
     * took a millisecond a line, and a context file of 5,000 lines ten seconds.
     */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?<=://)(?<=[A-Za-z][A-Za-z0-9+.-]{0,30}://)"
            + "(?<" + URL_USER + ">[^\\s:/?#@\"'`]*):" + random("[^\\s/?#@\"'`]+") + "(?=@[\\w\\[])");

    /**
     * A password of documentation rather than a secret: template or variable syntax ({@code <password>},
     * {@code ${DB_PASSWORD}}, {@code $PASS}, {@code {{ pw }}}, {@code %s}), masked ({@code ***}, {@code ...}), or
     * one character alone or repeated ({@code x}, {@code xxx}).
     */
    private static final Pattern PASSWORD_PLACEHOLDER = Pattern.compile(
            "[{}<>\\[\\]]|^\\$|^%(?![0-9A-Fa-f]{2})|\\*\\*\\*|\\.\\.\\.|…|^(.)\\1*$");
    /**
     * The words documentation's passwords are made of ({@code password}, {@code your_password_here},
     * {@code mysecretpassword}, {@code changeme}), longest first, so that a password made of them alone, with digits
     * or {@code -_.} beside, is a placeholder, and one with any other letter ({@code S3cr3tPassw0rd}) is not.
     */
    private static final Pattern PASSWORD_WORDS = Pattern.compile("placeholder|passphrase|password|username|database"
            + "|redacted|example|changeme|passwd|secret|sample|change|dummy|token|your|here|goes|pass|fake|user|pwd|the"
            + "|foo|bar|baz|my|me|db|pw");
    /** What documentation's passwords hold beside {@link #PASSWORD_WORDS}. */
    private static final Pattern PASSWORD_FILLER = Pattern.compile("[0-9._-]*");

    /**
     * A key is found right after a capital, a digit, {@code _} or a byte of binary data read as Latin-1, not only at
     * a word's start, where its prefix and the rest are distinctive: {@code ghp_} and 36 letters or digits,
     * {@code pypi-AgE}, {@code AKIA} and sixteen capitals or digits with none more around them (but AWS's own examples
     * in its documentation, ending in {@code EXAMPLE}, as gitleaks passes them), an AWS secret access key of forty
     * base64 characters, capitals and small letters both, only after a label naming one ({@link #AWS_SECRET_LABEL}),
     * as nothing else tells it from any other random text (but AWS's examples, ending in {@code EXAMPLEKEY}, as those
     * of its key ids), and {@code sk-proj-}
     * after anything but a small letter ({@code mask-proj-settings-…} is prose), as Stripe's {@code sk_live_} and
     * {@code rk_live_} are ({@code desk_live_…} is an identifier), and Google's {@code AIza} and 35 more. The plain
     * {@code sk-} (Anthropic's {@code sk-ant-} among them), {@code npm_} and {@code github_pat_} ones, whose rest a
     * word or an identifier can be, only at a word's start, and Slack's {@code xoxb-} and the like with the number
     * their tokens start with after it, which a placeholder ({@code xoxb-your-token}) lacks. GitLab's {@code glpat-}
     * and Google's OAuth access token {@code ya29.} with letters and digits both after them, as a placeholder
     * ({@code glpat-your-token-here}) has not, at a word's start; Hugging Face's {@code hf_} and thirty to forty
     * letters, capitals and small ones (an identifier, {@code hf_tokenizer_config}, is small letters and {@code _}),
     * at a word's start; SendGrid's {@code SG.}, 22 characters, {@code .} and 43; an Azure storage account's
     * {@code AccountKey=} and 64 bytes of base64 (but the storage emulator's, Azurite's, which Microsoft publishes for
     * every developer's machine); a Slack webhook's URL, whose last part is its secret; and a password in a URL
     * ({@link #URL_PASSWORD}). A JSON Web Token, {@code eyJ….eyJ….} and a signature, is a warning: documentation
     * shows real-looking ones (jwt.io's), and one may have expired; a reviewer tells.
     */
    private static final List<Kind> KINDS = List.of(
            new Kind("an Anthropic API key (sk-ant-...)", "sk-ant-",
                    Pattern.compile("\\bsk-" + ANTHROPIC_WORD + SK_KEY_WORDS + random(SK_KEY_REST))),
            new Kind("an OpenAI-style API key (sk-...)", "sk-", Pattern.compile("(?:\\bsk-(?!" + ANTHROPIC_WORD + ")"
                    + SK_KEY_WORDS + "|(?<![a-z])sk-proj-)" + random(SK_KEY_REST))),
            new Kind("an AWS access key id (AKIA...)", "AKIA",
                    Pattern.compile("(?<![A-Z0-9])AKIA(?![0-9A-Z]{9}EXAMPLE)" + random("[0-9A-Z]{16}")
                            + "(?![A-Z0-9])")),
            new Kind("an AWS secret access key (aws_secret_access_key = ...)", "",
                    Pattern.compile(AWS_SECRET_LABEL + "(?![A-Za-z0-9/+]{30}EXAMPLEKEY)"
                            + random("(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])[A-Za-z0-9/+]{40}")
                            + "(?![A-Za-z0-9/+=])")),
            new Kind("a GitHub token (ghp_, gho_, ghu_, ghs_, ghr_)", "gh",
                    Pattern.compile("gh[pousr]_" + random("[A-Za-z0-9]{36}"))),
            new Kind("a GitHub fine-grained token (github_pat_...)", "github_pat_",
                    Pattern.compile("\\bgithub_pat_" + random("[A-Za-z0-9_]{22,}"))),
            new Kind("an npm access token (npm_...)", "npm_",
                    Pattern.compile("\\bnpm_" + random("[A-Za-z0-9]{36}") + "\\b")),
            new Kind("a PyPI API token (pypi-...)", "pypi-AgE",
                    Pattern.compile("pypi-AgE" + random("[A-Za-z0-9_-]{50,}"))),
            new Kind("a Stripe live secret or restricted key (sk_live_, rk_live_)", "k_live_",
                    Pattern.compile("(?<![a-z])[rs]k_live_" + random("[A-Za-z0-9]{24,}"))),
            new Kind("a Slack token (xoxb-, xoxp-, xoxa-, xoxr-, xoxs-)", "xox",
                    Pattern.compile("\\bxox[abprs]-" + random("[0-9]+-[A-Za-z0-9-]{10,}"))),
            new Kind("a Google API key (AIza...)", "AIza", Pattern.compile("AIza" + random("[0-9A-Za-z_-]{35}"))),
            new Kind("a GitLab personal access token (glpat-...)", "glpat-", Pattern.compile("\\bglpat-"
                    + random("(?=[A-Za-z0-9_-]*[0-9])(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}"))),
            new Kind("a Hugging Face token (hf_...)", "hf_", Pattern.compile("\\bhf_"
                    + random("(?=[A-Za-z]*[A-Z])(?=[A-Za-z]*[a-z])[A-Za-z]{30,40}") + "(?![A-Za-z0-9_])")),
            new Kind("a Google OAuth access token (ya29....)", "ya29.", Pattern.compile("\\bya29\\."
                    + random("(?=[A-Za-z0-9_-]*[0-9])(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}"))),
            new Kind("a SendGrid API key (SG....)", "SG.", Pattern.compile("\\bSG\\."
                    + random("[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}") + "(?![A-Za-z0-9_-])")),
            new Kind("an Azure storage account key (AccountKey=...)", "", Pattern.compile("(?i:\\bAccountKey)\\s*=\\s*"
                    + "(?!Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==)"
                    + random("(?=[A-Za-z0-9+/]*[0-9])(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{86}==")
                    + "(?![A-Za-z0-9+/=])")),
            new Kind("a Slack webhook URL (hooks.slack.com/services/...)", "hooks.slack.com/services/", Pattern.compile(
                    "hooks\\.slack\\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/" + random("[A-Za-z0-9]{24,}"))),
            new Kind(PASSWORD_IN_URL, URL_PASSWORD, false, Severity.ERROR,
                    SecretPatterns::isPlaceholderPassword, "://"),
            new Kind("a JSON Web Token (eyJ....eyJ....)", Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\."
                    + "eyJ[A-Za-z0-9_-]{8,}\\." + random("[A-Za-z0-9_-]{16,}")), false, Severity.WARNING,
                    match -> isPlaceholder(match.group(RANDOM)), "eyJ"),
            new Kind("a private key (-----BEGIN ... PRIVATE KEY-----, or PGP's PRIVATE KEY BLOCK)",
                    Pattern.compile("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"), true, Severity.ERROR,
                    match -> false, "-----BEGIN "));

    /**
     * Eight or more of one character in a row, as documentation's placeholders have them ({@code ghp_xxxx…},
     * {@code AKIAXXXXXXXXXXXXXXXX}, {@code …-000000…}) and a random part, of which this is one chance in billions, has
     * not. Not for a private key's material, whose base64 holds runs of {@code A} for its zero bytes.
     */
    private static final Pattern PLACEHOLDER_RUN = Pattern.compile("(.)\\1{7,}");

    /**
     * How many characters of a random part with runs must stand outside them for a key, as many as {@code sk-}'s
     * shortest random part. A key's pattern goes on over letters, digits, '-' and '_' past the key's end, so a run
     * written right after a key ({@code sk-proj-…________}) is part of the match: only a part mostly made of runs is a
     * placeholder's.
     */
    private static final int RANDOM_BESIDE_RUNS = 20;

    /**
     * A key's material: base64 of at least 30 bytes, in capitals, small letters and digits alike, as no word or
     * path of prose is. It follows the header on the lines after it (a PEM block's first line is 64 characters, an
     * OpenSSH key's 70), or on the header's own line where a string holds the block with {@code \n} escapes.
     */
    private static final Pattern KEY_MATERIAL = Pattern.compile(
            "(?=[A-Za-z0-9+/]*[0-9])(?=[A-Za-z0-9+/]*[a-z])(?=[A-Za-z0-9+/]*[A-Z])[A-Za-z0-9+/]{40,}");

    /**
     * How many lines after its header a key's material may start: PEM's Proc-Type, DEK-Info and PGP's Comment come
     * first.
     */
    private static final int LINES_BEFORE_KEY_MATERIAL = 4;

    /** How much of a likely credential a masked text keeps: about its kind's prefix (sk-a, AKIA, ghp_). */
    private static final int SHOWN_OF_A_SECRET = 4;

    /**
     * A likely credential found in a text.
     *
     * @param line        its 1-based line
     * @param description what kind of credential it looks like
     * @param severity    an error, or a warning for a kind documentation shows real-looking ones of
     * @param start       the offset in the text where what gives it away starts (a private key's header)
     * @param end         the offset where that ends
     * @param passwordInUrl whether it is a password in a URL ({@link #URL_PASSWORD}), which a file whose own rule
     *                    refuses a user part in its URLs tells in its words
     */
    record Finding(int line, String description, Severity severity, int start, int end, boolean passwordInUrl) {
    }

    private SecretPatterns() {
    }

    /**
     * The text with each likely credential {@link #find} finds cut to its first four characters and an ellipsis, so
     * that a placeholder a report quotes stays as written.
     */
    static String masked(String text) {
        StringBuilder masked = new StringBuilder(text.length());
        int shown = 0;
        int start = 0;
        int end = 0;
        // credentials of two kinds may overlap: each stretch of them is cut as one
        for (Finding found : credentials(text).stream().sorted(Comparator.comparingInt(Finding::start)).toList()) {
            if (found.start() >= end) {
                masked.append(text, shown, start).append(ProblemReport.abbreviated(text.substring(start, end),
                        SHOWN_OF_A_SECRET));
                shown = end;
                start = found.start();
            }
            end = Math.max(end, found.end());
        }
        return masked.append(text, shown, start)
                .append(ProblemReport.abbreviated(text.substring(start, end), SHOWN_OF_A_SECRET))
                .append(text, end, text.length()).toString();
    }

    /** Every likely credential in the text, line by line, in order: of each kind, the first a line holds. */
    static List<Finding> find(String text) {
        Set<List<Object>> kindsByLine = new HashSet<>();
        return credentials(text).stream()
                .filter(found -> kindsByLine.add(List.of(found.line(), found.description()))).toList();
    }

    /** Every likely credential in the text, line by line, each kind in turn. */
    private static List<Finding> credentials(String text) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int lineStart = 0;
        for (int index = 0; index < lines.length; lineStart += lines[index].length() + 1, index++) {
            for (Kind kind : KINDS) {
                if (!kind.mayBeIn(lines[index])) {
                    continue;
                }
                Matcher matcher = kind.pattern().matcher(lines[index]);
                while (matcher.find()) {
                    if (kind.keyMaterial() ? keyMaterialFollows(lines, index, matcher.end())
                            : !kind.placeholder().test(matcher)) {
                        findings.add(new Finding(index + 1, kind.description(), kind.severity(),
                                lineStart + matcher.start(), lineStart + matcher.end(),
                                kind.pattern() == URL_PASSWORD));
                    }
                }
            }
        }
        return findings;
    }

    /** Whether a key's random part is mostly runs of one character ({@link #PLACEHOLDER_RUN}). */
    private static boolean isPlaceholder(String random) {
        String besideRuns = PLACEHOLDER_RUN.matcher(random).replaceAll("");
        return besideRuns.length() < random.length() && besideRuns.length() < RANDOM_BESIDE_RUNS;
    }

    /**
     * Whether a URL's password is documentation's ({@link #PASSWORD_PLACEHOLDER}, {@link #PASSWORD_WORDS}) or its
     * user's name again, as a local database's default is ({@code postgres:postgres@localhost}).
     */
    private static boolean isPlaceholderPassword(Matcher match) {
        String password = match.group(RANDOM);
        String words = password.toLowerCase(Locale.ROOT);
        String besideWords = PASSWORD_WORDS.matcher(words).replaceAll("");
        return password.equals(match.group(URL_USER)) || PASSWORD_PLACEHOLDER.matcher(password).find()
                || besideWords.length() < words.length() && PASSWORD_FILLER.matcher(besideWords).matches();
    }

    private static String random(String pattern) {
        return "(?<" + RANDOM + ">" + pattern + ")";
    }

    /**
     * Whether key material follows a header ending at {@code end} of line {@code index}, on that line or soon after.
     */
    private static boolean keyMaterialFollows(String[] lines, int index, int end) {
        if (KEY_MATERIAL.matcher(lines[index]).region(end, lines[index].length()).find()) {
            return true;
        }
        int last = Math.min(lines.length - 1, index + LINES_BEFORE_KEY_MATERIAL);
        return IntStream.rangeClosed(index + 1, last).anyMatch(line -> KEY_MATERIAL.matcher(lines[line]).find());
    }
}
