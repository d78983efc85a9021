package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.install.Redownload.Fate;
import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.testing.IndexOnlyRegistry;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RedownloadsTest {

    private static final PackageName BROKEN = PackageName.parse("@acme/broken");
    private static final PackageName GONE = PackageName.parse("@acme/gone");
    private static final Version ONE = Version.parse("1.0.0");

    /** Whose index of {@link #BROKEN} fails on this machine, and which has no {@link #GONE}. */
    private static final class OneFailing extends IndexOnlyRegistry {
        @Override
        public Optional<PublishedPackage> find(PackageName name) {
            if (name.equals(BROKEN)) {
                throw new UncheckedIOException(new NotDirectoryException("/home/cache/http"));
            }
            return Optional.empty();
        }

        @Override
        public List<PackageName> packageNames(PackageName near) {
            return List.of();
        }
    }

    /**
     * A failure reading one package's index tells nothing of another's: the answer found for that one stays, and the
     * registry, which was asked, is named, not said to be none.
     */
    @Test
    void anIndexThatCannotBeReadLeavesItsOwnVersionsUnknownAndKeepsTheOthersAnswers() {
        Redownloads redownloads = new Redownloads(OneFailing::new, failure -> "failed: " + failure.getMessage());
        TreeMap<PackageName, SortedSet<Version>> versions = new TreeMap<>();
        versions.put(BROKEN, new TreeSet<>(List.of(ONE)));
        versions.put(GONE, new TreeSet<>(List.of(ONE)));

        Redownloads.Known found = redownloads.asFarAsKnown(versions);

        assertEquals(List.of(new Redownload(BROKEN, ONE, Fate.UNKNOWN, "the registry",
                        Optional.of("failed: java.nio.file.NotDirectoryException: /home/cache/http")),
                new Redownload(GONE, ONE, Fate.GONE, "the registry", Optional.empty())), found.redownloads());
        assertEquals(Optional.empty(), found.unserved(), "the registry was asked");
    }

    /** A fault on this machine fails the caller who removes last copies, rather than letting it remove unchecked. */
    @Test
    void anIndexThatCannotBeReadForAFaultOnThisMachineFailsOf() {
        Redownloads redownloads = new Redownloads(OneFailing::new, Exception::getMessage);
        TreeMap<PackageName, SortedSet<Version>> versions = new TreeMap<>();
        versions.put(BROKEN, new TreeSet<>(List.of(ONE)));

        UncheckedIOException failure = assertThrows(UncheckedIOException.class, () -> redownloads.of(versions));

        assertEquals("/home/cache/http", failure.getCause().getMessage());
    }

    /**
     * Registries that cannot be opened can tell of no version, which each is said to be in, and no install could ask
     * them either: asked of no version, they say so too.
     */
    @Test
    void registriesThatCannotBeOpenedLeaveEveryVersionUnknownAndServeNone() {
        IOException unreadable = new IOException("unreadable configuration");
        Redownloads redownloads = new Redownloads(() -> {
            throw unreadable;
        }, Exception::getMessage);
        TreeMap<PackageName, SortedSet<Version>> versions = new TreeMap<>();
        versions.put(BROKEN, new TreeSet<>(List.of(ONE)));
        versions.put(GONE, new TreeSet<>(List.of(ONE)));

        assertEquals(new Redownloads.Known(List.of(new Redownload(BROKEN, ONE, Fate.UNKNOWN, "no registry",
                        Optional.of("unreadable configuration")),
                new Redownload(GONE, ONE, Fate.UNKNOWN, "no registry", Optional.of("unreadable configuration"))),
                Optional.of(unreadable)), redownloads.asFarAsKnown(versions));
        assertEquals(new Redownloads.Known(List.of(), Optional.of(unreadable)),
                redownloads.asFarAsKnown(new TreeMap<>()));
        assertTrue(redownloads.asFarAsKnown(versions).unservedInDetails(), "each version's detail gives it");
        assertFalse(redownloads.asFarAsKnown(new TreeMap<>()).unservedInDetails(), "no version to give it");
    }

    /** A version no registry could be asked of is unknown: a registry that told of it was asked. */
    @Test
    void whatNoRegistryCanBeAskedOfTellsOfNoVersion() {
        List<Redownload> told = List.of(new Redownload(GONE, ONE, Fate.GONE, "the registry", Optional.empty()));
        Optional<Exception> unserved = Optional.of(new IOException("unreadable configuration"));

        assertThrows(IllegalArgumentException.class, () -> new Redownloads.Known(told, unserved));
    }
}
