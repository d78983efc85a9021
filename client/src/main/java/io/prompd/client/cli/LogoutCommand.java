package io.prompd.client.cli;

import io.prompd.client.config.RegistryService;
import io.prompd.core.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Forget the credentials of a registry: the one given with --registry, else the default registry.")
final class LogoutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final PrompdCommand root;

    LogoutCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        RegistryService.Logout logout = new RegistryService(root.settings())
                .logout(LockWaits.on(spec.commandLine().getErr()));
        String registry = logout.registry().describe();
        spec.commandLine().getOut().print(logout.hadCredentials()
                ? "logged out of " + registry + ": its credentials were removed\n"
                : "no credentials were stored for " + registry + "\n");
        return ExitCode.OK.code();
    }
}
