package io.prompd.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How hints spell the prompd commands they suggest, so that one pasted acts as the run that suggested it did: on the
 * same prompd home. A home given with {@code --home} is named in each, or the command pasted would read and write the
 * default home; one {@code PROMPD_HOME} chose is not, as the shell the command is pasted into passes the variable on
 * to it as it did to the run, and the default home needs no option.
 *
 * @param home the home {@code --home} gave, absolute; empty when the variable or the default chose it
 */
public record SuggestedCommands(Optional<Path> home) {

    /** The commands as typed without options: a run whose home no option chose, and the generator's hints. */
    public static final SuggestedCommands PLAIN = new SuggestedCommands(Optional.empty());

    public SuggestedCommands {
        Objects.requireNonNull(home, "home");
        home = home.map(folder -> folder.toAbsolutePath().normalize());
    }

    /**
     * The command line: prompd, this run's options, then the arguments, as in
     * {@code prompd --home '/srv/my homes/work' install}.
     *
     * @param arguments the subcommand and its arguments, each already spelt as a shell reads it
     *                  ({@link ShellWords})
     */
    public String line(String arguments) {
        return "prompd" + home.map(folder -> " --home " + ShellWords.path(folder.toString())).orElse("") + " "
                + arguments;
    }

    /** {@link #line} set in single quotes, as a hint sets a command in its sentence: {@code 'prompd install'}. */
    public String quoted(String arguments) {
        return "'" + line(arguments) + "'";
    }
}
