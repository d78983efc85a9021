package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry answered 401 or 403. A type of its own so that the caller, which knows which
 * registry it asked and what credentials it has for it, can say what to do about it.
 */
public final class AccessRefused extends PrompdException {

    /** The {@code kind} of a 401: the registry wants credentials, or other ones than those sent. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** The {@code kind} of a 403: the registry will not give this to the credentials sent, if any. */
    public static final String FORBIDDEN = "forbidden";

    private final int status;
    private final URI url;
    private final URI answeredBy;
    /**
     * The element of a {@code WWW-Authenticate} list that starts a challenge: an auth-scheme (a token), alone or
     * followed by white space and its parameters (RFC 9110, section 11.6.1), where a token followed by {@code =}
     * starts a parameter of the challenge before.
     */
    private static final Pattern SCHEME = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:\\s+(?!=)\\S.*)?",
            Pattern.DOTALL);

    private final boolean authorized;
    private final List<String> schemes;

    AccessRefused(int status, URI url, URI answeredBy, boolean authorized, List<String> challenges) {
        super(ExitCode.NETWORK, "the registry refused access (HTTP " + status + "): "
                + Urls.displayAnswered(url, answeredBy),
                // in words: the registry's refusal, which replaces this, gives the login of the run's registry and home
                "log in, with --registry naming the registry as configured", null, status == 401 ? UNAUTHORIZED
                        : FORBIDDEN, RequestFields.of(OptionalInt.of(status), Optional.empty(), url));
        this.status = status;
        this.url = url;
        this.answeredBy = answeredBy;
        this.authorized = authorized;
        this.schemes = schemes(challenges);
    }

    /**
     * The authentication schemes the registry's challenges name ({@code WWW-Authenticate: Basic realm="Acme"}
     * names {@code Basic}), as written, in their order; empty when it sent none, as a 403 seldom does.
     */
    public List<String> schemes() {
        return schemes;
    }

    /** Whether a challenge names the scheme, compared ignoring case as schemes are. */
    public boolean asksFor(String scheme) {
        return schemes.stream().anyMatch(scheme::equalsIgnoreCase);
    }

    /**
     * The schemes of the {@code WWW-Authenticate} header values: each a list of challenges and their parameters,
     * separated by commas outside quoted strings.
     */
    static List<String> schemes(List<String> challenges) {
        List<String> schemes = new ArrayList<>();
        for (String header : challenges) {
            for (String element : elements(header)) {
                Matcher scheme = SCHEME.matcher(element.strip());
                if (scheme.matches() && !schemes.contains(scheme.group(1))) {
                    schemes.add(scheme.group(1));
                }
            }
        }
        return List.copyOf(schemes);
    }

    private static List<String> elements(String header) {
        List<String> elements = new ArrayList<>();
        StringBuilder element = new StringBuilder();
        boolean quoted = false;
        for (int at = 0; at < header.length(); at++) {
            char next = header.charAt(at);
            if (next == ',' && !quoted) {
                elements.add(element.toString());
                element.setLength(0);
                continue;
            }
            if (next == '"') {
                quoted = !quoted;
            } else if (next == '\\' && quoted && at + 1 < header.length()) {
                element.append(next);
                next = header.charAt(++at);
            }
            element.append(next);
        }
        elements.add(element.toString());
        return elements;
    }

    public int status() {
        return status;
    }

    /** The URL asked for. */
    public URI url() {
        return url;
    }

    /** The URL that refused, after any redirects. */
    public URI answeredBy() {
        return answeredBy;
    }

    /**
     * Whether the refused request carried the credential: a credential goes only to URLs under its
     * registry's, and not again once a redirect has left them, so a refusal without it is no verdict on it.
     */
    public boolean authorized() {
        return authorized;
    }
}
