package io.prompd.generator.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prompd.core.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Steps of index-template's workflows, run by bash as GitHub's runners run them, with stand-ins for the programs they
 * call: the check step of the check workflow, the build step of the build workflow, and the step of both workflows
 * that downloads the jar.
 */
class CheckWorkflowTest {

    private static final String NOT_FINISHED = "The check could not finish";

    private static final String JAR = "bytes of a release";

    @TempDir
    Path runner;

    @Test
    void aCheckThatFinishedKeepsItsReportWhateverElseStderrHolds() throws Exception {
        String report = runCheckStep(ExitCode.FAILURE.code(), "Picked up JAVA_TOOL_OPTIONS: -XX:TieredStopAtLevel=1");

        assertTrue(report.startsWith("**1 error, 0 warnings**"), report);
        assertFalse(report.contains(NOT_FINISHED), report);
    }

    @Test
    void aCheckThatCouldNotRunHasItsErrorForAReport() throws Exception {
        String report = runCheckStep(ExitCode.NOT_FOUND.code(), "error: revision not found: abc");

        assertTrue(report.contains("**" + NOT_FINISHED + "** (exit code " + ExitCode.NOT_FOUND.code() + "):"), report);
        assertTrue(report.contains("error: revision not found: abc"), report);
    }

    /** A pull request with no commit of its own has the check's own report, and its run passes with a notice. */
    @Test
    void aCheckWithNothingToCheckKeepsItsReportAndPasses() throws Exception {
        String report = runCheckStep(ExitCode.NOTHING_TO_DO.code(), "");

        assertTrue(report.startsWith("**1 error, 0 warnings**"), report);
        assertFalse(report.contains(NOT_FINISHED), report);
        String failStep = step("check.yml", "check", step -> step.path("name").asText().startsWith("Fail"));
        assertEquals(0, run(failStep, Map.of("STATUS", String.valueOf(ExitCode.NOTHING_TO_DO.code()))));
        assertTrue(read(runner.resolve("log.txt")).startsWith("::notice::the pull request has no commit"),
                () -> read(runner.resolve("log.txt")));
        assertEquals(1, run(failStep, Map.of("STATUS", String.valueOf(ExitCode.FAILURE.code()))));
        assertTrue(read(runner.resolve("log.txt")).startsWith("::error::prompd-registry check failed (exit code 1)"),
                () -> read(runner.resolve("log.txt")));
    }

    /** The template ships with no checksum: a run that cannot verify the jar says so where the run's page shows it. */
    @ParameterizedTest
    @CsvSource({"build.yml, build", "check.yml, check"})
    void aJarDownloadedWithoutAChecksumDrawsAWarningOfTheRun(String workflow, String job) throws Exception {
        assertEquals(0, runDownloadStep(workflow, job, ""), () -> read(runner.resolve("log.txt")));

        assertEquals("::warning::PROMPD_REGISTRY_JAR_SHA256 is empty, so prompd-registry.jar runs unverified: set it"
                + " to the checksum published next to the jar on its release page (README.md, \"Set up your"
                + " registry\", step 7)\n", read(runner.resolve("log.txt")));
    }

    @ParameterizedTest
    @CsvSource({"build.yml, build", "check.yml, check"})
    void aJarIsVerifiedAgainstTheChecksumSet(String workflow, String job) throws Exception {
        assertEquals(0, runDownloadStep(workflow, job, sha256(JAR)), () -> read(runner.resolve("log.txt")));
        assertFalse(read(runner.resolve("log.txt")).contains("::warning::"), () -> read(runner.resolve("log.txt")));
        assertNotEquals(0, runDownloadStep(workflow, job, sha256("another release")));
    }

    /**
     * The build is guarded against a force-push only by the output it built before: the workflow restores it from the
     * cache before the build and saves it after, under one key, so the next run finds it.
     */
    @Test
    void theBuildWorkflowBuildsOnThePreviousOutputAndKeepsItsOwnForTheNext() throws IOException {
        List<JsonNode> steps = StreamSupport.stream(workflow("build.yml").path("jobs").path("build").path("steps")
                .spliterator(), false).toList();
        List<String> order = steps.stream().map(step -> step.path("uses").asText(step.path("name").asText())).toList();
        int restore = order.indexOf("actions/cache/restore@v4");
        int build = order.indexOf("Build");
        int save = order.indexOf("actions/cache/save@v4");

        assertTrue(restore >= 0 && restore < build && build < save
                && save < order.indexOf("actions/upload-pages-artifact@v3"), order::toString);
        JsonNode restored = steps.get(restore).path("with");
        JsonNode saved = steps.get(save).path("with");
        assertEquals("public", restored.path("path").asText());
        assertEquals("public", saved.path("path").asText());
        assertEquals(restored.path("key"), saved.path("key"));
        assertTrue(saved.path("key").asText().startsWith(restored.path("restore-keys").asText()), saved::toString);
        assertTrue(steps.get(build).path("run").asText().contains("build . --out public"));
    }

