package io.prompd.generator.build;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.prompd.core.SortedCopies;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Owners;
import io.prompd.core.version.Version;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Publication;
import io.prompd.generator.source.PublicationHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;

/**
 * {@value #FILE} in the output: what the build was made from, so the next build can tell which
 * packages changed without re-reading them and resume the publication history instead of walking
 * all of Git history again. It holds no paths and no clock time, so it is as reproducible as the
 * rest of the output.
 *
 * @param format   {@link #FORMAT} of the generator that wrote it; another format means a full rebuild
 * @param commit   the registry commit built
 * @param baseUrl  the base URL of absolute links, or null for relative links
 * @param packages every package with what its files were made from
 * @param vanished the versions an output served that a later build left out with no takedown record (a
 *                 rewritten history, a push past the check, a build going back to an older commit), to the
 *                 integrity of the tarball served: a number lock files pin, which no other tarball may take;
 *                 empty in the state of a generator before this record
 */
record BuildState(int format, String commit, String baseUrl, SortedMap<PackageName, PackageState> packages,
                  SortedMap<PackageName, SortedMap<Version, Integrity>> vanished) {

    static final String FILE = ".prompd-build.json";

    /** Bumped whenever the same inputs would give different output files, so old output is never reused. */
    static final int FORMAT = 3;

    BuildState {
        Objects.requireNonNull(commit, "commit");
        packages = SortedCopies.map(packages);
        SortedMap<PackageName, SortedMap<Version, Integrity>> copies = new TreeMap<>();
        if (vanished != null) {
            vanished.forEach((name, versions) -> copies.put(name, SortedCopies.map(versions)));
        }
        vanished = Collections.unmodifiableSortedMap(copies);
    }

    /**
     * Everything a package's files depend on. Equal states give equal files, so a package whose
     * state did not change is carried over without being read.
     *
     * @param versions every version with its source tree and publication
     * @param meta     the package's meta.json
     * @param owners   who may publish it
     */
    record PackageState(SortedMap<Version, VersionState> versions, PackageMeta meta, Owners owners) {

        PackageState {
            versions = SortedCopies.map(versions);
            Objects.requireNonNull(meta, "meta");
            Objects.requireNonNull(owners, "owners");
        }
    }

    /**
     * @param tree        the Git tree of the version folder: same tree, same tarball
     * @param commit      the commit that published it
     * @param publishedAt that commit's time
     */
    record VersionState(String tree, String commit, Instant publishedAt) {

        VersionState {
            Objects.requireNonNull(tree, "tree");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(publishedAt, "publishedAt");
        }
    }

    /** The state of a previous build in the folder, if it has one this generator can use. */
    static Optional<BuildState> read(Path out) throws IOException {
        Path file = out.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        BuildState state;
        try {
            state = Json.read(Files.readAllBytes(file), BuildState.class);
        } catch (IOException | IllegalArgumentException unreadable) {
            // a damaged or foreign state file only costs a full build
            return Optional.empty();
        }
        return state.format() == FORMAT ? Optional.of(state) : Optional.empty();
    }

    /**
     * What the previous build in the folder was made of, read without its packages: enough to
     * tell that nothing changed. The writer sorts keys, so these fields come before
     * {@code packages}, and reading stops there instead of going through megabytes of package states.
     *
     * @param baseUrl null for relative links
     */
    record Header(int format, String commit, String baseUrl) {

        static Optional<Header> read(Path out) throws IOException {
            Path file = out.resolve(FILE);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            int format = 0;
            String commit = null;
            String baseUrl = null;
            try (JsonParser parser = Json.reader().createParser(file.toFile())) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return Optional.empty();
                }
                for (String field = parser.nextFieldName(); field != null && !field.equals("packages");
                     field = parser.nextFieldName()) {
                    parser.nextToken();
                    switch (field) {
                        case "format" -> format = parser.getValueAsInt();
                        case "commit" -> commit = parser.getValueAsString();
                        case "baseUrl" -> baseUrl = parser.getValueAsString();
                        default -> parser.skipChildren();
                    }
                }
            } catch (JsonProcessingException unreadable) {
                return Optional.empty();
            }
            return commit == null || !ObjectId.isId(commit) ? Optional.empty()
                    : Optional.of(new Header(format, commit, baseUrl));
        }

        /** Whether a build of this commit with these options would write exactly what the folder holds. */
        boolean isBuildOf(String otherCommit, Optional<String> otherBaseUrl) {
            return format == FORMAT && commit.equals(otherCommit) && Objects.equals(baseUrl, otherBaseUrl.orElse(null));
        }
    }

    boolean sameOptions(Optional<String> otherBaseUrl) {
        return Objects.equals(baseUrl, otherBaseUrl.orElse(null));
    }

    /** The publication history recorded here, to be updated to a later commit. */
    PublicationHistory history() {
        SortedMap<PackageVersion, Publication> publications = new TreeMap<>();
        packages.forEach((name, state) -> state.versions().forEach((version, versionState) ->
                publications.put(new PackageVersion(name, version),
                        new Publication(ObjectId.fromString(versionState.commit()), versionState.publishedAt()))));
        return new PublicationHistory(ObjectId.fromString(commit), publications);
    }
}
