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
    private static final Optional<String> NOT_YANKED = Optional.empty();

    @Test
    void onlyALockedVersionTakenDownCanBeUnlisted() {
        new Outdated.Row(X, ONE, NONE, ONE, true, false, NOT_YANKED, true, true, false, false, false, Optional.empty());

        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, ONE, NONE, ONE, true, false, NOT_YANKED,
                        false, true, false, false, false, Optional.empty()),
                "listed");
        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, NONE, NONE, ONE, true, false, NOT_YANKED,
                        true, true, false, false, false, Optional.empty()),
                "a dependency not locked has no version to be unlisted");
    }

    @Test
    void onlyALockedVersionStillListedCanBeYanked() {
        new Outdated.Row(X, ONE, ONE, NONE, true, false, Optional.of("broken"), false, false, false, false, false,
                Optional.empty());

        assertThrows(IllegalArgumentException.class, () -> new Outdated.Row(X, NONE, ONE, NONE, true, false,
                        Optional.of("broken"), false, false, false, false, false, Optional.empty()),
                "a dependency not locked has no version of its own to be yanked");
        assertThrows(IllegalArgumentException.class, () -> new Outdated.Row(X, ONE, NONE, NONE, true, false,
                        Optional.of("broken"), true, false, false, false, false, Optional.empty()),
                "a version taken down is no longer listed, yanked or not");
    }

    @Test
    void onlyALockedVersionUnlistedWithNoVersionToWantNorLatestCanBeGoneFromTheRegistry() {
        new Outdated.Row(X, ONE, NONE, NONE, true, false, NOT_YANKED, true, true, true, false, false, Optional.empty());

        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, ONE, NONE, NONE, true, false, NOT_YANKED,
                        true, false, true, false, false, Optional.empty()),
                "a version taken down by a takedown its registry records");
        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, ONE, NONE, ONE, true, false, NOT_YANKED,
                        true, true, true, false, false, Optional.empty()),
                "a latest left");
    }

    @Test
    void onlyADependencyNotLockedWithNoVersionToWantNorLatestCanBeMissingFromTheRegistry() {
        new Outdated.Row(X, NONE, NONE, NONE, true, false, NOT_YANKED, false, false, false, true, false,
                Optional.empty());

        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, ONE, NONE, NONE, true, false, NOT_YANKED,
                        true, true, false, true, false, Optional.empty()),
                "a locked one is gone from the registry instead");
        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, NONE, NONE, ONE, true, false, NOT_YANKED,
                        false, false, false, true, false, Optional.empty()),
                "a latest listed");
        assertThrows(IllegalArgumentException.class,
                () -> new Outdated.Row(X, NONE, NONE, NONE, true, false, NOT_YANKED,
                        true, false, false, true, false, Optional.empty()),
                "taken down needs versions listed");
    }

    @Test
    void onlyALockedVersionWithNoVersionToWantNorLatestCanBeLockedFromAnotherRegistry() {
        new Outdated.Row(X, ONE, NONE, NONE, true, false, NOT_YANKED, false, false, false, false, true,
                Optional.empty());

        assertThrows(IllegalArgumentException.class, () -> new Outdated.Row(X, ONE, ONE, NONE, true, false,
                        NOT_YANKED, false, false, false, false, true, Optional.empty()),
                "the current registry's versions of the name may be another's package: none is wanted");
        assertThrows(IllegalArgumentException.class, () -> new Outdated.Row(X, NONE, NONE, NONE, true, false,
                        NOT_YANKED, false, false, false, false, true, Optional.empty()),
                "a dependency not locked was locked from no registry");
    }
}
