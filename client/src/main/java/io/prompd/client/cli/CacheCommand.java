package io.prompd.client.cli;

import picocli.CommandLine.Command;

@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Check or empty the download cache (<home>/cache): tarballs by integrity, registry documents by URL.",
        subcommands = {CacheVerifyCommand.class, CacheCleanCommand.class})
final class CacheCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say 'prompd cache verify' or 'prompd cache clean'");
    }
}
