package io.prompd.generator.build;

import io.prompd.core.json.Json;
import io.prompd.core.manifest.Manifest;
import io.prompd.core.protocol.RegistryLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code registry.json}, {@code packages.json} and the published JSON Schema of {@code prompd.json}. */
final class RootDocumentWriter implements RegistryWriter {

    /** The schema core keeps beside the manifest classes, published as it is. */
    private static final String SCHEMA_RESOURCE = "prompd.schema.json";

    /** What this writer puts at the top of every build's output, whatever the registry holds. */
    static final List<String> PATHS = List.of(RegistryLayout.REGISTRY_DOCUMENT, RegistryLayout.PACKAGE_LIST,
            RegistryLayout.MANIFEST_SCHEMA);

    @Override
    public void write(BuiltRegistry registry, OutputFiles files) throws IOException {
        files.write(RegistryLayout.REGISTRY_DOCUMENT, Json.write(registry.registry()));
        files.write(RegistryLayout.PACKAGE_LIST, Json.write(registry.packages()));
        files.write(RegistryLayout.MANIFEST_SCHEMA, manifestSchema());
    }

    static byte[] manifestSchema() {
        try (InputStream schema = Manifest.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (schema == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing beside " + Manifest.class.getName());
            }
            return schema.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
