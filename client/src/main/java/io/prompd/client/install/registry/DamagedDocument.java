package io.prompd.client.install.registry;

import io.prompd.client.http.RequestFields;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A registry's document that arrived and does not fit. A type of its own so that a look-up feeding only a courtesy,
 * the names suggested for one not found, can still name the document for whoever keeps the registry, where its other
 * failures (offline, unreachable) leave the courtesy out without a word, as the run says them elsewhere or they pass.
 */
final class DamagedDocument extends PrompdException {

    /** The {@code kind} of its {@code --json} error: the registry answered, with what prompd cannot use. */
    static final String KIND = "badDocument";

    /**
     * @param url the document's, as asked for
     */
    DamagedDocument(String message, String hint, URI url) {
        super(ExitCode.NETWORK, message, hint, null, KIND,
                RequestFields.of(OptionalInt.empty(), Optional.empty(), url));
    }
}
