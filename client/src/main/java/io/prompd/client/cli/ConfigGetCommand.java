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
            "For http.timeout and http.retries too, the value in effect: $" + Settings.HTTP_TIMEOUT_VARIABLE + " or $"
                + Settings.HTTP_RETRIES_VARIABLE + ", else the configured one; a note on stderr names the variable.",
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
        Optional<InEffect> chosen = inEffect(parsed, config, settings);
        String value = chosen.map(InEffect::value).or(() -> configured).orElseThrow(() -> new PrompdException(
                ExitCode.NOT_FOUND, "'" + parsed + "' is not set", root.commands().quoted("config list")
                + " shows what is set"));
        chosen.ifPresent(effect -> spec.commandLine().getErr().println("note: " + effect.source() + configured
                .map(file -> " in place of the configured " + effect.setting() + ", " + file)
                .orElse("; no " + effect.setting() + " is configured") + effect.more()));
        spec.commandLine().getOut().print(value + "\n");
        return ExitCode.OK.code();
    }

    /**
     * The value in effect for this run where an option or a variable sets it over the configuration's, as npm config
     * get registry gives it: a script asking which registry, or which timeout, a run uses is to be told the one every
     * command of this run would use. {@code --registry} or {@code $PROMPD_REGISTRY} for the registry,
     * {@code $PROMPD_HTTP_TIMEOUT} or {@code $PROMPD_HTTP_RETRIES} for a limit.
     */
    private static Optional<InEffect> inEffect(ConfigKey key, Config config, Settings settings) {
        if (key instanceof ConfigKey.DefaultRegistry) {
            return RegistryChooser.overrideOf(config, settings.registry(), settings.commands())
                    .map(ref -> new InEffect(ref.toString(), Settings.registrySource(settings.commands())
                            + " chooses it", "default", "; routed scopes keep their registries"));
        }
        if (key instanceof ConfigKey.HttpLimit limit) {
            return limit.limit().of(settings.http()).stream().mapToObj(number -> new InEffect(Integer.toString(number),
                    "$" + Settings.limitVariable(limit.limit()) + " sets it", "value", "")).findFirst();
        }
        return Optional.empty();
    }

    /**
     * A value an option or a variable sets for the run.
     *
     * @param source  what sets it, as the note says: {@code $PROMPD_HTTP_TIMEOUT sets it}
     * @param setting what the configuration's value is called: {@code default}, {@code value}
     * @param more    what the note adds after that
     */
    private record InEffect(String value, String source, String setting, String more) {
    }
}
