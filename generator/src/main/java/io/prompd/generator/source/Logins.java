package io.prompd.generator.source;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** GitHub logins: which text is one, and sets of them, kept as written and compared as GitHub compares logins. */
public final class Logins {

    /** GitHub's rule for user names, and the {@code [bot]} suffix of the apps that open pull requests. */
    private static final Pattern GITHUB_LOGIN = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*(?:\\[bot])?");

    /** How a login is written, for a message refusing one. */
    public static final String RULE = "letters, digits and single hyphens inside (as in octo-cat), or an app's login"
            + " such as dependabot[bot]";

    private Logins() {
    }

    /**
     * Whether the text is a GitHub login: one the registry's files name is compared with the pull request's
     * author, and one that is not could neither match anybody nor be told from another by a reviewer.
     */
    public static boolean isLogin(String text) {
        return GITHUB_LOGIN.matcher(text).matches();
    }

    /**
     * GitHub logins, which GitHub compares ignoring case: a maintainer may write {@code Alice} where
     * the pull request's actor is {@code alice}. Kept as written, sorted and compared ignoring case.
     */
    static SortedSet<String> of(Collection<String> logins) {
        SortedSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        sorted.addAll(logins);
        return Collections.unmodifiableSortedSet(sorted);
    }
}
