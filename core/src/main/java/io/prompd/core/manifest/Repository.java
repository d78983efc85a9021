package io.prompd.core.manifest;

import io.prompd.core.Plural;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the package's sources live.
 *
 * @param type      the version control system, {@code git} unless the manifest says otherwise
 * @param url       the repository's address, never blank
 * @param directory the package's folder in the repository (npm's {@code repository.directory}, for a repository of
 *                  many packages), or null
 */
public record Repository(String type, String url, String directory) {

    /** The type assumed when the manifest gives a bare URL or an object without {@code type}, as npm does. */
    public static final String DEFAULT_TYPE = "git";

    /**
     * The schemes a repository's URL may have: a web page's, Git's and SSH's. The URL is a link wherever it is shown
     * (a registry's site, a pull request's comment), and one of another scheme ({@code javascript:}, {@code data:},
     * {@code file:}) would run or read something in the reader's browser; so npm's shorthands
     * ({@code github:owner/repo}, {@code gitlab:}, {@code gist:}), which npm's {@code repository} takes, are refused
     * too: a browser knows no such scheme.
     */
    public static final List<String> SCHEMES = List.of("https", "http", "git", "ssh", "git+https", "git+ssh",
            "git+http");

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    /** A host name with a dot, which a scheme has not: {@code github.com}. */
    private static final String HOST = "[A-Za-z][A-Za-z0-9-]*(?:\\.[A-Za-z0-9-]+)+";
    /** git's scp address without a user: a host, then a path not starting with {@code //}, as a URL's would. */
    private static final Pattern SCP_WITHOUT_USER = Pattern.compile("(" + HOST + "):(?!//)(.+)", Pattern.DOTALL);
    /**
     * What a URL without its scheme has after its host ({@link #HOST_PATH}), and an scp address's path may have: a
     * port, maybe then a path.
     */
    private static final Pattern PORT_THEN_PATH = Pattern.compile("\\d+(?:/.*)?", Pattern.DOTALL);
    /** An IP address as a URL's host: IPv4's dotted numbers, or IPv6's in brackets. */
    private static final String IP_HOST = "\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+]";
    /**
     * A URL without its scheme: a host, maybe a port, and maybe a path, {@code github.com/acme/prompts},
     * {@code github.com}, {@code git.example.com:8443/team/repo}, {@code 127.0.0.1:8080/team/repo} or
     * {@code localhost:3000/acme/prompts} (a host without a dot only with a port, as {@code acme/prompts} is npm's
     * shorthand and {@code prompts} a relative link).
     */
    private static final Pattern HOST_PATH = Pattern.compile("(?:" + HOST + "|" + IP_HOST
            + "|[A-Za-z][A-Za-z0-9-]*(?=:\\d+(?:/|$)))(?<port>:\\d+)?(?<path>/.*)?", Pattern.DOTALL);
    /** A URL without a scheme that starts with a host, {@code //github.com/acme/prompts}: the page's scheme is its. */
    private static final Pattern SCHEME_RELATIVE = Pattern.compile("//[^/].*", Pattern.DOTALL);
    /** git's scp address with a user, {@code git@github.com:owner/repo.git}, which has no scheme and needs none. */
    private static final Pattern SCP_WITH_USER = Pattern.compile("[^@/:\\s]+@[^@/:\\s]+:.+", Pattern.DOTALL);
    /**
     * npm's shorthand of a repository on a hosting service, {@code github:owner/repo}, or {@code owner/repo}, which npm
     * reads as GitHub's (hosted-git-info's pattern); a {@code #committish} after it is no part of the repository.
     */
    private static final Pattern SHORTHAND = Pattern.compile("(?:([A-Za-z]+):)?([^:@%/\\s.-][^:@%/\\s]*/[^:@%/\\s#]+)"
            + "(?:#.*)?", Pattern.DOTALL);
    /** The sites of npm's shorthands by scheme; {@code gist:} names no repository of a package. */
    private static final Map<String, String> SHORTHAND_SITES = Map.of("github", "https://github.com/", "gitlab",
            "https://gitlab.com/", "bitbucket", "https://bitbucket.org/");
    /** What a browser drops from a link before it reads the scheme: tabs and line breaks anywhere, then blanks. */
    private static final Pattern DROPPED_INSIDE = Pattern.compile("[\t\n\r]");
    private static final Pattern DROPPED_BEFORE = Pattern.compile("^[\\x00-\\x20]+");

    public Repository {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        if (type.isBlank() || url.isBlank()) {
            throw new IllegalArgumentException("a repository needs a type and a url");
        }
        if (directory != null && directory.isBlank()) {
            throw new IllegalArgumentException("a repository's directory, when given, is not blank");
        }
    }

    public Repository(String type, String url) {
        this(type, url, null);
    }

    public static Repository git(String url) {
        return new Repository(DEFAULT_TYPE, url);
    }

