package io.prompd.client.cli;

import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "clean", mixinStandardHelpOptions = true,
        description = "Delete every cached tarball and registry document. Installed packages stay; --offline then"
                + " works only for them.")
final class CacheCleanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final PrompdCommand root;

    CacheCleanCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        InstallWiring wiring = new InstallWiring(root, spec.commandLine().getErr());
        long deleted = wiring.cacheService().clean(wiring::waitingForLock);
        spec.commandLine().getOut().println("deleted " + Plural.count(deleted, "cached file") + " from "
                + wiring.settings().cacheFolder());
        return ExitCode.OK.code();
    }
}
