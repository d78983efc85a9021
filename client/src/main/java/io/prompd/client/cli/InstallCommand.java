package io.prompd.client.cli;

import io.prompd.cli.JsonOption;
import io.prompd.cli.OtherToolsWords;
import io.prompd.client.config.Settings;
import io.prompd.client.install.Installer;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.name.PackageName;
import io.prompd.core.name.PackageSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "install", aliases = "i", mixinStandardHelpOptions = true,
        description = {
            "Install the project's dependencies, as prompd.lock pins them when it still matches prompd.json.",
            "With every version it pins installed, it reads no registry, as cargo build reads no index, so it tells"
                    + " nothing of a version yanked, deprecated or taken down since: 'prompd outdated' checks.",
            "A prompd.lock with Git conflict markers is merged: both sides' versions (the higher of a package locked"
                    + " at two), installed as any lock and written without markers, to commit.",
            "With packages, add them to prompd.json first and install: a package given without a range, with a"
                    + " dist-tag or with a bare version (1.2.3, v1.2.3) is saved as ^<version chosen>, as npm and cargo"
                    + " read 1.2.3 (--save-exact keeps the version itself); a range is saved as written.",
            "Packages go to <home>/" + Settings.PACKAGES_FOLDER_NAME + "/<name>@<version>/, shared by every project;"
                    + " each tarball is checked against its sha512 integrity before it is unpacked."})
final class InstallCommand implements Callable<Integer>, OtherToolsWords {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PACKAGE",
            description = "name or @scope/name, optionally @ a range or dist-tag: @acme/pkg@^1.2, @acme/pkg@beta,"
                    + " acme/pkg (for @acme/pkg).")
    List<String> packageArguments = List.of();

    @Option(names = {"-g", "--global"}, description = "Install into the store only, without a project: prompd.json and"
            + " prompd.lock are not touched.")
    boolean global;

    @Option(names = "--frozen", description = "Fail (exit " + ExitCode.Codes.CONFLICT + ") instead of changing"
            + " prompd.json or prompd.lock (one with Git conflict markers too), as CI wants; it takes no packages,"
            + " which would be added to prompd.json, --global nor --save-exact.")
    boolean frozen;

    @Option(names = {"-E", "--save-exact"}, description = "Save the exact version chosen (1.2.3), not a caret range"
            + " (^1.2.3), for a package given without a range, with a dist-tag or with a bare version; a range is saved"
            + " as written. Not with --global, which saves nothing.")
    boolean saveExact;

    @Mixin
    ResolutionOptions resolution;

    @Mixin
    JsonOption output;

    private final PrompdCommand root;

    InstallCommand(PrompdCommand root) {
        this.root = root;
    }

    /** cargo's {@code --locked} and the npm {@code ci} spelt as an option: installs keeping the lock as it is. */
    @Override
    public Map<String, Answer> otherToolsWords() {
        return Map.of("--locked", Answer.ownWord("--frozen"), "--ci", Answer.ownWord("--frozen"));
    }

    @Override
    public Integer call() throws Exception {
        requireOneWay(!packageArguments.isEmpty());
        List<PackageSpec> packages = ListArguments.converted(spec, "PACKAGE", packageArguments,
                new PackageSpecConverter()::convert);
        if (!global) {
            packages = oneRangeEach(packages);
        }
        InstallWiring wiring = new InstallWiring(root, spec.commandLine().getErr());
        Installer installer = wiring.installer();
        // a global install has no project, and names no file of one
        Path project = global ? root.context().workingDirectory() : root.context().projectFolder(root.commands());
        List<PackageSpec> named = packages;
        return wiring.report(() -> global ? installer.installGlobal(named, resolution.options(frozen))
                : installer.install(project, named, resolution.options(frozen).savingExact(saveExact)), project,
                output.isJson(), spec.commandLine().getOut());
    }

    /**
     * --frozen, --global and --save-exact are three ways to install, each of its own: the options that cannot go
     * together whatever the packages are told first, each advice naming the ways that work whole (packages and all),
     * and only then what the one way given asks of the packages, so that no error's advice leads into another.
     * The packages' spelling is checked after, as the advice may be to leave them out.
     */
    private void requireOneWay(boolean named) {
        if (frozen && global) {
            throw usage("--frozen installs a project's prompd.lock as it is, and --global installs without a project:"
                    + " give one or the other: --frozen alone, or --global with the packages to install"
                    + (saveExact ? ", without --save-exact" : ""));
        }
        if (frozen && saveExact) {
            throw usage("--frozen forbids changing prompd.json, and --save-exact saves the packages it adds to it:"
                    + " give one or the other: --frozen alone, or --save-exact with the packages to add");
        }
        if (global && saveExact) {
            throw usage("--save-exact saves the packages it adds to prompd.json, and --global leaves prompd.json"
                    + " untouched: give one or the other: --global with the packages to install, or --save-exact with"
                    + " the packages to add");
        }
        if (global && !named) {
            throw usage("--global needs the packages to install");
        }
        if (frozen && named) {
            throw usage("--frozen forbids changing prompd.json, and naming packages adds them to it: run "
                    + root.commands().quoted("install --frozen") + " alone, or add the packages without --frozen");
        }
        if (saveExact && !named) {
            throw usage("--save-exact saves the packages it adds to prompd.json: name them");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * A project depends on one range of a package, so naming it twice differently leaves no telling which was meant;
     * the store of a global install holds both. Two spellings of one range ({@code 1.2.3} and {@code v1.2.3},
     * {@code ^1} and {@code ^1.0.0}) are one, written as first named.
     */
    private List<PackageSpec> oneRangeEach(List<PackageSpec> packages) {
        Map<PackageName, Map<String, String>> written = new TreeMap<>();
        List<PackageSpec> once = new ArrayList<>();
        for (PackageSpec one : packages) {
            if (written.computeIfAbsent(one.name(), name -> new LinkedHashMap<>())
                    .putIfAbsent(meaning(one.selector()), one.toString()) == null) {
                once.add(one);
            }
        }
        for (Map.Entry<PackageName, Map<String, String>> named : written.entrySet()) {
            if (named.getValue().size() > 1) {
                List<String> ways = List.copyOf(named.getValue().values());
                throw new ParameterException(spec.commandLine(), named.getKey() + " is named " + ways.size()
                        + " ways, " + Plural.series(ways, "and") + ", and a project depends on one range"
                        + " of a package: name it once");
            }
        }
        return once;
    }

    /** What a selector asks for, the same for two spellings of it: a bare version picks that version. */
    private static String meaning(PackageSpec.Selector selector) {
        if (selector instanceof PackageSpec.Range range) {
            return range.range().bareVersion().map(version -> "=" + version).orElseGet(range.range()::desugared);
        }
        return selector.toString();
    }
}
