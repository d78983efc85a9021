package io.prompd.client.cli;

import io.prompd.client.config.RegistryChooser;
import io.prompd.client.config.RegistryName;
import io.prompd.client.config.RegistryService;
import io.prompd.core.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a registry, with the scope routes and default naming it and its stored credentials.")
final class RegistryRemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", converter = ConfigConverters.ToRegistryName.class,
            description = "The name given to 'prompd registry add'.")
    RegistryName name;

    private final PrompdCommand root;

    RegistryRemoveCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        RegistryService.Removal removal = new RegistryService(root.settings()).remove(name);
        StringBuilder text = new StringBuilder("removed registry " + removal.name() + " (" + removal.url() + ")\n");
        removal.unroutedScopes().forEach(scope -> text.append("scope ").append(scope)
                .append(" now comes from the default registry\n"));
        if (removal.wasDefault()) {
            text.append("there is no default registry now; ").append(RegistryChooser.howToSetADefault(removal.remaining()))
                    .append('\n');
        }
        if (removal.credentialsRemoved()) {
            text.append("its credentials were removed\n");
        }
        spec.commandLine().getOut().print(text);
        return ExitCode.OK.code();
    }
}
