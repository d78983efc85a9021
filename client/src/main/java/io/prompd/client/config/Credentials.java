package io.prompd.client.config;

import io.prompd.core.TerminalText;
import io.prompd.core.packaging.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How prompd proves who it is to one registry. Secrets never appear in {@code toString()} nor in
 * a validation message, so neither a log line nor an error can leak them.
 */
public sealed interface Credentials permits Credentials.Resolved, Credentials.FromEnvironment {

    /** Shown in place of a secret. */
    String HIDDEN = "(set)";

    /**
     * The credentials to send, looking up an environment variable now rather than when they
     * were stored, so a rotated token is picked up on the next run.
     *
     * @return empty when the variable the credentials come from is unset or blank
     */
    Optional<Resolved> resolve(Map<String, String> environment);

    /** What may be shown of them: their kind, their user and where the secret is kept, never the secret. */
    Shown shown();

    /** What a person may see: the kind of credentials, never the secret. */
    default String describe() {
        return shown().describe();
    }

    /**
     * Credentials as they may be shown: a type with no field for the secret, so that no list nor JSON document made of
     * it can leak one.
     *
     * @param username the user sent with HTTP basic authentication; empty for a token
     * @param variable the environment variable the token or password is read from on each run; empty for one stored
     *                 in {@code config.json}
     */
    record Shown(Optional<String> username, Optional<String> variable) {

        public Shown {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(variable, "variable");
        }

        /** {@code token (set)}, {@code user alice, password from $CI_PASSWORD}. */
        public String describe() {
            String secret = variable.map(name -> " from $" + name).orElse(" " + HIDDEN);
            return username.map(user -> "user " + user + ", password" + secret).orElse("token" + secret);
        }
    }

    /** Credentials that can be sent as they are. */
    sealed interface Resolved extends Credentials permits Token, Basic {

        /**
         * The HTTP authentication scheme they are sent with, as a {@code WWW-Authenticate} challenge names the one a
         * server asks for: {@link Token#SCHEME} or {@link Basic#SCHEME}.
         */
        String scheme();

        /** The value of the HTTP {@code Authorization} header. */
        String authorizationHeader();

        @Override
        default Optional<Resolved> resolve(Map<String, String> environment) {
            return Optional.of(this);
        }
    }

    /** A bearer token, such as a registry's access token. */
    record Token(String token) implements Resolved {

        public static final String SCHEME = "Bearer";

        // Visible ASCII only: anything else could not travel in a header, or could split it.
        private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

        public Token {
            Objects.requireNonNull(token, "token");
            if (!VISIBLE_ASCII.matcher(token).matches()) {
                throw new IllegalArgumentException(
                        "a token must be one or more visible ASCII characters, without spaces or line breaks");
            }
        }

        @Override
        public String scheme() {
            return SCHEME;
        }

        @Override
        public String authorizationHeader() {
            return SCHEME + " " + token;
        }

        @Override
        public Shown shown() {
            return new Shown(Optional.empty(), Optional.empty());
        }

        @Override
        public String toString() {
            return "Token[token=" + HIDDEN + "]";
        }
    }

    /** A user name and password sent with HTTP basic authentication. */
    record Basic(String username, String password) implements Resolved {

        public static final String SCHEME = "Basic";
        private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

        public Basic {
            requireUsername(username);
            Objects.requireNonNull(password, "password");
            if (password.isEmpty() || CONTROL.matcher(password).find()) {
                throw new IllegalArgumentException("a password must not be empty nor hold control characters");
            }
        }

        /** A user name basic authentication can send: the part before the first ':' of what it encodes. */
        static String requireUsername(String username) {
            Objects.requireNonNull(username, "username");
            if (username.isEmpty() || username.contains(":") || CONTROL.matcher(username).find()) {
                throw new IllegalArgumentException("invalid user name " + TerminalText.quoted(username)
                        + ": it must not be empty nor hold ':' or control characters");
            }
            return username;
        }

        @Override
        public String scheme() {
            return SCHEME;
        }

        @Override
        public String authorizationHeader() {
            String pair = username + ":" + password;
            return SCHEME + " " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Shown shown() {
            return new Shown(Optional.of(username), Optional.empty());
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=" + HIDDEN + "]";
        }
    }

    /**
     * A token, or the password of a user sent with HTTP basic authentication, kept in an environment variable, so the
     * configuration file holds no secret (as CI systems want it).
     *
     * @param username the user whose password the variable holds, sent with basic authentication; empty when it holds
     *                 a token
     */
    record FromEnvironment(Optional<String> username, String variable) implements Credentials {

        private static final Pattern NAME_CHARACTER = Pattern.compile("[A-Za-z0-9_]");

        public FromEnvironment {
            Objects.requireNonNull(username, "username").ifPresent(Basic::requireUsername);
            Objects.requireNonNull(variable, "variable");
            String secret = username.isPresent() ? "password" : "token";
            nameProblem(variable).ifPresent(problem -> {
                throw new IllegalArgumentException("the variable given for the " + secret + " " + problem.reason()
                        + (problem.credential() ? "; revoke the credential if it is real, and log in again giving the"
                        + " variable's name" : ""));
            });
        }

        /** A token in the variable. */
        public FromEnvironment(String variable) {
            this(Optional.empty(), variable);
        }

        /**
         * What keeps a text from naming the variable a secret is read from, if anything, told without quoting the
         * text: the secret itself given in the name's place ({@code --token-env "$CI_TOKEN"}) is a common mistake, and
         * a message goes where a CI log does. A text the package check would refuse as a credential ({@link
         * Secrets#describedIn}) is refused as one, though it would be a valid name: no one names a variable so.
         */
        public static Optional<NameProblem> nameProblem(String variable) {
            List<String> credentials = Secrets.describedIn(variable);
            if (!credentials.isEmpty()) {
                return Optional.of(new NameProblem("looks like " + credentials.get(0) + " rather than a variable's"
                        + " name, and is not shown", true));
            }
            return notAName(variable).map(what -> new NameProblem("is not a variable's name, which is letters, digits"
                    + " and '_', not starting with a digit: " + what, false));
        }

        /** How the text breaks the rule of a name, showing one character of it at most: the rest may be a secret. */
        private static Optional<String> notAName(String variable) {
            if (variable.isEmpty()) {
                return Optional.of("it is empty");
            }
            if (variable.charAt(0) >= '0' && variable.charAt(0) <= '9') {
                return Optional.of("it starts with a digit (the rest is not shown)");
            }
            return variable.codePoints().mapToObj(Character::toString)
                    .filter(character -> !NAME_CHARACTER.matcher(character).matches()).findFirst()
                    .map(character -> "it holds " + TerminalText.quoted(character) + " (the rest is not shown)");
        }

        /**
         * A password is taken as the variable holds it, spaces and all, which may belong to it; a token, which
         * holds none, without the white space a file read into the variable may bring.
         */
        @Override
        public Optional<Resolved> resolve(Map<String, String> environment) {
            return Optional.ofNullable(environment.get(variable)).filter(value -> !value.isBlank())
                    .map(value -> username.<Resolved>map(user -> new Basic(user, value))
                            .orElseGet(() -> new Token(value.strip())));
        }

        @Override
        public Shown shown() {
            return new Shown(username, Optional.of(variable));
        }
    }

    /**
     * Why a text cannot name the variable a secret is read from.
     *
     * @param reason     what is wrong with it, to follow the words naming what it was given for
     * @param credential whether it looks like a credential itself, to revoke if it is real
     */
    record NameProblem(String reason, boolean credential) {

        public NameProblem {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
