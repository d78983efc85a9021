package io.prompd.client.config;

import io.prompd.client.files.ReadOnlyDisks;
import io.prompd.core.SuggestedCommands;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every client service needs to know about where it runs, decided once from options,
 * environment variables and defaults, so services never read the environment themselves.
 * {@code --verbose} is not among them: services never print, and only the command line's failure
 * report changes with it.
 *
 * @param home      the prompd home folder ({@code --home}, {@code PROMPD_HOME}, or {@code $HOME/.prompd})
 * @param registry  a registry URL or name chosen for this run ({@code --registry}, {@code PROMPD_REGISTRY}),
 *                  overriding the configured default
 * @param offline   use only the cache and what is installed
 * @param proxyVariables those of {@link #PROXY_VARIABLES} that are set, with their values
 * @param caFile    a PEM file of CA certificates to trust beside Java's ({@code PROMPD_CA_FILE})
 * @param clientKeyStore the key store of a client certificate for registries requiring one (the JDK's properties)
 * @param http      the limits of requests chosen for this run ({@code PROMPD_HTTP_TIMEOUT},
 *                  {@code PROMPD_HTTP_RETRIES}), which win over the configuration's
 * @param commands  how hints spell the prompd commands they suggest: with {@code --home} when that chose the home
 */
public record Settings(Path home, Optional<String> registry, boolean offline,
                       Map<String, String> proxyVariables, Optional<Path> caFile,
                       Optional<ClientKeyStore> clientKeyStore, HttpLimits http, SuggestedCommands commands) {

    public static final String HOME_VARIABLE = "PROMPD_HOME";
    public static final String REGISTRY_VARIABLE = "PROMPD_REGISTRY";
    public static final String OFFLINE_VARIABLE = "PROMPD_OFFLINE";
    public static final String CA_FILE_VARIABLE = "PROMPD_CA_FILE";
    public static final String HTTP_TIMEOUT_VARIABLE = "PROMPD_HTTP_TIMEOUT";
    public static final String HTTP_RETRIES_VARIABLE = "PROMPD_HTTP_RETRIES";
    public static final String HOME_FOLDER_NAME = ".prompd";
    /** The user's home folder, where {@link #HOME_FOLDER_NAME} lies by default. */
    public static final String USER_HOME_VARIABLE = "HOME";
    /** The configuration's file in the home. */
    public static final String CONFIG_FILE_NAME = "config.json";
    /** The store's folder in the home. */
    public static final String PACKAGES_FOLDER_NAME = "packages";
    /** The HTTP cache's folder in the home. */
    public static final String CACHE_FOLDER_NAME = "cache";
    /** The environment variables that choose proxies, as curl, pip, npm and cargo read them. */
    public static final List<String> PROXY_VARIABLES = List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY",
            "no_proxy", "NO_PROXY");

    public Settings {
        Objects.requireNonNull(home, "home");
        home = home.toAbsolutePath().normalize();
        Objects.requireNonNull(registry, "registry");
        registry = registry.filter(value -> !value.isBlank());
        proxyVariables = Map.copyOf(proxyVariables);
        caFile = caFile.map(file -> file.toAbsolutePath().normalize());
        Objects.requireNonNull(clientKeyStore, "clientKeyStore");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(commands, "commands");
    }

    /**
     * What chose a run's registry in place of the default, as messages name it: {@code --registry} when the commands
     * suggested carry it, as they do the option alone, else {@code $PROMPD_REGISTRY}.
     */
    public static String registrySource(SuggestedCommands commands) {
        return commands.registry().isPresent() ? "--registry" : "$" + REGISTRY_VARIABLE;
    }

    /** The variable that sets {@code limit} for a run, over the configuration's: {@code PROMPD_HTTP_TIMEOUT}. */
    public static String limitVariable(HttpLimits.Limit limit) {
        return switch (limit) {
            case TIMEOUT -> HTTP_TIMEOUT_VARIABLE;
            case RETRIES -> HTTP_RETRIES_VARIABLE;
        };
    }

    public Path configFile() {
        return home.resolve(CONFIG_FILE_NAME);
    }

    public Path packagesFolder() {
        return packagesFolder(home);
    }

    /** The store's folder in a home, for a command that reads it without the other settings. */
    public static Path packagesFolder(Path home) {
        return home.resolve(PACKAGES_FOLDER_NAME);
    }

    public Path cacheFolder() {
        return home.resolve(CACHE_FOLDER_NAME);
    }

    /**
     * Fails naming the home when {@code refused}, a lock of the home's, was refused as the disk is read-only: the home
     * is what to move, whichever of its locks (the store's, the configuration's) the command took. Any other refusal is
     * left to the caller. It lies here, with the home's variable, as the files package lies below this one.
     */
    public static void requireWritableHome(FileSystemException refused, Path home) {
        ReadOnlyDisks.requireWritable(refused, "the home " + home, "point " + HOME_VARIABLE + " or --home at a folder"
                + " on a writable disk");
    }
}
