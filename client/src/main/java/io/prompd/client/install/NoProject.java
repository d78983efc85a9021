package io.prompd.client.install;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A project's command run where no {@code prompd.json} is found: in no project, or in one whose manifest is named in
 * another letter case. A script tells it from a package or registry not found, as it runs the command elsewhere or
 * creates the project rather than retry.
 */
public final class NoProject extends PrompdException {

    /** The {@code kind} of its {@code --json} error. */
    public static final String KIND = "noProject";

    /**
     * @param folder where the search started, which its {@code --json} error gives as {@code folder}
     */
    NoProject(Path folder, String message, String hint) {
        super(ExitCode.NOT_FOUND, message, hint, null, KIND, Map.of("folder", folder.toAbsolutePath().toString()));
    }
}
