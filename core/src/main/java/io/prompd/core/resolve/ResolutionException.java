package io.prompd.core.resolve;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * No set of versions satisfies the constraints. The message explains why in pub's style, from
 * the root dependencies down to the conflicting packages. The exit code is {@link ExitCode#NOT_FOUND}
 * when the failure is that something needed does not exist: it rests on a package that does not exist or a range
 * no published version matches, and joins no two ranges on one package; {@link ExitCode#CONFLICT} otherwise, a
 * conflict that rules out on its way versions needing what does not exist included. A long explanation is shortened in
 * the message, whole in {@link #wholeMessage}.
 */
public final class ResolutionException extends PrompdException {

    /** The {@code kind} of a failure resting on a package that does not exist, named by {@code name}. */
    public static final String PACKAGE_NOT_FOUND = "packageNotFound";
    /**
     * The {@code kind} of a failure resting on a range no published version meets: {@code name}, {@code range} and,
     * when a package asks for it rather than the project, {@code dependent}.
     */
    public static final String VERSION_NOT_FOUND = "versionNotFound";
    /**
     * The {@code kind} of a conflict: {@code dependencies}, those it rests on, each as {@link #VERSION_NOT_FOUND} names
     * one.
     */
    public static final String CONFLICT = "resolutionConflict";

    private final String whole;

    /**
     * @param kind    one of the kinds above, which decides the exit code
     * @param fields  what a script acting on the kind reads
     * @param message the explanation, shortened when long
     * @param whole   the explanation however long
     */
    ResolutionException(String kind, Map<String, Object> fields, String message, String whole, String hint) {
        super(exitCodeOf(kind), message, hint, null, kind, fields);
        this.whole = Objects.requireNonNull(whole, "whole");
    }

    /** The explanation at length, where the message leaves out the middle of a long one. */
    @Override
    public Optional<String> wholeMessage() {
        return whole.equals(getMessage()) ? Optional.empty() : Optional.of(whole);
    }

    private static ExitCode exitCodeOf(String kind) {
        return switch (kind) {
            case PACKAGE_NOT_FOUND, VERSION_NOT_FOUND -> ExitCode.NOT_FOUND;
            case CONFLICT -> ExitCode.CONFLICT;
            default -> throw new IllegalArgumentException("no kind of a resolution's failure: " + kind);
        };
    }
}
