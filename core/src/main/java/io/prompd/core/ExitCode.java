package io.prompd.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The exit codes of both command line programs, in one place so scripts can rely on them.
 * Each program lists in {@code --help} the codes it uses.
 */
public enum ExitCode {
    OK(0, "Success."),
    FAILURE(1, "Failure: validation errors or a failed operation."),
    USAGE(2, "Usage error: unknown option, missing or malformed argument."),
    NOT_FOUND(3, "Not found: a package, version, file or revision does not exist."),
    CONFLICT(4, "Conflict: versions cannot be resolved together, or the target already exists."),
    NETWORK(5, "Network error: a registry could not be reached or refused the request."),
    INTEGRITY(6, "Integrity error: downloaded content does not match its checksum.");

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
