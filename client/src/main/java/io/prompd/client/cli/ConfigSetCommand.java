package io.prompd.client.cli;

import io.prompd.client.config.ConfigKey;
import io.prompd.client.config.ConfigStore;
import io.prompd.core.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Set one configuration key. Credentials are not set here but with 'prompd login'.",
            "Examples: prompd config set registry work; prompd config set scopes.@acme https://prompd.acme.example/"})
final class ConfigSetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "registry, registries.NAME or scopes.@SCOPE")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "A registry URL, or the name of a configured registry.")
    String value;

    private final PrompdCommand root;

    ConfigSetCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        ConfigKey parsed = ConfigKey.parse(key);
        String written = parsed.get(ConfigStore.of(root.settings()).update(config -> parsed.set(config, value)))
                .orElseThrow();
        spec.commandLine().getOut().print(parsed + " = " + written + "\n");
        return ExitCode.OK.code();
    }
}
