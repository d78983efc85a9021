package io.prompd.client.http;

import io.prompd.client.install.lock.LockedPackage;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The fields of a {@code --json} error that a failed request gives a script beside its kind, in one shape whatever
 * failed: {@code status} when an answer came, {@code retryAfter} in seconds when it said when to come back, and the
 * {@code url} asked for.
 */
public final class RequestFields {

    private RequestFields() {
    }

    /**
     * @param url shown as a lock records it, which messages name too: no user part, and of its query only what
     *            addresses a file, never a signature or a token
     */
    public static Map<String, Object> of(OptionalInt status, Optional<Duration> retryAfter, URI url) {
        Map<String, Object> fields = new LinkedHashMap<>();
        status.ifPresent(answered -> fields.put("status", answered));
        retryAfter.ifPresent(wait -> fields.put("retryAfter", wait.toSeconds()));
        fields.put("url", LockedPackage.display(url));
        return Collections.unmodifiableMap(fields);
    }
}
