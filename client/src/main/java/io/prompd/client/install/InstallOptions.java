package io.prompd.client.install;

import io.prompd.core.resolve.Strategy;
import java.util.Objects;

/**
 * How to install.
 *
 * @param strategy  which allowed versions the resolver tries first
 * @param frozen    fail instead of changing {@code prompd.json} or {@code prompd.lock}, as CI wants
 * @param saveExact save a package added without a range as the version chosen, not {@code ^<version>}
 */
public record InstallOptions(Strategy strategy, boolean frozen, boolean saveExact) {

    public InstallOptions {
        Objects.requireNonNull(strategy, "strategy");
    }

    public static InstallOptions defaults() {
        return new InstallOptions(Strategy.HIGHEST, false, false);
    }

    public InstallOptions savingExact(boolean exact) {
        return new InstallOptions(strategy, frozen, exact);
    }
}
