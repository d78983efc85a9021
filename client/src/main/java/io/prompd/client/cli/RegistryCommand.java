package io.prompd.client.cli;

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
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: add, remove, list or"
                + " default");
    }
}
