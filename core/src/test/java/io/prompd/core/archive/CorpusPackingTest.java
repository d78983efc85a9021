package io.prompd.core.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prompd.core.problem.Problem;
import io.prompd.core.source.DirectorySource;
import io.prompd.core.source.SourceEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import io.prompd.core.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real packages of the shared corpus select and pack as they are. */
class CorpusPackingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> packages() {
        return SharedData.corpusPackageFolders().stream();
    }

    private static List<String> strings(JsonNode manifest, String field) {
        List<String> values = new ArrayList<>();
        manifest.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    static PackSelection select(Path folder) {
        try {
            JsonNode manifest = JSON.readTree(folder.resolve("prompd.json").toFile());
            return PackSelector.select(new DirectorySource(folder), strings(manifest, "files"),
                    strings(manifest, "ignore"), ArchiveLimits.DEFAULT, PackageLocation.WORKING_FOLDER);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static List<String> included(PackSelection selection) {
        return selection.included().stream().map(SourceEntry::path).toList();
    }

    @ParameterizedTest
    @MethodSource("packages")
    void selectsPacksReproduciblyAndUnpacks(Path folder, @TempDir Path unpacked) throws IOException {
        JsonNode manifest = JSON.readTree(folder.resolve("prompd.json").toFile());
        PackSelection selection = select(folder);
        DirectorySource source = new DirectorySource(folder);

        assertEquals(List.of(), selection.problems().stream().map(Problem::message).toList());
        assertTrue(included(selection).contains(manifest.path("main").asText()), "main is packed");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        PackResult result = Packer.pack(source, selection, first);
        Packer.pack(source, select(folder), second);
        assertArrayEquals(first.toByteArray(), second.toByteArray());

        UnpackResult unpackedResult = SafeUnpacker.unpackVerified(new ByteArrayInputStream(first.toByteArray()),
                Integrity.of(first.toByteArray()), unpacked, ArchiveLimits.DEFAULT);
        assertEquals(included(selection), unpackedResult.paths());
        assertEquals(result.unpackedSize(), unpackedResult.unpackedSize());
    }

    @Test
    void aLocalEnvironmentFileIsLeftOutAsASecret() {
        Path corpus = SharedData.corpusPackages();

        PackSelection core = select(corpus.resolve("core"));

        assertEquals(List.of(new LeftOut(".env.local", LeftOut.Reason.SECRET),
                new LeftOut("workflow.pdflow", LeftOut.Reason.NOT_IN_FILES)), core.leftOut());
        assertEquals(List.of("README.md", "prompd.json", "prompts/base.prmd"), included(core));
    }

    @Test
    void anEmptyFilesListRestrictsNothing() {
        Path corpus = SharedData.corpusPackages();

        PackSelection dogBlog = select(corpus.resolve("dog-blog-writing"));

        assertEquals(List.of("README.md", "prompd.json", "prompts/dog-blog-writer.prmd"), included(dogBlog));
        assertEquals(List.of(), dogBlog.leftOut());
    }

    @Test
    void filesOutsideTheFilesListAreLeftOutButTheRootReadmeIsPacked() {
        Path corpus = SharedData.corpusPackages();

        PackSelection assets = select(corpus.resolve("asset-extraction"));

        assertEquals(List.of("README.md", "prompd.json", "prompts/example.prmd"), included(assets));
        assertFalse(assets.leftOut().isEmpty());
        assertTrue(assets.leftOut().stream().allMatch(out -> out.reason() == LeftOut.Reason.NOT_IN_FILES));
    }
}
