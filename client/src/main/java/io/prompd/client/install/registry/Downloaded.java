package io.prompd.client.install.registry;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a version's tarball was downloaded from, which a lock entry the run writes for it records: the URL asked for,
 * or the registry's own tarball path, which {@link PackageRegistry#download} reads first when that URL lies outside the
 * registry serving the name.
 *
 * @param url     the URL that gave the bytes
 * @param problem how the registry serving the name failed to give the tarball, when the URL asked for, outside it, gave
 *                it in its place, in the words of the fetch, which do not name the registry
 */
public record Downloaded(URI url, Optional<String> problem) {

    public Downloaded {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(problem, "problem");
    }
}
