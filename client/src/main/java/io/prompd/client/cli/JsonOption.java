package io.prompd.client.cli;

import picocli.CommandLine.Option;

/** {@code --json}: for commands whose result a script may want to read. */
final class JsonOption {

    static final String NAME = "--json";

    @Option(names = NAME, description = "Print the result as JSON; a failure as {\"ok\": false, \"error\": {\"exitCode\","
            + " \"message\", \"hint\"}}, its text still on stderr.")
    boolean json;
}
