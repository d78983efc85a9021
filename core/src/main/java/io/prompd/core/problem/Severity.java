package io.prompd.core.problem;

/** How serious a {@link Problem} is: errors block packing and publishing, warnings do not. */
public enum Severity {
    ERROR,
    WARNING;

    @com.fasterxml.jackson.annotation.JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
