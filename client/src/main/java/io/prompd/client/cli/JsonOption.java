package io.prompd.client.cli;

import io.prompd.cli.CommandLines;
import picocli.CommandLine.Option;

/** {@code --json}: for commands whose result a script may want to read. */
final class JsonOption {

    @Option(names = CommandLines.JSON_OPTION, description = "Print the result as JSON; a failure as {\"ok\": false, \"error\": {\"exitCode\","
            + " \"message\", \"hint\"}}, its text still on stderr.")
    boolean json;
}
