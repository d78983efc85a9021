package io.prompd.client.config;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.util.Map;

/**
 * A registry named that the configuration does not configure: a typo in {@code --registry}, {@code $PROMPD_REGISTRY}
 * or a command's argument, which a script tells from no registry configured at all ({@link NoRegistryChosen}).
 */
public final class UnknownRegistry extends PrompdException {

    /** The {@code kind} of its {@code --json} error. */
    public static final String KIND = "unknownRegistry";

    /**
     * @param name the registry as named, which its {@code --json} error gives as {@code registry}
     */
    UnknownRegistry(String name, String message, String hint) {
        super(ExitCode.NOT_FOUND, message, hint, null, KIND, Map.of("registry", name));
    }
}
