package io.prompd.cli;

import io.prompd.core.problem.Refusal;
import picocli.CommandLine;

/**
 * A value a converter refuses, with why and, apart from that, how such a value is written, where the reason leaves
 * that out: a usage error naming several refused values tells that advice once, in its hint, rather than after each
 * reason.
 */
public final class AdvisedConversionException extends CommandLine.TypeConversionException {

    private final transient Refusal refusal;

    public AdvisedConversionException(Refusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
