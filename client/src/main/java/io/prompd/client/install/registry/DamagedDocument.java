package io.prompd.client.install.registry;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;

/**
 * A registry's document that arrived and does not fit. A type of its own so that a look-up feeding only a courtesy,
 * the names suggested for one not found, can still name the document for whoever keeps the registry, where its other
 * failures (offline, unreachable) leave the courtesy out without a word, as the run says them elsewhere or they pass.
 */
final class DamagedDocument extends PrompdException {

    DamagedDocument(String message, String hint) {
        super(ExitCode.NETWORK, message, hint);
    }
}
