package io.prompd.client.http;

import java.io.InputStream;

/**
 * A body to read, from a server or a file.
 *
 * @param stream the bytes; the reader closes it
 * @param length the announced length, or -1 when unknown
 */
record ResponseBody(InputStream stream, long length) {
}
