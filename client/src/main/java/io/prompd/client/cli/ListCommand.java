package io.prompd.client.cli;

import io.prompd.cli.Failures;
import io.prompd.cli.JsonOption;
import io.prompd.client.config.Settings;
import io.prompd.client.install.LockAudit;
import io.prompd.client.install.Project;
import io.prompd.client.install.ProjectGraph;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.store.PackageStore;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Urls;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = {
            "List the project's packages as prompd.lock pins them, transitive dependencies marked, and so are"
                    + " versions missing from the store and those nothing needs any more, and the dependencies of"
                    + " prompd.json not locked (all of them in a project never installed), marked so.",
            "A version outside a range asking for it (prompd.json edited since the lock was written) is marked"
                    + " invalid; list then exits " + ExitCode.Codes.FAILURE + ", as 'npm ls' does, and so it does when"
                    + " a dependency is not locked, a needed version not installed (or with no record of the tarball"
                    + " it was unpacked from) or a locked one not needed: 'prompd install' brings them in line;"
                    + ProjectMismatches.OTHER_BYTES_EXIT,
            "With --json, an array of {name, version, direct, needed, locked, installed, invalid, otherBytes, folder,"
                    + " resolved, integrity} in name order, otherBytes true where the store's copy came from other"
                    + " bytes than prompd.lock pins, folder the store's folder of an installed version (left out of one"
                    + " not installed), resolved and integrity the tarball's URL and integrity as prompd.lock records"
                    + " them; a dependency not locked has its range instead of a version, locked false, installed,"
                    + " invalid, otherBytes, folder, resolved and integrity left out.",
            "With --installed, list every version in the store instead, whatever project installed it, a damaged copy"
                    + " (its prompd.json gone or no JSON object) marked with the ways to mend it, reinstalled with"
                    + " 'prompd install --global' or removed with 'prompd uninstall --global', and then exits "
                    + ExitCode.Codes.FAILURE + "; with --json too, an object of each package name to its versions in"
                    + " order, each {version, damaged, folder}."})
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--installed", description = "List the store (<home>/" + Settings.PACKAGES_FOLDER_NAME
            + ") instead of the project.")
    boolean installed;

    @Mixin
    JsonOption output;

    private final PrompdCommand root;

    ListCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        if (installed) {
            return store();
        }
        SuggestedCommands commands = root.commands();
        InstallWiring wiring = new InstallWiring(root, spec.commandLine().getErr());
        Project project = wiring.project();
        ProjectGraph graph = ProjectGraph.of(project);
        PackageStore store = wiring.store();
        ProjectMismatches marks = new ProjectMismatches(commands);
        spec.commandLine().getOut().print(project(graph, store, marks));
        return marks.exitCode(project, graph, store, spec.commandLine().getErr());
    }

    /** The locked packages and the dependencies of prompd.json not locked, together in name order. */
    private String project(ProjectGraph graph, PackageStore store, ProjectMismatches marks) throws IOException {
        Set<PackageName> otherBytes = Set.copyOf(LockAudit.unpackedFromOtherBytes(graph.lock(), store));
        SortedMap<PackageName, Map<String, Object>> json = new TreeMap<>();
        SortedMap<PackageName, String> lines = new TreeMap<>();
        for (ProjectGraph.Entry entry : graph.entries()) {
            boolean installed = store.containsRecorded(entry.name(), entry.version());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", entry.name());
            fields.put("version", entry.version());
            fields.put("direct", entry.direct());
            fields.put("needed", entry.needed());
            fields.put("locked", true);
            fields.put("installed", installed);
            fields.put("invalid", entry.invalid());
            fields.put("otherBytes", otherBytes.contains(entry.name()));
            // where a project's tools read the package, and what the lock pins it to, as npm's package-lock tells
            if (installed) {
                fields.put("folder", store.folderOf(entry.name(), entry.version()).toString());
            }
            LockedPackage locked = graph.lock().packages().get(entry.name());
            fields.put("resolved", Urls.written(locked.resolved()));
            fields.put("integrity", locked.integrity().toString());
            json.put(entry.name(), fields);
            lines.put(entry.name(), entry.name() + "@" + entry.version() + note(entry, store, marks));
        }
        for (PackageName name : graph.unlocked()) {
            VersionRange range = graph.roots().get(name);
            // as tree --json, what applies only to a locked version is left out rather than null
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", name);
            fields.put("range", range);
            fields.put("direct", true);
            fields.put("needed", true);
            fields.put("locked", false);
            json.put(name, fields);
            lines.put(name, name + " " + range + "  (" + marks.notLocked() + ")");
        }
        if (output.isJson()) {
            return Json.writeString(List.copyOf(json.values())) + "\n";
        }
        if (lines.isEmpty()) {
            // as 'npm ls' says (empty): no output at all reads as a command that failed to say anything
            return "(no dependencies)\n";
        }
        StringBuilder text = new StringBuilder();
        lines.values().forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** What sets the entry apart from an installed direct dependency, and what to do about it. */
    private static String note(ProjectGraph.Entry entry, PackageStore store, ProjectMismatches marks) {
        if (!entry.needed()) {
            return "  (not needed: " + marks.commands().quoted("install") + " removes it)";
        }
        List<String> notes = new ArrayList<>();
        if (!entry.direct()) {
            notes.add("transitive");
        }
        marks.mismatch(entry.unmet(), store, entry.name(), entry.version()).ifPresent(notes::add);
        return notes.isEmpty() ? "" : "  (" + String.join(", ", notes) + ")";
    }

    /**
     * Every version in the store, damaged copies too, marked with the ways to mend them, as {@code uninstall --global}
     * sees them; exits {@code 1} when one is, as the project's list does.
     */
    private int store() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        InstallWiring wiring = new InstallWiring(root, err);
        PackageStore store = wiring.store();
        SuggestedCommands commands = wiring.settings().commands();
        SortedMap<PackageName, SortedSet<Version>> versions = store.installedOrDamaged();
        spec.commandLine().getOut().print(output.isJson()
                ? Json.writeString(StoreVersionsView.asJson(versions, store::isDamaged, store::folderOf)) + "\n"
                : versions.isEmpty() ? "(no package installed)\n"
                : StoreVersionsView.asLines(versions, "", (name, version) -> store.isDamaged(name, version)
                        ? "  (damaged: run " + reinstall(name, version, commands) + " or "
                        + uninstall(name, version, commands) + ")" : ""));
        List<PrompdException> damaged = new ArrayList<>();
        versions.forEach((name, ofName) -> ofName.stream().filter(version -> store.isDamaged(name, version))
                .forEach(version -> damaged.add(ProjectMismatches.damaged(store, name, version,
                        reinstall(name, version, commands) + " replaces it, as does " + commands.quoted("install")
                        + " in a project locking it; " + uninstall(name, version, commands) + " removes it"))));
        damaged.forEach(failure -> err.println(Failures.describe(failure)));
        return damaged.isEmpty() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }

    private static String reinstall(PackageName name, Version version, SuggestedCommands commands) {
        return commands.quoted("install --global " + name + "@" + version);
    }

    private static String uninstall(PackageName name, Version version, SuggestedCommands commands) {
        return commands.quoted("uninstall --global " + name + "@" + version);
    }
}
