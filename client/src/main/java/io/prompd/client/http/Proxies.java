package io.prompd.client.http;

import io.prompd.client.config.RegistryUrl;
import io.prompd.client.config.Settings;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Which proxy each request goes through, taken from the environment variables curl, pip, npm and
 * cargo read: {@code https_proxy} for https URLs, {@code http_proxy} for http ones, and
 * {@code no_proxy} for the hosts reached directly, lower-case names before upper-case ones, as curl
 * reads them. Loopback hosts are always reached directly, as Java's own default has it, so a mirror
 * served on this machine never goes through a company's proxy.
 *
 * @param http   the proxy of http URLs
 * @param https  the proxy of https URLs
 * @param direct {@code no_proxy}'s entries: host names, each also standing for its subdomains,
 *               addresses, or IPv4 blocks such as {@code 10.0.0.0/8}, lower case; {@code *} stands for
 *               every host
 * @param unusable why the proxy variable of a scheme ({@code http}, {@code https}) is unusable:
 *               an error only for a request that would go through it, so a file:// registry or a
 *               {@code no_proxy} host still works
 */
public record Proxies(Optional<ProxyServer> http, Optional<ProxyServer> https, List<String> direct,
                      Map<String, String> unusable) {

    public static final Proxies NONE = new Proxies(Optional.empty(), Optional.empty(), List.of(), Map.of());

    public Proxies {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(https, "https");
        direct = List.copyOf(direct);
        unusable = Map.copyOf(unusable);
    }

    /**
     * The proxies the variables name; {@code variables} holds those of {@link Settings#PROXY_VARIABLES} that are set.
     */
    public static Proxies of(Map<String, String> variables) {
        Map<String, String> unusable = new TreeMap<>();
        Optional<ProxyServer> http = server(variables, "http", unusable);
        Optional<ProxyServer> https = server(variables, "https", unusable);
        List<String> direct = value(variables, "no_proxy").stream()
                .flatMap(list -> Arrays.stream(list.split("[,\\s]+")))
                .map(Proxies::hostPattern).filter(pattern -> !pattern.isEmpty()).toList();
        return new Proxies(http, https, direct, unusable);
    }

    /**
     * The proxy for this URL, or empty to reach it directly.
     *
     * @throws PrompdException USAGE when the URL would go through a proxy whose variable is unusable
     */
    Optional<ProxyServer> proxyFor(URI url) {
        String host = url.getHost() == null ? "" : hostPattern(url.getHost());
        if (RegistryUrl.isLoopback(host) || direct.stream().anyMatch(pattern -> pattern.equals("*")
                || host.equals(pattern)
                || host.endsWith("." + pattern) || inBlock(host, pattern))) {
            return Optional.empty();
        }
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (unusable.containsKey(scheme)) {
            throw new PrompdException(ExitCode.USAGE, unusable.get(scheme), "set it to http://host:port, or"
                    + " http://user:password@host:port for a proxy that asks for a login, or unset it");
        }
        return scheme.equals("https") ? https : http;
    }

    private static Optional<String> value(Map<String, String> variables, String lowerCaseName) {
        return variableName(variables, lowerCaseName).map(variables::get).map(String::strip)
                .filter(text -> !text.isEmpty());
    }

    private static Optional<String> variableName(Map<String, String> variables, String lowerCaseName) {
        return Stream.of(lowerCaseName, lowerCaseName.toUpperCase(Locale.ROOT)).filter(variables::containsKey)
                .findFirst();
    }

    /**
     * The proxy of the scheme's variable, or empty with the reason put in {@code unusable} when it holds no http proxy
     * URL.
     */
    private static Optional<ProxyServer> server(Map<String, String> variables, String scheme,
            Map<String, String> unusable) {
        String lowerCaseName = scheme + "_proxy";
        Optional<String> text = value(variables, lowerCaseName);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        // the value is not repeated in the reason, but with its user part masked: it may hold a password
        String variable = variableName(variables, lowerCaseName).orElseThrow();
        String unusableBecause = "the proxy in " + variable + " is unusable: ";
        String written = text.get().contains("://") ? text.get() : "http://" + text.get();
        // split as a registry's URL is, which is how curl reads it: a '/', '?' or '#' ends the authority, where a
        // password holding one would be read as host, port and path, and the last '@' before that the user part
        Optional<String> unescaped = Urls.withUnescapedUserPartMasked(written);
        if (unescaped.isPresent()) {
            unusable.put(scheme, "the proxy in " + variable + " ('" + unescaped.get() + "') is unusable: "
                    + RegistryUrl.UNESCAPED_USER_PART);
            return Optional.empty();
        }
        URI url;
        try {
            url = new URI(Urls.withUserPartEscaped(written));
        } catch (URISyntaxException malformed) {
            unusable.put(scheme, unusableBecause + "it is not a URL");
            return Optional.empty();
        }
        if (!"http".equalsIgnoreCase(url.getScheme())) {
            unusable.put(scheme, unusableBecause + "prompd reaches proxies over http://, not "
                    + url.getScheme() + "://");
            return Optional.empty();
        }
        Optional<String> serverProblem = RegistryUrl.serverProblem(url);
        if (serverProblem.isPresent()) {
            unusable.put(scheme, unusableBecause + serverProblem.get());
            return Optional.empty();
        }
        Optional<String> userInfo = Optional.ofNullable(url.getUserInfo());
        return Optional.of(new ProxyServer(url.getHost().replaceAll("^\\[|]$", ""), url.getPort() < 0
                ? 80 : url.getPort(),
                userInfo.map(info -> info.split(":", 2)[0]),
                userInfo.filter(info -> info.contains(":")).map(info -> info.split(":", 2)[1])));
    }

    /** A host or {@code no_proxy} entry as compared: lower case, without brackets, a leading dot or a port. */
    private static String hostPattern(String entry) {
        String pattern = entry.strip().toLowerCase(Locale.ROOT);
        if (pattern.startsWith("[")) {
            return pattern.substring(1, Math.max(1, pattern.indexOf(']')));
        }
        pattern = pattern.startsWith("*.") ? pattern.substring(2) : pattern.startsWith(".")
                ? pattern.substring(1) : pattern;
        int colon = pattern.indexOf(':');
        return colon >= 0 && pattern.indexOf(':', colon + 1) < 0 ? pattern.substring(0, colon) : pattern;
    }

    /**
     * Whether an IPv4 address lies in a {@code no_proxy} block such as {@code 10.0.0.0/8}, as curl and pip read them.
     */
    private static boolean inBlock(String host, String pattern) {
        int slash = pattern.indexOf('/');
        if (slash < 0) {
            return false;
        }
        OptionalLong address = ipv4(host);
        OptionalLong block = ipv4(pattern.substring(0, slash));
        String bits = pattern.substring(slash + 1);
        if (address.isEmpty() || block.isEmpty() || !bits.matches("\\d{1,2}") || Integer.parseInt(bits) > 32) {
            return false;
        }
        long mask = (0xFFFF_FFFFL << (32 - Integer.parseInt(bits))) & 0xFFFF_FFFFL;
        return (address.getAsLong() & mask) == (block.getAsLong() & mask);
    }

    private static OptionalLong ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return OptionalLong.empty();
        }
        long address = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return OptionalLong.empty();
            }
            address = address << 8 | Integer.parseInt(part);
        }
        return OptionalLong.of(address);
    }
}
