package io.prompd.core.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.prompd.core.SortedCopies;
import java.time.Instant;
import java.util.Objects;
import java.util.SortedMap;

/**
 * {@code registry.json}: a registry's description of itself. The client reads it when a package is
 * missing or a document unreadable, to tell a wrong registry URL or a newer protocol from those.
 *
 * @param protocolVersion {@link RegistryLayout#PROTOCOL_VERSION} of the build; a client that cannot read a
 *                        registry's documents names a newer one as the reason
 * @param name            the registry's display name
 * @param git             clone URL of the registry repository, where packages are published by pull request
 * @param isPrivate       whether reading the registry needs credentials
 * @param commit          the registry commit the files were built from
 * @param generatedAt     that commit's time, so two builds of one commit are identical
 * @param urls            URL templates of the other documents ({@link RegistryLayout#urlTemplates()}),
 *                        relative to this document unless the build was given a base URL
 * @param counts          how many packages and versions the registry serves
 */
public record RegistryDocument(int protocolVersion, String name, String git,
                               @JsonProperty("private") boolean isPrivate, String commit, Instant generatedAt,
                               SortedMap<String, String> urls, Counts counts) {

    public RegistryDocument {
        if (protocolVersion < 1) {
            throw new IllegalArgumentException("protocolVersion must be positive: " + protocolVersion);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(git, "git");
        commit = Checks.commitId(commit);
        Objects.requireNonNull(generatedAt, "generatedAt");
        urls = SortedCopies.map(Objects.requireNonNull(urls, "urls"));
        Objects.requireNonNull(counts, "counts");
    }

    /**
     * @param packages packages with at least one version
     * @param versions versions of all packages, yanked ones included
     */
    public record Counts(int packages, int versions) {

        public Counts {
            Checks.notNegative(packages, "packages");
            Checks.notNegative(versions, "versions");
        }
    }
}
