package io.prompd.core.protocol;

import java.net.URISyntaxException;

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
