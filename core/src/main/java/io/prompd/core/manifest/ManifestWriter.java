package io.prompd.core.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.core.json.Json;
import io.prompd.core.json.JsonTrees;
import io.prompd.core.version.VersionRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a manifest as {@code prompd init} and {@code prompd install} leave it: two-space indent,
 * {@code "key": value}, known fields in {@link ManifestFields#KNOWN} order, then unknown ones sorted,
 * a newline at the end. The same manifest always gives the same bytes, and reading them gives the
 * manifest back. Absent values and empty lists and maps are left out.
 */
public final class ManifestWriter {

    private ManifestWriter() {
    }

    public static byte[] write(Manifest manifest) {
        return Json.write(tree(manifest));
    }

    private static ObjectNode tree(Manifest manifest) {
        JsonNodeFactory nodes = JsonTrees.NODES;
        ObjectNode root = nodes.objectNode();
        root.put(ManifestFields.NAME, manifest.name().toString());
        root.put(ManifestFields.VERSION, manifest.version().toString());
        text(root, ManifestFields.DESCRIPTION, manifest.description());
        manifest.author().ifPresent(author -> putAuthor(root, author));
        text(root, ManifestFields.LICENSE, manifest.license());
        list(root, ManifestFields.KEYWORDS, manifest.keywords());
        text(root, ManifestFields.CATEGORY, manifest.category());
        text(root, ManifestFields.MAIN, manifest.main());
        map(root, ManifestFields.PROMPTS, manifest.prompts(), Function.identity());
        map(root, ManifestFields.DEPENDENCIES, manifest.dependencies(), VersionRange::text);
        map(root, ManifestFields.ENGINES, manifest.engines(), Function.identity());
        manifest.repository().ifPresent(repository -> text(root.putObject(ManifestFields.REPOSITORY)
                .put("type", repository.type())
                .put("url", repository.url()), "directory", Optional.ofNullable(repository.directory())));
        list(root, ManifestFields.FILES, manifest.files());
        list(root, ManifestFields.IGNORE, manifest.ignore());
        text(root, ManifestFields.README, manifest.readme());
        text(root, ManifestFields.TYPE, manifest.type());
        manifest.extra().forEach(root::set);
        return root;
    }

    /** npm's short string form when it reads back as the same person, else the object form. */
    private static void putAuthor(ObjectNode root, Person author) {
        if (Person.parse(author.name()).equals(author)) {
            root.put(ManifestFields.AUTHOR, author.name());
            return;
        }
        ObjectNode object = root.putObject(ManifestFields.AUTHOR).put("name", author.name());
        if (!author.email().isEmpty()) {
            object.put("email", author.email());
        }
        if (!author.url().isEmpty()) {
            object.put("url", author.url());
        }
    }

    private static void text(ObjectNode root, String field, Optional<String> value) {
        value.ifPresent(text -> root.put(field, text));
    }

    private static void list(ObjectNode root, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = root.putArray(field);
            values.forEach(array::add);
        }
    }

    /** @param written the value as stored: a range as written, not as shown ({@link VersionRange#toString}) */
    private static <V> void map(ObjectNode root, String field, Map<?, V> entries, Function<V, String> written) {
        if (!entries.isEmpty()) {
            ObjectNode object = root.putObject(field);
            entries.forEach((key, value) -> object.put(key.toString(), written.apply(value)));
        }
    }
}
