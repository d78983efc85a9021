package io.prompd.client.install.lock;

import io.prompd.core.SortedCopies;
import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Urls;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.net.URI;
import java.util.Objects;
import java.util.SortedMap;

/**
 * One package version as {@code prompd.lock} pins it: enough to install it again without asking
 * the registry anything.
 *
 * @param version      the chosen version
 * @param resolved     the tarball's absolute URL, without user information, so no credential is ever written, and
 *                     without its query and fragment, which may hold one too (a pre-signed URL's signature): the
 *                     lock is committed, and a download takes the URL with its query from the registry's index;
 *                     its path as {@link Urls#pathAsSent} writes it
 * @param integrity    the tarball's integrity, checked before anything is unpacked
 * @param dependencies what this version declares, to check the lock still holds without the registry
 */
public record LockedPackage(Version version, URI resolved, Integrity integrity,
                            SortedMap<PackageName, VersionRange> dependencies) {

    public LockedPackage {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(integrity, "integrity");
        if (!resolved.isAbsolute()) {
            throw new IllegalArgumentException("a locked tarball URL must be absolute: " + resolved);
        }
        if (resolved.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a locked tarball URL must not hold user information");
        }
        // the registry's spelling of it, whichever a lock written by hand or by an older prompd holds
        resolved = Urls.asSent(recordable(resolved));
        dependencies = SortedCopies.map(Objects.requireNonNull(dependencies, "dependencies"));
    }

    /**
     * The URL without its query and fragment: what a lock records of a tarball URL, which {@link #resolved} says why.
     * An older prompd wrote them, and a lock it wrote is read without them.
     */
    public static URI recordable(URI url) {
        if (url.getRawQuery() == null && url.getRawFragment() == null) {
            return url;
        }
        // neither '?' nor '#' stands unescaped before the query and fragment they start
        String text = url.toString();
        int query = text.indexOf('?');
        int fragment = text.indexOf('#');
        return URI.create(text.substring(0, query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment)));
    }

    /** This entry with the tarball at another URL: the one its bytes were downloaded from. */
    public LockedPackage withResolved(URI url) {
        return new LockedPackage(version, url, integrity, dependencies);
    }

    // written out for start-up time, as PackageName's: a warm install compares the lock it read with the one it plans
    @Override
    public boolean equals(Object other) {
        return other instanceof LockedPackage that && version.equals(that.version) && resolved.equals(that.resolved)
                && integrity.equals(that.integrity) && dependencies.equals(that.dependencies);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, resolved, integrity, dependencies);
    }
}
