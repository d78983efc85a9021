package io.prompd.client.install.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.client.http.ProgressListener;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.Integrity;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.version.Version;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RegistryIndexTest {

    /** A registry with no packages at all, that counts what it is asked. */
    private static final class CountingRegistry implements PackageRegistry {
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
        public VersionDocument versionDocument(PackageName name, Version version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PackageName> packageNames(PackageName near) {
            return names.get();
        }

        @Override
        public void download(PackageName name, URI tarball, Path target, Integrity integrity, ProgressListener progress) {
            throw new UnsupportedOperationException();
        }
    }

    private static PackageName name(String text) {
        return PackageName.parse(text);
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
    void similarNamesAreTheClosestFirstAndOnlyClose() {
        CountingRegistry registry = new CountingRegistry(() -> List.of(name("@acme/greeter"), name("@acme/greet"),
                name("@acme/other-thing"), name("@acme/greeters")));
        try (RegistryIndex index = new RegistryIndex(registry)) {
            assertEquals(List.of(name("@acme/greet"), name("@acme/greeter"), name("@acme/greeters")),
                    index.similarNames(name("@acme/greetr")));
        }
    }

    @Test
    void noSuggestionsWhenTheListCannotBeRead() {
        CountingRegistry registry = new CountingRegistry(() -> {
            throw new PrompdException(ExitCode.NETWORK, "down", "");
        });
        try (RegistryIndex index = new RegistryIndex(registry)) {
            assertEquals(List.of(), index.similarNames(name("@acme/x")));
            PrompdException missing = assertThrows(PrompdException.class, () -> index.require(name("@acme/x")));
            assertEquals(ExitCode.NOT_FOUND, missing.exitCode());
            assertTrue(missing.getMessage().contains("no package @acme/x"), missing.getMessage());
        }
    }

    @Test
    void distanceCountsEdits() {
        assertEquals(0, RegistryIndex.distance("abc", "abc"));
        assertEquals(1, RegistryIndex.distance("abc", "abd"));
        assertEquals(1, RegistryIndex.distance("abc", "abcd"));
        assertEquals(3, RegistryIndex.distance("", "abc"));
    }
}
