package io.prompd.client.cli;

import io.prompd.cli.FileNameCharset;
import io.prompd.cli.Terminal;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.concurrent.Sleeper;
import io.prompd.client.install.Project;
import io.prompd.core.PrompdException;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The world a command runs in: environment variables, working folder, the user's home folder, clock,
 * how to wait, standard input, the terminal to ask for a secret at, whether stderr is a terminal, and standard output
 * as bytes, for a tarball written there, with whether it is a terminal.
 * {@code main} takes the real ones; tests pass their own, so no test touches the real home folder,
 * waits for someone to type at a real terminal, sits out the pause a registry asks for or depends on
 * the time of day.
 *
 * @param userHome Java's {@code user.home}: where {@code .prompd} lies, the home when neither {@code --home}
 *                 nor {@code PROMPD_HOME} names one, if {@code $HOME} is unset
 * @param terminal empty when standard input is no terminal: a secret is then its first line
 * @param stdout   standard output for bytes that are no text; text goes through picocli's writer
 */
public record CliContext(Map<String, String> environment, Path workingDirectory, Path userHome, Clock clock,
                         Sleeper sleeper, InputStream stdin, Optional<SecretPrompt> terminal,
                         boolean stderrIsTerminal, OutputStream stdout, boolean stdoutIsTerminal) {

    /** Asks for a line typed at the terminal without showing it, as {@link Console#readPassword} does. */
    @FunctionalInterface
    public interface SecretPrompt {

        /** @return what was typed, empty at the end of input */
        Optional<char[]> ask(String prompt) throws IOException;
    }

    public CliContext {
        environment = Map.copyOf(environment);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        userHome = userHome.toAbsolutePath().normalize();
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(stdout, "stdout");
    }

    public static CliContext system() {
        return new CliContext(System.getenv(), Path.of(""), Path.of(System.getProperty("user.home")), Clock.systemUTC(),
                Sleeper.THREAD, System.in, TerminalPrompt.ofStandardInput(), Terminal.isStandardError(),
                new FileOutputStream(FileDescriptor.out), Terminal.isStandardOutput());
    }

    /**
     * The variable's value, empty when it is unset or blank.
     *
     * @throws PrompdException when Java lost letters of it in decoding ({@link FileNameCharset#misreadVariable}), which
     *                         every use of it would take as other ones
     */
    public Optional<String> variable(String name) {
        Optional<String> value = Optional.ofNullable(environment.get(name)).filter(text -> !text.isBlank());
        value.flatMap(text -> FileNameCharset.ofThisJvm().misreadVariable(name, text)).ifPresent(misread -> {
            throw misread;
        });
        return value;
    }

    /**
     * The project the working folder lies in: the nearest folder from there up holding a prompd.json.
     *
     * @param commands how the hint for none spells the commands that make or do without one
     */
    public Path projectFolder(SuggestedCommands commands) {
        return Project.enclosingOrFail(workingDirectory, commands);
    }

    /**
     * The project folder as messages name it where the user is: relative to the working folder, so empty for that
     * folder itself, and {@code ..} for a project found above it, whose files a message then names as {@code
     * ../prompd.json} rather than as those of the folder the user is in.
     */
    public Path fromHere(Path projectFolder) {
        return workingDirectory.relativize(projectFolder.toAbsolutePath().normalize());
    }

    /** A path argument as the user meant it: relative to the working folder. */
    public Path resolve(Path path) {
        return workingDirectory.resolve(path).normalize();
    }

    /**
     * A path argument as {@link #resolve} gives it, but a folder as the folder it really is, through the symbolic links
     * that lead to it, as npm, cargo and {@code cp -R link/} follow a link named on their command line: a walk, which
     * follows no link it meets, would otherwise list the link alone, not what the folder holds. Anything else stays
     * as named, for the command to say what is wrong with it.
     */
    public Path resolveFolder(Path path) throws IOException {
        Path resolved = resolve(path);
        return Files.isDirectory(resolved) ? resolved.toRealPath() : resolved;
    }
}
