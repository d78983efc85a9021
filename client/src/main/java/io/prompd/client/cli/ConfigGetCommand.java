package io.prompd.client.cli;

import io.prompd.client.config.Config;
import io.prompd.client.config.ConfigKey;
import io.prompd.client.config.ConfigStore;
import io.prompd.client.config.RegistryChooser;
import io.prompd.client.config.RegistryRef;
import io.prompd.client.config.Settings;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Print the value of one configuration key; credentials show their kind and"
            + " where the secret is kept (token (set), token from $VAR), never the secret.",
            "For registry, the one in effect, as npm config get registry: --registry, else $"
                + Settings.REGISTRY_VARIABLE + ", else the configured default; a note on stderr says which of the"
                + " first two chose it.",
            "Exits " + ExitCode.Codes.NOT_FOUND + " when the key is not set."})
final class ConfigGetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "registry, registries.NAME, scopes.@SCOPE,"
            + " credentials.URL, http.timeout or http.retries")
    String key;

    private final PrompdCommand root;

    ConfigGetCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        ConfigKey parsed = ConfigKey.parse(key, root.commands());
        Settings settings = root.settings();
        Config config = ConfigStore.of(settings).read();
        Optional<String> configured = parsed.get(config);
        // the registry in effect, as npm config get registry gives it: a script asking which registry a run uses is
        // to be told the one --registry or $PROMPD_REGISTRY chooses, which every install of this run would use
        Optional<RegistryRef> chosen = parsed instanceof ConfigKey.DefaultRegistry
                ? RegistryChooser.overrideOf(config, settings.registry(), settings.commands()) : Optional.empty();
        String value = chosen.map(RegistryRef::toString).or(() -> configured).orElseThrow(() -> new PrompdException(
                ExitCode.NOT_FOUND, "'" + parsed + "' is not set", root.commands().quoted("config list")
                + " shows what is set"));
        String inPlaceOf = configured.map(file -> " in place of the configured default, " + file)
                .orElse("; no default is configured");
        chosen.ifPresent(ref -> spec.commandLine().getErr().println("note: "
                + Settings.registrySource(settings.commands()) + " chooses it" + inPlaceOf
                + "; routed scopes keep their registries"));
        spec.commandLine().getOut().print(value + "\n");
        return ExitCode.OK.code();
    }
}
