package io.prompd.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code -v/--verbose} option of both tools, mixed into the root command. Its scope lets it
 * stand before or after any subcommand, and picocli binds every inherited copy to this one field. Only {@code prompd}
 * asks registries for anything: {@code prompd-registry} builds one, and lists no request.
 */
public final class VerboseOption {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces and more detail on errors, and each request to a registry as it ends.")
    private boolean verbose;

    public boolean isOn() {
        return verbose;
    }
}
