package io.prompd.generator.build;

import io.prompd.core.protocol.Urls;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build and where.
 *
 * @param repository the registry's Git repository (bare, a {@code .git} folder or a working tree)
 * @param revision   the revision to build, such as {@code HEAD} or {@code main}
 * @param out        the output folder; replaced as a whole when the build succeeds
 * @param baseUrl    where the output will be served, to write absolute URLs; empty for relative ones; its path as
 *                   {@link Urls#pathAsSent} writes it
 * @param force      build even when the commit serves again versions that the output's build took down, or leaves
 *                   out versions it served with no takedown record
 * @param allowUnreadHeadMeta build another commit than HEAD's even when a meta.json of HEAD's whose takedowns the
 *                   build applies does not read: a switch of its own, since --force lets a takedown of the output's
 *                   be served again, which this says nothing of
 * @param workingFolder the folder the build runs in, from where the git commands its hints suggest are to find the
 *                   repository
 */
public record BuildOptions(Path repository, String revision, Path out, Optional<URI> baseUrl, boolean force,
                           boolean allowUnreadHeadMeta, Path workingFolder) {

    public BuildOptions {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(revision, "revision");
        out = out.toAbsolutePath().normalize();
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl.ifPresent(url -> {
            if (!url.isAbsolute() || !url.toString().endsWith("/")) {
                throw new IllegalArgumentException("the base URL must be absolute and end with '/': " + url);
            }
        });
        // written into every document as a client sends it and records it in its lock, however it was typed
        baseUrl = baseUrl.map(Urls::asSent);
        Objects.requireNonNull(workingFolder, "workingFolder");
        if (out.getParent() == null) {
            throw new IllegalArgumentException("the output folder cannot be a file system root: " + out);
        }
    }
}
