package io.prompd.client.config;

import io.prompd.core.ShellWords;
import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry a command talks to, with the credentials to send it.
 *
 * @param url           its root URL, ending with {@code /}
 * @param name          its configured name, when it was chosen by name
 * @param credentials   the credentials to send, resolved from the environment already
 * @param secretVariable the environment variable the credentials' token or password was read from ({@code login
 *                      --token-env}, {@code --password-env}), so that a refusal of it sends the user to the variable,
 *                      where stored ones are replaced by a login
 */
public record Registry(RegistryUrl url, Optional<RegistryName> name, Optional<Credentials.Resolved> credentials,
                       Optional<String> secretVariable) {

    public Registry {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(secretVariable, "secretVariable");
        if (secretVariable.isPresent() && credentials.isEmpty()) {
            throw new IllegalArgumentException("a secret's variable comes with the credentials read from it");
        }
    }

    /** The URL of a document of the registry, from its path relative to the root (see RegistryLayout). */
    public URI resolve(String relativePath) {
        return url.resolve(relativePath);
    }

    /**
     * The {@code Authorization} header value, for requests to URLs this registry's {@link RegistryUrl#holds holds}
     * only.
     */
    public Optional<String> authorizationHeader() {
        return credentials.map(Credentials.Resolved::authorizationHeader);
    }

    /**
     * What {@code prompd login --registry} and {@code logout --registry} take to mean it, as a suggested command
     * spells it: its name when it was chosen by one, else its URL. A hint without it would store or remove the default
     * registry's credentials instead.
     */
    public String loginArgument() {
        return loginArgument(name, url);
    }

    /** {@link #loginArgument()} of a registry from its name, when it was chosen by one, and its root URL. */
    public static String loginArgument(Optional<RegistryName> name, RegistryUrl url) {
        return ShellWords.quote(name.map(RegistryName::toString).orElse(url.toString()));
    }

    /** {@code work (https://prompd.example.com/)}, or the URL alone, for messages. */
    public String describe() {
        return describe(name, url.uri());
    }

    /** A registry as messages name it, from its name when it was chosen by one and its root URL. */
    public static String describe(Optional<RegistryName> name, URI url) {
        String shown = Urls.display(url);
        return name.map(registryName -> registryName + " (" + shown + ")").orElse(shown);
    }
}
