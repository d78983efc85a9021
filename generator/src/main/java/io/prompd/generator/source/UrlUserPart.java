package io.prompd.generator.source;

import io.prompd.core.problem.Problem;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A user part ({@code user:password@} or {@code user@}) in a URL that readers would see: the one refusal of it, for
 * {@code build --base-url} and registry.json's baseUrl and git URL alike. It never quotes the URL given, whose user
 * part may be a password, and the refusal goes to CI logs.
 *
 * @param withoutUser the URL without its user part, to give in its place
 */
public record UrlUserPart(String withoutUser) {

    /** What each {@link #refusal} says, by which {@link #isRefusal} knows one. */
    private static final String HOLDS_ONE = " holds a user or password, which ";

    public UrlUserPart {
        Objects.requireNonNull(withoutUser, "withoutUser");
    }

    /**
     * The user part of an absolute, hierarchical URL, if it has one: up to the authority's last '@', as a browser
     * reads it, also where the JDK splits no user part off (a password holding '@', a host holding '_').
     */
    public static Optional<UrlUserPart> of(URI url) {
        if (!Urls.holdsUserPart(url)) {
            return Optional.empty();
        }
        return Optional.of(new UrlUserPart(url.getScheme().toLowerCase(Locale.ROOT) + "://"
                + Urls.server(url.getRawAuthority()) + url.getRawPath()));
    }

    /**
     * The user part of a Git URL if it may be a credential: a password, or any user of an http(s) URL, where a token
     * stands as the user name (https://ghp_…@github.com/); ssh's {@code git@} names an account every clone uses.
     */
    public static Optional<UrlUserPart> credentialOf(URI gitUrl) {
        return of(gitUrl).filter(user -> gitUrl.getRawAuthority()
                .substring(0, gitUrl.getRawAuthority().lastIndexOf('@')).contains(":")
                || gitUrl.getScheme().toLowerCase(Locale.ROOT).startsWith("http"));
    }

    /** What is wrong, said of the URL given at {@code where}, with why that matters there. */
    public String refusal(String where, String why) {
        return where + HOLDS_ONE + why;
    }

    /** Whether the problem is a {@link #refusal}: one that names a password the search for credentials finds too. */
    public static boolean isRefusal(Problem problem) {
        return problem.message().contains(HOLDS_ONE);
    }

    /** The fix for a registry's URL, which clients are set up with. */
    public String fix() {
        return withoutIt("let each client keep its credentials in its own config (prompd login)");
    }

    /** The fix for a repository's clone URL, which Git reads. */
    public String gitFix() {
        return withoutIt("let Git find credentials where it keeps them: a credential helper, or the CI's secrets");
    }

    private String withoutIt(String whereCredentialsGo) {
        return "give the URL without it, such as " + withoutUser + ", and " + whereCredentialsGo;
    }
}
