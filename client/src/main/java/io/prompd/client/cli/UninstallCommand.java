package io.prompd.client.cli;

import io.prompd.cli.JsonOption;
import io.prompd.client.config.Settings;
import io.prompd.client.home.StoreService;
import io.prompd.client.install.Installer;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.PackageSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "uninstall", aliases = {"remove", "rm"}, mixinStandardHelpOptions = true,
        description = {
            "Remove dependencies from prompd.json and prompd.lock, with the packages only they needed.",
            "Installed versions stay in <home>/" + Settings.PACKAGES_FOLDER_NAME + ": the store is shared by every"
                    + " project, and a version kept there costs only disk space. With --global, remove versions from"
                    + " the store itself."})
final class UninstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME",
            description = "The dependencies to remove; with --global, packages in the store, each optionally @ a"
                    + " version or range (the name alone: every version).")
    List<String> arguments;

    @Option(names = {"-g", "--global"}, description = "Remove versions from the store (<home>/"
            + Settings.PACKAGES_FOLDER_NAME + "), for every project: one whose prompd.lock pins such a version installs"
            + " it again with 'prompd install', from the cached tarball or its registry. A version the registry took"
            + " down, no longer lists, or no longer has the package of, cannot be downloaded again, so with its tarball"
            + " not cached its copy here is the last: it is refused (exit " + ExitCode.Codes.CONFLICT + "), nothing"
            + " removed, unless --force; so is one no configured registry serves, which none can tell of.")
    boolean global;

    @Option(names = "--force", description = "With --global, remove also the versions no 'prompd install' can"
            + " download again, or that no configured registry serves, each warned of: a project pinning one may not"
            + " install until it moves off it.")
    boolean force;

    @Mixin
    JsonOption output;

    private final PrompdCommand root;

    UninstallCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        if (global) {
            return uninstallGlobal();
        }
        if (force) {
            // a project's uninstall removes nothing from the store, so there is nothing for it to force
            throw new PrompdException(ExitCode.USAGE, "--force applies to --global alone, which removes versions from"
                    + " the store", "leave out --force: a project's uninstall keeps the store as it is");
        }
        List<PackageName> names = ListArguments.converted(spec, "NAME", arguments, new PackageNameConverter()::convert);
        Path project = root.context().projectFolder(root.commands());
        InstallWiring wiring = new InstallWiring(root, spec.commandLine().getErr());
        Installer installer = wiring.installer();
        return wiring.report(() -> installer.uninstall(project, names), project, output.isJson(),
                spec.commandLine().getOut());
    }

    private int uninstallGlobal() throws Exception {
        List<PackageSpec> packages = ListArguments.converted(spec, "NAME", arguments,
                new PackageSpecConverter()::convert);
        InstallWiring wiring = new InstallWiring(root, spec.commandLine().getErr());
        StoreService.Removal removal = wiring.storeService().remove(packages, wiring.redownloads(), force,
                wiring::waitingForLock);
        removal.warnings().forEach(warning -> spec.commandLine().getErr()
                .println(InstallReportView.warning(warning)));
        spec.commandLine().getOut().print(output.isJson()
                ? Json.writeString(Map.of("removed", StoreVersionsView.asJson(removal.removed()), "warnings",
                        removal.warnings().stream().map(InstallNoteView::asJson).toList())) + "\n"
                : StoreVersionsView.asLines(removal.removed(), "removed "));
        return ExitCode.OK.code();
    }
}
