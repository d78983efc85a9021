package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutdatedTest {

    private static final PackageName X = PackageName.parse("@a/x");
    private static final Optional<Version> ONE = Optional.of(Version.parse("1.0.0"));
    private static final Optional<Version> NONE = Optional.empty();

    @Test
    void onlyALockedVersionTakenDownCanBeUnlisted() {
        new Outdated.Row(X, ONE, NONE, ONE, true, false, true, true, false, false, Optional.empty());

        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, ONE, NONE, ONE, true, false, false, true, false, false, Optional.empty()),
                "listed");
        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, NONE, NONE, ONE, true, false, true, true, false, false, Optional.empty()),
                "a dependency not locked has no version to be unlisted");
    }

    @Test
    void onlyALockedVersionUnlistedWithNoVersionToWantNorLatestCanBeGoneFromTheRegistry() {
        new Outdated.Row(X, ONE, NONE, NONE, true, false, true, true, true, false, Optional.empty());

        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, ONE, NONE, NONE, true, false, true, false, true, false, Optional.empty()),
                "a version taken down by a takedown its registry records");
        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, ONE, NONE, ONE, true, false, true, true, true, false, Optional.empty()),
                "a latest left");
    }

    @Test
    void onlyADependencyNotLockedWithNoVersionToWantNorLatestCanBeMissingFromTheRegistry() {
        new Outdated.Row(X, NONE, NONE, NONE, true, false, false, false, false, true, Optional.empty());

        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, ONE, NONE, NONE, true, false, true, true, false, true, Optional.empty()),
                "a locked one is gone from the registry instead");
        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, NONE, NONE, ONE, true, false, false, false, false, true, Optional.empty()),
                "a latest listed");
        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, NONE, NONE, NONE, true, false, true, false, false, true, Optional.empty()),
                "taken down needs versions listed");
    }
}
