package io.prompd.client.cli;

import io.prompd.client.config.ConfigKey;
import io.prompd.core.ExitCode;
import io.prompd.core.ShellWords;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {
            "Print the bash completion script of prompd: its commands and options complete on Tab, and so do the"
                    + " configured registry names (--registry, registry remove and default, config set's value) and"
                    + " configuration keys (config get, set and unset: registry, http.timeout, http.retries and the"
                    + " keys set), which it asks prompd for.",
            CompletionCommand.LOAD, CompletionCommand.SAVE, "  " + CompletionCommand.FOLDER,
            "  " + CompletionCommand.SAVED,
            CompletionCommand.ZSH})
final class CompletionCommand implements Callable<Integer> {

    // How to install the script, in --help and in the script's header alike
    static final String LOAD = "Load it with: source <(prompd completion)";
    static final String SAVE = "or save it where bash-completion finds it for every new shell:";
    // the folder is bash-completion's, which a fresh home does not have yet
    static final String FOLDER = "mkdir -p ~/.local/share/bash-completion/completions";
    static final String SAVED = "prompd completion > ~/.local/share/bash-completion/completions/prompd";
    static final String ZSH = "zsh reads it too, after: autoload -U +X bashcompinit && bashcompinit";

    /**
     * Where picocli's header tells how to install the script, which it words for scripts kept beside an application's
     * jar and for bash-completion folders that bash-completion does not read (/etc/bash-completion.d,
     * ~/bash-completion.d): replaced by how to install prompd's.
     */
    private static final String PICOCLI_INSTALLATION = "# Installation\n";
    private static final String PICOCLI_DOCUMENTATION = "# Documentation\n";

