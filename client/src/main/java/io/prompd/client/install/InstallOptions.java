package io.prompd.client.install;

import io.prompd.core.resolve.Strategy;
import java.util.Objects;

/**
 * How to install.
 *
 * @param strategy      which allowed versions the resolver tries first
 * @param frozen        fail instead of changing {@code prompd.json} or {@code prompd.lock}, as CI wants
 * @param saveExact     save a package added without a range as the version chosen, not {@code ^<version>}
 * @param strategyGiven whether the user asked for the strategy ({@code --resolution}), rather than taking the default:
 *                      an install keeping the lock's versions says when they are not what it asked for
 */
public record InstallOptions(Strategy strategy, boolean frozen, boolean saveExact, boolean strategyGiven) {

    public InstallOptions {
        Objects.requireNonNull(strategy, "strategy");
    }

    /** Options whose strategy counts as asked for when it is not the default. */
    public InstallOptions(Strategy strategy, boolean frozen, boolean saveExact) {
        this(strategy, frozen, saveExact, strategy != Strategy.HIGHEST);
    }

    public static InstallOptions defaults() {
        return new InstallOptions(Strategy.HIGHEST, false, false);
    }

    /**
     * Whether a project's run may write its files, prompd.json, prompd.lock and its {@code .prompd} folder, holding the
     * project's lock to: all but a frozen one, which refuses what would change them and writes nothing of the project,
     * so that it installs a read-only checkout.
     */
    public boolean writesProject() {
        return !frozen;
    }

    public InstallOptions savingExact(boolean exact) {
        return new InstallOptions(strategy, frozen, exact, strategyGiven);
    }
}