    /**
     * The scheme a browser follows the URL by, in small letters, when it is none of {@link #SCHEMES}; empty when it
     * is one, or when the URL has none ({@code owner/repo}, or scp's {@code git@github.com:owner/repo.git}).
     */
    public static Optional<String> refusedScheme(String url) {
        Matcher scheme = SCHEME.matcher(asABrowserReads(url));
        return scheme.lookingAt() ? Optional.of(scheme.group(1).toLowerCase(Locale.ROOT))
                .filter(named -> !SCHEMES.contains(named)) : Optional.empty();
    }

    /**
     * Whether the URL has no scheme and is no scp address with a user either, as {@code ./acme/prompts} or
     * {@code @acme/prompts}: a browser follows it as a link relative to the page showing it.
     */
    public static boolean withoutScheme(String url) {
        String read = asABrowserReads(url);
        return !SCHEME.matcher(read).lookingAt() && !SCP_WITH_USER.matcher(read).matches();
    }

    /**
     * The URL as git's scp address without a user, {@code github.com:owner/repo}, which git clones but a browser
     * follows by the scheme {@code github.com:}, so that {@link #refusedScheme} refuses it; empty for any other URL,
     * and for a host, a port and a path ({@link #hostPathWithoutScheme}), which git would read so too.
     */
    public static Optional<ScpAddress> scpWithoutUser(String url) {
        return asGitReadsWithoutAUser(url).filter(scp -> !PORT_THEN_PATH.matcher(scp.path()).matches());
    }

    /**
     * The URL as git reads it when it has a host, a colon and a path, but no scheme nor user: an scp address, even
     * where its path starts with what a URL would take for a port, {@code git.example.com:8443/team/repo}.
     */
    public static Optional<ScpAddress> asGitReadsWithoutAUser(String url) {
        Matcher scp = SCP_WITHOUT_USER.matcher(asABrowserReads(url));
        return scp.matches() ? Optional.of(new ScpAddress(scp.group(1), scp.group(2))) : Optional.empty();
    }

    /**
     * The URL when it is a host, maybe a port, and maybe a path without a scheme: a browser follows
     * {@code git.example.com:8443/team/repo} by the scheme {@code git.example.com:}, so that {@link #refusedScheme}
     * refuses it, and {@code github.com/acme/prompts}, {@code github.com} or {@code 127.0.0.1:8080/x} as a link
     * relative to the page showing it. Empty for any other URL.
     */
    public static Optional<HostPath> hostPathWithoutScheme(String url) {
        String read = asABrowserReads(url);
        Matcher hostPath = HOST_PATH.matcher(read);
        return hostPath.matches() ? Optional.of(new HostPath("https://" + read, hostPath.group("port") != null,
                hostPath.group("path") != null)) : Optional.empty();
    }

    /**
     * A URL written without its scheme ({@link #hostPathWithoutScheme}).
     *
     * @param overHttps the URL with {@code https://} before it
     * @param port      whether it names a port after its host
     * @param path      whether it has a path after its host and port
     */
    public record HostPath(String overHttps, boolean port, boolean path) {

        public HostPath {
            Objects.requireNonNull(overHttps, "overHttps");
        }

        /** What it is made of: {@code a host, a port and a path}, {@code a host}. */
        public String parts() {
            List<String> parts = new ArrayList<>(List.of("a host"));
            if (port) {
                parts.add("a port");
            }
            if (path) {
                parts.add("a path");
            }
            return Plural.series(parts, "and");
        }
    }

    /**
     * The URL with {@code https:} before it when it is a scheme-relative one, {@code //github.com/acme/prompts}, which
     * a browser follows by the scheme of the page showing it; empty for any other URL.
     */
    public static Optional<String> schemeRelative(String url) {
        String read = asABrowserReads(url);
        return SCHEME_RELATIVE.matcher(read).matches() ? Optional.of("https:" + read) : Optional.empty();
    }

    /**
     * The web address npm's shorthand stands for: {@code https://github.com/owner/repo} for {@code github:owner/repo}
     * and for {@code owner/repo}, which a browser would follow as a link relative to the page showing it; empty for
     * any other URL.
     */
    public static Optional<String> shorthandAddress(String url) {
        Matcher shorthand = SHORTHAND.matcher(asABrowserReads(url));
        if (!shorthand.matches()) {
            return Optional.empty();
        }
        String scheme = shorthand.group(1) == null ? "github" : shorthand.group(1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(SHORTHAND_SITES.get(scheme)).map(site -> site + shorthand.group(2));
    }

    private static String asABrowserReads(String url) {
        return DROPPED_BEFORE.matcher(DROPPED_INSIDE.matcher(url).replaceAll("")).replaceFirst("");
    }

    /**
     * git's scp address {@code host:path}, in the ways to write it that a browser follows too.
     *
     * @param host the host, with a dot
     * @param path the path on it
     */
    public record ScpAddress(String host, String path) {

        public ScpAddress {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(path, "path");
        }

        /** {@code git@host:path}, the address with git's usual user, which has no scheme. */
        public String withUser() {
            return "git@" + host + ":" + path;
        }

        /** {@code https://host/path}. */
        public String overHttps() {
            return "https://" + host + (path.startsWith("/") ? "" : "/") + path;
        }

        @Override
        public String toString() {
            return host + ":" + path;
        }
    }
}
