package io.prompd.client.cli;

import io.prompd.client.config.RegistryName;
import io.prompd.client.config.RegistryUrl;
import io.prompd.client.config.Scope;
import java.util.function.Function;
import picocli.CommandLine;

/** Turn arguments into configuration values, so a malformed one is a usage error naming its rule. */
final class ConfigConverters {

    private ConfigConverters() {
    }

    private static <T> T converted(String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException invalid) {
            throw new CommandLine.TypeConversionException(invalid.getMessage());
        }
    }

    static final class ToRegistryName implements CommandLine.ITypeConverter<RegistryName> {
        @Override
        public RegistryName convert(String text) {
            return converted(text, RegistryName::parse);
        }
    }

    static final class ToRegistryUrl implements CommandLine.ITypeConverter<RegistryUrl> {
        @Override
        public RegistryUrl convert(String text) {
            return converted(text, RegistryUrl::parse);
        }
    }

    static final class ToScope implements CommandLine.ITypeConverter<Scope> {
        @Override
        public Scope convert(String text) {
            return converted(text, Scope::parse);
        }
    }
}
