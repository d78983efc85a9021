package io.prompd.generator.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.prompd.core.archive.Integrity;
import io.prompd.core.json.Json;
import io.prompd.core.manifest.Repository;
import io.prompd.core.name.PackageName;
import io.prompd.core.protocol.Dist;
import io.prompd.core.protocol.Owners;
import io.prompd.core.protocol.PackageList;
import io.prompd.core.protocol.PackageSummary;
import io.prompd.core.protocol.Packument;
import io.prompd.core.protocol.ParameterSummary;
import io.prompd.core.protocol.PromptSummary;
import io.prompd.core.protocol.RegistryDocument;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.VersionDocument;
import io.prompd.core.protocol.VersionSummary;
import io.prompd.core.version.Version;
import io.prompd.core.version.VersionRange;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON of the documents a build serves is part of its output. A build never writes a version's document again once
 * written, nor the {@code index.json} of a package that did not change, so a change of that JSON without a new
 * {@link BuildState#FORMAT} would leave an earlier build's documents in the old shape beside new ones, and a later
 * build reading them back ({@code republish}) would misread them.
 *
 * <p>This test writes samples of each document as the build writes it, with {@link Json#write}: one with every
 * optional field given a value, one with each left empty. It compares their bytes with those recorded in
 * {@value #FOLDER}/ beside it, with the format they were recorded at. Whatever changes the JSON fails it: a component,
 * an annotation on it or on its record, a setting or a serializer of Json. What the JSON does not show passes: Json
 * sorts the properties, so the order of a record's components is none of its business.
 *
 * <p>To record the JSON again, from the project's folder:
 * <pre>{@value #RECORD_COMMAND}</pre>
 * It refuses while the JSON differs from the one recorded and {@code BuildState.FORMAT} is still the format recorded.
 */
class DocumentShapeTest {

    /** The folder of the recorded JSON, a test resource beside this test. */
    private static final String FOLDER = "document-shape";

    /** The file in {@value #FOLDER} that holds the format the JSON was recorded at. */
    private static final String FORMAT_FILE = "format.txt";

    /** The system property that has this test record the JSON, which it otherwise only compares. */
    private static final String RECORD = "prompd.recordDocumentShape";

    private static final String RECORD_COMMAND = "./mvnw -o -B test -pl generator -am -Dtest=DocumentShapeTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -D" + RECORD;

    /** Where a recording goes: the test resources of the generator module, the folder Maven runs its tests in. */
    private static final Path SOURCE = Path.of("src", "test", "resources", "io", "prompd", "generator", "build",
            FOLDER);

    private static final Instant PUBLISHED = Instant.parse("2026-01-02T03:04:05Z");

    private static final Instant UPDATED = Instant.parse("2026-02-03T04:05:06Z");

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private static final PackageName NAME = PackageName.parse("@acme/greet");

    private static final Links ABSOLUTE = new Links(Optional.of(URI.create("https://registry.example/")));

    private static final Links RELATIVE = new Links(Optional.empty());

    @Test
    void theServedJsonIsTheJsonRecordedWithTheFormat() throws IOException, URISyntaxException {
        SortedMap<String, String> written = written();
        SortedMap<String, String> recorded = recorded();
        List<String> differing = differing(written, recorded);
        // with nothing recorded, there is no earlier JSON a build could have served
        boolean jsonChanged = recorded.containsKey(FORMAT_FILE)
                && differing.stream().anyMatch(file -> !file.equals(FORMAT_FILE));
        String recordedFormat = Objects.requireNonNullElse(recorded.get(FORMAT_FILE), "none\n").strip();
        if (Boolean.getBoolean(RECORD)) {
            if (jsonChanged && recordedFormat.equals(String.valueOf(BuildState.FORMAT))) {
                fail("the JSON a build serves changed in " + String.join(", ", differing) + ", and"
                        + " BuildState.FORMAT is still " + recordedFormat + ", the format recorded: " + bumpFirst()
                        + ", then record again");
            }
            record(written);
            return;
        }

        assertEquals(shown(recorded, differing), shown(written, differing), "the JSON a build serves was recorded at"
                + " format " + recordedFormat + ", BuildState.FORMAT is " + BuildState.FORMAT + ", and "
                + String.join(", ", differing) + " in " + FOLDER + "/ differ: " + (jsonChanged ? bumpFirst() + "; then"
                + " record" : "record") + " the JSON again with " + RECORD_COMMAND);
    }

    @Test
    void theSamplesGiveEveryComponentOfTheServedRecordsAValue() {
        assertEquals(Set.of(), unshown(samples().values()), "a component no sample gives a value is missing from every"
                + " recorded document, whatever its JSON: give it one in a full sample of DocumentShapeTest");
    }

    private static String bumpFirst() {
        return "bump BuildState.FORMAT, so that a build rewrites what an earlier one served, and add the old format to"
                + " RegistryBuilderTest's anOutputOfAnEarlierFormatIsRebuiltInFull";
    }

    /** Each sample, by the name of its file in {@value #FOLDER}, in the order of the files. */
    private static SortedMap<String, Object> samples() {
        SortedMap<String, Object> samples = new TreeMap<>();
        samples.put("registry-full.json", new RegistryDocument(RegistryLayout.PROTOCOL_VERSION, "Acme prompts",
                "https://git.example/acme/registry.git", true, COMMIT, PUBLISHED, ABSOLUTE.templates(),
                new RegistryDocument.Counts(1, 2)));
        samples.put("registry-minimal.json", new RegistryDocument(RegistryLayout.PROTOCOL_VERSION, "Acme prompts",
                "https://git.example/acme/registry.git", false, COMMIT, PUBLISHED, RELATIVE.templates(),
                new RegistryDocument.Counts(0, 0)));
        samples.put("packages-full.json", new PackageList(List.of(new PackageSummary(NAME, Version.parse("1.2.0"),
                "Greets people", List.of("greeting", "welcome"), "writing", "Ann <ann@example.com>", UPDATED))));
        samples.put("packages-minimal.json", new PackageList(List.of(new PackageSummary(PackageName.parse("bare"),
                null, null, List.of(), null, null, UPDATED))));
        samples.put("packages-none.json", new PackageList(List.of()));
        samples.put("index-full.json", fullPackument());
        samples.put("index-minimal.json", new Packument(PackageName.parse("bare"), null, List.of(), null, null, null,
                null, Owners.NONE, new TreeMap<>(), new TreeMap<>(Map.of(Version.parse("0.1.0-rc.1"),
                minimalVersion().summary(null, null))), UPDATED));
        samples.put("index-every-version-taken-down.json", Packument.everyVersionTakenDown(PackageName.parse("gone"),
                Owners.NONE, new TreeMap<>(Map.of(Version.parse("1.0.0"), "leaked a key")), new TreeMap<>(), UPDATED));
        samples.put("version-full.json", fullVersion());
        samples.put("version-minimal.json", minimalVersion());
        return samples;
    }

    /** A package with every optional field, its versions one with every optional field and one with none. */
    private static Packument fullPackument() {
        VersionDocument full = fullVersion();
        Version bare = Version.parse("1.0.0");
        Version taken = Version.parse("1.1.0");
        return new Packument(NAME, full.description(), full.keywords(), full.category(), full.author(),
                full.license(), full.repository(),
                new Owners(new TreeSet<>(Set.of("ann")), new TreeSet<>(Set.of("ops"))),
                new TreeMap<>(Map.of(Packument.LATEST, full.version(), "next", bare)),
                new TreeMap<>(Map.of(full.version(), full.summary("breaks the greeting", "use 2.0.0"), bare,
                        new VersionSummary(bare, null, null, new TreeMap<>(), new TreeMap<>(), null, new TreeMap<>(),
                                dist(ABSOLUTE, NAME, bare), PUBLISHED, COMMIT, null, null))),
                UPDATED, new TreeMap<>(Map.of(taken, "leaked a key")),
                new TreeMap<>(Map.of(taken, Integrity.of("taken".getBytes(StandardCharsets.UTF_8)))));
    }

    /** A version with every optional field, its prompt files one with every optional field and one with none. */
    private static VersionDocument fullVersion() {
        Version version = Version.parse("1.2.0");
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ParameterSummary full = new ParameterSummary("tone", "string", true, "How formal", nodes.textNode("formal"),
                List.of(nodes.textNode("formal"), nodes.textNode("casual")), "^[a-z]+$", new BigDecimal("1.5"),
                new BigDecimal("10"), 1, 20);
        ParameterSummary bare = new ParameterSummary("name", "string", false, null, null, List.of(), null, null, null,
                null, null);
        return new VersionDocument(NAME, version, "Greets people", List.of("greeting", "welcome"), "writing",
                "Ann <ann@example.com> (https://ann.example)", "MIT",
                new Repository("git", "https://git.example/acme/monorepo", "packages/greet"),
                new TreeMap<>(Map.of(PackageName.parse("@acme/base"), VersionRange.parse("^1.0.0"))),
                new TreeMap<>(Map.of("prompd", ">=1.0.0")), "prompts/greet.prmd",
                new TreeMap<>(Map.of("greet", "prompts/greet.prmd", "bare", "prompts/bare.prmd")),
                dist(ABSOLUTE, NAME, version), PUBLISHED, COMMIT,
                new TreeMap<>(Map.of("prompts/greet.prmd", new PromptSummary("greet", "Greeting", "Greets someone",
                        List.of(full, bare)), "prompts/bare.prmd", new PromptSummary(null, null, null, List.of()))),
                "# Greet\n\nGreets people.\n");
    }

    /** A version with every optional field left out or empty. */
    private static VersionDocument minimalVersion() {
        PackageName name = PackageName.parse("bare");
        Version version = Version.parse("0.1.0-rc.1");
        return new VersionDocument(name, version, null, List.of(), null, null, null, null, new TreeMap<>(),
                new TreeMap<>(), null, new TreeMap<>(), dist(RELATIVE, name, version), PUBLISHED, COMMIT,
                new TreeMap<>(), null);
    }

    private static Dist dist(Links links, PackageName name, Version version) {
        return new Dist(links.tarball(name, version), Integrity.of((name + "@" + version).getBytes(
                StandardCharsets.UTF_8)), 1234, 3, 5678);
    }

    /** The samples as the build writes them, and the format they are written at. */
    private static SortedMap<String, String> written() {
        SortedMap<String, String> written = new TreeMap<>();
        samples().forEach((file, sample) -> written.put(file, new String(Json.write(sample), StandardCharsets.UTF_8)));
        written.put(FORMAT_FILE, BuildState.FORMAT + "\n");
        return written;
    }

    /** The files recorded in {@value #FOLDER}, as the test's class path holds them. */
    private static SortedMap<String, String> recorded() throws IOException, URISyntaxException {
        SortedMap<String, String> recorded = new TreeMap<>();
        URL folder = DocumentShapeTest.class.getResource(FOLDER);
        if (folder != null) {
            try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                for (Path file : files.toList()) {
                    recorded.put(file.getFileName().toString(), Files.readString(file));
                }
            }
        }
        return recorded;
    }

    /** Writes the files to the test resources, leaving none that no longer has a sample. */
    private static void record(SortedMap<String, String> written) throws IOException {
        assertTrue(Files.isDirectory(SOURCE.getParent()), "a recording goes to " + SOURCE + ", below the generator"
                + " module's folder, which Maven runs its tests in: run " + RECORD_COMMAND);
        Files.createDirectories(SOURCE);
        try (Stream<Path> files = Files.list(SOURCE)) {
            for (Path stale : files.filter(file -> !written.containsKey(file.getFileName().toString())).toList()) {
                Files.delete(stale);
            }
        }
        for (Map.Entry<String, String> file : written.entrySet()) {
            Files.writeString(SOURCE.resolve(file.getKey()), file.getValue());
        }
    }

    /** The files one side has and the other has not, or has with other content. */
    private static List<String> differing(SortedMap<String, String> written, SortedMap<String, String> recorded) {
        return Stream.concat(written.keySet().stream(), recorded.keySet().stream()).distinct().sorted()
                .filter(file -> !Objects.equals(written.get(file), recorded.get(file))).toList();
    }

    /** The files named, each under its name, for a comparison that shows only what differs. */
    private static String shown(SortedMap<String, String> files, List<String> names) {
        return names.stream().map(name -> "== " + name + "\n" + Objects.requireNonNullElse(files.get(name), "(none)\n"))
                .collect(Collectors.joining());
    }

    /**
     * Each component, as {@code Record.component}, of the project's records the samples hold, themselves or in their
     * collections, that none of them gives a value: null, or an empty collection.
     */
    private static Set<String> unshown(Collection<Object> samples) {
        Set<String> components = new TreeSet<>();
        Set<String> shown = new TreeSet<>();
        Deque<Object> pending = new ArrayDeque<>(samples);
        while (!pending.isEmpty()) {
            Object value = pending.removeFirst();
            if (value instanceof Collection<?> collection) {
                pending.addAll(collection);
            } else if (value instanceof Map<?, ?> map) {
                pending.addAll(map.keySet());
                pending.addAll(map.values());
            } else if (value.getClass().isRecord() && value.getClass().getName().startsWith("io.prompd.")) {
                for (RecordComponent component : value.getClass().getRecordComponents()) {
                    String named = value.getClass().getSimpleName() + "." + component.getName();
                    components.add(named);
                    Object given = valueOf(component, value);
                    if (given != null && !(given instanceof Collection<?> none && none.isEmpty())
                            && !(given instanceof Map<?, ?> empty && empty.isEmpty())) {
                        shown.add(named);
                        pending.addLast(given);
                    }
                }
            }
        }
        components.removeAll(shown);
        return components;
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException unreadable) {
            throw new IllegalStateException("cannot read " + component, unreadable);
        }
    }
}
