package io.prompd.client.http;

import java.nio.file.Path;
import java.util.List;

/**
 * What a check of the cached registry documents found ({@link RegistryFetcher#verifyCache}).
 *
 * @param checked the files read
 * @param damaged those an {@code --offline} run would call damaged, now deleted, sorted
 */
public record DocumentCheck(int checked, List<Path> damaged) {

    public DocumentCheck {
        damaged = List.copyOf(damaged);
    }
}
