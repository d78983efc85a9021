package io.prompd.core.problem;

import java.text.Normalizer;
import java.util.Optional;

/**
 * How a name written decomposed is told where what it means is in Unicode NFC: macOS hands out names decomposed
 * (NFD), which look the same as the NFC ones package file names are and are other names to Linux, as to Jinja a
 * variable so written is another. A "did you mean" would offer the name just as it looks written; these words say
 * what differs, in prompd.json and a prompt alike.
 */
public final class Decomposed {

    /** How such a name is written, after "is written ". */
    public static final String HOW = "decomposed (not in Unicode NFC, as macOS gives names out)";

    private Decomposed() {
    }

    /** The text in Unicode NFC, when it is written otherwise; empty when it is NFC already. */
    public static Optional<String> nfcOtherwise(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        return composed.equals(text) ? Optional.empty() : Optional.of(composed);
    }

    /**
     * The error's message for a path written decomposed where a file has the path in NFC.
     *
     * @param holder who has the file, and the file: {@code the package has 'prompts/café.prmd'}
     */
    public static String path(String written, String holder) {
        return "'" + written + "' is written " + HOW + ", and " + holder + " only under its NFC name, which Linux takes"
                + " for another";
    }

    /**
     * How to write it in NFC.
     *
     * @param what  what to write: {@code the path}
     * @param like  what is in NFC: {@code package file names are}
     * @param whose the file whose text to normalize: {@code prompd.json's}
     */
    public static String hint(String what, String like, String whose) {
        return "write " + what + " in Unicode NFC, as " + like + ": type it again rather than paste it, or normalize "
                + whose + " text to NFC";
    }
}
