package io.prompd.core.prompt;

import java.util.ArrayList;
import java.util.List;

/** How a cycle of files is told: from its first file in path order, back to it, the same on every run. */
final class CyclePaths {

    private CyclePaths() {
    }

    /** {@code [b, c, a]} becomes {@code [a, b, c, a]}. */
    static List<String> closedFromFirst(List<String> cycle) {
        String first = cycle.stream().sorted().findFirst().orElseThrow();
        int at = cycle.indexOf(first);
        List<String> rotated = new ArrayList<>(cycle.subList(at, cycle.size()));
        rotated.addAll(cycle.subList(0, at));
        rotated.add(first);
        return rotated;
    }
}
