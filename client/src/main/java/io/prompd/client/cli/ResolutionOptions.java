package io.prompd.client.cli;

import io.prompd.client.install.InstallOptions;
import io.prompd.core.resolve.Strategy;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --resolution} and {@code --frozen}: how commands that resolve and lock do it. */
final class ResolutionOptions {

    @Option(names = "--resolution", paramLabel = "highest|lowest", defaultValue = "highest",
            converter = StrategyConverter.class,
            description = "Which allowed versions to choose: the newest (default), or the oldest to test lower bounds.")
    Strategy strategy;

    @Option(names = "--frozen", description = "Fail (exit 4) instead of changing prompd.json or prompd.lock, as CI wants.")
    boolean frozen;

    InstallOptions options() {
        return new InstallOptions(strategy, frozen);
    }

    /** Strategies as users type them, in lower case. */
    static final class StrategyConverter implements ITypeConverter<Strategy> {
        @Override
        public Strategy convert(String value) {
            return Arrays.stream(Strategy.values())
                    .filter(strategy -> strategy.name().toLowerCase(Locale.ROOT).equals(value))
                    .findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a resolution; use highest or lowest"));
        }
    }
}
