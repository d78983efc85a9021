package io.prompd.core.archive;

import java.util.Objects;

/**
 * A path that the package folder holds but the tarball will not.
 *
 * @param path   the file's path, or for an always-excluded folder its path with a trailing {@code /}
 *               (one line for a whole {@code .git/} rather than one per object)
 * @param reason why it is left out
 */
public record LeftOut(String path, Reason reason) {

    public LeftOut {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** Why a path is left out; {@code prompd validate} warns about {@link #SECRET}. */
    public enum Reason {
        /** Under {@code .git/}, {@code node_modules/} or {@code .prompd/}: tooling state, never package content. */
        ALWAYS_EXCLUDED,
        /** Named {@code .env} or {@code .env*}: it looks like secrets, and secrets must never be published. */
        SECRET,
        /**
         * A {@code .tgz} at the package root, such as the one {@code prompd pack} writes there by
         * default: packing it again would put each tarball inside the next.
         */
        TARBALL,
        /**
         * What systems and editors leave beside files ({@code .DS_Store}, {@code ._*}, {@code Thumbs.db},
         * {@code desktop.ini}, {@code *.swp}, {@code *~}) and a project's {@code prompd.lock}, which records
         * local URLs: never content, as npm never packs its package-lock.json.
         */
        CLUTTER,
        /** Matched by the manifest's {@code ignore} list. */
        IGNORED,
        /** Not named by the manifest's non-empty {@code files} list. */
        NOT_IN_FILES
    }
}
