package io.prompd.client.cli;

import io.prompd.cli.Choices;
import io.prompd.client.install.InstallOptions;
import io.prompd.core.resolve.Strategy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --resolution}: which versions commands that resolve choose. */
final class ResolutionOptions {

    @Option(names = "--resolution", paramLabel = "highest|lowest", defaultValue = "highest",
            converter = StrategyChoices.class, completionCandidates = StrategyChoices.class,
            description = "Which allowed versions to choose: the one the 'latest' dist-tag names, else the newest"
                    + " (default), or the oldest to test lower bounds. It chooses only versions prompd.lock does not"
                    + " hold: install keeps the locked ones, warning of those it would not choose; update resolves"
                    + " the packages it moves anew.")
    Strategy strategy;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    InstallOptions options(boolean frozen) {
        // given as highest, the default, it is asked for all the same: an install keeping other versions says so
        return new InstallOptions(strategy, frozen, false,
                command.commandLine().getParseResult().hasMatchedOption("--resolution"));
    }

    /** Strategies as users type them, in lower case. */
    static final class StrategyChoices extends Choices<Strategy> {
        StrategyChoices() {
            super(Strategy.class, "resolution");
        }
    }
}
