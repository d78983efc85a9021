package io.prompd.core.name;

import io.prompd.core.problem.Refusal;

/** A text that names no package: why, and apart from it how a package is written, where the reason leaves that out. */
public final class InvalidPackageSpecException extends IllegalArgumentException {

    private final transient Refusal refusal;

    InvalidPackageSpecException(Refusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
