package io.prompd.client.http;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a check of the cached registry documents found ({@link RegistryFetcher#verifyCache}).
 *
 * @param checked the files named as documents, read
 * @param damaged those an {@code --offline} run would call damaged, now deleted, sorted
 * @param strays  the files named as no document and the folders, now deleted, sorted
 */
public record DocumentCheck(int checked, List<Path> damaged, List<Path> strays) {

    public DocumentCheck {
        damaged = List.copyOf(damaged);
        strays = List.copyOf(strays);
    }

    /** Every file and folder deleted, sorted. */
    public List<Path> removed() {
        return Stream.concat(damaged.stream(), strays.stream()).sorted().toList();
    }
}
