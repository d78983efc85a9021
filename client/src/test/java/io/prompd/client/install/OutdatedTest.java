package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutdatedTest {

    private static final PackageName X = PackageName.parse("@a/x");
    private static final Optional<Version> ONE = Optional.of(Version.parse("1.0.0"));

    @Test
    void onlyALockedVersionTakenDownCanBeUnlisted() {
        new Outdated.Row(X, ONE, Optional.empty(), ONE, true, false, true, true, false, Optional.empty());

        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, ONE, Optional.empty(), ONE, true, false, false, true, false,
                        Optional.empty()), "listed");
        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, Optional.empty(), Optional.empty(), ONE, true, false, true, true, false,
                        Optional.empty()),
                "a dependency not locked has no version to be unlisted");
    }

    @Test
    void onlyALockedVersionUnlistedWithNoVersionToWantNorLatestCanBeGoneFromTheRegistry() {
        new Outdated.Row(X, ONE, Optional.empty(), Optional.empty(), true, false, true, true, true, Optional.empty());

        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, ONE, Optional.empty(), Optional.empty(), true, false, true, false, true,
                        Optional.empty()),
                "a version taken down by a takedown its registry records");
        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, ONE, Optional.empty(), ONE, true, false, true, true, true,
                        Optional.empty()), "a latest left");
    }
}
