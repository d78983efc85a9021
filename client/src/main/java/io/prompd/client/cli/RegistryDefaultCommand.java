package io.prompd.client.cli;

import io.prompd.client.config.GivenRegistry;
import io.prompd.client.config.RegistryRef;
import io.prompd.client.config.RegistryService;
import io.prompd.core.ExitCode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "default", mixinStandardHelpOptions = true,
        description = {"Make a configured registry the default, which serves the packages no scope route sends"
                + " elsewhere, as 'registry add --default' and 'config set registry' do.",
            "Example:",
            "  prompd registry default acme"})
final class RegistryDefaultCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", converter = ConfigConverters.ToGivenRegistry.class,
            description = "The name given to 'prompd registry add'.")
    GivenRegistry registry;

    private final PrompdCommand root;

    RegistryDefaultCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        Optional<RegistryRef> before = new RegistryService(root.settings()).makeDefault(registry,
                LockWaits.on(spec.commandLine().getErr()));
        spec.commandLine().getOut().print(registry.registry() + " is the default registry"
                + before.filter(was -> !was.equals(registry.registry()))
                .map(was -> ", was " + was).orElse("") + "\n");
        return ExitCode.OK.code();
    }
}
