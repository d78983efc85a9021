package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.core.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {

    /** Asks the script what Tab offers after each line, as bash would, and prints one answer per line. */
    private static final String ASK = """
            source "$1"
            compopt() { :; }
            offer() {
              COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
              _complete_prompd prompd "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
              echo "${COMPREPLY[*]}"
            }
            offer prompd ins
            offer prompd install --fr
            offer prompd install --resolution ""
            offer prompd cache ""
            offer prompd tree --d
            """;

    @TempDir
    Path work;

    @Test
    void theBashScriptCompletesCommandsOptionsAndTheirValues() throws Exception {
        CliRun run = CliRun.in(work, work.resolve("home"), "completion");
        assertEquals(0, run.exitCode(), run.err());
        Path script = Files.writeString(work.resolve("prompd.bash"), run.out());

        Processes.Run offered = Processes.run(List.of("bash", "-c", ASK, "ask", script.toString()), work, Map.of(), "",
                Duration.ofSeconds(30)).ok();

        assertEquals("install\n--frozen\nhighest lowest\nverify clean\n--dot\n", offered.out(), offered.err());
    }
}
