package io.prompd.client.http;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head (status line and header fields) of the responses a thread reads over {@link java.net.HttpURLConnection},
 * kept while it asks. The JDK reads the challenges of a 401 ({@code WWW-Authenticate}) and of a 407
 * ({@code Proxy-Authenticate}) before it gives the status, and one it cannot parse (empty, {@code "}, {@code ==}, a
 * parameter with no scheme before it) fails with an {@link IllegalArgumentException} of its header parser: the
 * request fails, and so does every later read of the connection, its status line (header field 0) included. The
 * head, read before, is handed to the cookie handler first: the JDK's one call into other code between reading a head
 * and acting on it, and so the one way left to what the server answered.
 *
 * <p>It stores and sends no cookies: a registry needs none. A handler installed before it keeps doing so.
 */
final class ResponseHeads extends CookieHandler {

    /** The status code in a status line, as the JDK reads it: {@code HTTP/1.1 401 Unauthorized}. */
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.\\d (\\d{3})(?: .*)?", Pattern.DOTALL);

    private static final ThreadLocal<Kept> KEPT = new ThreadLocal<>();

    private final Optional<CookieHandler> before;

    private ResponseHeads(Optional<CookieHandler> before) {
        this.before = before;
    }

    /** Makes this the JVM's cookie handler, which each connection takes when it is made, if it is not yet. */
    static synchronized void install() {
        CookieHandler installed = CookieHandler.getDefault();
        if (!(installed instanceof ResponseHeads)) {
            CookieHandler.setDefault(new ResponseHeads(Optional.ofNullable(installed)));
        }
    }

    /** Keeps the head of each response the current thread reads from now until {@link Kept#close}. */
    static Kept keep() {
        Kept kept = new Kept();
        KEPT.set(kept);
        return kept;
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return before.isPresent() ? before.get().get(uri, requestHeaders) : Map.of();
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        Kept kept = KEPT.get();
        if (kept != null) {
            kept.last = Head.of(responseHeaders);
        }
        if (before.isPresent()) {
            before.get().put(uri, responseHeaders);
        }
    }

    /** The heads a thread reads while it keeps them: the last one stays. */
    static final class Kept implements AutoCloseable {
        private Head last;

        private Kept() {
        }

        /** The head of the last response read since {@link #keep}, if any came. */
        Optional<Head> last() {
            return Optional.ofNullable(last);
        }

        @Override
        public void close() {
            KEPT.remove();
        }
    }

    /**
     * A response's head as the JDK hands it to a cookie handler.
     *
     * @param statusLine as sent, such as {@code HTTP/1.1 401 Unauthorized}; empty when there was none
     * @param fields     each field's values under its name as the server wrote it, in the order sent (older JDKs, 17
     *                   among them, list a field's values from the last to the first)
     */
    record Head(String statusLine, Map<String, List<String>> fields) {

        Head {
            Objects.requireNonNull(statusLine, "statusLine");
            fields = Map.copyOf(fields);
        }

        /** The head in the JDK's form, its status line under the key {@code null}. */
        static Head of(Map<String, List<String>> given) {
            Map<String, List<String>> fields = new HashMap<>();
            String statusLine = "";
            for (Map.Entry<String, List<String>> field : given.entrySet()) {
                List<String> values = field.getValue().stream().filter(Objects::nonNull).toList();
                if (field.getKey() != null) {
                    fields.put(field.getKey(), values);
                } else if (!values.isEmpty()) {
                    statusLine = values.get(0);
                }
            }
            return new Head(statusLine, fields);
        }

        /** The status code its status line gives, read as the JDK reads one. */
        OptionalInt status() {
            Matcher line = STATUS_LINE.matcher(statusLine);
            return line.matches() ? OptionalInt.of(Integer.parseInt(line.group(1))) : OptionalInt.empty();
        }

        /** Every value of the field, its name compared ignoring case. */
        List<String> values(String name) {
            return fields.entrySet().stream().filter(field -> field.getKey().equalsIgnoreCase(name))
                    .flatMap(field -> field.getValue().stream()).toList();
        }
    }
}
