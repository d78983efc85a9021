package io.prompd.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.version.Version;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinksTest {

    private static final PackageName NAME = PackageName.parse("@a/b");
    private static final Version VERSION = Version.parse("1.0.0");

    @Test
    void relativeTarballUrlsResolveAgainstThePackageFolder() {
        Links links = new Links(Optional.empty());
        assertEquals("-/b-1.0.0.tgz", links.tarball(NAME, VERSION));
        URI packument = URI.create("https://mirror.example/r/").resolve(RegistryLayout.packument(NAME));
        assertEquals(URI.create("https://mirror.example/r/packages/@a/b/-/b-1.0.0.tgz"),
                packument.resolve(links.tarball(NAME, VERSION)));
        assertEquals(RegistryLayout.urlTemplates(), links.templates());
    }

    @Test
    void aPlusOfBuildMetadataIsEncodedSinceSomeHostsReadItAsASpace() {
        Version stamped = Version.parse("1.0.0+build.7");
        assertEquals("-/b-1.0.0%2Bbuild.7.tgz", new Links(Optional.empty()).tarball(NAME, stamped));
        assertEquals("https://cdn.example/r/packages/@a/b/-/b-1.0.0%2Bbuild.7.tgz",
                new Links(Optional.of(URI.create("https://cdn.example/r/"))).tarball(NAME, stamped));
    }

    @Test
    void aBaseUrlMakesEveryUrlAbsolute() {
        Links links = new Links(Optional.of(URI.create("https://cdn.example/r/")));
        assertEquals("https://cdn.example/r/packages/@a/b/-/b-1.0.0.tgz", links.tarball(NAME, VERSION));
        assertEquals("https://cdn.example/r/packages.json", links.templates().get("packages"));
    }
}
