package io.prompd.client.cli;

import io.prompd.cli.JsonOption;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.json.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Hash every cached tarball again and delete those that no longer match their integrity.",
            "Exits " + ExitCode.Codes.INTEGRITY + " when any was corrupt (it is gone now, and downloaded again when next needed)."})
final class CacheVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption output;

    private final PrompdCommand root;

    CacheVerifyCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        InstallWiring wiring = new InstallWiring(root, spec.commandLine().getErr());
        TarballCache.CacheCheck check = wiring.cacheService().verify(wiring::waitingForLock);
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("checked", check.checked());
            json.put("removed", check.removed().stream().map(Path::toString).toList());
            spec.commandLine().getOut().println(Json.writeString(json));
        } else {
            check.removed().forEach(file -> spec.commandLine().getOut().println("corrupt, removed: " + file));
            spec.commandLine().getOut().println(Plural.count(check.checked(), "cached tarball") + " checked, "
                    + check.removed().size() + " corrupt");
        }
        return (check.removed().isEmpty() ? ExitCode.OK : ExitCode.INTEGRITY).code();
    }
}
