package io.prompd.core.packaging;

import io.prompd.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The line {@code prompd init} writes into LICENSE where only the author has the text to put (a {@code LicenseRef-…}
 * of their own, which SPDX publishes no text of, or the terms {@code SEE LICENSE IN LICENSE} points at), and its
 * finding in a file to pack: one place for both, so that the check knows every line init writes.
 */
public final class LicensePlaceholder {

    private static final String BEFORE = "[The full text of ";
    private static final String AFTER = " is the author's to add here.]";

    private LicensePlaceholder() {
    }

    /** The line standing in for the full text of {@code whose}: an identifier, or {@code the license}. */
    public static String line(String whose) {
        return BEFORE + whose + AFTER;
    }

    /**
     * A warning at each placeholder line of a packed file: the package would ship it as its terms, with no terms in it.
     * Not an error, since what the text should be is the author's call, and a file of notes may quote the line.
     */
    static List<Problem> find(String path, String text) {
        if (!text.contains(AFTER)) {
            return List.of();
        }
        List<Problem> found = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.startsWith(BEFORE) && line.endsWith(AFTER) && line.length() > BEFORE.length() + AFTER.length()) {
                String whose = line.substring(BEFORE.length(), line.length() - AFTER.length());
                found.add(Problem.warning(path, "", "the line 'prompd init' wrote in place of the full text of " + whose
                        + " is still there", "replace the line with that text before you publish: the package ships"
                        + " this file with it").atLine(index + 1));
            }
        }
        return found;
    }
}
