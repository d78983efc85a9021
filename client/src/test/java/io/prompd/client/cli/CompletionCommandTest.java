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

    /**
     * Asks the script what Tab offers after each line, as bash would, and prints one answer per
     * line; prompd itself is a function answering 'config list' for the home $2 with the file $3.
     */
    private static final String ASK = """
            source "$1"
            test_home=$2 test_listed=$3
            compopt() { :; }
            prompd() {
              if [[ "$*" == "--home $test_home config list" ]]; then cat "$test_listed"; else return 1; fi
            }
            # the line typed, then its words as bash splits them, at a ':' or '@' too
            typed() {
              COMP_LINE=$1; shift
              COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_POINT=${#COMP_LINE}; COMPREPLY=()
              _complete_prompd_configured prompd "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
              echo "${COMPREPLY[*]}"
            }
            offer() {
              typed "$*" "$@"
            }
            offer prompd ins
            offer prompd install --fr
            offer prompd install --resolution ""
            offer prompd cache ""
            offer prompd tree --d
            offer prompd --home "$2" install --registry ""
            offer prompd --home "$2" registry remove w
            offer prompd --home "$2" registry remove --h
            offer prompd --home "$2" config get ""
            offer prompd --home "$2" config unset sc
            offer prompd --home "$2" config set ""
            offer prompd --home "$2" config set scopes.@acme ""
            offer prompd --home "$2" config set registry p
            offer prompd --home = "$2" install --registry = ""
            offer prompd --home = "$2" config unset sc
            HOME=$(dirname "$2") offer prompd --home "~/$(basename "$2")" registry remove p
            offer prompd i
            offer prompd --verbose i
            offer prompd --offline up
            offer prompd -v config set
            offer prompd --home "$2" --offline cache
            offer prompd install --resolution = l
            offer prompd install --resolution = lowest --glo
            offer prompd info --json =
            offer prompd --home "$2" --registry =
            offer prompd --home = "$2" registry remove --registry = p
            offer prompd --home "$2" registry rm ""
            offer prompd --home "$2" registry default p
            typed "prompd --home $2 config get credentials.https://prompd.w" prompd --home "$2" config get \
              credentials.https : //prompd.w
            typed "prompd --home $2 config unset credentials.https:" prompd --home "$2" config unset credentials.https :
            typed "prompd --home $2 config get scopes.@a" prompd --home "$2" config get scopes. @ a
            typed "prompd --home=$2 config get scopes.@" prompd --home = "$2" config get scopes. @
            typed "prompd --home $2 config get credentials.https :" prompd --home "$2" config get credentials.https :
            offer prompd help in
            """;

    @TempDir
    Path work;

    @Test
    void theBashScriptCompletesCommandsOptionsTheirValuesAndWhatIsConfigured() throws Exception {
        Path home = work.resolve("home");
        CliRun.in(work, home, "registry", "add", "work", "https://prompd.work.example/", "--scope", "@acme",
                "--default");
        CliRun.in(work, home, "registry", "add", "public", "https://prompd.example/");
        CliRun.in(work, home, "secret\n", Map.of(), "login", "--offline", "--registry", "work");
        Path configured = Files.writeString(work.resolve("config.txt"), CliRun.in(work, home, "config", "list").out());
        CliRun run = CliRun.in(work, home, "completion");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(CliRun.in(work, work.resolve("empty-home"), "completion").out(), run.out(),
                "the script is the same whatever is configured: it asks on each Tab");
        Path script = Files.writeString(work.resolve("prompd.bash"), run.out());

        Processes.Run offered = Processes.run(List.of("bash", "-c", ASK, "ask", script.toString(), home.toString(),
                configured.toString()), work, Map.of(), "", Duration.ofSeconds(30)).ok();

        assertEquals("""
                install
                --frozen
                highest lowest
                verify clean
                --dot
                public work
                work
                --help --home
                credentials.https://prompd.work.example/ registries.public registries.work registry scopes.@acme
                scopes.@acme
                registry registries.public registries.work scopes.@acme
                public work
                public
                public work
                scopes.@acme
                public
                init install i info
                init install i info
                update up
                set
                cache
                lowest
                --global
                
                public work
                public
                public work
                public
                //prompd.work.example/
                //prompd.work.example/
                @acme
                @acme
                
                init install info
                """, offered.out(), offered.err() + "\nconfig list:\n" + Files.readString(configured));
        assertEquals("", offered.err(), "bash says nothing of its own");
    }
}
