package io.prompd.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.SortedCopies;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A configuration file whose only problems are credential entries this prompd cannot use: of fields of a kind it does
 * not know, as a newer prompd may write, or of values it cannot read. Their problems advise logging in again, so
 * {@code login} replaces the entry of the registry it logs in to and {@code logout} removes it; the file's other
 * entries stay as they are, those still unusable included, which a newer prompd may read.
 *
 * @param without the configuration the file holds, less the unusable entries: enough to tell which registry a login
 *                or a logout is for
 * @param entries the unusable entries as the file holds them, by the registry URL they are for
 */
record UnusableCredentials(Config without, SortedMap<RegistryUrl, JsonNode> entries) {

    UnusableCredentials {
        Objects.requireNonNull(without, "without");
        entries = SortedCopies.map(Objects.requireNonNull(entries, "entries"));
    }

    /**
     * The file once a change of {@link #without} has set or removed the credentials of {@code registry}, whose
     * unusable entry it replaces: the other unusable entries are written back as the file held them.
     */
    byte[] json(Config changed, RegistryUrl registry) {
        SortedMap<RegistryUrl, JsonNode> kept = new TreeMap<>(entries);
        kept.remove(registry);
        return ConfigJson.write(changed, kept);
    }
}
