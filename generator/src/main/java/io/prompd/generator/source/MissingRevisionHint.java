package io.prompd.generator.source;

import io.prompd.core.Plural;
import io.prompd.core.ShellWords;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * The hint for a revision a repository lacks: the remote-tracking branch it has under that name, or the fetch that
 * brings it, from a remote the repository has. Pasted, {@code git fetch origin release} fails in a clone whose remote
 * is named otherwise ({@code git clone -o upstream}), and in a repository with no remote at all.
 */
final class MissingRevisionHint {

    /** The start of a remote-tracking branch written out, as {@code refs/remotes/origin/main}. */
    private static final Pattern REMOTES = Pattern.compile("^(refs/)?remotes/");

    /** The placeholder of a fetch's remote when the repository has several and none of them tells. */
    private static final String ANY_REMOTE = "REMOTE";

    private final Repository repository;
    private final String git;
    private final String option;
    private final String shownDirectory;

    /**
     * @param git            git as the fetch suggested runs it on the repository, {@code git -C clone} from beside it
     * @param option         the option that gave the revision, as in {@code --base}, for a hint that gives another
     * @param shownDirectory the repository's folder as messages name it
     */
    MissingRevisionHint(Repository repository, String git, String option, String shownDirectory) {
        this.repository = repository;
        this.git = git;
        this.option = option;
        this.shownDirectory = shownDirectory;
    }

    /**
     * @param start the name the revision starts at: all of it, or what comes before a step back, as {@code release}
     *              in {@code release~1}
     * @param steps the steps back after it, kept in the revision the hint gives
     */
    String of(String start, String steps) throws IOException {
        Optional<String> tracking = trackingBranch(start);
        if (tracking.isPresent()) {
            return "the branch is " + tracking.get() + ", as a clone has the branches it does not check out: give "
                    + option + " " + ShellWords.quote(tracking.get() + steps);
        }
        Set<String> remotes = repository.getRemoteNames();
        Optional<RemoteBranch> named = RemoteBranch.of(start, remotes);
        if (named.isPresent() && remotes.contains(named.get().remote())) {
            return "fetch the branch or commit first (" + git + " fetch " + ShellWords.quote(named.get().remote())
                    + " " + ShellWords.quote(named.get().branch()) + "), or check its spelling";
        }
        if (remotes.isEmpty()) {
            return "check its spelling, and give a branch, a tag or a commit id that " + shownDirectory + " has: it has"
                    + " no remote to fetch one from";
        }
        Remote remote = fetchRemote(remotes);
        if (named.isEmpty()) {
            return "fetch the branch or commit first (" + git + " fetch " + remote.word() + " "
                    + ShellWords.quote(start) + remote.choice() + "), or check its spelling";
        }
        // origin/release where the remote is upstream: the branch is to be asked of the remote there is
        String absent = "there is no remote " + named.get().remote() + " in " + shownDirectory;
        String branch = named.get().branch();
        Optional<String> theirs = remote.name().flatMap(name -> trackingRef(name, branch));
        if (theirs.isPresent()) {
            return absent + "; the branch is " + theirs.get() + ": give " + option + " "
                    + ShellWords.quote(theirs.get() + steps);
        }
        return absent + ": fetch the branch first (" + git + " fetch " + remote.word() + " "
                + ShellWords.quote(branch) + remote.choice() + ") and give " + option + " "
                + ShellWords.quote(remote.name().orElse(ANY_REMOTE) + "/" + branch + steps) + ", or check its spelling";
    }

