package io.prompd.client.cli;

import io.prompd.client.config.Credentials;
import io.prompd.client.config.Registry;
import io.prompd.client.config.RegistryService;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {
            "Store credentials for a registry: the one given with --registry, else the default registry.",
            "Reads a token (with --username, a password) typed without echo, or else the first line of standard input,"
                    + " as in 'prompd login --registry work < token.txt'. The secret is never printed."})
final class LoginCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Kind kind = new Kind();

    static final class Kind {
        @Option(names = "--username", paramLabel = "USER",
                description = "Log in with a user name and password (HTTP basic) instead of a token.")
        String username;

        @Option(names = "--token-env", paramLabel = "VARIABLE",
                description = "Take the token from this environment variable on each run; nothing is read now"
                        + " and no secret is stored.")
        String tokenVariable;
    }

    private final PrompdCommand root;

    LoginCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        RegistryService registries = new RegistryService(root.settings());
        Registry registry = registries.login(credentials(registries.loginTarget()));
        spec.commandLine().getOut().print("logged in to " + registry.describe() + ": " + (kind.tokenVariable == null
                ? "credentials stored in " + registries.store().file()
                : "prompd will read the token from $" + kind.tokenVariable + " (only that name is stored, in "
                        + registries.store().file() + ")") + "\n");
        if (registry.url().sendsInTheClear()) {
            spec.commandLine().getErr().println("warning: " + registry.describe() + " is plain http://: the"
                    + " credentials will cross the network unencrypted with every request; use its https:// URL"
                    + " unless the network is one you trust");
        }
        boolean tokenUnsetHere = kind.tokenVariable != null
                && root.context().variable(kind.tokenVariable).filter(token -> !token.isBlank()).isEmpty();
        if (tokenUnsetHere) {
            // stored all the same: CI often sets the variable only in the job that installs
            spec.commandLine().getErr().println("note: $" + kind.tokenVariable + " is not set here; set it wherever"
                    + " prompd reads " + registry.describe());
        }
        return ExitCode.OK.code();
    }

    private Credentials credentials(Registry registry) throws IOException {
        try {
            if (kind.tokenVariable != null) {
                return new Credentials.FromEnvironment(kind.tokenVariable);
            }
            if (kind.username != null) {
                return new Credentials.Basic(kind.username,
                        SecretInput.read(root.context(), "password of " + kind.username + " for "
                        + registry.describe()));
            }
            return new Credentials.Token(SecretInput.read(root.context(), "token for " + registry.describe()).strip());
        } catch (IllegalArgumentException unusable) {
            // The message names the rule broken, never the secret.
            throw new PrompdException(ExitCode.USAGE, unusable.getMessage(),
                    "nothing was stored; run 'prompd login' again");
        }
    }
}
