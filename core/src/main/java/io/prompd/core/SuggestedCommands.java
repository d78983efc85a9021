package io.prompd.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How hints spell the prompd commands they suggest, so that one pasted acts as the run that suggested it did: on the
 * same prompd home and registry. A home given with {@code --home} is named in each, or the command pasted would read
 * and write the default home; one {@code PROMPD_HOME} chose is not, as the shell the command is pasted into passes the
 * variable on to it as it did to the run, and the default home needs no option. The registry {@code --registry} gave
 * is named alike, or the command pasted would ask the default registry ({@code 'prompd info NAME'} listing another
 * registry's versions); one {@code PROMPD_REGISTRY} or the configured default chose is not, for the same reasons.
 *
 * @param home     the home {@code --home} gave, absolute; empty when the variable or the default chose it
 * @param registry the registry {@code --registry} gave, by URL or name as given; empty when the variable or the
 *                 configured default chose it
 */
public record SuggestedCommands(Optional<Path> home, Optional<String> registry) {

    /** The commands as typed without options: a run whose home and registry no option chose, and the generator's. */
    public static final SuggestedCommands PLAIN = new SuggestedCommands(Optional.empty(), Optional.empty());

    /** The option a command suggested may give itself, as login and logout do, which it must not be given twice. */
    private static final Pattern REGISTRY_GIVEN = Pattern.compile("(^|\\s)--registry(\\s|=|$)");

    /**
     * Commands that edit the configuration or the package in front of them and ask no registry: the run's
     * {@code --registry} would only make them longer, and {@code registry add} would read as adding to that registry.
     */
    private static final Pattern ASKS_NO_REGISTRY = Pattern.compile("^(config|registry|init|completion)(\\s|$)");

    public SuggestedCommands {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(registry, "registry");
        home = home.map(folder -> folder.toAbsolutePath().normalize());
    }

    /**
     * The command line: prompd, this run's options, then the arguments, as in
     * {@code prompd --home '/srv/my homes/work' --registry work install}. A command giving its own {@code --registry}
     * ({@code login --registry auth}) is not given the run's too, which prompd refuses as an option given twice, nor
     * is one that asks no registry ({@code config set}, {@code registry add}).
     *
     * @param arguments the subcommand and its arguments, each already spelt as a shell reads it
     *                  ({@link ShellWords})
     */
    public String line(String arguments) {
        return "prompd" + home.map(folder -> " --home " + ShellWords.path(folder.toString())).orElse("")
                + registry.filter(chosen -> !REGISTRY_GIVEN.matcher(arguments).find()
                        && !ASKS_NO_REGISTRY.matcher(arguments).find())
                        .map(chosen -> " --registry " + ShellWords.quote(chosen)).orElse("")
                + " " + arguments;
    }

    /** {@link #line} set in single quotes, as a hint sets a command in its sentence: {@code 'prompd install'}. */
    public String quoted(String arguments) {
        return inSentence(line(arguments));
    }

    /**
     * A {@link #line} set in single quotes, as a hint sets it in its sentence: where a {@code --json} field gives the
     * line bare, for a script to run, its text sets it so.
     */
    public static String inSentence(String line) {
        return "'" + line + "'";
    }
}
