package io.prompd.client.cli;

import io.prompd.client.config.RegistryName;
import io.prompd.client.config.RegistryService;
import io.prompd.client.config.RegistryUrl;
import io.prompd.client.config.Scope;
import io.prompd.core.ExitCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add a registry under a name, optionally serving some scopes or as the default.",
            "Example:",
            "  prompd registry add acme https://prompd.acme.example/ --scope @acme"})
final class RegistryAddCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", converter = ConfigConverters.ToRegistryName.class,
            description = "Lowercase letters, digits, '.', '_' and '-'.")
    RegistryName name;

    @Parameters(index = "1", paramLabel = "URL", converter = ConfigConverters.ToRegistryUrl.class,
            description = "The registry's root: http://, https:// or file:///.")
    RegistryUrl url;

    @Option(names = "--scope", paramLabel = "@SCOPE", converter = ConfigConverters.ToScope.class,
            description = "Fetch the packages of this scope from this registry (repeatable).")
    List<Scope> scopes = new ArrayList<>();

    @Option(names = "--default", description = "Make it the default registry.")
    boolean makeDefault;

    private final PrompdCommand root;

    RegistryAddCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        RegistryService.Addition addition = new RegistryService(root.settings()).add(name, url, scopes, makeDefault,
                LockWaits.on(spec.commandLine().getErr()));
        StringBuilder text = new StringBuilder((addition.wasConfigured() ? "registry " + name + " (" + url
                + ") is already configured" : "added registry " + name + " (" + url + ")") + "\n");
        scopes.stream().distinct().sorted().forEach(scope -> text.append("scope ").append(scope)
                .append(" now comes from ").append(name)
                .append(Optional.ofNullable(addition.movedScopes().get(scope)).map(was -> ", was " + was).orElse(""))
                .append('\n'));
        if (makeDefault) {
            text.append(name).append(" is the default registry\n");
        }
        spec.commandLine().getOut().print(text);
        return ExitCode.OK.code();
    }
}
