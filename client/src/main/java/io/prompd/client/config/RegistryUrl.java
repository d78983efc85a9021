package io.prompd.client.config;

import io.prompd.core.protocol.MalformedUrls;
import io.prompd.core.protocol.DisguisedPaths;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.Urls;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The root URL of a registry: absolute {@code http}, {@code https} or {@code file}, always ending
 * with {@code /} so that the registry's paths resolve beneath it rather than beside it.
 *
 * <p>Scheme and host are lowercased, a default port dropped and the path written in ASCII ({@link Urls#pathAsSent}),
 * so one registry has one spelling: credentials are stored by this URL and must be found again however the user wrote
 * it, and {@code prompd.lock} records its tarballs' URLs below it, the same for every developer of a project. A letter
 * outside ASCII is escaped rather than refused, as a space is, for it has this one meaning, and a configuration or
 * {@code $PROMPD_REGISTRY} holding it, as a working file:// URL may, keeps working.
 */
public record RegistryUrl(URI uri) implements RegistryRef, Comparable<RegistryUrl> {

    public RegistryUrl {
        Objects.requireNonNull(uri, "uri");
        List<String> problems = problems(uri);
        if (!problems.isEmpty()) {
            throw invalid(uri, problems);
        }
        uri = normalized(uri);
    }

    /**
     * A host and port without a scheme, as in {@code 127.0.0.1:8802} or {@code localhost:8080/x}, which
     * {@link URI} reads as a scheme and a path, or not at all.
     */
    private static final Pattern HOST_AND_PORT = Pattern.compile("[A-Za-z0-9.-]+:\\d+(/\\S*)?");
    private static final int MAX_PORT = 65_535;
    /** A relative path whose first segment cannot be a host name: one without a '.', other than localhost. */
    private static final Pattern RELATIVE_PATH = Pattern.compile("(?!localhost/)[^/:.]+/.*", Pattern.CASE_INSENSITIVE);
    /** The ASCII characters besides letters and digits a URL may hold as themselves (RFC 3986), '%' aside. */
    private static final String URL_SYMBOLS = "-._~:/?#[]@!$&'()*+,;=";
    /**
     * The ASCII characters besides letters and digits a folder's path keeps as themselves in its file URL: not '?'
     * and '#', which would end the path, nor '[' and ']', which only a host may hold.
     */
    private static final String PATH_SYMBOLS = "-._~:/@!$&'()*+,;=";
    private static final String HEX_DIGITS = "0123456789ABCDEF";
    // a login without --registry would store them for the default registry, which this URL need not be; in words, as a
    // URL is read with no run at hand, whose --home a command line would have to name
    private static final String USER_PART = "the URL holds a user or password; remove it and log in instead, with"
            + " --registry naming this registry";
    /**
     * A user part holding a '/', '?' or '#', which ends the authority inside it, as every URL reader takes it: the
     * rest of the password would be read as a host, a port and a path. Shared by registry and proxy URLs.
     */
    public static final String UNESCAPED_USER_PART = "the URL's user or password holds a character that must be"
            + " percent-escaped ('/' as %2F, '?' as %3F, '#' as %23, '@' as %40)";
    private static final String NO_SCHEME = "use an absolute http://, https:// or file:/// URL";

    /** @throws IllegalArgumentException naming every rule the text breaks */
    public static RegistryUrl parse(String text) {
        return parse(text, Path.of(""));
    }

    /**
     * @param workingFolder the folder a relative path given for the URL is relative to, to name its file:// URL
     * @throws IllegalArgumentException naming every rule the text breaks
     */
    public static RegistryUrl parse(String text, Path workingFolder) {
        Objects.requireNonNull(text, "text");
        String url = text.strip();
        if (isPath(url) || namesFolder(url, workingFolder)) {
            // a URL mistyped as a path (http//user:password@host/, //user:password@host/) keeps its user part masked
            // in the folder's URL too
            String shown = Urls.shown(url);
            throw new IllegalArgumentException("invalid registry URL '" + shown + "': a registry in a folder is given"
                    + " by its file:// URL: " + fileUrlOf(shown, workingFolder));
        }
        Optional<URI> asHttp = HOST_AND_PORT.matcher(url).matches() ? asHttp(url) : Optional.empty();
        if (asHttp.isPresent()) {
            String shown = Urls.display(asHttp.get());
            throw new IllegalArgumentException("invalid registry URL '" + shown.replaceFirst("^http://", "")
                    + "': it has no scheme; write " + shown + ", or https:// for a registry served over TLS");
        }
        // A user part is refused whatever it holds, so the rest is read with it masked: URI takes no '@' in it, and
        // stops at a character a password may hold, so it would find the rest invalid, and a message quote the
        // password.
        String masked = Urls.withUserPartMasked(url);
        try {
            return read(masked, url, List.of());
        } catch (IllegalArgumentException invalid) {
            // read up to its last '@', a user part ending past the authority is named, and no piece of it quoted
            Optional<String> unescaped = Urls.withUnescapedUserPartMasked(url);
            if (unescaped.isEmpty()) {
                throw invalid;
            }
            // never a URL: the masked user part is one, which is refused
            return read(unescaped.get(), url, List.of(UNESCAPED_USER_PART));
        }
    }

    /**
     * The URL of a text whose user part, if any, is masked, or the exception naming every rule it breaks.
     *
     * @param written as the user wrote it, for the positions of a malformed one
     * @param first   problems to name before those of the URL
     */
    private static RegistryUrl read(String masked, String written, List<String> first) {
        URI uri;
        try {
            uri = new URI(masked);
        } catch (URISyntaxException malformed) {
            String because = malformedBecause(masked, malformed, written.length() - masked.length());
            List<String> problems = new ArrayList<>(first);
            if (!masked.equals(written)) {
                problems.add(USER_PART);
            }
            problems.add(because);
            throw new IllegalArgumentException("invalid registry URL: " + String.join("; ", problems), malformed);
        }
        List<String> problems = new ArrayList<>(first);
        problems.addAll(problems(uri));
        if (!problems.isEmpty()) {
            throw invalid(uri, problems);
        }
        return new RegistryUrl(uri);
    }

    private static IllegalArgumentException invalid(URI uri, List<String> problems) {
        return new IllegalArgumentException("invalid registry URL '" + shown(uri) + "': "
                + String.join("; ", problems));
    }

    /**
     * The text as an http URL, which a host and port written without a scheme is meant to be; empty when even that
     * is malformed, for the parser's message on it, which does not quote it.
     */
    private static Optional<URI> asHttp(String url) {
        try {
            return Optional.of(new URI("http://" + url + (url.contains("/") ? "" : "/")));
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    /**
     * What is wrong, without quoting the URL, which is too malformed to be sure where a password in it ends.
     *
     * @param masked how many characters longer the URL was written than {@code url}, whose user part is masked: a
     *               position past that part is counted in the URL as written
     */
    private static String malformedBecause(String url, URISyntaxException malformed, int masked) {
        if (url.indexOf(':') < 0) {
            // no URL at all, whose characters escaped would make none either
            return NO_SCHEME;
        }
        // The parser points at where a part starts, not always at the space in it.
        int space = IntStream.range(0, url.length()).filter(at -> Character.isWhitespace(url.charAt(at))).findFirst()
                .orElse(-1);
        if (space >= 0) {
            if (!inPath(url, space)) {
                return "the host name holds a space, which no host name can";
            }
            boolean holdsMore = !escapedIn(url, url).equals(url.replace(" ", "%20"));
            return "a URL holds no spaces: write each as %20" + (holdsMore
                    ? ", and each other character a URL cannot hold as its %-escape" : "") + asIn(url);
        }
        int index = MalformedUrls.offendingIndex(url, malformed);
        if (index < 0 || index >= url.length()) {
            return malformed.getReason();
        }
        int position = index + 1 + (index < url.indexOf("://") ? 0 : masked);
        if (malformed.getReason().startsWith("Malformed escape pair")) {
            return "'" + url.substring(index, Math.min(url.length(), index + 3)) + "' at position " + position
                    + " is no escape: '%' is followed by two hexadecimal digits (write '%' itself as %25)"
                    + (inPath(url, index) ? asIn(url) : "");
        }
        String character = String.valueOf(url.charAt(index));
        return "the character '" + character + "' at position " + position + " cannot stand there ("
                + malformed.getReason() + ")" + (inPath(url, index) ? ": write it as "
                + escapedIn(url, character) + asIn(url)
                : "");
    }

    /** Whether the character at the index is past the host, where escaping it keeps the URL's meaning. */
    private static boolean inPath(String url, int index) {
        int authority = url.indexOf("//");
        int path = authority < 0 ? 0 : url.indexOf('/', authority + 2);
        return path >= 0 && path < index;
    }

    /** {@code ", as in "} the URL written as it can be; nothing when it may hold a password, never repeated. */
    private static String asIn(String url) {
        if (url.contains("@")) {
            return "";
        }
        String escaped = escapedIn(url, url);
        try {
            // as it will be written, one spelling (%41 as A), so that what is typed from the hint is kept as it reads
            return ", as in " + parse(escaped);
        } catch (IllegalArgumentException stillRefused) {
            return ", as in " + escaped;
        }
    }

    /**
     * The text, of the URL, written as it can stand in it. A file URL that does not parse was written from its
     * folder's path, so each '%', '?' and '#' in it is the folder's, escaped as in the URL of a path given as one; a
     * server's URL keeps them, whose meaning there is the URL's.
     */
    private static String escapedIn(String url, String text) {
        return url.regionMatches(true, 0, "file:", 0, "file:".length()) ? escaped(text, PATH_SYMBOLS, false)
                : escaped(text);
    }

    /**
     * The text with each character that cannot stand in a URL percent-encoded as its UTF-8 bytes, as is a '%' that
     * starts no escape, and every other one kept: a suggested URL must parse when it is typed in.
     */
    static String escaped(String text) {
        return escaped(text, URL_SYMBOLS, true);
    }

    /**
     * @param kept         the ASCII characters besides letters and digits kept as themselves
     * @param keepEscapes  whether a '%' that starts an escape is kept as one, or is a '%' of the text, escaped
     */
    private static String escaped(String text, String kept, boolean keepEscapes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder written = new StringBuilder();
        for (int at = 0; at < bytes.length; at++) {
            int octet = bytes[at] & 0xFF;
            boolean startsEscape = keepEscapes && octet == '%' && at + 2 < bytes.length && isHexDigit(bytes[at + 1])
                    && isHexDigit(bytes[at + 2]);
            if (startsEscape || octet < 0x80 && (Character.isLetterOrDigit(octet) || kept.indexOf(octet) >= 0)) {
                written.append((char) octet);
            } else {
                written.append('%').append(HEX_DIGITS.charAt(octet >> 4)).append(HEX_DIGITS.charAt(octet & 0xF));
            }
        }
        return written.toString();
    }

    private static boolean isHexDigit(byte octet) {
        return Character.digit(octet, 16) >= 0;
    }

    /**
     * The URL as a message quotes it, as {@link Urls#display} does, with its user part shown as {@code ***@}, as
     * {@link Urls#withUserPartMasked} shows it: left out, the URL would not seem to hold the user part its problem
     * names.
     */
    private static String shown(URI uri) {
        String shown = Urls.display(uri);
        return Urls.holdsUserPart(uri) ? shown.replaceFirst("://", "://***@") : shown;
    }

    /**
     * Whether the text is plainly a path, which no registry name can be (a name holds no '/' and
     * starts with a letter or digit): absolute, from the home or the working folder, or relative with a first segment
     * that cannot be a host name, as in {@code target/registry/}. Not {@code registry.example.com/prompd} nor
     * {@code localhost/prompd}: that is more likely a URL without its scheme than a folder.
     */
    static boolean isPath(String text) {
        return Stream.of("/", "./", "../", "~/").anyMatch(text::startsWith) || Set.of(".", "..", "~").contains(text)
                || RELATIVE_PATH.matcher(text).matches();
    }

    /**
     * The file:// URL of the folder a path names ({@link #isPath}), or a word naming a folder of the working folder, as
     * where a registry is given by its folder's path though a name is wanted, to tell which configured registry it is;
     * empty for what is neither, and for a path below {@code ~}, which the shell left unexpanded.
     */
    static Optional<RegistryUrl> ofFolderPath(String text, Path workingFolder) {
        String path = text.strip();
        if (!(isPath(path) || namesFolder(path, workingFolder)) || path.startsWith("~")) {
            return Optional.empty();
        }
        return Optional.of(parse(fileUrlOf(path, workingFolder)));
    }

    /**
     * Whether the text names a folder of the working folder, which makes it a path even where it could be a URL
     * without its scheme; never a text holding a ':', which a scheme or a port brings.
     */
    private static boolean namesFolder(String text, Path workingFolder) {
        try {
            return !text.isEmpty() && !text.contains(":") && Files.isDirectory(workingFolder.resolve(text));
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }

    /**
     * The URL to type for a folder, as an absolute URL with its spaces and other characters escaped;
     * below {@code ~}, written with {@code $HOME}, which the shell expands.
     */
    private static String fileUrlOf(String path, Path workingFolder) {
        if (path.equals("~") || path.startsWith("~/")) {
            String below = path.substring(1).replaceFirst("^/", "");
            return "file://$HOME/" + below + (below.isEmpty() || below.endsWith("/") ? "" : "/");
        }
        String url = workingFolder.toAbsolutePath().resolve(path).normalize().toUri().toString();
        return url.endsWith("/") ? url : url + "/";
    }

    /**
     * Why an http URL's host and port cannot be used, when they cannot; shared by registry and
     * proxy URLs, whose {@link URI#getHost()} is null for any of these reasons.
     */
    public static Optional<String> serverProblem(URI uri) {
        if (uri.getHost() != null) {
            int port = uri.getPort();
            return port == 0 || port > MAX_PORT
                    ? Optional.of("the port " + port + " is out of range: use 1 to " + MAX_PORT) : Optional.empty();
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return Optional.of("the URL names no host");
        }
        String server = Urls.server(authority);
        int colon = server.lastIndexOf(':');
        String host = colon < 0 || server.endsWith("]") ? server : server.substring(0, colon);
        String port = host.equals(server) ? "" : server.substring(colon + 1);
        if (host.isEmpty()) {
            return Optional.of("the URL names no host");
        }
        if (!port.matches("\\d*")) {
            return Optional.of("the port '" + port + "' is not a number from 1 to " + MAX_PORT);
        }
        if (host.chars().anyMatch(character -> character > 0x7F)) {
            try {
                return Optional.of("the host name '" + host + "' is not ASCII: write it in its punycode form, "
                        + IDN.toASCII(host));
            } catch (IllegalArgumentException notEvenInternational) {
                return Optional.of("the host name '" + host + "' is not valid");
            }
        }
        return Optional.of("the host name '" + host + "' is not valid: use letters a-z, digits, '-' and '.'");
    }

    private static List<String> problems(URI uri) {
        List<String> problems = new ArrayList<>();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!RegistryLayout.URL_SCHEMES.contains(scheme)) {
            problems.add(NO_SCHEME);
            return problems;
        }
        if (uri.isOpaque()) {
            problems.add("the URL has no path starting with '/'; write " + scheme + ":///absolute/path");
            return problems;
        }
        if (RegistryLayout.isFileUrl(uri)) {
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase("localhost")) {
                problems.add("a file URL names no host; write file:///absolute/path (three slashes)");
            }
        } else {
            serverProblem(uri).ifPresent(problems::add);
        }
        DisguisedPaths.encodedSeparator(uri.getRawPath()).ifPresent(problems::add);
        DisguisedPaths.encodedDotSegment(uri.getRawPath()).ifPresent(problems::add);
        if (Urls.holdsUserPart(uri)) {
            problems.add(USER_PART);
        }
        if (uri.getRawQuery() != null) {
            problems.add("a registry URL cannot have a query ('?...')");
        }
        if (uri.getRawFragment() != null) {
            problems.add("a registry URL cannot have a fragment ('#...')");
        }
        folderCharactersEscaped(uri).ifPresent(problems::add);
        if (problems.isEmpty() && !uri.getRawPath().endsWith("/")) {
            fileNamed(uri).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * Why a URL written with a file's name cannot be a registry's: the registry's own {@code registry.json}, or any
     * file a file URL names on disk. A registry is the folder, and the URL was taken as one, '/' added, so every
     * command read its documents below the file and failed with "Not a directory" or a 404, long after the URL was
     * accepted. Only a URL written without a final '/' is asked, before it gets one: every URL a configuration
     * holds has it, and stays readable for the command that replaces it, whatever the disk holds since.
     */
    private static Optional<String> fileNamed(URI uri) {
        String path = uri.getRawPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!name.equals(RegistryLayout.REGISTRY_DOCUMENT) && !(RegistryLayout.isFileUrl(uri) && isFile(uri))) {
            return Optional.empty();
        }
        return Optional.of("it names a file (" + name + "), and a registry is a folder: give the folder's URL, "
                + shown(normalized(uri.resolve("."))));
    }

    /** Whether a file URL names a regular file on disk; not a path this system cannot read as one. */
    private static boolean isFile(URI uri) {
        try {
            return Files.isRegularFile(Path.of(uri.getPath()));
        } catch (InvalidPathException notAPathHere) {
            return false;
        }
    }

    /**
     * How to write a file URL whose query or fragment is its folder's: written from a path holding a '?' or '#', as
     * {@code file://$PWD/} is, the URL ends its path there, where the folder's name goes on.
     */
    private static Optional<String> folderCharactersEscaped(URI uri) {
        String written = uri.toString();
        if (!RegistryLayout.isFileUrl(uri) || uri.getRawQuery() == null && uri.getRawFragment() == null) {
            return Optional.empty();
        }
        URI escaped = URI.create(written.replace("?", "%3F").replace("#", "%23"));
        if (!problems(escaped).isEmpty()) {
            return Optional.empty();
        }
        String characters = Stream.of("?", "#").filter(written::contains)
                .map(character -> "'" + character + "' as " + escaped(character, PATH_SYMBOLS, false))
                .collect(Collectors.joining(" and "));
        return Optional.of("write a folder's " + characters + ", as in " + normalized(escaped));
    }

    private static URI normalized(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == defaultPort(scheme) ? -1 : uri.getPort();
        String path = uri.normalize().getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        } else {
            path = Urls.pathAsSent(path) + (path.endsWith("/") ? "" : "/");
        }
        StringBuilder text = new StringBuilder(scheme).append("://");
        if (host != null && !(RegistryLayout.isFileUrl(uri) && host.equals("localhost"))) {
            text.append(host);
            if (port >= 0) {
                text.append(':').append(port);
            }
        }
        return URI.create(text.append(path).toString());
    }

    /** The port a URL of the scheme means when it names none; -1 for schemes without one, such as {@code file}. */
    public static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }

    /**
     * Whether credentials sent to the registry cross a network unencrypted: plain {@code http://} to
     * a host other than this machine.
     */
    public boolean sendsInTheClear() {
        return uri.getScheme().equalsIgnoreCase("http") && !isLoopback(uri.getHost());
    }

    /** Whether the host name or address is this machine's, which no network lies between. */
    public static boolean isLoopback(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("[::1]");
    }

    /** Whether the registry is a folder read from disk, which no credential is ever sent to. */
    public boolean isFolder() {
        return RegistryLayout.isFileUrl(uri);
    }

    /**
     * Whether the URL lies under this one, as npm scopes a registry's credentials: the same scheme, host and port, and
     * once both are normalized a path below this path, which ends with {@code /}, so {@code /reg/} holds not
     * {@code /registry/}. Never a URL whose path a server may read otherwise than {@link URI#normalize} does: a
     * {@code /} or {@code \} written encoded, or a dot segment written with {@code %2e} or with parameters
     * ({@code ..;x}, which Tomcat reads as {@code ..}), which could lead a server out of the path.
     */
    public boolean holds(URI url) {
        Objects.requireNonNull(url, "url");
        if (url.getScheme() == null || url.isOpaque() || url.getRawPath() == null
                || url.getRawAuthority() != null && url.getHost() == null
                || DisguisedPaths.disguise(url.getRawPath())) {
            return false;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals(uri.getScheme()) && Objects.equals(serverOf(url), uri.getHost())
                && portOf(url) == portOf(uri)
                && Urls.pathAsSent(url.normalize().getRawPath()).startsWith(uri.getRawPath());
    }

    /** The host as {@link #normalized} writes it: lower-case, none for a file URL's {@code localhost}. */
    private static String serverOf(URI url) {
        String host = url.getHost() == null ? null : url.getHost().toLowerCase(Locale.ROOT);
        return RegistryLayout.isFileUrl(url) && "localhost".equals(host) ? null : host;
    }

    private static int portOf(URI url) {
        return url.getPort() >= 0 ? url.getPort() : defaultPort(url.getScheme().toLowerCase(Locale.ROOT));
    }

    /** The URL of a document of this registry, from its path relative to the root. */
    public URI resolve(String relativePath) {
        return uri.resolve(relativePath);
    }

    @Override
    public int compareTo(RegistryUrl other) {
        return uri.toString().compareTo(other.uri.toString());
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
