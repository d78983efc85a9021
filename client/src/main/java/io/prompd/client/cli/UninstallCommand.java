package io.prompd.client.cli;

import io.prompd.client.install.InstallReport;
import io.prompd.core.ExitCode;
import io.prompd.core.name.PackageName;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "uninstall", aliases = {"remove", "rm"}, mixinStandardHelpOptions = true,
        description = {
            "Remove dependencies from prompd.json and prompd.lock, with the packages only they needed.",
            "Installed versions stay in <home>/packages: the store is shared by every project, and a version"
                    + " kept there costs only disk space."})
final class UninstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NAME", converter = PackageNameConverter.class,
            description = "The dependencies to remove.")
    List<PackageName> names;

    @Mixin
    JsonOption output;

    private final PrompdCommand root;

    UninstallCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        InstallReport report = new InstallWiring(root, spec.commandLine().getErr()).installer()
                .uninstall(root.context().projectFolder(), names);
        InstallReportView.print(report, output.json, spec.commandLine().getOut(), spec.commandLine().getErr());
        return ExitCode.OK.code();
    }
}
