package io.prompd.client.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A web page that answered where a registry's file was asked for: a network's sign-in page (a
 * captive portal), a login page, a proxy's or a CDN's error page, often with status 200. Named by
 * the URL that finally answered: when a redirect led to another host, that host answered in the
 * registry's place, and it is the one to look at.
 */
public final class WebPage {

    private WebPage() {
    }

    /** HTML or XML, which such pages are, where JSON and gzip never start with '<'. */
    public static boolean startsOne(byte[] head) {
        for (byte b : head) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '<';
            }
        }
        return false;
    }

    /** Whether a {@code Content-Type} announces a web page. */
    static boolean announced(Optional<String> contentType) {
        return contentType.map(type -> type.strip().toLowerCase(Locale.ROOT))
                .filter(type -> type.startsWith("text/html") || type.startsWith("application/xhtml+xml")).isPresent();
    }

    /** "a web page instead of {@code expected} from" the URL that answered, and the one asked for if a redirect led away from it. */
    public static String instead(String expected, URI requested, URI answered) {
        return "a web page instead of " + expected + " from " + Urls.display(answered)
                + (answered.equals(requested) ? "" : " (redirected from " + Urls.display(requested) + ")");
    }

    /**
     * What to do: another host than the one asked answered in the registry's place, as a captive portal
     * does; the same host's page calls for {@code sameHost}.
     */
    public static String hint(URI requested, URI answered, String sameHost) {
        String host = Objects.requireNonNullElse(answered.getHost(), "");
        if (host.equalsIgnoreCase(Objects.requireNonNullElse(requested.getHost(), ""))) {
            return sameHost;
        }
        return "host " + host + " answered in the registry's place, as a network's sign-in page or a proxy does: open "
                + Urls.display(requested) + " in a browser, sign in if asked, then try again";
    }
}
