package io.prompd.client.cli;

import io.prompd.cli.Failures;
import io.prompd.client.config.Settings;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.files.PermissionRefusals;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The prompd home of a run and what chose it, which tells a failure that comes from where the home is as the home's.
 * The system names only the file it refused: {@code /nonexistent} for a service account whose {@code $HOME} leads
 * nowhere, with the hint to check its rights, where the user never named a folder; a file deep in the cache for a
 * home so deep that the whole path is too long, where the home is what to move.
 *
 * @param folder the home, absolute
 */
record ChosenHome(Path folder, Origin origin) {

    /** What chose the home, as a message names it. */
    enum Origin {
        OPTION("which --home names"),
        VARIABLE("which $" + Settings.HOME_VARIABLE + " names"),
        USER_HOME("which $" + Settings.USER_HOME_VARIABLE + "/" + Settings.HOME_FOLDER_NAME + " names"),
        /**
         * Java's {@code user.home}, the user's entry in the system's user database (passwd), taken when {@code $HOME}
         * is unset or empty, as under {@code env -i}, cron or a service manager: naming {@code $HOME} would send the
         * user to a variable they never set.
         */
        ACCOUNT_HOME(Settings.HOME_FOLDER_NAME + " in this user's home folder in the system's user database, $"
                + Settings.USER_HOME_VARIABLE + " being unset or empty");

        private final String chosenBy;

        Origin(String chosenBy) {
            this.chosenBy = chosenBy;
        }
    }

    ChosenHome {
        folder = folder.toAbsolutePath().normalize();
    }

    /**
     * How the run's hints spell the prompd commands they suggest: naming the home when --home chose it; one
     * $PROMPD_HOME chose is passed on to a command pasted into the same shell, as the default is found again.
     *
     * @param registryOption the registry --registry gave, which they name too ({@link SuggestedCommands})
     */
    SuggestedCommands commands(Optional<String> registryOption) {
        return new SuggestedCommands(origin == Origin.OPTION ? Optional.of(folder) : Optional.empty(), registryOption);
    }

    /**
     * The failure as the home's when it is one: the home cannot be created (this user may not, a file stands on its
     * path, its file system takes no folders, as {@code /proc}), which exits 1 whatever the system's reason, or a path
     * in it is too long as a whole though each name in it fits; any other failure as it is.
     */
    Throwable retold(Throwable failure) {
        if (!(Failures.unwrap(failure) instanceof FileSystemException refused) || refused.getFile() == null) {
            return failure;
        }
        Path file = Path.of(refused.getFile()).toAbsolutePath().normalize();
        Failures.Explanation explained = Failures.explain(refused);
        String another = origin == Origin.OPTION ? "--home FOLDER"
                : Settings.HOME_VARIABLE + "=FOLDER or --home FOLDER";
        // first: a path in the home too long as a whole fails so whether or not the home was created yet
        if (Failures.wholePathTooLong(refused) && file.startsWith(folder)) {
            return new PrompdException(explained.exitCode(), explained.message(), "choose a prompd home at a shorter"
                    + " path, with " + another + ": each name in the path fits, the path as a whole does not",
                    refused);
        }
        if ((folder.startsWith(file) || file.startsWith(folder)) && !Files.isDirectory(folder)) {
            // one failure whatever the system's reason (refused, a file on the way, a file system taking no folders),
            // and whichever file in the home the run reached for first (config.json is read before the home is
            // created), as what to do is the same: choose another home
            return new PrompdException(ExitCode.FAILURE, "cannot create the prompd home " + folder + ", "
                    + origin.chosenBy + ": " + explained.message(), "choose a home this user may "
                    + (PermissionRefusals.refused(refused) ? "write to" : "create") + ", with " + another, refused);
        }
        return failure;
    }
}
