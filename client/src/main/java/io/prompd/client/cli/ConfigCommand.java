package io.prompd.client.cli;

import io.prompd.cli.CommandLines;
import io.prompd.client.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = {
            "Show and change the configuration in " + Settings.CONFIG_FILE_NAME + " of the prompd home.",
            "Keys: registry (the default registry), registries.NAME, scopes.@SCOPE, credentials.URL, http.timeout"
                + " (seconds each wait on a registry may last) and http.retries (tries again of a failed request)."},
        subcommands = {
            ConfigGetCommand.class,
            ConfigSetCommand.class,
            ConfigUnsetCommand.class,
            ConfigListCommand.class,
        })
final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw CommandLines.subcommandRequired(spec);
    }
}
