package io.prompd.client.cli;

import io.prompd.core.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {
            "Print the bash completion script of prompd: its commands and options complete on Tab.",
            "Load it with: source <(prompd completion)",
            "or save it where bash-completion finds it for every new shell:",
            "  prompd completion > ~/.local/share/bash-completion/completions/prompd",
            "zsh reads it too, after: autoload -U +X bashcompinit && bashcompinit"})
final class CompletionCommand implements Callable<Integer> {

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
        out.print(AutoComplete.bash(spec.parent().name(), whole));
        return ExitCode.OK.code();
    }
}
