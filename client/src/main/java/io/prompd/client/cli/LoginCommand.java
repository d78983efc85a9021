package io.prompd.client.cli;

import io.prompd.client.config.Credentials;
import io.prompd.client.config.Registry;
import io.prompd.client.config.RegistryService;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {
            "Store credentials for a registry: the one given with --registry, else the default registry.",
            "Reads a token (with --username, a password) typed without echo, or else the first line of standard input,"
                    + " as in 'prompd login --registry work < token.txt'. The secret is never printed.",
            "With --token-env or --password-env, prompd reads the secret from that environment variable on each run"
                    + " and stores only its name, as CI wants it: 'prompd login --registry work --username ci"
                    + " --password-env WORK_PASSWORD'."})
final class LoginCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--username", paramLabel = "USER",
            description = "Log in with a user name and password (HTTP basic) instead of a token, as a registry whose"
                    + " refusal asks for basic authentication takes.")
    String username;

    @Option(names = "--token-env", paramLabel = "VARIABLE",
            description = "Take the token from this environment variable on each run; nothing is read now and no"
                    + " secret is stored.")
    String tokenVariable;

    @Option(names = "--password-env", paramLabel = "VARIABLE",
            description = "With --username: take the password from this environment variable on each run; nothing"
                    + " is read now and no secret is stored.")
    String passwordVariable;

    private final PrompdCommand root;

    LoginCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        requireOneKind();
        RegistryService registries = new RegistryService(root.settings());
        Credentials credentials = credentials(registries.loginTarget());
        Registry registry = registries.login(credentials);
        Optional<String> variable = variable();
        spec.commandLine().getOut().print("logged in to " + registry.describe() + ": " + variable
                .map(name -> "prompd will read the " + secret() + " from $" + name + " (only that name is stored, in "
                        + registries.store().file() + ")")
                .orElse("credentials stored in " + registries.store().file()) + "\n");
        if (registry.url().sendsInTheClear()) {
            spec.commandLine().getErr().println("warning: " + registry.describe() + " is plain http://: the"
                    + " credentials will cross the network unencrypted with every request; use its https:// URL"
                    + " unless the network is one you trust");
        }
        if (variable.isPresent() && root.context().variable(variable.get()).filter(value -> !value.isBlank())
                .isEmpty()) {
            // stored all the same: CI often sets the variable only in the job that installs
            spec.commandLine().getErr().println("note: $" + variable.get() + " is not set here; set it wherever"
                    + " prompd reads " + registry.describe());
        }
        return ExitCode.OK.code();
    }

    /** A token's variable goes without a user name, and a password's with one: each kind of credentials alone. */
    private void requireOneKind() {
        if (tokenVariable != null && username != null) {
            throw new PrompdException(ExitCode.USAGE, "--token-env names a token's variable, which goes without"
                    + " --username", "for a user name and a password read from a variable, give --username "
                    + username + " --password-env " + tokenVariable);
        }
        if (passwordVariable != null && username == null) {
            throw new PrompdException(ExitCode.USAGE, "--password-env names the variable of a user's password, and"
                    + " no --username was given", "add --username USER; a token's variable is given with"
                    + " --token-env " + passwordVariable);
        }
    }

    /** The environment variable the secret is to be read from on each run, if one was given. */
    private Optional<String> variable() {
        return Optional.ofNullable(tokenVariable).or(() -> Optional.ofNullable(passwordVariable));
    }

    private String secret() {
        return username == null ? "token" : "password of " + username;
    }

    private Credentials credentials(Registry registry) throws IOException {
        try {
            if (tokenVariable != null) {
                return new Credentials.FromEnvironment(tokenVariable);
            }
            if (passwordVariable != null) {
                return new Credentials.FromEnvironment(Optional.of(username), passwordVariable);
            }
            if (username != null) {
                return new Credentials.Basic(username,
                        SecretInput.read(root.context(), secret() + " for " + registry.describe()));
            }
            return new Credentials.Token(SecretInput.read(root.context(), "token for " + registry.describe()).strip());
        } catch (IllegalArgumentException unusable) {
            // The message names the rule broken, never the secret.
            throw new PrompdException(ExitCode.USAGE, unusable.getMessage(),
                    "nothing was stored; run 'prompd login' again");
        }
    }
}
