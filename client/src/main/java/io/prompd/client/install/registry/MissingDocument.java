package io.prompd.client.install.registry;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;

/**
 * A document every registry built by prompd-registry serves, which this one's host does not: it answered not found, or
 * a web page in its place (a host or a registry kept by hand, serving its own page for files it lacks). A type of its
 * own for the same courtesy as {@link DamagedDocument}: the names suggested for one not found are left out saying why,
 * for whoever keeps the registry to hear of it, where a passing failure leaves them out without a word.
 */
final class MissingDocument extends PrompdException {

    MissingDocument(PrompdException answer, String message) {
        super(answer.exitCode(), message, answer.hint(), answer);
    }
}
