package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.Scopes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a path a pull request changes is, in the registry's layout: a file of a version folder,
 * a package's meta.json, a settings file, one of the repository's own files, or none of these
 * (then {@link #reason} says why it does not fit).
 *
 * @param path    the repository path
 * @param kind    what the path is
 * @param name    the package, for version files and meta.json
 * @param version the version folder, for version files
 * @param reason  for {@link Kind#OTHER}, why the path is not allowed; empty otherwise
 */
record ChangedPath(String path, Kind kind, Optional<PackageName> name, Optional<Version> version, String reason) {

    static final String PACKAGES = "packages";

    /** Files of the repository itself (documentation, CI, Git settings), which maintainers look after. */
    private static final Set<String> REPOSITORY_FILES = Set.of("README.md", "CONTRIBUTING.md", "LICENSE",
            ".gitignore", ".gitattributes");
    private static final String REPOSITORY_FOLDER = ".github/";
    static final String LAYOUT_HINT =
            "put package files in packages/<name>/<version>/ and package settings in packages/<name>/meta.json";

    enum Kind {
        /** A file inside {@code packages/<name>/<version>/}. */
        VERSION_FILE,
        /** {@code packages/<name>/meta.json}. */
        META,
        /** {@code registry.json} or {@code scopes.json}. */
        SETTINGS,
        /** The repository's documentation and CI files. */
        REPOSITORY_FILE,
        /** Anything else: never allowed in a pull request. */
        OTHER
    }

    ChangedPath {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
    }

    static ChangedPath of(String path) {
        if (path.equals(RegistryConfig.FILE) || path.equals(Scopes.FILE)) {
            return simple(path, Kind.SETTINGS);
        }
        if (REPOSITORY_FILES.contains(path) || path.startsWith(REPOSITORY_FOLDER)) {
            return simple(path, Kind.REPOSITORY_FILE);
        }
        if (!path.startsWith(PACKAGES + "/")) {
            return other(path, "this file is not part of a registry: only packages/, registry.json, scopes.json"
                    + " and the repository's documentation and CI files may change");
        }
        return inPackages(path, List.of(path.split("/")));
    }

    private static ChangedPath inPackages(String path, List<String> parts) {
        boolean scoped = parts.size() > 1 && parts.get(1).startsWith("@");
        int nameParts = scoped ? 2 : 1;
        if (parts.size() < 2 + nameParts) {
            return other(path, "packages/ holds only package folders");
        }
        String nameText = String.join("/", parts.subList(1, 1 + nameParts));
        List<String> nameProblems = PackageName.check(nameText);
        if (!nameProblems.isEmpty()) {
            return other(path, "'" + nameText + "' is not a valid package name: " + String.join("; ", nameProblems));
        }
        PackageName name = PackageName.parse(nameText);
        String entry = parts.get(1 + nameParts);
        boolean directlyInPackage = parts.size() == 2 + nameParts;
        if (directlyInPackage) {
            return entry.equals(PackageMeta.FILE)
                    ? new ChangedPath(path, Kind.META, Optional.of(name), Optional.empty(), "")
                    : other(path, "a package folder holds only version folders and " + PackageMeta.FILE);
        }
        List<String> versionProblems = Version.check(entry);
        if (!versionProblems.isEmpty()) {
            return other(path, "the folder '" + entry + "' of " + name + " is not a version: "
                    + String.join("; ", versionProblems));
        }
        return new ChangedPath(path, Kind.VERSION_FILE, Optional.of(name), Optional.of(Version.parse(entry)), "");
    }

    private static ChangedPath simple(String path, Kind kind) {
        return new ChangedPath(path, kind, Optional.empty(), Optional.empty(), "");
    }

    private static ChangedPath other(String path, String reason) {
        return new ChangedPath(path, Kind.OTHER, Optional.empty(), Optional.empty(), reason);
    }

    /** The version whose folder holds this file, for {@link Kind#VERSION_FILE}. */
    Optional<PackageVersion> packageVersion() {
        return name.flatMap(packageName -> version.map(folder -> new PackageVersion(packageName, folder)));
    }

    /** {@code packages/<name>}: where problems about a whole package are reported. */
    static String packageFolder(PackageName name) {
        return PACKAGES + "/" + name;
    }

    /** {@code packages/<name>/<version>}: where problems about a whole version are reported. */
    static String versionFolder(PackageVersion version) {
        return packageFolder(version.name()) + "/" + version.version();
    }

    static String metaFile(PackageName name) {
        return packageFolder(name) + "/" + PackageMeta.FILE;
    }
}