    /**
     * Completes what picocli cannot, as it writes candidates into the script: registry names and
     * configuration keys are the user's own and change, so on each Tab they are asked of prompd
     * itself, with the line's --home. The rest goes to picocli's {@code _complete_prompd}.
     */
    private static final String CONFIGURED = """

            # Configuration keys set, one a line, from 'prompd config list' with the --home of the line.
            function _prompd_configured_keys() {
              local i line folder home=()
              for (( i = 1; i < COMP_CWORD; i++ )); do
                if [[ ${COMP_WORDS[i]} == --home ]]; then
                  # the line's words are not yet expanded: the ~ is still there
                  folder=${COMP_WORDS[i+1]}
                  home=(--home "${folder/#\\~/$HOME}")
                fi
              done
              "${COMP_WORDS[0]}" "${home[@]}" config list 2>/dev/null | while IFS= read -r line; do
                printf '%s\\n' "${line%% = *}"
              done
            }

            # The keys config takes whatever is set, one a line: registry and the limits, from prompd's list of them.
            function _prompd_single_keys() {
              printf '%s\\n' SINGLE_KEYS
            }

            # Every key config get, set and unset take: those and the keys set, each once, sorted.
            function _prompd_keys() {
              { _prompd_single_keys; _prompd_configured_keys; } | LC_ALL=C sort -u
            }

            function _prompd_registry_names() {
              local key
              _prompd_configured_keys | while IFS= read -r key; do
                [[ ${key} == registries.* ]] && printf '%s\\n' "${key#registries.}"
              done
            }

            # Whether $1_$2 is the completion function of a subcommand; declare takes a name holding '=' for an assignment.
            # declare -f, as both shells read it: zsh's declare -F declares a number, and refuses a name with a '.'
            function _prompd_is_command() {
              [[ -n $1 && $2 != *=* ]] && declare -f "$1_$2" >/dev/null 2>&1
            }

            # Completes registry names and configuration keys in the words as typed, which _complete_prompd_configured
            # gives it, and leaves everything else to _complete_prompd.
            function _prompd_complete_words() {
              local i words=() candidates prev=${COMP_WORDS[COMP_CWORD-1]} curr=${COMP_WORDS[COMP_CWORD]}
              # the words before the one completed, without options and the values of --home and --registry
              for (( i = 1; i < COMP_CWORD; i++ )); do
                case ${COMP_WORDS[i]} in
                  --home|--registry) (( i++ )) ;;
                  -*) ;;
                  *) words+=("${COMP_WORDS[i]}") ;;
                esac
              done
              # the completion function of the commands on the line, when those words are all commands
              local level=_picocli_prompd word
              for word in "${words[@]}"; do
                _prompd_is_command "${level}" "${word}" && level=${level}_${word} || level=
              done
              if [[ ${prev} == --registry ]]; then
                candidates=$(_prompd_registry_names)
              elif [[ ${prev} == --home || ${curr} == -* ]]; then
                _complete_prompd "$@"; return $?
              elif _prompd_is_command "${level}" "${curr}"; then
                # a command typed in full is still completed until a space ends it, which _complete_prompd
                # knows only right after the program's name: after an option it takes it for the one chosen
                ${level} "$@"; return $?
              else
                case "${words[*]}" in
                  # config set takes a key and its value, and no key nor registry name holds a blank
                  'config set '*' '*) candidates= ;;
                  'registry remove'|'registry rm'|'registry default'|'config set registry'|'config set scopes.'*)
                    candidates=$(_prompd_registry_names) ;;
                  'config get'|'config unset') candidates=$(_prompd_keys) ;;
                  # credentials are set by 'prompd login', never by config set
                  'config set') candidates=$(_prompd_keys | grep -v '^credentials\\.') ;;
                  # picocli offers no command after help: the program's own completion offers them all
                  help) COMP_WORDS=("${COMP_WORDS[0]}" "${curr}"); COMP_CWORD=1; _picocli_prompd; return $? ;;
                  *) _complete_prompd "$@"; return $? ;;
                esac
              fi
              # no registry name or key matches: a file name would not be one either
              type compopt &>/dev/null && compopt +o default
              local IFS=$'\\n'
              COMPREPLY=( $(compgen -W "${candidates}" -- "${curr}") )
            }

            # Completes the words as typed, with the replies trimmed to the part of the word bash replaces.
            function _complete_prompd_configured() {
              # bash splits --opt=VALUE at the '=' into three words: the functions called see the two words of
              # --opt VALUE, which they complete, and an empty value when the '=' is the word completed. It splits a
              # word at each ':' and '@' too (COMP_WORDBREAKS), as a key into credentials.http : //host : 8080/ or
              # scopes. @ acme: such a break, and the word after one, are joined back to the word before where no blank
              # parts them on the line, as bash-completion's _get_comp_words_by_ref -n :@ joins them
              local i joined line=${COMP_LINE} words=() cword=${COMP_CWORD} breaks=${COMP_WORDBREAKS//[^:@]/}
              for (( i = 0; i < ${#COMP_WORDS[@]}; i++ )); do
                joined=
                if [[ -n ${breaks} && i -gt 1 && ${line} != [[:blank:]]* ]]; then
                  [[ ${COMP_WORDS[i]} == [${breaks}]* || ${COMP_WORDS[i-1]} == *[${breaks}] ]] && joined=1
                fi
                line=${line#"${line%%[![:blank:]]*}"}
                line=${line#"${COMP_WORDS[i]}"}
                if [[ ${COMP_WORDS[i]} == = && i -gt 0 && ${COMP_WORDS[i-1]} == --* ]]; then
                  (( i == COMP_CWORD )) && words+=("")
                  (( i < COMP_CWORD )) && (( cword-- ))
                elif [[ -n ${joined} ]]; then
                  words[${#words[@]}-1]+=${COMP_WORDS[i]}
                  (( i <= COMP_CWORD )) && (( cword-- ))
                else
                  words+=("${COMP_WORDS[i]}")
                fi
              done
              local COMP_WORDS=("${words[@]}") COMP_CWORD=${cword}
              # not 'status', which zsh holds read-only as its $?
              local curr=${COMP_WORDS[cword]} completed
              _prompd_complete_words "$@"
              completed=$?
              # bash puts a reply in place of the part of the word after its last ':', or from its last '@' (which it
              # keeps with the part, as it keeps a '$'), so each reply is cut to that part, as bash-completion's
              # __ltrim_colon_completions cuts them at a ':'
              if [[ -n ${breaks} && ${curr} == *[${breaks}]* ]]; then
                local typed=${curr%"${curr##*[${breaks}]}"}
                typed=${typed%@}
                for (( i = 0; i < ${#COMPREPLY[@]}; i++ )); do
                  COMPREPLY[i]=${COMPREPLY[i]#"${typed}"}
                done
              fi
              return ${completed}
            }

            if [[ -n ${ZSH_VERSION-} ]]; then
              # zsh has no compopt, with which each function turns the default of file names off in bash, so that
              # nothing matching would list the folder's files; its functions complete file names where they are meant
              complete -F _complete_prompd_configured prompd prompd.sh prompd.bash
            else
              complete -F _complete_prompd_configured -o default prompd prompd.sh prompd.bash
            fi
            """;

