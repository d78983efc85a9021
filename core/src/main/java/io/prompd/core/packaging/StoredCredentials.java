package io.prompd.core.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.prompd.core.config.ConfigFields;
import io.prompd.core.json.FieldLines;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.problem.Pointer;
import io.prompd.core.problem.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A prompd configuration holding credentials, as {@code prompd login} stores them in a prompd home's
 * {@code config.json}: a registry's password or token, which no pattern of {@link SecretPatterns} knows, as any text
 * may be one. A home kept in a package folder (a CI caching {@code $PROMPD_HOME} in its checkout), or a copy of its
 * file, would publish them, whatever the file is named. A {@code tokenEnv} names a variable and holds no secret.
 */
final class StoredCredentials {

    private static final List<String> SECRET_FIELDS = List.of(ConfigFields.PASSWORD, ConfigFields.TOKEN);

    private StoredCredentials() {
    }

    /** The error of a text that is a prompd configuration holding a password or token, at the line of the first. */
    static Optional<Problem> find(String path, String text) {
        // most files never hold the word, and need no parsing
        if (!text.contains(ConfigFields.CREDENTIALS)) {
            return Optional.empty();
        }
        byte[] json = text.getBytes(StandardCharsets.UTF_8);
        JsonNode credentials;
        try {
            credentials = JsonTrees.readLastCounting(json, repeated -> { }).path(ConfigFields.CREDENTIALS);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        List<String> stored = credentials.isObject() ? credentials.properties().stream()
                .flatMap(registry -> SECRET_FIELDS.stream()
                        .filter(field -> registry.getValue().path(field).isTextual()
                                && !registry.getValue().path(field).textValue().isEmpty())
                        .map(field -> Pointer.of(ConfigFields.CREDENTIALS, registry.getKey(), field)).limit(1))
                .toList() : List.of();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Problem.error(path, "", "the file is a prompd configuration holding the password or token"
                + " 'prompd login' stored for " + (stored.size() == 1 ? "a registry" : stored.size() + " registries"),
                "remove it, keeping the prompd home ($PROMPD_HOME, --home) outside package folders,"
                + " and revoke the credential if it is real: once published, mirrors and the registry's Git history"
                + " keep it for good").atLine(FieldLines.ofJson(json).lineOf(stored.get(0))));
    }
}
