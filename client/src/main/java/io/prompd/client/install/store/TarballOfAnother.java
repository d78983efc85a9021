package io.prompd.client.install.store;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;

/**
 * The refusal of a tarball whose bytes match the integrity asked for but which holds another package or version than
 * the one it was meant to be, or declares other dependencies than the entry or index records for it: the entry or
 * index naming that integrity is wrong, not the tarball, which no download can mend, as any copy of those bytes holds
 * the same. A copy cached before stays there, the good copy of what it holds; one this run downloaded is not cached, as
 * nothing that failed a check is.
 */
public final class TarballOfAnother extends PrompdException {

    TarballOfAnother(String message, String hint) {
        super(ExitCode.INTEGRITY, message, hint);
    }
}
