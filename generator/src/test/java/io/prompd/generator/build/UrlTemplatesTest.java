package io.prompd.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.RegistryDocument;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.version.Version;
import io.prompd.generator.testing.TestRegistryRepo;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * registry.json's {@code urls}, filled as generator/README.md tells a client to fill them, give the very URLs the
 * build writes and {@code prompd} requests, for a scoped name and a version with build metadata, whose {@code +}
 * a host such as Amazon S3 reads as a space.
 */
class UrlTemplatesTest {

    private static final PackageName NAME = PackageName.parse("@acme/util");
    private static final Version VERSION = Version.parse("1.0.0+build.7");
    /** Where the registry is read from when its URLs are relative: any root will do. */
    private static final URI SERVED_AT = URI.create("https://registry.example.org/prompd/");

    @TempDir
    Path temp;

    /**
     * The template filled by the documented rule, from the text alone: each placeholder's value as written, and of
     * its characters {@code +} alone percent-encoded; the {@code @} and {@code /} of a scoped name stay as they are.
     */
    private static String fill(String template, String name, String version) {
        String baseName = name.substring(name.indexOf('/') + 1);
        return template.replace("{name}", encoded(name)).replace("{baseName}", encoded(baseName))
                .replace("{version}", encoded(version));
    }

    private static String encoded(String value) {
        return value.replace("+", "%2B");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "https://cdn.example.org/r%C3%A9gistry/"})
    void theTemplatesFilledAsDocumentedGiveTheUrlsTheBuildWritesAndPrompdRequests(String baseUrl)
            throws IOException {
        Path out = temp.resolve("out");
        Optional<URI> base = Optional.of(baseUrl).filter(url -> !url.isEmpty()).map(URI::create);
        try (TestRegistryRepo repo = TestRegistryRepo.initRegistry(temp.resolve("repo"))) {
            repo.publish(NAME.toString(), VERSION.toString());
            repo.commit("publish util with build metadata");
            new RegistryBuilder().build(new BuildOptions(repo.root(), "HEAD", out, base, false, false, repo.root()),
                    BuildProgress.NONE);
        }
        URI root = base.orElse(SERVED_AT);
        Map<String, String> templates = Json.read(Files.readAllBytes(out.resolve(RegistryLayout.REGISTRY_DOCUMENT)),
                RegistryDocument.class).urls();
        URI registryJson = root.resolve(RegistryLayout.REGISTRY_DOCUMENT);
        URI packument = registryJson.resolve(fill(templates.get("package"), NAME.toString(), VERSION.toString()));
        URI document = registryJson.resolve(fill(templates.get("version"), NAME.toString(), VERSION.toString()));
        URI tarball = registryJson.resolve(fill(templates.get("tarball"), NAME.toString(), VERSION.toString()));

        assertEquals(root + "packages/@acme/util/index.json", packument.toString());
        assertEquals(root + "packages/@acme/util/1.0.0%2Bbuild.7.json", document.toString());
        assertEquals(root + "packages/@acme/util/-/util-1.0.0%2Bbuild.7.tgz", tarball.toString());
        // what the build writes: dist.tarball, resolved against the document that holds it
        assertEquals(tarball, packument.resolve(Json.read(Files.readAllBytes(out.resolve(RegistryLayout.packument(
                NAME))), Packument.class).versions().get(VERSION).dist().tarball()));
        assertEquals(tarball, document.resolve(Json.read(Files.readAllBytes(out.resolve(
                RegistryLayout.versionDocument(NAME, VERSION))), VersionDocument.class).dist().tarball()));
        // the files there, which keep their '+', as a host decoding the path finds them
        for (URI url : new URI[] {packument, document, tarball}) {
            String path = url.getRawPath().substring(root.getRawPath().length());
            assertTrue(Files.isRegularFile(out.resolve(URLDecoder.decode(path, StandardCharsets.UTF_8))), path);
        }
        // what prompd requests: HttpPackageRegistry and RegistryEndpoint resolve these against the registry's root
        assertEquals(packument, root.resolve(RegistryLayout.url(RegistryLayout.packument(NAME))));
        assertEquals(document, root.resolve(RegistryLayout.url(RegistryLayout.versionDocument(NAME, VERSION))));
        assertEquals(tarball, root.resolve(RegistryLayout.url(RegistryLayout.tarball(NAME, VERSION))));
    }
}
