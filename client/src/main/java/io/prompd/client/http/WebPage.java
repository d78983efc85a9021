package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * A web page that answered where a registry's file was asked for: a network's sign-in page (a
 * captive portal), a login page, a proxy's or a CDN's error page, often with status 200. Named as
 * every answer is, by the URL asked for and, when redirects led away from it, the one that answered:
 * when that is another server (another host, or another port of the same), that server answered in
 * the registry's place, and the hint names it.
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

    /**
     * The failure of getting a web page where {@code expected} belongs, a document or a tarball alike: the
     * network's, as for any answer the run cannot use, and not a tarball's integrity mismatch, since no
     * package's bytes came at all, and a script trying again on the network's code gets past a sign-in
     * page or a passing error. What to do: another host than the one asked answered in the registry's
     * place, as a captive portal does; the same host's page calls for {@code sameHost}.
     */
    public static PrompdException insteadOf(String expected, URI requested, URI answered, String sameHost) {
        return new PrompdException(ExitCode.NETWORK, "got a web page instead of " + expected + " from "
                + Urls.displayAnswered(requested, answered), hint(requested, answered, sameHost));
    }

    /** Another port of the same host name is another server too, as it is another origin for credentials. */
    private static String hint(URI requested, URI answered, String sameHost) {
        if (answered.getHost() == null || Origin.of(requested).contains(answered)) {
            return sameHost;
        }
        return Origin.of(answered) + " answered in the registry's place, as a network's sign-in page or a proxy does:"
                + " open " + Urls.display(requested) + " in a browser, sign in if asked, then try again";
    }
}
