package io.prompd.core.protocol;

import io.prompd.core.archive.Integrity;
import io.prompd.core.problem.ProblemReport;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a version's tarball is and how to check it, as npm's {@code dist}.
 *
 * @param tarball      URL of the tarball, relative to the document holding this record unless absolute, when it is
 *                     over one of {@link RegistryLayout#URL_SCHEMES}; its path as {@link Urls#pathAsSent} writes it
 * @param integrity    sha512 of the tarball's bytes
 * @param size         bytes of the tarball
 * @param fileCount    files in the tarball
 * @param unpackedSize bytes of the files once unpacked
 */
public record Dist(String tarball, Integrity integrity, long size, int fileCount, long unpackedSize) {

    /** How much of a tarball URL that is no URL a message quotes: one can be as long as the document. */
    private static final int QUOTED = 200;

    public Dist {
        Objects.requireNonNull(tarball, "tarball");
        // as a client sends it, and so as the lock records it, whichever way the registry wrote it
        tarball = Urls.asSent(downloadable(tarball)).toString();
        Objects.requireNonNull(integrity, "integrity");
        Checks.notNegative(size, "size");
        Checks.notNegative(fileCount, "fileCount");
        Checks.notNegative(unpackedSize, "unpackedSize");
    }

    /**
     * A tarball URL a client can download from, else the document holding it is damaged: read only at the download,
     * one that is no URL (a space, a line break, a broken %-escape) would fail there as an internal error, and one over
     * another scheme (ftp:, data:, jar:) as if the user's registry URL were wrong, after reaching prompd.lock.
     */
    private static URI downloadable(String tarball) {
        URI url;
        try {
            url = new URI(tarball);
        } catch (URISyntaxException invalid) {
            throw new IllegalArgumentException("the tarball URL '"
                    + ProblemReport.abbreviated(Urls.shown(tarball), QUOTED) + "' is not a valid URL: "
                    + MalformedUrls.reason(tarball, invalid));
        }
        String scheme = url.getScheme();
        if (scheme != null && !RegistryLayout.URL_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the tarball URL's scheme, " + scheme + ":, is none prompd downloads"
                    + " over: a tarball is read over https://, http:// or file://, or relative to its index.json");
        }
        return url;
    }
}
