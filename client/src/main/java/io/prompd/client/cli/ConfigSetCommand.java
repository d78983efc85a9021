package io.prompd.client.cli;

import io.prompd.client.config.Config;
import io.prompd.client.config.ConfigKey;
import io.prompd.client.config.ConfigStore;
import io.prompd.client.config.RegistryName;
import io.prompd.client.config.RegistryUrl;
import io.prompd.core.ExitCode;
import io.prompd.core.SuggestedCommands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Set one configuration key. Credentials are not set here but with 'prompd login'.",
            // one a line, short enough that the help never wraps them, and in an order that works when pasted
            "Examples:",
            "  prompd config set registries.acme https://prompd.acme.example/",
            "  prompd config set scopes.@acme acme",
            "  prompd config set registry acme",
            "  prompd config set http.timeout 60"})
final class ConfigSetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "registry, registries.NAME, scopes.@SCOPE,"
            + " http.timeout or http.retries")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "A registry URL, or the name of a"
            + " configured registry; for http.timeout the seconds each wait on a registry may last (1 to 3600), for"
            + " http.retries how often a request that failed is tried again (0 to 10).")
    String value;

    private final PrompdCommand root;

    ConfigSetCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        SuggestedCommands commands = root.commands();
        ConfigKey parsed = ConfigKey.parse(key, commands);
        ConfigStore.Change change = ConfigStore.of(root.settings())
                .update(config -> parsed.set(config, value, commands), LockWaits.on(spec.commandLine().getErr()));
        Config before = change.before();
        Config after = change.after();
        spec.commandLine().getOut().print(parsed + " = " + parsed.get(after).orElseThrow() + "\n");
        if (parsed instanceof ConfigKey.NamedRegistry named) {
            credentialsLeftBehind(named.name(), before, after, commands);
        }
        return ExitCode.OK.code();
    }

    /**
     * Credentials belong to a URL, and go only to its host: a name moved to another URL leaves them
     * behind, and the user should hear it before the next install is refused.
     */
    private void credentialsLeftBehind(RegistryName name, Config before, Config after, SuggestedCommands commands) {
        RegistryUrl was = before.registries().get(name);
        RegistryUrl now = after.registries().get(name);
        if (was != null && !was.equals(now) && before.credentialsFor(was).isPresent()
                && after.credentialsFor(now).isEmpty()) {
            spec.commandLine().getErr().println("note: the credentials stored for " + was + " stay with that URL;"
                    + " " + commands.quoted("login --registry " + name) + " stores some for " + now);
        }
    }
}
