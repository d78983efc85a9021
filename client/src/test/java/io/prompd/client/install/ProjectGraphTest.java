package io.prompd.client.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.install.lock.LockFile;
import io.prompd.client.install.lock.LockedPackage;
import io.prompd.client.install.store.PackageStore;
import io.prompd.core.SuggestedCommands;
import io.prompd.core.archive.ArchiveLimits;
import io.prompd.core.archive.Integrity;
import io.prompd.core.archive.PackResult;
import io.prompd.core.archive.PackSelector;
import io.prompd.core.archive.PackageLocation;
import io.prompd.core.archive.Packer;
import io.prompd.core.name.PackageName;
import io.prompd.core.source.MemorySource;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectGraphTest {

    private static PackageName name(String text) {
        return PackageName.parse(text);
    }

    private static LockedPackage locked(String version, Map<PackageName, VersionRange> dependencies) {
        return new LockedPackage(Version.parse(version), URI.create("https://r.example/" + version + ".tgz"),
                Integrity.of(version.getBytes()), new TreeMap<>(dependencies));
    }

    /** app → a → c, app → b → c, app → missing (not locked). */
    private static ProjectGraph graph() {
        LockFile lock = new LockFile(new TreeMap<>(Map.of(
                name("@x/a"), locked("1.0.0", Map.of(name("@x/c"), VersionRange.parse("^1.0.0"))),
                name("@x/b"), locked("1.0.0", Map.of(name("@x/c"), VersionRange.parse("~1.2.0"))),
                name("@x/c"), locked("1.2.3", Map.of(name("@x/d"), VersionRange.parse("*"))),
                name("@x/d"), locked("0.1.0", Map.of()))));
        return new ProjectGraph(new TreeMap<>(Map.of(name("@x/a"), VersionRange.parse("^1.0.0"),
                name("@x/b"), VersionRange.parse("^1.0.0"), name("@x/missing"), VersionRange.parse("^1.0.0"))), lock);
    }

    @Test
    void aPackageNeededTwiceIsExpandedOnceAndMarkedElsewhere() {
        List<ProjectGraph.Node> tree = graph().tree();
        ProjectGraph.Node firstC = tree.get(0).children().get(0);
        ProjectGraph.Node secondC = tree.get(1).children().get(0);
        assertEquals(1, firstC.children().size());
        assertFalse(firstC.repeated());
        assertTrue(secondC.repeated());
        assertTrue(secondC.children().isEmpty());
        assertEquals("~1.2.0", secondC.range().text(), "each place shows the range that asked for it");
    }

    @Test
    void aDependencyTheLockLacksIsShownWithoutVersion() {
        ProjectGraph.Node missing = graph().tree().get(2);
        assertEquals(name("@x/missing"), missing.name());
        assertTrue(missing.version().isEmpty());
    }

    @Test
    void rangesOnAPackageComeFromEveryDependent() {
        assertEquals(List.of(VersionRange.parse("^1.0.0"), VersionRange.parse("~1.2.0")),
                graph().rangesOn(name("@x/c")));
        assertEquals(List.of(VersionRange.parse("^1.0.0")), graph().rangesOn(name("@x/a")));
    }

    @Test
    void entriesMarkDirectDependencies() {
        List<ProjectGraph.Entry> entries = graph().entries();
        assertEquals(List.of(true, true, false, false), entries.stream().map(ProjectGraph.Entry::direct).toList());
    }

    @Test
    void entriesNothingLeadsToAnyMoreAreNotNeeded() {
        ProjectGraph graph = graph();
        ProjectGraph edited = new ProjectGraph(new TreeMap<>(Map.of(name("@x/b"), VersionRange.parse("^1.0.0"))),
                graph.lock());
        assertEquals(List.of(true, true, true, true),
                graph.entries().stream().map(ProjectGraph.Entry::needed).toList());
        assertEquals(List.of(false, true, true, true),
                edited.entries().stream().map(ProjectGraph.Entry::needed).toList());
    }

    @Test
    void aLockedVersionOutsideARangeOfTheNeededGraphIsInvalid() {
        ProjectGraph graph = graph();
        ProjectGraph narrowed = new ProjectGraph(new TreeMap<>(Map.of(name("@x/a"), VersionRange.parse("^1.0.0"),
                name("@x/b"), VersionRange.parse("^1.0.0"), name("@x/c"), VersionRange.parse("^2.0.0"))), graph.lock());
        assertEquals(List.of(false, false, false, false),
                graph.entries().stream().map(ProjectGraph.Entry::invalid).toList());
        assertEquals(List.of(VersionRange.parse("^2.0.0")), narrowed.entries().get(2).unmet());
    }

    @Test
    void anInstalledVersionNeedsWhatItsOwnManifestDeclaresAndOneNotInstalledWhatTheLockRecords(@TempDir Path work)
            throws IOException {
        // @x/c's own prompd.json declares @x/d at ^0.1.0 where the lock records *, as a stale lock may
        MemorySource source = MemorySource.ofText("c", Map.of("prompd.json", "{\"name\": \"@x/c\", \"version\":"
                + " \"1.2.3\", \"dependencies\": {\"@x/d\": \"^0.1.0\"}}\n"));
        Path tarball = work.resolve("c.tgz");
        PackResult packed = Packer.packToFile(source, PackSelector.select(source, List.of(), List.of(),
                ArchiveLimits.DEFAULT, PackageLocation.WORKING_FOLDER), tarball);
        PackageStore store = new PackageStore(work.resolve("packages"), ArchiveLimits.DEFAULT, SuggestedCommands.PLAIN);
        store.install(name("@x/c"), Version.parse("1.2.3"), tarball, packed.integrity(),
                Map.of(name("@x/d"), VersionRange.parse("^0.1.0")), PackageStore.Pin.LOCK);
        ProjectGraph graph = graph();

        ProjectGraph installed = graph.withInstalledDependencies(store);

        LockedPackage c = graph.lock().packages().get(name("@x/c"));
        assertEquals(new LockedPackage(c.version(), c.resolved(), c.integrity(),
                new TreeMap<>(Map.of(name("@x/d"), VersionRange.parse("^0.1.0")))),
                installed.lock().packages().get(name("@x/c")));
        assertEquals(graph.roots(), installed.roots());
        assertEquals(graph.lock().without(Set.of(name("@x/c"))),
                installed.lock().without(Set.of(name("@x/c"))), "the versions not installed are as locked");
    }

    @Test
    void aChainOfThousandsOfPackagesEachNeedingTheNextIsATreeAsDeep() {
        // deeper than the thread's stack would go with a call a package
        int links = 5_000;
        TreeMap<PackageName, LockedPackage> packages = new TreeMap<>();
        for (int link = 0; link < links; link++) {
            packages.put(name("@k/c" + link), locked("1.0.0", link + 1 < links
                    ? Map.of(name("@k/c" + (link + 1)), VersionRange.parse("^1.0.0")) : Map.of()));
        }
        ProjectGraph graph = new ProjectGraph(new TreeMap<>(Map.of(name("@k/c0"), VersionRange.parse("^1.0.0"))),
                new LockFile(packages));

        ProjectGraph.Node node = graph.tree().get(0);
        for (int link = 1; link < links; link++) {
            assertEquals(1, node.children().size());
            node = node.children().get(0);
            assertEquals(name("@k/c" + link), node.name());
        }
        assertTrue(node.children().isEmpty());
    }
}
