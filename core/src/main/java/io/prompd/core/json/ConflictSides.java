package io.prompd.core.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two sides of a text a Git merge left with conflict markers, as npm reads a conflicted lock: each side is the
 * text outside the conflicts with that side's lines of every conflict, the merge base's lines of diff3 style
 * ({@code |||||||}), the other side's and the markers each left as an empty line, so that a line of a side is the
 * line of the file (JSON reads an empty line as none).
 *
 * @param ours        the text with the first side of every conflict ({@code <<<<<<<}): the branch merged into, HEAD
 * @param theirs      the text with the second side ({@code >>>>>>>}): the branch merged in
 * @param oursLabel   what the first conflict's {@code <<<<<<<} line names (a branch, {@code HEAD}), maybe empty
 * @param theirsLabel what its {@code >>>>>>>} line names, maybe empty
 * @param firstLine   the line of the first marker, from 1
 */
public record ConflictSides(String ours, String theirs, String oursLabel, String theirsLabel, int firstLine) {

    /**
     * A line Git writes around the two sides of a conflicted merge, with what it names after it: seven of a character
     * by default, more where a {@code conflict-marker-size} attribute asks for them.
     */
    private static final Pattern MARKER = Pattern.compile("(<{7,}|\\|{7,}|={7,}|>{7,})(?: (.*?))?\\r?");

    private enum Section { OUTSIDE, OURS, BASE, THEIRS }

    public ConflictSides {
        Objects.requireNonNull(ours, "ours");
        Objects.requireNonNull(theirs, "theirs");
        Objects.requireNonNull(oursLabel, "oursLabel");
        Objects.requireNonNull(theirsLabel, "theirsLabel");
        if (firstLine < 1) {
            throw new IllegalArgumentException("a conflict starts on a line, from 1: " + firstLine);
        }
    }

    /** Whether the line is one Git writes to open ({@code <<<<<<<}), divide or close ({@code >>>>>>>}) a conflict. */
    public static boolean isMarker(String line) {
        Matcher marker = MARKER.matcher(line);
        // ======= and ||||||| name nothing after them; a ||||||| line alone is not told as a conflict's
        return marker.matches() && !marker.group(1).startsWith("|")
                && (marker.group(2) == null || !marker.group(1).startsWith("="));
    }

    /**
     * The sides of a text with conflict markers; empty when it has none, or when they do not nest as Git writes them
     * (a marker out of its place, a conflict left open), so that no side is made up.
     */
    public static Optional<ConflictSides> of(byte[] text) {
        String[] lines = new String(text, StandardCharsets.UTF_8).split("\n", -1);
        List<String> ours = new ArrayList<>();
        List<String> theirs = new ArrayList<>();
        Section section = Section.OUTSIDE;
        String oursLabel = null;
        String theirsLabel = null;
        int firstLine = 0;
        for (int index = 0; index < lines.length; index++) {
            Matcher marker = MARKER.matcher(lines[index]);
            String kind = marker.matches() ? marker.group(1).substring(0, 1) : "";
            String label = kind.isEmpty() || marker.group(2) == null ? "" : marker.group(2);
            Section next = switch (kind) {
                case "<" -> section == Section.OUTSIDE ? Section.OURS : null;
                case "|" -> section == Section.OURS ? Section.BASE : null;
                case "=" -> section == Section.OURS || section == Section.BASE ? Section.THEIRS
                        : section == Section.OUTSIDE ? Section.OUTSIDE : null;
                case ">" -> section == Section.THEIRS ? Section.OUTSIDE : null;
                default -> section;
            };
            if (next == null) {
                return Optional.empty();
            }
            if (kind.isEmpty() || next == section) {
                // a line of text, or a row of = outside any conflict, which is the text's own; a line of the other
                // side is an empty one, so that each side's lines are where they are in the file its reader names
                ours.add(section != Section.THEIRS && section != Section.BASE ? lines[index] : "");
                theirs.add(section != Section.OURS && section != Section.BASE ? lines[index] : "");
                continue;
            }
            ours.add("");
            theirs.add("");
            if (firstLine == 0) {
                firstLine = index + 1;
                oursLabel = label;
            }
            if (theirsLabel == null && kind.equals(">")) {
                theirsLabel = label;
            }
            section = next;
        }
        if (firstLine == 0 || section != Section.OUTSIDE) {
            return Optional.empty();
        }
        return Optional.of(new ConflictSides(String.join("\n", ours), String.join("\n", theirs), oursLabel,
                theirsLabel, firstLine));
    }
}
