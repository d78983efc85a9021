package io.prompd.client.install.registry;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;

/**
 * A file of a version its package's {@code index.json} lists that the registry has not got: the name and version are
 * confirmed by the registry's own index, so the registry is incomplete (or midway through publishing), not the user's
 * request wrong, as a version document disagreeing with the index is damaged.
 */
public final class ListedButMissing {

    private ListedButMissing() {
    }

    /**
     * {@code the registry lists @acme/base@1.2.0 but has no tarball for it (not found in the registry: URL)}.
     *
     * @param file    what is missing, as the message names it: {@code tarball}, {@code version document}
     * @param missing the failure to fetch it, naming the URL
     */
    public static PrompdException of(PackageName name, Version version, String file, PrompdException missing) {
        return new PrompdException(ExitCode.NOT_FOUND, "the registry lists " + name + "@" + version + " but has no "
                + file + " for it (" + missing.getMessage() + ")", "the registry may be incomplete or halfway through"
                + " publishing: try again later, or tell its maintainers");
    }
}
