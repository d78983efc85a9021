package io.prompd.client.install.registry;

import io.prompd.client.http.ProgressListener;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** What installing needs of registries: their documents and their tarballs. */
public interface PackageRegistry {

    /** The package's {@code index.json}; empty when the registry serving its name has no such package. */
    Optional<PublishedPackage> find(PackageName name);

    /**
     * One version's {@code <version>.json}, with its README and prompts, beside {@code published}, its package's
     * {@code index.json} listing the version, which it must agree with on the tarball and the dependencies an install
     * takes from that index.
     *
     * @throws PrompdException NETWORK as {@link ListedButMissing} when the registry has not got it: the index listed
     *                          it
     */
    VersionDocument versionDocument(PublishedPackage published, Version version);

    /**
     * Every package name of the registry serving {@code near}'s name, to suggest names.
     *
     * @throws MissingDocument when the registry has no list of its names or a web page came in its place, and
     *                         {@link DamagedDocument} when it came damaged: both for whoever keeps the registry
     */
    List<PackageName> packageNames(PackageName near);

    /**
     * Downloads a version's tarball to {@code target}, which appears only with the expected integrity. The URL a lock
     * file recorded, or the registry's index gave, is used while it is {@linkplain
     * RegistryEndpoint#isOwnTarball(PackageName, URI, boolean) one of the package's tarballs} of the registry now
     * serving the package's name, which a URL its index gives for the version is when the registry holds it; once it
     * is not (a mirror's, a moved
     * registry's, a copied folder's, another registry's below its URL, a CDN's address of the tarball), the version is
     * taken from the registry's own tarball path first, and the recorded URL is the fallback when that one lacks the
     * tarball, has other bytes, or cannot be read (down, failing, refusing), both failures said when it fails too. The
     * integrity pins the bytes either way.
     *
     * @param locked  the tarball URL recorded when the version was resolved
     * @param indexed whether the registry's index gives the version's tarball at {@code locked}
     * @param source  where {@code locked} was read, which a failure of both names
     * @param size    the tarball's length as the registry's index records it for this integrity, if it does
     * @return the URL that gave the tarball, and how the registry serving the name failed, when the recorded URL gave
     *         it in its place
     * @throws io.prompd.core.PrompdException INTEGRITY when the bytes differ, NETWORK when offline or unreachable or
     *                                        a web page came instead
     */
    Downloaded download(PackageName name, Version version, URI locked, boolean indexed, UrlSource source, Path target,
                        Integrity integrity, OptionalLong size, ProgressListener progress);

    /**
     * Downloads a version's tarball to {@code target} from the URL a lock file recorded alone, outside the registry now
     * serving the package's name, whose copy is no locked one: its index lacks the version or lists other bytes for it,
     * or, {@code unreadable}, could not be read, as a web page or nothing of a registry answered in its place.
     *
     * @param unreadable how the registry's index failed, said before the recorded URL's failure when that fails too;
     *                   empty when its index lacks the version, which the caller tells by the index
     * @throws io.prompd.core.PrompdException as {@link #download}
     */
    void downloadRecorded(PackageName name, Version version, URI locked, Optional<PrompdException> unreadable,
                          Path target, Integrity integrity, OptionalLong size, ProgressListener progress);

    /**
     * How the registry serving the package's name now differs from the one whose URL a lock recorded for the version;
     * empty when the recorded URL is {@linkplain RegistryEndpoint#isOwnTarball(PackageName, URI, boolean) one of its
     * tarballs} of the package, as {@link #download} reads it.
     *
     * @param indexed whether the registry's index gives the version's tarball at {@code recorded}
     */
    Optional<RouteChange> routeChange(PackageName name, LockedPackage locked, boolean indexed);

    /**
     * The same registries read as an {@code --offline} run reads them, from the cache alone, changing nothing: for a
     * run that failed online to ask whether one with {@code --offline} would get further. A registry that fetches
     * nothing over a network is its own.
     */
    PackageRegistry cacheOnly();

    /** How many of its requests may be in flight at once: more threads sending them would only queue. */
    int maxConcurrent();

    /**
     * As {@link RegistryRoutes#servingNone}: why no package has a registry to ask (none is configured), in the words
     * asking would fail with; empty when some has.
     */
    Optional<PrompdException> servingNone();

    /** The registry serving the package's name, as messages name it. */
    String describe(PackageName name);

    /**
     * How the hints of its failures, and of what is read from it, spell the prompd commands they suggest: as the run
     * it serves names them, its {@code --home} with them.
     */
    SuggestedCommands commands();

    /** As {@link RegistryEndpoint#scopeRouting}, of the registry serving the package's name. */
    Optional<String> scopeRouting(PackageName name);

    /** Whether every version of the package can be had with no network, offline too (a registry in a folder). */
    boolean isAtHand(PackageName name);

    /**
     * Deletes what runs killed midway left in the registries' local cache, and says what; a registry without one has
     * none.
     */
    List<Path> removeLeftovers() throws IOException;
}
