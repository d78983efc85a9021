package io.prompd.generator.check;

import io.prompd.core.name.PackageName;
import io.prompd.core.problem.Problem;
import io.prompd.core.version.Version;
import io.prompd.generator.source.GitConversions;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.RegistryConfig;
import io.prompd.generator.source.RepositoryLayout;
import io.prompd.generator.source.Scopes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a path a pull request changes is, in the registry's layout: a file of a version folder,
 * a package's meta.json, a settings file, one of the repository's own files, or none of these
 * (then {@link #misfit} says why it does not fit).
 *
 * @param path    the repository path
 * @param kind    what the path is
 * @param name    the package, for version files and meta.json
 * @param version the version folder, for version files
 * @param misfit  for {@link Kind#OTHER}, the problem, reported at the folder that does not fit
 *                (a package name or version that is not one) or else at the file; empty otherwise
 * @param misnamedPackage for a misfit that is a package folder whose name is no package name, that name below
 *                packages/ ({@code @common/_util}), whose hint waits for the names in use ({@link AllowedPathsRule})
 */
record ChangedPath(String path, Kind kind, Optional<PackageName> name, Optional<Version> version,
                   Optional<Problem> misfit, Optional<String> misnamedPackage) {

    /** Files of the repository itself (documentation, CI, Git settings), which maintainers look after. */
    private static final Set<String> REPOSITORY_FILES = Set.of("README.md", "CONTRIBUTING.md", "LICENSE",
            ".gitignore", GitConversions.FILE);
    private static final String REPOSITORY_FOLDER = ".github/";

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
        Objects.requireNonNull(misnamedPackage, "misnamedPackage");
        if (misfit.isPresent() != (kind == Kind.OTHER)) {
            throw new IllegalArgumentException("a path has a misfit exactly when it is of kind OTHER: " + path);
        }
        if (misnamedPackage.isPresent() && misfit.isEmpty()) {
            throw new IllegalArgumentException("a misnamed package folder is a misfit: " + path);
        }
    }

    static ChangedPath of(String path) {
        if (path.equals(RegistryConfig.FILE) || path.equals(Scopes.FILE)) {
            return fitting(path, Kind.SETTINGS);
        }
        if (REPOSITORY_FILES.contains(path) || path.startsWith(REPOSITORY_FOLDER)) {
            return fitting(path, Kind.REPOSITORY_FILE);
        }
        if (!path.startsWith(RepositoryLayout.PACKAGES + "/")) {
            return other(path, outsideTheRegistry(path));
        }
        return inPackages(path, List.of(path.split("/")));
    }

    /** A submodule entry under packages/, whatever its place: never a package's files. */
    static ChangedPath embeddedRepository(String path) {
        return other(path, RepositoryLayout.embeddedRepository(path));
    }

    /** A symbolic link where a scope, package or version folder or a meta.json belongs. */
    static ChangedPath symbolicLink(String path) {
        return other(path, RepositoryLayout.symbolicLink(path));
    }

    private static Problem outsideTheRegistry(String path) {
        // named one by one: "documentation" left a maintainer adding SECURITY.md to guess which files count
        String allowed = "only packages/, " + RegistryConfig.FILE + ", " + Scopes.FILE + ", "
                + String.join(", ", new TreeSet<>(REPOSITORY_FILES)) + " and " + REPOSITORY_FOLDER + " may change";
        String hint = "put package files in packages/<name>/<version>/ and package settings in"
                + " packages/<name>/meta.json";
        int folderEnd = path.indexOf('/');
        return folderEnd < 0
                ? Problem.error(path, "", "this file is not part of a registry: " + allowed, hint)
                : Problem.error(path.substring(0, folderEnd), "", "this folder is not part of a registry: " + allowed,
                        hint);
    }

    private static ChangedPath inPackages(String path, List<String> parts) {
        boolean scoped = parts.size() > 1 && parts.get(1).startsWith("@");
        if (scoped) {
            Optional<Problem> scopeMisfit = RepositoryLayout.scopeMisfit(parts.get(1));
            if (scopeMisfit.isPresent()) {
                return other(path, scopeMisfit.get());
            }
        }
        int nameParts = scoped ? 2 : 1;
        if (parts.size() < 2 + nameParts) {
            return other(path, RepositoryLayout.fileInsteadOfPackageFolder(path));
        }
        String nameText = String.join("/", parts.subList(1, 1 + nameParts));
        Optional<Problem> nameMisfit = RepositoryLayout.packageNameMisfit(nameText);
        if (nameMisfit.isPresent()) {
            return new ChangedPath(path, Kind.OTHER, Optional.empty(), Optional.empty(), nameMisfit,
                    Optional.of(nameText));
        }
        PackageName name = PackageName.parse(nameText);
        String entry = parts.get(1 + nameParts);
        boolean directlyInPackage = parts.size() == 2 + nameParts;
        if (directlyInPackage) {
            return entry.equals(PackageMeta.FILE)
                    ? new ChangedPath(path, Kind.META, Optional.of(name), Optional.empty(), Optional.empty(),
                            Optional.empty())
                    : other(path, RepositoryLayout.strayFileInPackageFolder(name, path));
        }
        int inside = 2 + nameParts;
        Optional<Version> versionInside = parts.size() > inside + 1 && Version.isValid(parts.get(inside))
                ? Optional.of(Version.parse(parts.get(inside))) : Optional.empty();
        Optional<Problem> versionMisfit = RepositoryLayout.versionFolderMisfit(name, entry, versionInside);
        if (versionMisfit.isPresent()) {
            return other(path, versionMisfit.get());
        }
        return new ChangedPath(path, Kind.VERSION_FILE, Optional.of(name), Optional.of(Version.parse(entry)),
                Optional.empty(), Optional.empty());
    }

    private static ChangedPath fitting(String path, Kind kind) {
        return new ChangedPath(path, kind, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static ChangedPath other(String path, Problem misfit) {
        return new ChangedPath(path, Kind.OTHER, Optional.empty(), Optional.empty(), Optional.of(misfit),
                Optional.empty());
    }

    /** Where the change lies as a reader sees it: the folder that does not fit, or else the path itself. */
    String place() {
        return misfit.map(Problem::file).orElse(path);
    }

    /** The version whose folder holds this file, for {@link Kind#VERSION_FILE}. */
    Optional<PackageVersion> packageVersion() {
        return name.flatMap(packageName -> version.map(folder -> new PackageVersion(packageName, folder)));
    }
}
