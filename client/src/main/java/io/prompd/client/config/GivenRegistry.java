package io.prompd.client.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code registry} subcommand taking a configured registry's name was given: the name, or a URL or a folder's
 * path, which the command refuses saying which name it takes. A path is taken as its folder's file:// URL, to match
 * with the configured registries: refused as no URL, it sent the user to type that URL, to be refused again for it.
 *
 * @param registry the name, the URL, or the folder's file:// URL
 * @param folder   the path as given, when it was a folder's
 */
public record GivenRegistry(RegistryRef registry, Optional<String> folder) {

    public GivenRegistry {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(folder, "folder");
    }

    /**
     * @param workingFolder the folder a relative path is relative to
     * @throws IllegalArgumentException as {@link RegistryRef#parse} for what is no path
     */
    public static GivenRegistry parse(String text, Path workingFolder) {
        return RegistryUrl.ofFolderPath(text, workingFolder)
                .map(url -> new GivenRegistry(url, Optional.of(text.strip())))
                .orElseGet(() -> new GivenRegistry(RegistryRef.parse(text), Optional.empty()));
    }
}
