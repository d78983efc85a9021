package io.prompd.client.cli;

import io.prompd.client.config.Credentials;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Credentials as {@code registry list --json} and {@code config list --json} give them: fields, never the secret. */
final class CredentialsView {

    private CredentialsView() {
    }

    /**
     * {@code {"kind": "token", "source": "environment", "variable": "WORK_TOKEN"}}, or {@code {"kind": "basic",
     * "username": "alice", "source": "config", "file": "…/config.json"}} for a secret stored in {@code configFile},
     * so that a script tells the kind and where the secret is kept without parsing the words the text shows.
     */
    static Map<String, String> asJson(Credentials.Shown credentials, Path configFile) {
        Map<String, String> json = new TreeMap<>();
        json.put("kind", credentials.username().isPresent() ? "basic" : "token");
        credentials.username().ifPresent(username -> json.put("username", username));
        credentials.variable().ifPresentOrElse(variable -> {
            json.put("source", "environment");
            json.put("variable", variable);
        }, () -> {
            json.put("source", "config");
            json.put("file", configFile.toString());
        });
        return json;
    }
}
