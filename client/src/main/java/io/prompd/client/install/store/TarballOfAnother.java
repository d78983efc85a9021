package io.prompd.client.install.store;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SortedCopies;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The refusal of a tarball whose bytes match the integrity asked for but which holds another package or version than
 * the one it was meant to be, or declares other dependencies than the entry or index records for it: the entry or
 * index naming that integrity is wrong, not the tarball, which no download can mend, as any copy of those bytes holds
 * the same. A copy cached before stays there, the good copy of what it holds; one this run downloaded is not cached, as
 * nothing that failed a check is.
 */
public final class TarballOfAnother extends PrompdException {

    /** What the tarball declares, when it is the version but declares other dependencies than its record. */
    private final Optional<SortedMap<String, String>> declared;

    TarballOfAnother(String message, String hint) {
        this(message, hint, Optional.empty());
    }

    TarballOfAnother(String message, String hint, Optional<SortedMap<String, String>> declared) {
        super(ExitCode.INTEGRITY, message, hint);
        this.declared = declared.map(SortedCopies::map);
    }

    /**
     * The dependencies the tarball's own {@code prompd.json} declares, each range as written, when it is the version
     * but declares other dependencies than its record; empty when it holds another package or version.
     */
    public Optional<SortedMap<String, String>> declaredDependencies() {
        return declared;
    }
}
