package io.prompd.client.cli;

import io.prompd.cli.CommandLines;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Name the registries prompd uses, choose the default and route scopes to them.",
        subcommands = {
            RegistryAddCommand.class,
            RegistryRemoveCommand.class,
            RegistryListCommand.class,
            RegistryDefaultCommand.class,
        })
final class RegistryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw CommandLines.subcommandRequired(spec);
    }
}
