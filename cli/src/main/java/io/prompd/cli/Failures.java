package io.prompd.cli;

import io.prompd.core.Causes;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.TerminalText;
import io.prompd.core.files.FileNameEncoding;
import io.prompd.core.files.LongNames;
import io.prompd.core.files.PermissionRefusals;
import io.prompd.core.files.ReadOnlyFileException;
import io.prompd.core.json.Json;
import io.prompd.core.problem.FileProblemsException;
import io.prompd.core.problem.Problem;
import io.prompd.core.resolve.ResolutionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** Turns any failure into the exit code and the one-line message a command line shows for it. */
public final class Failures {

    /** What a failed resolution says above its explanation. */
    private static final String UNRESOLVED = "the dependencies cannot be resolved:";
    /** How far a resolver's explanation is indented under it. */
    private static final String QUOTED = "  ";

    private Failures() {
    }

    public static ExitCode exitCode(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof PrompdException known) {
            return known.exitCode();
        }
        if (cause instanceof NoSuchFileException) {
            return ExitCode.NOT_FOUND;
        }
        if (cause instanceof FileAlreadyExistsException || cause instanceof NotDirectoryException) {
            return ExitCode.CONFLICT;
        }
        return ExitCode.FAILURE;
    }

    /**
     * What a command line shows for a failure, in parts, for a report other than text.
     *
     * @param hint   empty when there is none
     * @param kind   as {@link PrompdException#kind} gives it, which the text leaves out: its message says it; empty for
     *               the exit code's own ({@link ExitCode#kind})
     * @param fields as {@link PrompdException#fields} gives them, beside the kind
     */
    public record Explanation(ExitCode exitCode, String message, String hint, Optional<String> kind,
                              Map<String, Object> fields, List<Problem> problems) {
        public Explanation {
            Objects.requireNonNull(exitCode, "exitCode");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(hint, "hint");
            Objects.requireNonNull(kind, "kind");
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            problems = List.copyOf(problems);
        }

        /** A failure of no kind of its own. */
        public Explanation(ExitCode exitCode, String message, String hint) {
            this(exitCode, message, hint, Optional.empty(), Map.of(), List.of());
        }

        /** The same failure with another message and hint, as verbosity tells of a shortened one. */
        Explanation retold(String newMessage, String newHint) {
            return new Explanation(exitCode, newMessage, newHint, kind, fields, problems);
        }

        /** {@code error: message} and, when there is one, {@code hint: ...} on a second line. */
        public String text() {
            // a message may quote what a registry sent
            return "error: " + TerminalText.lines(message)
                    + (hint.isEmpty() ? "" : "\nhint: " + TerminalText.lines(hint));
        }

        /**
         * {@code {"ok": false, "error": {"exitCode", "kind", ...fields, "message", "hint", "problems"}}}: the kind
         * always, a script's one switch, the exit code's where the failure has none of its own; the hint only when
         * there is one, the problems of a file or of a command line's values only when they are the failure, each
         * {@code {severity, file, pointer, line, message, hint}} as {@code validate --json} gives them.
         */
        public Map<String, Object> asJson() {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("exitCode", exitCode.code());
            error.put("kind", kind.orElse(exitCode.kind()));
            error.putAll(fields);
            error.put("message", message);
            if (!hint.isEmpty()) {
                error.put("hint", hint);
            }
            if (!problems.isEmpty()) {
                error.put("problems", problems);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ok", false);
            json.put("error", error);
            return json;
        }
    }

    /** {@code error: message} and, when there is one, {@code hint: ...} on a second line. */
    public static String describe(Throwable failure) {
        return explain(failure).text();
    }

    /** The exit code, message and hint of a failure, as a command line not asked to be verbose shows them. */
    public static Explanation explain(Throwable failure) {
        return explain(failure, false);
    }

    /**
     * The exit code, message and hint of a failure; a message that leaves out part of a long one
     * ({@link PrompdException#wholeMessage}) is given whole when {@code verbose}, else with a hint saying so.
     */
    public static Explanation explain(Throwable failure, boolean verbose) {
        return summarisingResolution(failure, explainWholly(failure, verbose));
    }

    private static Explanation explainWholly(Throwable failure, boolean verbose) {
        Explanation explained = explainShortly(failure);
        Optional<PrompdException> shortened = Causes.find(failure, PrompdException.class,
                known -> known.wholeMessage().isPresent());
        if (shortened.isEmpty()) {
            return explained;
        }
        if (verbose) {
            // a message that quotes the shortened one, with what a caller added, quotes it whole
            return explained.retold(explained.message().replace(shortened.get().getMessage(),
                    shortened.get().wholeMessage().orElseThrow()), explained.hint());
        }
        return explained.retold(explained.message(), (explained.hint().isEmpty() ? ""
                : explained.hint() + "; ") + "run again with --verbose for what the message leaves out");
    }

    /**
     * The failure of a resolution, which the resolver explains in PubGrub's sentences, from the dependencies down to
     * "version solving failed." over as many lines as it takes, told as every other error is: a line of its own saying
     * what failed, in lower case, with the explanation below it, indented as the quotation it is. A failure that no
     * longer quotes the explanation (a package gone from its registry, said in prompd's words) is told as it is.
     */
    private static Explanation summarisingResolution(Throwable failure, Explanation explained) {
        Optional<String> explanation = Causes.find(failure, ResolutionException.class)
                .flatMap(resolution -> resolution.getMessage().lines().findFirst()).map(String::strip)
                .filter(firstLine -> !firstLine.isEmpty() && explained.message().contains(firstLine));
        if (explanation.isEmpty()) {
            return explained;
        }
        // its lines are parted as the resolver parts them
        return explained.retold(UNRESOLVED + "\n" + explained.message().lines()
                .map(line -> line.isEmpty() ? line : QUOTED + line).collect(Collectors.joining("\n")),
                explained.hint());
    }

    private static Explanation explainShortly(Throwable failure) {
        Throwable cause = unwrap(failure);
        String message;
        String hint = "";
        if (cause instanceof PrompdException known) {
            message = known.getMessage();
            hint = known.hint();
        } else if (cause instanceof NoSuchFileException missing) {
            message = "no such file or folder: " + missing.getFile();
        } else if (cause instanceof FileAlreadyExistsException exists) {
            message = "already exists: " + exists.getFile();
        } else if (cause instanceof ReadOnlyFileException readOnly) {
            message = "read-only, so prompd did not change it: " + readOnly.getFile();
            hint = "make it writable (chmod u+w " + ShellWords.path(readOnly.getFile()) + "), then run this again";
        } else if (cause instanceof AccessDeniedException denied) {
            message = "permission denied: " + denied.getFile();
            hint = permissionHint(denied.getFile());
        } else if (cause instanceof NotDirectoryException notFolder) {
            // as Folders.create names the file in the way, rather than the JDK's "already exists"
            Optional<Path> link = linkTarget(notFolder.getFile());
            if (link.isEmpty()) {
                message = "a file stands where a folder is needed: " + notFolder.getFile();
                hint = "move or rename that file, then run this again";
            } else if (Files.notExists(link.get())) {
                message = "a symbolic link whose target does not exist stands where a folder is needed: "
                        + notFolder.getFile() + " -> " + link.get();
                hint = "create the folder it names (mkdir -p " + ShellWords.path(link.get().toString())
                        + "), or remove the link (rm " + ShellWords.path(notFolder.getFile())
                        + "), then run this again";
            } else {
                message = "a symbolic link to a file stands where a folder is needed: " + notFolder.getFile() + " -> "
                        + link.get();
                hint = "point the link at a folder, or remove it (rm " + ShellWords.path(notFolder.getFile())
                        + "), then run this again";
            }
        } else if (cause instanceof DirectoryNotEmptyException notEmpty) {
            message = "folder not empty: " + notEmpty.getFile();
        } else if (cause instanceof FileSystemException tooDeep && wholePathTooLong(tooDeep)) {
            int bytes = LongNames.bytes(Path.of(tooDeep.getFile()).toAbsolutePath().toString());
            message = "path too long: " + tooDeep.getFile() + " has " + bytes + " bytes in UTF-8, more than the "
                    + LongNames.maxPathBytes() + " " + LongNames.systemName() + " takes in a whole path";
            hint = "choose a folder at a shorter path: each name in it fits, the path as a whole does not";
        } else if (cause instanceof FileSystemException other && other.getFile() != null) {
            // its message is the file and the system's reason, such as "No space left on device"
            message = other.getMessage();
            hint = systemHint(other);
        } else if (cause instanceof InvalidPathException unmappable && FileNameEncoding.unfits(unmappable)) {
            return FileNameCharset.ofThisJvm().unfitting(exitCode(failure), unmappable);
        } else if (cause instanceof StackOverflowError) {
            message = "internal error (StackOverflowError): prompd went deeper than the Java stack allows";
            hint = "run again with a larger stack (JAVA_OPTS=-Xss64m for the launcher, java -Xss64m -jar for the jar),"
                    + " and report it as a bug";
        } else if (cause instanceof OutOfMemoryError exhausted) {
            message = "out of memory: " + unforeseen(exhausted);
            hint = "give Java more memory (JAVA_OPTS=-Xmx2g for the launcher, java -Xmx2g -jar for the jar), then run"
                    + " this again";
        } else if (cause instanceof IOException io) {
            message = "input/output error: " + unforeseen(io);
        } else {
            message = "internal error (" + cause.getClass().getSimpleName() + "): " + unforeseen(cause);
            hint = "run again with --verbose for the stack trace, and report it as a bug";
        }
        if (!(cause instanceof PrompdException)) {
            // a line of ours, naming a file by the path an argument may have given, line breaks and all
            message = TerminalText.oneLine(message);
            hint = TerminalText.oneLine(hint);
        }
        ExitCode exitCode = exitCode(failure);
        Optional<PrompdException> kinded = kinded(failure, exitCode);
        return new Explanation(exitCode, message, hint, kinded.flatMap(PrompdException::kind),
                kinded.map(PrompdException::fields).orElse(Map.of()),
                cause instanceof FileProblemsException file ? file.problems() : List.of());
    }

    /**
     * The failure, or the first of its causes, that names a kind of its own for the exit code the run ends with: a
     * caller rewording a failure in its own terms (a refusal naming the registry as configured) keeps it as the cause,
     * which knows what it was (a 401), while a cause ending with another code (a tarball not found, which the caller
     * tells as a registry's passing state) is another failure than the one reported.
     */
    private static Optional<PrompdException> kinded(Throwable failure, ExitCode exitCode) {
        return Causes.find(failure, PrompdException.class,
                known -> known.exitCode() == exitCode && known.kind().isPresent());
    }

    /**
     * Prints the failure the way both command lines do (message and hint, the stack trace only
     * when verbose) and returns the process exit code.
     */
    public static int report(Throwable failure, boolean verbose, PrintWriter err) {
        err.println(explain(failure, verbose).text());
        if (verbose) {
            failure.printStackTrace(err);
        }
        return exitCode(failure).code();
    }

    /**
     * Reports the failure of a command that ran, as both command lines do: with {@code --json}, as JSON first, on
     * {@code out}, where a script reads results, with the fields of {@code beside} next to {@code ok} and {@code error}
     * (the warnings a failing install earned); then as {@link #report(Throwable, boolean, PrintWriter)} does, for the
     * person watching.
     *
     * @return the process exit code
     */
    public static int report(Throwable failure, boolean verbose, boolean json, Map<String, Object> beside,
                             PrintWriter out, PrintWriter err) {
        if (json) {
            printJson(explain(failure, verbose), beside, out);
        }
        return report(failure, verbose, err);
    }

    /**
     * The failure as {@link Explanation#asJson} gives it, with the fields of {@code beside}, on a line of {@code out}.
     */
    public static void printJson(Explanation explained, Map<String, Object> beside, PrintWriter out) {
        Map<String, Object> json = new LinkedHashMap<>(explained.asJson());
        json.putAll(beside);
        out.print(Json.writeString(json) + "\n");
        out.flush();
    }

    /**
     * Prints a command line that could not be parsed the way every other error is printed, instead
     * of the parser's message above the whole help, where it was easily missed, and returns the
     * usage error's exit code.
     */
    public static int reportUsage(UsageError error, PrintWriter err) {
        err.println(error.explain().text());
        return ExitCode.USAGE.code();
    }

    /**
     * The message of a failure prompd did not word itself, which may quote whatever a registry or a file held (a
     * URL Java could not parse), kept to its line: a line break there could start a hint of the registry's.
     */
    private static String unforeseen(Throwable cause) {
        return TerminalText.oneLine(String.valueOf(cause.getMessage()));
    }

    /** What to do about the reasons an operating system gives most often; nothing for the rest. */
    private static String systemHint(FileSystemException failure) {
        String reason = failure.getReason() == null ? "" : failure.getReason();
        if (PermissionRefusals.refused(failure)) {
            return permissionHint(failure.getFile());
        }
        if (reason.contains("No space left") || reason.contains("quota")) {
            return "free some space on that disk (df -h " + ShellWords.path(existingFolderOf(failure.getFile())) + ")";
        }
        if (reason.contains("Read-only file system")) {
            return "that disk is mounted read-only: choose a folder on another one";
        }
        if (reason.contains("Not a directory")) {
            return "a file stands where this path needs a folder: rename or remove it, or choose another path";
        }
        if (reason.contains("Is a directory")) {
            return "a folder stands where a file is needed: move or rename that folder, then run this again";
        }
        if (LongNames.refused(failure)) {
            return "choose a shorter name: Linux and macOS take names of up to " + LongNames.MAX_NAME_BYTES
                    + " bytes in UTF-8, some file systems fewer";
        }
        return "";
    }

    /**
     * Whether the system refused a path as too long though every name in it fits: shortening a name, as the system's
     * words "File name too long" suggest, would not help.
     */
    public static boolean wholePathTooLong(FileSystemException failure) {
        return failure.getFile() != null && LongNames.refused(failure)
                && LongNames.wholePathTooLong(Path.of(failure.getFile()));
    }

    /**
     * The failure does not say whether reading or writing was refused, so the file's rights tell:
     * validate reading a file its owner keeps to themselves should not send the user looking for
     * write rights. A file this user cannot even look at counts as unreadable.
     */
    private static String permissionHint(String file) {
        Path path = Path.of(file);
        String refused = !Files.notExists(path) && !Files.isReadable(path) ? "read " : "write to ";
        return "this user may not " + refused + file + ": check the rights of it and of its folder (ls -ld "
                + ShellWords.path(folderOf(file)) + "), or choose another folder";
    }

    /**
     * Where {@code file} leads, when it is a symbolic link: {@code ls} shows no file there, so calling
     * it one would send the user looking for what is not there.
     */
    private static Optional<Path> linkTarget(String file) {
        Path path = Path.of(file);
        if (!Files.isSymbolicLink(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(path.resolveSibling(Files.readSymbolicLink(path)).normalize());
        } catch (IOException goneMeanwhile) {
            return Optional.empty();
        }
    }

    private static String folderOf(String file) {
        Path parent = Path.of(file).toAbsolutePath().getParent();
        return parent == null ? file : parent.toString();
    }

    /**
     * The nearest folder of the file that exists as the failure is reported: a build's staging
     * folder and a download's temporary one are deleted by then, and df refuses a path that is not there.
     */
    private static String existingFolderOf(String file) {
        Path folder = Path.of(file).toAbsolutePath().getParent();
        while (folder != null && !Files.isDirectory(folder)) {
            folder = folder.getParent();
        }
        return folder == null ? file : folder.toString();
    }

    /**
     * The failure an {@link UncheckedIOException} carries, or the error picocli hands on inside its own exception (it
     * unwraps exceptions alone), as it is explained; any other failure as it is.
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof UncheckedIOException
                || cause instanceof CommandLine.ExecutionException && cause.getCause() instanceof Error)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
