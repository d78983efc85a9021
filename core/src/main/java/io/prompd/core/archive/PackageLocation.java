package io.prompd.core.archive;

import io.prompd.core.Plural;
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

    /** A hint offering a fix of the file, or else keeping it out of the package. */
    String fixOrLeaveOut(String fix) {
        return fix + ", or " + leaveOut();
    }

    /** A hint for a file that cannot be packed in any form. */
    String removeOrLeaveOut() {
        return switch (this) {
            case WORKING_FOLDER -> "remove it, or " + leaveOut();
            case VERSION_FOLDER -> leaveOut();
        };
    }

    /**
     * A hint for a file that cannot be packed and that packed prompts refer to: leaving it out as
     * {@link #removeOrLeaveOut} says would only trade its error for one of a missing file in each.
     *
     * @param prompts the package paths of the prompts that refer to it
     */
    public String shrinkOrUnrefer(List<String> prompts) {
        boolean one = prompts.size() == 1;
        String fix = "make it smaller, or remove it with the references to it in "
                + (one ? "that prompt" : "those prompts") + " and any entry of \"files\" in prompd.json naming it alone";
        return Plural.series(prompts, "and") + (one ? " refers" : " refer") + " to it, so " + switch (this) {
            case WORKING_FOLDER -> "leaving it out alone breaks " + (one ? "it" : "them") + ": " + fix;
            case VERSION_FOLDER -> "removing it alone breaks " + (one ? "it" : "them") + ": in the package's own"
                    + " folder, " + fix + "; then pack again, and replace the version folder's files with the tarball's";
        };
    }

    /** A hint for a package over a size or count limit. */
    String trimOrSplit() {
        return switch (this) {
            case WORKING_FOLDER -> "add what the package does not need to \"ignore\" in prompd.json";
            case VERSION_FOLDER -> "remove what the package does not need from the version folder";
        } + ", or split it into several packages";
    }

    private String leaveOut() {
        return switch (this) {
            case WORKING_FOLDER -> "add it to \"ignore\" in prompd.json";
            case VERSION_FOLDER -> "remove it from the version folder";
        };
    }
}
