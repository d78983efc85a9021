package io.prompd.client.cli;

import io.prompd.client.config.ConfigKey;
import io.prompd.client.config.ConfigStore;
import io.prompd.core.ExitCode;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "unset", mixinStandardHelpOptions = true,
        description = {"Remove one configuration key; a key that is not set is not an error.",
            "Removing registries.NAME also removes the scope routes and the default naming it, and its credentials."})
final class ConfigUnsetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "registry, registries.NAME, scopes.@SCOPE,"
            + " credentials.URL, http.timeout or http.retries")
    String key;

    private final PrompdCommand root;

    ConfigUnsetCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        ConfigKey parsed = ConfigKey.parse(key, root.commands());
        ConfigStore.Change change = ConfigStore.of(root.settings())
                .unset(parsed, LockWaits.on(spec.commandLine().getErr()));
        StringBuilder text = new StringBuilder(change.entriesBefore().containsKey(parsed.toString())
                ? "unset " + parsed + "\n" : parsed + " was not set\n");
        // a registry's name takes the default, scope routes and credentials naming it along, even a name the file
        // refers to without configuring it: say so, as registry remove does
        SortedMap<String, String> remaining = change.entriesAfter();
        change.entriesBefore().forEach((other, value) -> {
            if (!other.equals(parsed.toString()) && !remaining.containsKey(other)) {
                text.append("also unset ").append(other).append(" (it was ").append(value).append(")\n");
            }
        });
        spec.commandLine().getOut().print(text);
        return ExitCode.OK.code();
    }
}
