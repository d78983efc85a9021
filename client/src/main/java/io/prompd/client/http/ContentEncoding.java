package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.protocol.Urls;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Compressed documents: CDNs gzip JSON when asked, which makes a package list several times
 * smaller. Only documents ask; a tarball is compressed already and is hashed as served.
 */
final class ContentEncoding {

    /** The request header that asks for gzip. */
    static final Map<String, String> ACCEPT_GZIP = Map.of("Accept-Encoding", "gzip");

    private ContentEncoding() {
    }

    /**
     * The body as the document's bytes. A gzip body's length is unknown until decoded; its own
     * trailer (length and CRC) reveals a body cut short, as an {@code EOFException} on read.
     */
    static ResponseBody decode(ResponseBody body, Optional<String> encoding, URI url) throws TransientFailure {
        String name = encoding.map(value -> value.strip().toLowerCase(Locale.ROOT)).orElse("identity");
        if (name.equals("identity")) {
            return body;
        }
        if (!name.equals("gzip") && !name.equals("x-gzip")) {
            closeQuietly(body);
            throw new PrompdException(ExitCode.NETWORK, "unsupported Content-Encoding '" + name + "' from "
                    + Urls.displayAnswered(url, body.source()), "the registry's host answered with an encoding"
                    + " prompd did not ask for");
        }
        try {
            return body.decodedBy(new GZIPInputStream(body.stream()), -1);
        } catch (IOException headerCutShortOrDamaged) {
            closeQuietly(body);
            throw new TransientFailure("the compressed body could not be read", headerCutShortOrDamaged);
        }
    }

    private static void closeQuietly(ResponseBody body) {
        try {
            body.stream().close();
        } catch (IOException ignored) {
            // the attempt is over either way
        }
    }
}
