package io.prompd.client.cli;

import io.prompd.cli.CommandLines;
import io.prompd.client.config.Credentials;
import io.prompd.client.config.Registry;
import io.prompd.client.config.RegistryService;
import io.prompd.client.http.AccessRefused;
import io.prompd.client.http.RegistryFetcher;
import io.prompd.client.install.registry.HttpPackageRegistry;
import io.prompd.client.install.registry.RegistryEndpoint;
import io.prompd.client.install.registry.RegistryRoutes;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
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
                    + " --password-env WORK_PASSWORD'.",
            "Before storing them, asks the registry for its registry.json with the credentials, and stores nothing"
                    + " when it refuses them or cannot be reached; with --offline, or a variable not set here, they"
                    + " are stored unchecked. Warns when the registry is public: its registry.json says so, and it"
                    + " serves that file without credentials too; and when it says it is private but serves that file"
                    + " without credentials all the same."})
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
        RegistryService registries = new RegistryService(root.settings());
        // first, as every other message about the variables quotes them
        requireVariableName("--token-env", tokenVariable, registries);
        requireVariableName("--password-env", passwordVariable, registries);
        requireOneKind();
        Registry target = registries.loginTarget();
        Credentials credentials = credentials(target);
        Optional<String> variable = variable();
        Optional<Credentials.Resolved> resolved = resolved(target, credentials);
        // a secret its variable does not hold here cannot be checked: CI often sets it only in the job that installs
        Optional<HttpPackageRegistry.CheckedAccess> checked = root.settings().offline() ? Optional.empty()
                : resolved.map(sent -> check(registries, target, sent, variable));
        Registry registry = registries.login(credentials, LockWaits.on(spec.commandLine().getErr()));
        String file = registries.store().file().toString();
        // one that serves without credentials too answers whatever they are: that is no sign it took them
        boolean took = checked.filter(access -> !access.servedWithoutCredentials()).isPresent();
        spec.commandLine().getOut().print("logged in to " + registry.describe() + ": " + variable
                .map(name -> (took ? "the registry took the " + secret() + " in $" + name + ", which"
                        + " prompd will read from there on each run" : "prompd will read the " + secret() + " from $"
                        + name) + " (only that name is stored, in " + file + ")")
                .orElse(took ? "the registry took the credentials, stored in " + file
                        : "credentials stored in " + file) + "\n");
        PrintWriter err = spec.commandLine().getErr();
        if (registry.url().sendsInTheClear()) {
            err.println("warning: " + registry.describe() + " is plain http://: the credentials will cross the network"
                    + " unencrypted with every request; use its https:// URL unless the network is one you trust");
        }
        if (checked.filter(HttpPackageRegistry.CheckedAccess::isPublic).isPresent()) {
            err.println("warning: " + registry.describe() + " is public: it says so (\"private\": false in its"
                    + " registry.json) and serves it without credentials, so it needs none; prompd will send these to"
                    + " it with every request all the same;"
                    + " if they are for another registry, run " + root.commands().quoted("logout --registry "
                    + registry.loginArgument()) + " and log in with --registry naming that one");
        }
        if (checked.filter(HttpPackageRegistry.CheckedAccess::isExposed).isPresent()) {
            err.println("warning: " + registry.describe() + " says it is private (\"private\": true in its"
                    + " registry.json) but serves it without credentials too: anyone who can reach it can read that file,"
                    + " and its packages unless they are guarded apart, and the registry.json answered whatever these"
                    + " credentials are; put authentication in front of the whole registry"
                    + " (the Hosting section of the registry repository's README says how)");
        }
        if (resolved.isEmpty()) {
            err.println("note: $" + variable.orElseThrow() + " is not set here; set it wherever prompd reads "
                    + registry.describe() + (root.settings().offline() ? "" : "; the registry did not check the "
                    + secret() + ", which the variable holds"));
        } else if (checked.isEmpty()) {
            err.println("note: --offline: the credentials were stored without asking the registry whether it takes"
                    + " them; a mistake in them shows at the first command that reads " + registry.describe());
        }
        return ExitCode.OK.code();
    }

    /**
     * The credentials as they are sent: a variable's value as it is now, or empty when it is unset or blank.
     *
     * @throws PrompdException USAGE for a value that cannot be sent, named by its rule and never quoted
     */
    private Optional<Credentials.Resolved> resolved(Registry target, Credentials credentials) {
        try {
            return credentials.resolve(root.context().environment());
        } catch (IllegalArgumentException unusable) {
            throw new PrompdException(ExitCode.USAGE, "$" + variable().orElseThrow() + " holds a " + secret()
                    + " prompd cannot send: " + unusable.getMessage(), "nothing was stored; set the variable to the "
                    + (username == null ? "token" : "password") + " alone and run " + again(target) + " again");
        }
    }

    /**
     * Asks the registry for its registry.json with the credentials, as npm and docker check a login: a mistyped
     * password fails here, not at the next install. Nothing is stored when it fails, so credentials stored before stay.
     */
    private HttpPackageRegistry.CheckedAccess check(RegistryService registries, Registry target,
                                                    Credentials.Resolved sent, Optional<String> variable) {
        RegistryEndpoint endpoint = InstallWiring.endpoint(new Registry(target.url(), target.name(),
                Optional.of(sent), variable), Optional.empty());
        RegistryFetcher fetcher;
        try {
            fetcher = new InstallWiring(root, spec.commandLine().getErr()).fetcher();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        try {
            return new HttpPackageRegistry(fetcher, RegistryRoutes.single(endpoint), root.commands())
                    .checkAccess(endpoint);
        } catch (PrompdException failed) {
            boolean kept;
            try {
                kept = registries.store().readForCredentials().credentialsFor(target.url()).isPresent();
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
            String notStored = "nothing was stored" + (kept ? ", and the credentials stored before are kept" : "")
                    + (failed.getCause() instanceof AccessRefused ? ""
                    : "; to store them without asking the registry, run the login again with --offline");
            throw new PrompdException(failed.exitCode(), failed.getMessage(),
                    failed.hint().isEmpty() ? notStored : failed.hint() + "; " + notStored, failed);
        }
    }

    /**
     * Refuses a variable's name that is none, without quoting it nor suggesting this login again with it: the secret
     * given in the name's place ({@code --token-env "$CI_TOKEN"}) is a common mistake, and a message goes where a CI
     * log does.
     */
    private void requireVariableName(String option, String variable, RegistryService registries) throws IOException {
        Optional<Credentials.NameProblem> problem = Optional.ofNullable(variable)
                .flatMap(Credentials.FromEnvironment::nameProblem);
        if (problem.isEmpty()) {
            return;
        }
        boolean token = "--token-env".equals(option);
        String secret = token ? "token" : "password";
        String example = root.commands().quoted("login --registry " + registries.loginTarget().loginArgument()
                + (token ? " --token-env CI_TOKEN" : " --username " + (username == null ? "USER"
                : ShellWords.quote(username)) + " --password-env CI_PASSWORD"));
        String kept = ", as your shell's history or a CI log may keep it";
        throw new PrompdException(ExitCode.USAGE, option + " takes the name of the environment variable holding the "
                + secret + ", and what was given " + problem.get().reason(), "nothing was stored; " + (problem.get()
                .credential() ? "if it is a real credential, revoke it" + kept + ", and give the variable's name: "
                + example : "give the variable's name, as in " + example + "; if what was given is the " + secret
                + " itself, " + (token ? "revoke" : "change") + " it" + kept));
    }

    /**
     * A token's variable goes without a user name, and a password's with one: each kind of credentials alone. The hint
     * gives each variable given in the role it was given in, and in the other only as the case where it holds that
     * other kind of secret.
     */
    private void requireOneKind() {
        String user = username == null ? "USER" : ShellWords.quote(username);
        if (tokenVariable != null && passwordVariable != null) {
            throw CommandLines.notTogether(List.of("--token-env", "--password-env"), "the one names the variable of a"
                    + " token, the other that of a user's password", "for a token, give --token-env "
                    + ShellWords.quote(tokenVariable) + " alone; for a user name and a password, give --username "
                    + user + " --password-env " + ShellWords.quote(passwordVariable));
        }
        if (tokenVariable != null && username != null) {
            String variable = ShellWords.quote(tokenVariable);
            throw new PrompdException(ExitCode.USAGE, "--token-env names a token's variable, which goes without"
                    + " --username", "for a token, give --token-env " + variable + " alone; if $"
                    + TerminalText.oneLine(tokenVariable) + " holds the " + secret() + ", give --username " + user
                    + " --password-env " + variable);
        }
        if (passwordVariable != null && username == null) {
            String variable = ShellWords.quote(passwordVariable);
            throw new PrompdException(ExitCode.USAGE, "--password-env names the variable of a user's password, and"
                    + " no --username was given", "for a user's password, add --username USER; if $"
                    + TerminalText.oneLine(passwordVariable) + " holds a token, give --token-env " + variable
                    + " instead");
        }
    }

    /**
     * This login as a command to run again, naming its registry: without --registry, the same command would store the
     * credentials for the default registry.
     */
    private String again(Registry target) {
        return root.commands().quoted("login --registry " + target.loginArgument()
                + (username == null ? "" : " --username " + ShellWords.quote(username))
                + (tokenVariable == null ? "" : " --token-env " + ShellWords.quote(tokenVariable))
                + (passwordVariable == null ? "" : " --password-env " + ShellWords.quote(passwordVariable)));
    }

    /** The environment variable the secret is to be read from on each run, if one was given. */
    private Optional<String> variable() {
        return Optional.ofNullable(tokenVariable).or(() -> Optional.ofNullable(passwordVariable));
    }

    private String secret() {
        // quoted in messages and the prompt before the user name is checked
        return username == null ? "token" : "password of " + TerminalText.oneLine(username);
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
                    "nothing was stored; run " + again(registry) + " again");
        }
    }
}
