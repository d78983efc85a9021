package io.prompd.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code -v/--verbose} option of both tools, mixed into the root command. Its scope lets it
 * stand before or after any subcommand, and picocli binds every inherited copy to this one field.
 */
public final class VerboseOption {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show stack traces and more detail on errors.")
    private boolean verbose;

    public boolean isOn() {
        return verbose;
    }
}
