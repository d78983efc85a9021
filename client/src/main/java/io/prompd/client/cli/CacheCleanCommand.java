package io.prompd.client.cli;

import io.prompd.client.home.CacheService;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "clean", mixinStandardHelpOptions = true,
        description = {"Delete every cached tarball and registry document. Installed packages stay; --offline then"
                + " works only for them.",
            "A tarball is the last copy of its version when the store holds none (after 'prompd uninstall --global')"
                    + " and its registry took the version down, no longer lists it, or no longer has the package: a"
                    + " project whose prompd.lock pins the version installs it from that tarball alone, so such"
                    + " tarballs are kept, as are those that may be the last copy, of versions no configured registry"
                    + " serves, which none can tell of, or whose index could not be read (each index is asked for"
                    + " once), unless --force, and everything else deleted, exiting "
                    + ExitCode.Codes.CONFLICT + " and naming each one kept. To keep such a version and empty the"
                    + " cache, run 'prompd install' in a project pinning it first: that puts it back in the store."})
final class CacheCleanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Delete also the tarballs kept as last copies: of the versions no"
            + " 'prompd install' can download again, or that no configured registry serves, or whose index could"
            + " not be read, each warned of: a project pinning one may not install until it moves off it.")
    boolean force;

    private final PrompdCommand root;

    CacheCleanCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        InstallWiring wiring = new InstallWiring(root, spec.commandLine().getErr());
        CacheService.Cleaning cleaning = wiring.cacheService().clean(wiring.redownloadsAtAGlance(), force,
                wiring::waitingForLock);
        cleaning.warnings().forEach(warning -> spec.commandLine().getErr()
                .println(InstallReportView.warning(warning)));
        spec.commandLine().getOut().println("deleted " + Plural.count(cleaning.deleted(), "cached file") + " from "
                + wiring.settings().cacheFolder());
        if (cleaning.kept().isPresent()) {
            throw cleaning.kept().get();
        }
        return ExitCode.OK.code();
    }
}
