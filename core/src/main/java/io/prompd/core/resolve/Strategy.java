package io.prompd.core.resolve;

/**
 * Which version of a package the resolver tries first among those still allowed. Either way, deprecated versions are
 * tried only after every allowed version that is not, as npm-pick-manifest passes them over.
 */
public enum Strategy {
    /**
     * The version the {@code latest} dist-tag points at when it is allowed and neither yanked nor deprecated, as npm
     * chooses, and otherwise the newest: what an install wants.
     */
    HIGHEST,
    /** The oldest: shows whether the lower bounds of the ranges are honest. */
    LOWEST
}
