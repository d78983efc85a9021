package io.prompd.client.cli;

import io.prompd.cli.JsonOption;
import io.prompd.client.config.ConfigStore;
import io.prompd.client.config.Credentials;
import io.prompd.client.config.RegistryService;
import io.prompd.client.config.Scope;
import io.prompd.client.config.Settings;
import io.prompd.core.ExitCode;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = "List the configured registries: name, URL, whether default, scopes served, credentials (never"
                + " the secret); URLs the default or a scope names without a registry name come last. The registry"
                + " in use for the packages no scope is routed for (--registry, else $" + Settings.REGISTRY_VARIABLE
                + ", else the default) is inUse in --json, and marked 'in use' when the option or the variable chose"
                + " it, its URL listed even where no registry is configured with it.")
final class RegistryListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption output;

    private final PrompdCommand root;

    RegistryListCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = root.settings();
        List<RegistryService.RegistryEntry> registries = new RegistryService(settings).list();
        root.registryOverrideNote(ConfigStore.of(settings).read()).ifPresent(spec.commandLine().getErr()::println);
        // without an override the default is the registry in use, as its mark says alone
        Optional<String> chosenBy = settings.registry().map(chosen -> Settings.registrySource(settings.commands()));
        spec.commandLine().getOut().print(output.isJson()
                ? Json.writeString(registries.stream().map(entry -> asJson(entry, settings.configFile())).toList())
                        + "\n"
                : asText(registries, chosenBy, settings.commands()));
        return ExitCode.OK.code();
    }

    private static String asText(List<RegistryService.RegistryEntry> registries, Optional<String> chosenBy,
                                 SuggestedCommands commands) {
        if (registries.isEmpty()) {
            return "no registry configured; add one with " + commands.quoted("registry add NAME URL") + "\n";
        }
        return Tables.render(registries.stream()
                .map(entry -> List.of(nameOf(entry), entry.url().toString(), notes(entry, chosenBy))).toList());
    }

    /** @param chosenBy what chose the registry in use in place of the default, if anything did */
    private static String notes(RegistryService.RegistryEntry entry, Optional<String> chosenBy) {
        List<String> notes = new ArrayList<>();
        if (entry.isDefault()) {
            notes.add("default");
        }
        if (entry.inUse()) {
            chosenBy.ifPresent(option -> notes.add("in use (" + option + ")"));
        }
        if (!entry.scopes().isEmpty()) {
            notes.add("scopes " + entry.scopes().stream().map(Scope::toString).collect(Collectors.joining(" ")));
        }
        entry.credentials().map(Credentials.Shown::describe).ifPresent(notes::add);
        return String.join(", ", notes);
    }

    /** A URL the configuration names directly has no name; the column says so rather than stay blank. */
    private static String nameOf(RegistryService.RegistryEntry entry) {
        return entry.name().map(Object::toString).orElse("(no name)");
    }

    private static Map<String, Object> asJson(RegistryService.RegistryEntry entry, Path configFile) {
        Map<String, Object> json = new LinkedHashMap<>();
        entry.name().ifPresent(name -> json.put("name", name.toString()));
        json.put("url", entry.url().toString());
        json.put("default", entry.isDefault());
        json.put("inUse", entry.inUse());
        json.put("scopes", entry.scopes().stream().map(Scope::toString).toList());
        entry.credentials().ifPresent(credentials -> json.put("credentials",
                CredentialsView.asJson(credentials, configFile)));
        return json;
    }
}
