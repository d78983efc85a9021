package io.prompd.client.install.registry;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.http.HttpSettings;
import io.prompd.client.http.ProgressListener;
import io.prompd.client.http.RegistryFetcher;
import io.prompd.client.http.RequestListener;
import io.prompd.client.install.Homes;
import io.prompd.client.testing.FakeRegistry;
import io.prompd.client.testing.IndexOnlyRegistry;
import io.prompd.client.testing.TestRegistry;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.Integrity;
import io.prompd.core.name.NameSuggestions;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryIndexTest {

    /** A registry that counts the packuments it is asked for. */
    private static final class Counted extends FakeRegistry {
        private final PackageRegistry registry;
        private final Map<PackageName, Integer> finds = new ConcurrentHashMap<>();

        Counted(PackageRegistry registry) {
            this.registry = registry;
        }

        Map<PackageName, Integer> finds() {
            return finds;
        }

        @Override
        public Optional<PublishedPackage> find(PackageName name) {
            finds.merge(name, 1, Integer::sum);
            return registry.find(name);
        }

        @Override
        public VersionDocument versionDocument(PublishedPackage published, Version version) {
            return registry.versionDocument(published, version);
        }

        @Override
        public List<PackageName> packageNames(PackageName near) {
            return registry.packageNames(near);
        }

        @Override
        public Downloaded download(PackageName name, Version version, URI locked, boolean indexed, UrlSource source,
                                   Path target, Integrity integrity, OptionalLong size, ProgressListener progress) {
            return registry.download(name, version, locked, indexed, source, target, integrity, size, progress);
        }

        @Override
        public void downloadRecorded(PackageName name, Version version, URI locked,
                                     Optional<PrompdException> unreadable, Path target, Integrity integrity,
                                     OptionalLong size, ProgressListener progress) {
            registry.downloadRecorded(name, version, locked, unreadable, target, integrity, size, progress);
        }

        @Override
        public SuggestedCommands commands() {
            return registry.commands();
        }
    }

    /** A registry with no packages at all, that counts what it is asked. */
    private static class CountingRegistry extends IndexOnlyRegistry {
        final Map<PackageName, Integer> finds = new ConcurrentHashMap<>();
        final Supplier<List<PackageName>> names;

        CountingRegistry(Supplier<List<PackageName>> names) {
            this.names = names;
        }

        @Override
        public Optional<PublishedPackage> find(PackageName name) {
            finds.merge(name, 1, Integer::sum);
            return Optional.empty();
        }

        @Override
        public List<PackageName> packageNames(PackageName near) {
            return names.get();
        }
    }

    private static PackageName name(String text) {
        return PackageName.parse(text);
    }

    /**
     * A fetch the run no longer waits for, still at work when the index is closed, ends before the close returns: one
     * trying a failing request again would otherwise warn of it after the run's own error.
     */
    @Test
    void closingWaitsForTheFetchesItInterrupts() throws InterruptedException {
        CountDownLatch fetching = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        CountingRegistry registry = new CountingRegistry(List::of) {
            @Override
            public Optional<PublishedPackage> find(PackageName name) {
                fetching.countDown();
                try {
                    Thread.sleep(Duration.ofMinutes(1).toMillis());
                } catch (InterruptedException interrupted) {
                    // as a request still at work after the interrupt: busy a while longer, then done
                    LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
                    ended.set(true);
                }
                return Optional.empty();
            }
        };
        RegistryIndex index = new RegistryIndex(registry);
        index.prefetch(List.of(name("@a/slow")));
        assertTrue(fetching.await(10, TimeUnit.SECONDS));

        index.close();

        assertTrue(ended.get(), "the fetch ended before the index was closed");
    }

    @Test
    void eachPackageIsFetchedOnceHoweverOftenItIsAskedOrAnnounced() {
        CountingRegistry registry = new CountingRegistry(List::of);
        try (RegistryIndex index = new RegistryIndex(registry)) {
            index.prefetch(List.of(name("@a/one"), name("@a/two")));
            index.versions(name("@a/one"));
            index.versions(name("@a/one"));
            index.find(name("@a/two"));
        }
        assertEquals(Map.of(name("@a/one"), 1, name("@a/two"), 1), registry.finds);
    }

    @Test
    void aPackageWantedInARangeHasOnlyTheDependenciesOfItsHighestAllowedVersionFetchedAhead(@TempDir Path work)
            throws InterruptedException {
        TestRegistry published = new TestRegistry(work.resolve("registry"))
                .publish("@t/old", "1.0.0")
                .publish("@t/leaf", "1.0.0")
                .publish("@t/new", "1.0.0", "@t/leaf", "^1.0.0")
                .publish("@t/next", "1.0.0")
                .publish("@t/top", "1.0.0", "@t/old", "^1.0.0")
                .publish("@t/top", "1.1.0", "@t/new", "^1.0.0")
                .publish("@t/top", "2.0.0", "@t/next", "^1.0.0");
        RegistryFetcher fetcher = new RegistryFetcher(work.resolve("cache"), false, HttpSettings.defaults(),
                delay -> { },
                Clock.systemUTC(), System::nanoTime, RequestListener.NONE);
        Counted registry = new Counted(new HttpPackageRegistry(fetcher,
                RegistryRoutes.single(Homes.anonymous(published.fileUrl())), PLAIN));
        try (RegistryIndex index = new RegistryIndex(registry)) {
            index.prefetch(new TreeMap<>(Map.of(name("@t/top"), VersionRange.parse("^1.0.0"))));
            // the dependency of the dependency shows that the guess goes down the graph on its own
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
            while (!registry.finds().containsKey(name("@t/leaf")) && Instant.now().isBefore(giveUp)) {
                Thread.sleep(10);
            }
            assertTrue(registry.finds().containsKey(name("@t/leaf")),
                    "the prefetch went no further than the dependencies of @t/top: " + registry.finds());
            index.find(name("@t/leaf"));
        }
        assertEquals(Map.of(name("@t/top"), 1, name("@t/new"), 1, name("@t/leaf"), 1), registry.finds(),
                "each fetched once, the later find of @t/leaf answered by the prefetch");
    }

    @Test
    void packagesAnnouncedAreFetchedNoMoreAtOnceThanTheRegistryTakesRequests() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountingRegistry slow = new CountingRegistry(List::of) {
            @Override
            public Optional<PublishedPackage> find(PackageName name) {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
                return super.find(name);
            }

            @Override
            public int maxConcurrent() {
                return 2;
            }
        };
        List<PackageName> names = IntStream.range(0, 8).mapToObj(number -> name("@a/p" + number)).toList();
        try (RegistryIndex index = new RegistryIndex(slow)) {
            index.prefetch(names);
            names.forEach(index::find);
        }
        assertEquals(8, slow.finds.size());
        assertTrue(most.get() <= 2, "at most 2 at once, not " + most.get());
    }

    @Test
    void similarNamesComeFromTheListOfTheRegistryServingTheName() {
        CountingRegistry registry = new CountingRegistry(() -> List.of(name("@acme/greeter"),
                name("@acme/other-thing")));
        try (RegistryIndex index = new RegistryIndex(registry)) {
            assertEquals(List.of(name("@acme/greeter")), index.similarNames(name("@acme/greetr")).names());
            PrompdException missing = assertThrows(PrompdException.class, () -> index.require(name("@acme/greetr")));
            assertEquals("did you mean @acme/greeter?", missing.hint());
        }
    }

    @Test
    void noSuggestionsWhenTheListCannotBeRead() {
        CountingRegistry registry = new CountingRegistry(() -> {
            throw new PrompdException(ExitCode.NETWORK, "down", "");
        });
        try (RegistryIndex index = new RegistryIndex(registry)) {
            assertEquals(NameSuggestions.NONE, index.similarNames(name("@acme/x")));
            PrompdException missing = assertThrows(PrompdException.class, () -> index.require(name("@acme/x")));
            assertEquals(ExitCode.NOT_FOUND, missing.exitCode());
            assertTrue(missing.getMessage().contains("no package @acme/x"), missing.getMessage());
        }
    }
}
