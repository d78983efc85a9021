package io.prompd.client.cli;

import io.prompd.client.config.ConfigKey;
import io.prompd.client.config.ConfigStore;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Print the value of one configuration key; credentials show their kind and"
            + " where the secret is kept (token (set), token from $VAR), never the secret.",
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
        String value = parsed.get(ConfigStore.of(root.settings()).read()).orElseThrow(() -> new PrompdException(
                ExitCode.NOT_FOUND, "'" + parsed + "' is not set", root.commands().quoted("config list")
                + " shows what is set"));
        if (parsed instanceof ConfigKey.DefaultRegistry) {
            root.registryOverrideNote().ifPresent(spec.commandLine().getErr()::println);
        }
        spec.commandLine().getOut().print(value + "\n");
        return ExitCode.OK.code();
    }
}
