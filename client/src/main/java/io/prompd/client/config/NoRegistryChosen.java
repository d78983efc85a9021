package io.prompd.client.config;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.util.Map;
import java.util.Objects;

/**
 * No registry serves a package: none is chosen for the run, none is the default, and no route takes its scope. A
 * failure of its own, so that a command knowing where the packages came from (a project's lock) can say which
 * registries to configure rather than only how to configure one.
 */
public final class NoRegistryChosen extends PrompdException {

    /** The {@code kind} of its {@code --json} error. */
    public static final String KIND = "registryNotConfigured";

    /** The way round a missing default for one run, which the hints end with. */
    public static final String RUN_REGISTRY_ADVICE = "pass --registry URL (or set " + Settings.REGISTRY_VARIABLE
            + " to it)";

    private final Config config;

    /**
     * @param hint   how to make one the default
     * @param config the configuration that chose none: no default in it, and no route for the package
     */
    NoRegistryChosen(String message, String hint, Config config) {
        super(ExitCode.NOT_FOUND, message, hint, null, KIND, Map.of());
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The configuration that chose none, so that a hint knows what to add to it, and which names are taken. */
    public Config config() {
        return config;
    }

    /** This failure with another hint, for a command that knows better how to fix it. */
    public PrompdException hinting(String hint) {
        return new PrompdException(exitCode(), getMessage(), hint, this);
    }
}
