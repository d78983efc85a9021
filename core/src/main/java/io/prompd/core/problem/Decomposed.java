package io.prompd.core.problem;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Optional;

/**
 * How a name written decomposed is told where what it means is in Unicode NFC: macOS hands out names decomposed
 * (NFD), which look the same as the NFC ones package file names are and are other names to Linux, as to Jinja a
 * variable so written is another. A "did you mean" would offer the name just as it looks written; these words say
 * what differs, in prompd.json and a prompt alike, and either way round: a name written decomposed where what it
 * means is NFC, and one written in NFC where what it means is decomposed, as a file macOS named.
 */
public final class Decomposed {

    /** How such a name is written, after "is written ". */
    public static final String HOW = "decomposed (not in Unicode NFC, as macOS gives names out)";
    private static final String LINUX = ", which Linux takes for another";

    private Decomposed() {
    }

    /** The text in Unicode NFC, when it is written otherwise; empty when it is NFC already. */
    public static Optional<String> nfcOtherwise(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        return composed.equals(text) ? Optional.empty() : Optional.of(composed);
    }

    /** Whether {@code names} hold {@code text}, in NFC, only written otherwise: decomposed. */
    public static boolean heldDecomposed(String text, Collection<String> names) {
        return nfcOtherwise(text).isEmpty() && !names.contains(text)
                && names.stream().anyMatch(name -> nfcOtherwise(name).filter(text::equals).isPresent());
    }

    /**
     * The error's message for a path written decomposed where a file has the path in NFC.
     *
     * @param holder who has the file, and the file: {@code the package has 'prompts/café.prmd'}
     */
    public static String path(String written, String holder) {
        return "'" + written + "' is written " + HOW + ", and " + holder + " only under its NFC name" + LINUX;
    }

    /**
     * The error's message for a path written in NFC where a file has the path only decomposed
     * ({@link #heldDecomposed}), which is refused as a file's name of its own.
     *
     * @param holder who has the file: {@code the package has the file}
     */
    public static String file(String written, String holder) {
        return "'" + written + "' is written in NFC, and " + holder + " only under a name written " + HOW + LINUX;
    }

    /**
     * How to name the file {@link #file} tells of in NFC.
     *
     * @param like what writes it in NFC: {@code prompd.json writes it}
     */
    public static String renameHint(String like) {
        return "rename the file to its name in Unicode NFC, as " + like + " and package file names are: type the new"
                + " name rather than paste it";
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
