package io.prompd.client.install.registry;

import io.prompd.client.http.AccessRefused;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.protocol.Urls;

/**
 * What a registry's refusal (HTTP 401 or 403) tells the user to do, by what went with the request: a 401 is a verdict
 * on the credentials sent (or on none sent), a 403 on the account they prove, which logging in again does not change.
 */
final class Refusal {

    private Refusal() {
    }

    /**
     * A refusal naming the registry as configured, and the scope's route that chose it, and telling credentials sent
     * and refused from none stored, which logging in fixes for different reasons, and from credentials that do not go
     * where the request ended, which it does not: a redirect to another host (a CDN) or out of the registry's path, or
     * a tarball the registry keeps on one. A token refused that an environment variable holds is replaced there: the
     * user keeps it out of the configuration, as CI does, which a login would undo.
     */
    static PrompdException of(RegistryEndpoint endpoint, String named, AccessRefused refused) {
        String login = "'prompd login --registry " + endpoint.loginArgument() + "'";
        boolean forbidden = refused.status() == 403;
        String hint;
        if (refused.authorized()) {
            String sent = endpoint.tokenVariable().map(variable -> "the token in $" + variable)
                    .orElse("the credentials stored for it");
            if (forbidden) {
                // the server knows who is asking and says no: new credentials of the same account get the same answer
                hint = "it accepted " + sent + " but does not let their account read this file: ask the registry's"
                        + " maintainers for access";
            } else {
                hint = endpoint.tokenVariable().map(variable -> "it refused " + sent + ", which may have expired or be"
                        + " wrong: update the variable, where prompd reads it on each run")
                        .orElse("it refused " + sent + ", which may have expired or be wrong: log in again with "
                                + login);
            }
        } else if (endpoint.credential().isPresent() || !endpoint.sendsCredentialsTo(refused.answeredBy())) {
            hint = "no credentials went with the request: prompd sends a registry's only to URLs under its URL (the"
                    + " same scheme, host and port, and a path below its path), and not again once a redirect has left"
                    + " them, so logging in does not help; tell the registry's maintainers";
        } else if (forbidden) {
            hint = "it may need credentials, and none are stored for it: log in with " + login + ", or ask the"
                    + " registry's maintainers for access";
        } else {
            hint = "it wants credentials and none are stored for it: log in with " + login;
        }
        return new PrompdException(ExitCode.NETWORK, named + " refused access (HTTP " + refused.status() + "): "
                + Urls.displayAnswered(refused.url(), refused.answeredBy()), hint, refused);
    }
}
