package io.prompd.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a screen reader would stumble on in a command's help. */
public final class HelpText {

    /**
     * A file name broken at its dot, picocli's wrapping taking the dot before a letter for a place to break a line:
     * "prompd." ending one line and "lock" starting the next, read out as "prompd dot … lock".
     */
    private static final Pattern SPLIT_NAME = Pattern.compile("\\S+\\.\\R\\s*(?:json|lock|prmd|prompd|md|tgz)\\b\\S*");

    private HelpText() {
    }

    /** Each file name {@code help} splits across two lines, as it shows there: empty when none is. */
    public static List<String> splitFileNames(String help) {
        List<String> split = new ArrayList<>();
        Matcher name = SPLIT_NAME.matcher(help);
        while (name.find()) {
            split.add(name.group());
        }
        return split;
    }
}
