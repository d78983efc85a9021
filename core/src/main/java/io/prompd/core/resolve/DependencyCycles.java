package io.prompd.core.resolve;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.VersionRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds dependency cycles between packages, for the registry's rule that a new version may not
 * close one. The resolver itself copes with cycles; installs and reviews are simpler without.
 */
public final class DependencyCycles {

    /** What to do about a cycle, told beside one. */
    public static final String HOW_TO_BREAK = "packages must not depend on each other in a circle; move what they share"
            + " into a package both depend on";

    private DependencyCycles() {
    }

    /**
     * A cycle {@link #find} gave, from one of its packages round to that package again: {@code [a, b, a]}.
     *
     * @throws IllegalArgumentException when the package is not on the cycle
     */
    public static List<PackageName> round(List<PackageName> cycle, PackageName start) {
        int at = cycle.indexOf(start);
        if (at < 0) {
            throw new IllegalArgumentException(start + " is not on the cycle " + cycle);
        }
        List<PackageName> round = new ArrayList<>(cycle);
        Collections.rotate(round, -at);
        round.add(start);
        return List.copyOf(round);
    }

    /**
     * One cycle per group of packages that reach each other (a strongly connected component), as
     * the shortest path from the group's smallest name back to itself, without repeating that
     * name at the end; ordered by that first name. A package depending on itself is a cycle of one.
     *
     * @param edges for each package, the packages it depends on (ranges are not looked at)
     */
    public static List<List<PackageName>> find(SortedMap<PackageName, SortedMap<PackageName, VersionRange>> edges) {
        SortedMap<PackageName, SortedSet<PackageName>> graph = new TreeMap<>();
        edges.forEach((from, targets) -> {
            graph.computeIfAbsent(from, name -> new TreeSet<>()).addAll(targets.keySet());
            targets.keySet().forEach(target -> graph.computeIfAbsent(target, name -> new TreeSet<>()));
        });
        List<List<PackageName>> cycles = new ArrayList<>();
        for (SortedSet<PackageName> component : stronglyConnectedComponents(graph)) {
            PackageName start = component.first();
            if (component.size() > 1 || graph.get(start).contains(start)) {
                cycles.add(shortestCycle(graph, component, start));
            }
        }
        cycles.sort((left, right) -> left.get(0).compareTo(right.get(0)));
        return List.copyOf(cycles);
    }

    /** The cycle {@link #find} lists first, if any. */
    public static Optional<List<PackageName>> first(
            SortedMap<PackageName, SortedMap<PackageName, VersionRange>> edges) {
        return find(edges).stream().findFirst();
    }

    private static List<PackageName> shortestCycle(SortedMap<PackageName, SortedSet<PackageName>> graph,
            SortedSet<PackageName> component, PackageName start) {
        Map<PackageName, PackageName> reachedFrom = new HashMap<>();
        Deque<PackageName> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            PackageName current = queue.removeFirst();
            for (PackageName next : graph.get(current)) {
                if (next.equals(start)) {
                    List<PackageName> cycle = new ArrayList<>();
                    for (PackageName step = current; step != null; step = reachedFrom.get(step)) {
                        cycle.add(step);
                    }
                    Collections.reverse(cycle);
                    return List.copyOf(cycle);
                }
                if (component.contains(next) && !reachedFrom.containsKey(next)) {
                    reachedFrom.put(next, current);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException(start + " is in a strongly connected component but on no cycle");
    }

    /** Tarjan's algorithm without recursion, so a long chain of packages cannot overflow the stack. */
    private static List<SortedSet<PackageName>> stronglyConnectedComponents(
            SortedMap<PackageName, SortedSet<PackageName>> graph) {
        Map<PackageName, Integer> order = new HashMap<>();
        Map<PackageName, Integer> lowLink = new HashMap<>();
        Deque<PackageName> stack = new ArrayDeque<>();
        Set<PackageName> onStack = new HashSet<>();
        List<SortedSet<PackageName>> components = new ArrayList<>();
        for (PackageName root : graph.keySet()) {
            if (order.containsKey(root)) {
                continue;
            }
            Deque<Map.Entry<PackageName, Iterator<PackageName>>> path = new ArrayDeque<>();
            enter(root, order, lowLink, stack, onStack, path, graph);
            while (!path.isEmpty()) {
                Map.Entry<PackageName, Iterator<PackageName>> top = path.peekLast();
                PackageName node = top.getKey();
                if (top.getValue().hasNext()) {
                    PackageName next = top.getValue().next();
                    if (!order.containsKey(next)) {
                        enter(next, order, lowLink, stack, onStack, path, graph);
                    } else if (onStack.contains(next)) {
                        lowLink.merge(node, order.get(next), Math::min);
                    }
                    continue;
                }
                path.removeLast();
                if (!path.isEmpty()) {
                    lowLink.merge(path.peekLast().getKey(), lowLink.get(node), Math::min);
                }
                if (lowLink.get(node).equals(order.get(node))) {
                    SortedSet<PackageName> component = new TreeSet<>();
                    PackageName member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    components.add(component);
                }
            }
        }
        return components;
    }

    private static void enter(PackageName node, Map<PackageName, Integer> order, Map<PackageName, Integer> lowLink,
            Deque<PackageName> stack, Set<PackageName> onStack,
            Deque<Map.Entry<PackageName, Iterator<PackageName>>> path,
            SortedMap<PackageName, SortedSet<PackageName>> graph) {
        order.put(node, order.size());
        lowLink.put(node, order.get(node));
        stack.push(node);
        onStack.add(node);
        path.addLast(Map.entry(node, graph.get(node).iterator()));
    }
}
