package io.prompd.client.http;

/**
 * A failure worth another attempt: no connection, a timeout, a 5xx or 429 answer, a body cut
 * short. Its message names what happened and never a credential.
 */
final class TransientFailure extends Exception {

    TransientFailure(String message) {
        super(message);
    }

    TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
