package io.prompd.core.resolve;

/** Which version of a package the resolver tries first among those still allowed. */
public enum Strategy {
    /** The newest: what an install wants. */
    HIGHEST,
    /** The oldest: shows whether the lower bounds of the ranges are honest. */
    LOWEST
}
