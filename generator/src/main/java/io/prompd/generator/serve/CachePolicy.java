package io.prompd.generator.serve;

import io.prompd.core.protocol.RegistryLayout;

/**
 * The {@code Cache-Control} of each file of a static registry, as generator/README.md documents
 * it for CDNs: what never changes once published (tarballs and version documents) is cached
 * forever, what changes with every publication only briefly.
 */
final class CachePolicy {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";

    private static final String TARBALL_FOLDER = "/" + RegistryLayout.TARBALL_FOLDER + "/";
    private static final String PACKUMENT = "/" + RegistryLayout.PACKUMENT_FILE;

    private CachePolicy() {
    }

    /** @param path the file's path below the registry root, with {@code /} separators and no leading {@code /} */
    static String cacheControl(String path) {
        boolean inPackages = path.startsWith(RegistryLayout.PACKAGES_FOLDER + "/");
        boolean tarball = inPackages && path.contains(TARBALL_FOLDER) && path.endsWith(".tgz");
        boolean versionDocument = inPackages && path.endsWith(".json") && !path.endsWith(PACKUMENT);
        return tarball || versionDocument ? IMMUTABLE : SHORT;
    }
}
