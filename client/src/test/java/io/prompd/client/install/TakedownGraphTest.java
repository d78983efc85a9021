package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.client.install.registry.PublishedPackage;
import io.prompd.client.install.registry.RegistryIndex;
import io.prompd.client.testing.IndexOnlyRegistry;
import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Dist;
import io.prompd.core.protocol.Owners;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.testing.TestVersions;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TakedownGraphTest {

    /** Deeper than the thread's stack would go with a call a package, as outdated and update went. */
    private static final int CHAIN = 5_000;
    private static final Version ONE = Version.parse("1.0.0");

    /** The index.json documents of a registry, in memory. */
    private static final class Packages extends IndexOnlyRegistry {
        private final Map<PackageName, PublishedPackage> published;

        Packages(Map<PackageName, PublishedPackage> published) {
            this.published = published;
        }

        @Override
        public Optional<PublishedPackage> find(PackageName name) {
            return Optional.ofNullable(published.get(name));
        }

        @Override
        public List<PackageName> packageNames(PackageName near) {
            return List.copyOf(published.keySet());
        }
    }

    private static PackageName link(int number) {
        return PackageName.parse("@k/c" + number);
    }

    /**
     * @k/c0 1.0.0 needing @k/c1 ^1.0.0, and so on down to the last link, whose one version is taken down when
     * {@code lastTakenDown}.
     */
    private static Map<PackageName, PublishedPackage> chain(boolean lastTakenDown) {
        Map<PackageName, PublishedPackage> published = new HashMap<>();
        for (int number = 0; number < CHAIN; number++) {
            PackageName name = link(number);
            Packument packument;
            if (number == CHAIN - 1 && lastTakenDown) {
                packument = Packument.everyVersionTakenDown(name, Owners.NONE,
                        new TreeMap<>(Map.of(ONE, "leaked a key")), new TreeMap<>(), Instant.EPOCH);
            } else {
                SortedMap<PackageName, VersionRange> dependencies = new TreeMap<>();
                if (number < CHAIN - 1) {
                    dependencies.put(link(number + 1), VersionRange.parse("^1.0.0"));
                }
                VersionSummary version = TestVersions.summary(ONE, dependencies,
                        new Dist("-/c-1.0.0.tgz", Integrity.of(new byte[] {1}), 1, 1, 1), null, null);
                packument = new Packument(name, null, List.of(), null, null, null, null, Owners.NONE,
                        new TreeMap<>(Map.of("latest", ONE)), new TreeMap<>(Map.of(ONE, version)), Instant.EPOCH);
            }
            published.put(name, new PublishedPackage(packument, URI.create("https://registry.test/" + name)));
        }
        return published;
    }

    @Test
    void whatAVersionNeedsThatOnlyVersionsTakenDownMeetIsFoundAtTheEndOfAChainOfThousandsOfPackages() {
        Map<PackageName, PublishedPackage> published = chain(true);
        try (RegistryIndex index = new RegistryIndex(new Packages(published))) {
            List<TakedownGraph.Need> needs = new TakedownGraph(index).needs(published.get(link(0)), ONE);

            assertEquals(Optional.of("needs @k/c1 ^1.0.0, which needs @k/c2 ^1.0.0, which needs … ("
                    + (CHAIN - 5) + " more), which needs @k/c" + (CHAIN - 2) + " ^1.0.0, which needs @k/c" + (CHAIN - 1)
                    + " ^1.0.0, which only versions taken down meet"), StatusNotes.blocking(needs));
        }
    }

    @Test
    void aVersionAtTheTopOfAChainOfThousandsOfPackagesThatNeedsNothingTakenDownIsReachable() {
        Map<PackageName, PublishedPackage> published = chain(false);
        try (RegistryIndex index = new RegistryIndex(new Packages(published))) {
            TakedownGraph takedowns = new TakedownGraph(index);

            assertEquals(List.of(), takedowns.needs(published.get(link(0)), ONE));
            assertEquals(Optional.of(ONE),
                    takedowns.reach(published.get(link(0)), List.of(VersionRange.parse("^1.0.0"))).version());
        }
    }
}
