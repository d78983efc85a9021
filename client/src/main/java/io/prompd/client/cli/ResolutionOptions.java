package io.prompd.client.cli;

import io.prompd.cli.Choices;
import io.prompd.client.install.InstallOptions;
import io.prompd.core.resolve.Strategy;
import picocli.CommandLine.Option;

/** {@code --resolution}: which versions commands that resolve choose. */
final class ResolutionOptions {

    @Option(names = "--resolution", paramLabel = "highest|lowest", defaultValue = "highest",
            converter = StrategyChoices.class, completionCandidates = StrategyChoices.class,
            description = "Which allowed versions to choose: the one the 'latest' dist-tag names, else the newest"
                    + " (default), or the oldest to test lower bounds.")
    Strategy strategy;

    InstallOptions options(boolean frozen) {
        return new InstallOptions(strategy, frozen, false);
    }

    /** Strategies as users type them, in lower case. */
    static final class StrategyChoices extends Choices<Strategy> {
        StrategyChoices() {
            super(Strategy.class, "resolution");
        }
    }
}
