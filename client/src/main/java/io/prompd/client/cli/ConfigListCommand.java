package io.prompd.client.cli;

import io.prompd.cli.JsonOption;
import io.prompd.client.config.Config;
import io.prompd.client.config.ConfigKey;
import io.prompd.client.config.ConfigStore;
import io.prompd.client.config.Settings;
import io.prompd.core.ExitCode;
import io.prompd.core.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = "Print every configuration key that is set, sorted, as KEY = VALUE; credentials show"
            + " their kind and where the secret is kept (token (set), token from $VAR), never the secret;"
            + " with --json, as fields.")
final class ConfigListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption output;

    private final PrompdCommand root;

    ConfigListCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = root.settings();
        Config config = ConfigStore.of(settings).read();
        SortedMap<String, ConfigKey.Value> values = ConfigKey.values(config);
        PrintWriter out = spec.commandLine().getOut();
        root.registryOverrideNote(config).ifPresent(spec.commandLine().getErr()::println);
        root.limitOverrideNotes().forEach(spec.commandLine().getErr()::println);
        if (output.isJson()) {
            SortedMap<String, Object> json = new TreeMap<>();
            values.forEach((key, value) -> json.put(key, asJson(value, settings.configFile())));
            out.print(Json.writeString(json) + "\n");
        } else if (values.isEmpty()) {
            spec.commandLine().getErr().println("note: nothing is set in " + settings.configFile() + "; "
                    + settings.commands().quoted("registry add NAME URL --default") + " sets a registry");
        } else {
            values.forEach((key, value) -> out.print(key + " = " + value.describe() + "\n"));
        }
        return ExitCode.OK.code();
    }

    /**
     * Credentials as {@link CredentialsView#asJson} gives them in place of the words shown, a limit as its number, a
     * setting as text.
     */
    private static Object asJson(ConfigKey.Value value, Path configFile) {
        if (value instanceof ConfigKey.Value.OfCredentials credentials) {
            return CredentialsView.asJson(credentials.credentials(), configFile);
        }
        return value instanceof ConfigKey.Value.Amount amount ? amount.number() : value.describe();
    }
}
