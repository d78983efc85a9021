package io.prompd.client.cli;

import io.prompd.cli.CommandLines;
import io.prompd.client.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "cache", mixinStandardHelpOptions = true,
        description = "Check or empty the download cache (<home>/" + Settings.CACHE_FOLDER_NAME + "): tarballs by"
                + " integrity,"
                + " registry documents by URL; verify checks the installed versions against the tarballs too.",
        subcommands = {CacheVerifyCommand.class, CacheCleanCommand.class})
final class CacheCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw CommandLines.subcommandRequired(spec);
    }
}
