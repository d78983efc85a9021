package io.prompd.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prompd.core.testing.Processes;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
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
            offer prompd --home "$2" config set scopes.@acme work ""
            offer prompd --home "$2" config set registry work w
            offer prompd pack --out acm
            offer prompd pack -o acm
            typed "prompd pack --out=acm" prompd pack --out = acm
            offer prompd config l
            offer prompd registry l
            offer prompd --home "$2" config get http
            offer prompd --home "$2" config set http.r
            offer prompd --home "$2" config unset h
            offer prompd --home "$2-none" config get ""
            offer prompd install --no-o
            offer prompd --no
            """;

    /**
     * Asks the script what Tab offers after each line, as zsh would with its bashcompinit, as the help says to load
     * it: zsh's own _bash_complete gives the script the line, and what it would show is what it passes on to compadd,
     * a builtin that only a Tab can run, which zsh matches to the beginning of the word, or to _default, which lists
     * file names. prompd itself is a function as in {@link #ASK}.
     */
    private static final String ASK_ZSH = """
            autoload -U +X compinit && compinit -D
            autoload -U +X bashcompinit && bashcompinit
            source "$1"
            test_home=$2 test_listed=$3
            prompd() {
              if [[ "$*" == "--home $test_home config list" ]]; then cat "$test_listed"; else return 1; fi
            }
            compadd() {
              local word
              for word in "${@[${@[(i)-]}+1,-1]}"; do
                [[ ${word} == "${PREFIX}"* ]] && shown+=("${word}")
              done
            }
            _default() { shown+=("(files)") }
            compset() { return 1 }
            offer() {
              words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}; shown=()
              _bash_complete ${=_comps[prompd]#_bash_complete }
              print -r -- "${shown[*]}"
            }
            offer prompd upd
            offer prompd install --fr
            offer prompd cache ""
            offer prompd --home "$2" --registry ""
            offer prompd --home "$2" install --registry w
            offer prompd --home "$2" registry remove ""
            offer prompd --home "$2" config set ""
            offer prompd --home "$2" config set scopes.@acme ""
            offer prompd --home "$2" config get credentials.https://prompd.w
            offer prompd --home "$2" config unset sc
            offer prompd help in
            offer prompd --home "$2" config set scopes.@acme work ""
            offer prompd --home "$2" --registry x
            offer prompd validate pro
            """;

    @TempDir
    Path work;

    @Test
    void theBashScriptCompletesCommandsOptionsTheirValuesAndWhatIsConfigured() throws Exception {
        Configured configured = configured();
        Files.createFile(work.resolve("acme-greetings-0.1.0.tgz"));

        Processes.Run offered = Processes.run(List.of("bash", "-c", ASK, "ask", configured.script().toString(),
                configured.home().toString(), configured.list().toString()), work, Map.of(), "",
                Duration.ofSeconds(30)).ok();

        assertEquals("""
                install
                --frozen
                highest lowest
                verify clean
                --dot
                public work
                work
                --help --home
                credentials.https://prompd.work.example/ http.retries http.timeout registries.public registries.work \
                registry scopes.@acme
                scopes.@acme
                http.retries http.timeout registries.public registries.work registry scopes.@acme
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
                
                
                acme-greetings-0.1.0.tgz
                acme-greetings-0.1.0.tgz
                acme-greetings-0.1.0.tgz
                list ls
                list ls
                http.retries http.timeout
                http.retries
                http.retries http.timeout
                http.retries http.timeout registry
                --no-offline
                --no-offline
                """, offered.out(), offered.err() + "\nconfig list:\n" + Files.readString(configured.list()));
        assertEquals("", offered.err(), "bash says nothing of its own");
    }

    @Test
    void zshReadsTheScriptThroughItsBashcompinit() throws Exception {
        Configured configured = configured();
        Optional<Path> zsh = onPath("zsh");
        assertTrue(zsh.isPresent(), "this test runs the script in zsh, which is not installed: install it (apt-get"
                + " install zsh), as .ci/run does");

        Processes.Run offered = Processes.run(List.of(zsh.get().toString(), "-f", "-c", ASK_ZSH, "ask",
                configured.script().toString(), configured.home().toString(), configured.list().toString()), work,
                Map.of(), "", Duration.ofSeconds(30)).ok();

        assertEquals("""
                update
                --frozen
                verify clean
                public work
                work
                public work
                http.retries http.timeout registries.public registries.work registry scopes.@acme
                public work
                credentials.https://prompd.work.example/
                scopes.@acme
                init install info
                
                
                prompd.bash
                """, offered.out(), offered.err() + "\nconfig list:\n" + Files.readString(configured.list()));
        assertEquals("", offered.err(), "zsh says nothing of its own");
    }

    /**
     * The script's header tells how to install it as --help does, where picocli's told of folders bash-completion does
     * not read (~/bash-completion.d) and of scripts beside an application's jar.
     */
    @Test
    void theScriptsHeaderTellsHowToInstallItAsHelpDoes() {
        String script = CliRun.in(work, work.resolve("home"), "completion").out();
        String help = CliRun.in(work, work.resolve("home"), "completion", "--help").out();

        String header = script.substring(0, script.indexOf("# Documentation"));
        assertTrue(header.contains("\n# Installation\n# ------------\n#\n# Load it with: source <(prompd completion)\n"
                + "# or save it where bash-completion finds it for every new shell:\n"
                + "#   mkdir -p ~/.local/share/bash-completion/completions\n"
                + "#   prompd completion > ~/.local/share/bash-completion/completions/prompd\n"
                + "# zsh reads it too, after: autoload -U +X bashcompinit && bashcompinit\n"
                + "# (see 'prompd completion --help')\n#\n"), header);
        assertTrue(help.contains("  mkdir -p ~/.local/share/bash-completion/completions\n"
                + "  prompd completion > ~/.local/share/bash-completion/completions/prompd\n"), help);
        for (String wrong : List.of("bash-completion.d", "YOUR_APP_HOME", "_completion", ".bash_profile")) {
            assertFalse(header.contains(wrong), wrong + " in " + header);
        }
    }

    /** The script, and a home with two registries, a scope and credentials, listed by 'config list' in a file. */
    private record Configured(Path script, Path home, Path list) {
    }

    private Configured configured() throws Exception {
        Path home = work.resolve("home");
        CliRun.in(work, home, "registry", "add", "work", "https://prompd.work.example/", "--scope", "@acme",
                "--default");
        CliRun.in(work, home, "registry", "add", "public", "https://prompd.example/");
        CliRun.in(work, home, "secret\n", Map.of(), "login", "--offline", "--registry", "work");
        Path listed = Files.writeString(work.resolve("config.txt"), CliRun.in(work, home, "config", "list").out());
        CliRun run = CliRun.in(work, home, "completion");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(CliRun.in(work, work.resolve("empty-home"), "completion").out(), run.out(),
                "the script is the same whatever is configured: it asks on each Tab");
        return new Configured(Files.writeString(work.resolve("prompd.bash"), run.out()), home, listed);
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty()).map(folder -> Path.of(folder, program))
                .filter(Files::isExecutable).findFirst();
    }
}
