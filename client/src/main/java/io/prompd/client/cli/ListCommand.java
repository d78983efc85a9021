package io.prompd.client.cli;

import io.prompd.client.install.Project;
import io.prompd.client.install.ProjectGraph;
import io.prompd.client.install.store.PackageStore;
import io.prompd.core.ExitCode;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
        description = {
            "List the project's packages as prompd.lock pins them, transitive dependencies marked, and so are"
                    + " versions missing from the store and those nothing needs any more.",
            "A version outside a range asking for it (prompd.json edited since the lock was written) is marked"
                    + " invalid; list then exits " + ExitCode.Codes.FAILURE + ", as 'npm ls' does, and so it does when a"
                    + " dependency is not locked or a needed version not installed: 'prompd install' brings them in line.",
            "With --installed, list every version in the store instead, whatever project installed it."})
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--installed", description = "List the store (<home>/packages) instead of the project.")
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
            spec.commandLine().getOut().print(store());
            return ExitCode.OK.code();
        }
        ProjectGraph graph = ProjectGraph.of(Project.load(root.context().projectFolder()));
        PackageStore store = new InstallWiring(root, spec.commandLine().getErr()).store();
        spec.commandLine().getOut().print(project(graph.entries(), store));
        return ProjectMismatches.exitCode(graph, store, spec.commandLine().getErr());
    }

    private String project(List<ProjectGraph.Entry> entries, PackageStore store) {
        if (output.json) {
            return Json.writeString(entries.stream().map(entry -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("name", entry.name());
                json.put("version", entry.version());
                json.put("direct", entry.direct());
                json.put("needed", entry.needed());
                json.put("installed", store.contains(entry.name(), entry.version()));
                json.put("invalid", entry.invalid());
                return json;
            }).toList()) + "\n";
        }
        StringBuilder text = new StringBuilder();
        entries.forEach(entry -> text.append(entry.name()).append('@').append(entry.version())
                .append(note(entry, store.contains(entry.name(), entry.version()))).append('\n'));
        return text.toString();
    }

    /** What sets the entry apart from an installed direct dependency, and what to do about it. */
    private static String note(ProjectGraph.Entry entry, boolean installed) {
        if (!entry.needed()) {
            return "  (not needed: 'prompd install' removes it)";
        }
        List<String> notes = new ArrayList<>();
        if (!entry.direct()) {
            notes.add("transitive");
        }
        if (entry.invalid()) {
            notes.add(ProjectMismatches.invalid(entry.unmet()));
        }
        if (!installed) {
            notes.add(ProjectMismatches.NOT_INSTALLED);
        }
        return notes.isEmpty() ? "" : "  (" + String.join(", ", notes) + ")";
    }

    private String store() throws Exception {
        SortedMap<PackageName, SortedSet<Version>> versions = new InstallWiring(root, spec.commandLine().getErr())
                .store().installed();
        return output.json ? Json.writeString(StoreVersionsView.asJson(versions)) + "\n"
                : StoreVersionsView.asLines(versions, "");
    }
}
