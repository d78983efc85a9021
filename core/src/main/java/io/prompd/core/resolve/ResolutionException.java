package io.prompd.core.resolve;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * No set of versions satisfies the constraints. The message explains why in pub's style, from
 * the root dependencies down to the conflicting packages. The exit code is {@link ExitCode#NOT_FOUND}
 * when the failure is that something needed does not exist: it rests on a package that does not exist or a range
 * no published version matches, and joins no two ranges on one package; {@link ExitCode#CONFLICT} otherwise, a
 * conflict that rules out on its way versions needing what does not exist included. A long explanation is shortened in
 * the message, whole in {@link #wholeMessage}.
 */
public final class ResolutionException extends PrompdException {

    private static final Set<ExitCode> ALLOWED = Set.of(ExitCode.CONFLICT, ExitCode.NOT_FOUND);

    private final String whole;

    /**
     * @param message the explanation, shortened when long
     * @param whole   the explanation however long
     */
    ResolutionException(ExitCode exitCode, String message, String whole, String hint) {
        super(requireAllowed(exitCode), message, hint);
        this.whole = Objects.requireNonNull(whole, "whole");
    }

    /** The explanation at length, where the message leaves out the middle of a long one. */
    @Override
    public Optional<String> wholeMessage() {
        return whole.equals(getMessage()) ? Optional.empty() : Optional.of(whole);
    }

    private static ExitCode requireAllowed(ExitCode exitCode) {
        if (!ALLOWED.contains(exitCode)) {
            throw new IllegalArgumentException("a resolution fails with CONFLICT or NOT_FOUND, not " + exitCode);
        }
        return exitCode;
    }
}
