package io.prompd.generator.source;

/** How a path differs between two commits. A rename shows as a deletion and an addition. */
public enum ChangeType {
    ADDED,
    MODIFIED,
    DELETED
}
