package io.prompd.client.cli;

import io.prompd.client.config.GivenRegistry;
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

    /**
     * A name, or a URL or a folder's path, for a command that tells the user which of the three it takes and which
     * name the URL or folder is configured under. Given the root by the command line's factory, so a relative path is
     * taken from the run's working folder.
     */
    static final class ToGivenRegistry implements CommandLine.ITypeConverter<GivenRegistry> {
        private final PrompdCommand root;

        ToGivenRegistry(PrompdCommand root) {
            this.root = root;
        }

        @Override
        public GivenRegistry convert(String text) {
            return converted(text, given -> GivenRegistry.parse(given, root.context().workingDirectory()));
        }
    }

    /**
     * Given the root by the command line's factory, so a folder path is named by its URL from the run's working folder.
     */
    static final class ToRegistryUrl implements CommandLine.ITypeConverter<RegistryUrl> {
        private final PrompdCommand root;

        ToRegistryUrl(PrompdCommand root) {
            this.root = root;
        }

        @Override
        public RegistryUrl convert(String text) {
            return converted(text, url -> RegistryUrl.parse(url, root.context().workingDirectory()));
        }
    }

    static final class ToScope implements CommandLine.ITypeConverter<Scope> {
        @Override
        public Scope convert(String text) {
            return converted(text, Scope::parse);
        }
    }
}
