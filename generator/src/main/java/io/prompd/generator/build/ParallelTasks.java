package io.prompd.generator.build;

import io.prompd.core.concurrent.Futures;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * Runs a task over items on a pool of its own: the common pool's few threads serve every parallel
 * stream of the process, and blocking I/O on them, as packing and deleting are, stalls the rest.
 */
final class ParallelTasks {

    private ParallelTasks() {
    }

    /** The task's results, in the items' order; the first failure of a task as it threw it. */
    static <T, R> List<R> map(List<T> items, int parallelism, Function<T, R> task) throws IOException {
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            return Futures.get(pool.submit(() -> items.parallelStream().map(task).toList()));
        } finally {
            pool.shutdownNow();
        }
    }
}
