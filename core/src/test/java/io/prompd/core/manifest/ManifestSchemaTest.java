package io.prompd.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.prompd.core.name.PackageName;
import io.prompd.core.prompt.PromptFile;
import io.prompd.core.version.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The published JSON Schema must agree with {@link ManifestReader} on structure and on the name and version rules. */
class ManifestSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory DRAFT_07 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private static JsonNode schemaJson() throws IOException {
        try (InputStream in = ManifestReader.class.getResourceAsStream("prompd.schema.json")) {
            assertNotNull(in, "prompd.schema.json is a resource beside ManifestReader");
            return JSON.readTree(in);
        }
    }

    private static Set<ValidationMessage> validate(String manifest) throws IOException {
        return DRAFT_07.getSchema(schemaJson()).validate(JSON.readTree(manifest));
    }

    private static String pattern(String... path) throws IOException {
        JsonNode node = schemaJson();
        for (String step : path) {
            node = node.get(step);
        }
        return node.textValue();
    }

    @Test
    void theSchemaIsAValidDraft07SchemaWithItsPublishedId() throws IOException {
        JsonSchema metaSchema = DRAFT_07.getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));

        assertEquals(Set.of(), metaSchema.validate(schemaJson()));
        assertFalse(metaSchema.validate(JSON.readTree("{\"type\": 5}")).isEmpty(), "the meta-schema really checks");
        assertEquals("https://prompd.io/schemas/prompd.json", schemaJson().get("$id").textValue());
    }

    /** Editors show these as the fields' help: they name what shows the fields today, there being no search yet. */
    @Test
    void theHelpOfDescriptionAndKeywordsNamesWhatShowsThem() throws IOException {
        assertEquals("One or two sentences saying what the prompts are for; prompd info shows it, and the"
                + " registry lists"
                + " it in packages.json.", pattern("properties", "description", "description"));
        assertEquals("Words for what the package is about; the registry lists them in packages.json, for the search it"
                + " is to have.", pattern("properties", "keywords", "description"));
    }

    @Test
    void theSchemaDescribesTheFieldsTheReaderKnowsInTheirOrder() throws IOException {
        List<String> described = new ArrayList<>();
        schemaJson().get("properties").fieldNames().forEachRemaining(described::add);

        assertEquals(ManifestFields.KNOWN, described, "a field added to ManifestFields.KNOWN is described here too");
    }

    @Test
    void aFullValidManifestPasses() throws IOException {
        assertEquals(Set.of(), validate("""
                {"name": "@acme/prompts", "version": "1.0.0-rc.1+build.5", "description": "d",
                 "author": {"name": "Ada", "email": "ada@acme.io"}, "license": "MIT", "keywords": ["a"],
                 "main": "prompts/main.prmd", "prompts": {"main": "prompts/main.prmd"},
                 "dependencies": {"@prompd/core": "^0.0.2"}, "engines": {"prompd": ">=0.1"},
                 "repository": {"url": "https://github.com/acme/prompts"}, "files": ["prompts/"], "ignore": ["*.log"],
                 "readme": "README.md", "type": "prompts", "x-anything": {"is": "allowed"}}
                """));
    }

    @Test
    void aFilesEntryMayStartWithTheBackslashThatEscapesAWildcard() throws IOException {
        assertEquals(Set.of(),
                validate("{\"name\": \"a\", \"version\": \"1.0.0\", \"files\": [\"\\\\[draft\\\\].md\"]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\": \"@Acme/prompts\", \"version\": \"1.0.0\"}",
        "{\"name\": \"con\", \"version\": \"1.0.0\"}",
        "{\"name\": \"a\", \"version\": \"v1.0.0\"}",
        "{\"name\": \"a\", \"version\": \"1.0\"}",
        "{\"name\": \"a\"}",
        "{\"name\": \"a\", \"version\": \"1.0.0\", \"keywords\": [1]}",
        "{\"name\": \"a\", \"version\": \"1.0.0\", \"dependencies\": {\"Bad Name\": \"1.0.0\"}}",
        "{\"name\": \"a\", \"version\": \"1.0.0\", \"files\": [\"/etc/passwd\"]}",
        "{\"name\": \"a\", \"version\": \"1.0.0\", \"main\": \"README.md\"}",
        "{\"name\": \"a\", \"version\": \"1.0.0\", \"prompts\": {\"x\": \"/abs/x.prmd\"}}"})
    void invalidManifestsFail(String manifest) throws IOException {
        assertFalse(validate(manifest).isEmpty(), manifest);
    }

    /** The names PackageName's own tests accept, and those they refuse: the schema takes them alike. */
    @ParameterizedTest
    @MethodSource("io.prompd.core.name.PackageNameExamples#valid")
    void theNamePatternAcceptsTheNamesPackageNameAccepts(String name) throws IOException {
        assertTrue(PackageName.check(name).isEmpty(), name);
        assertTrue(namePattern().matcher(name).find(), name);
    }

    /**
     * Every rule of PackageName is one the pattern can express: the characters and lengths, a trailing '.', Windows
     * device names with or without an extension, node_modules and favicon.ico.
     */
    @ParameterizedTest
    @MethodSource("io.prompd.core.name.PackageNameExamples#refused")
    void theNamePatternRefusesTheNamesPackageNameRefuses(String name) throws IOException {
        assertFalse(PackageName.check(name).isEmpty(), name);
        assertFalse(namePattern().matcher(name).find(), name);
    }

    private static Pattern namePattern() throws IOException {
        return Pattern.compile(pattern("definitions", "packageName", "pattern"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0", "1.2.3", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0-x-y.z",
        "1.0.0+build.1", "1.0.0-rc.1+b-2", "v1.0.0", "1.0", "1", "01.0.0", "1.00.0", "1.0.0-01", "1.0.0-", "1.0.0+",
        "1.0.0-a..b", "1.0.0 ", " 1.0.0", "1.0.0-α"})
    void theVersionPatternAgreesWithVersion(String version) throws IOException {
        assertEquals(Version.isValid(version),
                Pattern.compile(pattern("properties", "version", "pattern")).matcher(version).find(), version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.prmd", "p/a.prompd", "A.PRMD", "a.Prompd", "a.md", "a.prmd.txt", "prmd", "a.prm"})
    void thePromptPathPatternAgreesWithPromptFile(String path) throws IOException {
        JsonNode promptPath = schemaJson().get("definitions").get("promptPath");
        boolean schemaAccepts = true;
        for (JsonNode rule : promptPath.get("allOf")) {
            schemaAccepts &= Pattern.compile(rule.get("pattern").textValue()).matcher(path).find();
        }
        assertEquals(PromptFile.hasPromptExtension(path), schemaAccepts, path);
    }

    /**
     * Every corpus manifest is structurally fine, even where the reader finds errors (a self-dependency is no schema
     * matter).
     */
    @ParameterizedTest
    @MethodSource("io.prompd.core.manifest.Corpus#packageFolders")
    void everyCorpusManifestPasses(Path folder) throws IOException {
        assertEquals(Set.of(), validate(Files.readString(folder.resolve(ManifestReader.FILE_NAME))), folder.toString());
    }
}