    @Spec
    CommandSpec spec;

    private final PrompdCommand root;

    CompletionCommand(PrompdCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // this run knows only the subcommand it was given; the script describes all of them
        CommandLine whole = PrompdCommand.commandLine(out, spec.commandLine().getErr(), root.context());
        out.print(withNegatedFlags(withInstallation(AutoComplete.bash(spec.parent().name(), whole)), whole)
                + CONFIGURED.replace("SINGLE_KEYS",
                ConfigKey.SINGLE.stream().map(key -> ShellWords.quote(key.toString()))
                        .collect(Collectors.joining(" "))));
        return ExitCode.OK.code();
    }

    /**
     * Picocli's script with the negative form of each negatable flag offered beside it ({@code --no-offline} beside
     * {@code --offline}), which picocli's script leaves out though the command takes it.
     */
    static String withNegatedFlags(String script, CommandLine whole) {
        Map<String, String> negated = new TreeMap<>();
        negatable(whole, negated);
        return script.lines().map(line -> {
            if (!line.stripLeading().startsWith("local flag_opts=")) {
                return line;
            }
            String offered = line;
            for (Map.Entry<String, String> flag : negated.entrySet()) {
                offered = offered.replace("'" + flag.getKey() + "'", "'" + flag.getKey() + "' '" + flag.getValue()
                        + "'");
            }
            return offered;
        }).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Each negatable flag of the command and its subcommands, by name, to its negative form. */
    private static void negatable(CommandLine command, Map<String, String> negated) {
        CommandSpec commandSpec = command.getCommandSpec();
        commandSpec.options().stream().filter(CommandLine.Model.OptionSpec::negatable).forEach(option ->
                Arrays.stream(option.names()).forEach(name -> negated.put(name, commandSpec
                        .negatableOptionTransformer().makeNegative(name, commandSpec))));
        command.getSubcommands().values().forEach(subcommand -> negatable(subcommand, negated));
    }

    /** Picocli's script with its installation section telling how to install prompd's, as --help does. */
    static String withInstallation(String script) {
        int start = script.indexOf(PICOCLI_INSTALLATION);
        int end = script.indexOf(PICOCLI_DOCUMENTATION);
        if (start < 0 || end < start) {
            // a picocli whose header is laid out otherwise: its words would be wrong for prompd again
            throw new IllegalStateException("picocli's completion script has no installation section to replace");
        }
        String installation = String.join("\n", "# Installation", "# ------------", "#", "# " + LOAD, "# " + SAVE,
                "#   " + FOLDER, "#   " + SAVED, "# " + ZSH, "# (see 'prompd completion --help')", "#", "");
        return script.substring(0, start) + installation + script.substring(end);
    }
}
