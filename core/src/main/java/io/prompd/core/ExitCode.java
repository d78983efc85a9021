package io.prompd.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The exit codes of both command line programs, in one place so scripts can rely on them.
 * Each program lists in {@code --help} the codes it uses.
 */
public enum ExitCode {
    OK(Codes.OK, "Success."),
    FAILURE(Codes.FAILURE, "Failure: validation errors or a failed operation."),
    USAGE(Codes.USAGE, "Usage error: unknown option, missing or malformed argument."),
    NOT_FOUND(Codes.NOT_FOUND, "Not found: a package, version, file, revision or registry does not exist."),
    CONFLICT(Codes.CONFLICT, "Conflict: versions cannot be resolved together, or the target already exists or is"
            + " one never changed, as an installed package."),
    NETWORK(Codes.NETWORK, "Network error: a registry could not be reached, refused the request, or answered"
            + " something unusable; or, with --offline, the cache lacks a document or tarball the command needs."),
    INTEGRITY(Codes.INTEGRITY, "Integrity error: downloaded content does not match its checksum.");

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

        private Codes() {
        }
    }

    private final int code;
    private final String description;

    ExitCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
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
