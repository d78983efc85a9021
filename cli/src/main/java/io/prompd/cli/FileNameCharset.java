package io.prompd.cli;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.TerminalText;
import io.prompd.core.files.FileNameEncoding;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Java names files in the character set of the locale it starts in ({@code sun.jnu.encoding}); outside a UTF-8 one,
 * as {@code java -jar} run with no locale set (a container, a cron job), it reads a name holding letters that set
 * lacks with '?' or U+FFFD in their place, and cannot make a path of an argument holding them. The launchers set a
 * UTF-8 locale; these failures say to when Java is started otherwise.
 */
public record FileNameCharset(String name) {

    /** What Java decodes a byte it cannot read into. */
    private static final char REPLACEMENT = '\uFFFD';

    static final String HINT = "run with a UTF-8 locale, as in LC_ALL=C.UTF-8 (the prompd launcher sets one)";

    /** The character set this JVM names files in. */
    public static FileNameCharset ofThisJvm() {
        return new FileNameCharset(FileNameEncoding.ofThisJvm());
    }

    boolean isUtf8() {
        return FileNameEncoding.isUtf8(name);
    }

    /** A file name that does not fit this character set, as in an argument or a package's file. */
    Failures.Explanation unfitting(ExitCode exitCode, InvalidPathException unmappable) {
        return new Failures.Explanation(exitCode, "a file name does not fit this locale's character set (" + name
                + "): " + unmappable.getInput(), HINT);
    }

    /**
     * The usage error of a command line holding an argument Java could not decode in this character set, whether it
     * parsed or not: its letters were lost before prompd saw them ({@value #REPLACEMENT} in their place), so that a
     * path made of it names no file, whatever the parser said of it, and a URL or a value made of it is another one.
     */
    Optional<Failures.Explanation> misreadArgument(List<String> args) {
        if (isUtf8()) {
            return Optional.empty();
        }
        return args.stream().filter(arg -> arg.indexOf(REPLACEMENT) >= 0).findFirst().map(arg -> new Failures.Explanation(
                ExitCode.USAGE, "the argument " + TerminalText.quoted(arg) + " holds letters this locale's character"
                        + " set (" + name + ") lacks, which Java read as " + REPLACEMENT, HINT));
    }

    /**
     * The usage error of an environment variable Java could not decode in this character set, as an argument
     * ({@link #misreadArgument}): a registry URL or a folder read from it would be another one, with
     * {@value #REPLACEMENT} in place of its letters. The value is not quoted: a proxy's URL may hold a password.
     *
     * @param variable the variable's name, which the message gives as {@code $NAME}
     */
    public Optional<PrompdException> misreadVariable(String variable, String value) {
        if (isUtf8() || value.indexOf(REPLACEMENT) < 0) {
            return Optional.empty();
        }
        return Optional.of(new PrompdException(ExitCode.USAGE, "$" + variable + " holds letters this locale's character"
                + " set (" + name + ") lacks, which Java read as " + REPLACEMENT, HINT));
    }

    /**
     * The failure of a run in a current folder that Java cannot find by the name it read of it ({@code user.dir}),
     * which every relative path leads through: letters this character set lacks, read as '?' or as
     * {@value #REPLACEMENT}, which makes no path at all. A folder missing in a
     * UTF-8 locale is a deleted one, which the command's own failure tells of.
     */
    Optional<PrompdException> unreadableCurrentFolder(String userDir) {
        if (isUtf8() || userDir.indexOf(REPLACEMENT) < 0 && Files.isDirectory(Path.of(userDir))) {
            return Optional.empty();
        }
        return Optional.of(new PrompdException(ExitCode.NOT_FOUND, "the name of the current folder does not fit this"
                + " locale's character set (" + name + "), which reads it as " + userDir, HINT));
    }
}
