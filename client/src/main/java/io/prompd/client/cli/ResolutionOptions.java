package io.prompd.client.cli;

import io.prompd.client.install.InstallOptions;
import io.prompd.core.resolve.Strategy;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --resolution} and {@code --frozen}: how commands that resolve and lock do it. */
final class ResolutionOptions {

    /** The strategies as users type them. */
    enum Resolution {
        highest(Strategy.HIGHEST),
        lowest(Strategy.LOWEST);

        private final Strategy strategy;

        Resolution(Strategy strategy) {
            this.strategy = strategy;
        }
    }

    @Option(names = "--resolution", paramLabel = "highest|lowest", defaultValue = "highest",
            description = "Which allowed versions to choose: the newest (default), or the oldest to test lower bounds.")
    Resolution resolution;

    @Option(names = "--frozen", description = "Fail (exit 4) instead of changing prompd.json or prompd.lock, as CI wants.")
    boolean frozen;

    InstallOptions options() {
        return new InstallOptions(resolution.strategy, frozen);
    }

    @Override
    public String toString() {
        return resolution.name().toLowerCase(Locale.ROOT) + (frozen ? ", frozen" : "");
    }
}
