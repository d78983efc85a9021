package io.prompd.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/** What a screen reader would stumble on in a command's help. */
public final class HelpText {

    /** The narrowest and the widest help the tools lay out, as the cli module's Terminal clamps the width. */
    private static final int NARROWEST = 55;
    private static final int WIDEST = 120;
    /** A width at which no line of any help wraps. */
    private static final int UNWRAPPED = 10_000;

    private HelpText() {
    }

    /**
     * Each word a command's help splits across two lines at any width from 55 to 120 columns, as {@code name at
     * width: [pieces]}: empty when none does. Picocli's wrapping takes the dot before a letter for a place to break a
     * line, and "prompd." ending one line and "json" starting the next reads out as "prompd dot … json".
     *
     * @param layOut sets the width of every command's help
     * @param helps  every command's help by name, as laid out at the width set last
     */
    public static List<String> splitWordsAtAnyWidth(IntConsumer layOut, Supplier<Map<String, String>> helps) {
        layOut.accept(UNWRAPPED);
        Map<String, String> unwrapped = helps.get();
        List<String> split = new ArrayList<>();
        for (int width = NARROWEST; width <= WIDEST; width++) {
            layOut.accept(width);
            int columns = width;
            helps.get().forEach((name, help) -> {
                List<String> pieces = splitWords(help, unwrapped.get(name));
                if (!pieces.isEmpty()) {
                    split.add(name + " at " + columns + ": " + pieces);
                }
            });
        }
        return split;
    }

    /**
     * The pieces of each word {@code help} splits across lines, in order. A word is what lies between spaces, so a
     * split one shows as pieces that are no word of {@code unwrapped}, the same help laid out wide enough to wrap no
     * line.
     */
    private static List<String> splitWords(String help, String unwrapped) {
        Map<String, Integer> whole = new HashMap<>();
        words(unwrapped).forEach(word -> whole.merge(word, 1, Integer::sum));
        List<String> pieces = new ArrayList<>();
        for (String word : words(help)) {
            if (whole.merge(word, -1, Integer::sum) < 0) {
                pieces.add(word);
            }
        }
        return pieces;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).toList();
    }
}
