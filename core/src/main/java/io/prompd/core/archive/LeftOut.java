package io.prompd.core.archive;

import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A path that the package folder holds but the tarball will not.
 *
 * @param path   the file's path, or for a folder left out whole its path with a trailing {@code /}
 *               (one line for a whole {@code .git/} rather than one per object)
 * @param reason why it is left out
 */
public record LeftOut(String path, Reason reason) {

    public LeftOut {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** Why a path is left out; {@code prompd validate} warns about {@link #SECRET} and {@link #HOME}. */
    public enum Reason {
        /** Under {@code .git/}, {@code node_modules/} or {@code .prompd/}: tooling state, never package content. */
        ALWAYS_EXCLUDED,
        /**
         * The prompd home in use ({@code $PROMPD_HOME}, {@code --home}), where it lies inside the package, as where a
         * CI caches it in its checkout: it holds the credentials {@code prompd login} stores and the installed
         * packages, private ones too, never content of the package, as npm never packs {@code .npmrc}. Only the
         * command that knows its home leaves it out; a copy of its {@code config.json} holding credentials is refused
         * anywhere, as a secret.
         */
        HOME,
        /**
         * Named {@code .env*} or {@code *.env}, or as a credentials file or a copy of one ({@code .npmrc*},
         * {@code .pypirc*}, {@code .netrc*}, {@code _netrc*}, {@code .git-credentials*}, {@code .pgpass*},
         * {@code .htpasswd*}, {@code .dockercfg*}, {@code .docker/config.json*}, {@code .aws/credentials*}): it looks
         * like secrets, and secrets must never be published.
         */
        SECRET,
        /**
         * A temporary file or folder of prompd's own ({@code .<name>.<pid>-<start>.<random>.part}):
         * what a write in progress, or one killed midway, leaves beside the file it replaces, such as
         * a tarball being packed at the package root or a {@code prompd.lock} being installed. It is
         * never content, and half of a file at best.
         */
        TEMPORARY,
        /**
         * A {@code .tgz} or {@code .tar.gz} at the package root, such as the one {@code prompd pack} writes there by
         * default: packing it again would put each tarball inside the next.
         */
        TARBALL,
        /**
         * What systems and editors leave beside files ({@code .DS_Store}, {@code ._*}, {@code Thumbs.db},
         * {@code desktop.ini}, {@code *.swp}, {@code *~}) and a project's {@code prompd.lock}, which records
         * local URLs: never content, as npm never packs its package-lock.json.
         */
        CLUTTER,
        /**
         * Git's own rule files ({@code .gitignore}, {@code .gitattributes}, {@code .gitmodules}): in the
         * registry's repository Git would obey them inside the version folder, dropping or rewriting
         * files, so the published tarball would differ from the one its author packed.
         */
        GIT_RULES,
        /** Matched by the manifest's {@code ignore} list. */
        IGNORED,
        /** Not named by the manifest's non-empty {@code files} list. */
        NOT_IN_FILES,
        /** Taken back by a {@code !} entry of the manifest's {@code files} list, the last entry matching it. */
        TAKEN_BACK;

        /** Why a file of this kind stays out, as a clause that can follow "left out: ". */
        public String why() {
            return switch (this) {
                case ALWAYS_EXCLUDED -> "pack never packs " + PackSelector.ALWAYS_EXCLUDED_NAMES.stream().sorted()
                        .map(name -> name + "/").collect(Collectors.joining(", "));
                case HOME -> "pack never packs the prompd home in use, which holds the credentials 'prompd login'"
                        + " stores and the installed packages";
                case SECRET -> "it looks like secrets, and pack never packs them (" + PackSelector.SECRET_LIST + ")";
                case TEMPORARY -> "pack never packs prompd's own temporary files (" + PackSelector.TEMPORARY_LIST + ")";
                case TARBALL -> "pack never packs a .tgz or .tar.gz at the package root";
                case CLUTTER -> "pack never packs system and editor files or a lock file (" + PackSelector.CLUTTER_LIST
                        + ")";
                case GIT_RULES -> "pack never packs Git's rule files (" + PackSelector.GIT_RULES_LIST + "), which would"
                        + " change what a registry's repository stores";
                case IGNORED -> "\"ignore\" in prompd.json leaves it out";
                case NOT_IN_FILES -> "\"files\" in prompd.json does not name it";
                case TAKEN_BACK -> "a \"!\" entry in \"files\" in prompd.json leaves it out";
            };
        }

        /** What to do when the manifest or a prompt needs a file that stays out for this reason. */
        public String howToNeedAnother() {
            return switch (this) {
                case IGNORED -> "take the rule that matches it out of \"ignore\" in prompd.json, or name another file";
                case NOT_IN_FILES -> "add it to \"files\" in prompd.json, or name another file";
                case TAKEN_BACK -> "take the \"!\" entry that matches it out of \"files\" in prompd.json, or name"
                        + " another file";
                case ALWAYS_EXCLUDED, HOME, SECRET, TEMPORARY, TARBALL, CLUTTER, GIT_RULES ->
                        "name another file: pack never packs this one";
            };
        }
    }
}
