package io.prompd.generator.source;

import io.prompd.core.protocol.DisguisedPaths;
import io.prompd.core.protocol.MalformedUrls;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules for a registry's base URL, one set for {@code build --base-url} and registry.json's {@code baseUrl}: a
 * pull request's check accepting a URL the build refuses (or the other way round) would leave a registry set up with a
 * URL its own build cannot write. A user part is left to {@link UrlUserPart}, whose refusal each says in its own words,
 * and whether the URL must end with {@code /} to each: the command adds it, registry.json is written once, as clients
 * are set up with it.
 */
public final class BaseUrl {

    private static final int MAX_PORT = 65_535;

    private BaseUrl() {
    }

    /**
     * What is wrong with the URL as a registry's base URL, said of {@code named} (such as {@code --base-url}), each
     * with its fix; empty when nothing is. A URL prompd cannot read is said alone, as its other problems would follow
     * from that one.
     */
    public static List<String> problems(URI url, String named) {
        Optional<String> unreadable = unreadable(url, named);
        if (unreadable.isPresent()) {
            return List.of(unreadable.get());
        }
        List<String> problems = new ArrayList<>();
        // clients refuse such a registry URL: a registry on it would be one nobody can add
        if (url.getPort() == 0 || url.getPort() > MAX_PORT) {
            problems.add("in " + named + ", the port " + url.getPort() + " is out of range: use 1 to " + MAX_PORT);
        } else if (url.getRawAuthority() != null && url.getRawAuthority().endsWith(":")) {
            problems.add("in " + named + ", the ':' after the host names no port: leave it out, or write the port");
        }
        DisguisedPaths.encodedSeparator(url.getRawPath()).ifPresent(separator -> problems.add("in " + named + ", "
                + separator));
        directly(url).ifPresent(direct -> problems.add(named + " must name its folder directly, without '.' or '..'"
                + " segments or empty ones ('//'), which one host resolves and another serves as written, not '"
                + Urls.shown(url.toString()) + "': use " + direct));
        return List.copyOf(problems);
    }

    /**
     * That the URL, said of {@code named}, is none prompd reads as a registry's, when it is not: the first of its
     * {@link #problems}, and the only one then, after which registry.json's reader reads the URL no further.
     */
    public static Optional<String> unreadable(URI url, String named) {
        // a relative URL has no scheme, so it is refused here too
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.isOpaque() || url.getRawQuery() != null || url.getRawFragment() != null
                || !RegistryLayout.URL_SCHEMES.contains(scheme)) {
            return Optional.of(notReadable(named, url.toString(), ""));
        }
        if (!locates(url)) {
            // a host the JDK cannot read (one holding '_'): clients could not read it either
            return Optional.of(notReadable(named, url.toString(), " (no host name that reads)"));
        }
        return Optional.empty();
    }

    /**
     * Whether the URL is absolute and says where it leads: to a host the JDK reads, or, as a {@code file:} URL, to a
     * folder. Registry.json's git URL, of other schemes, is held to this too, in its own words.
     */
    static boolean locates(URI url) {
        return url.isAbsolute() && (url.getHost() != null || RegistryLayout.isFileUrl(url));
    }

    /**
     * That the text, said of {@code named}, does not parse as a URL, pointing at the character that broke it: a
     * registry's base URL is read from registry.json and from {@code build --base-url}, and either says it alike.
     */
    public static String unparsable(String named, String text, URISyntaxException unparsable) {
        return notReadable(named, text, " (" + MalformedUrls.reasonWithSpaceAdvice(text, unparsable) + ")");
    }

    /**
     * That the text, said of {@code named}, is no URL prompd reads as a registry's, with {@code why} when there is
     * more to say; the text quoted without its user part.
     */
    private static String notReadable(String named, String text, String why) {
        return named + " must be an absolute https://, http:// or file:// URL (what prompd reads) without query or"
                + " fragment, such as https://example.org/registry/, not '" + Urls.shown(text) + "'"
                + why;
    }

    /**
     * The folder's URL without {@code .}, {@code ..} and empty segments, {@code %2e} read as the dot it is, when the
     * URL has any; the build writes the base URL into every document, cached forever, so it must resolve alike
     * everywhere.
     */
    private static Optional<String> directly(URI url) {
        String[] segments = url.getRawPath().isEmpty() ? new String[0]
                : url.getRawPath().substring(1).split("/", -1);
        Deque<String> kept = new ArrayDeque<>();
        boolean indirect = false;
        for (int i = 0; i < segments.length; i++) {
            String dots = segments[i].replaceAll("(?i)%2e", ".");
            boolean closingSlash = i == segments.length - 1 && segments[i].isEmpty();
            if (closingSlash) {
                continue;
            }
            indirect |= segments[i].isEmpty() || dots.equals(".") || dots.equals("..");
            if (dots.equals("..")) {
                kept.pollLast();
            } else if (!segments[i].isEmpty() && !dots.equals(".")) {
                kept.addLast(segments[i]);
            }
        }
        // the server alone: a user part registry.json holds is refused on its own, and not repeated into a log
        return indirect ? Optional.of(url.getScheme() + "://"
                + (url.getRawAuthority() == null ? "" : Urls.server(url.getRawAuthority())) + "/"
                + kept.stream().map(segment -> segment + "/").collect(Collectors.joining())) : Optional.empty();
    }
}
