package io.prompd.client.cli;

import io.prompd.client.config.ConfigKey;
import io.prompd.client.config.GivenRegistry;
import io.prompd.client.config.RegistryChooser;
import io.prompd.client.config.RegistryName;
import io.prompd.client.config.RegistryService;
import io.prompd.client.config.Scope;
import io.prompd.client.config.Settings;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.SuggestedCommands;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "remove", aliases = "rm", mixinStandardHelpOptions = true,
        description = "Remove a registry, with the scope routes and default naming it and its stored credentials.")
final class RegistryRemoveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", converter = ConfigConverters.ToGivenRegistry.class,
            description = "The name given to 'prompd registry add'.")
    GivenRegistry registry;

    private final PrompdCommand root;

    RegistryRemoveCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = root.settings();
        RegistryService.Removal removal = new RegistryService(settings).remove(registry,
                LockWaits.on(spec.commandLine().getErr()));
        StringBuilder text = new StringBuilder("removed registry " + removal.name() + " (" + removal.url() + ")\n");
        removal.unroutedScopes().forEach(scope -> text.append("scope ").append(scope).append(removal.defaultRemains()
                ? " now comes from the default registry" : " is served by no registry now: "
                + howToRoute(scope, removal, settings.commands()))
                .append('\n'));
        if (removal.wasDefault()) {
            text.append("there is no default registry now; ")
                    .append(RegistryChooser.howToSetADefault(removal.remaining(), settings.commands()))
                    .append('\n');
        }
        if (removal.credentialsRemoved()) {
            text.append("its credentials were removed\n");
        }
        spec.commandLine().getOut().print(text);
        return ExitCode.OK.code();
    }

    /** The commands giving the scope a registry again: one of those left, or one to add. */
    private static String howToRoute(Scope scope, RegistryService.Removal removal, SuggestedCommands commands) {
        String add = commands.quoted("registry add NAME URL --scope " + scope);
        String set = "config set " + new ConfigKey.ScopeRoute(scope) + " ";
        List<String> names = removal.remaining().stream().map(RegistryName::toString).toList();
        return switch (names.size()) {
            case 0 -> "route it to a registry with " + add;
            case 1 -> "route it to " + names.get(0) + " with " + commands.quoted(set + names.get(0))
                    + ", or to another with " + add;
            default -> "route it to one of " + Plural.series(names, "or") + " with " + commands.quoted(set + "NAME")
                    + ", or to another with " + add;
        };
    }
}
