package io.prompd.client.install.registry;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageName;
import java.util.Map;

/** A dist-tag asked for ({@code @acme/x@next}) that the package does not have. */
public final class TagNotFound extends PrompdException {

    /** The {@code kind} of its {@code --json} error. */
    public static final String KIND = "tagNotFound";

    TagNotFound(PackageName name, String tag, String hint) {
        super(ExitCode.NOT_FOUND, name + " has no dist-tag '" + tag + "'", hint, null, KIND,
                Map.of("name", name.toString(), "tag", tag));
    }
}
