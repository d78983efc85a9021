package io.prompd.core.protocol;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Where each document of a static registry lives, relative to the registry's root URL. The
 * generator writes these paths and the client reads them; this class is the only place that
 * knows them.
 *
 * <pre>
 * registry.json                                   the registry's own description
 * packages.json                                   every package, one line each
 * packages/@scope/name/index.json                 a package and all its versions (npm's packument)
 * packages/@scope/name/1.2.0.json                 one version, with its prompts and README
 * packages/@scope/name/-/name-1.2.0.tgz           the tarball of that version
 * schemas/prompd.schema.json                      the JSON Schema of prompd.json
 * </pre>
 */
public final class RegistryLayout {

    /** Bumped on any change a client of the previous version could misread. */
    public static final int PROTOCOL_VERSION = 1;

    /** The URL schemes a client reads a registry over, lower case: its documents and its tarballs. */
    public static final Set<String> URL_SCHEMES = Set.of("https", "http", "file");

    /** Whether a URL, a registry's or a tarball's, is a {@code file:} one: its scheme in any letter case. */
    public static boolean isFileUrl(URI url) {
        return "file".equalsIgnoreCase(url.getScheme());
    }

    public static final String REGISTRY_DOCUMENT = "registry.json";
    public static final String PACKAGE_LIST = "packages.json";
    public static final String PACKAGES_FOLDER = "packages";
    public static final String MANIFEST_SCHEMA = "schemas/prompd.schema.json";
    public static final String PACKUMENT_FILE = "index.json";
    public static final String TARBALL_FOLDER = "-";

    private RegistryLayout() {
    }

    /** {@code packages/@scope/name}: also the human URL of the package once the site writes its {@code index.html}. */
    public static String packageFolder(PackageName name) {
        return PACKAGES_FOLDER + "/" + name;
    }

    public static String packument(PackageName name) {
        return packageFolder(name) + "/" + PACKUMENT_FILE;
    }

    public static String versionDocument(PackageName name, Version version) {
        return packageFolder(name) + "/" + versionDocumentFileName(version);
    }

    public static String versionDocumentFileName(Version version) {
        return version + ".json";
    }

    public static String tarball(PackageName name, Version version) {
        return packageFolder(name) + "/" + tarballInPackageFolder(name, version);
    }

    /**
     * The tarball's path relative to the folder holding the package's documents: the URL written
     * in {@code index.json} and {@code <version>.json}, which resolve it against their own URL.
     */
    public static String tarballInPackageFolder(PackageName name, Version version) {
        return TARBALL_FOLDER + "/" + tarballFileName(name, version);
    }

    public static String tarballFileName(PackageName name, Version version) {
        return name.name() + "-" + version + ".tgz";
    }

    /**
     * The root of the registry whose tarball of the version {@code url} is, read from its path; empty when the path
     * does not end as this layout's tarball path of the version.
     */
    public static Optional<URI> rootOfTarball(URI url, PackageName name, Version version) {
        String text = url.toString();
        String tarball = url(tarball(name, version));
        return text.endsWith("/" + tarball)
                ? Optional.of(URI.create(text.substring(0, text.length() - tarball.length()))) : Optional.empty();
    }

    /**
     * A path of this layout as it goes into a URL. A version may hold {@code +} (build metadata),
     * which is legal in a URL path, but some static hosts (Amazon S3 among them) read a literal
     * {@code +} as a space; encoded, it reaches every host as {@code +}. Every other character a
     * name or version may hold is safe in a URL as it is.
     */
    public static String url(String path) {
        return path.replace("+", "%2B");
    }

    /**
     * URL templates published in {@code registry.json} so other tools need not hard-code the layout. A client fills
     * {@code {name}}, {@code {baseName}} and {@code {version}} with the values as written, each {@code +} as
     * {@code %2B}, which gives the URLs {@link #url} makes of this class's paths (generator/README.md tells clients
     * so).
     */
    public static java.util.SortedMap<String, String> urlTemplates() {
        return new java.util.TreeMap<>(java.util.Map.of(
                "packages", PACKAGE_LIST,
                "package", PACKAGES_FOLDER + "/{name}/" + PACKUMENT_FILE,
                "version", PACKAGES_FOLDER + "/{name}/{version}.json",
                "tarball", PACKAGES_FOLDER + "/{name}/" + TARBALL_FOLDER + "/{baseName}-{version}.tgz",
                "schema", MANIFEST_SCHEMA));
    }
}
