package io.prompd.generator.build;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.PrompdException;
import io.prompd.core.SortedCopies;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import io.prompd.core.json.JsonSyntaxError;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Owners;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import io.prompd.generator.source.PackageMeta;
import io.prompd.generator.source.PackageVersion;
import io.prompd.generator.source.Publication;
import io.prompd.generator.source.PublicationHistory;
import io.prompd.generator.source.Removal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * @param unmet    the dependencies of the versions served that no version served met ({@link UnmetDependencies}),
 *                 by package and version: a next build that serves every version this one could install, and more,
 *                 judges again only these and the versions it builds, reading no document it carries over
 * @param externalScopes the policy's external scopes these were judged under, whose packages count as met
 * @param vanished the versions an output served that a later build left out with no takedown record (a
 *                 rewritten history, a push past the check, a build going back to an older commit), to the
 *                 integrity of the tarball served: a number lock files pin, which no other tarball may take;
 *                 empty in the state of a generator before this record
 * @param removed  the publication history's {@linkplain PublicationHistory#removed removed versions}, each to its
 *                 removal, so that a build resuming the history still finds the files of a version taken down after
 *                 it was removed, and those a number added back must hold
 */
record BuildState(int format, String commit, String baseUrl, SortedMap<PackageName, PackageState> packages,
                  SortedMap<PackageName, SortedMap<Version, SortedMap<PackageName, VersionRange>>> unmet,
                  SortedSet<String> externalScopes,
                  SortedMap<PackageName, SortedMap<Version, Integrity>> vanished,
                  SortedMap<PackageName, SortedMap<Version, RemovedVersion>> removed) {

    static final String FILE = ".prompd-build.json";

    /** Bumped whenever the same inputs would give different output files, so old output is never reused. */
    // not 10, which a79bbfea's states have, reverted since: read as one of this shape, such a state would be damaged
    static final int FORMAT = 11;

    /** The format since which a build writes the {@code index.json} of a package with no version left too. */
    private static final int INDEXES_EVERY_PACKAGE_SINCE = 3;

    BuildState {
        Objects.requireNonNull(commit, "commit");
        packages = SortedCopies.map(packages);
        SortedMap<PackageName, SortedMap<Version, SortedMap<PackageName, VersionRange>>> copied = new TreeMap<>();
        unmet.forEach((name, ofPackage) -> copied.put(name, SortedCopies.nested(Objects.requireNonNull(
                ofPackage, () -> "no value for the key " + name))));
        unmet = Collections.unmodifiableSortedMap(copied);
        externalScopes = SortedCopies.set(externalScopes);
        // a state of this format always has both, written as {} when empty: one without is damaged, not empty
        vanished = SortedCopies.nested(vanished);
        removed = SortedCopies.nested(removed);
    }

    /**
     * Everything a package's files depend on. Equal states give equal files, so a package whose
     * state did not change is carried over without being read.
     *
     * @param versions  every version with its source tree and publication
     * @param meta      the package's meta.json
     * @param owners    who may publish it
     * @param updatedAt the time of the last commit that changed the package's folder
     * @param takenDown of the versions meta.json takes down, those whose folder the history still holds, to its Git
     *                  tree as {@link #removed} has it: same tree, same integrity of the tarball taken down
     */
    record PackageState(SortedMap<Version, VersionState> versions, PackageMeta meta, Owners owners,
                        Instant updatedAt, SortedMap<Version, String> takenDown) {

        PackageState {
            versions = SortedCopies.map(versions);
            Objects.requireNonNull(meta, "meta");
            Objects.requireNonNull(owners, "owners");
            Objects.requireNonNull(updatedAt, "updatedAt");
            takenDown = SortedCopies.map(takenDown);
            if (!meta.takenDown().keySet().containsAll(takenDown.keySet())) {
                throw new IllegalArgumentException("a tarball taken down of a version meta.json does not take down: "
                        + takenDown.keySet());
            }
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

    /**
     * A {@link Removal} as the state records it.
     *
     * @param tree        the Git tree of the folder removed
     * @param commit      the commit that published it
     * @param publishedAt that commit's time
     * @param removedIn   the commit that deleted it
     */
    record RemovedVersion(String tree, String commit, Instant publishedAt, String removedIn) {

        RemovedVersion {
            Objects.requireNonNull(tree, "tree");
            Objects.requireNonNull(commit, "commit");
            Objects.requireNonNull(publishedAt, "publishedAt");
            Objects.requireNonNull(removedIn, "removedIn");
        }

        private static RemovedVersion of(Removal removal) {
            return new RemovedVersion(removal.tree().name(), removal.publication().commit().name(),
                    removal.publication().time(), removal.removedIn().name());
        }

        private Removal removal() {
            return new Removal(ObjectId.fromString(tree), new Publication(ObjectId.fromString(commit), publishedAt),
                    ObjectId.fromString(removedIn));
        }
    }

    /**
     * The folder's state file, read once and its header parsed; empty when the folder has none.
     *
     * @throws PrompdException when the folder has a state file that is not whole JSON naming a commit, read to its
     *                         end so that a file cut short is not taken for the build of its commit
     */
    static Optional<StateFile> readFile(Path out) throws IOException {
        Optional<byte[]> text = text(out);
        return text.isEmpty() ? Optional.empty()
                : Optional.of(new StateFile(out, Header.of(out, text.get()), text.get()));
    }

    /**
     * A state file as read: its header, parsed at once since it tells whether the folder holds the very build asked
     * for, and its packages, parsed only for a build that must compare with them.
     */
    static final class StateFile {

        private final Path out;
        private final Header header;
        private final byte[] text;

        private StateFile(Path out, Header header, byte[] text) {
            this.out = out;
            this.header = header;
            this.text = text;
        }

        Header header() {
            return header;
        }

        /**
         * The previous build's whole state, if this generator can use it: empty when it is of another format, whose
         * output is rebuilt in full.
         *
         * @throws PrompdException when the packages cannot be read, which a build must not take for none: that would
         *                         turn off the guards against changing and leaving out served versions
         */
        Optional<BuildState> state() throws IOException {
            if (header.format() != FORMAT) {
                return Optional.empty();
            }
            try {
                return Optional.of(Json.read(text, BuildState.class));
            } catch (JsonProcessingException unreadable) {
                throw damaged(out, JsonSyntaxError.of(unreadable, text).placeAndReason());
            } catch (IllegalArgumentException unreadable) {
                throw damaged(out, unreadable.getMessage());
            }
        }

        /**
         * The {@link #vanished} numbers of a state of another format, kept across the upgrade since lock files pin
         * them: the field has meant the same since format 3, which brought it, and a state of an earlier format has
         * none.
         *
         * @throws PrompdException when the field does not read as such numbers: a build must not drop them
         */
        SortedMap<PackageName, SortedMap<Version, Integrity>> vanished() throws IOException {
            try {
                return Json.read(text, Vanished.class).vanished();
            } catch (JsonProcessingException unreadable) {
                throw damaged(out, "its vanished numbers do not read: "
                        + JsonSyntaxError.of(unreadable, text).placeAndReason());
            } catch (IllegalArgumentException unreadable) {
                throw damaged(out, "its vanished numbers do not read: " + unreadable.getMessage());
            }
        }

        /**
         * The packages a state of another format lists as built whose {@code index.json} its build wrote: every one
         * since format {@value #INDEXES_EVERY_PACKAGE_SINCE}, which brought the index of a package with no version
         * left, and each with a version before;
         * every format so far keys its {@code packages} by name. A build needs them to tell a package whose
         * {@code index.json} is gone from one never served, which nothing would guard.
         *
         * @throws PrompdException when a key of its packages is no package name
         */
        SortedSet<PackageName> indexedPackages() throws IOException {
            SortedSet<PackageName> listed = new TreeSet<>();
            for (Map.Entry<String, JsonNode> built : Json.reader().readTree(text).path("packages").properties()) {
                if (!PackageName.check(built.getKey()).isEmpty()) {
                    throw damaged(out, "its packages list '" + built.getKey() + "', which is no package name");
                }
                if (header.format() >= INDEXES_EVERY_PACKAGE_SINCE || !built.getValue().path("versions").isEmpty()) {
                    listed.add(PackageName.parse(built.getKey()));
                }
            }
            return Collections.unmodifiableSortedSet(listed);
        }
    }

    /** The one field of a state of another format that a build carries over. */
    record Vanished(SortedMap<PackageName, SortedMap<Version, Integrity>> vanished) {

        Vanished {
            // a state of a format before 3 has none
            vanished = SortedCopies.nested(vanished == null ? Map.of() : vanished);
        }
    }

    /** The bytes of the folder's state file; empty when it has none. */
    private static Optional<byte[]> text(Path out) throws IOException {
        Path file = out.resolve(FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw damaged(out, "it is not a file");
        }
        return Optional.of(Files.readAllBytes(file));
    }

    private static PrompdException damaged(Path out, String why) {
        return OutputFolder.damaged(out, FILE, why, "it records what the build in " + out + " was made from and"
                + " serves, without which a build could not refuse to leave out or change a version it serves");
    }

    /**
     * What the previous build in the folder was made of, read without its packages: enough to
     * tell that nothing changed. The rest of the file is only parsed, to its end, not read into package states.
     *
     * @param baseUrl null for relative links
     */
    record Header(int format, String commit, String baseUrl) {

        private static Header of(Path out, byte[] text) throws IOException {
            int format = 0;
            String commit = null;
            String baseUrl = null;
            try (JsonParser parser = Json.reader().createParser(text)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw damaged(out, "it holds no JSON object");
                }
                for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                    parser.nextToken();
                    switch (field) {
                        case "format" -> format = parser.getValueAsInt();
                        case "commit" -> commit = parser.getValueAsString();
                        case "baseUrl" -> baseUrl = parser.getValueAsString();
                        default -> parser.skipChildren();
                    }
                }
                if (parser.nextToken() != null) {
                    throw damaged(out, "content follows the end of its JSON object");
                }
            } catch (JsonProcessingException unreadable) {
                throw damaged(out, JsonSyntaxError.of(unreadable, text).placeAndReason());
            }
            if (commit == null || !ObjectId.isId(commit)) {
                throw damaged(out, "it names no commit");
            }
            return new Header(format, commit, baseUrl);
        }

        /** Whether a build of this commit with these options would write exactly what the folder holds. */
        boolean isBuildOf(String otherCommit, Optional<String> otherBaseUrl) {
            return format == FORMAT && commit.equals(otherCommit) && Objects.equals(baseUrl, otherBaseUrl.orElse(null));
        }
    }

    boolean sameOptions(Optional<String> otherBaseUrl) {
        return Objects.equals(baseUrl, otherBaseUrl.orElse(null));
    }

    /**
     * The publication history recorded here, to be updated to a later commit; empty when this state holds no
     * publication of some version its commit has: a build of another commit than HEAD leaves out the versions HEAD
     * takes down, their folders in the commit standing for the files taken down. Updated from here, the history would
     * know of no publication for the commit that deletes such a folder to remove, and so of no removal: the takedown's
     * record of the tarball it took down would be lost to every later build.
     */
    Optional<PublicationHistory> resumableHistory() {
        boolean leftOutAtHead = packages.entrySet().stream().anyMatch(entry -> entry.getValue().takenDown().keySet()
                .stream().anyMatch(version -> !removed.getOrDefault(entry.getKey(), Collections.emptySortedMap())
                        .containsKey(version)));
        return leftOutAtHead ? Optional.empty() : Optional.of(history());
    }

    private PublicationHistory history() {
        SortedMap<PackageVersion, Publication> publications = new TreeMap<>();
        SortedMap<PackageName, Instant> lastChanges = new TreeMap<>();
        packages.forEach((name, state) -> {
            state.versions().forEach((version, versionState) -> publications.put(new PackageVersion(name, version),
                    new Publication(ObjectId.fromString(versionState.commit()), versionState.publishedAt())));
            lastChanges.put(name, state.updatedAt());
        });
        SortedMap<PackageVersion, Removal> removals = new TreeMap<>();
        removed.forEach((name, versions) -> versions.forEach((version, removal) ->
                removals.put(new PackageVersion(name, version), removal.removal())));
        return new PublicationHistory(ObjectId.fromString(commit), publications, lastChanges, removals);
    }

    /** {@link PublicationHistory#removed}, as this state records it. */
    static SortedMap<PackageName, SortedMap<Version, RemovedVersion>> removed(PublicationHistory history) {
        SortedMap<PackageName, SortedMap<Version, RemovedVersion>> removed = new TreeMap<>();
        history.removed().forEach((version, removal) -> removed.computeIfAbsent(version.name(),
                any -> new TreeMap<>()).put(version.version(), RemovedVersion.of(removal)));
        return removed;
    }
}
