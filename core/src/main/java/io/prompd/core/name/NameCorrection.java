package io.prompd.core.name;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The valid package name a text that is none most likely means, when all that keeps it from being one is the case of
 * its letters, an '_' or '.' a part starts with, as npm's packages and folders are often named ({@code My_Pkg},
 * {@code _private}), a '.' it ends with, which Windows drops, or spaces, as a project's title is written
 * ({@code My Project}): the fix a refusal offers, in the client and the registry's check alike.
 *
 * @param name the valid name meant
 * @param rule the rules the text breaks, as a clause that the fix follows: {@code package names are lower case}
 */
public record NameCorrection(PackageName name, String rule) {

    /** An '_' or '.' starting the name or the scope (after its '@') or the name after a scope's '/'. */
    private static final Pattern LEADING_MARKS = Pattern.compile("(^@?|/)[_.]+");
    /** The '.' ending the scope or the name, which Windows drops from a folder's name. */
    private static final Pattern TRAILING_DOTS = Pattern.compile("\\.+(?=/|$)");
    /** Spaces between words, which a name writes as '-', as npm's and cargo's do. */
    private static final Pattern SPACES = Pattern.compile("(?<=\\S)\\s+(?=\\S)");

    public NameCorrection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * The fix, as a command's hint words it: {@code package names are lower case, so write '@acme/pkg@^1.0'}, where
     * {@code written} is what the user typed with the name corrected (the name alone, or with its version).
     */
    public String writeInstead(String written) {
        return rule + ", so write '" + written + "'";
    }

    /** The correction of the text, or empty when it is a valid name, or when the fixes above make none. */
    public static Optional<NameCorrection> of(String text) {
        if (PackageName.check(text).isEmpty()) {
            return Optional.empty();
        }
        String lowerCase = text.toLowerCase(Locale.ROOT);
        String started = LEADING_MARKS.matcher(lowerCase).replaceAll("$1");
        String ended = TRAILING_DOTS.matcher(started).replaceAll("");
        String hyphenated = SPACES.matcher(ended).replaceAll("-");
        List<String> rules = new ArrayList<>();
        if (!lowerCase.equals(text)) {
            rules.add("are lower case");
        }
        if (!started.equals(lowerCase)) {
            rules.add("start with a letter or digit");
        }
        if (!ended.equals(started)) {
            rules.add("do not end with '.'");
        }
        if (!hyphenated.equals(ended)) {
            rules.add("write '-' for a space");
        }
        return PackageName.check(hyphenated).isEmpty()
                ? Optional.of(new NameCorrection(PackageName.parse(hyphenated), "package names " + String.join(" and ",
                        rules)))
                : Optional.empty();
    }
}
