package io.prompd.client.config;

/**
 * How a configuration or an option names a registry: by a configured {@link RegistryName} or
 * directly by its {@link RegistryUrl}.
 */
public sealed interface RegistryRef permits RegistryName, RegistryUrl {

    /**
     * A URL when the text holds a {@code :} or is a path (no registry name can be either), else a name.
     *
     * @throws IllegalArgumentException saying what is wrong with the URL or the name; for a path, which URL to give
     */
    static RegistryRef parse(String text) {
        return text.contains(":") || RegistryUrl.isPath(text) ? RegistryUrl.parse(text) : RegistryName.parse(text);
    }
}
