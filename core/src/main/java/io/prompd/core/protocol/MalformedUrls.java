package io.prompd.core.protocol;

import java.net.URISyntaxException;
import java.util.Locale;
import java.util.stream.IntStream;

/** Where a URL that {@link java.net.URI} refused goes wrong, for a message that points at it. */
public final class MalformedUrls {

    /**
     * The ASCII characters besides letters and digits {@link java.net.URI} takes in an authority (RFC 2396's
     * registry-based authority, with the brackets of an IPv6 address and the '%' of an escape).
     */
    private static final String AUTHORITY_SYMBOLS = "-_.!~*'()$,;:@&=+[]%";

    private MalformedUrls() {
    }

    /**
     * Why the parser refused the text, lower-case, with {@code at position N} of the character that broke it, counted
     * from 1 in the text as {@link Urls#shown} quotes it, which the message shows: counted in the text as written, it
     * would point at another character, and tell how long the password is. No position when the parser named none, or
     * it lies in the masked user part or the hidden query or fragment, where no character shows.
     */
    public static String reason(String text, URISyntaxException malformed) {
        int shown = shownIndex(text, offendingIndex(text, malformed));
        return malformed.getReason().toLowerCase(Locale.ROOT) + (shown < 0 ? "" : " at position " + (shown + 1));
    }

    /**
     * {@link #reason}, with how to write a space when the text's first one stands past its host, where {@code %20}
     * keeps the URL's meaning: for a URL someone wrote, such as registry.json's. A host name can hold none, escaped or
     * not, and the reason already points at it there.
     */
    public static String reasonWithSpaceAdvice(String text, URISyntaxException malformed) {
        int space = IntStream.range(0, text.length()).filter(at -> Character.isWhitespace(text.charAt(at)))
                .findFirst().orElse(-1);
        int authorityStart = Urls.authorityStart(text);
        int hostEnd = authorityStart < 0 ? 0 : Urls.authorityEnd(text, authorityStart);
        return reason(text, malformed) + (space >= hostEnd ? ": write a space as %20" : "");
    }

    /**
     * Where the character at the index of the text as written stands in it as {@link Urls#shown} shows it, with its
     * user part masked and its query and fragment hidden; -1 when it is masked or hidden, or when the index is.
     */
    private static int shownIndex(String text, int index) {
        return index < 0 ? index : Urls.masking(text).shownIndex(index);
    }

    /**
     * The index of the character that broke the URL, or -1 when the parser named none. {@link java.net.URI} points
     * at the start of the authority for any character it cannot hold ({@code http://a^b/} at the 'a'), so the first
     * there that it cannot take is found; elsewhere its own index already points at the character.
     */
    public static int offendingIndex(String text, URISyntaxException malformed) {
        int index = malformed.getIndex();
        if (index < 0 || index >= text.length() || !malformed.getReason().endsWith("in authority")) {
            return index;
        }
        for (int at = index, end = Urls.authorityEnd(text, index); at < end; at++) {
            if (!fitsAuthority(text.charAt(at))) {
                return at;
            }
        }
        return index;
    }

    /** Letters and digits, the symbols above, and any non-ASCII character that is neither a control nor a space. */
    private static boolean fitsAuthority(char character) {
        if (character >= 0x80) {
            return !Character.isISOControl(character) && !Character.isSpaceChar(character);
        }
        return Character.isLetterOrDigit(character) || AUTHORITY_SYMBOLS.indexOf(character) >= 0;
    }
}
