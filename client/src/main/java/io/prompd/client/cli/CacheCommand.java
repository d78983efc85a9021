package io.prompd.client.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Check or empty the download cache (<home>/cache): tarballs by integrity,"
                + " registry documents by URL; verify checks the installed versions against the tarballs too.",
        subcommands = {CacheVerifyCommand.class, CacheCleanCommand.class})
final class CacheCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private final PrompdCommand root;

    CacheCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say " + root.commands().quoted("cache verify") + " or "
                + root.commands().quoted("cache clean"));
    }
}
