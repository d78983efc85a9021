package io.prompd.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The exit codes of both command line programs, in one place so scripts can rely on them.
 * Each program lists in {@code --help} the codes it uses.
 */
public enum ExitCode {
    OK(Codes.OK, "ok", "Success."),
    FAILURE(Codes.FAILURE, "failure", "Failure: validation errors or a failed operation."),
    USAGE(Codes.USAGE, "usage", "Usage error: unknown option, missing or malformed argument."),
    NOT_FOUND(Codes.NOT_FOUND, "notFound",
            "Not found: a package, version, file, revision or registry does not exist."),
    CONFLICT(Codes.CONFLICT, "conflict", "Conflict: versions cannot be resolved together, or the target already"
            + " exists or is one never changed, as an installed package."),
    NETWORK(Codes.NETWORK, "network", "Network error: a registry could not be reached, refused the request, or"
            + " answered something unusable; or, with --offline, the cache lacks a document or tarball the command"
            + " needs."),
    INTEGRITY(Codes.INTEGRITY, "integrity", "Integrity error: downloaded content does not match its checksum."),
    NOTHING_TO_DO(Codes.NOTHING_TO_DO, "nothingToDo", "Nothing to do: what was given holds no change to work on, as"
            + " a check whose head is the merge base itself.");

    /**
     * The codes as compile-time constants, for the help texts in annotations that name one, which
     * cannot call {@link #code()}.
     */
    public static final class Codes {
        public static final int OK = 0;
        public static final int FAILURE = 1;
        public static final int USAGE = 2;
        public static final int NOT_FOUND = 3;
        public static final int CONFLICT = 4;
        public static final int NETWORK = 5;
        public static final int INTEGRITY = 6;
        public static final int NOTHING_TO_DO = 7;

        private Codes() {
        }
    }

    private final int code;
    private final String kind;
    private final String description;

    ExitCode(int code, String kind, String description) {
        this.code = code;
        this.kind = kind;
        this.description = description;
    }

    public int code() {
        return code;
    }

    /**
     * The {@code kind} of a {@code --json} error ending with this code that has none of its own
     * ({@link PrompdException#kind}), so that a script can always switch on the kind and never needs the message.
     */
    public String kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /**
     * Code to description of the codes a program uses, in ascending order, in the shape picocli's
     * {@code exitCodeList} wants.
     */
    public static Map<String, String> helpList(Set<ExitCode> used) {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            if (used.contains(exit)) {
                list.put(Integer.toString(exit.code), exit.description);
            }
        }
        return list;
    }
}
