package io.prompd.core.manifest;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The author of a package, as npm writes it: an object {@code {name, email, url}} or the
 * shorthand string {@code "Name <email> (url)"}.
 *
 * @param name  the person's or organisation's name, never blank
 * @param email an e-mail address, or empty
 * @param url   a web address, or empty
 */
public record Person(String name, String email, String url) {

    private static final Pattern SHORTHAND = Pattern.compile("([^<>()]+?)\\s*(?:<([^<>]*)>)?\\s*(?:\\(([^()]*)\\))?");

    public Person {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a person needs a name");
        }
        email = Objects.requireNonNullElse(email, "").strip();
        url = Objects.requireNonNullElse(url, "").strip();
    }

    /**
     * Reads npm's shorthand {@code "Name <email> (url)"}; text that does not follow it is kept
     * whole as the name, because an author's name is free text.
     */
    public static Person parse(String shorthand) {
        String text = shorthand.strip();
        Matcher parts = SHORTHAND.matcher(text);
        if (parts.matches()) {
            return new Person(parts.group(1), parts.group(2), parts.group(3));
        }
        return new Person(text, "", "");
    }

    /** npm's shorthand, {@code Name <email> (url)}, leaving out the parts that are empty. */
    public String display() {
        StringBuilder out = new StringBuilder(name);
        if (!email.isEmpty()) {
            out.append(" <").append(email).append('>');
        }
        if (!url.isEmpty()) {
            out.append(" (").append(url).append(')');
        }
        return out.toString();
    }
}
