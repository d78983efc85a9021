package io.prompd.generator.build;

import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.version.Version;
import java.net.URI;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The URLs written into documents: relative to the document that holds them, so the output works
 * from any host or folder, or absolute below a base URL when the build asks for it.
 */
record Links(Optional<URI> baseUrl) {

    /** The tarball's URL as written in the package's index.json and version documents, which share a folder. */
    String tarball(PackageName name, Version version) {
        return RegistryLayout.url(baseUrl.map(base -> base + RegistryLayout.tarball(name, version))
                .orElseGet(() -> RegistryLayout.tarballInPackageFolder(name, version)));
    }

    /** The URL templates of registry.json, which lies at the root, so relative templates are the layout's paths. */
    SortedMap<String, String> templates() {
        SortedMap<String, String> templates = new TreeMap<>(RegistryLayout.urlTemplates());
        baseUrl.ifPresent(base -> templates.replaceAll((key, path) -> base + path));
        return templates;
    }
}
