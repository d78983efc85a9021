package io.prompd.core.prompt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for how a path written in a field is read, prompd.json's ({@code main}, {@code prompts},
 * {@code readme}) and a prompt's ({@code inherits}, {@code context}, {@code system}, ..., a file its template
 * includes) alike: names joined by {@code /} on every system, in normal form, so that the text names the one file it
 * reads as on every file system.
 */
public final class WrittenPaths {

    private WrittenPaths() {
    }

    /**
     * The path with each {@code \} read as the {@code /} it was likely meant as, a path copied from Windows: only
     * Windows takes {@code \} for a folder separator, where Linux and macOS read it as part of a name, so a package
     * written so works on one system alone. The rules check the path so meant, after {@link #backslashed} has been
     * reported.
     */
    public static String withSlashes(String path) {
        return path.replace('\\', '/');
    }

    /** The error's message for a path written with {@code \}. */
    public static String backslashed(String written) {
        return "'" + written + "' contains '\\'; package paths use '/' on every system";
    }

    /**
     * The path with {@code .} and empty segments dropped and each {@code name/..} resolved, as its text alone
     * resolves it, the {@code ..} that climb above where it starts kept in front: {@code nothere/../prompts/x.prmd} is
     * {@code prompts/x.prmd}, {@code ./../a//b.md} is {@code ../a/b.md}; {@code ""} when nothing is left.
     */
    public static String normalForm(String path) {
        List<String> names = new ArrayList<>();
        int climbs = 0;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (names.isEmpty()) {
                    climbs++;
                } else {
                    names.remove(names.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                names.add(segment);
            }
        }
        List<String> parts = new ArrayList<>(Collections.nCopies(climbs, ".."));
        parts.addAll(names);
        return String.join("/", parts);
    }

    /** Whether a path in {@link #normalForm} climbs above where it starts. */
    public static boolean climbs(String normal) {
        return normal.equals("..") || normal.startsWith("../");
    }

    /**
     * The error's message for a path written otherwise than with {@code /} in its {@link #normalForm}, empty when it
     * is written so.
     *
     * @param fromFolder as for {@link #offNormal}
     * @param rule       how a path of its field is written, with which the message ends
     */
    public static Optional<String> miswritten(String written, boolean fromFolder, String rule) {
        if (written.indexOf('\\') >= 0) {
            return Optional.of(backslashed(written));
        }
        return offNormal(written, fromFolder).map(off -> "'" + written + "' has " + off + " in its path: " + rule);
    }

    /**
     * What keeps a path with {@code /} from its {@link #normalForm}, for a message: {@code '.'}, {@code '..'},
     * {@code '//'} or {@code a final '/'}; empty when it is in it.
     *
     * @param fromFolder whether the path runs from a folder, as a prompt's does from its own: then it may start with
     *                   {@code ./} or with {@code ../} steps before its names, where one from the package root starts
     *                   with a name
     */
    public static Optional<String> offNormal(String path, boolean fromFolder) {
        String[] segments = path.split("/", -1);
        int at = 0;
        if (fromFolder && segments.length > 1 && segments[0].equals(".")) {
            at = 1;
        } else if (fromFolder) {
            while (at < segments.length - 1 && segments[at].equals("..")) {
                at++;
            }
        }
        for (; at < segments.length; at++) {
            String segment = segments[at];
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("'" + segment + "'");
            }
            if (segment.isEmpty()) {
                return Optional.of(at == segments.length - 1 ? "a final '/'" : "'//'");
            }
        }
        return Optional.empty();
    }
}
