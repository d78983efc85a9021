package io.prompd.core.manifest;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the package's sources live.
 *
 * @param type the version control system, {@code git} unless the manifest says otherwise
 * @param url  the repository's address, never blank
 */
public record Repository(String type, String url) {

    /** The type assumed when the manifest gives a bare URL or an object without {@code type}, as npm does. */
    public static final String DEFAULT_TYPE = "git";

    /**
     * The schemes a repository's URL may have: a web page's, Git's and SSH's, as npm's {@code repository} takes them.
     * The URL is a link wherever it is shown (a registry's site, a pull request's comment), and one of another scheme
     * ({@code javascript:}, {@code data:}, {@code file:}) would run or read something in the reader's browser.
     */
    public static final List<String> SCHEMES = List.of("https", "http", "git", "ssh", "git+https", "git+ssh",
            "git+http");

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    /** What a browser drops from a link before it reads the scheme: tabs and line breaks anywhere, then blanks. */
    private static final Pattern DROPPED_INSIDE = Pattern.compile("[\t\n\r]");
    private static final Pattern DROPPED_BEFORE = Pattern.compile("^[\\x00-\\x20]+");

    public Repository {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        if (type.isBlank() || url.isBlank()) {
            throw new IllegalArgumentException("a repository needs a type and a url");
        }
    }

    public static Repository git(String url) {
        return new Repository(DEFAULT_TYPE, url);
    }

    /**
     * The scheme a browser follows the URL by, in small letters, when it is none of {@link #SCHEMES}; empty when it
     * is one, or when the URL has none ({@code owner/repo}, or scp's {@code git@github.com:owner/repo.git}).
     */
    public static Optional<String> refusedScheme(String url) {
        String read = DROPPED_BEFORE.matcher(DROPPED_INSIDE.matcher(url).replaceAll("")).replaceFirst("");
        Matcher scheme = SCHEME.matcher(read);
        return scheme.lookingAt() ? Optional.of(scheme.group(1).toLowerCase(Locale.ROOT))
                .filter(named -> !SCHEMES.contains(named)) : Optional.empty();
    }
}
