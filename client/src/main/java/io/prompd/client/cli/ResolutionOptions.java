package io.prompd.client.cli;

import io.prompd.client.install.InstallOptions;
import io.prompd.core.resolve.Strategy;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --resolution}: which versions commands that resolve choose. */
final class ResolutionOptions {

    @Option(names = "--resolution", paramLabel = "highest|lowest", defaultValue = "highest",
            converter = StrategyConverter.class, completionCandidates = StrategyNames.class,
            description = "Which allowed versions to choose: the one the 'latest' dist-tag names, else the newest"
                    + " (default), or the oldest to test lower bounds.")
    Strategy strategy;

    InstallOptions options(boolean frozen) {
        return new InstallOptions(strategy, frozen, false);
    }

    private static String typed(Strategy strategy) {
        return strategy.name().toLowerCase(Locale.ROOT);
    }

    /** Strategies as users type them, in lower case. */
    static final class StrategyConverter implements ITypeConverter<Strategy> {
        @Override
        public Strategy convert(String value) {
            return Arrays.stream(Strategy.values())
                    .filter(strategy -> typed(strategy).equals(value))
                    .findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value
                            + "' is not a resolution; use highest or lowest"));
        }
    }

    /** What Tab offers after {@code --resolution}: the names the converter takes. */
    static final class StrategyNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Strategy.values()).map(ResolutionOptions::typed).iterator();
        }
    }
}
