package io.prompd.client.config;

import io.prompd.core.TerminalText;
import java.util.Objects;
import java.util.regex.Pattern;

/** The name a user gives a registry in the configuration, as in {@code prompd registry add work https://...}. */
public record RegistryName(String value) implements RegistryRef, Comparable<RegistryName> {

    public static final int MAX_LENGTH = 64;

    private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public RegistryName {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid registry name " + TerminalText.quoted(value) + ": use 1 to "
                    + MAX_LENGTH + " lowercase letters a-z, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }

    public static RegistryName parse(String text) {
        return new RegistryName(text);
    }

    /** Whether the text is a name {@link #parse} takes. */
    public static boolean isValid(String text) {
        return text.length() <= MAX_LENGTH && RULE.matcher(text).matches();
    }

    @Override
    public int compareTo(RegistryName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
