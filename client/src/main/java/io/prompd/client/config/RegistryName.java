package io.prompd.client.config;

import io.prompd.core.TerminalText;
import java.util.Objects;
import java.util.Set;
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

    /**
     * This name, else the first of {@code name-2}, {@code name-3}, … (the name shortened to leave room) that none of
     * {@code taken} is: the name for a suggested {@code registry add} to be run as it is, which refuses a name
     * configured with another URL.
     */
    public RegistryName freeAmong(Set<RegistryName> taken) {
        RegistryName free = this;
        for (int number = 2; taken.contains(free); number++) {
            String suffix = "-" + number;
            free = new RegistryName(value.substring(0, Math.min(value.length(), MAX_LENGTH - suffix.length()))
                    + suffix);
        }
        return free;
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