    /**
     * The remote-tracking branch a revision's start names on a remote, {@code origin/release} for {@code release},
     * where there is one and no local branch: what a CI checkout, which makes only the branch it checks out, has of
     * the base branch. Fetching it again would change nothing. The ref itself tells, so origin counts even where no
     * remote of that name is configured.
     */
    private Optional<String> trackingBranch(String start) throws IOException {
        if (start.isEmpty() || start.startsWith(Constants.R_REFS)) {
            return Optional.empty();
        }
        Set<String> remotes = new TreeSet<>(repository.getRemoteNames());
        remotes.add(Constants.DEFAULT_REMOTE_NAME);
        for (String remote : remotes) {
            Optional<String> branch = trackingRef(remote, start);
            if (branch.isPresent()) {
                return branch;
            }
        }
        return Optional.empty();
    }

    /** {@code remote/branch} when the repository has that remote-tracking branch. */
    private Optional<String> trackingRef(String remote, String branch) {
        try {
            return Optional.ofNullable(repository.exactRef(Constants.R_REMOTES + remote + "/" + branch))
                    .map(ref -> remote + "/" + branch);
        } catch (IOException unreadable) {
            // a hint at best: the refs that do not read are told of by the resolution that failed
            return Optional.empty();
        }
    }

    /**
     * The remote a fetch names: the repository's only one, else origin, else the one the checked-out branch
     * follows; where none of these tells, a placeholder with the remotes to choose from.
     */
    private Remote fetchRemote(Set<String> remotes) throws IOException {
        if (remotes.size() == 1) {
            return Remote.named(remotes.iterator().next());
        }
        if (remotes.contains(Constants.DEFAULT_REMOTE_NAME)) {
            return Remote.named(Constants.DEFAULT_REMOTE_NAME);
        }
        String branch = repository.getBranch();
        String followed = branch == null ? null : repository.getConfig().getString(
                ConfigConstants.CONFIG_BRANCH_SECTION, branch, ConfigConstants.CONFIG_KEY_REMOTE);
        if (followed != null && remotes.contains(followed)) {
            return Remote.named(followed);
        }
        List<String> choices = remotes.stream().sorted().toList();
        return new Remote(Optional.empty(), ANY_REMOTE, ", " + ANY_REMOTE + " being " + Plural.series(choices, "or"));
    }

    /**
     * The remote and the branch on it that a remote-tracking branch names, as git fetch takes them: {@code origin}
     * and {@code main} for {@code origin/main}, {@code remotes/origin/main} or {@code refs/remotes/origin/main}
     * ('git fetch origin origin/main' finds no such ref).
     */
    private record RemoteBranch(String remote, String branch) {

        /**
         * What a revision's start names on a remote: a configured remote is matched whole, as its name may hold a
         * slash; written out with {@code remotes/}, the remote is else its first name; origin counts as a remote's
         * name even where none is configured, being the one git clone gives. Empty for anything else, a branch, a tag
         * or a commit id.
         */
        static Optional<RemoteBranch> of(String start, Set<String> remotes) {
            String tracked = REMOTES.matcher(start).replaceFirst("");
            boolean writtenOut = !tracked.equals(start);
            Set<String> names = new TreeSet<>(remotes);
            names.add(Constants.DEFAULT_REMOTE_NAME);
            Optional<String> remote = names.stream()
                    .filter(name -> tracked.startsWith(name + "/") && tracked.length() > name.length() + 1)
                    .max(Comparator.comparingInt(String::length))
                    .or(() -> Optional.of(tracked.split("/", 2)).filter(parts -> writtenOut && parts.length == 2
                            && !parts[0].isEmpty() && !parts[1].isEmpty()).map(parts -> parts[0]));
            return remote.map(name -> new RemoteBranch(name, tracked.substring(name.length() + 1)));
        }
    }

    /**
     * The remote of a fetch as a hint spells it.
     *
     * @param name   the remote, when one is chosen
     * @param word   its name shell-quoted, or the placeholder
     * @param choice what the placeholder stands for, after the command; empty for a remote chosen
     */
    private record Remote(Optional<String> name, String word, String choice) {

        static Remote named(String name) {
            return new Remote(Optional.of(name), ShellWords.quote(name), "");
        }
    }
}
