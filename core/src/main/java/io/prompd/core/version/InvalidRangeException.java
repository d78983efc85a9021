package io.prompd.core.version;

/** A dependency range that does not parse, or that prompd refuses because it cannot evaluate it exactly as npm does. */
public final class InvalidRangeException extends IllegalArgumentException {
    public InvalidRangeException(String message) {
        super(message);
    }
}
