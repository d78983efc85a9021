package io.prompd.generator.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check step of index-template's check workflow, run by bash with a stand-in for the jar. */
class CheckWorkflowTest {

    private static final String NOT_FINISHED = "The check could not finish";

    @TempDir
    Path runner;

    @Test
    void aCheckThatFinishedKeepsItsReportWhateverElseStderrHolds() throws Exception {
        String report = runCheckStep(1, "Picked up JAVA_TOOL_OPTIONS: -XX:TieredStopAtLevel=1");

        assertTrue(report.startsWith("**1 error, 0 warnings**"), report);
        assertFalse(report.contains(NOT_FINISHED), report);
    }

    @Test
    void aCheckThatCouldNotRunHasItsErrorForAReport() throws Exception {
        String report = runCheckStep(3, "error: revision not found: abc");

        assertTrue(report.contains("**" + NOT_FINISHED + "** (exit code 3):"), report);
        assertTrue(report.contains("error: revision not found: abc"), report);
    }

    /**
     * The report the step leaves when the check prints a report, writes {@code stderr} and exits with {@code status}.
     */
    private String runCheckStep(int status, String stderr) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the workflow's steps run in bash");
        Path bin = Files.createDirectories(runner.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/bash\necho '**1 error, 0 warnings**'\necho \"$STUB_STDERR\" >&2\nexit "
                + status + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder bash = new ProcessBuilder("/bin/bash", "-e", "-c", checkStep()).directory(runner.toFile())
                .redirectErrorStream(true).redirectOutput(runner.resolve("log.txt").toFile());
        Map<String, String> environment = bash.environment();
        environment.put("PATH", bin + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("STUB_STDERR", stderr);
        environment.put("RUNNER_TEMP", runner.toString());
        environment.put("GITHUB_STEP_SUMMARY", runner.resolve("summary.md").toString());
        environment.put("GITHUB_OUTPUT", runner.resolve("output.txt").toString());
        environment.put("QUEUE_BASE_SHA", "base");
        environment.put("HEAD_SHA", "head");
        environment.put("ACTOR", "dave");

        assertEquals(0, bash.start().waitFor(), () -> read(runner.resolve("log.txt")));
        assertEquals("status=" + status, read(runner.resolve("output.txt")).strip());
        return read(runner.resolve("report.md"));
    }

    private static String checkStep() throws IOException {
        JsonNode workflow = new ObjectMapper(new YAMLFactory())
                .readTree(IndexTemplateCheckTest.template().resolve(".github/workflows/check.yml").toFile());
        return StreamSupport.stream(workflow.path("jobs").path("check").path("steps").spliterator(), false)
                .filter(step -> step.path("id").asText().equals("check"))
                .findFirst().orElseThrow().path("run").asText();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException failed) {
            return "(no " + file.getFileName() + ": " + failed + ")";
        }
    }
}
