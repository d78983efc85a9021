package io.prompd.core.manifest;

import static io.prompd.core.SuggestedCommands.PLAIN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.prompd.core.json.Json;
import io.prompd.core.name.PackageName;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestWriterTest {

    private static final Manifest FULL = Manifest.of(PackageName.parse("@acme/prompts"), Version.parse("1.0.0"))
            .toBuilder()
            .description("Prompts for Acme")
            .author(new Person("Ada", "ada@acme.io", ""))
            .license("MIT")
            .keywords(List.of("b", "a"))
            .category("sales")
            .main("prompts/main.prmd")
            .prompts(Map.of("main", "prompts/main.prmd", "extra", "prompts/extra.prmd"))
            .dependencies(Map.of(PackageName.parse("zeta"), VersionRange.parse("^2.0.0"),
                    PackageName.parse("@prompd/core"), VersionRange.parse("~0.0.2")))
            .engines(Map.of("prompd", ">=0.1"))
            .repository(new Repository("git", "https://github.com/acme/prompts", "packages/sales"))
            .files(List.of("prompts/", "README.md"))
            .ignore(List.of("*.log"))
            .readme("README.md")
            .type("prompts")
            .extra(Map.of("zz", JsonNodeFactory.instance.numberNode(1), "aa", JsonNodeFactory.instance.arrayNode()))
            .build();

    @Test
    void writesKnownFieldsInConventionalOrderThenExtraSorted() {
        assertEquals("""
                {
                  "name": "@acme/prompts",
                  "version": "1.0.0",
                  "description": "Prompts for Acme",
                  "author": {
                    "name": "Ada",
                    "email": "ada@acme.io"
                  },
                  "license": "MIT",
                  "keywords": [
                    "b",
                    "a"
                  ],
                  "category": "sales",
                  "main": "prompts/main.prmd",
                  "prompts": {
                    "extra": "prompts/extra.prmd",
                    "main": "prompts/main.prmd"
                  },
                  "dependencies": {
                    "@prompd/core": "~0.0.2",
                    "zeta": "^2.0.0"
                  },
                  "engines": {
                    "prompd": ">=0.1"
                  },
                  "repository": {
                    "type": "git",
                    "url": "https://github.com/acme/prompts",
                    "directory": "packages/sales"
                  },
                  "files": [
                    "prompts/",
                    "README.md"
                  ],
                  "ignore": [
                    "*.log"
                  ],
                  "readme": "README.md",
                  "type": "prompts",
                  "aa": [],
                  "zz": 1
                }
                """, new String(ManifestWriter.write(FULL), StandardCharsets.UTF_8));
    }

    @Test
    void leavesOutAbsentFieldsAndWritesAnAuthorWithOnlyANameAsAString() {
        Manifest manifest = Manifest.of(PackageName.parse("a"), Version.parse("0.1.0")).toBuilder()
                .author(new Person("prompd", "", "")).build();

        assertEquals("{\n  \"name\": \"a\",\n  \"version\": \"0.1.0\",\n  \"author\": \"prompd\"\n}\n",
                new String(ManifestWriter.write(manifest), StandardCharsets.UTF_8));
    }

    /** So that the tests writing it and reading it back cover a field added to {@link ManifestFields#KNOWN}. */
    @Test
    void theFullManifestSetsEveryKnownField() throws IOException {
        List<String> written = new ArrayList<>();
        Json.reader().readTree(ManifestWriter.write(FULL)).fieldNames().forEachRemaining(written::add);

        assertEquals(ManifestFields.KNOWN, written.subList(0, written.size() - FULL.extra().size()));
    }

    @Test
    void readingWhatWasWrittenGivesTheSameManifest() {
        ManifestResult result = ManifestReader.read("prompd.json", ManifestWriter.write(FULL), PLAIN);

        assertEquals(Optional.of(FULL), result.manifest());
    }

    @Test
    void anEmptyRangeIsWrittenAsWrittenNotAsShown() {
        Manifest manifest = Manifest.of(PackageName.parse("a"), Version.parse("0.1.0")).toBuilder()
                .dependencies(Map.of(PackageName.parse("b"), VersionRange.parse(""))).build();

        byte[] written = ManifestWriter.write(manifest);

        assertTrue(new String(written, StandardCharsets.UTF_8).contains("\"b\": \"\""),
                "'*' is how the empty range is shown, which any release satisfies too, but not the text read");
        assertEquals(Optional.of(manifest), ManifestReader.read("prompd.json", written, PLAIN).manifest());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada (Lovelace)", "Ada <not an email", "<ada@acme.io>"})
    void anAuthorNameThatLooksLikeShorthandSurvivesTheRoundTrip(String name) {
        Manifest manifest = Manifest.of(PackageName.parse("a"), Version.parse("0.1.0")).toBuilder()
                .author(new Person(name, "", "")).build();

        assertEquals(Optional.of(manifest),
                ManifestReader.read("prompd.json", ManifestWriter.write(manifest), PLAIN).manifest());
    }

    @Test
    void unknownFieldsAreWrittenAsRead() {
        String json = "{\n  \"name\": \"a\",\n  \"version\": \"0.1.0\",\n  \"x\": {\n    \"price\": 1.50,\n"
                + "    \"big\": 123456789012345678901234567890,\n    \"none\": null,\n    \"empty\": {}\n  }\n}\n";

        Manifest manifest = ManifestReader.read("prompd.json", json.getBytes(StandardCharsets.UTF_8), PLAIN).manifest()
                .orElseThrow();

        assertEquals(json, new String(ManifestWriter.write(manifest), StandardCharsets.UTF_8));
    }

    @Test
    void theSameManifestAlwaysGivesTheSameBytes() {
        assertArrayEquals(ManifestWriter.write(FULL), ManifestWriter.write(FULL.toBuilder().build()));
    }
}
