package io.prompd.client.install.registry;

import io.prompd.client.config.Credentials;
import io.prompd.client.http.AccessRefused;
import io.prompd.client.http.Credential;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.protocol.Urls;
import java.util.Optional;

/**
 * What a registry's refusal (HTTP 401 or 403) tells the user to do, by what went with the request and what the
 * registry asks for: a 401 is a verdict on the credentials sent (or on none sent), and its {@code WWW-Authenticate}
 * challenge names the kind it takes (a token, or a user name and password); a 403 is a verdict on the account they
 * prove, which logging in again does not change.
 */
final class Refusal {

    private Refusal() {
    }

    /**
     * A refusal naming the registry as configured, and the scope's route that chose it, and telling credentials sent
     * and refused from none stored, which logging in fixes for different reasons, and from credentials that do not go
     * where the request ended, which it does not: a redirect to another host (a CDN) or out of the registry's path, or
     * a tarball the registry keeps on one. A secret refused that an environment variable holds is replaced there: the
     * user keeps it out of the configuration, as CI does, which a login would undo.
     */
    static PrompdException of(RegistryEndpoint endpoint, String named, AccessRefused refused,
                              SuggestedCommands commands) {
        return of(endpoint, named, refused, false, commands);
    }

    /**
     * A refusal of credentials given to {@code prompd login}, which stores them only once the registry takes them: the
     * hints speak of credentials given, not of stored ones that may have expired.
     */
    static PrompdException ofGiven(RegistryEndpoint endpoint, String named, AccessRefused refused,
                                   SuggestedCommands commands) {
        return of(endpoint, named, refused, true, commands);
    }

    private static PrompdException of(RegistryEndpoint endpoint, String named, AccessRefused refused, boolean given,
                                      SuggestedCommands commands) {
        Optional<Credentials.Resolved> sent = endpoint.credential().filter(credential -> refused.authorized())
                .map(Credential::credentials);
        String hint;
        if (sent.isPresent()) {
            hint = sentAndRefused(endpoint, refused, sent.get(), given, commands);
        } else if (endpoint.credential().isPresent() || !endpoint.sendsCredentialsTo(refused.answeredBy())) {
            hint = "no credentials went with the request: prompd sends a registry's only to URLs under its URL (the"
                    + " same scheme, host and port, and a path below its path), and not again once a redirect has left"
                    + " them, so logging in does not help; tell the registry's maintainers";
        } else {
            hint = unspoken(refused).orElseGet(() -> noneStored(endpoint, refused, commands));
        }
        return new PrompdException(ExitCode.NETWORK, named + " refused access (HTTP " + refused.status() + "): "
                + Urls.displayAnswered(refused.url(), refused.answeredBy()), hint, refused);
    }

    private static String sentAndRefused(RegistryEndpoint endpoint, AccessRefused refused, Credentials.Resolved sent,
                                         boolean given, SuggestedCommands commands) {
        String kept = endpoint.secretVariable().map(variable -> sent instanceof Credentials.Basic basic
                        ? "user " + basic.username() + " with the password in $" + variable
                        : "the token in $" + variable)
                .orElse(given ? "the credentials given" : "the credentials stored for it");
        if (refused.status() == 403) {
            // the server knows who is asking and says no: new credentials of the same account get the same answer
            return "it accepted " + kept + " but does not let their account read this file: ask the registry's"
                    + " maintainers for access";
        }
        return otherKind(endpoint, refused, sent, commands).orElseGet(() -> given
                ? "it refused " + kept + ": check " + secretsToCheck(endpoint, sent) + ", and log in again"
                : "it refused " + kept + ", which may have expired or be wrong: " + endpoint.secretVariable()
                        .map(variable -> "update the variable, where prompd reads it on each run")
                        .orElse("log in again with " + login(endpoint, sent, commands)));
    }

    /** What to check of credentials given to {@code login} and refused: the user name too for basic ones. */
    private static String secretsToCheck(RegistryEndpoint endpoint, Credentials.Resolved sent) {
        boolean basic = sent instanceof Credentials.Basic;
        String secret = endpoint.secretVariable().map(variable -> "$" + variable)
                .orElse(basic ? "password" : "the token");
        return basic ? "the user name and " + secret : secret;
    }

    private static String noneStored(RegistryEndpoint endpoint, AccessRefused refused, SuggestedCommands commands) {
        String login = loginCommand(endpoint, refused.asksFor(Credentials.Basic.SCHEME)
                && !refused.asksFor(Credentials.Token.SCHEME) ? " --username USER" : "", commands);
        return refused.status() == 403
                ? "it may need credentials, and none are stored for it: log in with " + login
                        + ", or ask the registry's maintainers for access"
                : "it wants " + wanted(refused) + " and none are stored for it: log in with " + login;
    }

    /** {@code credentials}, or the kind its challenge names when it names one kind prompd sends. */
    private static String wanted(AccessRefused refused) {
        boolean basic = refused.asksFor(Credentials.Basic.SCHEME);
        boolean token = refused.asksFor(Credentials.Token.SCHEME);
        return basic == token ? "credentials" : basic ? "a user name and password (HTTP basic authentication)"
                : "a token (HTTP bearer authentication)";
    }

    /**
     * When the challenge names schemes and not the one sent, the kind it does take, and the login that stores that
     * kind, keeping its secret in the environment if the one sent was.
     */
    private static Optional<String> otherKind(RegistryEndpoint endpoint, AccessRefused refused,
                                              Credentials.Resolved sent, SuggestedCommands commands) {
        if (refused.schemes().isEmpty() || refused.asksFor(sent.scheme())) {
            return Optional.empty();
        }
        String from = endpoint.secretVariable().map(variable -> " in $" + variable).orElse("");
        if (refused.asksFor(Credentials.Basic.SCHEME)) {
            return Optional.of("it asks for a user name and password (HTTP basic authentication), and prompd sent it"
                    + " the token" + from + ": log in with " + loginCommand(endpoint, " --username USER"
                    + endpoint.secretVariable().map(variable -> " --password-env " + variable).orElse(""), commands));
        }
        if (refused.asksFor(Credentials.Token.SCHEME)) {
            return Optional.of("it asks for a token (HTTP bearer authentication), and prompd sent it a user name and"
                    + " password" + from + ": log in with " + loginCommand(endpoint, endpoint.secretVariable()
                    .map(variable -> " --token-env " + variable).orElse(""), commands));
        }
        return unspoken(refused);
    }

    /** When the challenges name only schemes prompd does not send (Digest, Negotiate), that they do. */
    private static Optional<String> unspoken(AccessRefused refused) {
        if (refused.schemes().isEmpty() || refused.asksFor(Credentials.Basic.SCHEME)
                || refused.asksFor(Credentials.Token.SCHEME)) {
            return Optional.empty();
        }
        return Optional.of("it asks for HTTP " + String.join(" or ", refused.schemes()) + " authentication, which"
                + " prompd does not send: it sends a token (bearer) or a user name and password (basic); ask the"
                + " registry's maintainers for one of those");
    }

    /** The login that stores credentials of the kind sent again: the user name of basic authentication with them. */
    private static String login(RegistryEndpoint endpoint, Credentials.Resolved sent, SuggestedCommands commands) {
        return loginCommand(endpoint, sent instanceof Credentials.Basic basic ? " --username " + basic.username() : "",
                commands);
    }

    /** {@code 'prompd login --registry R'} with {@code options} after it, quoted as the hints quote commands. */
    private static String loginCommand(RegistryEndpoint endpoint, String options, SuggestedCommands commands) {
        return commands.quoted("login --registry " + endpoint.loginArgument() + options);
    }
}
