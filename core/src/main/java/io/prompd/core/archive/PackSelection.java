package io.prompd.core.archive;

import io.prompd.core.problem.Problem;
import io.prompd.core.source.SourceEntry;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code prompd pack} would put in a tarball, and why the rest stays out.
 *
 * @param included the entries to pack, sorted by path (the order of the tarball, whatever order a source gave)
 * @param leftOut  what stays out and why
 * @param problems errors that forbid packing (and any warnings), sorted by {@link Problem#ORDER}
 */
public record PackSelection(List<SourceEntry> included, List<LeftOut> leftOut, List<Problem> problems) {

    public PackSelection {
        included = included.stream().sorted(Comparator.comparing(SourceEntry::path)).toList();
        leftOut = List.copyOf(leftOut);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** The files left out, by path, with why (folders left out whole are not listed file by file). */
    public SortedMap<String, LeftOut.Reason> leftOutReasons() {
        SortedMap<String, LeftOut.Reason> reasons = new TreeMap<>();
        leftOut.forEach(left -> reasons.put(left.path(), left.reason()));
        return Collections.unmodifiableSortedMap(reasons);
    }

    /** Total size in bytes of the included files. */
    public long unpackedSize() {
        return included.stream().mapToLong(SourceEntry::size).sum();
    }
}
