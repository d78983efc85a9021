package io.prompd.core.testing;

import io.prompd.core.manifest.Manifest;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Dist;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Version documents and index entries for tests that need a few of their fields: each given by name, in a manifest,
 * and made into a document as the build makes it ({@link VersionDocument#of}), so a new field changes no test.
 */
public final class TestVersions {

    /** The commit that published every version made here. */
    public static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    /** The package of the entries {@link #summary} makes: an index's entry does not name it. */
    private static final PackageName ANY_PACKAGE = PackageName.parse("@test/any");

    private TestVersions() {
    }

    /** A version with the manifest's fields, served at {@code dist}, with no prompt file nor README. */
    public static VersionDocument document(Manifest manifest, Dist dist, Instant publishedAt) {
        return VersionDocument.of(manifest, dist, publishedAt, COMMIT, new TreeMap<>(), Optional.empty());
    }

    /**
     * index.json's entry for a version with these dependencies and nothing else its manifest could say, published at
     * the epoch.
     *
     * @param yanked     why it was withdrawn, or null
     * @param deprecated the maintainers' warning, or null
     */
    public static VersionSummary summary(Version version, SortedMap<PackageName, VersionRange> dependencies,
                                         Dist dist, String yanked, String deprecated) {
        Manifest manifest = Manifest.of(ANY_PACKAGE, version).toBuilder().dependencies(dependencies).build();
        return document(manifest, dist, Instant.EPOCH).summary(yanked, deprecated);
    }
}
