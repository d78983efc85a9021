package io.prompd.generator.check;

import io.prompd.generator.testing.TestRegistryRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests whose every case starts from a fresh {@link PullRequestScenario#registryWithUtil}, on branch {@code pr}. */
abstract class PullRequestScenarioTest {

    @TempDir
    Path folder;

    TestRegistryRepo repo;

    @BeforeEach
    void registry() {
        repo = PullRequestScenario.registryWithUtil(folder);
    }
}
