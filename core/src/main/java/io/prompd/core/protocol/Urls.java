package io.prompd.core.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** URLs as prompd writes them, in {@code prompd.lock} and {@code --json}, and as messages show them. */
public final class Urls {

    private static final String HEX_DIGITS = "0123456789ABCDEF";
    /** What a masked user part shows as. */
    static final String MASK = "***";

    private Urls() {
    }

    /**
     * The URL {@code reference} names, read against {@code base} as a browser reads it: beside what {@link URI#resolve}
     * does, a {@code ..} going above the root is dropped (RFC 3986, 5.2.4), where URI keeps it. A document's
     * {@code ../../../tmp/x.tgz} would otherwise be fetched as the path {@code /../../../tmp/x.tgz}, which a server
     * reads as it pleases, or for a folder registry read as the file {@code /tmp/x.tgz}, outside it, and written so to
     * prompd.lock. A dot written {@code %2e} is a dot there too, as a browser reads it (RFC 3986, 6.2.2.2).
     */
    public static URI resolve(URI base, String reference) {
        URI resolved = base.resolve(withDotsDecoded(reference));
        String path = resolved.getRawPath();
        if (path == null || !path.startsWith("/..")) {
            return resolved;
        }
        String within = path;
        while (within.equals("/..") || within.startsWith("/../")) {
            within = within.length() == 3 ? "/" : within.substring(3);
        }
        return URI.create(resolved.getScheme() + ":" + (resolved.getRawAuthority() == null ? ""
                : "//" + resolved.getRawAuthority()) + within
                + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery())
                + (resolved.getRawFragment() == null ? "" : "#" + resolved.getRawFragment()));
    }

    /** The reference with each dot of its path written {@code %2e} or {@code %2E} as a dot; its query as it is. */
    private static String withDotsDecoded(String reference) {
        String path = beforeQuery(reference);
        return path.replaceAll("%2[eE]", ".") + reference.substring(path.length());
    }

    /** A URL's or reference's text up to its query or fragment, neither of whose '?' and '#' stands unescaped before. */
    public static String beforeQuery(String url) {
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        return query < 0 && fragment < 0 ? url
                : url.substring(0, query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment));
    }

    /**
     * The URL without user information and with its query and fragment hidden: each may carry a secret
     * (a password, a signed CDN link, the token a sign-in redirect hands on after {@code #}), and
     * messages end up in logs and bug reports.
     */
    public static String display(URI url) {
        if (url.getRawAuthority() == null) {
            // URI reads no user part where a user part may stand all the same: bob:secret@host, its scheme left out,
            // is opaque, and http//bob:secret@host/ a path
            return shown(written(url));
        }
        if (!holdsUserPart(url) && url.getRawQuery() == null && url.getRawFragment() == null) {
            return written(url);
        }
        String server = url.getRawAuthority() == null ? null : server(url.getRawAuthority());
        try {
            String shown = written(new URI(url.getScheme(), server, url.getPath(), null, null));
            return shown + (url.getRawQuery() == null ? "" : "?…") + (url.getRawFragment() == null ? "" : "#…");
        } catch (URISyntaxException impossible) {
            return url.getScheme() + "://" + url.getHost() + "/…";
        }
    }

    /**
     * The host and port of a raw authority: what follows its last '@', as WHATWG URL and curl read it, where URI takes
     * no user part holding an '@', nor one before a host it finds invalid, and reads the whole authority as a registry
     * name.
     */
    public static String server(String rawAuthority) {
        return rawAuthority.substring(rawAuthority.lastIndexOf('@') + 1);
    }

    /** Whether the URL's authority holds an '@', which ends a user part, whether or not URI reads one there. */
    public static boolean holdsUserPart(URI url) {
        return url.getRawAuthority() != null && url.getRawAuthority().indexOf('@') >= 0;
    }

    /**
     * The text with the user part of a URL in it, up to the authority's last '@', shown as {@code ***}, as in
     * {@code http://***@host/}: for a URL read with its user part masked, which {@link URI} would not read, or would
     * quote in its refusal; {@link #shown} quotes one.
     */
    public static String withUserPartMasked(String text) {
        int authorityStart = authorityStart(text);
        if (authorityStart < 0) {
            return text;
        }
        int at = text.lastIndexOf('@', authorityEnd(text, authorityStart) - 1);
        return at < authorityStart ? text : text.substring(0, authorityStart) + MASK + text.substring(at);
    }

    /**
     * The text with all from its {@code ://} to its last '@' shown as {@code ***}, when that '@' lies past the
     * authority as a URL reader finds it, at its first '/', '?' or '#': a user part holding one of those unescaped,
     * which ends the authority inside the password, so that a reader takes a piece of it for the host or port, and the
     * rest for the path. Empty when no '@' lies past the authority, or the URL has no authority at all
     * ({@code file:///path@x}). For a URL that does not read, or does not read as one that may be used: one that does,
     * such as {@code https://cdn.example/gh/acme/registry@main/}, holds an '@' in its path.
     */
    public static Optional<String> withUnescapedUserPartMasked(String text) {
        int authorityStart = authorityStart(text);
        if (authorityStart < 0) {
            return Optional.empty();
        }
        int authorityEnd = authorityEnd(text, authorityStart);
        int at = text.lastIndexOf('@');
        return authorityEnd == authorityStart || at < authorityEnd ? Optional.empty()
                : Optional.of(text.substring(0, authorityStart) + MASK + text.substring(at));
    }

    /**
     * The text as a message quotes it, for a text that is a URL, or holds one (a configuration key), whether or not it
     * reads, as {@link #display} shows one that does: all from the start of its user part to its last '@' shown as
     * {@code ***}, and its query and fragment as {@code ?…} and {@code #…}. A user part starts after the first
     * {@code //} (of {@code scheme://}, of a scheme-relative {@code //host/}, or of {@code http//}, its ':' left out,
     * which reads as a path), or, where the text has none, at its start when it reads as {@code user:password@host},
     * its scheme left out; it ends at the last '@', as a password may hold any character, unescaped. Text of no such
     * shape, such as {@code scopes.@acme} or a folder's {@code ./registries/@acme/}, is as it is.
     */
    public static String shown(String text) {
        return masking(text).shown();
    }

    /**
     * How {@link #shown} writes the text.
     *
     * @param shown      the text so written
     * @param maskFrom   where the masked user part starts in the text as written; -1 when none is masked
     * @param maskTo     where it ends, at its '@'; -1 when none is masked
     * @param hiddenFrom where the hidden query or fragment starts in the text as written; its length when none is
     */
    record Masking(String shown, int maskFrom, int maskTo, int hiddenFrom) {

        /** Where the character at the index of the text as written is in {@link #shown}; -1 when it is hidden. */
        int shownIndex(int index) {
            if (index >= hiddenFrom || maskFrom >= 0 && index >= maskFrom && index < maskTo) {
                return -1;
            }
            return maskFrom < 0 || index < maskFrom ? index : index - (maskTo - maskFrom) + MASK.length();
        }
    }

    static Masking masking(String text) {
        int start = userPartStart(text);
        if (start < 0) {
            return new Masking(text, -1, -1, text.length());
        }
        int at = text.lastIndexOf('@');
        // an empty authority holds no user part: file:///srv/reg@2/ names a folder
        boolean masked = at >= start && authorityEnd(text, start) > start;
        int rest = masked ? at : start;
        int hidden = rest;
        while (hidden < text.length() && "?#".indexOf(text.charAt(hidden)) < 0) {
            hidden++;
        }
        String hiddenAs = hidden == text.length() ? "" : text.charAt(hidden) == '#' ? "#…"
                : "?…" + (text.indexOf('#', hidden) < 0 ? "" : "#…");
        return new Masking((masked ? text.substring(0, start) + MASK : text.substring(0, start))
                + text.substring(rest, hidden) + hiddenAs, masked ? start : -1, masked ? at : -1, hidden);
    }

    /**
     * Where the user part of a URL in the text would start, as {@link #shown} finds it; -1 for a text of no URL's
     * shape. {@code user:password@host} is told from a folder's path by its ':', before any '/' and not followed by
     * one ({@code file:/srv/reg@2/} is a path), and before its last '@'.
     */
    private static int userPartStart(String text) {
        int authorityStart = authorityStart(text);
        if (authorityStart >= 0) {
            return authorityStart;
        }
        int colon = text.indexOf(':');
        boolean userAndPassword = colon > 0 && colon < text.lastIndexOf('@') && text.charAt(colon + 1) != '/'
                && text.lastIndexOf('/', colon) < 0;
        return userAndPassword ? 0 : -1;
    }

    /**
     * The text with a user part holding an '@' (which ends at the authority's last '@') written with each such '@'
     * as {@code %40}, as {@link URI} reads it, which takes no user part with one, nor the host after it: a password
     * that is any text, as a proxy's, is read as WHATWG URL and curl read it.
     */
    public static String withUserPartEscaped(String text) {
        int authorityStart = authorityStart(text);
        if (authorityStart < 0) {
            return text;
        }
        int at = text.lastIndexOf('@', authorityEnd(text, authorityStart) - 1);
        return at < authorityStart ? text : text.substring(0, authorityStart)
                + text.substring(authorityStart, at).replace("@", "%40") + text.substring(at);
    }

    /**
     * Where the authority of a URL in the text starts, after its first {@code //}: of its {@code ://}, or of a URL
     * written without its scheme ({@code //host/}) or its ':' ({@code http//host/}); -1 without one.
     */
    static int authorityStart(String text) {
        int slashes = text.indexOf("//");
        return slashes < 0 ? -1 : slashes + "//".length();
    }

    /** Where the authority starting there ends, as a URL reader finds it: at the first '/', '?' or '#', or the end. */
    static int authorityEnd(String text, int authorityStart) {
        int authorityEnd = authorityStart;
        while (authorityEnd < text.length() && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        return authorityEnd;
    }

    /**
     * A file URL as {@code file:///path}, as users write it and {@code prompd registry list} shows it, where
     * resolving against a {@code file:///} registry gives Java's {@code file:/path}, the same URL (which older
     * locks hold, and reading still takes); any other URL as it is.
     */
    public static String written(URI url) {
        String text = url.toString();
        // Not getRawSchemeSpecificPart(): of a URI made by resolve(), it decodes what may stand unescaped ('%27' as
        // "'", '%C3%BC' as 'ü'), so one URL would be written two ways, as whether toString() was asked first decides.
        if (!RegistryLayout.isFileUrl(url)) {
            return text;
        }
        String path = text.substring(url.getScheme().length() + 1);
        return !path.startsWith("/") || path.startsWith("//") ? text : url.getScheme() + "://" + path;
    }

    /**
     * The URL as it is sent, as {@link #pathAsSent} writes its path; its scheme, authority, query and fragment as they
     * are. An opaque URL, which has no path, as it is.
     */
    public static URI asSent(URI url) {
        String path = url.getRawPath();
        if (path == null || url.isOpaque()) {
            return url;
        }
        String sent = pathAsSent(path);
        if (sent.equals(path)) {
            return url;
        }
        // the raw path stands as it is in the text, after the scheme's ':' and the authority, if any
        String text = url.toString();
        int start = url.getScheme() == null ? 0 : url.getScheme().length() + 1;
        if (text.startsWith("//", start)) {
            start = authorityEnd(text, start + 2);
        }
        return URI.create(text.substring(0, start) + sent + text.substring(start + path.length()));
    }

    /**
     * A URL's raw path as it is sent: each character outside ASCII, which {@link URI} takes as it is and Java's HTTP
     * client sends as raw bytes (which servers read as other characters), written as the %-escapes of its UTF-8
     * bytes, as curl and browsers send it, every escape's hexadecimal digits upper-case (RFC 3986, 6.2.2.1), and the
     * escape of a letter, digit, '-', '_' or '~' the character itself (6.2.2.2).
     * However it was written (a registry URL, the generator's base URL, an index's tarball URL, a lock's), one place
     * has one URL, in the configuration, the registry's documents and the lock, and a path escaped already is not
     * escaped again. No Unicode normalization: 'é' and 'e' with a combining accent are other bytes on a server and on
     * disk.
     */
    public static String pathAsSent(String rawPath) {
        // every tarball URL of an index passes here as it is read: most are plain ASCII with nothing to rewrite
        if (rawPath.chars().noneMatch(character -> character == '%' || character >= 0x80)) {
            return rawPath;
        }
        StringBuilder sent = new StringBuilder(rawPath.length());
        for (int at = 0; at < rawPath.length(); ) {
            int character = rawPath.codePointAt(at);
            int length = Character.charCount(character);
            if (character == '%' && at + 2 < rawPath.length() && isHexDigit(rawPath.charAt(at + 1))
                    && isHexDigit(rawPath.charAt(at + 2))) {
                char escaped = (char) Integer.parseInt(rawPath.substring(at + 1, at + 3), 16);
                sent.append(isUnreservedButDot(escaped) ? String.valueOf(escaped)
                        : rawPath.substring(at, at + 3).toUpperCase(Locale.ROOT));
                length = 3;
            } else if (character < 0x80) {
                sent.append((char) character);
            } else {
                for (byte octet : rawPath.substring(at, at + length).getBytes(StandardCharsets.UTF_8)) {
                    sent.append('%').append(HEX_DIGITS.charAt((octet >> 4) & 0xF))
                            .append(HEX_DIGITS.charAt(octet & 0xF));
                }
            }
            at += length;
        }
        return sent.toString();
    }

    /**
     * A letter, digit, '-', '_' or '~', which an escape stands for as the character itself does (RFC 3986, 6.2.2.2):
     * {@code %41cme} is {@code Acme}. Not '.', unreserved too, whose escape a registry URL's rules refuse as a hidden
     * dot segment ({@code %2e%2e}) rather than have it resolve.
     */
    private static boolean isUnreservedButDot(char character) {
        return character < 0x80 && (Character.isLetterOrDigit(character) || character == '-' || character == '_'
                || character == '~');
    }

    private static boolean isHexDigit(char character) {
        return Character.digit(character, 16) >= 0 && character < 0x80;
    }

    /**
     * The URL asked for, with {@code (redirected to <answered>)} when redirects led away from it: a message about
     * what came back names the URL at the end of them too, as the host there sent it.
     */
    public static String displayAnswered(URI requested, URI answered) {
        return display(requested) + redirection(requested, answered);
    }

    /**
     * {@code " (redirected to <answered>)"} when redirects led away from the URL asked for, else nothing: for a
     * message naming that URL in its own words, such as a registry's {@code registry.json}.
     */
    public static String redirection(URI requested, URI answered) {
        return answered.equals(requested) ? "" : " (redirected to " + display(answered) + ")";
    }
}
