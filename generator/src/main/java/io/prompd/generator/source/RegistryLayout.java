package io.prompd.generator.source;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Optional;

/** Where things live in a registry repository: the one place that knows the folder layout. */
final class RegistryLayout {

    static final String PACKAGES = "packages";
    static final String MANIFEST = "prompd.json";

    private RegistryLayout() {
    }

    static String packageFolder(PackageName name) {
        return PACKAGES + "/" + name;
    }

    static String versionFolder(PackageName name, Version version) {
        return packageFolder(name) + "/" + version;
    }

    static String metaFile(PackageName name) {
        return packageFolder(name) + "/" + PackageMeta.FILE;
    }

    /**
     * The version whose manifest is at the path ({@code packages/<name>/<version>/prompd.json}),
     * or empty for any other path, including folders that are not a valid name or version.
     */
    static Optional<PackageVersion> manifestOwner(String path) {
        String[] parts = path.split("/", -1);
        boolean scoped = parts.length > 1 && parts[1].startsWith("@");
        int expectedLength = scoped ? 5 : 4;
        if (parts.length != expectedLength || !parts[0].equals(PACKAGES)
                || !parts[expectedLength - 1].equals(MANIFEST)) {
            return Optional.empty();
        }
        String name = scoped ? parts[1] + "/" + parts[2] : parts[1];
        String version = parts[expectedLength - 2];
        if (!PackageName.check(name).isEmpty() || !Version.isValid(version)) {
            return Optional.empty();
        }
        return Optional.of(new PackageVersion(PackageName.parse(name), Version.parse(version)));
    }
}
