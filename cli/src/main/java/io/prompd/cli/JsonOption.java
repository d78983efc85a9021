package io.prompd.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --json} option of the commands of both tools whose result, or failure, a script may want to read,
 * mixed into each: {@link CommandLines} prints the failure of a command given it as JSON too.
 */
public final class JsonOption {

    public static final String NAME = "--json";

    @Option(names = NAME, description = "Print the result as JSON; a failure as {\"ok\": false, \"error\":"
            + " {\"exitCode\", \"kind\", \"message\", \"hint\"}}, its text still on stderr: a script switches on"
            + " kind, never on message.")
    private boolean json;

    public boolean isJson() {
        return json;
    }
}
