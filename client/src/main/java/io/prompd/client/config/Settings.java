package io.prompd.client.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What every client service needs to know about where it runs, decided once from options,
 * environment variables and defaults, so services never read the environment themselves.
 *
 * @param home      the prompd home folder ({@code --home}, {@code PROMPD_HOME}, or {@code ~/.prompd})
 * @param registry  a registry URL or name chosen for this run ({@code --registry}, {@code PROMPD_REGISTRY}),
 *                  overriding the configured default
 * @param offline   use only the cache and what is installed
 * @param verbosity how much to tell on stderr
 */
public record Settings(Path home, Optional<String> registry, boolean offline, Verbosity verbosity) {

    public static final String HOME_VARIABLE = "PROMPD_HOME";
    public static final String REGISTRY_VARIABLE = "PROMPD_REGISTRY";
    public static final String HOME_FOLDER_NAME = ".prompd";

    public Settings {
        Objects.requireNonNull(home, "home");
        home = home.toAbsolutePath().normalize();
        Objects.requireNonNull(registry, "registry");
        registry = registry.filter(value -> !value.isBlank());
        Objects.requireNonNull(verbosity, "verbosity");
    }

    public Path configFile() {
        return home.resolve("config.json");
    }

    public Path packagesFolder() {
        return home.resolve("packages");
    }

    public Path cacheFolder() {
        return home.resolve("cache");
    }

    /** How much a command tells on stderr beside its result. */
    public enum Verbosity {
        QUIET,
        NORMAL,
        VERBOSE
    }
}
