package io.prompd.client.config;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.net.URI;
import java.util.List;

/**
 * No registry serves a package: none is chosen for the run, none is the default, and no route takes its scope. A
 * failure of its own, so that a command knowing where the packages came from (a project's lock) can say which
 * registries to configure rather than only how to configure one.
 */
public final class NoRegistryChosen extends PrompdException {

    /** The way round a missing default for one run, which the hints end with. */
    public static final String RUN_REGISTRY_ADVICE = "pass --registry URL (or set " + Settings.REGISTRY_VARIABLE
            + " to it)";

    private final List<RegistryUrl> configured;

    /**
     * @param configured the registries configured, none of them the default
     * @param hint       how to make one the default
     */
    NoRegistryChosen(String message, String hint, List<RegistryUrl> configured) {
        super(ExitCode.NOT_FOUND, message, hint);
        this.configured = List.copyOf(configured);
    }

    /** Whether a configured registry serves the registry whose root is {@code root}: adding it again is no fix. */
    public boolean isConfigured(URI root) {
        return configured.stream().anyMatch(registry -> registry.holds(root));
    }

    /** Whether any registry is configured. */
    public boolean anyConfigured() {
        return !configured.isEmpty();
    }

    /** This failure with another hint, for a command that knows better how to fix it. */
    public PrompdException hinting(String hint) {
        return new PrompdException(exitCode(), getMessage(), hint, this);
    }
}
