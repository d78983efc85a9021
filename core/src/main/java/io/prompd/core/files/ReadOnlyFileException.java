package io.prompd.core.files;

import java.nio.file.AccessDeniedException;

/**
 * A file {@link AtomicFiles} would replace whose owner may not write it. An access denied as any
 * other to a caller that tells none apart, such as a cache that only ever saves a download.
 */
public final class ReadOnlyFileException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    public ReadOnlyFileException(String file) {
        super(file, null, "read-only");
    }
}
