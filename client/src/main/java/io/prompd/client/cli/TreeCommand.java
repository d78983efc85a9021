package io.prompd.client.cli;

import io.prompd.cli.CommandLines;
import io.prompd.cli.JsonOption;
import io.prompd.client.install.LockAudit;
import io.prompd.client.install.Project;
import io.prompd.client.install.ProjectGraph;
import io.prompd.client.install.store.PackageStore;
import io.prompd.core.ExitCode;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tree", mixinStandardHelpOptions = true,
        description = {
            "Show the project's dependency tree, as prompd.json and prompd.lock give it.",
            "Asks no registry.",
            "A package needed in several places is expanded at its first place only.",
            "Below an installed version are the dependencies its own prompd.json declares, at the versions prompd.lock"
                    + " locks: a stale lock (edited by hand or by a merge) recording others is said so on stderr, as"
                    + " 'list' says it; below one not installed, those prompd.lock records.",
            "A version outside the range asking for it at a place is marked invalid there (prompd.json or"
                    + " prompd.lock was edited by hand or by a merge), as 'npm ls' marks it, and 'list' marks the"
                    + " package; tree then exits " + ExitCode.Codes.FAILURE + ", as 'npm ls' does, and so it does when"
                    + " a dependency is not locked or a needed version not installed (or with no record of the"
                    + " tarball it was unpacked from): 'prompd install' brings them in line;"
                    + ProjectMismatches.OTHER_BYTES_EXIT})
final class TreeCommand implements Callable<Integer> {

    private static final String DOT = "--dot";

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption output;

    @Option(names = DOT, description = "Print the graph in Graphviz's DOT language, for 'dot -Tsvg'; what the"
            + " text marks is red. Not with --json.")
    boolean dot;

    private final PrompdCommand root;

    TreeCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        // not picocli's exclusive group, which refuses --json given twice, as a script adding its own to a line does
        if (output.isJson() && dot) {
            throw CommandLines.notTogether(spec.commandLine(), spec.commandLine().getParseResult().matchedOptions()
                    .stream().map(OptionSpec::longestName).filter(name -> name.equals(DOT)
                            || name.equals(JsonOption.NAME)).distinct().toList());
        }
        SuggestedCommands commands = root.commands();
        InstallWiring wiring = new InstallWiring(root, spec.commandLine().getErr());
        Project project = wiring.project();
        ProjectMismatches marks = new ProjectMismatches(commands);
        ProjectGraph locked = ProjectGraph.of(project);
        PackageStore store = wiring.store();
        ProjectGraph graph = locked.withInstalledDependencies(store);
        String title = project.manifest().name() + "@" + project.manifest().version();
        // the graph's vertices are marked as list marks them, from the lock as it stands, whatever the installed
        // versions declare
        SortedMap<PackageName, ProjectGraph.Entry> entries = new TreeMap<>();
        locked.entries().forEach(entry -> entries.put(entry.name(), entry));
        Places places = new Places(locked, store);
        PrintWriter out = spec.commandLine().getOut();
        if (output.isJson()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", project.manifest().name());
            json.put("version", project.manifest().version());
            Set<PackageName> otherBytes = Set.copyOf(LockAudit.unpackedFromOtherBytes(graph.lock(), store));
            List<Map<String, Object>> dependencies = new ArrayList<>();
            json.put("dependencies", dependencies);
            depthFirst(graph.tree(), dependencies, (node, dependent, above, last) -> {
                Map<String, Object> entry = asJson(node, dependent, places, otherBytes);
                List<Map<String, Object>> below = new ArrayList<>();
                entry.put("dependencies", below);
                above.add(entry);
                return below;
            });
            // nested as deep as the tree, which writeString would go down a call a level for, and refuse past 1,000
            Json.writeNested(json, out);
            out.print('\n');
        } else if (dot) {
            out.print(dot(title, graph, entries, store));
        } else {
            StringBuilder tree = new StringBuilder(title).append('\n');
            depthFirst(graph.tree(), "", (node, dependent, indent, last) -> {
                tree.append(indent).append(last ? "└── " : "├── ").append(label(node, dependent, places, marks))
                        .append('\n');
                return indent + (last ? "    " : "│   ");
            });
            out.print(tree);
        }
        return marks.exitCode(project, locked, store, spec.commandLine().getErr());
    }

    /**
     * What the tree says of a package at one place: whether the range that asks for it there is met, judged by the
     * range drawn (the one its dependent's own prompd.json declares) and the one prompd.lock records for the same
     * dependency, since a stale lock's record is what 'list' and install go by.
     */
    private record Places(ProjectGraph locked, PackageStore store) {

        /** The ranges asking for the node at its place that its locked version is outside of. */
        List<VersionRange> unmet(ProjectGraph.Node node, Optional<PackageName> dependent) {
            Version version = node.version().orElseThrow();
            Optional<VersionRange> recorded = dependent.isEmpty()
                    ? Optional.ofNullable(locked.roots().get(node.name()))
                    : locked.lock().get(dependent.get()).map(record -> record.dependencies().get(node.name()));
            return Stream.concat(Stream.of(node.range()), recorded.stream())
                    .distinct().filter(range -> !range.satisfiedBy(version)).toList();
        }

        boolean isInstalled(ProjectGraph.Node node) {
            return node.version().filter(version -> store.containsRecorded(node.name(), version)).isPresent();
        }
    }

    /**
     * What {@link #depthFirst} does at a node.
     *
     * @param <T> what a node is given by its dependent's visit
     */
    @FunctionalInterface
    private interface Visit<T> {

        /**
         * @param dependent the package whose dependency the node is, empty for one of prompd.json
         * @param above     what the dependent's visit returned, or the top's
         * @param last      whether it is the dependent's last dependency
         * @return what the node's own dependencies are given
         */
        T visit(ProjectGraph.Node node, Optional<PackageName> dependent, T above, boolean last);
    }

    /** A node still to visit, and what it is given. */
    private record Place<T>(ProjectGraph.Node node, Optional<PackageName> dependent, T above, boolean last) {
    }

    /**
     * Visits the nodes in the order they are drawn, each before its dependencies, from a stack of its own rather than
     * the thread's: a tree is as deep as a chain of packages each needing the next, thousands in a large graph.
     *
     * @param top what the nodes of prompd.json are given
     */
    private static <T> void depthFirst(List<ProjectGraph.Node> nodes, T top, Visit<T> visit) {
        Deque<Place<T>> pending = new ArrayDeque<>();
        pushInOrder(pending, nodes, Optional.empty(), top);
        while (!pending.isEmpty()) {
            Place<T> place = pending.pop();
            T below = visit.visit(place.node(), place.dependent(), place.above(), place.last());
            pushInOrder(pending, place.node().children(), Optional.of(place.node().name()), below);
        }
    }

    private static <T> void pushInOrder(Deque<Place<T>> pending, List<ProjectGraph.Node> nodes,
                                        Optional<PackageName> dependent, T above) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            pending.push(new Place<>(nodes.get(i), dependent, above, i == nodes.size() - 1));
        }
    }

    private static String label(ProjectGraph.Node node, Optional<PackageName> dependent, Places places,
                                ProjectMismatches marks) {
        String version = node.version().map(Version::toString).map(text -> "@" + text).orElse("");
        String note = node.version()
                .map(locked -> marks.mismatch(places.unmet(node, dependent), places.store(), node.name(), locked)
                        .map(mark -> " (" + mark + ")").orElse(""))
                .orElseGet(() -> " (" + marks.notLocked() + ")");
        return node.name() + version + " " + node.range() + note + (node.repeated() ? " (shown above)" : "");
    }

    /**
     * A node's own fields as {@code --json} gives them, without its dependencies.
     *
     * @param otherBytes the entries whose installed version came from other bytes than the lock pins
     */
    private static Map<String, Object> asJson(ProjectGraph.Node node, Optional<PackageName> dependent, Places places,
                                              Set<PackageName> otherBytes) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", node.name());
        json.put("range", node.range());
        node.version().ifPresent(version -> {
            json.put("version", version);
            json.put("installed", places.isInstalled(node));
            json.put("invalid", !places.unmet(node, dependent).isEmpty());
            json.put("otherBytes", otherBytes.contains(node.name()));
        });
        if (node.repeated()) {
            json.put("repeated", true);
        }
        return json;
    }

    /**
     * One node per package version the project needs, one edge per dependency, labelled with its range. What the
     * text marks is red with a short note in the node's label (what to do is said on stderr), and dashed
     * where nothing is installed: a dependency not locked, a needed version not installed.
     */
    private static String dot(String title, ProjectGraph graph, SortedMap<PackageName, ProjectGraph.Entry> entries,
                              PackageStore store) {
        StringBuilder dot = new StringBuilder("digraph dependencies {\n  node [shape=box];\n");
        graph.unlocked().forEach(name -> marked(dot, name.toString(), List.of("not locked"), true));
        // drawn from prompd.json's dependencies, as the text is: a locked package nothing needs is not in the tree, and
        // those the installed versions lead to are, each marked as the text marks it
        Set<PackageName> needed = graph.entries().stream().filter(ProjectGraph.Entry::needed)
                .map(ProjectGraph.Entry::name).collect(Collectors.toSet());
        entries.values().stream().filter(entry -> needed.contains(entry.name())).forEach(entry -> {
            boolean installed = store.contains(entry.name(), entry.version());
            List<String> notes = new ArrayList<>();
            if (entry.invalid()) {
                notes.add(ProjectMismatches.outside(entry.unmet()));
            }
            if (!installed || store.isUnrecorded(entry.name(), entry.version())) {
                notes.add(ProjectMismatches.absence(store, entry.name(), entry.version()));
            }
            if (!notes.isEmpty()) {
                marked(dot, entry.name() + "@" + entry.version(), notes, !installed);
            }
        });
        graph.roots().forEach((name, range) -> edge(dot, title, vertex(graph, name), range));
        graph.lock().packages().forEach((name, locked) -> {
            if (needed.contains(name)) {
                locked.dependencies().forEach((target, range) ->
                        edge(dot, name + "@" + locked.version(), vertex(graph, target), range));
            }
        });
        return dot.append("}\n").toString();
    }

    private static String vertex(ProjectGraph graph, PackageName name) {
        return graph.lock().get(name).map(locked -> name + "@" + locked.version()).orElse(name.toString());
    }

    private static void edge(StringBuilder dot, String from, String to, VersionRange range) {
        dot.append("  ").append(quoted(from)).append(" -> ").append(quoted(to)).append(" [label=")
                .append(quoted(range.toString()))
                .append("];\n");
    }

    private static void marked(StringBuilder dot, String vertex, List<String> notes, boolean absent) {
        dot.append("  ").append(quoted(vertex)).append(" [label=")
                .append(quoted(vertex + "\n" + String.join(", ", notes)))
                .append(", color=red, fontcolor=red").append(absent ? ", style=dashed" : "").append("];\n");
    }

    private static String quoted(String text) {
        // \n is DOT's line break within a label
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
