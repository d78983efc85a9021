package io.prompd.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An expected failure that the user can act on: it carries the exit code to end with and a hint
 * on how to fix it. Command line front ends print message and hint, and the stack trace only
 * when asked to be verbose.
 */
public class PrompdException extends RuntimeException {

    private final ExitCode exitCode;
    private final String hint;
    private final String kind;
    private final transient Map<String, Object> fields;

    public PrompdException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public PrompdException(ExitCode exitCode, String message, String hint, Throwable cause) {
        this(exitCode, message, hint, cause, null, Map.of());
    }

    /**
     * A failure of a kind of its own ({@link #kind}), with the fields a script acting on it reads ({@link #fields}).
     *
     * @param kind a constant of the subclass, or null for the exit code's
     */
    protected PrompdException(ExitCode exitCode, String message, String hint, Throwable cause, String kind,
                              Map<String, Object> fields) {
        super(message, cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
        this.hint = Objects.requireNonNullElse(hint, "");
        this.kind = kind;
        this.fields = Map.copyOf(fields);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public String hint() {
        return hint;
    }

    /**
     * The message at length, where {@link #getMessage} leaves out part of a long one (the middle of a resolver's
     * explanation of thousands of lines), for a command line asked to be verbose; empty where the message is whole.
     */
    public Optional<String> wholeMessage() {
        return Optional.empty();
    }

    /**
     * What a script may switch on where the exit code alone does not tell this failure from others sharing it, as the
     * {@code kind} of a {@code --json} error; empty for most, a subclass naming its own, and then the exit code's
     * ({@link ExitCode#kind}) stands for it.
     */
    public Optional<String> kind() {
        return Optional.ofNullable(kind);
    }

    /**
     * What a script acting on {@link #kind} needs to know that the message alone says in words (the status a registry
     * answered, the wait it asked for, the package not found), as fields of the {@code --json} error beside it; empty
     * for most. The values are what JSON writes as they are: text, numbers, lists and maps of them.
     */
    public Map<String, Object> fields() {
        return fields;
    }
}
