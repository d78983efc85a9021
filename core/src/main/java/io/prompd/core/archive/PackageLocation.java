package io.prompd.core.archive;

import io.prompd.core.Plural;
import io.prompd.core.Sizes;
import java.util.List;

/**
 * Where a package's files are, which decides how to keep a file out of its tarball: an author's
 * folder may hold files that {@code "ignore"} leaves out, but a registry's version folder must hold
 * exactly what is packed, so there a file that cannot be packed has to go.
 */
public enum PackageLocation {

    /** A folder an author validates and packs. */
    WORKING_FOLDER,

    /** A version folder of a registry repository, as its pull-request check and build read it. */
    VERSION_FOLDER;

    private static final String REPACK = "pack again, and replace the version folder's files with the tarball's";

    /** A hint offering a fix of the file, or else keeping it out of the package. */
    String fixOrLeaveOut(String fix) {
        return fix + ", or " + leaveOut();
    }

    /**
     * A hint for a file over the per-file limit that no packed prompt needs. Over prompd's default, no registry can
     * publish it, so it goes; over a registry's lower policy alone, it may still be one the package needs, such as
     * its LICENSE, and prompd validate passed it.
     */
    String shrinkOrRemove(ArchiveLimits limits) {
        return lowered(limits, ArchiveLimits.Bound.FILE_BYTES)
                ? "in the package's own folder, make the file smaller or split it into several; then " + REPACK
                : removeOrLeaveOut();
    }

    /** A hint for a file that cannot be packed in any form. */
    String removeOrLeaveOut() {
        return switch (this) {
            case WORKING_FOLDER -> "remove it, or " + leaveOut();
            case VERSION_FOLDER -> leaveOut();
        };
    }

    /**
     * A hint for a file that cannot be packed and that packed prompts need: leaving it out as
     * {@link #removeOrLeaveOut} says would only trade its error for one of a missing file in each.
     *
     * @param files   the files that name it: prompts, or files a prompt's template loads, told with how
     * @param prompts the prompts that would break without it; the same list when only they name it
     */
    public String shrinkOrUnrefer(List<String> files, List<String> prompts) {
        boolean one = files.size() == 1;
        boolean direct = files.equals(prompts);
        String fix = "make it smaller, or remove it with the references to it in " + (one ? "that " : "those ")
                + (direct ? "prompt" : "file") + (one ? "" : "s") + " and any entry of \"files\" in prompd.json naming"
                + " it alone";
        String broken = direct ? Plural.itOrThem(files.size()) : Plural.series(prompts, "and");
        return Plural.series(files, "and") + (one ? " refers" : " refer") + " to it, so " + switch (this) {
            case WORKING_FOLDER -> "leaving it out alone breaks " + broken + ": " + fix;
            case VERSION_FOLDER -> "removing it alone breaks " + broken + ": in the package's own folder, " + fix
                    + "; then " + REPACK;
        };
    }

    /** A hint for a package over a size or count limit. */
    String trimOrSplit() {
        return switch (this) {
            case WORKING_FOLDER -> "add what the package does not need to \"ignore\" in prompd.json";
            case VERSION_FOLDER -> "remove what the package does not need from the version folder";
        } + ", or split it into several packages";
    }

    /** A size over the per-file limit as messages say it: {@code 7.7 MiB, more than the limit of 5.0 MiB per file}. */
    public String overFileLimit(long size, ArchiveLimits limits) {
        return Sizes.overLimit(size, limits.maxFileBytes()) + " per file"
                + limitSource(limits, ArchiveLimits.Bound.FILE_BYTES);
    }

    /**
     * Where a bound a package is over is set, in parentheses to follow the limit, when a version folder's is lower
     * than prompd's default: only the registry's policy lowers one, and prompd validate, applying the default, passes
     * what the policy alone refuses. Empty otherwise: an author's folder always has the default.
     */
    public String limitSource(ArchiveLimits limits, ArchiveLimits.Bound bound) {
        return lowered(limits, bound) ? " (this registry's policy." + bound.field() + " in registry.json, lower than"
                + " prompd's default of " + bound.readable(ArchiveLimits.DEFAULT) + " that prompd validate applies)"
                : "";
    }

    /** A hint for a package over a bound, offering too to ask for it to be raised where the registry lowers it. */
    public String orRaise(String fix, ArchiveLimits limits, ArchiveLimits.Bound bound) {
        return lowered(limits, bound) ? fix + "; or ask the registry's maintainers to raise policy." + bound.field()
                : fix;
    }

    private boolean lowered(ArchiveLimits limits, ArchiveLimits.Bound bound) {
        return this == VERSION_FOLDER && limits.lowers(bound);
    }

    private String leaveOut() {
        return switch (this) {
            case WORKING_FOLDER -> "add it to \"ignore\" in prompd.json";
            case VERSION_FOLDER -> "remove it from the version folder";
        };
    }
}
