package io.prompd.core.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where an offset of a prompt's body is in its file, so that every reader of the template can place what it finds by
 * the offset it finds it at, without counting lines itself.
 */
final class BodyLines {

    /** The 1-based file line of the body's first line. */
    private final int firstLine;
    /** The offset of each line's first character, ascending, for a binary search. */
    private final int[] lineStarts;

    /** @param firstLine the 1-based file line of the body's first line */
    BodyLines(String body, int firstLine) {
        this.firstLine = firstLine;
        this.lineStarts = lineStarts(body);
    }

    /** The 1-based file line of the character at this offset of the body. */
    int fileLine(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return firstLine + (found >= 0 ? found : -found - 2);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) {
            starts.add(index + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
