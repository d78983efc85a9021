package io.prompd.client.install;

import static io.prompd.core.SuggestedCommands.PLAIN;

import io.prompd.core.manifest.Manifest;
import io.prompd.core.manifest.ManifestReader;
import io.prompd.core.manifest.ManifestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Specs of real package folders. */
final class PackageSpecs {

    private PackageSpecs() {
    }

    /** {@code @scope/name@version} of the package in the folder. */
    static String nameIn(Path folder) throws IOException {
        Manifest manifest = read(folder).manifest().orElseThrow();
        return manifest.name() + "@" + manifest.version();
    }

    static boolean isValid(Path folder) throws IOException {
        return read(folder).manifest().isPresent();
    }

    private static ManifestResult read(Path folder) throws IOException {
        return ManifestReader.read(ManifestReader.FILE_NAME,
                Files.readAllBytes(folder.resolve(ManifestReader.FILE_NAME)), PLAIN);
    }
}
