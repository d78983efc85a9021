package io.prompd.client.config;

import io.prompd.core.protocol.RegistryLayout;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The root URL of a registry: absolute {@code http}, {@code https} or {@code file}, always ending
 * with {@code /} so that the registry's paths resolve beneath it rather than beside it.
 *
 * <p>Scheme and host are lowercased and a default port dropped, so one registry has one spelling:
 * credentials are stored by this URL and must be found again however the user wrote it.
 */
public record RegistryUrl(URI uri) implements RegistryRef, Comparable<RegistryUrl> {

    public RegistryUrl {
        Objects.requireNonNull(uri, "uri");
        List<String> problems = problems(uri);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid registry URL '" + withoutUserInfo(uri) + "': "
                    + String.join("; ", problems));
        }
        uri = normalized(uri);
    }

    /** @throws IllegalArgumentException naming every rule the text breaks */
    public static RegistryUrl parse(String text) {
        Objects.requireNonNull(text, "text");
        try {
            return new RegistryUrl(new URI(text.strip()));
        } catch (URISyntaxException malformed) {
            // Not quoted: a URL too malformed to parse could still hold a password.
            throw new IllegalArgumentException("invalid registry URL: " + malformed.getReason()
                    + (malformed.getIndex() >= 0 ? " at position " + (malformed.getIndex() + 1) : ""), malformed);
        }
    }

    /**
     * Whether the text is plainly a path, which no registry name can be (a name holds no '/' and
     * starts with a letter or digit). Not {@code registry.example.com/prompd}: that is more likely
     * a URL without its scheme than a folder.
     */
    static boolean isPath(String text) {
        return Stream.of("/", "./", "../", "~/").anyMatch(text::startsWith) || Set.of(".", "..", "~").contains(text);
    }

    /** The URL to type for a folder, written rather than resolved: the shell expands {@code $PWD} and {@code $HOME}. */
    private static String fileUrlOf(String path) {
        String folder = path.endsWith("/") ? path : path + "/";
        if (folder.startsWith("/")) {
            return "file://" + folder;
        }
        return folder.startsWith("~/") ? "file://$HOME/" + folder.substring(2)
                : "file://$PWD/" + (folder.startsWith("./") ? folder.substring(2) : folder);
    }

    private static List<String> problems(URI uri) {
        List<String> problems = new ArrayList<>();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.isEmpty() && uri.getPath() != null && isPath(uri.getPath())) {
            problems.add("a registry in a folder is given by its file:// URL: " + fileUrlOf(uri.getPath()));
            return problems;
        }
        if (!RegistryLayout.URL_SCHEMES.contains(scheme)) {
            problems.add("use an absolute http://, https:// or file:/// URL");
            return problems;
        }
        if (uri.isOpaque()) {
            problems.add("the URL has no path starting with '/'; write " + scheme + ":///absolute/path");
            return problems;
        }
        if (scheme.equals("file")) {
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase("localhost")) {
                problems.add("a file URL names no host; write file:///absolute/path (three slashes)");
            }
        } else if (uri.getHost() == null) {
            problems.add("the URL names no host");
        }
        if (uri.getRawUserInfo() != null) {
            problems.add("the URL holds a user or password; remove it and run 'prompd login' instead");
        }
        if (uri.getRawQuery() != null) {
            problems.add("a registry URL cannot have a query ('?...')");
        }
        if (uri.getRawFragment() != null) {
            problems.add("a registry URL cannot have a fragment ('#...')");
        }
        return problems;
    }

    /** The URL as a message may quote it: a password written into it stays out of the message. */
    private static String withoutUserInfo(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "(hidden)@");
    }

    private static URI normalized(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == defaultPort(scheme) ? -1 : uri.getPort();
        String path = uri.normalize().getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        } else if (!path.endsWith("/")) {
            path = path + "/";
        }
        StringBuilder text = new StringBuilder(scheme).append("://");
        if (host != null && !(scheme.equals("file") && host.equals("localhost"))) {
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

    /** Whether the registry is a folder read from disk, which no credential is ever sent to. */
    public boolean isFolder() {
        return uri.getScheme().equalsIgnoreCase("file");
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
