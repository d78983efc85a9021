package io.prompd.client.http;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OutagesTest {

    /** A host is given up on once a request's tries all failed, so an outage counts one at least. */
    @Test
    void anOutageWithNoTryIsRefused() {
        Origin origin = Origin.of(URI.create("https://registry.test/"));
        TransientFailure refused = new TransientFailure("connection refused");

        assertThrows(IllegalArgumentException.class, () -> new Outages.Outage(origin, 0, refused));
    }
}
