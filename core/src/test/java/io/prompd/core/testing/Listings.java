package io.prompd.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a folder holds, in an order a test can compare. */
public final class Listings {

    private Listings() {
    }

    /** The entries of {@code folder}, sorted: a listing comes in the file system's own order. */
    public static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        }
    }
}
