package io.prompd.generator.cli;

import picocli.CommandLine;

/** The rule every option naming a revision (build's --rev, check's --base and --head) shares. */
final class RevisionOption {

    private RevisionOption() {
    }

    /**
     * Refuses an empty or blank revision as a usage error. It is what an unset CI variable gives
     * ({@code --rev "$REV"}), and Git would report it as a revision missing from the repository,
     * with a hint to fetch nothing.
     */
    static void requireGiven(CommandLine commandLine, String option, String revision) {
        if (revision.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, option + " is empty; give a branch, tag or commit,"
                    + " such as " + option + " HEAD (a variable that is not set gives an empty one)");
        }
    }
}
