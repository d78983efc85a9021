package io.prompd.core.prompt;

import io.prompd.core.testing.SharedData;
import java.nio.file.Path;

/** The shared corpus of real packages, found beside an ancestor of the working folder. */
final class Corpus {

    private Corpus() {
    }

    static Path packages() {
        return SharedData.corpusPackages();
    }
}
