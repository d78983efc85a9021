package io.prompd.client.cli;

import io.prompd.cli.Failures;
import io.prompd.cli.JsonOption;
import io.prompd.client.install.store.TarballCache;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.json.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Hash every cached tarball again and delete those that no longer match their integrity.",
            "Exits " + ExitCode.Codes.INTEGRITY + " when any was corrupt (it is gone now, and downloaded again when"
                    + " next needed), saying on stderr what it removed.",
            "Any other file in the cache's tarballs folder, named as no tarball's integrity, is deleted too, each"
                    + " named (on stderr as well) without failing the run.",
            "With --json, {checked, removed} whatever it finds, as list --json gives its result: removed lists the"
                    + " files deleted, corrupt or not."})
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
        List<String> corrupt = names(check.corrupt());
        List<String> strays = names(check.strays());
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("checked", check.checked());
            json.put("removed", names(check.removed()));
            spec.commandLine().getOut().println(Json.writeString(json));
        } else {
            corrupt.forEach(file -> spec.commandLine().getOut().println("corrupt, removed: " + file));
            strays.forEach(file -> spec.commandLine().getOut().println("no cached tarball, removed: " + file));
            spec.commandLine().getOut().println(Plural.count(check.checked(), "cached tarball") + " checked, "
                    + corrupt.size() + " corrupt"
                    + (strays.isEmpty() ? "" : ", " + Plural.count(strays.size(), "other file") + " removed"));
        }
        if (!strays.isEmpty()) {
            // no tarball was lost, so no failure: the cache is prompd's own, and nothing reads such a file
            spec.commandLine().getErr().println("note: removed " + Plural.count(strays.size(), "file") + " named as no"
                    + " cached tarball: " + String.join(", ", strays));
        }
        if (corrupt.isEmpty()) {
            return ExitCode.OK.code();
        }
        // the result is the repair done, so --json keeps it, as list and tree keep theirs, and stderr says why 6
        spec.commandLine().getErr().println(Failures.describe(new PrompdException(ExitCode.INTEGRITY,
                "removed " + Plural.count(corrupt.size(), "corrupt cached tarball") + ": " + String.join(", ", corrupt),
                "nothing installed changed: 'prompd install' downloads a removed tarball again when a project"
                        + " needs it")));
        return ExitCode.INTEGRITY.code();
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(Path::toString).toList();
    }
}
