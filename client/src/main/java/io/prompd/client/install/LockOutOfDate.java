package io.prompd.client.install;

import io.prompd.client.install.lock.LockFile;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import java.util.Map;

/**
 * The refusal of {@code install --frozen} to change a {@code prompd.lock} out of date with {@code prompd.json}, or to
 * write one where there is none, or to merge a conflicted one, as {@code npm ci} refuses: a conflict of the project's two files, exit 4 as a
 * resolution's conflict, so it has a kind of its own, for a script to tell the lock to update from ranges to mend.
 */
public final class LockOutOfDate extends PrompdException {

    /** The {@code kind} of its {@code --json} error. */
    public static final String KIND = "lockOutOfDate";

    private LockOutOfDate(String message, String hint) {
        super(ExitCode.CONFLICT, message, hint, null, KIND, Map.of());
    }

    /**
     * @param project its lock, if any, out of date
     * @param why     how the lock is out of date, as {@code @a/x@1.0.0 is outside ^2.0.0}
     * @param commands how the hint spells the install that locks
     */
    static LockOutOfDate of(Project project, String why, SuggestedCommands commands) {
        if (project.lock().isEmpty()) {
            return new LockOutOfDate("--frozen needs a " + LockFile.FILE_NAME + ", and " + project.folder()
                    + " has none", "run " + commands.quoted("install") + " without --frozen and commit "
                    + LockFile.FILE_NAME);
        }
        return new LockOutOfDate(LockFile.FILE_NAME + " is out of date with prompd.json and --frozen forbids"
                + " changing it: " + why, "run " + commands.quoted("install") + " without --frozen and commit the"
                + " updated " + LockFile.FILE_NAME);
    }

    /** For a lock a Git merge left with conflict markers, which {@code npm ci} refuses too. */
    static LockOutOfDate conflicted(SuggestedCommands commands) {
        return new LockOutOfDate(LockFile.FILE_NAME + " holds Git conflict markers, and --frozen forbids merging its"
                + " sides", "run " + commands.quoted("install") + " without --frozen, which merges both sides' locks"
                + " and resolves the result again, and commit " + LockFile.FILE_NAME);
    }
}
