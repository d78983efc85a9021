package io.prompd.client.cli;

import io.prompd.cli.JsonOption;
import io.prompd.client.install.Installer;
import io.prompd.core.name.PackageName;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "update", aliases = "up", mixinStandardHelpOptions = true,
        description = {
            "Move packages to the versions prompd.json's ranges allow that their 'latest' dist-tag names, else to the"
                    + " newest they allow, and rewrite prompd.lock.",
            "Without names, every package may move; with names, only those (the others stay as locked).",
            "With --latest, the named direct dependencies' ranges first move to ^<latest version>; an exact one"
                    + " (1.2.3, =1.2.3) stays exact, at the latest version.",
            "Without it, a warning names each direct dependency updated whose latest version is newer than its range"
                    + " allows, with the 'prompd update --latest NAME' that moves the range."})
final class UpdateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "The packages to update (default: all).")
    List<String> nameArguments = List.of();

    @Option(names = "--latest", description = "Move the ranges in prompd.json to ^<latest>, across major versions;"
            + " never back from a newer locked version, such as a chosen pre-release, unless it is taken down or"
            + " yanked. A range with no upper bound"
            + " (*, >=1.0.0) that allows the latest stays as it is. A move that cannot go with the rest of the project"
            + " is set aside, with a warning: the package takes the highest version its own range lets fit.")
    boolean latest;

    @Option(names = {"-E", "--save-exact"}, description = "With --latest, save each range it moves as the latest"
            + " version alone (1.2.3), not ^<latest>, as install's --save-exact does; a range --latest leaves as it is"
            + " stays so.")
    boolean saveExact;

    @Mixin
    ResolutionOptions resolution;

    @Mixin
    JsonOption output;

    private final PrompdCommand root;

    UpdateCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        if (saveExact && !latest) {
            // without --latest no range of prompd.json moves, and nothing is saved
            throw new ParameterException(spec.commandLine(), "--save-exact saves the ranges --latest moves: use it"
                    + " with --latest");
        }
        List<PackageName> names = ListArguments.converted(spec, "NAME", nameArguments,
                new PackageNameConverter()::convert);
        Path project = root.context().projectFolder(root.commands());
        InstallWiring wiring = new InstallWiring(root, spec.commandLine().getErr());
        Installer installer = wiring.installer();
        return wiring.report(() -> installer.update(project, names, latest,
                resolution.options(false).savingExact(saveExact)), project, output.isJson(),
                spec.commandLine().getOut());
    }
}
