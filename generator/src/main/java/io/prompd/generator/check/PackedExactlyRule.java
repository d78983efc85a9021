package io.prompd.generator.check;

import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.LeftOut;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.packaging.Secrets;
import io.prompd.core.problem.Problem;
import io.prompd.core.problem.Problems;
import io.prompd.core.source.SourceEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A version folder holds exactly what {@code prompd pack} packs: a file pack would leave out
 * (a {@code .env*} file, one that {@code ignore} or {@code files} excludes, tooling folders) is an
 * error, since the folder is what reviewers read and what the registry serves. So is an entry of the folder's trees
 * that Git never writes: a name held twice, of whose entries the tarball could hold only one, or a name that is no
 * single name, which the diff shows as a file of another folder.
 */
final class PackedExactlyRule implements PullRequestRule {

    @Override
    public void check(PullRequest pullRequest, Problems problems) throws IOException {
        for (NewVersion version : pullRequest.newVersions()) {
            for (LeftOut left : version.report().selection().leftOut()) {
                problems.error(version.repositoryPath(left.path()), "", why(left.reason())
                        + ", but a version folder must hold exactly what prompd pack packs", hint(left.reason()));
            }
            // restated: HandWrittenTreeRule reports a name that is no single name in any tree the pull request changes
            version.folder().handWritten(version.source()).forEach(problems::restate);
            problems.addAll(version.inRepository(secretsLeftOut(version, pullRequest.policy().limits())));
        }
    }

    /**
     * Validation searched the packed files, and their names, for credentials; a merged pull request keeps the others
     * in Git history just as well, so they are searched too, but for the content of one over the per-file limit: its
     * error here refuses it already, and reading it would cost as much as it is large. A folder whose name validation
     * faulted already, for a packed file in it, is not named again.
     */
    private static List<Problem> secretsLeftOut(NewVersion version, ArchiveLimits limits) throws IOException {
        Set<String> packed = version.report().selection().included().stream().map(SourceEntry::path)
                .collect(Collectors.toSet());
        List<SourceEntry> leftOut = version.source().entries().stream().filter(entry -> !packed.contains(entry.path()))
                .toList();
        List<Problem> secrets = new ArrayList<>(Secrets.inNames(leftOut.stream().map(SourceEntry::path)
                .toList()).stream().filter(named -> !version.report().problems().contains(named)).toList());
        for (SourceEntry entry : leftOut) {
            if (entry.isFile() && limits.fitsOneFile(entry.size())) {
                secrets.addAll(Secrets.inFile(entry.path(), version.source().read(entry.path())));
            }
        }
        return secrets;
    }

    private static String why(LeftOut.Reason reason) {
        return switch (reason) {
            case SECRET -> "the file looks like secrets (" + PackSelector.SECRET_LIST + "), which pack never includes";
            case ALWAYS_EXCLUDED -> "tooling state (.git, node_modules, .prompd) is never packed";
            // a version folder is no one's home: only the pack of a client whose home lies there leaves one out
            case HOME -> "a prompd home, which holds credentials and installed packages, is never packed";
            case TEMPORARY -> "a temporary file of prompd's (" + PackSelector.TEMPORARY_LIST + "), left by a write that"
                    + " never finished, is never packed";
            case TARBALL -> "a tarball at the package root (such as the output of prompd pack) is never packed";
            case CLUTTER -> "system and editor files and lock files (" + PackSelector.CLUTTER_LIST
                    + ") are never packed";
            case GIT_RULES -> "Git's rule files (" + PackSelector.GIT_RULES_LIST + ") are never packed: here Git obeys"
                    + " them, and may have left out or rewritten files of this version";
            case IGNORED -> "\"ignore\" in prompd.json leaves this file out of the package";
            case NOT_IN_FILES -> "\"files\" in prompd.json does not name this file, so it stays out of the package";
            case TAKEN_BACK -> "a \"!\" entry in \"files\" in prompd.json leaves this file out of the package";
        };
    }

    private static String hint(LeftOut.Reason reason) {
        return switch (reason) {
            case SECRET -> "delete the file; if it held real credentials, revoke them, since Git history keeps them";
            case ALWAYS_EXCLUDED, HOME, TEMPORARY, TARBALL, CLUTTER -> "delete it from the version folder";
            case GIT_RULES -> "delete it, then unpack the tarball of prompd pack into the version folder again and"
                    + " commit it with git add --force, so that no ignore rule skips a file";
            case IGNORED, NOT_IN_FILES, TAKEN_BACK -> "delete the file from the version folder (unpack the tarball of"
                    + " prompd pack there), or change prompd.json so that it is packed";
        };
    }
}