    /**
     * Without the previous output, a registry already published is not built but by hand, as asked: a build into an
     * empty folder would serve what a force-push changed or brought back. Only a definite 404 for its registry.json
     * is a registry not published yet, whose first build draws a warning; a site that does not answer is no proof.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "prompd-registry-output-7-1 | 200 |      | 0 | ",
            "                           | 404 |      | 0 | ::warning::No previous output to build on, and",
            "                           | 200 |      | 1 | ::error::No previous output to build on (its cache is gone)",
            "                           | 200 | false| 1 | ::error::No previous output to build on (its cache is gone)",
            "                           | 503 |      | 1 | ::error::No previous output to build on (its cache is gone)",
            "                           | 000 |      | 1 | ::error::No previous output to build on (its cache is gone)",
            "                           | 200 | true | 0 | ::warning::Building without the previous output, as asked"})
    void withoutThePreviousOutputOnlyARegistryNotPublishedYetOrOneAskedForIsBuilt(String previous, String site,
                                                                                  String asked, int status,
                                                                                  String said) throws Exception {
        stub("curl", "printf '%s' \"$STUB_SITE\"\n[ \"$STUB_SITE\" != 000 ]\n");
        stub("java", "echo \"java $*\" > \"$RUNNER_TEMP/built.txt\"\n");

        int exit = run(step("build.yml", "build", step -> step.path("name").asText().equals("Build")), Map.of(
                "STUB_SITE", site,
                "PREVIOUS_OUTPUT", previous == null ? "" : previous,
                "SITE_URL", "https://owner.github.io/registry",
                "WITHOUT_PREVIOUS_OUTPUT", asked == null ? "" : asked));

        String log = read(runner.resolve("log.txt"));
        assertEquals(status, exit, log);
        assertEquals(status == 0, Files.exists(runner.resolve("built.txt")), log);
        if (said == null) {
            assertEquals("", log);
        } else {
            assertTrue(log.startsWith(said), log);
            assertEquals(1, log.lines().count(), log);
        }
    }

    /**
     * The report the step leaves when the check prints a report, writes {@code stderr} and exits with {@code status}.
     */
    private String runCheckStep(int status, String stderr) throws IOException, InterruptedException {
        stub("java", "echo '**1 error, 0 warnings**'\necho \"$STUB_STDERR\" >&2\nexit " + status + "\n");
        assertEquals(0, run(step("check.yml", "check", step -> step.path("id").asText().equals("check")), Map.of(
                "STUB_STDERR", stderr,
                "GITHUB_STEP_SUMMARY", runner.resolve("summary.md").toString(),
                "GITHUB_OUTPUT", runner.resolve("output.txt").toString(),
                "QUEUE_BASE_SHA", "base",
                "HEAD_SHA", "head",
                "ACTOR", "dave")), () -> read(runner.resolve("log.txt")));
        assertEquals("status=" + status, read(runner.resolve("output.txt")).strip());
        return read(runner.resolve("report.md"));
    }

    /** The exit code of the workflow's download step, with curl standing in to write {@link #JAR}. */
    private int runDownloadStep(String workflow, String job, String checksum) throws IOException, InterruptedException {
        stub("curl", "while [ $# -gt 0 ]; do [ \"$1\" = --output ] && out=\"$2\"; shift; done\nprintf '%s' '" + JAR
                + "' > \"$out\"\n");
        return run(step(workflow, job, step -> step.path("name").asText().startsWith("Download prompd-registry")),
                Map.of("PROMPD_REGISTRY_JAR_URL", "https://releases.example.test/prompd-registry.jar",
                        "PROMPD_REGISTRY_JAR_SHA256", checksum));
    }

    /** A program of that name, first on the step's PATH, running the bash script. */
    private void stub(String program, String script) throws IOException {
        Path file = Files.createDirectories(runner.resolve("bin")).resolve(program);
        Files.writeString(file, "#!/bin/bash\n" + script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * Runs the script as GitHub runs a step's {@code run} in bash ({@code bash -e -o pipefail}), its output in
     * {@code log.txt}, with the runner's temporary folder and the environment given.
     */
    private int run(String script, Map<String, String> env) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the workflow's steps run in bash");
        ProcessBuilder bash = new ProcessBuilder("/bin/bash", "-e", "-o", "pipefail", "-c", script)
                .directory(runner.toFile()).redirectErrorStream(true)
                .redirectOutput(runner.resolve("log.txt").toFile());
        Map<String, String> environment = bash.environment();
        environment.put("PATH", runner.resolve("bin") + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("RUNNER_TEMP", runner.toString());
        environment.putAll(env);
        return bash.start().waitFor();
    }

    /** The {@code run} of the job's step that the predicate picks. */
    private static String step(String workflow, String job, Predicate<JsonNode> picked) throws IOException {
        return StreamSupport.stream(workflow(workflow).path("jobs").path(job).path("steps").spliterator(), false)
                .filter(picked).findFirst().orElseThrow().path("run").asText();
    }

    private static JsonNode workflow(String workflow) throws IOException {
        return new ObjectMapper(new YAMLFactory())
                .readTree(IndexTemplateCheckTest.template().resolve(".github/workflows").resolve(workflow).toFile());
    }

    /** The checksum of the text as sha256sum writes it. */
    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException failed) {
            return "(no " + file.getFileName() + ": " + failed + ")";
        }
    }
}
