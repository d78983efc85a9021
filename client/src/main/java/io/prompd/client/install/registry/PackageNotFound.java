package io.prompd.client.install.registry;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageName;
import io.prompd.core.resolve.ResolutionException;
import java.util.Map;

/** A package named alone ({@code info}, a dist-tag's look-up) that the registry serving its name does not have. */
public final class PackageNotFound extends PrompdException {

    /** The {@code kind} of its {@code --json} error: a resolution resting on a package that does not exist's. */
    public static final String KIND = ResolutionException.PACKAGE_NOT_FOUND;

    PackageNotFound(PackageName name, String message, String hint) {
        super(ExitCode.NOT_FOUND, message, hint, null, KIND, Map.of("name", name.toString()));
    }
}
