package io.prompd.client.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code registry} subcommand taking a configured registry's name was given: the name, or a URL or a folder's
 * path, which the command refuses saying which name it takes. A path is taken as its folder's file:// URL, to match
 * with the configured registries: refused as no URL, it sent the user to type that URL, to be refused again for it.
 * A word that may be a name and is also a folder of the working folder carries both readings: which holds is known
 * only from the configuration, where the name comes first.
 *
 * @param registry the name, the URL, or the folder's file:// URL
 * @param folder   the path as given, when it was a folder's
 * @param asFolder for a name that is also a folder of the working folder, what it is as that folder: {@code rega}
 *                 in the folder where {@code registry add a file://$PWD/rega} was run names no registry, but the
 *                 folder of registry {@code a}
 */
public record GivenRegistry(RegistryRef registry, Optional<String> folder, Optional<GivenRegistry> asFolder) {

    public GivenRegistry {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(asFolder, "asFolder");
        if (asFolder.isPresent() && !(registry instanceof RegistryName)) {
            throw new IllegalArgumentException("only a name has a reading as a folder, not " + registry);
        }
    }

    /**
     * @param workingFolder the folder a relative path, or a word naming a folder, is relative to
     * @throws IllegalArgumentException as {@link RegistryRef#parse} for what is no path nor folder
     */
    public static GivenRegistry parse(String text, Path workingFolder) {
        Optional<GivenRegistry> folder = RegistryUrl.ofFolderPath(text, workingFolder)
                .map(url -> new GivenRegistry(url, Optional.of(text.strip()), Optional.empty()));
        return folder.isPresent() && !RegistryName.isValid(text.strip()) ? folder.get()
                : new GivenRegistry(RegistryRef.parse(text), Optional.empty(), folder);
    }
}
